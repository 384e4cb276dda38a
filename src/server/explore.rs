//! The JSON behind the explorer page, answered from an in-memory [`Explorer`] snapshot of the store: the corpus
//! overview, type-ahead search, the entity page, the neighbourhood view and a fact's explanation.
//!
//! The snapshot is built in the background when the server starts and again after each ingest (requests keep
//! the previous one meanwhile); the first requests wait for it.

use super::http::Response;
use super::routes::Params;
use crate::graph::{Explorer, NeighbourhoodOptions};
use crate::store::KgStore;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use serde::Serialize;
use serde_json::json;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The current snapshot, or why there is none.
enum Snapshot {
    Building,
    Ready(Arc<Explorer>),
    Failed(String),
}

/// The explorer's snapshot of the store and its rebuilding.
pub(crate) struct ExplorerState {
    store: Option<Arc<KgStore>>,
    current: Mutex<Snapshot>,
    ready: Condvar,
    building: AtomicBool,
    stale: AtomicBool,
}

impl ExplorerState {
    /// The state over `store` (none: the explorer endpoints answer 501), its first snapshot under way.
    pub(crate) fn start(store: Option<Arc<KgStore>>) -> Arc<Self> {
        let state = Arc::new(Self {
            store,
            current: Mutex::new(Snapshot::Building),
            ready: Condvar::new(),
            building: AtomicBool::new(false),
            stale: AtomicBool::new(false),
        });
        state.refresh();
        state
    }

    /// After a write the store could not mark itself (a SPARQL update): replaces the store's generation, so
    /// that a projection persisted beside it is not taken for current, and rebuilds the snapshot.
    pub(crate) fn store_changed(self: &Arc<Self>) {
        if let Some(store) = &self.store
            && let Err(e) = store.advance_generation()
        {
            eprintln!("kg serve: cannot mark the store as changed: {e}");
        }
        self.refresh();
    }

    /// Rebuilds the snapshot in the background (coalescing requests made while a rebuild runs).
    pub(crate) fn refresh(self: &Arc<Self>) {
        let Some(store) = self.store.clone() else {
            return;
        };
        if self.building.swap(true, Ordering::SeqCst) {
            self.stale.store(true, Ordering::SeqCst);
            return;
        }
        let state = self.clone();
        std::thread::spawn(move || {
            loop {
                state.stale.store(false, Ordering::SeqCst);
                let next = match Explorer::build(&store) {
                    Ok(explorer) => Snapshot::Ready(Arc::new(explorer)),
                    Err(e) => Snapshot::Failed(format!("cannot read the store: {e}")),
                };
                if let Ok(mut current) = state.current.lock() {
                    // A failed rebuild keeps the snapshot that worked.
                    if matches!(next, Snapshot::Ready(_)) || !matches!(*current, Snapshot::Ready(_))
                    {
                        *current = next;
                    }
                }
                state.ready.notify_all();
                state.building.store(false, Ordering::SeqCst);
                if !state.stale.load(Ordering::SeqCst)
                    || state.building.swap(true, Ordering::SeqCst)
                {
                    break;
                }
            }
        });
    }

    /// The store and the current snapshot, waiting up to `wait` for the first one.
    fn get(&self, wait: Duration) -> Result<(&KgStore, Arc<Explorer>), Response> {
        let Some(store) = self.store.as_deref() else {
            return Err(Response::text(
                501,
                "the explorer needs a kg store: start it with `kg serve`",
            ));
        };
        let deadline = Instant::now() + wait;
        let mut current = self
            .current
            .lock()
            .map_err(|_| Response::text(500, "the explorer state is poisoned"))?;
        loop {
            match &*current {
                Snapshot::Ready(explorer) => return Ok((store, explorer.clone())),
                Snapshot::Failed(why) => return Err(Response::text(500, why.clone())),
                Snapshot::Building => {}
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(Response::text(
                    503,
                    "the explorer is still reading the store; try again in a few seconds",
                )
                .with_header("Retry-After", "2"));
            }
            current = self
                .ready
                .wait_timeout(current, deadline - now)
                .map_err(|_| Response::text(500, "the explorer state is poisoned"))?
                .0;
        }
    }
}

fn json_response(value: &impl Serialize) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => Response::new(200, "application/json", body),
        Err(e) => Response::text(500, format!("cannot encode the answer: {e}")),
    }
}

fn store_failed(e: crate::store::StoreError) -> Response {
    Response::text(500, format!("reading the store failed: {e}"))
}

fn number<T: FromStr>(params: &Params, name: &str, default: T) -> Result<T, Response> {
    match params.get(name).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| Response::text(400, format!("`{name}` must be a number, not {v:?}"))),
    }
}

fn entity_param<'a>(params: &'a Params, name: &str) -> Result<&'a str, Response> {
    let iri = params.get(name).ok_or_else(|| {
        Response::text(400, format!("missing `{name}` parameter (an entity IRI)"))
    })?;
    NamedNode::new(iri)
        .map_err(|e| Response::text(400, format!("invalid entity IRI {iri:?}: {e}")))?;
    Ok(iri)
}

fn unknown(iri: &str) -> Response {
    Response::text(
        404,
        format!("no entity <{iri}> in the store; search for it with /api/search?q=NAME"),
    )
}

/// Which explorer endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Overview,
    Search,
    Entity,
    Neighbourhood,
    Explain,
}

impl Endpoint {
    /// The endpoint at `path`, if it is one.
    pub(crate) fn at(path: &str) -> Option<Self> {
        Some(match path {
            "/api/overview" => Self::Overview,
            "/api/search" => Self::Search,
            "/api/entity" => Self::Entity,
            "/api/neighbourhood" => Self::Neighbourhood,
            "/api/explain" => Self::Explain,
            _ => return None,
        })
    }
}

/// Answers `endpoint` with `params`, waiting up to `wait` for the first snapshot.
pub(crate) fn answer(
    state: &ExplorerState,
    endpoint: Endpoint,
    params: &Params,
    wait: Duration,
) -> Response {
    let run = || -> Result<Response, Response> {
        // Parameters are checked before waiting for the snapshot.
        match endpoint {
            Endpoint::Entity => {
                entity_param(params, "iri")?;
            }
            Endpoint::Neighbourhood => {
                entity_param(params, "node")?;
            }
            _ => {}
        }
        let (store, explorer) = state.get(wait)?;
        Ok(match endpoint {
            Endpoint::Overview => {
                json_response(&explorer.overview(store, 10).map_err(store_failed)?)
            }
            Endpoint::Search => {
                let limit = number(params, "limit", 20usize)?.clamp(1, 200);
                let hits: Vec<_> = explorer
                    .search(params.get("q").unwrap_or(""), limit)
                    .into_iter()
                    .map(|h| {
                        json!({"id": h.iri, "label": h.label, "class": h.class,
                               "matched": h.matched, "how": h.how, "documents": h.documents})
                    })
                    .collect();
                json_response(&json!({ "results": hits }))
            }
            Endpoint::Entity => {
                let iri = entity_param(params, "iri")?;
                let limit = number(params, "limit", 15usize)?.clamp(1, 200);
                match explorer
                    .entity_page(store, iri, limit)
                    .map_err(store_failed)?
                {
                    Some(page) => json_response(&page),
                    None => unknown(iri),
                }
            }
            Endpoint::Neighbourhood => {
                let iri = entity_param(params, "node")?;
                let options = NeighbourhoodOptions {
                    limit: number(params, "limit", 25usize)?.clamp(1, 500),
                    literals: matches!(params.get("literals"), Some("1" | "true" | "yes")),
                    properties: params.all("property"),
                    classes: params.all("class"),
                    min_confidence: number(params, "min_confidence", 0.0f64)?,
                    document: params
                        .get("document")
                        .filter(|d| !d.is_empty())
                        .map(Into::into),
                    from: params.get("from").filter(|d| !d.is_empty()).map(Into::into),
                    to: params.get("to").filter(|d| !d.is_empty()).map(Into::into),
                };
                match explorer
                    .neighbourhood(store, iri, &options)
                    .map_err(store_failed)?
                {
                    Some(view) => json_response(&view),
                    None => unknown(iri),
                }
            }
            Endpoint::Explain => {
                let triple = triple_param(params)?;
                let explanation = store.explain(&triple).map_err(store_failed)?;
                json_response(&explorer.explanation_view(&explanation))
            }
        })
    };
    match run() {
        Ok(response) | Err(response) => response,
    }
}

/// The triple of `/api/explain?s=<IRI>&p=<IRI>&o=TERM`, each in N-Triples syntax.
fn triple_param(params: &Params) -> Result<Triple, Response> {
    let get = |name: &str| {
        params.get(name).ok_or_else(|| {
            Response::text(
                400,
                format!(
                    "missing `{name}`: give s, p and o in N-Triples syntax (<IRI> or \"literal\")"
                ),
            )
        })
    };
    let bad = |name: &str, e: &dyn std::fmt::Display| {
        Response::text(400, format!("`{name}` is not an N-Triples term: {e}"))
    };
    let subject = match Term::from_str(get("s")?).map_err(|e| bad("s", &e))? {
        Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n),
        Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b),
        _ => return Err(Response::text(400, "`s` must be an IRI or a blank node")),
    };
    let Term::NamedNode(predicate) = Term::from_str(get("p")?).map_err(|e| bad("p", &e))? else {
        return Err(Response::text(400, "`p` must be an IRI"));
    };
    let object = Term::from_str(get("o")?).map_err(|e| bad("o", &e))?;
    Ok(Triple::new(subject, predicate, object))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::routes::parse_form;

    #[test]
    fn explain_takes_n_triples_terms() {
        let params =
            parse_form(b"s=%3Chttp%3A%2F%2Fx%2Fa%3E&p=%3Chttp%3A%2F%2Fx%2Fp%3E&o=%221999%22")
                .unwrap();
        let triple = triple_param(&params).unwrap();
        assert_eq!(triple.to_string(), "<http://x/a> <http://x/p> \"1999\"");
        for bad in [
            &b"s=a&p=%3Chttp%3A%2F%2Fx%2Fp%3E&o=%221%22"[..],
            b"s=%22x%22&p=%3Chttp%3A%2F%2Fx%2Fp%3E&o=%221%22",
            b"p=x",
        ] {
            assert_eq!(
                triple_param(&parse_form(bad).unwrap()).unwrap_err().status,
                400
            );
        }
    }

    #[test]
    fn without_a_kg_store_the_explorer_says_how_to_get_one() {
        let state = ExplorerState::start(None);
        let params = parse_form(b"q=x").unwrap();
        let response = answer(&state, Endpoint::Search, &params, Duration::from_millis(10));
        assert_eq!(response.status, 501);
    }
}
