//! Query evaluation that stops when told to, whatever the plan.
//!
//! spareval checks a query's [`CancellationToken`] only when it reads quads from the dataset, so the work
//! between two reads goes on after a cancel: a cartesian product pairs each probed row with every built row
//! before looking at the next, a sort compares rows, a group folds them, a product of `VALUES` never reads at
//! all. A three-pattern `COUNT(*)` kept a core busy for minutes after its time limit that way. [`evaluate`]
//! runs the query over [`GuardedDataset`] instead of oxigraph's own view of the store: its terms are ids into a
//! per-query dictionary whose `Clone` looks at the token (every 256th clone), and every operator of the
//! evaluator clones terms to build its rows, as does every quad read; so evaluation stops within a few
//! hundred rows of a cancel, in any operator. The stop unwinds (with [`std::panic::resume_unwind`], which
//! prints nothing) to the `catch_unwind` in [`evaluate`]: the only way out of spareval's inner loops short of
//! patching it, and a safe one, since everything on the way is dropped as on any unwind and nothing is shared
//! with other threads but the store, which evaluation only reads.
//!
//! The price: terms are decoded from the store as they are read (oxigraph's own view keeps them encoded until
//! the results are written), so queries that scan or join many quads are 3-6x slower (`bench/query_limits.py
//! --triples 100000`: a count of 133,000 quads 1.06 s against 0.27 s, a two-hop join 3.4 s against 1.1 s);
//! queries that read little (a label, a neighbourhood) are not affected.
//! `kg query` runs without limits, on oxigraph's view; both parse with
//! [`parse_union_query`](super::parse_union_query), so they give the same answers.

use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef, Term, TermRef};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use oxigraph::store::{StorageError, Store};
use spareval::{InternalQuad, QueryableDataset};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::rc::Rc;

// Stopping unwinds; with `panic = "abort"` it would abort the whole server instead.
#[cfg(panic = "abort")]
compile_error!("kg's query guard needs panic = \"unwind\"");

/// The evaluation was stopped: its token was cancelled (time or memory limit, shutdown, client gone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the query was stopped")]
pub struct Stopped;

thread_local! {
    /// The token of the evaluation running on this thread, if any.
    static ACTIVE: RefCell<Option<CancellationToken>> = const { RefCell::new(None) };
    /// Clones since the token was last looked at.
    static TICKS: Cell<u32> = const { Cell::new(0) };
}

/// Unwinds out of the evaluation if its token is cancelled.
fn stop_if_cancelled() {
    // Never unwind while unwinding (that aborts): a drop on the way out may clone terms.
    if std::thread::panicking() {
        return;
    }
    let cancelled = ACTIVE.with_borrow(|token| token.as_ref().is_some_and(|t| t.is_cancelled()));
    if cancelled {
        resume_unwind(Box::new(Stopped));
    }
}

/// A term of a guarded evaluation: an index into its dictionary.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct TermId(u32);

impl Clone for TermId {
    fn clone(&self) -> Self {
        let ticks = TICKS.get().wrapping_add(1);
        TICKS.set(ticks);
        if ticks.is_multiple_of(256) {
            stop_if_cancelled();
        }
        Self(self.0)
    }
}

/// Why a guarded dataset failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GuardError {
    /// The store failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A dictionary has no such id (ids of another evaluation).
    #[error("unknown term id {0}")]
    UnknownTerm(u32),
    /// The dictionary is full (2^32 distinct terms).
    #[error("too many distinct terms in one query")]
    TooManyTerms,
}

#[derive(Default)]
struct Dictionary {
    ids: HashMap<Term, u32>,
    terms: Vec<Term>,
}

impl Dictionary {
    fn intern(&mut self, term: Term) -> Result<TermId, GuardError> {
        if let Some(id) = self.ids.get(&term) {
            return Ok(TermId(*id));
        }
        let id = u32::try_from(self.terms.len()).map_err(|_| GuardError::TooManyTerms)?;
        self.terms.push(term.clone());
        self.ids.insert(term, id);
        Ok(TermId(id))
    }

    fn term(&self, id: &TermId) -> Result<&Term, GuardError> {
        self.terms
            .get(id.0 as usize)
            .ok_or(GuardError::UnknownTerm(id.0))
    }
}

/// The store as spareval sees it during a guarded evaluation (see the module documentation).
pub struct GuardedDataset {
    store: Store,
    dictionary: Rc<RefCell<Dictionary>>,
}

type QuadResult = Result<InternalQuad<TermId>, GuardError>;

impl GuardedDataset {
    fn new(store: &Store) -> Self {
        Self {
            store: store.clone(),
            dictionary: Rc::default(),
        }
    }

    fn lookup(&self, id: Option<&TermId>) -> Result<Option<Term>, GuardError> {
        id.map(|id| self.dictionary.borrow().term(id).cloned())
            .transpose()
    }

    fn quads(
        &self,
        subject: Option<&TermId>,
        predicate: Option<&TermId>,
        object: Option<&TermId>,
        graph_name: Option<Option<&TermId>>,
    ) -> Result<Box<dyn Iterator<Item = QuadResult>>, GuardError> {
        let none = || Ok(Box::new(std::iter::empty()) as Box<dyn Iterator<Item = QuadResult>>);
        let subject = self.lookup(subject)?;
        let predicate = self.lookup(predicate)?;
        let object = self.lookup(object)?;
        let graph = match graph_name {
            None => None,
            Some(graph) => Some(self.lookup(graph)?),
        };
        // A term of the wrong kind in a position (a literal subject) matches nothing.
        let subject_ref = match &subject {
            None => None,
            Some(Term::NamedNode(n)) => Some(NamedOrBlankNodeRef::from(n.as_ref())),
            Some(Term::BlankNode(b)) => Some(NamedOrBlankNodeRef::from(b.as_ref())),
            Some(_) => return none(),
        };
        let predicate_ref = match &predicate {
            None => None,
            Some(Term::NamedNode(n)) => Some(n.as_ref()),
            Some(_) => return none(),
        };
        let object_ref = object.as_ref().map(TermRef::from);
        // `None`: every graph, the default one included, as oxigraph's own view reads it.
        let graph_ref = match &graph {
            None => None,
            Some(None) => Some(GraphNameRef::DefaultGraph),
            Some(Some(Term::NamedNode(n))) => Some(GraphNameRef::from(n.as_ref())),
            Some(Some(Term::BlankNode(b))) => Some(GraphNameRef::from(b.as_ref())),
            Some(Some(_)) => return none(),
        };
        let quads = self
            .store
            .quads_for_pattern(subject_ref, predicate_ref, object_ref, graph_ref);
        let dictionary = Rc::clone(&self.dictionary);
        Ok(Box::new(quads.map(move |quad| {
            stop_if_cancelled();
            let quad = quad?;
            let mut dictionary = dictionary.borrow_mut();
            Ok(InternalQuad {
                subject: dictionary.intern(quad.subject.into())?,
                predicate: dictionary.intern(quad.predicate.into())?,
                object: dictionary.intern(quad.object)?,
                graph_name: match quad.graph_name {
                    oxigraph::model::GraphName::DefaultGraph => None,
                    oxigraph::model::GraphName::NamedNode(n) => Some(dictionary.intern(n.into())?),
                    oxigraph::model::GraphName::BlankNode(b) => Some(dictionary.intern(b.into())?),
                },
            })
        })))
    }
}

impl<'a> QueryableDataset<'a> for GuardedDataset {
    type InternalTerm = TermId;
    type Error = GuardError;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&TermId>,
        predicate: Option<&TermId>,
        object: Option<&TermId>,
        graph_name: Option<Option<&TermId>>,
    ) -> impl Iterator<Item = QuadResult> + use<'a> {
        match self.quads(subject, predicate, object, graph_name) {
            Ok(quads) => quads,
            Err(err) => Box::new(std::iter::once(Err(err))),
        }
    }

    fn internal_named_graphs(&self) -> impl Iterator<Item = Result<TermId, GuardError>> + use<'a> {
        let dictionary = Rc::clone(&self.dictionary);
        self.store.named_graphs().map(move |graph| {
            stop_if_cancelled();
            let term: Term = match graph? {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.into(),
                oxigraph::model::NamedOrBlankNode::BlankNode(b) => b.into(),
            };
            dictionary.borrow_mut().intern(term)
        })
    }

    fn contains_internal_graph_name(&self, graph_name: &TermId) -> Result<bool, GuardError> {
        let term = self.dictionary.borrow().term(graph_name)?.clone();
        Ok(match &term {
            Term::NamedNode(n) => self.store.contains_named_graph(n.as_ref())?,
            Term::BlankNode(b) => self.store.contains_named_graph(b.as_ref())?,
            _ => false,
        })
    }

    fn internalize_term(&self, term: Term) -> Result<TermId, GuardError> {
        self.dictionary.borrow_mut().intern(term)
    }

    fn externalize_term(&self, term: TermId) -> Result<Term, GuardError> {
        stop_if_cancelled();
        self.dictionary.borrow().term(&term).cloned()
    }
}

/// Restores the thread's previous token when an evaluation ends, however it ends.
struct Active(Option<CancellationToken>);

impl Drop for Active {
    fn drop(&mut self) {
        let previous = self.0.take();
        ACTIVE.with_borrow_mut(|token| *token = previous);
    }
}

/// Evaluates `prepared` over `store` and hands the results to `consume` (which serializes them), stopping
/// both as soon as `token` is cancelled: `Err(Stopped)` then. Give `prepared` the same token (spareval then
/// also reports the cancel as [`QueryEvaluationError::Cancelled`] where it notices it first).
pub fn evaluate<T>(
    store: &Store,
    prepared: oxigraph::sparql::PreparedSparqlQuery,
    token: &CancellationToken,
    consume: impl FnOnce(Result<QueryResults<'static>, QueryEvaluationError>) -> T,
) -> Result<T, Stopped> {
    let previous = ACTIVE.with_borrow_mut(|active| active.replace(token.clone()));
    let _restore = Active(previous);
    let dataset = GuardedDataset::new(store);
    let run = AssertUnwindSafe(|| consume(prepared.on_queryable_dataset(dataset).execute()));
    match catch_unwind(run) {
        Ok(value) => Ok(value),
        Err(payload) if payload.is::<Stopped>() => Err(Stopped),
        // A bug elsewhere: let it go on as the panic it is.
        Err(payload) => resume_unwind(payload),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;
    use oxigraph::sparql::SparqlEvaluator;
    use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

    fn store() -> Store {
        let store = Store::new().unwrap();
        let quads: String = (0..200)
            .map(|i| {
                format!(
                    "<http://e/{i}> <http://e/p> \"{i}\" <http://e/g{}> .\n",
                    i % 3
                )
            })
            .collect();
        store
            .load_from_slice(RdfFormat::NQuads, quads.as_str())
            .unwrap();
        store
    }

    fn csv(results: Result<QueryResults<'static>, QueryEvaluationError>) -> String {
        let QueryResults::Solutions(solutions) = results.unwrap() else {
            panic!("not solutions");
        };
        let mut writer = QueryResultsSerializer::from_format(QueryResultsFormat::Csv)
            .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
            .unwrap();
        for solution in solutions {
            writer.serialize(&solution.unwrap()).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    #[test]
    fn guarded_answers_equal_oxigraphs() {
        let store = store();
        for query in [
            "SELECT ?s ?o WHERE { ?s <http://e/p> ?o FILTER(?o < \"15\") } ORDER BY ?s",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?t ?p ?o }",
            "SELECT ?s WHERE { <http://e/1> ?p ?o . ?s ?p ?o } ORDER BY ?s",
            "SELECT ?x WHERE { VALUES ?x { 1 2 } } ORDER BY ?x",
        ] {
            let native = SparqlEvaluator::new()
                .parse_query(query)
                .unwrap()
                .on_store(&store)
                .execute();
            let token = CancellationToken::new();
            let prepared = SparqlEvaluator::new().parse_query(query).unwrap();
            let guarded = evaluate(&store, prepared, &token, csv).unwrap();
            assert_eq!(guarded, csv(native), "{query}");
        }
    }

    #[test]
    fn a_cancelled_product_of_values_stops() {
        // No quad is ever read: spareval's own checks never run.
        let values: String = (0..500).map(|i| format!("{i} ")).collect();
        let query = format!(
            "SELECT (COUNT(*) AS ?n) {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} }}"
        );
        let token = CancellationToken::new();
        let canceller = token.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            canceller.cancel();
        });
        let started = std::time::Instant::now();
        let prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .parse_query(&query)
            .unwrap();
        let outcome = evaluate(&Store::new().unwrap(), prepared, &token, |results| {
            results.map(|r| match r {
                QueryResults::Solutions(s) => s.count(),
                _ => 0,
            })
        });
        assert!(
            matches!(
                outcome,
                Err(Stopped) | Ok(Err(QueryEvaluationError::Cancelled))
            ),
            "{outcome:?}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // The thread is usable again, without a token.
        assert!(ACTIVE.with_borrow(Option::is_none));
    }
}
