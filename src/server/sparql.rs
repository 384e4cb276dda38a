//! SPARQL query and update execution under a time limit, a memory limit and a result-size limit, serialized
//! whole so that a limit hit halfway still gives the client a clean error status instead of a truncated 200.
//!
//! Queries are parsed as `kg query` parses them ([`crate::store::parse_union_query`]: the store's prefixes
//! predeclared, the union of the graphs read as one graph) and evaluated by [`crate::store::guard::evaluate`],
//! which stops at the token's cancel in any operator. The [`Watchdog`] cancels a query at its deadline, when
//! the process grew by more than the memory limit while it ran, or at shutdown.

use super::http::Response;
use super::negotiate::{self, GRAPH_OFFERS, RESULT_OFFERS};
pub use super::watchdog::{StopReason, Ticket, Watchdog, default_query_memory};
use crate::store::SparqlTextError;
use crate::store::guard::{self, Stopped};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::time::{Duration, Instant};

/// Deepest bracket nesting accepted in a query or update: the parser and evaluator recurse over it, and a
/// stack overflow would abort the whole server.
pub const MAX_NESTING: usize = 64;

/// Per-query limits.
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    /// Wall-clock time for evaluation and serialization.
    pub timeout: Duration,
    /// Rows (SELECT) or triples (CONSTRUCT, DESCRIBE, graph reads) at most.
    pub max_results: usize,
    /// Bytes the server's resident memory may grow by while one query runs (`None`: unbounded); see
    /// [`default_query_memory`].
    pub max_memory: Option<u64>,
}

/// A SPARQL Protocol query request.
#[derive(Debug, Default)]
pub struct QueryRequest<'a> {
    /// The query text.
    pub query: &'a str,
    /// `default-graph-uri` parameters.
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` parameters.
    pub named_graphs: Vec<String>,
    /// The `Accept` header.
    pub accept: Option<&'a str>,
    /// A `format` parameter overriding `Accept`.
    pub format: Option<&'a str>,
}

/// The deepest nesting of `{`, `(` and `[` outside string literals and comments (an over-estimate is harmless:
/// it only serves to refuse absurd inputs).
pub fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            quote @ (b'"' | b'\'') => {
                let long = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
                i += if long { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == quote
                        && (!long
                            || (bytes.get(i + 1) == Some(&quote)
                                && bytes.get(i + 2) == Some(&quote)))
                    {
                        i += if long { 2 } else { 0 };
                        break;
                    }
                    i += 1;
                }
            }
            // A comment starts at `#` after whitespace or at the start (in IRIs `#` follows other characters).
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    max
}

fn check_nesting(text: &str) -> Result<(), Response> {
    let depth = nesting_depth(text);
    if depth > MAX_NESTING {
        return Err(Response::text(
            400,
            format!("query nesting depth {depth} exceeds the limit of {MAX_NESTING}"),
        ));
    }
    Ok(())
}

fn graph_names(iris: &[String]) -> Result<Vec<NamedNode>, Response> {
    iris.iter()
        .map(|iri| {
            NamedNode::new(iri.as_str())
                .map_err(|e| Response::text(400, format!("invalid graph IRI <{iri}>: {e}")))
        })
        .collect()
}

fn timeout_response(limits: &QueryLimits) -> Response {
    Response::text(
        503,
        format!(
            "query stopped: it ran past the time limit of {:.1} s (narrow it, or raise --timeout)",
            limits.timeout.as_secs_f64()
        ),
    )
    .with_header("X-Kg-Limit", "time")
}

/// The answer to a query stopped by its ticket's token.
fn stopped_response(ticket: &Ticket, limits: &QueryLimits) -> Response {
    match ticket.stopped() {
        Some(StopReason::Memory) => Response::text(
            503,
            format!(
                "query stopped: it needed more than the memory limit of {} MB (narrow it, add LIMIT, or raise --query-memory)",
                limits.max_memory.unwrap_or(0) >> 20
            ),
        )
        .with_header("X-Kg-Limit", "memory"),
        Some(StopReason::Shutdown) => {
            Response::text(503, "query stopped: the server is shutting down")
                .with_header("Retry-After", "5")
        }
        Some(StopReason::Time) | None => timeout_response(limits),
    }
}

fn too_many_response(limits: &QueryLimits) -> Response {
    Response::text(
        422,
        format!(
            "query result exceeds the limit of {} rows or triples (add LIMIT, or raise --max-results)",
            limits.max_results
        ),
    )
    .with_header("X-Kg-Limit", "results")
}

/// A query or update text that does not parse: 400 and one line.
pub fn syntax_response(err: &SparqlTextError) -> Response {
    let hint = match err {
        SparqlTextError::UpdateNotQuery { .. } => {
            ": POST updates to /update (with the update token)"
        }
        SparqlTextError::QueryNotUpdate { .. } => ": send queries to /query",
        _ => "",
    };
    Response::text(400, format!("{err}{hint}"))
}

fn evaluation_error(err: QueryEvaluationError, ticket: &Ticket, limits: &QueryLimits) -> Response {
    match err {
        QueryEvaluationError::Cancelled => stopped_response(ticket, limits),
        QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_)
        | QueryEvaluationError::Service(_) => Response::text(
            400,
            format!(
                "SERVICE is not supported by this endpoint: {}",
                one_line(&err)
            ),
        ),
        err => Response::text(500, format!("query evaluation failed: {}", one_line(&err))),
    }
}

/// An error's message on one line.
fn one_line(err: &dyn std::fmt::Display) -> String {
    err.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a query over `store` with `prefixes` predeclared: the default graph is the union of all graphs, read
/// as one graph (as `kg query` reads it), unless `default-graph-uri` is given.
pub fn query(
    store: &Store,
    request: &QueryRequest<'_>,
    prefixes: &[(&str, String)],
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Response {
    match run_query(store, request, prefixes, limits, watchdog) {
        Ok(response) | Err(response) => response,
    }
}

fn run_query(
    store: &Store,
    request: &QueryRequest<'_>,
    prefixes: &[(&str, String)],
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Result<Response, Response> {
    check_nesting(request.query)?;
    let parsed = crate::store::parse_union_query(request.query, prefixes)
        .map_err(|e| syntax_response(&e))?;
    let ticket = watchdog.register(limits.timeout);
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(ticket.token.clone())
        .for_query(parsed);
    let dataset = prepared.dataset_mut();
    if request.default_graphs.is_empty() {
        dataset.set_default_graph_as_union();
    } else {
        let graphs = graph_names(&request.default_graphs)?;
        dataset.set_default_graph(graphs.into_iter().map(GraphName::from).collect());
    }
    if !request.named_graphs.is_empty() {
        let graphs = graph_names(&request.named_graphs)?;
        dataset
            .set_available_named_graphs(graphs.into_iter().map(NamedOrBlankNode::from).collect());
    }
    let serialized = guard::evaluate(store, prepared, &ticket.token, |results| {
        let results = results.map_err(|e| evaluation_error(e, &ticket, limits))?;
        serialize(results, request, limits, &ticket)
    });
    match serialized {
        Ok(response) => response,
        Err(Stopped) => Err(stopped_response(&ticket, limits)),
    }
}

fn serialize(
    results: QueryResults<'_>,
    request: &QueryRequest<'_>,
    limits: &QueryLimits,
    ticket: &Ticket,
) -> Result<Response, Response> {
    let over_time = || Instant::now() >= ticket.deadline;
    let io_error =
        |e: std::io::Error| Response::text(500, format!("cannot serialize the results: {e}"));
    match results {
        QueryResults::Boolean(value) => {
            let format = result_format(request)?;
            let body = QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map_err(io_error)?;
            Ok(Response::new(200, result_media_type(format), body))
        }
        QueryResults::Solutions(solutions) => {
            let format = result_format(request)?;
            let mut serializer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                .map_err(io_error)?;
            for (count, solution) in solutions.enumerate() {
                let solution = solution.map_err(|e| evaluation_error(e, ticket, limits))?;
                if count >= limits.max_results {
                    return Err(too_many_response(limits));
                }
                if over_time() {
                    return Err(timeout_response(limits));
                }
                serializer.serialize(&solution).map_err(io_error)?;
            }
            let body = serializer.finish().map_err(io_error)?;
            Ok(Response::new(200, result_media_type(format), body))
        }
        QueryResults::Graph(triples) => {
            let format = graph_format(request)?;
            let mut serializer =
                prefixed(RdfSerializer::from_format(format)).for_writer(Vec::new());
            for (count, triple) in triples.enumerate() {
                let triple = triple.map_err(|e| evaluation_error(e, ticket, limits))?;
                if count >= limits.max_results {
                    return Err(too_many_response(limits));
                }
                if over_time() {
                    return Err(timeout_response(limits));
                }
                serializer
                    .serialize_triple(&triple)
                    .map_err(|e| unserializable(e, format))?;
            }
            let body = serializer.finish().map_err(|e| unserializable(e, format))?;
            Ok(Response::new(200, negotiate::rdf_media_type(format), body))
        }
    }
}

/// An RDF serializer error: JSON-LD and RDF/XML cannot carry RDF 1.2 triple terms.
pub fn unserializable(err: std::io::Error, format: RdfFormat) -> Response {
    Response::text(
        406,
        format!(
            "cannot write this graph as {}: {err} (ask for text/turtle or application/n-triples)",
            format.name()
        ),
    )
}

/// The usual prefixes, so Turtle and TriG output reads well.
pub fn prefixed(serializer: RdfSerializer) -> RdfSerializer {
    let prefixes = [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ];
    prefixes.into_iter().fold(serializer, |s, (name, iri)| {
        s.clone().with_prefix(name, iri).unwrap_or(s)
    })
}

fn result_media_type(format: QueryResultsFormat) -> &'static str {
    match format {
        QueryResultsFormat::Csv => "text/csv; charset=utf-8",
        QueryResultsFormat::Tsv => "text/tab-separated-values; charset=utf-8",
        other => other.media_type(),
    }
}

fn result_format(request: &QueryRequest<'_>) -> Result<QueryResultsFormat, Response> {
    if let Some(name) = request.format {
        return negotiate::result_format_by_name(name).ok_or_else(|| {
            Response::text(
                400,
                format!("unknown results format {name:?} (json, xml, csv, tsv)"),
            )
        });
    }
    negotiate::negotiate(request.accept, RESULT_OFFERS).ok_or_else(|| {
        Response::text(
            406,
            "no acceptable results format: offered application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values",
        )
    })
}

fn graph_format(request: &QueryRequest<'_>) -> Result<RdfFormat, Response> {
    graph_format_for(request.accept, request.format)
}

/// The RDF format for a graph response, from a `format` name or the `Accept` header.
pub fn graph_format_for(accept: Option<&str>, format: Option<&str>) -> Result<RdfFormat, Response> {
    if let Some(name) = format {
        return negotiate::rdf_format_by_name(name)
            .filter(|f| {
                matches!(
                    f,
                    RdfFormat::Turtle | RdfFormat::NTriples | RdfFormat::JsonLd { .. }
                )
            })
            .ok_or_else(|| {
                Response::text(
                    400,
                    format!("unknown graph format {name:?} (ttl, nt, jsonld)"),
                )
            });
    }
    negotiate::negotiate(accept, GRAPH_OFFERS).ok_or_else(|| {
        Response::text(
            406,
            "no acceptable graph format: offered text/turtle, application/n-triples, application/ld+json",
        )
    })
}

/// Runs a SPARQL update (atomically, as oxigraph does) with `prefixes` predeclared, under the time limit.
///
/// Updates run on oxigraph's own evaluator, which notices a cancel only between quad reads (see
/// [`crate::store::guard`]): they come from holders of the update token, not from anyone.
pub fn update(
    store: &Store,
    text: &str,
    prefixes: &[(&str, String)],
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Response {
    if let Err(response) = check_nesting(text) {
        return response;
    }
    let parsed = match crate::store::parse_update(text, prefixes) {
        Ok(parsed) => parsed,
        Err(e) => return syntax_response(&e),
    };
    let ticket = watchdog.register(limits.timeout);
    let prepared = SparqlEvaluator::new()
        .with_cancellation_token(ticket.token.clone())
        .for_update(parsed);
    match prepared.on_store(store).execute() {
        Ok(()) => Response::text(200, "update done"),
        Err(_) if ticket.token.is_cancelled() => stopped_response(&ticket, limits),
        Err(err) => Response::text(400, format!("update failed: {}", one_line(&err))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_skips_strings_and_comments() {
        let cases = [
            ("SELECT * WHERE { ?s ?p ?o }", 1),
            ("SELECT * { { { ?s ?p ?o } } }", 3),
            ("SELECT * { ?s ?p \"{{{{{\" }", 1),
            ("SELECT * { ?s ?p '''a ' {{{ '''}", 1),
            ("SELECT * { ?s ?p \"a \\\" {{\" }", 1),
            ("# {{{{\nSELECT * { ?s ?p <http://x/#{> }", 2),
            ("SELECT * { FILTER((((1)))) }", 5),
            ("", 0),
        ];
        for (text, depth) in cases {
            assert_eq!(nesting_depth(text), depth, "{text}");
        }
        let deep = format!("SELECT * {}{}", "{".repeat(10_000), "}".repeat(10_000));
        assert_eq!(nesting_depth(&deep), 10_000);
    }

    fn store_with_data() -> Store {
        let store = Store::new().unwrap();
        store
            .load_from_slice(
                RdfFormat::NQuads,
                "<http://e/a> <http://e/p> <http://e/b> <http://e/g1> .\n<http://e/b> <http://e/p> <http://e/c> <http://e/g2> .\n",
            )
            .unwrap();
        store
    }

    fn limits() -> QueryLimits {
        QueryLimits {
            timeout: Duration::from_secs(5),
            max_results: 10,
            max_memory: None,
        }
    }

    #[test]
    fn queries_answer_over_the_union_and_negotiate() {
        let store = store_with_data();
        let watchdog = Watchdog::start(None);
        let request = QueryRequest {
            query: "SELECT ?s WHERE { ?s <http://e/p> ?o } ORDER BY ?s",
            accept: Some("text/csv"),
            ..QueryRequest::default()
        };
        let response = query(&store, &request, &[], &limits(), &watchdog);
        assert_eq!(response.status, 200);
        assert_eq!(
            String::from_utf8(response.body).unwrap(),
            "s\r\nhttp://e/a\r\nhttp://e/b\r\n"
        );
        let request = QueryRequest {
            query: "SELECT ?s WHERE { ?s ?p ?o }",
            default_graphs: vec!["http://e/g2".into()],
            format: Some("tsv"),
            ..QueryRequest::default()
        };
        let response = query(&store, &request, &[], &limits(), &watchdog);
        assert_eq!(
            String::from_utf8(response.body).unwrap(),
            "?s\n<http://e/b>\n"
        );
    }

    #[test]
    fn errors_and_limits_have_clear_statuses() {
        let store = store_with_data();
        let watchdog = Watchdog::start(None);
        let run = |text: &str, accept: Option<&str>, limits: QueryLimits| {
            let request = QueryRequest {
                query: text,
                accept,
                ..QueryRequest::default()
            };
            query(&store, &request, &[], &limits, &watchdog)
        };
        let bad = run("SELECT WHERE {", None, limits());
        assert_eq!(bad.status, 400);
        assert!(String::from_utf8_lossy(&bad.body).contains("syntax error"));
        assert_eq!(
            run("ASK { ?s ?p ?o }", Some("image/png"), limits()).status,
            406
        );
        let tight = QueryLimits {
            max_results: 1,
            ..limits()
        };
        assert_eq!(run("SELECT * { ?s ?p ?o }", None, tight).status, 422);
        assert_eq!(run("CONSTRUCT WHERE { ?s ?p ?o }", None, tight).status, 422);
        let deep = format!("SELECT * {}{}", "{".repeat(5000), "}".repeat(5000));
        assert_eq!(run(&deep, None, limits()).status, 400);
        assert_eq!(
            run(
                "SELECT * { SERVICE <http://e/x> { ?s ?p ?o } }",
                None,
                limits()
            )
            .status,
            400
        );
    }

    #[test]
    fn a_query_that_never_ends_is_cancelled() {
        let store = Store::new().unwrap();
        let triples: String = (0..300)
            .map(|i| format!("<http://e/{i}> <http://e/p> <http://e/{}> .\n", i + 1))
            .collect();
        store
            .load_from_slice(RdfFormat::NTriples, triples.as_str())
            .unwrap();
        let watchdog = Watchdog::start(None);
        let request = QueryRequest {
            query: "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }",
            ..QueryRequest::default()
        };
        let tight = QueryLimits {
            timeout: Duration::from_millis(300),
            max_results: 10,
            max_memory: None,
        };
        let response = query(&store, &request, &[], &tight, &watchdog);
        assert_eq!(
            response.status,
            503,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
    }
}
