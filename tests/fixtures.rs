//! Hand-made document graphs and a small rule engine for the store, graph, export and CLI tests.

use kg::resolve::{DocumentGraph, Entity, Fact, Node, Predicate, SentenceText};
use kg::store::{Derivation, Reasoner};
use oxigraph::model::{NamedNode, Term, Triple};

pub const ONTOLOGY: &str = "https://kg.example.org/ontology#";

pub fn entity(key: &str, label: &str, aliases: &[&str], class: &str) -> Entity {
    Entity {
        key: key.to_string(),
        label: label.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        class: class.to_string(),
        mentions: std::iter::once(0..1).collect(),
        name_in_document: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn fact(
    s: Node,
    p: Predicate,
    o: Node,
    sentence: usize,
    text: &str,
    doc: &str,
    rule: &str,
    confidence: f32,
    modality: &str,
) -> Fact {
    let start = doc.find(text).unwrap_or(0);
    Fact {
        subject: s,
        predicate: p,
        object: o,
        sentence,
        bytes: start..start + text.len(),
        rule: rule.to_string(),
        confidence,
        modality: modality.to_string(),
        attributed_to: None,
        qualifiers: Vec::new(),
        wording: None,
    }
}

fn sentences(text: &str) -> Vec<SentenceText> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '.' {
            let s = text[start..=i].trim_start();
            let begin = i + 1 - s.len();
            out.push(SentenceText {
                bytes: begin..i + 1,
                text: s.to_string(),
            });
            start = i + 1;
        }
    }
    out
}

fn onto(name: &str) -> Predicate {
    Predicate::Ontology(name.to_string())
}

/// A document about Crimea: ontology facts, an open relation, a negated fact, a literal object.
pub fn crimea_doc() -> DocumentGraph {
    let text = "Russia has controlled Crimea since 2014. Crimea is part of Ukraine. Russia annexed Crimea. \
                Vladimir Putin revived talks with Ukraine. Russia did not withdraw from Crimea. Putin is president of Russia. \
                Sevastopol is located in Crimea.";
    let sentences = sentences(text);
    let (russia, crimea, ukraine, putin, sevastopol) = (
        Node::Entity(0),
        Node::Entity(1),
        Node::Entity(2),
        Node::Entity(3),
        Node::Entity(4),
    );
    let s = |i: usize| sentences[i].text.clone();
    let mut controls = fact(
        russia.clone(),
        onto("controls"),
        crimea.clone(),
        0,
        &s(0),
        text,
        "svo",
        0.9,
        "asserted",
    );
    controls.qualifiers = vec![("time".to_string(), "since 2014".to_string())];
    let mut putin_president = fact(
        putin.clone(),
        onto("holdsPosition"),
        Node::Literal("president of Russia".to_string()),
        5,
        &s(5),
        text,
        "copula",
        0.8,
        "asserted",
    );
    putin_president.attributed_to = None;
    DocumentGraph {
        doc_id: "crimea-1".to_string(),
        title: Some("Crimea".to_string()),
        date: Some("2014-03-18".to_string()),
        url: Some("https://news.example.com/crimea".to_string()),
        entities: vec![
            entity("russia", "Russia", &["Russian Federation"], "Country"),
            entity("crimea", "Crimea", &["Crimean peninsula"], "Place"),
            entity("ukraine", "Ukraine", &[], "Country"),
            entity("vladimir_putin", "Vladimir Putin", &["Putin"], "Person"),
            entity("sevastopol", "Sevastopol", &[], "City"),
        ],
        facts: vec![
            controls,
            fact(
                crimea.clone(),
                onto("partOf"),
                ukraine.clone(),
                1,
                &s(1),
                text,
                "copula",
                0.7,
                "asserted",
            ),
            fact(
                russia.clone(),
                onto("annexed"),
                crimea.clone(),
                2,
                &s(2),
                text,
                "svo",
                0.95,
                "asserted",
            ),
            fact(
                putin.clone(),
                Predicate::Open("revive talk".to_string()),
                ukraine.clone(),
                3,
                &s(3),
                text,
                "svo",
                0.6,
                "asserted",
            ),
            fact(
                russia.clone(),
                Predicate::Open("withdraw from".to_string()),
                crimea.clone(),
                4,
                &s(4),
                text,
                "svo",
                0.5,
                "negated",
            ),
            putin_president,
            fact(
                sevastopol,
                onto("locatedIn"),
                crimea,
                6,
                &s(6),
                text,
                "copula",
                0.85,
                "asserted",
            ),
        ],
        sentences,
    }
}

/// A second document mentioning Russia and Ukraine (not Crimea).
pub fn talks_doc() -> DocumentGraph {
    let text = "Ukraine met Russia in Minsk. Ukraine opposes Russia.";
    let sentences = sentences(text);
    let s = |i: usize| sentences[i].text.clone();
    DocumentGraph {
        doc_id: "talks 2".to_string(),
        title: None,
        date: None,
        url: None,
        entities: vec![
            entity("ukraine", "Ukraine", &["Kyiv"], "Country"),
            entity("russia", "Russia", &["Moscow"], "Country"),
        ],
        facts: vec![
            fact(
                Node::Entity(0),
                onto("met"),
                Node::Entity(1),
                0,
                &s(0),
                text,
                "svo",
                0.9,
                "asserted",
            ),
            fact(
                Node::Entity(0),
                onto("opposes"),
                Node::Entity(1),
                1,
                &s(1),
                text,
                "svo",
                0.8,
                "asserted",
            ),
        ],
        sentences,
    }
}

/// Test rules: `X partOf Y -> Y hasPart X` and `X controls Y, Y partOf Z -> X controlsPartOf Z`.
pub struct TestRules;

fn term_iri(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

impl Reasoner for TestRules {
    fn infer(&self, asserted: &[Triple]) -> Vec<Derivation> {
        let p = |name: &str| NamedNode::new_unchecked(format!("{ONTOLOGY}{name}"));
        let mut out = Vec::new();
        for t in asserted {
            if t.predicate == p("partOf")
                && let Term::NamedNode(o) = &t.object
            {
                out.push(Derivation {
                    triple: Triple::new(o.clone(), p("hasPart"), t.subject.clone()),
                    rule: "inverse-partOf".to_string(),
                    premises: vec![t.clone()],
                });
            }
        }
        for a in asserted.iter().filter(|t| t.predicate == p("controls")) {
            for b in asserted.iter().filter(|t| t.predicate == p("partOf")) {
                if term_iri(&a.object) == Some(b.subject.to_string().trim_matches(['<', '>'])) {
                    out.push(Derivation {
                        triple: Triple::new(
                            a.subject.clone(),
                            p("controlsPartOf"),
                            b.object.clone(),
                        ),
                        rule: "controls-over-partOf".to_string(),
                        premises: vec![a.clone(), b.clone()],
                    });
                }
            }
        }
        out
    }
}
