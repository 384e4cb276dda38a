//! Names as documents write them: an entity's name in a document it never writes the label of, the rows
//! of the TSV export in each document's names, and open relations labelled as sentences word them
//! (sentences written for these tests).

use kg::export::{self, Selection};
use kg::graph::Projection;
use kg::ingest::Document;
use kg::pipeline::Pipeline;
use kg::resolve::{DocumentGraph, Predicate};
use kg::store::KgStore;
use std::sync::{Mutex, OnceLock};

fn pipeline() -> &'static Mutex<Pipeline> {
    static PIPELINE: OnceLock<Mutex<Pipeline>> = OnceLock::new();
    PIPELINE.get_or_init(|| Mutex::new(Pipeline::new(None, &[]).expect("pipeline")))
}

/// A store of the given (id, text) documents, with the ontology's labels, and its projection.
fn build(documents: &[(&str, &str)]) -> (KgStore, Projection) {
    let store = KgStore::in_memory(None).unwrap();
    store
        .set_ontology(
            pipeline()
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .ontology(),
        )
        .unwrap();
    for (id, text) in documents {
        store.write_document(&process(id, text)).unwrap();
    }
    store.settle_descriptions().unwrap();
    let projection = Projection::from_store(&store).unwrap();
    (store, projection)
}

fn process(id: &str, text: &str) -> DocumentGraph {
    pipeline()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .process(&Document::from_text(id, text.to_string()))
}

/// The document's name for the entity keyed `key`: (label, name in the document).
fn names(g: &DocumentGraph, key: &str) -> Option<(String, Option<String>)> {
    g.entities
        .iter()
        .find(|e| e.key == key)
        .map(|e| (e.label.clone(), e.name_in_document.clone()))
}

/// The open relations of the document's facts as (phrase, wording, modality).
fn wordings(g: &DocumentGraph) -> Vec<(String, Option<String>, String)> {
    g.facts
        .iter()
        .filter_map(|f| match &f.predicate {
            Predicate::Open(phrase) => {
                Some((phrase.clone(), f.wording.clone(), f.modality.clone()))
            }
            Predicate::Ontology(_) => None,
        })
        .collect()
}

#[test]
fn a_document_that_writes_only_us_names_the_united_states_us() {
    let g = process(
        "us.txt",
        "US officials met diplomats in Washington. The US wants a deal, and US envoys said so.",
    );
    assert_eq!(
        names(&g, "united_states"),
        Some(("United States".into(), Some("US".into())))
    );
    let g = process(
        "united_states.txt",
        "The United States wants a deal. US envoys met diplomats in Washington.",
    );
    assert_eq!(
        names(&g, "united_states"),
        Some(("United States".into(), None)),
        "a document that writes the label names the entity by it"
    );
}

#[test]
fn a_demonym_is_no_name_of_its_country() {
    let g = process(
        "german.txt",
        "German officials met French diplomats. The German government wants a deal.",
    );
    assert_eq!(
        names(&g, "germany").map(|(_, written)| written),
        Some(None),
        "`German` names Germany's people, not Germany"
    );
}

#[test]
fn tsv_rows_name_entities_as_their_documents_write_them() {
    let (store, projection) = build(&[
        (
            "short.txt",
            "The US wants a deal. Washington is the capital of the US.",
        ),
        (
            "long.txt",
            "The United States wants a deal. Washington is the capital of the United States.",
        ),
    ]);
    let mut out = Vec::new();
    export::write_tsv(&store, &projection, &Selection::all(), &mut out).unwrap();
    let tsv = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let capital = |doc: &str| {
        rows.iter()
            .find(|r| r[0] == "Washington" && r[1] == "capital of" && r[5] == doc)
            .map(|r| r[2].to_string())
    };
    assert_eq!(capital("short.txt").as_deref(), Some("US"));
    assert_eq!(capital("long.txt").as_deref(), Some("United States"));
    assert!(
        rows.iter()
            .filter(|r| r[4] == "inferred")
            .all(|r| !r[0].is_empty() && r[5].is_empty()),
        "inferred rows, of no document, keep the entities' labels"
    );
}

#[test]
fn an_open_relation_is_labelled_as_its_sentence_words_it() {
    let g = process(
        "treaty.txt",
        "Shinzo Abe pledged to work toward concluding a peace treaty. Adding to the pressure, Angela \
         Merkel criticised the treaty.",
    );
    let w = wordings(&g);
    assert!(
        w.iter().any(
            |(phrase, wording, _)| phrase == "pledge to work toward conclude"
                && wording.as_deref() == Some("pledged to work toward concluding")
        ),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|(_, wording, _)| wording.as_deref() == Some("adding to")),
        "a sentence's first word loses its capital: {w:?}"
    );
}

#[test]
fn an_open_relation_worded_as_a_property_is_named_keeps_its_phrase() {
    // `controlled by` is the label of `controlledBy`; a ball is no place, so the relation stays open
    // and must not read as the property.
    let g = process("ball.txt", "The ball controlled by the striker went wide.");
    let w = wordings(&g);
    assert!(
        w.iter()
            .any(|(phrase, wording, _)| phrase == "control by" && wording.is_none()),
        "{w:?}"
    );
}

#[test]
fn a_negated_wording_does_not_name_the_relation() {
    let (_store, projection) = build(&[(
        "talks.txt",
        "Shinzo Abe held talks in Tokyo. Vladimir Putin didn't hold talks in Moscow.",
    )]);
    let labels: Vec<&str> = projection
        .predicate_labels()
        .filter(|(iri, _)| iri.ends_with("/rel/hold"))
        .map(|(_, label)| label)
        .collect();
    assert_eq!(labels, ["held"]);
}
