//! Abbreviations and names in parentheses in entity resolution: an abbreviation or initialism names the name
//! it spells, whether NER tagged it, cut the name, or wrote it as a word; other words in parentheses do not.

use super::resolve_names::{has_name, names, together, with_spans};

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
