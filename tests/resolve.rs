//! Ontology, inference and entity resolution: the ontology file, the rule engine's fixpoint, each resolution
//! sieve (a case that fires and one that must not), and the seed documents end to end (oracle analysis ->
//! extract -> resolve -> infer -> rows) against the gold sample.

use kg::analysis::Doc;
use kg::extract::{Argument, Extractor, Modality, RawTriple, Relation};
use kg::ontology::{IriTriple, Ontology, OntologyError};
use kg::resolve::{DocMeta, DocumentGraph, KnownEntity, Node, Predicate, Resolver};
use std::collections::HashMap;

const SEEDS: &str = include_str!("data/oracle_seeds.jsonl");
const ENTITY: &str = "https://kg.example.org/entity/";

fn onto() -> Ontology {
    Ontology::builtin().expect("built-in ontology loads")
}

fn seed_docs() -> Vec<Doc> {
    SEEDS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Doc::from_json(&serde_json::from_str(l).expect("json")).expect("doc"))
        .collect()
}

// ---------------------------------------------------------------------------------------------------------
// Rows: what `kg export --format tsv` shows (labels), for asserted and inferred facts.

/// (subject label, predicate, object label, kind).
type Row = (String, String, String, &'static str);

fn node_label(g: &DocumentGraph, n: &Node) -> String {
    match n {
        Node::Entity(i) => g.entities[*i].label.clone(),
        Node::Literal(s) => s.clone(),
    }
}

fn predicate_name(p: &Predicate) -> String {
    match p {
        Predicate::Ontology(l) => l.clone(),
        Predicate::Open(s) => s.clone(),
    }
}

/// Resolves the seeds in order, infers over the asserted entity facts, returns the rows.
fn seed_rows() -> (Vec<DocumentGraph>, Vec<Row>) {
    let onto = onto();
    let docs = seed_docs();
    let extractor = Extractor::new();
    let triples: Vec<Vec<RawTriple>> = docs.iter().map(|d| extractor.extract(d)).collect();
    let meta = DocMeta::default();
    let mut resolver = Resolver::new(&onto);
    let graphs = resolver.resolve_all(
        docs.iter()
            .zip(&triples)
            .map(|(d, t)| (d, t.as_slice(), &meta)),
    );
    let mut rows = Vec::new();
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut asserted: Vec<IriTriple> = Vec::new();
    for g in &graphs {
        for e in &g.entities {
            labels
                .entry(format!("{ENTITY}{}", e.key))
                .or_insert(e.label.clone());
        }
        for f in g.facts.iter().filter(|f| f.modality == "asserted") {
            rows.push((
                node_label(g, &f.subject),
                predicate_name(&f.predicate),
                node_label(g, &f.object),
                "extracted",
            ));
            if let (Node::Entity(s), Predicate::Ontology(p), Node::Entity(o)) =
                (&f.subject, &f.predicate, &f.object)
            {
                asserted.push((
                    format!("{ENTITY}{}", g.entities[*s].key),
                    onto.iri(p),
                    format!("{ENTITY}{}", g.entities[*o].key),
                ));
            }
        }
    }
    for i in onto.infer(&asserted) {
        let (s, p, o) = &i.triple;
        rows.push((
            labels.get(s).cloned().unwrap_or_else(|| s.clone()),
            kg::ontology::local_name(p),
            labels.get(o).cloned().unwrap_or_else(|| o.clone()),
            "inferred",
        ));
    }
    (graphs, rows)
}

/// The gold sample of the seeds (`seed_facts_sample.tsv`): id, subject, predicate, object regexes, direction.
const GOLD: &[(&str, &str, &str, &str, bool)] = &[
    (
        "controls-etorofu",
        "russia|russian federation|moscow",
        "control|hold|occup|administ|possess|govern",
        "etorofu|iturup",
        false,
    ),
    (
        "claims-kunashiri",
        "japan|tokyo",
        "claim",
        "kunashiri?",
        false,
    ),
    (
        "abe-pm-japan",
        "(shinzo )?abe",
        "prime|minister|head|leader|lead|govern|office|position|role|premier",
        "japan",
        true,
    ),
    (
        "lavrov-fm-russia",
        "(serge[iy] )?lavrov",
        "minister|foreign|office|position|role|represent|serve",
        "russia",
        true,
    ),
    (
        "russia-annexed-crimea",
        "russia|moscow",
        "annex",
        "(the )?crimea(n peninsula)?( region)?",
        false,
    ),
    (
        "abe-met-putin",
        "(shinzo )?abe",
        "meet|met|talk|held|host|welcom",
        "(vladimir )?putin",
        true,
    ),
    (
        "hokkaido-in-japan",
        "hokkaido",
        "part|locat|in$|within|island",
        "japan",
        false,
    ),
    (
        "etorofu-in-islands",
        "etorofu|iturup",
        "part|member|locat|in$|within|of$",
        ".*(kuril|island|isles|northern territories).*",
        false,
    ),
];

fn holds(rows: &[Row], s: &str, p: &str, o: &str, any: bool) -> bool {
    let full = |r: &str| {
        regex::RegexBuilder::new(&format!("^(?:{r})$"))
            .case_insensitive(true)
            .build()
            .expect("regex")
    };
    let (s, p, o) = (full(s), full(&format!(".*(?:{p}).*")), full(o));
    rows.iter().any(|(rs, rp, ro, _)| {
        p.is_match(rp)
            && ((s.is_match(rs) && o.is_match(ro)) || (any && s.is_match(ro) && o.is_match(rs)))
    })
}

#[test]
fn seeds_end_to_end_reach_the_gold_sample_without_pronoun_arguments() {
    let (graphs, rows) = seed_rows();
    if std::env::var_os("KG_SEED_ENTITIES").is_some() {
        for g in &graphs {
            for e in &g.entities {
                println!("{}\t{}\t{}\t{:?}", e.key, e.label, e.class, e.aliases);
            }
        }
    }
    if std::env::var_os("KG_SEED_TSV").is_some() {
        println!("subject\tpredicate\tobject\tkind");
        for (s, p, o, k) in &rows {
            println!("{s}\t{p}\t{o}\t{k}");
        }
    }
    let missed: Vec<&str> = GOLD
        .iter()
        .filter(|(_, s, p, o, any)| !holds(&rows, s, p, o, *any))
        .map(|g| g.0)
        .collect();
    assert!(missed.is_empty(), "missed gold facts: {missed:?}");
    let pronouns = [
        "it", "they", "them", "he", "she", "him", "her", "that", "which", "who", "this", "these",
        "those", "its", "their", "we", "i", "you",
    ];
    let bad: Vec<&Row> = rows
        .iter()
        .filter(|(s, _, o, _)| {
            pronouns.contains(&s.to_lowercase().as_str())
                || pronouns.contains(&o.to_lowercase().as_str())
        })
        .collect();
    assert!(bad.is_empty(), "pronoun arguments: {bad:?}");
}
