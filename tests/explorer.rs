//! The explorer on `kg serve` over stores that `kg build` made: the JSON endpoints (overview, search, entity
//! page, neighbourhood with filters, explanations, refresh after an ingest) and the page itself in headless
//! Chromium.

use crate::cli::{kg, ok};
use crate::server::{Serve, encode, get, post};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Two dated news items about Putin, Russia and Crimea.
const NEWS: &str = "{\"id\": \"d1\", \"date\": \"2019-02-03\", \"title\": \"Crimea\", \"text\": \"Russia annexed Crimea in 2014. Vladimir Putin is the president of Russia.\"}\n\
{\"id\": \"d2\", \"date\": \"2020-05-01\", \"title\": \"Talks\", \"text\": \"Vladimir Putin met Shinzo Abe in Tokyo. Putin visited Crimea in 2020.\"}\n";

fn build(dir: &Path, corpus: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    ok(&kg(&["build", "-q", corpus.to_str().unwrap()], &store));
    store
}

fn json(addr: std::net::SocketAddr, target: &str) -> Value {
    let (status, body) = get(addr, target);
    assert_eq!(status, 200, "{target}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{target}: {e}: {body}"))
}

fn first_id(addr: std::net::SocketAddr, name: &str) -> String {
    let hits = json(addr, &format!("/api/search?q={}", encode(name)));
    hits["results"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no hit for {name}: {hits}"))
        .to_string()
}

#[test]
fn explorer_endpoints_answer_from_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(&corpus, NEWS).unwrap();
    let store = build(dir.path(), &corpus);
    let mut server = Serve::start(&store, &[]);
    let addr = server.addr;

    let overview = json(addr, "/api/overview");
    assert_eq!(overview["documents"], 2, "{overview}");
    assert!(
        overview["central"].as_array().unwrap().len() >= 3,
        "{overview}"
    );
    assert_eq!(
        overview["latest"][0]["id"], "d2",
        "newest first: {overview}"
    );

    // Prefix and word search over names and other names; the word "put" finds Vladimir Putin.
    let hits = json(addr, "/api/search?q=put");
    assert_eq!(hits["results"][0]["label"], "Vladimir Putin", "{hits}");
    assert_eq!(hits["results"][0]["documents"], 2, "{hits}");
    let putin = first_id(addr, "putin");
    let (status, _) = get(addr, &format!("/api/search?q={}", encode("\"} DROP ALL {")));
    assert_eq!(status, 200);

    // The entity page: names, facts with their sentences, dated documents, co-mentions.
    let page = json(addr, &format!("/api/entity?iri={}", encode(&putin)));
    assert_eq!(page["label"], "Vladimir Putin", "{page}");
    let docs: Vec<&str> = page["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(docs, ["2020-05-01", "2019-02-03"], "{page}");
    let co: Vec<&str> = page["co_mentioned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert!(co.contains(&"Russia") && co.contains(&"Crimea"), "{co:?}");
    let facts = page["facts"].as_array().unwrap();
    assert!(!facts.is_empty(), "{page}");
    let fact = facts
        .iter()
        .find(|f| f["sentence"].is_string())
        .expect("a fact with a sentence");

    // Every fact explains itself: the sentence, document and rule it came from.
    let t = fact["triple"].as_array().unwrap();
    let why = json(
        addr,
        &format!(
            "/api/explain?s={}&p={}&o={}",
            encode(t[0].as_str().unwrap()),
            encode(t[1].as_str().unwrap()),
            encode(t[2].as_str().unwrap())
        ),
    );
    let support = &why["supports"][0];
    assert_eq!(support["kind"], "extracted", "{why}");
    assert_eq!(support["sentence"], fact["sentence"], "{why}");
    assert!(
        support["rule"].as_str().is_some_and(|r| !r.is_empty()),
        "{why}"
    );

    // The neighbourhood: entities only by default, one edge per property and direction, filters.
    let russia = first_id(addr, "russia");
    let view = json(
        addr,
        &format!("/api/neighbourhood?node={}", encode(&russia)),
    );
    let nodes = view["nodes"].as_array().unwrap();
    assert_eq!(nodes[0]["id"], russia.as_str(), "the centre first: {view}");
    assert!(nodes.iter().all(|n| n["literal"] == false), "{view}");
    let edges = view["edges"].as_array().unwrap();
    assert!(!edges.is_empty(), "{view}");
    let mut keys: Vec<String> = edges
        .iter()
        .map(|e| format!("{} {} {}", e["source"], e["predicate"], e["target"]))
        .collect();
    let all = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), all, "edges are merged: {view}");
    let property = edges[0]["label"].as_str().unwrap().to_string();
    let filtered = json(
        addr,
        &format!(
            "/api/neighbourhood?node={}&property={}",
            encode(&russia),
            encode(&property)
        ),
    );
    assert!(
        filtered["edges"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["label"] == property.as_str()),
        "{filtered}"
    );
    let later = json(
        addr,
        &format!(
            "/api/neighbourhood?node={}&from=2021-01-01",
            encode(&russia)
        ),
    );
    assert_eq!(later["edges"].as_array().unwrap().len(), 0, "{later}");
    let bounded = json(
        addr,
        &format!("/api/neighbourhood?node={}&limit=1", encode(&russia)),
    );
    assert_eq!(bounded["nodes"].as_array().unwrap().len(), 2, "{bounded}");

    for (target, status) in [
        ("/api/entity?iri=not%20an%20iri", 400),
        ("/api/entity?iri=http%3A%2F%2Fnowhere.test%2Fx", 404),
        ("/api/neighbourhood", 400),
        (
            "/api/neighbourhood?node=http%3A%2F%2Fx.test%2Fa&limit=many",
            400,
        ),
        ("/api/explain?s=%3Chttp%3A%2F%2Fx.test%2Fa%3E", 400),
    ] {
        assert_eq!(get(addr, target).0, status, "{target}");
    }
    server.assert_alive();
}

#[test]
fn an_ingested_document_reaches_the_explorer_search() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(&corpus, NEWS).unwrap();
    let store = build(dir.path(), &corpus);
    let mut server = Serve::start(&store, &["--update-token", "tok"]);
    let addr = server.addr;
    assert!(
        json(addr, "/api/search?q=merkel")["results"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let auth = "Content-Type: application/x-ndjson\r\nAuthorization: Bearer tok\r\n";
    let doc =
        br#"{"id":"d3","text":"Angela Merkel met Vladimir Putin in Berlin.","date":"2021-06-01"}"#;
    let (status, body) = post(addr, "/documents", auth, doc);
    if status == 501 {
        eprintln!("skipped: this build has no ingestion ({body})");
        return;
    }
    assert_eq!(status, 200, "{body}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let hits = json(addr, "/api/search?q=merkel");
        if hits["results"][0]["label"] == "Angela Merkel" {
            break;
        }
        assert!(Instant::now() < deadline, "never refreshed: {hits}");
        std::thread::sleep(Duration::from_millis(100));
    }
    server.assert_alive();
}

/// The explorer in headless Chromium on a store built from `data/corpus`: search, an entity page, an
/// explanation, the neighbourhood graph and a filter. The screenshots go to `target/tmp/` (and to `docs/img/`,
/// which the README shows, when `KG_SCREENSHOTS=docs/img`). Skipped, with a message, where node, chromium or
/// playwright-core is missing (`npm ci --prefix tests/browser`, `apt-get install chromium`).
#[test]
fn explorer_in_headless_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/browser/explorer.cjs");
    let chromium = std::env::var("KG_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let has_node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let has_playwright = root
        .join("tests/browser/node_modules/playwright-core")
        .is_dir();
    if !has_node || !Path::new(&chromium).exists() || !has_playwright {
        eprintln!(
            "skipped explorer_in_headless_chromium: needs node ({has_node}), {chromium} ({}) and \
             tests/browser/node_modules/playwright-core ({has_playwright}); run `apt-get install -y chromium` and \
             `npm ci --prefix tests/browser`",
            Path::new(&chromium).exists()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = build(dir.path(), &root.join("data/corpus"));
    let mut server = Serve::start(&store, &[]);
    let shots = match std::env::var("KG_SCREENSHOTS") {
        Ok(d) if !d.is_empty() => root.join(d),
        _ => Path::new(env!("CARGO_TARGET_TMPDIR")).to_path_buf(),
    };
    std::fs::create_dir_all(&shots).unwrap();
    let output = Command::new("node")
        .arg(&script)
        .arg(format!("http://{}/", server.addr))
        .arg(shots.join("explorer-entity.png"))
        .arg(shots.join("explorer-graph.png"))
        .arg("puti")
        .env("KG_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
    let report: Value = serde_json::from_str(stdout.trim()).expect("JSON report");
    let text = |key: &str| report[key].as_str().unwrap_or("").to_string();
    let list = |key: &str| -> Vec<String> {
        report[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    assert!(
        list("counts").iter().any(|c| c.contains("documents")),
        "{report}"
    );
    assert!(list("central").len() >= 5, "{report}");
    assert!(list("hits")[0].contains("Putin"), "{report}");
    assert_eq!(text("entity"), "Vladimir Putin", "{report}");
    assert!(text("hash").starts_with("#/entity/http"), "{report}");
    assert!(report["facts"].as_u64() > Some(0), "{report}");
    assert!(report["documents"].as_u64() >= Some(1), "{report}");
    assert!(
        list("coMentioned").iter().any(|e| e == "Russia"),
        "{report}"
    );
    assert!(text("explanation").contains("rule"), "{report}");
    assert!(report["nodes"].as_u64() > Some(2), "{report}");
    assert!(!list("legend").is_empty(), "{report}");
    assert!(text("tooltip").contains("confidence"), "{report}");
    assert!(
        text("edgeExplanation").contains("Why this fact"),
        "{report}"
    );
    assert_eq!(list("filteredEdgeLabels"), [text("filter")], "{report}");
    server.assert_alive();
}
