//! NER spans that are no one name: a list or a prepositional phrase run into one (`Everton and Arsenal`,
//! `Arsenal or Sheffield United`, `a move from Arsenal to Real Madrid`, `the Commons on Monday`), cut into
//! the names they hold, while names written with `and`, `&` or a preposition stay whole; and a common word
//! capitalised by its place at a sentence's start (`Broadband take-up rose`), no name at all.

use super::resolve_names::{has_name, names, with_spans};

/// Whether some entity's label holds `words`.
fn label_holds(g: &kg::resolve::DocumentGraph, words: &str) -> bool {
    g.entities.iter().any(|e| e.label.contains(words))
}

#[test]
fn a_preposition_the_parse_hangs_outside_the_span_ends_the_name_beside_a_name_of_its_own() {
    // `to` hangs on `move`; `Real Madrid` is a name the gazetteer knows.
    let g = with_spans(
        "The striker completed a move from Halvorsen Rovers to Real Madrid after a long summer.",
        &[("Halvorsen Rovers to Real Madrid", "ORG")],
    );
    assert!(!label_holds(&g, " to "), "{:?}", names(&g));
    assert!(
        has_name(&g, "Halvorsen Rovers") && has_name(&g, "Real Madrid"),
        "{:?}",
        names(&g)
    );
    // What follows stays a name only where it is one: not the day of `the Storting on Monday`.
    let g = with_spans(
        "Halvorsen spoke. The bill was debated in the Storting on Monday. The Storting agreed.",
        &[("the Storting on Monday", "ORG"), ("Storting", "ORG")],
    );
    assert!(!label_holds(&g, "Monday"), "{:?}", names(&g));
    assert!(has_name(&g, "Storting"), "{:?}", names(&g));
    // A title with a preposition and no name alone on either side stays whole, wherever the parser hangs
    // the preposition.
    let g = with_spans(
        "Brando starred in Mutiny on the Bounty in 1962.",
        &[("Mutiny on the Bounty", "WORK_OF_ART")],
    );
    assert!(has_name(&g, "Mutiny on the Bounty"), "{:?}", names(&g));
}

#[test]
fn a_list_ner_ran_into_one_name_is_names_of_their_own() {
    let g = with_spans(
        "Bolton host Halvorsen Rovers or Sheffield Athletic in the next round.",
        &[("Halvorsen Rovers or Sheffield Athletic", "ORG")],
    );
    assert!(
        has_name(&g, "Halvorsen Rovers") && has_name(&g, "Sheffield Athletic"),
        "{:?}",
        names(&g)
    );
    // A span continuing a list begun before it, whose last name the document names alone.
    let g = with_spans(
        "Lindby lost on Sunday. City failed to close the gap on Ostra, Norrby and Lindby after the draw.",
        &[
            ("Lindby", "ORG"),
            ("Ostra", "ORG"),
            ("Norrby and Lindby", "ORG"),
        ],
    );
    assert!(!label_holds(&g, " and "), "{:?}", names(&g));
    assert!(has_name(&g, "Norrby"), "{:?}", names(&g));
}

/// A place's span with a country after a comma is two names (`Czech Republic South Africa` was one node);
/// a place with its region after the comma stays whole.
#[test]
fn a_comma_before_a_country_ends_a_places_name() {
    let g = with_spans(
        "The mill exports to Romania, the Czech Republic, South Africa and Peru. The port of Tauranga, New Zealand, is busy.",
        &[
            ("Romania", "GPE"),
            ("the Czech Republic, South Africa", "GPE"),
            ("Peru", "GPE"),
            ("Tauranga, New Zealand", "GPE"),
        ],
    );
    assert!(
        has_name(&g, "Czech Republic") && has_name(&g, "South Africa"),
        "{:?}",
        names(&g)
    );
    assert!(
        has_name(&g, "Tauranga") && has_name(&g, "New Zealand"),
        "{:?}",
        names(&g)
    );
    let g = with_spans(
        "The shop in Ennis, Texas, closed.",
        &[("Ennis, Texas", "GPE")],
    );
    assert!(
        label_holds(&g, "Ennis Texas") || label_holds(&g, "Ennis, Texas"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn names_written_with_and_or_an_ampersand_stay_whole() {
    // `&`, a legal form or partners' word after `and`, and names neither side of which stands alone.
    let g = with_spans(
        "Shoppers at Halvorsen & Lund bought more. Lund said sales rose. Halvorsen agreed.",
        &[
            ("Halvorsen & Lund", "ORG"),
            ("Lund", "ORG"),
            ("Halvorsen", "ORG"),
        ],
    );
    // (The label writes the firm's name without its `&`.)
    assert!(label_holds(&g, "Halvorsen Lund"), "{:?}", names(&g));
    let g = with_spans(
        "Advisers Halvorsen Lund and Co Inc declined to comment. Halvorsen Lund is based in Oslo.",
        &[
            ("Halvorsen Lund and Co Inc", "ORG"),
            ("Halvorsen Lund", "ORG"),
        ],
    );
    assert!(label_holds(&g, "Halvorsen Lund and Co"), "{:?}", names(&g));
    let g = with_spans(
        "The Fisheries and Coastal Affairs Directorate said catches fell.",
        &[("Fisheries and Coastal Affairs Directorate", "ORG")],
    );
    assert!(
        has_name(&g, "Fisheries and Coastal Affairs Directorate"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_common_word_opening_a_sentence_is_no_name_where_the_story_writes_it_in_lower_case() {
    let g = with_spans(
        "Broadband take-up rose again. More homes bought broadband than ever.",
        &[("Broadband", "ORG")],
    );
    assert!(!has_name(&g, "Broadband"), "{:?}", names(&g));
    // Not where the story never writes it in lower case, nor in the middle of a sentence.
    let g = with_spans(
        "Halvorsen raised prices. Shoppers said Halvorsen was dear.",
        &[("Halvorsen", "ORG")],
    );
    assert!(has_name(&g, "Halvorsen"), "{:?}", names(&g));
    // Nor where it writes it in lower case only inside a name NER tagged (a name written in lower case).
    let g = with_spans(
        "Halvorsen raised prices, said chairman olaf halvorsen of the grocer.",
        &[("Halvorsen", "ORG"), ("olaf halvorsen", "PERSON")],
    );
    assert!(has_name(&g, "Halvorsen"), "{:?}", names(&g));
    let g = with_spans(
        "Sales of Broadband Plus rose, and broadband grew. Rivals copied Broadband.",
        &[("Broadband", "ORG")],
    );
    assert!(has_name(&g, "Broadband"), "{:?}", names(&g));
}

#[test]
fn a_common_word_opening_a_sentence_before_a_name_the_story_tags_alone_is_no_part_of_it() {
    let g = with_spans(
        "Injured Norrby winger Jonas Lindqvist will miss the game. Rivals fear Norrby, and the injured winger will watch.",
        &[
            ("Injured Norrby", "ORG"),
            ("Jonas Lindqvist", "PERSON"),
            ("Norrby", "ORG"),
        ],
    );
    assert!(!has_name(&g, "Injured Norrby"), "{:?}", names(&g));
    // Where the story writes the whole within a sentence too, the word is part of the name.
    let g = with_spans(
        "New Norrby won the vote. Voters backed New Norrby, and new members joined Norrby.",
        &[("New Norrby", "ORG"), ("Norrby", "ORG")],
    );
    assert!(
        g.entities
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.start == 0 && m.end == 10)),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_time_zone_after_a_time_is_no_name() {
    let g = with_spans(
        "Shares of Halvorsen rose by 1200 GMT, and the GMT Group said nothing.",
        &[("Halvorsen", "ORG"), ("GMT", "ORG"), ("GMT Group", "ORG")],
    );
    assert!(!has_name(&g, "GMT"), "{:?}", names(&g));
    assert!(has_name(&g, "GMT Group"), "{:?}", names(&g));
    // Not after a time, the word may name something.
    let g = with_spans("Analysts at EST said demand rose.", &[("EST", "ORG")]);
    assert!(has_name(&g, "EST"), "{:?}", names(&g));
}

#[test]
fn a_firm_named_after_two_names_ner_cut_at_its_and_is_one_name() {
    // Cut into two organisations, or tagged only before the `and`.
    let g = with_spans(
        "American Telephone and Telegraph Co won the order. Analysts at Hongkong and Shanghai Banking Corp agreed.",
        &[
            ("American Telephone", "ORG"),
            ("Telegraph Co", "ORG"),
            ("Hongkong", "ORG"),
        ],
    );
    assert!(
        has_name(&g, "American Telephone and Telegraph Co"),
        "{:?}",
        names(&g)
    );
    assert!(
        has_name(&g, "Hongkong and Shanghai Banking Corp"),
        "{:?}",
        names(&g)
    );
    // Tagged only after the `and`, even as a person's name: no one's ends in a legal form.
    let g = with_spans(
        "Harbour and Fjord Plc is resisting the bid. Shares in Harbour and Fjord Plc rose.",
        &[("Fjord Plc", "PERSON")],
    );
    assert!(has_name(&g, "Harbour and Fjord Plc"), "{:?}", names(&g));
    assert!(!has_name(&g, "Fjord Plc"), "{:?}", names(&g));
    // A firm NER took for a person keeps the word before it that a given name would be; a person of a
    // firm (`of`) is no firm.
    let g = with_spans(
        "Lakeside Inn Inc said it would sell shares, said Mara Lund of Fjord Capital Corp in Oslo. Its auditors, Brekke Holm and Co, agreed.",
        &[
            ("Inn Inc", "PERSON"),
            ("Mara Lund of Fjord Capital Corp", "PERSON"),
            ("Brekke Holm and Co", "PERSON"),
        ],
    );
    assert!(has_name(&g, "Lakeside Inn Inc"), "{:?}", names(&g));
    assert!(has_name(&g, "Brekke Holm and Co"), "{:?}", names(&g));
    assert!(has_name(&g, "Mara Lund"), "{:?}", names(&g));
    // A sentence's first word is the first partner's name whatever the tagger made it.
    let g = with_spans(
        "Cable and Wireless Plc said the proposals were unacceptable.",
        &[("Wireless Plc", "ORG")],
    );
    assert!(has_name(&g, "Cable and Wireless Plc"), "{:?}", names(&g));
    // Not the end of another name before the `and`.
    let g = with_spans(
        "Licences went to Nordsjo Marine A/S and Halvorsen Oil Corp on Monday.",
        &[("Halvorsen Oil Corp", "ORG")],
    );
    assert!(has_name(&g, "Halvorsen Oil Corp"), "{:?}", names(&g));
    // Two firms: the first of which the story names alone too, or a firm's whole name on either side.
    let g = with_spans(
        "General Motors and Ford Motor Co cut prices. General Motors said sales fell. Later Texaco and Lundgren Corp met. Texaco said talks went well.",
        &[
            ("General Motors", "ORG"),
            ("Ford Motor Co", "ORG"),
            ("Lundgren Corp", "PERSON"),
            ("Texaco", "ORG"),
        ],
    );
    assert!(has_name(&g, "General Motors"), "{:?}", names(&g));
    assert!(has_name(&g, "Ford Motor Co"), "{:?}", names(&g));
    assert!(has_name(&g, "Texaco"), "{:?}", names(&g));
    assert!(!has_name(&g, "Texaco and Lundgren Corp"), "{:?}", names(&g));
    let g = with_spans(
        "The notes were sold by Credit Suisse and Swiss Bank Corp, by Daewoo Group and Halvorsen Corp, and by Lund Dahl Capital Markets and Berg Brothers Inc on Monday.",
        &[
            ("Credit Suisse", "ORG"),
            ("Swiss Bank Corp", "ORG"),
            ("Daewoo Group", "ORG"),
            ("Halvorsen Corp", "ORG"),
            ("Lund Dahl Capital Markets", "ORG"),
            ("Berg Brothers Inc", "ORG"),
        ],
    );
    for name in [
        "Credit Suisse",
        "Swiss Bank Corp",
        "Daewoo Group",
        "Halvorsen Corp",
        "Lund Dahl Capital Markets",
        "Berg Brothers Inc",
    ] {
        assert!(has_name(&g, name), "{name}: {:?}", names(&g));
    }
}

#[test]
fn a_dash_between_two_names_ner_ran_together_ends_the_first() {
    // A director and his film, a dateline and its story: the first name ends at the spaced dash, and
    // what follows stays where it is a name of its own.
    let g = with_spans(
        "She married director Pavel Lindqvist - Orchard star Mara Deane - in June. OSLO - Norges Bank raised rates. Norges Bank said prices rose.",
        &[
            ("Pavel Lindqvist - Orchard", "PERSON"),
            ("Mara Deane", "PERSON"),
            ("OSLO - Norges Bank", "ORG"),
            ("Norges Bank", "ORG"),
        ],
    );
    assert!(has_name(&g, "Pavel Lindqvist"), "{:?}", names(&g));
    assert!(!label_holds(&g, "Orchard"), "{:?}", names(&g));
    assert!(has_name(&g, "Norges Bank"), "{:?}", names(&g));
    assert!(!label_holds(&g, "OSLO -"), "{:?}", names(&g));
    // A hyphen within a word joins it, and a work's title keeps its subtitle.
    let g = with_spans(
        "Hewlett-Packard Co bought shares. Viewers watched Harbour Lights - The Return on Sunday.",
        &[
            ("Hewlett-Packard Co", "ORG"),
            ("Harbour Lights - The Return", "WORK_OF_ART"),
        ],
    );
    assert!(has_name(&g, "Hewlett-Packard Co"), "{:?}", names(&g));
    assert!(
        has_name(&g, "Harbour Lights - The Return"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_country_before_a_capitalised_common_plural_is_the_country_alone() {
    // Some newswires capitalise the noun after a country: `U.S. Firms` are firms, `Japanese Banks` banks.
    let g = with_spans(
        "Japanese Banks lent more than U.S. Firms did, and Swedish Officials agreed.",
        &[
            ("Japanese Banks", "ORG"),
            ("U.S. Firms", "ORG"),
            ("Swedish Officials", "ORG"),
        ],
    );
    for junk in ["Banks", "Firms", "Officials"] {
        let named = g
            .entities
            .iter()
            .any(|e| e.label.contains(junk) && !e.key.contains("__"));
        assert!(!named, "{junk}: {:?}", names(&g));
    }
    assert!(has_name(&g, "United States"), "{:?}", names(&g));
    // A designator's plural, any other noun and a person's name stay whole.
    let g = with_spans(
        "American Airlines and U.S. Lines hired Jordan Banks in the British Isles.",
        &[
            ("American Airlines", "ORG"),
            ("U.S. Lines", "ORG"),
            ("Jordan Banks", "PERSON"),
            ("British Isles", "LOC"),
        ],
    );
    for name in [
        "American Airlines",
        "U.S. Lines",
        "Jordan Banks",
        "British Isles",
    ] {
        assert!(has_name(&g, name), "{name}: {:?}", names(&g));
    }
}
