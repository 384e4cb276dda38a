//! Fuzzing of the SPARQL endpoint's bodies: arbitrary and mutated queries and updates, with arbitrary methods,
//! paths, content types, `Accept` headers and tokens, sent to a running `kg serve`. Every request must get an
//! HTTP answer, the server must stay up and print no panic, and an update that is refused must leave the store
//! as it was.
//!
//! CI runs a short fixed number of cases. For a long run:
//! `KG_FUZZ_SECONDS=600 cargo test --release --test integration server_fuzz -- --nocapture`
//! (`KG_FUZZ_CASES=N` fixes the count instead). The run prints the inputs tried and the failures found; a failing
//! input is printed whole, to be made into a regression test named after the bug.

use super::server::{Serve, encode, fixture_store, get_accept, raw};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Valid texts to mutate: queries and updates of every form, with and without the predeclared prefixes.
const SEEDS: &[&str] = &[
    "SELECT ?s ?o WHERE { ?s <http://kg.test/o/controls> ?o }",
    "SELECT ?l WHERE { GRAPH doc:d2 { ?s rdfs:label ?l } } ORDER BY ?l LIMIT 5",
    "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1) ORDER BY DESC(?n)",
    "SELECT * WHERE { ?r rdf:reifies <<( ?s ?p ?o )>> ; <http://kg.test/o/sentence> ?t }",
    "SELECT ?x WHERE { VALUES ?x { 1 \"a\"@en <http://e/x> 2.5e3 } FILTER(BOUND(?x)) }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } MINUS { ?s a kg:Person } } OFFSET 1 LIMIT 3",
    "SELECT ?s WHERE { ?s (<http://kg.test/o/next>|^<http://kg.test/o/next>)* ?t } LIMIT 10",
    "SELECT (STRLEN(REPLACE(STR(?s), \"[a-z]+\", \"x\")) AS ?n) WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), \"^R\", \"i\")) }",
    "ASK { ?s ?p ?o FILTER NOT EXISTS { ?o ?p ?s } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "DESCRIBE <http://kg.test/e/russia>",
    "SELECT * FROM <http://kg.test/doc/d1> FROM NAMED <http://kg.test/doc/d2> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 2 } UNION { BIND(NOW() AS ?t) } }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "PREFIX ex: <http://e/> SELECT ?s WHERE { ?s ex:p \"\\u0041\\n\" ; ex:q [ ex:r 1 ] }",
    "INSERT DATA { GRAPH <http://kg.test/doc/fz> { <http://kg.test/e/a> <http://kg.test/o/p> \"x\" } }",
    "DELETE DATA { GRAPH <http://kg.test/doc/d1> { <http://kg.test/e/russia> rdfs:label \"Russia\" } }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p \"y\" } WHERE { GRAPH doc:d2 { ?s ?p ?o } }",
    "DELETE WHERE { ?s <http://kg.test/o/leads> ?o }",
    "CLEAR GRAPH <http://kg.test/doc/fz>",
    "DROP SILENT GRAPH <http://kg.test/doc/none>",
    "CREATE GRAPH <http://kg.test/doc/new>",
    "LOAD <file:///etc/passwd> INTO GRAPH <http://kg.test/x>",
    "COPY <http://kg.test/doc/d2> TO <http://kg.test/doc/copy>",
    "INSERT DATA { GRAPH <http://kg.test/doc/fz> { <http://e/a> <http://e/p> \"a\" } } ; INSERT DATA { <<( <http://e/a> <http://e/b> <http://e/c> )>> <http://e/d> 1 }",
];

/// Tokens spliced into texts: SPARQL keywords, punctuation and hostile bits.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "<<(",
    ")>>",
    "\"",
    "'''",
    "\\",
    "#",
    ";",
    ",",
    ".",
    "?x",
    "$y",
    "_:b",
    "*",
    "a",
    "SELECT",
    "ASK",
    "WHERE",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "GRAPH",
    "SERVICE",
    "VALUES",
    "BIND",
    "AS",
    "GROUP BY",
    "ORDER BY",
    "LIMIT",
    "OFFSET",
    "INSERT",
    "DELETE",
    "DATA",
    "LOAD",
    "DROP",
    "ALL",
    "CLEAR",
    "PREFIX",
    "BASE",
    "ent:",
    "kg:",
    "doc:",
    "nope:",
    "^^xsd:integer",
    "@en",
    "1e999999",
    "-0",
    "9999999999999999999999",
    "\u{0}",
    "\u{feff}",
    "é",
    "𝔘",
    "\r\n",
    "\t",
    "<http://kg.test/e/russia>",
    "<file:///etc/passwd>",
    "<javascript:x>",
    "%00",
    "%FF",
    "&",
    "=",
    "+",
    "COUNT(*)",
    "REGEX(?x, \"(a+)+$\")",
    "SUBSTR(?x, -1, 99999999999)",
    "/",
    "|",
    "^",
    "!",
];

/// One request to send.
#[derive(Debug, Clone)]
struct Case {
    method: &'static str,
    path: &'static str,
    content_type: Option<String>,
    accept: Option<String>,
    token: bool,
    /// Send the text in the query string (`?query=` or `?update=`) rather than the body.
    in_url: bool,
    /// Wrap the text as a form (`query=...`).
    as_form: bool,
    body: Vec<u8>,
}

fn mutate(seed: &str, edits: &[(usize, usize, u8)]) -> Vec<u8> {
    let mut text = seed.as_bytes().to_vec();
    for &(kind, at, byte) in edits {
        let at = if text.is_empty() {
            0
        } else {
            at % (text.len() + 1)
        };
        match kind % 6 {
            0 => {
                let token = TOKENS[byte as usize % TOKENS.len()];
                text.splice(at..at, token.bytes());
            }
            1 => {
                let end = (at + 1 + byte as usize % 12).min(text.len());
                text.drain(at.min(end)..end);
            }
            2 => text.insert(at, byte),
            3 => text.truncate(at),
            4 => {
                // Repeat a slice: deep nesting, long texts.
                let end = (at + 1 + byte as usize % 8).min(text.len());
                let part = text[at.min(end)..end].to_vec();
                for _ in 0..(byte % 40) {
                    text.splice(at..at, part.iter().copied());
                }
            }
            _ => {
                let other = SEEDS[byte as usize % SEEDS.len()].as_bytes();
                text.splice(at..at, other.iter().copied());
            }
        }
    }
    text
}

fn case_strategy() -> impl Strategy<Value = Case> {
    let method = prop::sample::select(vec![
        "GET", "POST", "POST", "POST", "PUT", "HEAD", "OPTIONS",
    ]);
    let path = prop::sample::select(vec![
        "/query",
        "/query",
        "/sparql",
        "/update",
        "/update",
        "/store",
        "/api/search",
        "/api/neighbourhood",
        "/documents",
        "/health",
        "/nope",
    ]);
    let content_type = prop::option::of(prop_oneof![
        Just("application/sparql-query".to_string()),
        Just("application/sparql-update".to_string()),
        Just("application/x-www-form-urlencoded".to_string()),
        Just("application/sparql-query; charset=utf-8".to_string()),
        Just("text/plain".to_string()),
        "[ -~]{0,40}",
    ]);
    let accept = prop::option::of(prop_oneof![
        Just("text/csv".to_string()),
        Just("application/sparql-results+xml".to_string()),
        Just("application/ld+json, text/turtle;q=0.5".to_string()),
        Just("*/*;q=0".to_string()),
        "[ -~]{0,40}",
    ]);
    let text = prop_oneof![
        3 => (
            prop::sample::select(SEEDS.to_vec()),
            prop::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 0..6)
        )
            .prop_map(|(seed, edits)| mutate(seed, &edits)),
        1 => prop::collection::vec(any::<u8>(), 0..300),
        1 => prop::collection::vec(prop::sample::select(TOKENS.to_vec()), 0..40)
            .prop_map(|tokens| tokens.join(" ").into_bytes()),
    ];
    (
        method,
        path,
        content_type,
        accept,
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
        text,
    )
        .prop_map(
            |(method, path, content_type, accept, token, in_url, as_form, body)| Case {
                method,
                path,
                content_type,
                accept,
                token,
                in_url,
                as_form,
                body,
            },
        )
}

/// Mostly well-formed protocol requests (so that most texts reach the parser and the evaluator), the rest
/// anything [`case_strategy`] makes.
fn coherent_strategy() -> impl Strategy<Value = Case> {
    let coherent = (
        prop::sample::select(vec!["/query", "/query", "/update"]),
        prop::sample::select(vec!["get", "post", "form"]),
        case_strategy(),
    )
        .prop_map(|(path, how, case)| {
            let update = path == "/update";
            let (method, content_type, in_url, as_form) = match how {
                "get" if !update => ("GET", None, true, false),
                "form" => (
                    "POST",
                    Some("application/x-www-form-urlencoded".to_string()),
                    false,
                    true,
                ),
                _ => (
                    "POST",
                    Some(if update {
                        "application/sparql-update".to_string()
                    } else {
                        "application/sparql-query".to_string()
                    }),
                    false,
                    false,
                ),
            };
            Case {
                method,
                path,
                content_type,
                token: update || case.token,
                in_url,
                as_form,
                ..case
            }
        });
    prop_oneof![3 => coherent, 1 => case_strategy()]
}

/// The request's bytes.
fn request_bytes(case: &Case) -> Vec<u8> {
    let parameter = if case.path == "/update" {
        "update"
    } else {
        "query"
    };
    let text = String::from_utf8_lossy(&case.body);
    let (target, body) = if case.in_url {
        (
            format!("{}?{parameter}={}", case.path, encode(&text)),
            Vec::new(),
        )
    } else if case.as_form {
        (
            case.path.to_string(),
            format!("{parameter}={}", encode(&text)).into_bytes(),
        )
    } else {
        (case.path.to_string(), case.body.clone())
    };
    let mut head = format!(
        "{} {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n",
        case.method
    );
    if let Some(content_type) = &case.content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    if let Some(accept) = &case.accept {
        head.push_str(&format!("Accept: {accept}\r\n"));
    }
    if case.token {
        head.push_str("Authorization: Bearer fuzz\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    bytes
}

/// The whole store as sorted N-Quads.
fn dump(serve: &Serve) -> String {
    let (status, body) = get_accept(serve.addr, "/store", "application/n-quads");
    assert_eq!(status, 200, "{body}");
    let mut lines: Vec<&str> = body.lines().collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// Runs the fuzzer against one server; returns the number of inputs tried.
fn fuzz(cases: Option<u64>, budget: Option<Duration>) -> u64 {
    let store = fixture_store(200);
    let log = tempfile::NamedTempFile::new().expect("log file");
    let stderr = Stdio::from(log.reopen().expect("log file"));
    let mut serve = Serve::start_with_stderr(
        store.path(),
        &[
            "--update-token",
            "fuzz",
            "--timeout",
            "2",
            "--max-results",
            "1000",
            "--max-body",
            "64K",
            "--query-memory",
            "300M",
        ],
        stderr,
    );
    // A fixed seed in CI (reproducible); KG_FUZZ_SEED varies it for long runs.
    let seed: u64 = std::env::var("KG_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(13);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let strategy = coherent_strategy();
    let started = Instant::now();
    let mut baseline = dump(&serve);
    let mut tried = 0u64;
    let mut statuses = std::collections::BTreeMap::<u16, u64>::new();
    loop {
        if cases.is_some_and(|n| tried >= n) || budget.is_some_and(|b| started.elapsed() >= b) {
            break;
        }
        let case = strategy.new_tree(&mut runner).expect("a case").current();
        let bytes = request_bytes(&case);
        let (status, body) = raw(serve.addr, &bytes);
        tried += 1;
        *statuses.entry(status).or_default() += 1;
        assert!(
            serve.running(),
            "the server died on case {tried}: {case:?}\n{}",
            String::from_utf8_lossy(&bytes)
        );
        assert!(
            (200..600).contains(&status),
            "case {tried}: status {status}: {case:?}"
        );
        assert_ne!(status, 500, "case {tried}: {body}: {case:?}");
        if case.path == "/update" || case.path == "/documents" {
            let now = dump(&serve);
            if status != 200 {
                assert_eq!(
                    now, baseline,
                    "a refused update ({status} {body}) changed the store: {case:?}"
                );
            }
            baseline = now;
        }
    }
    serve.assert_alive();
    let stderr = std::fs::read_to_string(log.path()).unwrap_or_default();
    assert!(
        !stderr.contains("panicked"),
        "the server panicked:\n{stderr}"
    );
    eprintln!(
        "server_fuzz: {tried} inputs in {:.0} s, no failure; statuses {statuses:?}",
        started.elapsed().as_secs_f64()
    );
    tried
}

#[test]
fn endpoint_bodies_never_crash_the_server() {
    let budget = std::env::var("KG_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let cases = std::env::var("KG_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .or(if budget.is_none() { Some(150) } else { None });
    assert!(fuzz(cases, budget) > 0);
}
