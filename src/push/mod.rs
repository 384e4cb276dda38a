//! Sending the store to an external SPARQL 1.1 store: each document graph replaces its namesake there, with
//! the Graph Store HTTP Protocol (one `PUT` per graph) or SPARQL Update (`DROP SILENT GRAPH` then
//! `INSERT DATA`, several graphs per request). Either way a push is idempotent: running it twice leaves the
//! same data. Failed requests are retried with exponential backoff; 4xx answers other than 408 and 429 are not.

pub mod classic;

use crate::store::KgStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Triple};
use std::time::Duration;

/// Why a push failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// Reading the local store failed.
    #[error("cannot read the store: {0}")]
    Store(String),
    /// A document asked for has no graph in the store.
    #[error("no graph for document {0:?} in the store")]
    UnknownDocument(String),
    /// The remote store refused or kept failing.
    #[error("{method} {url} failed after {attempts} attempt(s): {reason}")]
    Remote {
        /// The HTTP method.
        method: &'static str,
        /// The URL.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last status and body, or the connection error.
        reason: String,
    },
    /// Bad settings (an endpoint that is not http://, a malformed --auth).
    #[error("{0}")]
    Config(String),
}

/// How statements about triples are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reification {
    /// RDF 1.2 triple terms (`rdf:reifies <<( s p o )>>`).
    Rdf12,
    /// RDF 1.1 `rdf:Statement` reification (see [`classic`]).
    Classic,
}

/// Credentials for the remote store.
#[derive(Clone)]
pub enum Auth {
    /// HTTP basic authentication.
    Basic {
        /// User name.
        user: String,
        /// Password.
        password: String,
    },
    /// A bearer token.
    Bearer(String),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Auth::Basic { .. } => "Basic(<hidden>)",
            Auth::Bearer(_) => "Bearer(<hidden>)",
        })
    }
}

impl Auth {
    /// Parses `user:pass`.
    pub fn basic(spec: &str) -> Result<Self, PushError> {
        let (user, password) = spec
            .split_once(':')
            .ok_or_else(|| PushError::Config("--auth takes USER:PASS".into()))?;
        Ok(Auth::Basic {
            user: user.into(),
            password: password.into(),
        })
    }

    fn header(&self) -> String {
        match self {
            Auth::Basic { user, password } => {
                format!("Basic {}", base64(format!("{user}:{password}").as_bytes()))
            }
            Auth::Bearer(token) => format!("Bearer {token}"),
        }
    }
}

/// Where and how graphs are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushTarget {
    /// A SPARQL 1.1 Update endpoint: `DROP SILENT GRAPH` and `INSERT DATA`, a batch of graphs per request.
    Update(String),
    /// A Graph Store HTTP Protocol endpoint: one idempotent `PUT` per graph.
    GraphStore(String),
}

impl PushTarget {
    /// The endpoint's URL.
    pub fn url(&self) -> &str {
        match self {
            PushTarget::Update(url) | PushTarget::GraphStore(url) => url,
        }
    }
}

/// Push settings.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The endpoint and its protocol.
    pub target: PushTarget,
    /// Credentials.
    pub auth: Option<Auth>,
    /// Reification style.
    pub reification: Reification,
    /// Graphs per SPARQL Update request.
    pub batch: usize,
    /// Retries per request.
    pub retries: u32,
    /// First backoff delay; doubled after each failure (capped at 30 s).
    pub backoff: Duration,
    /// Timeout of one request.
    pub timeout: Duration,
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushReport {
    /// Graphs sent.
    pub graphs: usize,
    /// Triples sent (after reification rewriting).
    pub triples: usize,
    /// HTTP requests that succeeded.
    pub requests: usize,
    /// Failed attempts that were retried.
    pub retries: usize,
}

/// The graphs to push: every document graph plus the ontology and inferred graphs (not the store's settings),
/// or only the graphs of the given documents. A document is named by its id or by its graph IRI.
pub fn select_graphs(store: &KgStore, docs: &[String]) -> Result<Vec<NamedNode>, PushError> {
    let ns = store.namespaces();
    let err = |e: crate::store::StoreError| PushError::Store(e.to_string());
    let exists = |g: &NamedNode| {
        store
            .inner()
            .contains_named_graph(g)
            .map_err(|e| PushError::Store(e.to_string()))
    };
    if docs.is_empty() {
        let mut graphs: Vec<NamedNode> = store
            .documents()
            .map_err(err)?
            .iter()
            .map(|id| ns.doc_graph(id))
            .collect();
        for extra in [ns.ontology_graph(), ns.inferred_graph()] {
            if exists(&extra)? {
                graphs.push(extra);
            }
        }
        return Ok(graphs);
    }
    docs.iter()
        .map(|doc| {
            let by_id = ns.doc_graph(doc);
            if exists(&by_id)? {
                return Ok(by_id);
            }
            match NamedNode::new(doc.as_str()) {
                Ok(iri) if exists(&iri)? => Ok(iri),
                _ => Err(PushError::UnknownDocument(doc.clone())),
            }
        })
        .collect()
}

/// Sends `graphs` from `store`. `progress` hears one line per request.
pub fn push(
    store: &KgStore,
    graphs: &[NamedNode],
    options: &PushOptions,
    mut progress: impl FnMut(&str),
) -> Result<PushReport, PushError> {
    let url = options.target.url();
    if !url.starts_with("http://") {
        return Err(PushError::Config(format!(
            "{url}: only http:// endpoints are supported (this build has no TLS); use a local proxy for https"
        )));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let client = Client {
        agent,
        options,
        report: PushReport::default(),
    };
    let mut client = client;
    match &options.target {
        PushTarget::GraphStore(graph_store) => {
            for graph in graphs {
                let (body, triples) = graph_ntriples(store, graph, options.reification)?;
                let url = format!(
                    "{graph_store}{}graph={}",
                    separator(graph_store),
                    percent_encode(graph.as_str())
                );
                client.send("PUT", &url, "application/n-triples", body)?;
                client.report.graphs += 1;
                client.report.triples += triples;
                progress(&format!("PUT <{}>: {triples} triples", graph.as_str()));
            }
        }
        PushTarget::Update(endpoint) => {
            for chunk in graphs.chunks(options.batch.max(1)) {
                let mut update = String::new();
                let mut triples = 0;
                for graph in chunk {
                    let (body, n) = graph_ntriples(store, graph, options.reification)?;
                    let body =
                        String::from_utf8(body).map_err(|e| PushError::Store(e.to_string()))?;
                    update.push_str(&format!(
                        "DROP SILENT GRAPH <{0}> ;\nINSERT DATA {{ GRAPH <{0}> {{\n{body}}} }} ;\n",
                        graph.as_str()
                    ));
                    triples += n;
                }
                client.send(
                    "POST",
                    endpoint,
                    "application/sparql-update",
                    update.into_bytes(),
                )?;
                client.report.graphs += chunk.len();
                client.report.triples += triples;
                progress(&format!(
                    "update: {} graph(s), {triples} triples",
                    chunk.len()
                ));
            }
        }
    }
    Ok(client.report)
}

struct Client<'a> {
    agent: ureq::Agent,
    options: &'a PushOptions,
    report: PushReport,
}

impl Client<'_> {
    /// Sends one request, retrying connection errors, 408, 429 and 5xx with exponential backoff.
    fn send(
        &mut self,
        method: &'static str,
        url: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<(), PushError> {
        let mut delay = self.options.backoff;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut request = match method {
                "PUT" => ureq::http::Request::put(url),
                _ => ureq::http::Request::post(url),
            }
            .header("Content-Type", content_type);
            if let Some(auth) = &self.options.auth {
                request = request.header("Authorization", auth.header());
            }
            let outcome = request
                .body(body.clone())
                .map_err(|e| PushError::Config(format!("{url}: {e}")))
                .map(|request| self.agent.run(request));
            let (retry, reason) = match outcome? {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    if (200..300).contains(&status) {
                        self.report.requests += 1;
                        return Ok(());
                    }
                    let text = response.body_mut().read_to_string().unwrap_or_default();
                    let text: String = text.chars().take(500).collect();
                    (
                        status >= 500 || status == 408 || status == 429,
                        format!("HTTP {status}: {}", text.trim()),
                    )
                }
                Err(err) => (true, err.to_string()),
            };
            if !retry || attempt > self.options.retries {
                return Err(PushError::Remote {
                    method,
                    url: url.to_string(),
                    attempts: attempt,
                    reason,
                });
            }
            self.report.retries += 1;
            std::thread::sleep(delay);
            delay = (delay * 2).min(Duration::from_secs(30));
        }
    }
}

/// A graph as N-Triples (RDF 1.2 or rewritten classically) and its triple count.
fn graph_ntriples(
    store: &KgStore,
    graph: &NamedNode,
    reification: Reification,
) -> Result<(Vec<u8>, usize), PushError> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut count = 0;
    // Triple terms without a reifier of their own get the store's deterministic statement IRI, as in
    // `kg export --reification classic`, so that pushes and exports agree.
    let statement = |t: &Triple| NamedOrBlankNode::from(store.namespaces().statement(t));
    for quad in store.inner().quads_for_pattern(
        None,
        None,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        let quad = quad.map_err(|e| PushError::Store(e.to_string()))?;
        let triple = Triple::from(quad);
        let triples = match reification {
            Reification::Rdf12 => vec![triple],
            Reification::Classic => classic::to_classic(&triple, &statement),
        };
        for triple in &triples {
            serializer
                .serialize_triple(triple)
                .map_err(|e| PushError::Store(e.to_string()))?;
            count += 1;
        }
    }
    let body = serializer
        .finish()
        .map_err(|e| PushError::Store(e.to_string()))?;
    Ok((body, count))
}

fn separator(url: &str) -> char {
    if url.contains('?') { '&' } else { '?' }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("user:pa ss", "dXNlcjpwYSBzcw=="),
        ];
        for (text, encoded) in cases {
            assert_eq!(base64(text.as_bytes()), encoded, "{text}");
        }
    }

    #[test]
    fn percent_encoding_keeps_unreserved_only() {
        assert_eq!(
            percent_encode("http://e/doc 1?x=é"),
            "http%3A%2F%2Fe%2Fdoc%201%3Fx%3D%C3%A9"
        );
        assert_eq!(percent_encode("a-b_c.d~"), "a-b_c.d~");
    }

    #[test]
    fn documents_select_their_graphs() {
        let store = KgStore::in_memory(Some("http://kg.test/")).unwrap();
        let ns = store.namespaces().clone();
        for id in ["seed-1", "my doc"] {
            let g = ns.doc_graph(id);
            store
                .inner()
                .insert(oxigraph::model::QuadRef::new(
                    g.as_ref(),
                    g.as_ref(),
                    g.as_ref(),
                    g.as_ref(),
                ))
                .unwrap();
        }
        let iris = |docs: &[&str]| {
            select_graphs(
                &store,
                &docs.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            )
            .map(|gs| {
                gs.iter()
                    .map(|g| g.as_str().to_string())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            iris(&[]).unwrap().len(),
            2,
            "the settings graph is not pushed"
        );
        assert_eq!(
            iris(&["seed-1"]).unwrap(),
            vec![ns.doc_graph("seed-1").as_str().to_string()]
        );
        assert_eq!(
            iris(&["my doc"]).unwrap(),
            vec![ns.doc_graph("my doc").as_str().to_string()]
        );
        let full = ns.doc_graph("seed-1").as_str().to_string();
        assert_eq!(iris(&[full.as_str()]).unwrap(), vec![full.clone()]);
        assert!(matches!(
            iris(&["ed-1"]),
            Err(PushError::UnknownDocument(_))
        ));
    }
}
