//! `kg push` against a real SPARQL 1.1 store started on loopback: oxigraph's own server (`pip install
//! oxigraph`). Skipped, with a message, where the `oxigraph` command is missing.

use super::server::{FIXTURE, fixture_store};
use std::collections::BTreeSet;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// `oxigraph serve` on a free loopback port, killed on drop.
struct Remote {
    child: Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Remote {
    fn start() -> Option<Self> {
        let available = Command::new("oxigraph")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !available {
            eprintln!("skipped: the `oxigraph` server is not installed (pip install oxigraph)");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port");
        let child = Command::new("oxigraph")
            .args(["serve", "--location"])
            .arg(dir.path())
            .args(["--bind", &addr.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oxigraph serve starts");
        let remote = Remote {
            child,
            addr,
            _dir: dir,
        };
        for _ in 0..200 {
            if TcpStream::connect(addr).is_ok() {
                return Some(remote);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("oxigraph serve did not start on {addr}");
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The remote dataset as a set of N-Quads lines.
    fn quads(&self) -> BTreeSet<String> {
        let body = http(
            self.addr,
            "GET",
            "/store",
            "Accept: application/n-quads\r\n",
            b"",
        );
        body.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    }

    fn ask(&self, query: &str) -> bool {
        let body = http(
            self.addr,
            "POST",
            "/query",
            "Content-Type: application/sparql-query\r\nAccept: application/sparql-results+json\r\n",
            query.as_bytes(),
        );
        body.contains("\"boolean\":true")
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP exchange with the remote store; returns the body.
fn http(addr: SocketAddr, method: &str, path: &str, headers: &str, body: &[u8]) -> String {
    let mut request = ureq::http::Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    for line in headers.split("\r\n").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').expect("header line");
        request = request.header(name.trim(), value.trim());
    }
    let mut response =
        ureq::run(request.body(body.to_vec()).expect("request")).expect("remote answers");
    response.body_mut().read_to_string().expect("body")
}

fn kg_push(store: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("push")
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("kg push runs")
}

fn local_quads() -> BTreeSet<String> {
    FIXTURE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn graph_store_push_is_complete_and_idempotent() {
    let Some(remote) = Remote::start() else {
        return;
    };
    let store = fixture_store(0);
    let (update, gsp) = (remote.url("/update"), remote.url("/store"));
    let out = kg_push(store.path(), &["--graph-store", &gsp]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(remote.quads(), local_quads());
    // Someone adds to a document graph remotely; pushing that document again replaces the graph whole.
    http(
        remote.addr,
        "POST",
        "/update",
        "Content-Type: application/sparql-update\r\n",
        b"INSERT DATA { GRAPH <http://kg.test/doc/d1> { <http://kg.test/e/x> <http://kg.test/o/p> <http://kg.test/e/y> } }",
    );
    assert_eq!(remote.quads().len(), local_quads().len() + 1);
    let out = kg_push(store.path(), &["--graph-store", &gsp, "--doc", "d1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(remote.quads(), local_quads());
    let out = kg_push(store.path(), &["--graph-store", &gsp]);
    assert!(out.status.success());
    assert_eq!(
        remote.quads(),
        local_quads(),
        "a second push changes nothing"
    );
    let out = kg_push(
        store.path(),
        &["--endpoint", &update, "--doc", "no-such-doc"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no graph for document"));
}

#[test]
fn sparql_update_push_in_batches_and_classic_reification() {
    let Some(remote) = Remote::start() else {
        return;
    };
    let store = fixture_store(0);
    let update = remote.url("/update");
    for _ in 0..2 {
        let out = kg_push(store.path(), &["--endpoint", &update, "--batch", "1"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(remote.quads(), local_quads());
    }
    let out = kg_push(
        store.path(),
        &["--endpoint", &update, "--reification", "classic"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rdf = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>";
    assert!(!remote.ask(&format!("{rdf} ASK {{ GRAPH ?g {{ ?r rdf:reifies ?t }} }}")));
    assert!(remote.ask(&format!(
        "{rdf} ASK {{ GRAPH <http://kg.test/doc/d1> {{ <http://kg.test/r/1> a rdf:Statement ; \
         rdf:subject <http://kg.test/e/russia> ; rdf:predicate <http://kg.test/o/controls> ; \
         rdf:object <http://kg.test/e/crimea> ; <http://kg.test/o/sentence> ?s }} }}"
    )));
    // Each rdf:reifies triple became four.
    assert_eq!(remote.quads().len(), local_quads().len() + 2 * 3);
}

#[test]
fn an_unreachable_store_fails_after_retries() {
    let store = fixture_store(0);
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    let out = kg_push(
        store.path(),
        &[
            "--endpoint",
            &format!("http://{port}/update"),
            "--retries",
            "2",
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("after 3 attempt(s)"), "{stderr}");
    let out = kg_push(
        store.path(),
        &["--endpoint", "https://example.invalid/update"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("only http://"));
}

/// `kg push --graph-store URL` alone works as the README shows it (it once also demanded `--endpoint`);
/// exactly one endpoint, of either kind, is asked for.
#[test]
fn push_takes_exactly_one_endpoint_of_either_kind() {
    let store = fixture_store(0);
    let none = kg_push(store.path(), &[]);
    assert!(!none.status.success());
    let err = String::from_utf8_lossy(&none.stderr);
    assert!(
        err.contains("--endpoint") && err.contains("--graph-store"),
        "{err}"
    );
    let both = kg_push(
        store.path(),
        &[
            "--endpoint",
            "http://127.0.0.1:9/update",
            "--graph-store",
            "http://127.0.0.1:9/store",
        ],
    );
    assert!(!both.status.success());
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be used with"));
    // The graph store alone is accepted: the command gets past argument parsing to the endpoint check.
    let alone = kg_push(
        store.path(),
        &["--graph-store", "https://127.0.0.1:9/store"],
    );
    let err = String::from_utf8_lossy(&alone.stderr);
    assert!(err.contains("only http:// endpoints"), "{err}");
}
