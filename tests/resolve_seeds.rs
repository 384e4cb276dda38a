//! The seed documents end to end (oracle analysis -> extract -> resolve -> infer -> rows) against the gold
//! sample, and what their rows and facts must never hold; with the seed helpers `resolve_sieves` shares.

use super::ontology::onto;
use kg::analysis::Doc;
use kg::extract::{Extractor, RawTriple};
use kg::ontology::IriTriple;
use kg::resolve::{DocMeta, DocumentGraph, Node, Predicate, Resolver};
use std::collections::HashMap;

const SEEDS: &str = include_str!("data/oracle_seeds.jsonl");

const ENTITY: &str = "https://kg.example.org/entity/";

pub(crate) fn seed_docs() -> Vec<Doc> {
    SEEDS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Doc::from_json(&serde_json::from_str(l).expect("json")).expect("doc"))
        .collect()
}

// Rows: what `kg export --format tsv` shows (labels), for asserted and inferred facts.

/// (subject label, predicate, object label, kind).
type Row = (String, String, String, &'static str);

pub(crate) fn node_label(g: &DocumentGraph, n: &Node) -> String {
    match n {
        Node::Entity(i) => g.entities[*i].label.clone(),
        Node::Literal(s) => s.clone(),
    }
}

pub(crate) fn predicate_name(p: &Predicate) -> String {
    match p {
        Predicate::Ontology(l) => l.clone(),
        Predicate::Open(s) => s.clone(),
    }
}

/// Resolves the seeds in order, infers over the asserted entity facts, returns the rows.
pub(crate) fn seed_rows() -> (Vec<DocumentGraph>, Vec<Row>) {
    let onto = onto();
    let docs = seed_docs();
    let extractor = Extractor::new();
    let triples: Vec<Vec<RawTriple>> = docs.iter().map(|d| extractor.extract(d)).collect();
    if std::env::var_os("KG_SEED_RAW").is_some() {
        for (d, ts) in triples.iter().enumerate() {
            for t in ts {
                let q: Vec<String> = t
                    .qualifiers
                    .iter()
                    .map(|q| format!("{:?}:{:?}:{}", q.kind, q.preposition, q.value.text))
                    .collect();
                let x: Vec<&str> = t.extra.iter().map(|a| a.text.as_str()).collect();
                println!(
                    "RAW d{d} s{} [{}] {} | {} (p={}) | {} | extra={x:?} q={q:?} {:?}",
                    t.sentence,
                    t.rule,
                    t.subject.text,
                    t.relation.normalized,
                    t.relation.passive,
                    t.object.text,
                    t.modality
                );
            }
        }
    }
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

#[test]
fn literal_labels_keep_the_extractors_words_and_inner_possessives() {
    let (_, rows) = seed_rows();
    let row = |s: &str, p: &str, o: &str| rows.iter().any(|r| r.0 == s && r.1 == p && r.2 == o);
    // Regression: `North Korea's growing threat and China's ...` gave `North Korea has North Korea growing
    // threat`: the literal was relabelled from the whole subtree, owner included.
    assert!(row("North Korea", "have", "growing threat"), "{rows:#?}");
    // Regression: `in Abe's home constituency` lost its possessive (`Abe home constituency`).
    assert!(
        rows.iter()
            .any(|r| r.0 == "Nagato" && r.2.starts_with("Abe's home constituency")),
        "{rows:#?}"
    );
}

#[test]
fn the_two_and_they_refer_to_the_pair_named_before() {
    let (graphs, _) = seed_rows();
    let g = &graphs[0];
    let met_in = |start: &str| {
        g.facts.iter().any(|f| {
            predicate_name(&f.predicate) == "met"
                && g.sentences[f.sentence].text.trim_start().starts_with(start)
                && node_label(g, &f.subject).contains("Abe")
                && node_label(g, &f.object).contains("Putin")
        })
    };
    // `The two met at a mountainside inn`, five sentences after `Abe and Putin held talks`.
    assert!(met_in("The two met"));
    // `They will meet again in Tokyo on Friday`: planned, so kept as possible, not asserted.
    let planned = g.facts.iter().find(|f| {
        predicate_name(&f.predicate) == "met"
            && g.sentences[f.sentence]
                .text
                .trim_start()
                .starts_with("They will meet")
    });
    assert_eq!(planned.map(|f| f.modality.as_str()), Some("possible"));
}

#[test]
fn typed_properties_never_take_a_plain_phrase() {
    // Regression: `Nagato is in Abe's home constituency` (a phrase, no entity) became `located in`, whose
    // range is a Place.
    let onto = onto();
    let (graphs, _) = seed_rows();
    for g in &graphs {
        for f in &g.facts {
            if let (Predicate::Ontology(p), Node::Literal(o)) = (&f.predicate, &f.object) {
                let range = onto.property(p).and_then(|p| p.range.clone());
                assert!(
                    range.is_none_or(|r| r.ends_with("#Entity")),
                    "{p} with the phrase {o:?}"
                );
            }
        }
    }
}
