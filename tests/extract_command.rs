//! `kg extract`, the scale-out path, run as users run it: every output format, pre-analysed input, output in
//! input order on several threads, and shards made with `--ontology` and `--base` that equal what `kg build`
//! writes with them.

use crate::cli::ok;
use kg::store::KgStore;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `kg extract ARGS`, with `stdin` as its standard input when given.
fn extract(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("extract")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("KG_BASE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kg binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// `kg ARGS` on `store`, which must succeed: its stdout.
fn kg(args: &[&str], store: &Path) -> String {
    ok(&crate::cli::kg(args, store))
}

/// Short news-like documents of our own, one JSON record each, written to `records.jsonl` in `dir`.
fn records_file(dir: &Path, n: usize) -> (String, std::path::PathBuf) {
    let text = records(n);
    let path = dir.join("records.jsonl");
    std::fs::write(&path, &text).unwrap();
    (text, path)
}

/// Short news-like documents of our own, one JSON record each.
fn records(n: usize) -> String {
    let countries = ["Ruritania", "Freedonia", "Latveria", "Genovia", "Sokovia"];
    let mut out = String::new();
    for i in 0..n {
        let (a, b) = (countries[i % 5], countries[(i + 2) % 5]);
        let text = format!(
            "{a} annexed the island of Kestra in 20{:02}. Prime Minister Anna Berg of {a} met the president of {b} in Paris on Monday, officials said.",
            i % 30
        );
        out.push_str(&serde_json::json!({ "id": format!("doc-{i:03}"), "text": text }).to_string());
        out.push('\n');
    }
    out
}

#[test]
fn every_format_is_well_formed_and_carries_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let (input, path) = records_file(dir.path(), 3);
    let file = path.to_str().unwrap();
    let oie = ok(&extract(&[file, "--format", "oie"], None));
    assert!(!oie.is_empty());
    for row in oie.lines() {
        let cells: Vec<&str> = row.split('\t').collect();
        assert!(
            cells.len() >= 4,
            "sentence, confidence, relation, arguments: {row}"
        );
        let confidence: f64 = cells[1].parse().expect("a confidence");
        assert!((0.0..=1.0).contains(&confidence));
    }

    let jsonl = ok(&extract(&[file, "--format", "jsonl"], None));
    let texts: Vec<String> = input
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut rows = 0;
    for line in jsonl.lines() {
        let triple: serde_json::Value =
            serde_json::from_str(line).expect("one JSON object per line");
        rows += 1;
        let doc: usize = triple["doc"].as_str().unwrap()[4..].parse().unwrap();
        let text = &texts[doc];
        for part in ["subject", "object"] {
            let arg = &triple[part];
            let (start, end) = (
                arg["start"].as_u64().expect("byte offsets") as usize,
                arg["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], arg["text"].as_str().unwrap(), "{line}");
        }
    }
    assert!(rows > 0);

    let tsv = ok(&extract(&[file, "--format", "tsv"], None));
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some(kg::export::TSV_HEADER));
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.split('\t').count() == 7), "{tsv}");

    let nq = ok(&extract(&[file, "--format", "nq"], None));
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nq.as_bytes())
        .collect::<Result<_, _>>()
        .expect("valid N-Quads");
    let graphs: BTreeSet<String> = quads.iter().map(|q| q.graph_name.to_string()).collect();
    assert_eq!(graphs.len(), 3, "one named graph per document: {graphs:?}");
}

/// The jsonl format's rows name their document: with many documents per batch and two threads, the rows
/// still come in input order.
#[test]
fn output_keeps_input_order_on_several_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = records_file(dir.path(), 150);
    let file = path.to_str().unwrap();
    let one = ok(&extract(
        &[file, "--format", "jsonl", "--threads", "1"],
        None,
    ));
    let two = ok(&extract(
        &[file, "--format", "jsonl", "--threads", "2"],
        None,
    ));
    assert_eq!(one, two);
    let ids: Vec<String> = one
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "rows come in input order");
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        150,
        "every document has triples"
    );
}

/// spaCy's own analysis of our synthetic sentences, read with `--analyzed`, gives the triples that kg's analysis of
/// the same text gives (the analysis matches spaCy's on them).
#[test]
fn analyzed_input_gives_the_triples_of_the_text() {
    // Texts of one line: a first line before a blank line would read as a headline from text, which
    // spaCy's analysis does not know of.
    let oracle: Vec<String> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/oracle_synthetic_200.jsonl"),
    )
    .unwrap()
    .lines()
    .filter(|l| {
        serde_json::from_str::<serde_json::Value>(l)
            .is_ok_and(|v| v["text"].as_str().is_some_and(|t| !t.contains('\n')))
    })
    .map(str::to_string)
    .collect();
    assert!(oracle.len() > 40);
    let dir = tempfile::tempdir().unwrap();
    let analysed_path = dir.path().join("analysed.jsonl");
    std::fs::write(&analysed_path, oracle.join("\n")).unwrap();
    let analysed = ok(&extract(
        &[
            "--analyzed",
            analysed_path.to_str().unwrap(),
            "--format",
            "oie",
        ],
        None,
    ));
    let mut text_records = String::new();
    for line in &oracle {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        text_records.push_str(&serde_json::json!({ "id": v["id"], "text": v["text"] }).to_string());
        text_records.push('\n');
    }
    let path = dir.path().join("texts.jsonl");
    std::fs::write(&path, text_records).unwrap();
    let from_text = ok(&extract(&[path.to_str().unwrap(), "--format", "oie"], None));
    assert!(analysed.lines().count() > 20);
    assert_eq!(analysed, from_text);
    // Pre-analysed input from stdin reads the same.
    assert_eq!(
        analysed,
        ok(&extract(
            &["--analyzed", "-", "--format", "oie"],
            Some(&oracle.join("\n"))
        ))
    );
}

/// An extension that maps "ally with" to a new symmetric property.
const EXTENSION: &str = "@prefix kg: <https://kg.example.org/ontology#> .\n\
    @prefix owl: <http://www.w3.org/2002/07/owl#> .\n\
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
    kg:allyOf a owl:ObjectProperty, owl:SymmetricProperty ; rdfs:label \"ally of\" ;\n\
      rdfs:domain kg:Agent ; rdfs:range kg:Agent ; kg:lexicalForm \"ally with\" .\n";

const ALLIANCE: &str = "France allied with Britain in 1904.";

/// `kg extract --ontology --base` writes the graph that `kg build` with the same options writes: shards made
/// with an extension ontology and another base merge with such a store.
#[test]
fn extract_shards_use_the_ontology_and_base_of_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("alliances.ttl");
    std::fs::write(&ext, EXTENSION).unwrap();
    let doc = dir.path().join("alliance.txt");
    std::fs::write(&doc, ALLIANCE).unwrap();
    let base = "https://news.example.net/";
    let (ext_arg, doc_arg) = (ext.to_str().unwrap(), doc.to_str().unwrap());

    let plain = ok(&extract(&[doc_arg, "--format", "nq"], None));
    assert!(!plain.contains("ontology#allyOf"), "{plain}");
    let shard = ok(&extract(
        &[
            doc_arg,
            "--format",
            "nq",
            "--ontology",
            ext_arg,
            "--base",
            base,
        ],
        None,
    ));
    assert!(shard.contains("ontology#allyOf"), "{shard}");
    assert!(shard.contains(&format!("<{base}entity/")), "{shard}");

    let built = dir.path().join("built");
    kg(
        &["build", doc_arg, "--ontology", ext_arg, "--base", base],
        &built,
    );
    let store = KgStore::open_read_only(&built).unwrap();
    let name = store.namespaces().doc_graph("alliance.txt");
    let graph: HashSet<Quad> = store
        .inner()
        .quads_for_pattern(None, None, None, Some(name.as_ref().into()))
        .collect::<Result<_, _>>()
        .unwrap();
    let shard: HashSet<Quad> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(shard.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!graph.is_empty());
    assert_eq!(
        shard, graph,
        "the shard is the document graph `kg build` writes"
    );
}

/// A second `kg build` without `--ontology` keeps the extension the store was built with (and uses it for
/// its new documents) instead of silently going back to the built-in ontology.
#[test]
fn a_rebuild_without_ontology_keeps_the_store_extension() {
    let dir = tempfile::tempdir().unwrap();
    let ext = dir.path().join("alliances.ttl");
    std::fs::write(&ext, EXTENSION).unwrap();
    let first = dir.path().join("first.txt");
    std::fs::write(&first, "Italy allied with Germany in 1936.").unwrap();
    let second = dir.path().join("second.txt");
    std::fs::write(&second, ALLIANCE).unwrap();
    let store = dir.path().join("store");
    kg(
        &[
            "build",
            first.to_str().unwrap(),
            "--ontology",
            ext.to_str().unwrap(),
        ],
        &store,
    );
    kg(&["build", second.to_str().unwrap()], &store);
    let ask = |query: &str| kg(&["query", "--format", "json", query], &store);
    assert!(ask("ASK { GRAPH ?g { kg:allyOf a owl:ObjectProperty } }").contains("true"));
    let facts = kg(
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?g WHERE { GRAPH ?g { ?r rdf:reifies <<( ?a kg:allyOf ?b )>> } } ORDER BY ?g",
        ],
        &store,
    );
    assert!(
        facts.contains("doc/first.txt") && facts.contains("doc/second.txt"),
        "{facts}"
    );
}
