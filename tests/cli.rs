//! The `kg` binary: store commands end to end (load, query, path, export, stats, explain, remove), and their
//! failure modes (missing store, second writer, unknown entities, bad queries, interrupted loads).

use crate::fixtures::{crimea_doc, talks_doc};
use kg::store::{KgStore, Namespaces, document_quads};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `kg ARGS` on `store` (`KG_STORE`), with the default base.
pub fn kg(args: &[&str], store: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .env("KG_STORE", store)
        .env_remove("KG_BASE")
        .output()
        .expect("the kg binary runs")
}

/// Runs `kg ARGS` on `store` (`KG_STORE`) with `stdin` as its standard input.
pub fn kg_with_stdin(args: &[&str], store: &Path, stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .env("KG_STORE", store)
        .env_remove("KG_BASE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the kg binary runs");
    // A command may stop reading early (a refused input): what it did not read does not matter.
    let _ = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("the kg binary runs")
}

/// The stdout of a successful run, after checking it succeeded.
pub fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "kg failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn failed(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "kg should have failed; stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// N-Quads of the fixture documents, as `kg extract --format nq` would write them.
fn fixture_nquads(dir: &Path) -> PathBuf {
    let ns = Namespaces::default();
    let mut text = String::new();
    for doc in [crimea_doc(), talks_doc()] {
        for quad in document_quads(&doc, &ns).0 {
            text.push_str(&format!("{quad} .\n"));
        }
    }
    let path = dir.join("docs.nq");
    std::fs::write(&path, text).unwrap();
    path
}

fn loaded_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let nq = fixture_nquads(dir.path());
    let out = kg(&["load", nq.to_str().unwrap()], &store);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("statements"));
    (dir, store)
}

#[test]
fn query_select_ask_construct_and_formats() {
    let (_dir, store) = loaded_store();
    let table = ok(&kg(
        &["query", "SELECT ?o WHERE { ent:russia kg:controls ?o }"],
        &store,
    ));
    assert!(
        table.contains("ent:crimea") && table.contains("(1 row)"),
        "{table}"
    );
    let json = ok(&kg(
        &[
            "query",
            "--format",
            "json",
            "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l",
        ],
        &store,
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["results"]["bindings"].as_array().unwrap().len() >= 5);
    let csv = ok(&kg(
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?s ?sentence WHERE { ?r rdf:reifies <<( ?s kg:annexed ent:crimea )>> ; kg:sentence ?sentence }",
        ],
        &store,
    ));
    assert!(
        csv.starts_with("s,sentence") && csv.contains("Russia annexed Crimea."),
        "{csv}"
    );
    assert_eq!(
        ok(&kg(
            &["query", "ASK { ent:crimea kg:partOf ent:ukraine }"],
            &store
        ))
        .trim(),
        "true"
    );
    let ttl = ok(&kg(
        &[
            "query",
            "--format",
            "ttl",
            "CONSTRUCT { ?s kg:partOf ?o } WHERE { ?s kg:partOf ?o }",
        ],
        &store,
    ));
    assert!(ttl.contains("ent:crimea kg:partOf ent:ukraine"), "{ttl}");
    let described = ok(&kg(
        &["query", "--format", "nt", "DESCRIBE ent:sevastopol"],
        &store,
    ));
    assert!(described.contains("Sevastopol"));
}

#[test]
fn query_syntax_errors_give_the_position() {
    let (_dir, store) = loaded_store();
    let err = failed(&kg(&["query", "SELECT ?s WHERE {\n  ?s ?p \n}"], &store));
    assert!(
        err.contains("SPARQL syntax error at line 3, column"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 3, "message, the line, a caret: {err}");
}

#[test]
fn path_prints_hops_with_sentences() {
    let (_dir, store) = loaded_store();
    let text = ok(&kg(
        &["path", "Putin", "Sevastopol", "--undirected", "--k", "2"],
        &store,
    ));
    // The ontology's rules may add a shortcut (Sevastopol locatedIn Ukraine); either way Putin reaches
    // Sevastopol through Ukraine.
    let first = text.lines().next().unwrap_or("");
    assert!(
        first.starts_with("Path 1 (") && first.contains("Vladimir Putin -> Ukraine -> "),
        "{text}"
    );
    assert!(text.contains("Path 2 ("), "two paths asked for: {text}");
    assert!(
        text.contains("-[revive talk]-> Ukraine")
            && text.contains("\"Vladimir Putin revived talks with Ukraine.\" (crimea-1"),
        "{text}"
    );
    let json = ok(&kg(
        &["path", "Putin", "Crimea", "--format", "json"],
        &store,
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hops = &value["paths"][0]["hops"];
    assert_eq!(
        value["paths"][0]["length"], 2,
        "Putin -> Ukraine -> Crimea: {json}"
    );
    assert_eq!(hops[0]["predicate"]["label"], "revive talk");
    assert_eq!(hops[0]["evidence"][0]["document"], "crimea-1");
    assert_eq!(hops[1]["to"]["label"], "Crimea");
    let dot = ok(&kg(
        &["path", "Russia", "Ukraine", "--format", "dot"],
        &store,
    ));
    assert!(dot.starts_with("digraph"));
    let none = ok(&kg(&["path", "Sevastopol", "Putin"], &store));
    assert!(
        none.contains("No path from Sevastopol to Vladimir Putin") && none.contains("--undirected"),
        "{none}"
    );
}

#[test]
fn unknown_entities_and_empty_stores_get_helpful_messages() {
    let (dir, store) = loaded_store();
    let err = failed(&kg(&["path", "Rusia", "Crimea"], &store));
    assert!(
        err.contains("no entity named \"Rusia\"; did you mean \"Russia\""),
        "{err}"
    );
    let missing = dir.path().join("nowhere");
    let err = failed(&kg(&["stats"], &missing));
    assert!(
        err.contains("no store at") && err.contains("kg build"),
        "{err}"
    );
    let empty = dir.path().join("empty");
    KgStore::open(&empty).unwrap();
    let err = failed(&kg(&["path", "a", "b"], &empty));
    assert!(err.contains("no entities yet"), "{err}");
}

#[test]
fn exports_in_every_format() {
    let (dir, store) = loaded_store();
    for format in [
        "nt", "nq", "ttl", "trig", "rdfxml", "jsonld", "dot", "svg", "graphml", "cypher", "tsv",
    ] {
        let out = ok(&kg(&["export", "--format", format], &store));
        assert!(!out.is_empty(), "{format}");
    }
    let out_dir = dir.path().join("neo4j");
    ok(&kg(
        &[
            "export",
            "--format",
            "neo4j",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        &store,
    ));
    assert!(out_dir.join("nodes.csv").exists() && out_dir.join("relationships.csv").exists());
    let err = failed(&kg(&["export", "--format", "neo4j"], &store));
    assert!(err.contains("--out DIR"), "{err}");
    let around = ok(&kg(
        &[
            "export",
            "--format",
            "tsv",
            "--around",
            "Sevastopol",
            "--depth",
            "1",
        ],
        &store,
    ));
    assert!(
        around.starts_with("subject	predicate") && around.contains("Sevastopol	locatedIn	Crimea"),
        "{around}"
    );
    assert!(
        !around.contains("revive talk"),
        "Putin is two hops from Sevastopol: {around}"
    );
    let classic = ok(&kg(
        &[
            "export",
            "--format",
            "nt",
            "--reification",
            "classic",
            "--predicate",
            "annexed",
        ],
        &store,
    ));
    assert!(
        classic.contains("22-rdf-syntax-ns#Statement") && !classic.contains("<<("),
        "{classic}"
    );
}

#[test]
fn stats_explain_and_remove() {
    let (_dir, store) = loaded_store();
    let stats = ok(&kg(&["stats"], &store));
    assert!(
        stats.contains("documents   2")
            && stats.contains("Country")
            && stats.contains("most central entities"),
        "{stats}"
    );
    let explain = ok(&kg(&["explain", "Russia", "controls", "Crimea"], &store));
    assert!(
        explain.contains("extracted from crimea-1")
            && explain.contains("\"Russia has controlled Crimea since 2014.\""),
        "{explain}"
    );
    let err = failed(&kg(&["explain", "Crimea", "controls", "Russia"], &store));
    assert!(
        err.contains("does not state or infer") && err.contains("Russia controls Crimea"),
        "{err}"
    );
    ok(&kg(&["remove", "talks 2"], &store));
    let stats = ok(&kg(&["stats", "--format", "json"], &store));
    let value: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(value["documents"], 1);
    let err = failed(&kg(&["remove", "talks 3"], &store));
    assert!(err.contains("no document \"talks 3\""), "{err}");
}

#[test]
fn a_second_writer_is_refused_clearly() {
    let (dir, store) = loaded_store();
    let _held = KgStore::open(&store).unwrap();
    let nq = fixture_nquads(dir.path());
    let err = failed(&kg(&["load", nq.to_str().unwrap()], &store));
    assert!(err.contains("in use by another kg process"), "{err}");
}

/// The load reads its N-Quads from a pipe that the test fills with 300,000 quads (more than one batch of
/// the bulk loader, which then writes SST files) and never closes: the load cannot have committed when it
/// is killed, whatever the speed of the machine.
#[test]
fn a_load_killed_halfway_leaves_the_store_consistent() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let nq = fixture_nquads(dir.path());
    ok(&kg(&["load", nq.to_str().unwrap()], &store));
    let before = ok(&kg(&["export", "--format", "nq"], &store));
    let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["load", "-", "--format", "nq"])
        .env("KG_STORE", &store)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..300_000 {
        writeln!(
            stdin,
            "<https://kg.example.org/entity/b{i}> <https://kg.example.org/ontology#linked> <https://kg.example.org/entity/b{}> <https://kg.example.org/doc/big> .",
            i + 1
        )
        .expect("the load reads its input");
    }
    stdin.flush().unwrap();
    // All but the pipe's buffer has been read; the input is still open, so the load is mid-way.
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());
    drop(stdin);
    let after = ok(&kg(&["export", "--format", "nq"], &store));
    assert_eq!(before, after, "an interrupted load changes nothing");
    // The store is writable again.
    ok(&kg(&["remove", "crimea-1"], &store));
}

#[test]
fn binary_and_non_utf8_inputs_are_refused_and_the_store_is_unchanged() {
    let (dir, store) = loaded_store();
    let before = ok(&kg(&["export", "--format", "nq"], &store));
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Russia annexed Crimea in 2014.").unwrap();
    std::fs::write(corpus.join("b.txt"), b"\x00\x01\x02binary\x00").unwrap();
    let err = failed(&kg(&["build", corpus.to_str().unwrap()], &store));
    assert!(err.contains("binary"), "{err}");
    std::fs::write(corpus.join("b.txt"), b"caf\xe9 au lait").unwrap();
    let err = failed(&kg(&["build", corpus.to_str().unwrap()], &store));
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert_eq!(before, ok(&kg(&["export", "--format", "nq"], &store)));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let err = failed(&kg(&["build", empty.to_str().unwrap()], &store));
    assert!(err.contains("no text"), "{err}");
}

/// A folder with `copies` copies of each text of the sample corpus (`data/corpus`), under distinct names.
fn corpus_copies(dir: &Path, copies: usize) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let target = dir.join("corpus");
    std::fs::create_dir_all(&target).unwrap();
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&source)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    texts.sort();
    for copy in 0..copies {
        for (i, text) in texts.iter().enumerate() {
            std::fs::copy(text, target.join(format!("{copy:03}_{i}.txt"))).unwrap();
        }
    }
    target
}

/// The quads of one document's graph, sorted.
fn document_graph(store: &Path, id: &str) -> Vec<String> {
    let store = KgStore::open_read_only(store).unwrap();
    let graph = store.namespaces().doc_graph(id);
    let mut quads: Vec<String> = store
        .inner()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        .map(|q| q.unwrap().to_string())
        .collect();
    quads.sort();
    quads
}

#[test]
fn build_is_idempotent_and_a_changed_document_replaces_its_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = corpus_copies(dir.path(), 1);
    let out = kg(&["build", corpus.to_str().unwrap()], &store);
    ok(&out);
    let summary = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        summary.starts_with("kg build: 2 documents, ")
            && summary.contains(" sentences, ")
            && summary.contains(" triples"),
        "{summary}"
    );
    let first = ok(&kg(&["export", "--format", "nq"], &store));
    assert!(
        first.lines().count() > 100,
        "the sample corpus gives a graph"
    );
    ok(&kg(&["build", corpus.to_str().unwrap()], &store));
    assert_eq!(
        first,
        ok(&kg(&["export", "--format", "nq"], &store)),
        "rebuilding changes nothing"
    );
    // Cut the first document to its first paragraph: its graph shrinks, the other one stays.
    let changed = corpus.join("000_0.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    let other_before = document_graph(&store, "000_1.txt");
    let before = document_graph(&store, "000_0.txt");
    let cut = text.split("\n\n").next().unwrap().to_string();
    assert!(cut.len() < text.len());
    std::fs::write(&changed, cut).unwrap();
    ok(&kg(&["build", changed.to_str().unwrap()], &store));
    let after = document_graph(&store, "000_0.txt");
    assert!(
        !after.is_empty() && after.len() < before.len(),
        "{} -> {} quads",
        before.len(),
        after.len()
    );
    assert_eq!(other_before, document_graph(&store, "000_1.txt"));
}

/// The build kills itself with SIGKILL right after committing the batch that holds its 13th document (the
/// crash-test hook `KG_ABORT_AFTER_DOCUMENTS`), a known point whatever the speed of the machine.
#[test]
fn a_build_killed_halfway_leaves_the_store_readable_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_copies(dir.path(), 20);
    let reference = dir.path().join("reference");
    ok(&kg(&["build", corpus.to_str().unwrap()], &reference));
    let killed = dir.path().join("killed");
    let status = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["build", corpus.to_str().unwrap(), "--threads", "1"])
        .env("KG_STORE", &killed)
        .env("KG_ABORT_AFTER_DOCUMENTS", "13")
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the build was killed");
    // Whole batches are committed: at least the 13 documents, not all 40.
    let written = KgStore::open_read_only(&killed)
        .unwrap()
        .documents()
        .unwrap()
        .len();
    assert!((13..40).contains(&written), "{written} documents written");
    // Readable, and every document it holds is complete: exactly the graph a full build writes.
    let stats = ok(&kg(&["stats", "--format", "json"], &killed));
    let value: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(value["documents"], written);
    let documents = KgStore::open_read_only(&killed)
        .unwrap()
        .documents()
        .unwrap();
    for id in &documents {
        assert_eq!(
            document_graph(&killed, id),
            document_graph(&reference, id),
            "{id} is complete"
        );
    }
    // Building again resumes: the committed documents are skipped, not analysed again, and the result is
    // exactly the store an uninterrupted build makes.
    let resumed = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["build", corpus.to_str().unwrap()])
        .env("KG_STORE", &killed)
        .output()
        .unwrap();
    assert!(resumed.status.success());
    let messages = String::from_utf8_lossy(&resumed.stderr);
    assert!(
        messages.contains(&format!(
            "{written} documents already in the store unchanged, skipped"
        )),
        "{messages}"
    );
    let store = KgStore::open_read_only(&killed).unwrap();
    assert_eq!(store.documents().unwrap().len(), 40);
    assert!(!store.inferences_stale().unwrap());
    drop(store);
    let quads = |store: &Path| {
        let mut lines: Vec<String> = ok(&kg(&["export", "--format", "nq"], store))
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    assert!(
        quads(&killed) == quads(&reference),
        "the resumed build differs from an uninterrupted one"
    );
}

#[test]
fn a_second_build_on_a_store_in_use_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = corpus_copies(dir.path(), 1);
    let _held = KgStore::open(&store).unwrap();
    let err = failed(&kg(&["build", corpus.to_str().unwrap()], &store));
    assert!(err.contains("in use by another kg process"), "{err}");
}

/// Every command's `--help` ends with examples of its own use (they were only in the README).
#[test]
fn every_help_page_shows_examples() {
    for command in [
        "analyze", "extract", "build", "remove", "query", "path", "export", "stats", "explain",
        "load", "serve", "push",
    ] {
        let help = ok(&kg(&[command, "--help"], Path::new("unused")));
        let examples = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("kg {command} --help has no examples:\n{help}"));
        assert!(
            examples
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("kg {command} "))),
            "kg {command} --help: {examples}"
        );
    }
}

/// `kg documents` lists what `kg remove` takes, with dates and counts, newest first.
#[test]
fn documents_lists_ids_dates_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"old\", \"date\": \"2001-05-01\", \"title\": \"Old news\", \"text\": \"Peru allied with Chile in 1880. Chile annexed Tarapaca.\"}\n\
         {\"id\": \"new\", \"date\": \"2019-02-03\", \"text\": \"Russia annexed Crimea in 2014.\"}\n\
         {\"id\": \"undated\", \"text\": \"Japan backs the plan.\"}\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    ok(&kg(&["build", corpus.to_str().unwrap()], &store));
    let tsv = ok(&kg(&["documents", "--format", "tsv"], &store));
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        ["id", "date", "sentences", "facts", "entities", "title"]
    );
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0]).collect();
    assert_eq!(ids, ["new", "old", "undated"], "newest first, undated last");
    let old = &rows[2];
    assert_eq!((old[1], old[2], old[5]), ("2001-05-01", "2", "Old news"));
    assert!(old[3].parse::<u64>().unwrap() >= 1, "facts: {tsv}");
    assert!(old[4].parse::<u64>().unwrap() >= 2, "entities: {tsv}");
    let table = ok(&kg(&["documents"], &store));
    assert!(table.ends_with("(3 documents)\n"), "{table}");
    let jsonl = ok(&kg(&["documents", "--format", "jsonl"], &store));
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "new");
    // Each id removes its document.
    ok(&kg(&["remove", ids[0]], &store));
    assert_eq!(
        ok(&kg(&["documents", "--format", "tsv"], &store))
            .lines()
            .count(),
        3
    );
}

/// `kg search` finds entities by any of their names, whole, by prefix or by word starts.
#[test]
fn search_finds_entities_by_names_prefixes_and_word_starts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    ok(&kg(&["build", corpus.to_str().unwrap()], &store));
    let first = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["search", "--format", "jsonl"];
        all.extend(args);
        let out = ok(&kg(&all, &store));
        serde_json::from_str(out.lines().next().expect("a hit")).unwrap()
    };
    let abe = first(&["abe"]);
    assert_eq!(abe["label"], "Shinzo Abe");
    assert_eq!(abe["class"], "Person");
    assert_eq!(first(&["vlad", "put"])["label"], "Vladimir Putin");
    assert_eq!(first(&["Etorofu"])["how"], "exact");
    let none = ok(&kg(&["search", "zzyzx", "--format", "tsv"], &store));
    assert_eq!(none.lines().count(), 1, "only the header: {none}");
}

/// `kg entity` gathers one entity's names, facts (ontology properties first), documents and co-mentions.
#[test]
fn entity_page_lists_names_facts_documents_and_co_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    ok(&kg(&["build", corpus.to_str().unwrap()], &store));
    let json = ok(&kg(
        &["entity", "Abe", "--format", "json", "--limit", "500"],
        &store,
    ));
    let page: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(page["label"], "Shinzo Abe");
    assert_eq!(page["class"], "Person");
    let facts = page["facts"].as_array().unwrap();
    let met = facts
        .iter()
        .find(|f| f["property"] == "met" && f["other"] == "Vladimir Putin" && f["outgoing"] == true)
        .expect("Abe met Putin");
    assert!(met["documents"].as_u64().unwrap() >= 1 && met["sentence"].is_string());
    let first_open = facts.iter().position(|f| f["canonical"] == false);
    let last_canonical = facts.iter().rposition(|f| f["canonical"] == true);
    if let (Some(open), Some(canonical)) = (first_open, last_canonical) {
        assert!(canonical < open, "ontology properties come first");
    }
    assert_eq!(page["documents"].as_array().unwrap().len(), 2);
    assert_eq!(
        page["documents"][0]["date"], "2017-03-20",
        "dated documents first"
    );
    assert!(
        page["co_mentioned"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["label"] == "Vladimir Putin")
    );
    let text = ok(&kg(&["entity", "Shinzo Abe", "--limit", "3"], &store));
    assert!(text.starts_with("Shinzo Abe (Person)"), "{text}");
    assert!(text.contains("more (--limit N)"), "{text}");
    let err = String::from_utf8_lossy(&kg(&["entity", "Abee"], &store).stderr).into_owned();
    assert!(err.contains("Abe"), "a near name is suggested: {err}");
}

/// Drawn exports keep at most `--max-nodes` entities, the `--around` one and then the most central.
#[test]
fn drawn_exports_keep_the_most_central_entities() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    ok(&kg(&["build", corpus.to_str().unwrap()], &store));
    let nodes = |dot: &str| {
        dot.lines()
            .filter(|l| {
                l.trim_start().starts_with('n') && l.contains(" [label=") && !l.contains("->")
            })
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let all = nodes(&ok(&kg(
        &["export", "--format", "dot", "--max-nodes", "0"],
        &store,
    )));
    assert!(all.len() > 20);
    let out = kg(&["export", "--format", "dot", "--max-nodes", "5"], &store);
    assert_eq!(nodes(&ok(&out)).len(), 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("of {} entities", all.len())));
    let around = ok(&kg(
        &[
            "export",
            "--format",
            "dot",
            "--around",
            "Abe",
            "--depth",
            "2",
            "--max-nodes",
            "3",
        ],
        &store,
    ));
    let kept = nodes(&around);
    assert_eq!(kept.len(), 3);
    assert!(
        kept.iter().any(|l| l.contains("\"Shinzo Abe\"")),
        "{around}"
    );
}

/// A build reads files twice (once to check them, once a batch at a time to build) but stdin only once, so
/// it holds stdin's documents: both give the same store, the later of two records with one id kept.
#[test]
fn a_build_from_stdin_equals_the_build_of_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        r#"{"id": "visit", "text": "Angela Merkel visited Hamburg on Monday."}"#,
        r#"{"id": "summit", "text": "Angela Merkel met Emmanuel Macron in Paris."}"#,
        r#"{"id": "visit", "text": "Angela Merkel visited Dresden on Friday."}"#,
    ]
    .join("\n");
    let file = dir.path().join("news.jsonl");
    std::fs::write(&file, &records).unwrap();
    let from_file = dir.path().join("from-file");
    ok(&kg(&["build", file.to_str().unwrap()], &from_file));
    let from_stdin = dir.path().join("from-stdin");
    ok(&kg_with_stdin(&["build", "-"], &from_stdin, &records));
    let export = |store: &Path| ok(&kg(&["export", "--format", "nq"], store));
    assert_eq!(export(&from_file), export(&from_stdin));
    assert!(export(&from_file).contains("visited Dresden on Friday"));
    assert!(!export(&from_file).contains("visited Hamburg"));
}

/// Regression: `kg build` resolved each document against the entities of the documents before it (and, in
/// a later run, against the store's), so a short name (`Johnson`) went to the full name of an earlier
/// document in one order and stayed apart in another, and a resumed build differed from a clean one. Names
/// across documents are the corpus pass's, which sees all documents at once.
#[test]
fn a_corpus_built_in_two_runs_in_either_order_equals_one_build() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(
        &first,
        r#"{"id": "talks", "text": "Prime Minister Boris Johnson met Emmanuel Macron in Paris on Tuesday."}"#,
    )
    .unwrap();
    std::fs::write(
        &second,
        r#"{"id": "later", "text": "Johnson flew back to London on Wednesday after his talks with Macron, his spokesman said."}"#,
    )
    .unwrap();
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
    let export = |store: &Path| ok(&kg(&["export", "--format", "nq"], store));
    let once = dir.path().join("once");
    ok(&kg(&["build", first, second], &once));
    for (name, runs) in [("in-order", [first, second]), ("reversed", [second, first])] {
        let store = dir.path().join(name);
        for input in runs {
            ok(&kg(&["build", input], &store));
        }
        assert_eq!(export(&once), export(&store), "{name}");
    }
    // The corpus pass gives the short name the full name's entity in every order ...
    let later_graph = |store: &Path| {
        export(store)
            .lines()
            .filter(|q| q.ends_with("<https://kg.example.org/doc/later> ."))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(later_graph(&once).contains("entity/boris_johnson>"));
    // ... and gives it back its own when the document with the full name is removed: the store is then the
    // build of the short name's document alone.
    ok(&kg(&["remove", "talks"], &once));
    let alone = dir.path().join("alone");
    ok(&kg(&["build", second], &alone));
    assert!(later_graph(&once).contains("entity/johnson>"));
    assert_eq!(export(&once), export(&alone));
}
