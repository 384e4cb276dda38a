//! `kg serve` end to end over real sockets: the SPARQL Protocol, Graph Store reads, writes behind a token, and
//! hostile clients (oversized bodies, slow clients, invalid UTF-8, endless queries, path traversal), after each
//! of which the server must still answer.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A small store: two documents, labels, classes and RDF 1.2 reifiers carrying the source sentence.
pub const FIXTURE: &str = r#"
<http://kg.test/e/russia> <http://www.w3.org/2000/01/rdf-schema#label> "Russia" <http://kg.test/doc/d1> .
<http://kg.test/e/russia> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.test/o/Country> <http://kg.test/doc/d1> .
<http://kg.test/e/crimea> <http://www.w3.org/2000/01/rdf-schema#label> "Crimea" <http://kg.test/doc/d1> .
<http://kg.test/e/crimea> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.test/o/Place> <http://kg.test/doc/d1> .
<http://kg.test/e/russia> <http://kg.test/o/controls> <http://kg.test/e/crimea> <http://kg.test/doc/d1> .
<http://kg.test/r/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <http://kg.test/e/russia> <http://kg.test/o/controls> <http://kg.test/e/crimea> )>> <http://kg.test/doc/d1> .
<http://kg.test/r/1> <http://kg.test/o/sentence> "Russia has controlled Crimea since 2014." <http://kg.test/doc/d1> .
<http://kg.test/e/ukraine> <http://www.w3.org/2000/01/rdf-schema#label> "Ukraine" <http://kg.test/doc/d1> .
<http://kg.test/e/ukraine> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.test/o/Country> <http://kg.test/doc/d1> .
<http://kg.test/e/crimea> <http://kg.test/o/partOf> <http://kg.test/e/ukraine> <http://kg.test/doc/d1> .
<http://kg.test/r/2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <http://kg.test/e/crimea> <http://kg.test/o/partOf> <http://kg.test/e/ukraine> )>> <http://kg.test/doc/d1> .
<http://kg.test/r/2> <http://kg.test/o/sentence> "Ukraine still claims Crimea as part of its territory." <http://kg.test/doc/d1> .
<http://kg.test/e/putin> <http://www.w3.org/2000/01/rdf-schema#label> "Vladimir Putin" <http://kg.test/doc/d2> .
<http://kg.test/e/putin> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.test/o/Person> <http://kg.test/doc/d2> .
<http://kg.test/e/putin> <http://kg.test/o/leads> <http://kg.test/e/russia> <http://kg.test/doc/d2> .
<http://kg.test/e/russia> <http://www.w3.org/2000/01/rdf-schema#label> "Russia" <http://kg.test/doc/d2> .
"#;

/// A kg store (base `http://kg.test/`, so the graphs above are its document graphs `d1` and `d2`) holding
/// [`FIXTURE`] plus `extra` generated triples in the default graph.
pub fn fixture_store(extra: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let kg =
        kg::store::KgStore::open_with(dir.path(), Some("http://kg.test/")).expect("open store");
    assert_eq!(
        kg.namespaces().doc_graph("d1").as_str(),
        "http://kg.test/doc/d1"
    );
    let store = kg.inner();
    store
        .load_from_slice(oxigraph::io::RdfFormat::NQuads, FIXTURE)
        .expect("fixture parses");
    let generated: String = (0..extra)
        .map(|i| {
            format!(
                "<http://kg.test/n/{i}> <http://kg.test/o/next> <http://kg.test/n/{}> .\n",
                i + 1
            )
        })
        .collect();
    store
        .load_from_slice(oxigraph::io::RdfFormat::NTriples, generated.as_str())
        .expect("generated triples parse");
    store.flush().expect("flush");
    drop(kg);
    dir
}

/// A running `kg serve`, killed on drop.
pub struct Serve {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Serve {
    /// Starts `kg serve --store DIR --bind 127.0.0.1:0 ARGS...` and waits for its address.
    pub fn start(store: &std::path::Path, args: &[&str]) -> Self {
        Self::start_with_stderr(store, args, Stdio::null())
    }

    /// [`Serve::start`] with the server's standard error going to `stderr`.
    pub fn start_with_stderr(store: &std::path::Path, args: &[&str], stderr: Stdio) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
            .arg("serve")
            .arg("--store")
            .arg(store)
            .args(["--bind", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("kg serve starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("address line");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .expect("socket address");
        Serve { child, addr }
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("wait").is_none()
    }

    /// Asserts the process is still running and still answers.
    pub fn assert_alive(&mut self) {
        assert!(
            self.child.try_wait().expect("wait").is_none(),
            "the server process exited"
        );
        let (status, body) = get(self.addr, "/health");
        assert_eq!((status, body.as_str()), (200, "ok\n"));
    }

    /// Sends SIGINT and waits for a clean exit.
    pub fn interrupt(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill runs");
        for _ in 0..300 {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("kg serve did not stop after SIGINT");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends raw bytes and reads the whole answer (the request should carry `Connection: close`).
pub fn raw(addr: SocketAddr, request: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    parse_answer(&answer)
}

/// The status and body of a raw HTTP answer.
pub fn parse_answer(answer: &[u8]) -> (u16, String) {
    let text = String::from_utf8_lossy(answer);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

/// A GET with `Connection: close`.
pub fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    get_accept(addr, target, "*/*")
}

/// A GET with an `Accept` header and `Connection: close`.
pub fn get_accept(addr: SocketAddr, target: &str, accept: &str) -> (u16, String) {
    raw(
        addr,
        format!(
            "GET {target} HTTP/1.1\r\nHost: t\r\nAccept: {accept}\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    )
}

/// A POST with extra header lines (each ending in CRLF) and `Connection: close`.
pub fn post(addr: SocketAddr, path: &str, headers: &str, body: &[u8]) -> (u16, String) {
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: t\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    raw(addr, &request)
}

/// Percent-encodes a query parameter.
pub fn encode(text: &str) -> String {
    kg::push::percent_encode(text)
}

#[test]
fn the_sparql_protocol_answers_in_every_format() {
    let store = fixture_store(0);
    let mut server = Serve::start(store.path(), &[]);
    let addr = server.addr;
    // DISTINCT: oxigraph's union default graph keeps one copy per graph (the label is in both documents).
    let query = "SELECT DISTINCT ?label WHERE { <http://kg.test/e/russia> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";
    // GET, JSON by default; the default graph is the union of the document graphs.
    let (status, body) = get(addr, &format!("/query?query={}", encode(query)));
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON results");
    assert_eq!(json["results"]["bindings"][0]["label"]["value"], "Russia");
    // POST application/sparql-query, CSV.
    let (status, body) = post(
        addr,
        "/query",
        "Content-Type: application/sparql-query\r\nAccept: text/csv\r\n",
        query.as_bytes(),
    );
    assert_eq!((status, body.as_str()), (200, "label\r\nRussia\r\n"));
    // POST form, TSV; XML by Accept.
    let form = format!("query={}", encode(query));
    let (status, body) = post(
        addr,
        "/query",
        "Content-Type: application/x-www-form-urlencoded\r\nAccept: text/tab-separated-values\r\n",
        form.as_bytes(),
    );
    assert_eq!((status, body.as_str()), (200, "?label\n\"Russia\"\n"));
    let (status, body) = get_accept(
        addr,
        &format!("/query?query={}", encode(query)),
        "application/sparql-results+xml",
    );
    assert_eq!(status, 200);
    assert!(body.contains("<literal>Russia</literal>"), "{body}");
    // default-graph-uri narrows the default graph.
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let (_, body) = get_accept(
        addr,
        &format!(
            "/query?query={}&default-graph-uri={}",
            encode(count),
            encode("http://kg.test/doc/d2")
        ),
        "text/csv",
    );
    assert_eq!(body, "n\r\n4\r\n");
    // CONSTRUCT as Turtle, N-Triples and JSON-LD.
    let construct =
        "CONSTRUCT { ?s <http://kg.test/o/leads> ?o } WHERE { ?s <http://kg.test/o/leads> ?o }";
    let target = format!("/query?query={}", encode(construct));
    let (status, body) = get_accept(addr, &target, "application/n-triples");
    assert_eq!(status, 200);
    assert_eq!(
        body.trim(),
        "<http://kg.test/e/putin> <http://kg.test/o/leads> <http://kg.test/e/russia> ."
    );
    let (status, body) = get_accept(addr, &target, "text/turtle");
    assert_eq!(status, 200);
    assert!(body.contains("<http://kg.test/o/leads>"), "{body}");
    let (status, body) = get_accept(addr, &target, "application/ld+json");
    assert_eq!(status, 200);
    assert!(
        serde_json::from_str::<serde_json::Value>(&body).is_ok(),
        "{body}"
    );
    // ASK, and a format nobody offers.
    let (status, body) = get_accept(
        addr,
        &format!("/query?query={}", encode("ASK { ?s ?p ?o }")),
        "text/csv",
    );
    assert_eq!((status, body.trim()), (200, "true"));
    let (status, _) = get_accept(
        addr,
        &format!("/query?query={}", encode(query)),
        "image/png",
    );
    assert_eq!(status, 406);
    // A malformed query gets 400 with one line saying where.
    let (status, body) = get(
        addr,
        &format!("/query?query={}", encode("SELECT ?x WHERE { ?x ")),
    );
    assert_eq!(status, 400);
    assert!(
        body.starts_with("SPARQL syntax error at line 1, column 22"),
        "{body}"
    );
    assert_eq!(body.trim_end().lines().count(), 1, "{body}");
    let (status, _) = get(addr, "/query");
    assert_eq!(status, 400);
    server.assert_alive();
}

#[test]
fn graph_store_reads_and_path_traversal() {
    let store = fixture_store(3);
    let mut server = Serve::start(store.path(), &[]);
    let addr = server.addr;
    let (status, body) = get_accept(
        addr,
        &format!("/store?graph={}", encode("http://kg.test/doc/d2")),
        "application/n-triples",
    );
    assert_eq!(status, 200);
    assert_eq!(body.lines().count(), 4, "{body}");
    let (status, body) = get_accept(addr, "/store?default", "application/n-triples");
    assert_eq!((status, body.lines().count()), (200, 3));
    let (status, body) = get_accept(addr, "/store?graph=default", "application/n-triples");
    assert_eq!((status, body.lines().count()), (200, 3));
    let (status, body) = get_accept(addr, "/store", "application/n-quads");
    assert_eq!(status, 200);
    // The fixture, the default graph and the store's settings (its base IRI and layout version).
    assert_eq!(body.lines().count(), FIXTURE.trim().lines().count() + 3 + 2);
    let (status, _) = get(
        addr,
        &format!("/store?graph={}", encode("http://kg.test/doc/none")),
    );
    assert_eq!(status, 404);
    // Graph names are looked up in the store, never on disk; request paths never reach the file system.
    let hostile = [
        format!("/store?graph={}", encode("../../../../etc/passwd")),
        format!("/store?graph={}", encode("file:///etc/passwd")),
        format!(
            "/store?graph={}",
            encode("http://kg.test/doc/../../etc/passwd")
        ),
        "/../../../../etc/passwd".to_string(),
        "/assets/../../../../etc/passwd".to_string(),
        "/%2e%2e/%2e%2e/etc/passwd".to_string(),
        "/assets/..%2f..%2fCargo.toml".to_string(),
        "/assets/app.js/../../Cargo.toml".to_string(),
        "/src/server/mod.rs".to_string(),
    ];
    for target in &hostile {
        let (status, body) = get(addr, target);
        assert!(matches!(status, 400 | 404), "{target}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("[package]") && !body.contains("pub mod"),
            "{target}: {body}"
        );
    }
    let (status, page) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(page.contains("kg explorer"));
    server.assert_alive();
}

#[test]
fn writes_need_the_bearer_token() {
    let store = fixture_store(0);
    let insert = b"INSERT DATA { GRAPH <http://kg.test/doc/d3> { <http://kg.test/e/a> <http://kg.test/o/p> <http://kg.test/e/b> } }";
    let sparql_update = "Content-Type: application/sparql-update\r\n";
    {
        let mut server = Serve::start(store.path(), &[]);
        let (status, body) = post(server.addr, "/update", sparql_update, insert);
        assert_eq!(status, 401, "{body}");
        let (status, _) = post(
            server.addr,
            "/documents",
            "Content-Type: application/x-ndjson\r\n",
            b"{}",
        );
        assert_eq!(status, 401);
        server.assert_alive();
    }
    let mut server = Serve::start(store.path(), &["--update-token", "s3cret"]);
    let addr = server.addr;
    let (status, _) = post(addr, "/update", sparql_update, insert);
    assert_eq!(status, 401);
    let (status, _) = post(
        addr,
        "/update",
        &format!("{sparql_update}Authorization: Bearer wrong\r\n"),
        insert,
    );
    assert_eq!(status, 401);
    let (status, body) = post(
        addr,
        "/update",
        &format!("{sparql_update}Authorization: Bearer s3cret\r\n"),
        insert,
    );
    assert_eq!(status, 200, "{body}");
    let form = format!(
        "update={}",
        encode(
            "DELETE DATA { GRAPH <http://kg.test/doc/d3> { <http://kg.test/e/a> <http://kg.test/o/p> <http://kg.test/e/b> } }"
        )
    );
    let (status, _) = post(
        addr,
        "/update",
        "Content-Type: application/x-www-form-urlencoded\r\nAuthorization: Bearer s3cret\r\n",
        form.as_bytes(),
    );
    assert_eq!(status, 200);
    let (status, body) = post(
        addr,
        "/update",
        &format!("{sparql_update}Authorization: Bearer s3cret\r\n"),
        b"INSERT DATA {",
    );
    assert_eq!(status, 400, "{body}");
    // LOAD cannot read local files.
    let (status, _) = post(
        addr,
        "/update",
        &format!("{sparql_update}Authorization: Bearer s3cret\r\n"),
        b"LOAD <file:///etc/passwd> INTO GRAPH <http://kg.test/x>",
    );
    assert_ne!(status, 200);
    let (_, body) = get_accept(
        addr,
        &format!(
            "/query?query={}",
            encode("SELECT * { GRAPH <http://kg.test/x> { ?s ?p ?o } }")
        ),
        "text/csv",
    );
    assert_eq!(body.lines().count(), 1, "only the header: {body}");
    server.assert_alive();
}

#[test]
fn documents_are_ingested_through_the_pipeline() {
    let store = fixture_store(0);
    let mut server = Serve::start(store.path(), &["--update-token", "tok"]);
    let addr = server.addr;
    let auth = "Content-Type: application/x-ndjson\r\nAuthorization: Bearer tok\r\n";
    for bad in [&b""[..], b"not json", b"{\"id\":\"x\"}", b"\xff\xfe"] {
        let (status, body) = post(addr, "/documents", auth, bad);
        assert_eq!(status, 400, "{body}");
    }
    let doc = br#"{"id":"posted-1","text":"Russia annexed Crimea in 2014. Ukraine condemned the annexation.","date":"2014-03-18"}"#;
    let (status, body) = post(addr, "/documents", auth, doc);
    match status {
        // The pipeline is in this build: the document has its graph now.
        200 => {
            let (status, _) = get(
                addr,
                &format!("/store?graph={}", encode("http://kg.test/doc/posted-1")),
            );
            assert_eq!(status, 200, "{body}");
        }
        // A build without the analysis stage says so instead of pretending.
        501 => assert!(body.contains("not available"), "{body}"),
        other => panic!("unexpected {other}: {body}"),
    }
    server.assert_alive();
}

#[test]
fn oversized_bodies_are_refused_without_reading_them() {
    let store = fixture_store(0);
    let mut server = Serve::start(store.path(), &["--max-body", "1K"]);
    let addr = server.addr;
    // A declared 100 GB body: refused from the headers alone.
    let (status, _) = raw(
        addr,
        b"POST /query HTTP/1.1\r\nHost: t\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000000000\r\n\r\n",
    );
    assert_eq!(status, 413);
    let (status, _) = raw(
        addr,
        b"POST /query HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999999999\r\n\r\n",
    );
    assert_eq!(status, 413);
    // A real body over the limit, and a chunked one.
    let (status, _) = post(
        addr,
        "/query",
        "Content-Type: application/sparql-query\r\n",
        &vec![b' '; 4096],
    );
    assert_eq!(status, 413);
    let mut chunked = b"POST /query HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..10 {
        chunked.extend_from_slice(b"200\r\n");
        chunked.extend_from_slice(&[b' '; 0x200]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(raw(addr, &chunked).0, 413);
    // Huge heads.
    let long_header = format!("GET / HTTP/1.1\r\nX-Junk: {}\r\n\r\n", "a".repeat(200_000));
    assert_eq!(raw(addr, long_header.as_bytes()).0, 431);
    let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(500));
    assert_eq!(raw(addr, many.as_bytes()).0, 431);
    // A small chunked body under the limit works.
    let query = "ASK { ?s ?p ?o }";
    let small = format!(
        "POST /query HTTP/1.1\r\nHost: t\r\nContent-Type: application/sparql-query\r\nAccept: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{query}\r\n0\r\n\r\n",
        query.len()
    );
    let (status, body) = raw(addr, small.as_bytes());
    assert_eq!((status, body.trim()), (200, "true"));
    server.assert_alive();
}

#[test]
fn slow_and_idle_clients_do_not_block_others() {
    let store = fixture_store(20_000);
    let mut server = Serve::start(store.path(), &["--client-timeout", "1", "--workers", "2"]);
    let addr = server.addr;
    // Clients that connect and send nothing, half a head, or half a body.
    let mut idle: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(addr).expect("connect"))
        .collect();
    let mut half_head = TcpStream::connect(addr).unwrap();
    half_head.write_all(b"GET /query?query=ASK").unwrap();
    let mut half_body = TcpStream::connect(addr).unwrap();
    half_body
        .write_all(b"POST /query HTTP/1.1\r\nHost: t\r\nContent-Type: application/sparql-query\r\nContent-Length: 500\r\n\r\nASK")
        .unwrap();
    // A client that asks for a large answer and never reads it.
    let mut no_reader = TcpStream::connect(addr).unwrap();
    no_reader
        .write_all(b"GET /store?format=nq HTTP/1.1\r\nHost: t\r\n\r\n")
        .unwrap();
    // Everyone else is served meanwhile.
    for _ in 0..20 {
        let (status, _) = get(
            addr,
            &format!("/query?query={}", encode("ASK { ?s ?p ?o }")),
        );
        assert_eq!(status, 200);
    }
    // The slow ones are answered 408 once their time is up.
    for slow in [&mut half_head, &mut half_body] {
        slow.set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut answer = Vec::new();
        let _ = slow.read_to_end(&mut answer);
        assert_eq!(parse_answer(&answer).0, 408);
    }
    idle.clear();
    server.assert_alive();
}

#[test]
fn invalid_utf8_anywhere_is_a_bad_request() {
    let store = fixture_store(0);
    let mut server = Serve::start(store.path(), &[]);
    let addr = server.addr;
    let cases: [&[u8]; 4] = [
        b"GET /\xff\xfe HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET / HTTP/1.1\r\nX-Bad: \xc3\x28\r\nConnection: close\r\n\r\n",
        b"GET /query?query=%FF%FE HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"POST /query HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\xff\xfe\xfd\xfc",
    ];
    for case in cases {
        assert_eq!(
            raw(addr, case).0,
            400,
            "{:?}",
            String::from_utf8_lossy(case)
        );
    }
    let (status, _) = raw(
        addr,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
    );
    assert_eq!(status, 400);
    server.assert_alive();
}

#[test]
fn endless_and_oversized_queries_are_stopped() {
    let store = fixture_store(400);
    let mut server = Serve::start(store.path(), &["--timeout", "1", "--max-results", "50"]);
    let addr = server.addr;
    let endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let (status, body) = get(addr, &format!("/query?query={}", encode(endless)));
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("time limit"), "{body}");
    let path = "SELECT * WHERE { ?a (<http://kg.test/o/next>|^<http://kg.test/o/next>)* ?b . ?c (<http://kg.test/o/next>|^<http://kg.test/o/next>)* ?d }";
    let (status, _) = get(addr, &format!("/query?query={}", encode(path)));
    assert!(matches!(status, 503 | 422), "{status}");
    let (status, body) = get(
        addr,
        &format!("/query?query={}", encode("SELECT * WHERE { ?s ?p ?o }")),
    );
    assert_eq!(status, 422);
    assert!(body.contains("limit of 50"), "{body}");
    let deep = format!(
        "SELECT * WHERE {}{}",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    let (status, _) = post(
        addr,
        "/query",
        "Content-Type: application/sparql-query\r\n",
        deep.as_bytes(),
    );
    assert_eq!(status, 400);
    let parens = format!(
        "ASK {{ FILTER({}1{}) }}",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    let (status, _) = post(
        addr,
        "/query",
        "Content-Type: application/sparql-query\r\n",
        parens.as_bytes(),
    );
    assert_eq!(status, 400);
    server.assert_alive();
    let (status, _) = get(
        addr,
        &format!("/query?query={}", encode("ASK { ?s ?p ?o }")),
    );
    assert_eq!(status, 200);
}

#[test]
fn concurrent_readers_and_keep_alive() {
    let store = fixture_store(50);
    let server = Serve::start(store.path(), &[]);
    let addr = server.addr;
    let threads: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                // Keep-alive: many requests on one connection.
                let mut stream = TcpStream::connect(addr).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(30)))
                    .unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                for i in 0..25 {
                    let query = encode(&format!(
                        "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} # {t} {i}"
                    ));
                    write!(
                        stream,
                        "GET /query?query={query} HTTP/1.1\r\nHost: t\r\nAccept: text/csv\r\n\r\n"
                    )
                    .unwrap();
                    let mut status = String::new();
                    reader.read_line(&mut status).unwrap();
                    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
                    let mut length = 0;
                    loop {
                        let mut line = String::new();
                        reader.read_line(&mut line).unwrap();
                        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                            length = v.trim().parse().unwrap();
                        }
                        if line == "\r\n" {
                            break;
                        }
                    }
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).unwrap();
                    // The fixture, the generated triples and the store's settings (base, layout).
                    assert_eq!(
                        String::from_utf8(body).unwrap(),
                        format!("n\r\n{}\r\n", FIXTURE.trim().lines().count() + 50 + 2)
                    );
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("client thread");
    }
    let status = server.interrupt();
    assert!(status.success(), "kg serve exited with {status}");
}
