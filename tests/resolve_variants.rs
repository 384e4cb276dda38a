//! More short-form rules of entity resolution within a document, each with a sentence that fires it and one
//! that must not: which full name a lone surname joins when several fit, names in parentheses inside one NER
//! span, times before a person's name, and surnames that open a sentence.

use super::resolve_names::{
    doc_with_spans, has_name, key_of, names, resolve_doc, together, with_spans,
};
use kg::analysis::Doc;
use kg::resolve::{DocumentGraph, Node, Predicate};

#[test]
fn a_surname_prefers_the_person_among_the_names_it_fits() {
    // `Halvorsen` fits the person and a name NER took for an organisation: it is the person's.
    let g = with_spans(
        "Sigrid Halvorsen spoke for the group. Nordlys Halvorsen was the headline. Halvorsen left early.",
        &[
            ("Sigrid Halvorsen", "PERSON"),
            ("Nordlys Halvorsen", "ORG"),
            ("Halvorsen", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Sigrid Halvorsen", "Halvorsen"),
        "{:?}",
        names(&g)
    );
    // Two people it fits: still nobody's.
    let g = with_spans(
        "Sigrid Halvorsen met Arne Halvorsen. Halvorsen left early.",
        &[
            ("Sigrid Halvorsen", "PERSON"),
            ("Arne Halvorsen", "PERSON"),
            ("Halvorsen", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Sigrid Halvorsen", "Halvorsen")
            && !together(&g, "Arne Halvorsen", "Halvorsen"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_lone_name_is_read_as_a_family_name_before_a_given_name() {
    // `Brandvold` ends one person's name and starts a headline's: it is the family name.
    let g = with_spans(
        "Brandvold Appeal\nKjetil Brandvold appealed on Monday. Brandvold said he was innocent.",
        &[
            ("Brandvold Appeal", "PERSON"),
            ("Kjetil Brandvold", "PERSON"),
            ("Brandvold", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Kjetil Brandvold", "Brandvold"),
        "{:?}",
        names(&g)
    );
    // Given names of two people: joins neither.
    let g = with_spans(
        "Brandvold Lie met Brandvold Aas. Brandvold said he was innocent.",
        &[
            ("Brandvold Lie", "PERSON"),
            ("Brandvold Aas", "PERSON"),
            ("Brandvold", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Brandvold Lie", "Brandvold") && !together(&g, "Brandvold Aas", "Brandvold"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_time_before_a_persons_name_is_not_part_of_it() {
    let g = with_spans(
        "Live updates. 14:05 Ostberg takes the floor. Lena Ostberg thanked the chamber.",
        &[("14:05 Ostberg", "PERSON"), ("Lena Ostberg", "PERSON")],
    );
    assert!(together(&g, "Lena Ostberg", "Ostberg"), "{:?}", names(&g));
    assert!(!has_name(&g, "14:05 Ostberg"), "{:?}", names(&g));
    // In an organisation's name a number stays.
    let g = with_spans(
        "Fans of 1860 Rosenheim cheered.",
        &[("1860 Rosenheim", "ORG")],
    );
    assert!(has_name(&g, "1860 Rosenheim"), "{:?}", names(&g));
}

#[test]
fn a_name_in_parentheses_inside_one_span_is_a_name_stated_for_it() {
    let g = with_spans(
        "The Coastal Waters Authority (CWA) closed the bay. The CWA said it would reopen soon.",
        &[("Coastal Waters Authority (CWA)", "ORG"), ("CWA", "ORG")],
    );
    assert!(
        together(&g, "Coastal Waters Authority", "CWA"),
        "{:?}",
        names(&g)
    );
    assert!(
        !has_name(&g, "Coastal Waters Authority (CWA)"),
        "{:?}",
        names(&g)
    );
    // A place in parentheses is no name of the organisation.
    let g = with_spans(
        "The Coastal Waters Authority (Bergen) closed the bay.",
        &[("Coastal Waters Authority (Bergen)", "ORG")],
    );
    assert!(
        !together(&g, "Coastal Waters Authority", "Bergen"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_surname_opening_a_sentence_is_a_mention_whatever_its_tag() {
    // The tagger may take a sentence's first word for a noun; it is still the person's surname.
    let g = with_spans(
        "The plan was presented by Carla Mendes on Friday. Mendes unveiled a four-year strategy.",
        &[("Carla Mendes", "PERSON")],
    );
    let e = g
        .entities
        .iter()
        .find(|e| e.label == "Carla Mendes")
        .expect("entity");
    assert_eq!(e.mentions.len(), 2, "{:?}", names(&g));
    // A word the document also writes in lower case is not taken for the name.
    let g = with_spans(
        "The plan was presented by Carla Rose on Friday. Rose petals covered the stage, and a rose was thrown.",
        &[("Carla Rose", "PERSON")],
    );
    let e = g
        .entities
        .iter()
        .find(|e| e.label == "Carla Rose")
        .expect("entity");
    assert_eq!(e.mentions.len(), 1, "{:?}", e.mentions);
}

#[test]
fn occupation_words_before_a_name_are_stripped() {
    let g = with_spans(
        "Filmmaker Jonas Lindqvist won the prize. Lindqvist thanked the jury.",
        &[
            ("Filmmaker Jonas Lindqvist", "PERSON"),
            ("Lindqvist", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Jonas Lindqvist", "Lindqvist"),
        "{:?}",
        names(&g)
    );
    assert!(
        !has_name(&g, "Filmmaker Jonas Lindqvist")
            || together(&g, "Filmmaker Jonas Lindqvist", "Jonas Lindqvist")
    );
    // A person's noun opening the name is no part of its label or key (`Farmer Markus Lindqvist`).
    let g = with_spans(
        "Farmer Markus Lindqvist tends the fields. The farmers met on Monday.",
        &[("Farmer Markus Lindqvist", "PERSON")],
    );
    assert!(
        g.entities
            .iter()
            .any(|e| e.label == "Markus Lindqvist" && e.key == "markus_lindqvist"),
        "{:?}",
        names(&g)
    );
    // Before a single word it stays: the word alone may be no name (`Witness Statements`).
    let g = with_spans(
        "Driver Kowalski finished third on Sunday.",
        &[("Driver Kowalski", "PERSON")],
    );
    assert!(has_name(&g, "Driver Kowalski"), "{:?}", names(&g));
}

#[test]
fn a_misspelt_name_joins_the_name_it_misspells() {
    let g = with_spans(
        "Henrietta Wallgren chairs the board. Wallgren said profits rose. Later Walgren added that costs fell.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Wallgren", "PERSON"),
            ("Walgren", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Henrietta Wallgren", "Walgren"),
        "{:?}",
        names(&g)
    );
    // A plural is a family, not a misspelling; and short names differ by a letter too often.
    let g = with_spans(
        "Henrietta Wallgren chairs the board. The Wallgrens own the firm. Anna Kohl met Peter Kohn.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Wallgrens", "PERSON"),
            ("Anna Kohl", "PERSON"),
            ("Peter Kohn", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Henrietta Wallgren", "Wallgrens"),
        "{:?}",
        names(&g)
    );
    assert!(!together(&g, "Anna Kohl", "Peter Kohn"), "{:?}", names(&g));
    // Names of places and other things misspelt, and a misspelt surname NER took for an organisation.
    let g = with_spans(
        "The fair opened in Regensburg on Monday. Visitors to Regensbrug praised it. Henrietta Wallgren chairs the board; Walgren said profits rose.",
        &[
            ("Regensburg", "GPE"),
            ("Regensbrug", "GPE"),
            ("Henrietta Wallgren", "PERSON"),
            ("Walgren", "ORG"),
        ],
    );
    assert!(together(&g, "Regensburg", "Regensbrug"), "{:?}", names(&g));
    assert!(
        together(&g, "Henrietta Wallgren", "Walgren"),
        "{:?}",
        names(&g)
    );
    // Two other things whose names are one letter apart at the end stay two (`Nordhaven`, `Nordhavens`
    // is a plural; `Carlsberg`, `Carlsburg` of two kinds).
    let g = with_spans(
        "Carlsberg raised prices in Carlsburg on Monday.",
        &[("Carlsberg", "ORG"), ("Carlsburg", "GPE")],
    );
    assert!(!together(&g, "Carlsberg", "Carlsburg"), "{:?}", names(&g));
}

#[test]
fn a_name_misspelt_two_ways_keeps_both_misspellings() {
    // Each misspelling has one name it could be; the name it misspells may have several.
    let g = with_spans(
        "Henrietta Wallgren chairs the board. Wallgren said profits rose. Wahlgren added that costs fell. \
         Later Wallgrem spoke.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Wallgren", "PERSON"),
            ("Wahlgren", "PERSON"),
            ("Wallgrem", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Henrietta Wallgren", "Wahlgren"),
        "{:?}",
        names(&g)
    );
    assert!(
        together(&g, "Henrietta Wallgren", "Wallgrem"),
        "{:?}",
        names(&g)
    );
    // A misspelling that could be either of two names is neither's.
    let g = with_spans(
        "Henrietta Wallgren met Oskar Wallgran. Wallgrin said profits rose.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Oskar Wallgran", "PERSON"),
            ("Wallgrin", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Henrietta Wallgren", "Wallgrin"),
        "{:?}",
        names(&g)
    );
    assert!(
        !together(&g, "Oskar Wallgran", "Wallgrin"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn two_letters_swapped_across_a_phonetic_pair_are_one_misspelling() {
    // `ks` reads as `x` in the phonetic form, so `Dombrowksi` is one swap from `Dombrowski` only as written.
    let g = with_spans(
        "Tomasz Dombrowksi scored twice. Dombrowski later said the team was tired.",
        &[("Tomasz Dombrowksi", "PERSON"), ("Dombrowski", "PERSON")],
    );
    assert!(
        together(&g, "Tomasz Dombrowksi", "Dombrowski"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_surname_sees_one_person_where_the_full_name_is_spelt_two_ways() {
    let g = with_spans(
        "Henrietta Wallgren chairs the board. Henrieta Wallgren was re-elected. Wallgren said profits rose.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Henrieta Wallgren", "PERSON"),
            ("Wallgren", "PERSON"),
        ],
    );
    assert!(
        together(&g, "Henrietta Wallgren", "Wallgren"),
        "{:?}",
        names(&g)
    );
    // Two different given names: two people, and the surname stays apart.
    let g = with_spans(
        "Henrietta Wallgren chairs the board. Margareta Wallgren was re-elected. Wallgren said profits rose.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Margareta Wallgren", "PERSON"),
            ("Wallgren", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Henrietta Wallgren", "Wallgren"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_clubs_nickname_is_the_club_but_its_city_is_not() {
    let g = with_spans(
        "Gladbach beat Hertha on Saturday. Borussia Mönchengladbach now lead the table, said a fan in Mönchengladbach.",
        &[
            ("Gladbach", "ORG"),
            ("Hertha", "ORG"),
            ("Borussia Mönchengladbach", "ORG"),
            ("Mönchengladbach", "GPE"),
        ],
    );
    assert!(
        together(&g, "Borussia Mönchengladbach", "Gladbach"),
        "{:?}",
        names(&g)
    );
    assert!(
        !together(&g, "Borussia Mönchengladbach", "Mönchengladbach"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_town_is_its_club_in_a_sports_report_but_not_where_something_happens() {
    // Three sports words make a sports report: `Dortmund` beating someone is the club (the gazetteer's
    // `kg:sportsName`), the `Dortmund` fans celebrate in is the town.
    let g = with_spans(
        "Dortmund beat Hannover 2-0 on Saturday. Their striker scored twice before halftime and the \
         goalkeeper saved a late shot. Fans celebrated in Dortmund until midnight.",
        &[("Dortmund", "GPE"), ("Hannover", "GPE")],
    );
    assert!(
        together(&g, "Borussia Dortmund", "Dortmund"),
        "{:?}",
        names(&g)
    );
    assert!(
        names(&g).iter().any(|n| n == &["Dortmund".to_string()]),
        "the town stays: {:?}",
        names(&g)
    );
    // Outside sports reports the name is the town's alone.
    let g = with_spans(
        "Dortmund approved a new budget on Monday. The council met in Dortmund for six hours.",
        &[("Dortmund", "GPE")],
    );
    assert!(!has_name(&g, "Borussia Dortmund"), "{:?}", names(&g));
}

#[test]
fn a_country_after_a_match_preposition_in_a_sports_report_is_a_side() {
    // The object of `over` after a win, of `for` after playing: sides. `to` after flying is a trip.
    let g = with_spans(
        "Striker Mika Aalto scored twice in the 3-1 win over Denmark. Aalto, who has been playing for \
         Iceland since 2019, thanked the coach. The squad flew to Estonia on Monday, and the goalkeeper \
         saved a late header in training. Former Iceland Prime Minister Eva Dahl watched.",
        &[
            ("Mika Aalto", "PERSON"),
            ("Aalto", "PERSON"),
            ("Eva Dahl", "PERSON"),
            ("Denmark", "GPE"),
            ("Iceland", "GPE"),
            ("Estonia", "GPE"),
        ],
    );
    assert!(has_name(&g, "Denmark national team"), "{:?}", names(&g));
    assert!(has_name(&g, "Iceland national team"), "{:?}", names(&g));
    // Before an office's title the country is the state, side or no side.
    assert!(has_name(&g, "Iceland"), "{:?}", names(&g));
    assert!(has_name(&g, "Estonia"), "{:?}", names(&g));
    assert!(!has_name(&g, "Estonia national team"), "{:?}", names(&g));
}

#[test]
fn the_west_and_its_adjective_are_the_western_world() {
    let g = with_spans(
        "Western governments protested. The West imposed new sanctions.",
        &[("Western", "NORP"), ("West", "LOC")],
    );
    assert!(together(&g, "Western world", "Western"), "{:?}", names(&g));
    assert!(together(&g, "Western world", "West"), "{:?}", names(&g));
    // A person's full name ending in the word is not the region.
    let g = with_spans(
        "Kanye Westerholt released an album.",
        &[("Kanye Westerholt", "PERSON")],
    );
    assert!(!has_name(&g, "Western world"), "{:?}", names(&g));
}

/// Regression: `European` (73 stories of 3,000) and `Calif.` (16), `Mich.` (12) were nodes of their own in
/// business news, apart from Europe and the states.
#[test]
fn a_continents_adjective_and_a_states_abbreviation_are_the_continent_and_the_state() {
    let g = with_spans(
        "European buyers returned. Intel Corp of Santa Clara, Calif., said California sales rose.",
        &[
            ("European", "NORP"),
            ("Intel Corp", "ORG"),
            ("Santa Clara", "GPE"),
            ("Calif.", "GPE"),
            ("California", "GPE"),
        ],
    );
    assert_eq!(key_of(&g, "European"), "europe", "{:?}", names(&g));
    assert!(together(&g, "Calif.", "California"), "{:?}", names(&g));
    // A courtesy title is no state (`Miss.` is left out), and an adjective of no continent stays itself.
    let g = with_spans(
        "Miss. Lane met Atlantic buyers.",
        &[("Lane", "PERSON"), ("Atlantic", "NORP")],
    );
    assert!(
        !has_name(&g, "Mississippi") && !has_name(&g, "Europe"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_world_regions_other_names_and_adjective_are_the_region() {
    let g = with_spans(
        "Northern Africa has had no rain. North African farmers left for Europe.",
        &[
            ("Northern Africa", "LOC"),
            ("North African", "NORP"),
            ("Europe", "LOC"),
        ],
    );
    assert!(
        together(&g, "North Africa", "Northern Africa"),
        "{:?}",
        names(&g)
    );
    assert!(
        together(&g, "North Africa", "North African"),
        "{:?}",
        names(&g)
    );
    // A compass word is no alias: southern Africa is not the country South Africa.
    let g = with_spans(
        "Southern Africa has had no rain. South Africa sent food.",
        &[("Southern Africa", "LOC"), ("South Africa", "GPE")],
    );
    assert!(
        !together(&g, "Southern Africa", "South Africa"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_place_name_standing_for_an_organisation_the_story_names_is_it_except_where_things_happen() {
    let g = with_spans(
        "The EU ministers met on Monday. Europe must act now, the chair said. Migrants keep arriving in Europe.",
        &[("EU", "ORG"), ("Europe", "LOC")],
    );
    // `Europe must act` is the EU's; `arriving in Europe` is the continent.
    assert!(together(&g, "European Union", "Europe"), "{:?}", names(&g));
    let continent = g
        .entities
        .iter()
        .find(|e| e.key == "europe")
        .unwrap_or_else(|| panic!("no continent in {:?}", names(&g)));
    assert_eq!(continent.mentions.len(), 1, "{:?}", names(&g));
    // A story that never names the EU keeps Europe the continent.
    let g = with_spans("Europe must act now, the chair said.", &[("Europe", "LOC")]);
    assert!(!has_name(&g, "European Union"), "{:?}", names(&g));
    assert!(has_name(&g, "Europe"), "{:?}", names(&g));
}

#[test]
fn a_surname_taken_for_a_place_joins_its_name_when_no_list_knows_the_place() {
    // NER took both for places, but no gazetteer or places list knows `Kavvadias` as one.
    let g = with_spans(
        "Panos Kavvadias resigned on Monday. Kavvadias had led the ministry since spring.",
        &[("Panos Kavvadias", "GPE"), ("Kavvadias", "GPE")],
    );
    assert!(
        together(&g, "Panos Kavvadias", "Kavvadias"),
        "{:?}",
        names(&g)
    );
    // A known city stays the city, and a continent is not the region named after it.
    let g = with_spans(
        "Fans of Borussia Dortmund gathered in Dortmund. Trade with Western Europe grew faster than with Europe as a whole.",
        &[
            ("Borussia Dortmund", "ORG"),
            ("Dortmund", "GPE"),
            ("Western Europe", "LOC"),
            ("Europe", "LOC"),
        ],
    );
    assert!(
        !together(&g, "Borussia Dortmund", "Dortmund"),
        "{:?}",
        names(&g)
    );
    assert!(!together(&g, "Western Europe", "Europe"), "{:?}", names(&g));
}

#[test]
fn a_heading_run_into_the_text_is_not_a_persons_name() {
    // The heading `Rally in Kassel` ran into the paragraph it heads; NER read one person across both.
    let g = with_spans(
        "Marchers gathered in Kassel. Rally in Kassel In Kassel, the turnout was lower than expected.",
        &[("Kassel", "GPE"), ("Kassel In Kassel", "PERSON")],
    );
    assert!(!has_name(&g, "Kassel In Kassel"), "{:?}", names(&g));
    assert!(has_name(&g, "Kassel"), "{:?}", names(&g));
    // A person's own particles stay, capitalised or not.
    let g = with_spans(
        "Pieter Van Dijk and Maria De Souza signed the letter.",
        &[("Pieter Van Dijk", "PERSON"), ("Maria De Souza", "PERSON")],
    );
    assert!(
        has_name(&g, "Pieter Van Dijk") && has_name(&g, "Maria De Souza"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_persons_name_cut_at_a_particle_runs_on_to_the_name_after_it() {
    // NER ended the name at `von` and took `Aalen` for a place: one person.
    let g = with_spans(
        "Interior Minister Greta von der Aalen rejected the plan on Monday.",
        &[("Greta von", "PERSON"), ("Aalen", "GPE")],
    );
    assert!(has_name(&g, "Greta von der Aalen"), "{:?}", names(&g));
    assert!(!has_name(&g, "Aalen"), "{:?}", names(&g));
    // A byline's `al` (et al.) before a job title, and a particle before no name, end nothing.
    let g = with_spans(
        "Author: Jonas Weber / al Editor: Mia Berg. Later Greta von the minister spoke.",
        &[("Jonas Weber / al", "PERSON"), ("Greta von", "PERSON")],
    );
    assert!(
        !names(&g)
            .iter()
            .flatten()
            .any(|n| n.contains("Editor") || n.contains("the")),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_persons_name_ner_cut_into_two_names_side_by_side_is_one_name() {
    let g = with_spans(
        "President Amadou Kone Ibrahim Sanogo flew to Dakar. Sanogo met the press.",
        &[
            ("Amadou Kone", "PERSON"),
            ("Ibrahim Sanogo", "PERSON"),
            ("Sanogo", "PERSON"),
        ],
    );
    assert!(
        has_name(&g, "Amadou Kone Ibrahim Sanogo"),
        "{:?}",
        names(&g)
    );
    assert!(!has_name(&g, "Amadou Kone"), "{:?}", names(&g));
    // A nationality word before a name keeps them apart; a title between them stays out of the name.
    let g = with_spans(
        "Swede Lina Holm won. Later MI5 head Lina Holm spoke.",
        &[
            ("Swede", "PERSON"),
            ("Lina Holm", "PERSON"),
            ("MI5 head", "PERSON"),
        ],
    );
    assert!(!has_name(&g, "Swede Lina Holm"), "{:?}", names(&g));
    assert!(has_name(&g, "Lina Holm"), "{:?}", names(&g));
    assert!(
        !names(&g).iter().flatten().any(|n| n.contains("head Lina")),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_place_ner_once_called_a_person_stays_a_place() {
    let text =
        "Shelling hit Aleppo again. Aleppo residents fled north. Families left Aleppo overnight.";
    let class_of_aleppo = |people: &[usize]| {
        let mut doc = doc_with_spans(text, &[("Aleppo", "GPE")]);
        for &i in people {
            doc.ents[i].label = "PERSON".into();
        }
        let g = resolve_doc(&doc);
        g.entities
            .iter()
            .find(|e| e.label == "Aleppo")
            .map(|e| e.class.clone())
            .unwrap_or_default()
    };
    assert_ne!(class_of_aleppo(&[1]), "Person");
    // Even named a person by most of its mentions: no person's full name holds it (see
    // `a_city_ner_called_a_person_stays_a_city_unless_a_persons_full_name_holds_it`).
    assert_ne!(class_of_aleppo(&[0, 1]), "Person");
}

#[test]
fn an_opening_adverb_and_a_goals_minute_are_no_part_of_a_persons_name() {
    let text = "The hosts won 2-1 on Sunday. First Lena Berg scored early, and the first goal stood. \
                Later the visitors pressed. (Berg 53', Dahl 80')";
    let g = with_spans(
        text,
        &[("First Lena Berg", "PERSON"), ("Berg 53", "PERSON")],
    );
    assert!(has_name(&g, "Lena Berg"), "{:?}", names(&g));
    assert!(
        !names(&g)
            .iter()
            .flatten()
            .any(|n| n.starts_with("First") || n.contains("53")),
        "{:?}",
        names(&g)
    );
    // A first name the document uses as a noun stays in the name.
    let g = with_spans(
        "Bill Lund said the bill would fail. Lund spoke in Oslo.",
        &[("Bill Lund", "PERSON"), ("Lund", "PERSON")],
    );
    assert!(has_name(&g, "Bill Lund"), "{:?}", names(&g));
}

#[test]
fn a_goals_minute_and_an_opening_adverb_leave_a_players_name_whatever_ner_called_it() {
    let text = "The hosts won 2-1 on Sunday. Lena Berg scored twice for the hosts. First Berg hit the post, \
                and the first half ended level. Later the visitors pressed. (Berg 53', Dahl 80')";
    let g = with_spans(
        text,
        &[
            ("Lena Berg", "PERSON"),
            ("First Berg", "ORG"),
            ("Berg 53'", "LAW"),
        ],
    );
    assert!(together(&g, "Lena Berg", "Berg"), "{:?}", names(&g));
    assert!(
        !names(&g)
            .iter()
            .flatten()
            .any(|n| n.starts_with("First") || n.contains("53")),
        "{:?}",
        names(&g)
    );
    // Without a minute's mark a number stays in an organisation's name, and an opening word before a name
    // that is no person's stays too.
    let g = with_spans(
        "Hannover 96 beat the leaders. First Solar gained. The first quarter was weak for shares.",
        &[("Hannover 96", "ORG"), ("First Solar", "ORG")],
    );
    assert!(has_name(&g, "Hannover 96"), "{:?}", names(&g));
    assert!(has_name(&g, "First Solar"), "{:?}", names(&g));
}

#[test]
fn a_possessive_after_a_persons_or_a_known_name_opens_a_name_of_its_own() {
    let text = "Foreign Minister Heiko Maas flew to Rome. The plan came from Maas' Social Democratic Alliance \
                and from France's National Assembly.";
    let g = with_spans(
        text,
        &[
            ("Heiko Maas", "PERSON"),
            ("Maas' Social Democratic Alliance", "ORG"),
            ("France's National Assembly", "ORG"),
        ],
    );
    assert!(
        has_name(&g, "Social Democratic Alliance"),
        "{:?}",
        names(&g)
    );
    assert!(has_name(&g, "National Assembly"), "{:?}", names(&g));
    assert!(together(&g, "Heiko Maas", "Maas"), "{:?}", names(&g));
    assert!(
        !names(&g)
            .iter()
            .flatten()
            .any(|n| n.contains("Maas' ") || n.contains("Maas Social")),
        "{:?}",
        names(&g)
    );
    // A possessive of a common word is part of the name.
    let g = with_spans(
        "Members of the Kurdistan Workers' Party met in Erbil.",
        &[("Kurdistan Workers' Party", "ORG")],
    );
    assert!(
        has_name(&g, "Kurdistan Workers' Party") || has_name(&g, "Kurdistan Workers Party"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn an_abbreviation_in_parentheses_that_ner_left_untagged_names_the_name_before_it() {
    let text = "The Baltic Fisheries Council (BFC) met on Monday. The BFC wants lower quotas.";
    let g = with_spans(text, &[("Baltic Fisheries Council", "ORG")]);
    assert!(
        together(&g, "Baltic Fisheries Council", "BFC"),
        "{:?}",
        names(&g)
    );
    // A word in parentheses that is no abbreviation names nothing.
    let g = with_spans(
        "The Baltic Fisheries Council (Riga) met on Monday.",
        &[("Baltic Fisheries Council", "ORG")],
    );
    assert!(
        !together(&g, "Baltic Fisheries Council", "Riga"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_given_name_ner_left_off_a_lone_surname_is_part_of_the_name() {
    let text = "\"Nobody gets asylum here,\" Henrik Vollmer, head of the border agency, said. \
                Vollmer spoke in Kiel.\nTomas Okello, a retired runner, now trains children. Okello is 61.";
    let g = with_spans(text, &[("Vollmer", "PERSON"), ("Okello", "PERSON")]);
    assert!(together(&g, "Henrik Vollmer", "Vollmer"), "{:?}", names(&g));
    assert!(together(&g, "Tomas Okello", "Okello"), "{:?}", names(&g));
    // Not a title or a noun before a full name, a word after a determiner, or a word before a place.
    let text = "Presenter Peter Craven opened the show. The Prophet Yunus is revered there. \
                Recycle Beirut collects plastic in Beirut.";
    let g = with_spans(
        text,
        &[
            ("Peter Craven", "PERSON"),
            ("Yunus", "PERSON"),
            ("Beirut", "PERSON"),
        ],
    );
    let all: Vec<String> = names(&g).into_iter().flatten().collect();
    assert!(
        !all.iter().any(|n| n.starts_with("Presenter")
            || n.starts_with("Prophet")
            || n.starts_with("Recycle")),
        "{all:?}"
    );
}

#[test]
fn a_partys_name_and_its_members_noun_are_one_entity_with_both_names() {
    let text = "Norway's coalition split on Tuesday. A Social Democrat minister resigned in Oslo. Later the \
                Social Democrats accused Prime Minister Erna Lund of interference. Norway faces elections.";
    let g = with_spans(
        text,
        &[
            ("Social Democrat", "NORP"),
            ("Social Democrats", "NORP"),
            ("Norway", "GPE"),
        ],
    );
    assert!(
        together(&g, "Social Democrat", "Social Democrats"),
        "{:?}",
        names(&g)
    );
    // A plural that is no generic party word stays apart (`Bergs`, a family, beside `Berg`).
    let g = with_spans(
        "The Bergs sued Tom Berg on Monday. Berg denied it.",
        &[
            ("Bergs", "NORP"),
            ("Tom Berg", "PERSON"),
            ("Berg", "PERSON"),
        ],
    );
    assert!(!together(&g, "Bergs", "Tom Berg"), "{:?}", names(&g));
}

#[test]
fn a_persons_name_ner_ended_inside_a_hyphenated_word_ends_after_it() {
    let g = with_spans(
        "President Moon Jae-in spoke in Seoul on Monday.",
        &[("Moon Jae", "PERSON")],
    );
    assert!(has_name(&g, "Moon Jae-in"), "{:?}", names(&g));
    // A verb's form glued to a name is no part of it.
    let g = with_spans(
        "The Lund-led coalition fell on Monday.",
        &[("Lund", "PERSON")],
    );
    assert!(
        !names(&g).iter().flatten().any(|n| n.contains("-led")),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_headlines_words_after_a_name_are_no_part_of_it() {
    let text = "Vollmer Rejects Border Plan\nThe interior minister Henrik Vollmer rejected the plan on Monday. \
                Vollmer said it would fail.";
    let g = with_spans(
        text,
        &[
            ("Vollmer Rejects Border Plan", "PERSON"),
            ("Henrik Vollmer", "PERSON"),
            ("Vollmer", "PERSON"),
        ],
    );
    assert!(
        !has_name(&g, "Vollmer Rejects Border Plan"),
        "{:?}",
        names(&g)
    );
    assert!(together(&g, "Henrik Vollmer", "Vollmer"), "{:?}", names(&g));
    // A line in sentence case is no headline: its span stays whole.
    let text =
        "The report said Vollmer Rejects Border Plan was the title.\nVollmer said it would fail.";
    let g = with_spans(
        text,
        &[
            ("Vollmer Rejects Border Plan", "WORK_OF_ART"),
            ("Vollmer", "PERSON"),
        ],
    );
    assert!(
        has_name(&g, "Vollmer Rejects Border Plan"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_given_name_alone_joins_the_one_person_it_opens_whatever_ner_called_it() {
    let text = "Tomas Okello won the race in Kampala. After the finish, Okello thanked his coach. \
                For Tomas, it was the first win.";
    let g = with_spans(
        text,
        &[
            ("Tomas Okello", "PERSON"),
            ("Okello", "PERSON"),
            ("Tomas", "GPE"),
        ],
    );
    assert!(together(&g, "Tomas Okello", "Tomas"), "{:?}", names(&g));
    // Not a place's name, nor a given name two people share.
    let text =
        "Paris Hilton met Tomas Okello and Tomas Berg. Tomas said little. She flew to Paris.";
    let g = with_spans(
        text,
        &[
            ("Paris Hilton", "PERSON"),
            ("Tomas Okello", "PERSON"),
            ("Tomas Berg", "PERSON"),
            ("Tomas", "GPE"),
            ("Paris", "GPE"),
        ],
    );
    assert!(!together(&g, "Paris Hilton", "Paris"), "{:?}", names(&g));
    assert!(!together(&g, "Tomas Okello", "Tomas"), "{:?}", names(&g));
    assert!(!together(&g, "Tomas Berg", "Tomas"), "{:?}", names(&g));
}

#[test]
fn an_abbreviation_written_as_a_word_in_parentheses_names_the_name_before_it() {
    let text = "The airline, officially called Vasa (Vereinigte Alpen Seilbahn Aktiengesellschaft), lost money. \
                Vasa cut jobs in May.";
    let g = with_spans(
        text,
        &[
            ("Vasa", "ORG"),
            ("Vereinigte Alpen Seilbahn Aktiengesellschaft", "ORG"),
        ],
    );
    assert!(
        together(&g, "Vereinigte Alpen Seilbahn Aktiengesellschaft", "Vasa"),
        "{:?}",
        names(&g)
    );
    // A word that does not spell the initials is another name.
    let text =
        "The firm, owned by Nordbank (Vereinigte Alpen Seilbahn Aktiengesellschaft), lost money.";
    let g = with_spans(
        text,
        &[
            ("Nordbank", "ORG"),
            ("Vereinigte Alpen Seilbahn Aktiengesellschaft", "ORG"),
        ],
    );
    assert!(
        !together(
            &g,
            "Vereinigte Alpen Seilbahn Aktiengesellschaft",
            "Nordbank"
        ),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_name_the_text_defines_by_its_abbreviation_is_one_name_where_ner_cut_it() {
    let text = "The Alliance of Coastal Fishers in the Northern Region (ACFNR) called a strike. \
                ACFNR leaders met on Monday.";
    let g = with_spans(
        text,
        &[
            ("Alliance of Coastal Fishers", "ORG"),
            ("the Northern Region (ACFNR", "ORG"),
            ("ACFNR", "ORG"),
        ],
    );
    assert!(
        together(
            &g,
            "Alliance of Coastal Fishers in the Northern Region",
            "ACFNR"
        ),
        "{:?}",
        names(&g)
    );
    // An abbreviation that spells no run of the words before it defines no name across NER's cut.
    let text = "The Alliance of Coastal Fishers in the Northern Region (NRLF) called a strike.";
    let g = with_spans(
        text,
        &[
            ("Alliance of Coastal Fishers", "ORG"),
            ("the Northern Region (NRLF", "ORG"),
        ],
    );
    assert!(
        !has_name(&g, "Alliance of Coastal Fishers in the Northern Region"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_word_repeated_inside_a_name_starts_it_again() {
    // A caption run into the text: `Otto Otto Brenner's`.
    let text = "Otto Otto Brenner's debut as coach was not a good one. Otto Brenner said little. \
                Brenner left early.";
    let g = with_spans(
        text,
        &[
            ("Otto Otto Brenner's", "PERSON"),
            ("Otto Brenner", "PERSON"),
        ],
    );
    assert!(!has_name(&g, "Otto Otto Brenner"), "{:?}", names(&g));
    assert!(together(&g, "Otto Brenner", "Brenner"), "{:?}", names(&g));
    // A name made of one word twice, and initials, stay whole.
    let g = with_spans(
        "Abdullah Abdullah won the first round. S. S. Rao, the junior minister, agreed.",
        &[("Abdullah Abdullah", "PERSON"), ("S. S. Rao", "PERSON")],
    );
    assert!(has_name(&g, "Abdullah Abdullah"), "{:?}", names(&g));
    assert!(has_name(&g, "S. S. Rao"), "{:?}", names(&g));
}

/// Regression: a surname a document left to two of its people (`Mueller` beside Kayla and Carl Mueller) went,
/// in the corpus pass, to the one famous person of the corpus with that surname, a third person.
#[test]
fn a_surname_two_people_of_a_document_share_is_nobody_elses_across_the_corpus() {
    use kg::resolve::corpus::{NameRecord, canonical_keys};
    let footballer = with_spans(
        "Tobias Brandauer scored twice for the visitors on Saturday.",
        &[("Tobias Brandauer", "PERSON")],
    );
    let family = with_spans(
        "Greta Brandauer and her father Olaf Brandauer spoke to reporters. Brandauer said the family was hopeful.",
        &[
            ("Greta Brandauer", "PERSON"),
            ("Olaf Brandauer", "PERSON"),
            ("Brandauer", "PERSON"),
        ],
    );
    let alone = with_spans(
        "Brandauer was booked in the second half.",
        &[("Brandauer", "PERSON")],
    );
    // The footballer is named in three documents, each of the family in one.
    let records: Vec<NameRecord> = [&footballer, &footballer, &footballer, &family, &alone]
        .iter()
        .flat_map(|g| g.entities.iter().map(NameRecord::from))
        .collect();
    let map = canonical_keys(&records);
    let canonical = |k: String| map.get(&k).cloned().unwrap_or(k);
    let famous = key_of(&footballer, "Tobias Brandauer");
    // The family's `Brandauer` is one of the family, not the footballer ...
    assert_ne!(canonical(key_of(&family, "Brandauer")), famous);
    // ... while a document that names no other Brandauer still gives its surname to the one full name.
    assert_eq!(canonical(key_of(&alone, "Brandauer")), famous);
    // Two spellings of one full name are one person: the surname is still theirs to share.
    let misspelt = with_spans(
        "Henrietta Wallgren chairs the board. Henriett Wallgren was quoted once. Wallgren said profits rose.",
        &[
            ("Henrietta Wallgren", "PERSON"),
            ("Henriett Wallgren", "PERSON"),
            ("Wallgren", "PERSON"),
        ],
    );
    assert!(
        !key_of(&misspelt, "Wallgren").contains("__"),
        "{:?}",
        names(&misspelt)
    );
}

/// The token of the `nth` occurrence (from 0) of `word`.
fn token_of(doc: &Doc, word: &str, nth: usize) -> usize {
    (0..doc.tokens.len())
        .filter(|&i| doc.token_text(i) == word)
        .nth(nth)
        .unwrap_or_else(|| panic!("{word} #{nth}"))
}

/// Regression: `says Joerges.` after `curator Jasdan Joerges`, the surname untagged and read as a plural
/// noun, was no mention of the curator.
#[test]
fn a_surname_the_tagger_read_as_a_noun_is_still_the_persons_mention() {
    let text = "The curator Birgit Harms opened the show. \"The demand is enormous,\" says Harms.";
    let mut doc = doc_with_spans(text, &[("Birgit Harms", "PERSON")]);
    doc.ents.retain(|s| s.end - s.start == 2);
    let second = token_of(&doc, "Harms", 1);
    doc.tokens[second].pos = "NOUN".into();
    doc.tokens[second].tag = "NNS".into();
    let g = resolve_doc(&doc);
    assert!(together(&g, "Birgit Harms", "Harms"), "{:?}", names(&g));
    // Not a title in quotation marks that happens to be a surname of the document (the film `"Milk"`).
    let text =
        "The curator Birgit Harms opened the show. The museum also screened \"Harms\" on Sunday.";
    let mut doc = doc_with_spans(text, &[("Birgit Harms", "PERSON")]);
    doc.ents.retain(|s| s.end - s.start == 2);
    let second = token_of(&doc, "Harms", 1);
    doc.tokens[second].pos = "NOUN".into();
    doc.tokens[second].tag = "NNS".into();
    let g = resolve_doc(&doc);
    assert!(!together(&g, "Birgit Harms", "Harms"), "{:?}", names(&g));
}

/// Regression: `Serbian Gojko` | `Kacar` (NER tagged the nationality and the surname, not the given name)
/// gave the surname alone as the person's name.
#[test]
fn a_given_name_after_a_nationality_is_part_of_the_name_ner_began_late() {
    let g = with_spans(
        "Serbian Gojko Radic scored twice. Radic was substituted late.",
        &[("Serbian", "NORP"), ("Radic", "PERSON")],
    );
    assert!(has_name(&g, "Gojko Radic"), "{:?}", names(&g));
    // Not where the nationality and the word make a known name (`the European Parliament` | `Georgieva`).
    let g = with_spans(
        "In the European Parliament Georgieva carries a nickname.",
        &[("European", "NORP"), ("Georgieva", "PERSON")],
    );
    assert!(!has_name(&g, "Parliament Georgieva"), "{:?}", names(&g));
}

/// Regression: `Drones`, `Outcry` and `Killings` opening headlines and sentences, tagged PERSON, became people
/// of the graph, though the documents wrote `the drones` and `an outcry` in lower case.
#[test]
fn a_common_noun_of_the_document_capitalised_is_no_persons_name() {
    let g = with_spans(
        "Drones struck the village. The drones came at night and nobody heard them.",
        &[("Drones", "PERSON")],
    );
    assert!(!has_name(&g, "Drones"), "{:?}", names(&g));
    // A person's full name with the word keeps it a name (`Nadia Price` and `the price`).
    let g = with_spans(
        "Nadia Price said the price would rise. Price added that demand was strong.",
        &[("Nadia Price", "PERSON"), ("Price", "PERSON")],
    );
    assert!(together(&g, "Nadia Price", "Price"), "{:?}", names(&g));
}

/// `X, better known as Y`: the name after an alias phrase is the same entity's; not where it already names
/// someone else of the document.
#[test]
fn a_name_stated_as_known_as_another_is_the_same_entity() {
    for text in [
        "The cleric Anwar Haddad, better known as Abu Sami, was detained in Rome. Abu Sami denied the charges.",
        "The cleric Anwar Haddad -- better known as Abu Sami -- was detained in Rome. Abu Sami denied the charges.",
        "The cleric Anwar Haddad was known as Abu Sami in Rome. Abu Sami denied the charges.",
    ] {
        let g = with_spans(text, &[("Anwar Haddad", "PERSON"), ("Abu Sami", "PERSON")]);
        assert!(
            together(&g, "Anwar Haddad", "Abu Sami"),
            "{text}: {:?}",
            names(&g)
        );
    }
    let g = with_spans(
        "Hans Kessler ran the firm until his death. Founder Johann Kessler was known as Hans, and Hans Kessler was his son.",
        &[
            ("Hans Kessler", "PERSON"),
            ("Johann Kessler", "PERSON"),
            ("Hans", "PERSON"),
        ],
    );
    assert!(
        !together(&g, "Hans Kessler", "Johann Kessler"),
        "{:?}",
        names(&g)
    );
}

/// A club's nickname (`kg:nickname`) is the club in a report that names the club, and only there; a
/// nickname two clubs of the report go by is neither's.
#[test]
fn a_nickname_is_the_entity_where_the_document_names_it_otherwise() {
    let report = "Borussia Mönchengladbach beat Hertha BSC 2-1 in the league on Saturday. The Foals scored late in the match.";
    let g = with_spans(
        report,
        &[
            ("Borussia Mönchengladbach", "ORG"),
            ("Hertha BSC", "ORG"),
            ("Foals", "ORG"),
        ],
    );
    assert!(
        together(&g, "Borussia Mönchengladbach", "Foals"),
        "{:?}",
        names(&g)
    );
    // Not in a report that does not name the club.
    let g = with_spans(
        "Hertha BSC lost 2-1 in the league on Saturday. The Foals scored late in the match.",
        &[("Hertha BSC", "ORG"), ("Foals", "ORG")],
    );
    assert!(!together(&g, "Hertha BSC", "Foals"), "{:?}", names(&g));
    assert!(
        has_name(&g, "Foals") && !has_name(&g, "Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    // A national team's nickname (`kg:teamNickname`) is the team a report names as a side.
    let g = with_spans(
        "Argentina beat Switzerland 1-0 in the World Cup match on Tuesday, a late goal from their striker deciding the game. The Albiceleste will face Belgium in the next round.",
        &[
            ("Argentina", "GPE"),
            ("Switzerland", "GPE"),
            ("Albiceleste", "ORG"),
            ("Belgium", "GPE"),
        ],
    );
    assert!(
        together(&g, "Argentina national team", "Albiceleste"),
        "{:?}",
        names(&g)
    );
    // Two clubs named that go by one nickname: neither takes it.
    let g = with_spans(
        "Manchester United met 1. FC Kaiserslautern in a friendly match. The Red Devils won the game.",
        &[
            ("Manchester United", "ORG"),
            ("1. FC Kaiserslautern", "ORG"),
            ("Red Devils", "ORG"),
        ],
    );
    assert!(
        !together(&g, "Manchester United", "Red Devils"),
        "{:?}",
        names(&g)
    );
    assert!(
        !together(&g, "1. FC Kaiserslautern", "Red Devils"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `The EU parliament's president` and `the European Parliament` where NER tagged only
/// `European` were descriptions of their document, not the gazetteer's European Parliament.
#[test]
fn a_description_that_is_a_gazetteer_name_written_with_a_capital_is_that_entity() {
    let g = resolve_doc(&super::resolve_names::analyse(
        "The EU parliament's president criticised the plan on Monday.",
    ));
    assert!(
        g.entities.iter().any(|e| e.key == "european_parliament"),
        "{:?}",
        names(&g)
    );
    // A phrase written all in lower case stays a phrase (`a security council` of elders).
    let g = resolve_doc(&super::resolve_names::analyse(
        "The village formed a security council of elders, and the security council met on Monday.",
    ));
    assert!(
        !g.entities.iter().any(|e| e.key == "un_security_council"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Bayern coach Pep Guardiola` with `Guardiola` tagged ORG, and `spokesman Anders Kallin` with
/// `Kallin` tagged GPE, lost the given name and the person: after a person's noun, a given name and a lone
/// word NER called anything are one person's name.
#[test]
fn a_given_name_and_a_surname_ner_mislabelled_after_a_persons_noun_are_one_persons_name() {
    let g = with_spans(
        "The Hamburg coach Jonas Wennberg praised the team on Sunday.",
        &[("Hamburg", "GPE"), ("Wennberg", "ORG")],
    );
    assert!(has_name(&g, "Jonas Wennberg"), "{:?}", names(&g));
    // Without a person's noun before them the words are left as NER drew them.
    let g = with_spans(
        "Fans of the club cheered Jonas Wennberg on Sunday.",
        &[("Wennberg", "ORG")],
    );
    assert!(!has_name(&g, "Jonas Wennberg"), "{:?}", names(&g));
}

/// Regression: a fixture line read as one name (`Werder Bremen Borussia Mönchengladbach`, tagged PERSON)
/// became a person; in a sports report a span made of club names only is one name per club.
#[test]
fn a_span_of_club_names_in_a_sports_report_is_one_name_per_club() {
    let report = "Results of the league matchday on Saturday, with the goals of each match. \
                  Werder Bremen Borussia Mönchengladbach 2-1. Bayern Munich won at home.";
    let g = with_spans(
        report,
        &[
            ("Werder Bremen Borussia Mönchengladbach", "PERSON"),
            ("Bayern Munich", "ORG"),
        ],
    );
    assert!(
        has_name(&g, "Werder Bremen") && has_name(&g, "Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    assert!(
        !has_name(&g, "Werder Bremen Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    // A club's own name of known words stays whole (`Bayern` and `Munich` are names too).
    assert!(
        has_name(&g, "Bayern Munich") && !has_name(&g, "Munich"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Imam Yusuf Chunara`, tagged WORK_OF_ART, kept the title in the person's label and key.
#[test]
fn a_persons_noun_opening_a_span_of_another_label_makes_it_a_persons_name() {
    let g = with_spans(
        "Prayers were led by Imam Yusuf Karimi on Friday. Karimi thanked the worshippers.",
        &[("Imam Yusuf Karimi", "WORK_OF_ART"), ("Karimi", "PERSON")],
    );
    assert!(together(&g, "Yusuf Karimi", "Karimi"), "{:?}", names(&g));
    // A title's modifier opening a name is no person's noun (`General Data Protection Regulation`).
    let g = with_spans(
        "The General Data Protection Regulation takes effect in May.",
        &[("General Data Protection Regulation", "LAW")],
    );
    assert!(
        g.entities.iter().all(|e| e.class != "Person"),
        "{:?}",
        g.entities
            .iter()
            .map(|e| (&e.label, &e.class))
            .collect::<Vec<_>>()
    );
}

#[test]
fn an_organisations_name_with_its_designator_moved_after_the_rest_is_the_same_name() {
    let g = with_spans(
        "Researchers at the University of Tartu found the bones. Tartu University said more digs follow.",
        &[
            ("the University of Tartu", "ORG"),
            ("Tartu University", "ORG"),
        ],
    );
    assert!(
        together(&g, "University of Tartu", "Tartu University"),
        "{:?}",
        names(&g)
    );
    // Only a designator moves: `Friends of Tartu` and `Tartu Friends` are two groups.
    let g = with_spans(
        "The Friends of Tartu met on Monday. Tartu Friends met on Tuesday.",
        &[("The Friends of Tartu", "ORG"), ("Tartu Friends", "ORG")],
    );
    assert!(
        !together(&g, "Friends of Tartu", "Tartu Friends"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `, Jan Henrik Fahlbusch,` and `Elmer Funke Kupper` opening a sentence lost their first given
/// name (NER began the two-word name one word late).
#[test]
fn a_given_name_ner_left_off_a_two_word_name_after_a_comma_or_at_a_sentences_start_is_part_of_it() {
    let text = "The head of the Tartu office, Jaan Peeter Kask, said talks went on. Kask left later.\n\
                Mihkel Rein Tamm had run the port for years. Tamm resigned.";
    let g = with_spans(
        text,
        &[
            ("Peeter Kask", "PERSON"),
            ("Kask", "PERSON"),
            ("Rein Tamm", "PERSON"),
            ("Tamm", "PERSON"),
        ],
    );
    assert!(has_name(&g, "Jaan Peeter Kask"), "{:?}", names(&g));
    assert!(has_name(&g, "Mihkel Rein Tamm"), "{:?}", names(&g));
    // Elsewhere in a sentence, a capitalised word before two is left out (a title or a noun is far likelier).
    let g = with_spans(
        "Harbour workers thanked Kalev Peeter Kask on Monday.",
        &[("Peeter Kask", "PERSON")],
    );
    assert!(
        has_name(&g, "Peeter Kask") && !has_name(&g, "Kalev Peeter Kask"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_firms_name_ner_cut_before_its_partners_legal_form_is_one_name_and_known_without_it() {
    let g = with_spans(
        "Brandt, Okafor and Co Inc will underwrite the issue, the company said.",
        &[("Brandt, Okafor", "ORG"), ("Co Inc", "ORG")],
    );
    let firm = g
        .entities
        .iter()
        .find(|e| e.label == "Brandt Okafor and Co Inc")
        .unwrap_or_else(|| panic!("{:?}", names(&g)));
    // Its name without the legal form is one more of its names, for the stories that write it so.
    assert!(
        firm.aliases.iter().any(|a| a == "Brandt Okafor"),
        "{:?}",
        firm.aliases
    );
    assert!(!has_name(&g, "Co Inc"), "{:?}", names(&g));
    // The partners' words are no firm of their own either (`Sons Inc`: `kg:partnerWords`).
    let g = with_spans(
        "Brandt, Okafor and Sons Inc will underwrite the issue.",
        &[("Brandt, Okafor", "ORG"), ("Sons Inc", "ORG")],
    );
    assert!(
        has_name(&g, "Brandt Okafor and Sons Inc"),
        "{:?}",
        names(&g)
    );
    // A firm of its own after `and` stays apart.
    let g = with_spans(
        "Brandt, Okafor and Lindqvist Inc will underwrite the issue, the company said.",
        &[("Brandt, Okafor", "ORG"), ("Lindqvist Inc", "ORG")],
    );
    assert!(
        !together(&g, "Brandt Okafor", "Lindqvist Inc"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Seafirst Corp said ... Seafirst said` was two nodes in one story (NER called the short name a
/// person), as was `Moody's` beside `Moody's Investors Service Inc` (the possessive taken off the short one);
/// joined, `Rogers Corp` (`Rogers said` twice) became a person.
#[test]
fn a_companys_name_without_its_legal_form_or_its_possessive_first_word_is_the_company() {
    let g = with_spans(
        "Harwick Corp said profits rose. Harwick said it would hire more staff.",
        &[("Harwick Corp", "ORG"), ("Harwick", "PERSON")],
    );
    assert!(together(&g, "Harwick Corp", "Harwick"), "{:?}", names(&g));
    // NER's person does not make the company one.
    let firm = g.entities.iter().find(|e| e.label == "Harwick Corp");
    assert_eq!(firm.map(|e| e.class.as_str()), Some("Organization"));
    let g = with_spans(
        "Fenwick's Rating Service Inc cut the bank's rating. Fenwick's said the outlook was negative.",
        &[
            ("Fenwick's Rating Service Inc", "ORG"),
            ("Fenwick's", "ORG"),
        ],
    );
    assert!(
        together(&g, "Fenwick's Rating Service Inc", "Fenwick's"),
        "{:?}",
        names(&g)
    );
    // A person's possessive is no company's short name.
    let g = with_spans(
        "Harwick Corp said profits rose. Its chief Ann Lodge said Lodge's plan would work.",
        &[
            ("Harwick Corp", "ORG"),
            ("Ann Lodge", "PERSON"),
            ("Lodge's", "PERSON"),
        ],
    );
    assert!(!together(&g, "Harwick Corp", "Lodge"), "{:?}", names(&g));
    // Nor is the first word of a company that has no possessive (`Harwick` of `Harwick Rating Service`).
    let g = with_spans(
        "Harwick Rating Service cut the bank's rating. Harwick said the outlook was negative.",
        &[("Harwick Rating Service", "ORG"), ("Harwick", "PERSON")],
    );
    assert!(
        !together(&g, "Harwick Rating Service", "Harwick"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Industrial Equity (Pacific) Ltd` was cut at its parentheses, and the `Ltd` after them became
/// a company of its own (`Ltd` in 10 of 3,000 held-out Reuters stories).
#[test]
fn a_name_in_parentheses_before_a_legal_form_is_part_of_the_firms_name() {
    let g = with_spans(
        "Tasman Equity (Pacific) Ltd said it raised its stake.",
        &[("Tasman Equity (Pacific) Ltd", "ORG")],
    );
    assert!(has_name(&g, "Tasman Equity Pacific Ltd"), "{:?}", names(&g));
    assert!(!has_name(&g, "Ltd"), "{:?}", names(&g));
    // Without a legal form after them, the parentheses still state a name of their own.
    let g = with_spans(
        "The Tasman Equity Group (TEG) said it raised its stake.",
        &[("Tasman Equity Group (TEG)", "ORG")],
    );
    assert!(
        together(&g, "Tasman Equity Group", "TEG"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Cable and` | `Wireless Plc`, one firm NER cut after the `and` of its name, was two nodes
/// (`Cable`, `Wireless Plc`, each in 17 of 3,000 held-out Reuters stories), and `Standard and Poor's Corp`
/// was `Poor's Corp` (13).
/// Regression: `Cable and Wireless Plc` written in full once, then `Cable and Wireless bid` that NER cut
/// into `Cable` and `Wireless`: two more nodes in the story.
#[test]
fn a_partners_firm_the_story_names_with_its_legal_form_is_found_where_it_is_written_without() {
    let text =
        "Marsh and Tillman Plc raised its offer. Analysts said the Marsh and Tillman bid was fair.";
    let g = with_spans(
        text,
        &[
            ("Marsh and Tillman Plc", "ORG"),
            ("Marsh", "ORG"),
            ("Tillman", "ORG"),
        ],
    );
    assert!(
        !has_name(&g, "Marsh") && !has_name(&g, "Tillman"),
        "{:?}",
        names(&g)
    );
    // Without the full name in the story, the two names stay as NER read them.
    let g = with_spans(
        "Analysts said the Marsh and Tillman bid was fair.",
        &[("Marsh", "ORG"), ("Tillman", "ORG")],
    );
    assert!(
        has_name(&g, "Marsh") && has_name(&g, "Tillman"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_firms_name_ner_cut_after_its_and_is_one_name() {
    let g = with_spans(
        "The bid by Marsh and Tillman Plc for the network was approved.",
        &[("Marsh and", "ORG"), ("Tillman Plc", "ORG")],
    );
    assert!(has_name(&g, "Marsh and Tillman Plc"), "{:?}", names(&g));
    // Two firms NER named apart, the `and` outside both, stay two.
    let g = with_spans(
        "The bid by Marsh and Tillman Plc for the network was approved.",
        &[("Marsh", "ORG"), ("Tillman Plc", "ORG")],
    );
    assert!(!together(&g, "Marsh", "Tillman Plc"), "{:?}", names(&g));
    assert!(!has_name(&g, "Marsh and Tillman Plc"), "{:?}", names(&g));
    // A firm's legal form before the `and` ends its name.
    let g = with_spans(
        "The bid by Marsh Inc and Tillman Plc for the network was approved.",
        &[("Marsh Inc and", "ORG"), ("Tillman Plc", "ORG")],
    );
    assert!(!together(&g, "Marsh Inc", "Tillman Plc"), "{:?}", names(&g));
    let g = with_spans(
        "<Marsh Inc> and Tillman Plc agreed to merge.",
        &[("Marsh Inc> and", "ORG"), ("Tillman Plc", "ORG")],
    );
    assert!(
        !has_name(&g, "Marsh Inc and Tillman Plc"),
        "{:?}",
        names(&g)
    );
    // NER beginning the firm's name after its `and` (`Standard and` | `Poor's Corp`, the first name
    // tagged nothing): the proper noun before the `and` is the name's.
    let g = with_spans(
        "Haldane and Fitch's Corp cut the bank's rating.",
        &[("Fitch's Corp", "ORG")],
    );
    assert!(has_name(&g, "Haldane and Fitch's Corp"), "{:?}", names(&g));
    // Not a common noun, nor a name NER tagged of its own.
    let g = with_spans(
        "Analysts and Fitch's Corp disagreed on the rating.",
        &[("Fitch's Corp", "ORG")],
    );
    assert!(has_name(&g, "Fitch's Corp"), "{:?}", names(&g));
    let g = with_spans(
        "Haldane and Fitch's Corp cut the bank's rating.",
        &[("Haldane", "ORG"), ("Fitch's Corp", "ORG")],
    );
    assert!(!together(&g, "Haldane", "Fitch's Corp"), "{:?}", names(&g));
    assert!(!has_name(&g, "Haldane and Fitch's Corp"), "{:?}", names(&g));
    let g = with_spans(
        "Shares of <Haldane Inc> and Fitch's Corp rose.",
        &[("Fitch's Corp", "ORG")],
    );
    assert!(has_name(&g, "Fitch's Corp"), "{:?}", names(&g));
}

/// Regression: `Revs` and `Avg`, the labels of an earnings table's rows (`Revs 20.4 mln vs 18.1 mln`), tagged
/// PERSON, were people in 117 and 60 of 3,000 held-out Reuters stories.
#[test]
fn a_word_labelling_a_row_of_figures_in_a_table_is_no_persons_name() {
    let g = with_spans(
        "Norvik Tools Inc 1st qtr\n\nShr 12 cts vs 10 cts\n\nRevs 20.4 mln vs 18.1 mln\n\nAvg shrs 4,100,000 vs 3,900,000\n",
        &[("Revs 20.4 mln vs 18.1 mln", "PERSON"), ("Avg", "PERSON")],
    );
    assert!(
        !has_name(&g, "Revs") && !has_name(&g, "Avg"),
        "{:?}",
        names(&g)
    );
    // An organisation's word labelling a row too (`Group net`), unless the story writes it elsewhere.
    let table = "Results\n\nShr 12 cts vs 10 cts\n\nGroup net 104.8 mln vs 100.9 mln\n";
    let g = with_spans(table, &[("Group", "ORG")]);
    assert!(!has_name(&g, "Group"), "{:?}", names(&g));
    let g = with_spans(
        &format!("Keswick Corp said sales rose.{table}\nKeswick 4.1 mln vs 3.9 mln\n"),
        &[("Keswick Corp", "ORG"), ("Keswick", "ORG")],
    );
    // Both its mentions, the row's too (the prose's alone would give the name without the rule).
    let keswick = g.entities.iter().find(|e| e.label == "Keswick Corp");
    assert_eq!(
        keswick.map(|e| e.mentions.len()),
        Some(2),
        "{:?}",
        names(&g)
    );
    // One such line is no table; and a scorer the story names in full keeps his name in a table of goals.
    let g = with_spans(
        "The coach praised the striker.\n\nDrummond 14 goals\n",
        &[("Drummond", "PERSON")],
    );
    assert!(has_name(&g, "Drummond"), "{:?}", names(&g));
    let g = with_spans(
        "Ian Drummond scored twice.\n\nDrummond 14 goals\n\nOkoro 9 goals\n",
        &[("Ian Drummond", "PERSON"), ("Drummond", "PERSON")],
    );
    assert!(together(&g, "Ian Drummond", "Drummond"), "{:?}", names(&g));
    // A line that says something is no row of a table (`Devon said ...`, a company NER called a person).
    let g = with_spans(
        "Annual results\n\nNet 950,000 vs 1.2 mln\n\nRevs 8.6 mln vs 11.8 mln\n\nDevon said its reserves rose 12 pct.\n",
        &[("Devon", "PERSON")],
    );
    assert!(has_name(&g, "Devon"), "{:?}", names(&g));
}

#[test]
fn a_departments_name_written_with_of_is_the_name_written_with_its_field_first() {
    let with_of = with_spans(
        "The Department of Fisheries said catches fell.",
        &[("Department of Fisheries", "ORG")],
    );
    let field_first = with_spans(
        "The Fisheries Department said catches fell.",
        &[("Fisheries Department", "ORG")],
    );
    assert_eq!(
        key_of(&with_of, "Department of Fisheries"),
        key_of(&field_first, "Fisheries Department")
    );
    // Only a department's head noun moves: a bank of fisheries is no fisheries bank.
    let bank_of = with_spans(
        "The Bank of Fisheries said catches fell.",
        &[("Bank of Fisheries", "ORG")],
    );
    let field_bank = with_spans(
        "The Fisheries Bank said catches fell.",
        &[("Fisheries Bank", "ORG")],
    );
    assert_ne!(
        key_of(&bank_of, "Bank of Fisheries"),
        key_of(&field_bank, "Fisheries Bank")
    );
}

/// The labels of who says something in the sentence that starts with `start` (the subjects of its `said`
/// facts).
fn speakers_in(g: &DocumentGraph, start: &str) -> Vec<String> {
    g.facts
        .iter()
        .filter(|f| g.sentences[f.sentence].text.trim_start().starts_with(start))
        .filter(
            |f| matches!(&f.predicate, Predicate::Ontology(p) | Predicate::Open(p) if p == "said"),
        )
        .filter_map(|f| match f.subject {
            Node::Entity(e) => Some(g.entities[e].label.clone()),
            Node::Literal(_) => None,
        })
        .collect()
}

#[test]
fn the_company_or_the_bank_is_the_organisation_the_story_last_made_its_subject() {
    // Halden Machinery is named after Nordvik Textiles, but as no clause's subject.
    let g = with_spans(
        "Nordvik Textiles Corp said it would close its plant. The plant was built by Halden Machinery Inc \
         in 1960. The company said 200 jobs would go.",
        &[
            ("Nordvik Textiles Corp", "ORG"),
            ("Halden Machinery Inc", "ORG"),
        ],
    );
    assert_eq!(
        speakers_in(&g, "The company said"),
        vec!["Nordvik Textiles Corp".to_string()],
        "{:?}",
        g.facts
    );
    // Another noun names the organisation whose name it ends, though another was the subject since.
    let g = with_spans(
        "Ostholm Bank said profits rose. Nordvik Textiles Corp borrowed from it. The bank said more loans \
         would follow.",
        &[("Ostholm Bank", "ORG"), ("Nordvik Textiles Corp", "ORG")],
    );
    assert_eq!(
        speakers_in(&g, "The bank said"),
        vec!["Ostholm Bank".to_string()],
        "{:?}",
        g.facts
    );
    // The organisation the company's own report is about is not the company.
    let g = with_spans(
        "Lindqvist Orchards is a family business, the company said.",
        &[("Lindqvist Orchards", "ORG")],
    );
    assert!(
        !speakers_in(&g, "Lindqvist Orchards").contains(&"Lindqvist Orchards".to_string()),
        "{:?}",
        g.facts
    );
}

#[test]
fn an_initialism_names_the_company_whose_name_without_its_legal_form_it_spells() {
    let g = with_spans(
        "Nordic Ferry Lines Ltd said it would buy two ships. NFL said the ships cost 90 mln crowns.",
        &[("Nordic Ferry Lines Ltd", "ORG"), ("NFL", "ORG")],
    );
    assert!(
        together(&g, "Nordic Ferry Lines Ltd", "NFL"),
        "{:?}",
        names(&g)
    );
    // Initials of only part of the name are another name.
    let g = with_spans(
        "Nordic Ferry Lines Ltd said it would buy two ships. NF said the ships cost 90 mln crowns.",
        &[("Nordic Ferry Lines Ltd", "ORG"), ("NF", "ORG")],
    );
    assert!(
        !together(&g, "Nordic Ferry Lines Ltd", "NF"),
        "{:?}",
        names(&g)
    );
}
