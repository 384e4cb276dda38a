//! Canonical relations on news (sentences written for these tests): the class a noun beside a name gives it
//! whatever NER said, and what stays out of the graph; with the helpers the other `relations_*` files share.

use super::resolve_names::class_of;
use kg::ingest::Document;
use kg::pipeline::Pipeline;
use kg::resolve::{DocumentGraph, Node, Predicate};
use std::sync::{Mutex, OnceLock};

fn pipeline() -> &'static Mutex<Pipeline> {
    static PIPELINE: OnceLock<Mutex<Pipeline>> = OnceLock::new();
    PIPELINE.get_or_init(|| Mutex::new(Pipeline::new(None, &[]).expect("pipeline")))
}

fn label(g: &DocumentGraph, n: &Node) -> String {
    match n {
        Node::Entity(i) => g.entities[*i].label.clone(),
        Node::Literal(s) => s.clone(),
    }
}

/// The facts of `text` as (subject label, predicate, object label).
pub(crate) fn facts(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::from_text("test.txt", text.to_string());
    let g = pipeline()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .process(&doc);
    graph_facts(&g)
}

/// The graph's facts as (subject label, predicate, object label).
pub(crate) fn graph_facts(g: &DocumentGraph) -> Vec<(String, String, String)> {
    g.facts
        .iter()
        .map(|f| {
            let p = match &f.predicate {
                Predicate::Ontology(l) => l.clone(),
                Predicate::Open(s) => s.clone(),
            };
            (label(g, &f.subject), p, label(g, &f.object))
        })
        .collect()
}

pub(crate) fn has(fs: &[(String, String, String)], s: &str, p: &str, o: &str) -> bool {
    fs.iter().any(|(a, b, c)| a == s && b == p && c == o)
}

/// The graph of `text` as the pipeline builds it.
pub(crate) fn graph(text: &str) -> DocumentGraph {
    let doc = Document::from_text("test.txt", text.to_string());
    pipeline()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .process(&doc)
}

/// A phrase of no letter or digit is no argument (`Ann Fry is .`, the stop of `(D-Vt.)`), while a mark
/// that stands for a name in the parse still reads as the name (`<Belkin Inc>'s shares`: the possessor is
/// the bracket).
#[test]
fn a_wordless_phrase_is_no_argument() {
    let fs = facts("Committee Chairman Ann Fry (D-Vt.) said Congress would act.");
    assert!(
        !fs.iter()
            .any(|(s, _, o)| !s.chars().any(char::is_alphanumeric)
                || !o.chars().any(char::is_alphanumeric)),
        "{fs:?}"
    );
    let fs = facts("Ostby Corp made an offer for <Brandvik Inc>'s 7.6 mln common shares.");
    assert!(
        fs.iter()
            .any(|(s, p, _)| s == "Brandvik Inc" && p == "have"),
        "{fs:?}"
    );
}

/// Regression: `<Sara Lee Corp of Canada Ltd>` and `Samuel Montagu Ltd`, tagged people, were people.
#[test]
fn a_name_ending_in_a_companys_legal_form_is_an_organisation() {
    let g = super::resolve_names::with_spans(
        "Edith Morrow Corp raised its dividend, and Edith Morrow Corp shares rose. Maria Sa, an analyst, said so.",
        &[("Edith Morrow Corp", "PERSON"), ("Maria Sa", "PERSON")],
    );
    assert_eq!(
        class_of(&g, "Edith Morrow Corp").as_deref(),
        Some("Organization")
    );
    // A surname that spells a legal form in other letters is still a person's (`Sa`, not `SA`).
    assert_eq!(class_of(&g, "Maria Sa").as_deref(), Some("Person"));
}

#[test]
fn a_person_noun_beside_a_name_makes_it_a_persons_whatever_ner_said() {
    use crate::resolve_names::with_spans;
    let text = "Ingrid Valtersen, the Norwegian ambassador to Chile, spoke first.";
    let g = with_spans(
        text,
        &[
            ("Ingrid Valtersen", "ORG"),
            ("Norwegian", "NORP"),
            ("Chile", "GPE"),
        ],
    );
    let fs = graph_facts(&g);
    assert!(
        has(&fs, "Ingrid Valtersen", "citizenOf", "Norway"),
        "{fs:?}"
    );
    let g = with_spans(
        "Oslo police spokeswoman Tove Berge Lund said the road was closed.",
        &[("Oslo", "GPE"), ("Tove Berge Lund", "NORP")],
    );
    assert_eq!(class_of(&g, "Tove Berge Lund").as_deref(), Some("Person"));
    // A noun an organisation can be too (`leader`) leaves NER's class.
    let g = with_spans(
        "Nordvik Shipping Lines, a leader in freight, grew.",
        &[("Nordvik Shipping Lines", "ORG")],
    );
    assert_ne!(
        class_of(&g, "Nordvik Shipping Lines").as_deref(),
        Some("Person")
    );
}

#[test]
fn a_name_in_capitals_alone_is_no_persons() {
    use crate::resolve_names::with_spans;
    let g = with_spans(
        "G9 leaders met in Oslo. The G9 welcomed the plan.",
        &[("G9", "PERSON"), ("Oslo", "GPE")],
    );
    assert!(class_of(&g, "G9").is_some_and(|c| c != "Person"));
    // A person's name NER tagged stays a person's.
    let g = with_spans(
        "Tove Lund met the board. Lund welcomed the plan.",
        &[("Tove Lund", "PERSON"), ("Lund", "PERSON")],
    );
    assert_eq!(class_of(&g, "Tove Lund").as_deref(), Some("Person"));
}

#[test]
fn a_name_before_an_organisations_noun_is_the_organisation() {
    use crate::resolve_names::with_spans;
    let g = with_spans(
        "He told Norway's Vestland Tidende newspaper that the deal was off.",
        &[("Norway", "GPE"), ("Vestland Tidende", "PERSON")],
    );
    let fs = graph_facts(&g);
    assert!(has(&fs, "Vestland Tidende", "country", "Norway"), "{fs:?}");
    assert!(class_of(&g, "Vestland Tidende").is_some_and(|c| c != "Person"));
    // A person's name before a noun that is no organisation's stays a person's.
    let g = with_spans(
        "Norway's Lena Berg fans cheered in Oslo.",
        &[("Norway", "GPE"), ("Lena Berg", "PERSON"), ("Oslo", "GPE")],
    );
    assert_eq!(class_of(&g, "Lena Berg").as_deref(), Some("Person"));
    // The organisation an apposition names does what the sentence says, not its description.
    let fs = facts("US airline Nordair denied responsibility for the crash.");
    assert!(
        fs.iter().any(|(s, p, _)| s == "Nordair" && p == "deny"),
        "{fs:?}"
    );
}

#[test]
fn an_organisations_noun_before_a_name_makes_it_an_organisation() {
    // NER called all three people; the noun before each says what it is.
    let g = graph(
        "Reporters gathered outside the offices of the Danish satirical magazine Blekk Nord. \
         The Norwegian aerospace company Nordavind launched a satellite. \
         The film was bought by the Swedish broadcaster Kanal Sju.",
    );
    for name in ["Blekk Nord", "Nordavind", "Kanal Sju"] {
        let class = class_of(&g, name);
        assert!(
            class.is_some() && class.as_deref() != Some("Person"),
            "{name}: {class:?}"
        );
    }
    let fs = facts("The Norwegian aerospace company Nordavind launched a satellite.");
    assert!(!fs.iter().any(|(_, p, _)| p == "citizenOf"), "{fs:?}");
    // A person noun there keeps the person.
    let g = graph("The Norwegian aerospace engineer Ola Nordavind launched a satellite.");
    assert_eq!(class_of(&g, "Ola Nordavind").as_deref(), Some("Person"));
}

#[test]
fn a_city_ner_called_a_person_stays_a_city_unless_a_persons_full_name_holds_it() {
    use crate::resolve_names::with_spans;
    let g = with_spans(
        "Voters in Essen backed the plan. Essen will host the fair in May.",
        &[("Essen", "PERSON")],
    );
    assert_ne!(class_of(&g, "Essen").as_deref(), Some("Person"));
    // The surname of a person named in full is the person's.
    let g = with_spans(
        "Lena Essen backed the plan. Essen will chair the fair in May.",
        &[("Lena Essen", "PERSON"), ("Essen", "PERSON")],
    );
    assert_eq!(class_of(&g, "Lena Essen").as_deref(), Some("Person"));
    assert!(crate::resolve_names::together(&g, "Lena Essen", "Essen"));
}

#[test]
fn a_lone_name_a_place_noun_describes_is_the_place() {
    use crate::resolve_names::with_spans;
    let g = with_spans(
        "Aid reached Vallby, a small town near the border, on Monday. Vallby has 900 people.",
        &[("Vallby", "PERSON")],
    );
    assert!(class_of(&g, "Vallby").is_some_and(|c| c != "Person"));
    // A person noun there leaves the person a person.
    let g = with_spans(
        "Aid reached Vallby, a local councillor, on Monday. Vallby thanked the donors.",
        &[("Vallby", "PERSON")],
    );
    assert_eq!(class_of(&g, "Vallby").as_deref(), Some("Person"));
}

#[test]
fn a_region_of_the_places_list_is_no_organisation_whatever_ner_called_it() {
    // `Rhineland-Palatinate's` is tagged an organisation; the places list knows it as a German region.
    let g = graph(
        "Karl Brenner, Rhineland-Palatinate's interior minister, visited the airport on Monday.",
    );
    let fs = graph_facts(&g);
    assert!(
        !has(&fs, "Karl Brenner", "memberOf", "Rhineland-Palatinate"),
        "{fs:?}"
    );
    assert_ne!(
        class_of(&g, "Rhineland-Palatinate").as_deref(),
        Some("Organization"),
        "{:?}",
        g.entities
    );
    // An organisation NER tags the same way keeps its membership.
    let fs = facts("Karl Brenner, Greenpeace's spokesman, visited the airport on Monday.");
    assert!(has(&fs, "Karl Brenner", "memberOf", "Greenpeace"), "{fs:?}");
}

#[test]
fn a_credit_line_is_no_part_of_the_story() {
    // The editors' initials and the agencies that supplied the story: no entity, no fact.
    let g = graph("The ministry in Oslo confirmed the sale on Monday.\n\nab/cd (Reuters, AFP)\n");
    let labels: Vec<&str> = g.entities.iter().map(|e| e.label.as_str()).collect();
    assert!(
        !labels
            .iter()
            .any(|l| *l == "Reuters" || l.contains("France")),
        "{labels:?}"
    );
    assert!(
        !graph_facts(&g)
            .iter()
            .any(|(s, _, o)| s == "Reuters" || o == "Reuters"),
        "{:?}",
        graph_facts(&g)
    );
    // Initials joined to the agencies, and a byline: the author and editor are not in the story.
    let g = graph(
        "The ministry in Oslo confirmed the sale. tkw/AFP/Reuters\nAuthor: Lena Aho Editor: Per Lund\n",
    );
    assert!(
        g.entities
            .iter()
            .all(|e| !["Reuters", "Lena Aho", "Per Lund"].contains(&e.label.as_str())),
        "{:?}",
        g.entities
    );
    // Agencies named in the story are entities of it.
    let g = graph("Reuters and AFP reported the sale on Monday.");
    assert!(g.entities.iter().any(|e| e.label == "Reuters"));
}

#[test]
fn copular_possessive_and_reporting_verbs_between_entities_stay_out_of_the_graph() {
    let fs = facts("Tony Blair told Gordon Brown about the plan. Liam Fox has a party in London.");
    assert!(
        !fs.iter().any(|(_, p, _)| p == "tell" || p == "be"),
        "{fs:?}"
    );
    // What is said stays when it is a statement (see the unit test of `is_light_between` for an entity).
    let fs = facts("Vestfjord Media said it bought Nordlys Forlag for 20 million crowns.");
    assert!(
        fs.iter()
            .any(|(s, p, o)| s == "Vestfjord Media" && p == "said" && o.starts_with("it bought")),
        "{fs:?}"
    );
    // An informative open relation between two entities stays.
    let fs = facts("Tony Blair criticised Gordon Brown in the Commons.");
    assert!(!fs.is_empty(), "{fs:?}");
}

#[test]
fn min_confidence_leaves_weak_facts_out() {
    let text = "The committee has concerns about the plan of the ministry.";
    let doc = Document::from_text("weak.txt", text.to_string());
    let strict = Pipeline::new(None, &[])
        .expect("pipeline")
        .with_min_confidence(0.99);
    let g = strict.process(&doc);
    assert!(
        g.facts.iter().all(|f| f.confidence >= 0.99),
        "{:?}",
        g.facts
    );
    let open = Pipeline::new(None, &[])
        .expect("pipeline")
        .with_min_confidence(0.0);
    assert!(open.process(&doc).facts.len() >= g.facts.len());
}

#[test]
fn a_nationalitys_people_are_no_state_in_a_fact() {
    let fs = facts(
        "Many Turks living in Germany voted on Sunday. Turkey recalled its ambassador from Germany on Monday.",
    );
    assert!(has(&fs, "Many Turks", "live in", "Germany"), "{fs:?}");
    assert!(
        !fs.iter().any(|(s, p, _)| s == "Turkey" && p != "recall"),
        "{fs:?}"
    );
    // The state's own name stays the state.
    assert!(
        fs.iter().any(|(s, p, _)| s == "Turkey" && p == "recall"),
        "{fs:?}"
    );
    // One of them is a person.
    let fs = facts("The Spaniard praised the new coach in Madrid on Monday.");
    assert!(!fs.iter().any(|(s, _, _)| s == "Spain"), "{fs:?}");
    // `The Saudis` as news writes them for the government stay the state.
    let fs = facts("The Saudis agreed to cut oil output in March, officials in Riyadh said.");
    assert!(fs.iter().any(|(s, _, _)| s == "Saudi Arabia"), "{fs:?}");
}
