//! Exports: RDF round trips in every format and reification mode, DOT accepted by GraphViz, SVG, GraphML,
//! Neo4j CSV headers, Cypher, TSV.

use crate::fixtures::{TestRules, crimea_doc, talks_doc};
use kg::export::{self, Reification, Selection};
use kg::graph::Projection;
use kg::store::KgStore;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Term};
use std::collections::BTreeSet;

fn sample() -> (KgStore, Projection) {
    let store = KgStore::in_memory(None).unwrap();
    store.write_document(&crimea_doc()).unwrap();
    store.write_document(&talks_doc()).unwrap();
    store.refresh_inferences(&TestRules).unwrap();
    let ontology = kg::ontology::Ontology::from_sources(&[(
        "labels.ttl",
        "@prefix kg: <https://kg.example.org/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . kg:controls rdfs:label \"controls\" .",
    )])
    .unwrap();
    store.set_ontology(&ontology).unwrap();
    let projection = Projection::from_store(&store).unwrap();
    (store, projection)
}

fn parse(format: RdfFormat, bytes: &[u8]) -> Vec<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| {
            panic!(
                "{format} export does not parse back: {e}\n{}",
                String::from_utf8_lossy(bytes)
            )
        })
}

/// The store's exportable quads (no settings graph, no ontology), as the export should reproduce them.
fn expected(store: &KgStore, merge_graphs: bool) -> BTreeSet<String> {
    let meta = store.namespaces().meta_graph();
    let ontology = store.namespaces().ontology_graph();
    store
        .inner()
        .iter()
        .map(|q| q.unwrap())
        .filter(
            |q| !matches!(&q.graph_name, GraphName::NamedNode(g) if *g == meta || *g == ontology),
        )
        .map(|q| {
            if merge_graphs {
                oxigraph::model::Triple::from(q).to_string()
            } else {
                q.to_string()
            }
        })
        .collect()
}

fn canonical(quads: &[Quad], merge_graphs: bool) -> BTreeSet<String> {
    quads
        .iter()
        .map(|q| {
            if merge_graphs {
                oxigraph::model::Triple::from(q.clone()).to_string()
            } else {
                q.to_string()
            }
        })
        .collect()
}

fn export_rdf(
    store: &KgStore,
    format: RdfFormat,
    reification: Reification,
    selection: &Selection,
) -> Vec<u8> {
    let mut out = Vec::new();
    export::write_rdf(store, format, reification, selection, false, &mut out).unwrap();
    out
}

const FORMATS: [(RdfFormat, bool); 6] = [
    (RdfFormat::NTriples, true),
    (RdfFormat::NQuads, false),
    (RdfFormat::Turtle, true),
    (RdfFormat::TriG, false),
    (RdfFormat::RdfXml, true),
    (
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        false,
    ),
];

#[test]
fn every_rdf_export_parses_back_to_the_same_graph() {
    let (store, _) = sample();
    for (format, merged) in FORMATS {
        if matches!(format, RdfFormat::JsonLd { .. }) {
            // JSON-LD has no triple terms: refused with advice; its classic form is tested below.
            let err = export::write_rdf(
                &store,
                format,
                Reification::Rdf12,
                &Selection::all(),
                false,
                &mut Vec::new(),
            )
            .unwrap_err();
            assert!(err.to_string().contains("--reification classic"), "{err}");
            continue;
        }
        let bytes = export_rdf(&store, format, Reification::Rdf12, &Selection::all());
        let quads = parse(format, &bytes);
        assert_eq!(
            canonical(&quads, merged),
            expected(&store, merged),
            "{format} round trip"
        );
    }
}

#[test]
fn classic_reification_uses_statements_and_no_triple_terms() {
    let (store, _) = sample();
    for (format, merged) in FORMATS {
        let bytes = export_rdf(&store, format, Reification::Classic, &Selection::all());
        let quads = parse(format, &bytes);
        assert!(
            quads.iter().all(|q| !matches!(q.object, Term::Triple(_))),
            "{format}"
        );
        let rdf_subject = oxigraph::model::vocab::rdf::SUBJECT;
        let statements = quads.iter().filter(|q| q.predicate == rdf_subject).count();
        let reifiers = store.facts().unwrap().len();
        assert!(
            statements >= reifiers,
            "{format}: {statements} statements for {reifiers} reifiers"
        );
        // Round trip: what was written is what parses back, through a second export of a loaded copy.
        let copy = KgStore::in_memory(None).unwrap();
        copy.load(format, bytes.as_slice()).unwrap();
        let again = export_rdf(&copy, format, Reification::Classic, &Selection::all());
        assert_eq!(
            canonical(&parse(format, &again), merged),
            canonical(&quads, merged),
            "{format} classic round trip"
        );
    }
}

#[test]
fn no_reification_leaves_plain_triples() {
    let (store, _) = sample();
    let bytes = export_rdf(
        &store,
        RdfFormat::NTriples,
        Reification::None,
        &Selection::all(),
    );
    let quads = parse(RdfFormat::NTriples, &bytes);
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("/fact/") && !text.contains("/inferred/") && !text.contains("<<"));
    assert!(
        quads
            .iter()
            .any(|q| q.predicate.as_str().ends_with("#controls"))
    );
}

#[test]
fn around_and_predicate_narrow_the_export() {
    let (store, p) = sample();
    let selection = Selection::new(&p, Some("Sevastopol"), 1, &[]).unwrap();
    let text = String::from_utf8(export_rdf(
        &store,
        RdfFormat::NTriples,
        Reification::Rdf12,
        &selection,
    ))
    .unwrap();
    assert!(text.contains("entity/sevastopol") && text.contains("#locatedIn"));
    assert!(!text.contains("#annexed"), "Russia is two hops away");
    let selection = Selection::new(&p, None, 1, &["annexed".to_string()]).unwrap();
    let mut dot = Vec::new();
    export::write_dot(&p, &selection, &mut dot).unwrap();
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.contains("annexed") && !dot.contains("label=\"controls\""));
    let err = Selection::new(&p, None, 1, &["anexed".to_string()])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("annexed"),
        "suggests the closest relation: {err}"
    );
}

#[test]
fn dot_is_readable_and_accepted_by_graphviz() {
    let (_store, p) = sample();
    let mut out = Vec::new();
    export::write_dot(&p, &Selection::all(), &mut out).unwrap();
    let dot = String::from_utf8(out).unwrap();
    assert!(
        dot.contains("label=\"Vladimir Putin\"")
            && dot.contains("fillcolor=\"#fde2a7\"")
            && dot.contains("label=\"revive talk\"")
    );
    assert!(
        dot.contains("style=dashed"),
        "inferred relations are dashed"
    );
    match std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(mut child) => {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "dot rejected the export: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
        }
        Err(_) => eprintln!("GraphViz `dot` is not installed: skipping the GraphViz check"),
    }
}

#[test]
fn svg_renders_without_graphviz() {
    let (_store, p) = sample();
    let mut out = Vec::new();
    export::write_svg(&p, &Selection::all(), &mut out).unwrap();
    let svg = String::from_utf8(out).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Crimea"), "{svg}");
}

#[test]
fn neo4j_csvs_have_import_headers() {
    let (_store, p) = sample();
    let dir = tempfile::tempdir().unwrap();
    let n = export::write_neo4j(&p, &Selection::all(), dir.path()).unwrap();
    let nodes = std::fs::read_to_string(dir.path().join("nodes.csv")).unwrap();
    let rels = std::fs::read_to_string(dir.path().join("relationships.csv")).unwrap();
    assert_eq!(
        nodes.lines().next(),
        Some("iri:ID,name,class,aliases:string[],:LABEL")
    );
    assert_eq!(
        rels.lines().next(),
        Some(":START_ID,:END_ID,:TYPE,predicate,confidence:float,kind,documents:string[],sentence")
    );
    assert_eq!(rels.lines().count(), n + 1);
    assert_eq!(nodes.lines().count(), p.node_count() + 1);
    assert!(
        rels.contains(",CONTROLS,") && rels.contains(",REVIVE_TALK,") && rels.contains(",PART_OF,")
    );
    assert!(nodes.contains(",Entity;Person"));
}

#[test]
fn cypher_and_graphml_mention_every_relation() {
    let (_store, p) = sample();
    let mut cypher = Vec::new();
    let n = export::write_cypher(&p, &Selection::all(), &mut cypher).unwrap();
    let cypher = String::from_utf8(cypher).unwrap();
    assert_eq!(cypher.matches("MERGE (a)-[").count(), n);
    assert!(cypher.contains("SET n.name = 'Vladimir Putin'"));
    let mut graphml = Vec::new();
    let n = export::write_graphml(&p, &Selection::all(), &mut graphml).unwrap();
    let graphml = String::from_utf8(graphml).unwrap();
    assert_eq!(graphml.matches("<edge ").count(), n);
    assert!(graphml.contains("<data key=\"label\">Vladimir Putin</data>"));
}

#[test]
fn tsv_has_a_header_and_readable_labels() {
    let (store, p) = sample();
    let mut out = Vec::new();
    export::write_tsv(&store, &p, &Selection::all(), &mut out).unwrap();
    let tsv = String::from_utf8(out).unwrap();
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("subject\tpredicate\tobject\tconfidence\tkind\tdocument\tsentence")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 7));
    assert!(
        rows.iter()
            .any(|r| r[..3] == ["Russia", "controls", "Crimea"]
                && r[4] == "extracted"
                && r[5] == "crimea-1"
                && r[6] == "Russia has controlled Crimea since 2014.")
    );
    assert!(
        rows.iter()
            .any(|r| r[..3] == ["Vladimir Putin", "revive talk", "Ukraine"])
    );
    assert!(
        rows.iter()
            .any(|r| r[..5] == ["Russia", "controlsPartOf", "Ukraine", "0.63", "inferred"]),
        "an inferred fact's confidence is its premises' product"
    );
    assert!(
        !rows.iter().any(|r| r[1] == "withdraw from"),
        "negated facts are not rows"
    );
}
