//! Graph Store HTTP Protocol reads: `GET /store?graph=IRI`, `?default` (or `graph=default`), and the whole
//! dataset without parameters. Graph names are looked up in the store only; nothing else is ever read.

use super::http::Response;
use super::negotiate::{self, DATASET_OFFERS};
use super::routes::Params;
use super::sparql::{self, QueryLimits, Watchdog};
use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphNameRef, NamedNode};
use oxigraph::store::Store;
use std::time::Instant;

/// Answers a Graph Store read.
pub(crate) fn read(
    store: &Store,
    params: &Params,
    accept: Option<&str>,
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Response {
    match try_read(store, params, accept, limits, watchdog) {
        Ok(response) | Err(response) => response,
    }
}

fn try_read(
    store: &Store,
    params: &Params,
    accept: Option<&str>,
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Result<Response, Response> {
    let ticket = watchdog.register(limits.timeout);
    let graph = params.get("graph");
    let default = params.has("default") || graph == Some("default");
    let named = match graph {
        Some(iri) if !default => Some(
            NamedNode::new(iri)
                .map_err(|e| Response::text(400, format!("invalid graph IRI {iri:?}: {e}")))?,
        ),
        _ => None,
    };
    let format = match (&named, default) {
        (None, false) => match params.get("format") {
            Some(name) => negotiate::rdf_format_by_name(name)
                .filter(|f| f.supports_datasets())
                .ok_or_else(|| {
                    Response::text(400, format!("unknown dataset format {name:?} (trig, nq)"))
                })?,
            None => negotiate::negotiate(accept, DATASET_OFFERS).ok_or_else(|| {
                Response::text(
                    406,
                    "no acceptable format: offered application/trig, application/n-quads",
                )
            })?,
        },
        _ => sparql::graph_format_for(accept, params.get("format"))?,
    };
    let graph_name = match &named {
        Some(node) => {
            let exists = store
                .contains_named_graph(node)
                .map_err(|e| Response::text(500, format!("store error: {e}")))?;
            if !exists {
                return Err(Response::text(
                    404,
                    format!("no graph named <{}> in the store", node.as_str()),
                ));
            }
            Some(GraphNameRef::from(node))
        }
        None if default => Some(GraphNameRef::DefaultGraph),
        None => None,
    };
    let mut serializer =
        sparql::prefixed(RdfSerializer::from_format(format)).for_writer(Vec::new());
    let over = || {
        Response::text(
            422,
            format!(
                "the graph has more than {} triples (raise --max-results, or use kg export on the store)",
                limits.max_results
            ),
        )
        .with_header("X-Kg-Limit", "results")
    };
    for (count, quad) in store
        .quads_for_pattern(None, None, None, graph_name)
        .enumerate()
    {
        let quad = quad.map_err(|e| Response::text(500, format!("store error: {e}")))?;
        if count >= limits.max_results {
            return Err(over());
        }
        if count % 1024 == 0 && Instant::now() >= ticket.deadline {
            return Err(
                Response::text(503, "graph read cancelled: it exceeded the time limit")
                    .with_header("X-Kg-Limit", "time"),
            );
        }
        let written = if graph_name.is_some() {
            serializer.serialize_triple(quad.as_ref())
        } else {
            serializer.serialize_quad(&quad)
        };
        written.map_err(|e| sparql::unserializable(e, format))?;
    }
    let body = serializer
        .finish()
        .map_err(|e| sparql::unserializable(e, format))?;
    Ok(Response::new(200, negotiate::rdf_media_type(format), body)
        .with_header("Access-Control-Allow-Origin", "*"))
}
