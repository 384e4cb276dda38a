//! The persistent store: oxigraph with one named graph per document and provenance on every fact.
//!
//! Layout 2 (every IRI under a configurable base, see [`Namespaces`]):
//! - `{base}doc/{id}`: one named graph per document: its metadata and counts, the entities it mentions
//!   (`kg:mentions`, with the name, other names, class and mention spans the document gives them) and one
//!   reifier per extracted fact (`rdf:reifies <<( s p o )>>`) with its sentence, span, rule, confidence and
//!   modality. Document graphs are evidence: nothing else writes into them.
//! - `{base}graph/entities` and `{base}graph/facts`: each entity described once and each asserted fact
//!   stated once, derived from the document graphs in the transaction that changes them (see `derived`).
//! - `{base}graph/ontology`: the ontology. `{base}graph/inferred`: triples derived by the ontology rules,
//!   each with a reifier naming the rule and its premises. `{base}graph/meta`: the store's settings and
//!   bookkeeping (layout version, base, generation, stale marks).
//!
//! Beside RocksDB's files the store's folder keeps what readers would otherwise recompute from the whole
//! store (the projection, the counts), each with the generation it was computed at.

mod catalog;
mod derived;
mod explain;
mod facts;
mod generation;
pub mod guard;
mod identity;
mod infer;
mod iri;
mod load;
mod search;
mod sparql;
mod sparql_text;
mod write;

pub use catalog::{DocumentSummary, StoreCounts};
pub use derived::{Descriptions, EntityDescription};
pub use explain::{Explanation, Support};
pub use facts::{FactKind, FactRecord};
pub use identity::{IdentitySummary, WrittenNames};
pub use infer::{Derivation, NoRules, Reasoner};
pub use iri::{
    DCTERMS, DEFAULT_BASE, DEFAULT_ONTOLOGY, Namespaces, SKOS, fnv1a128, parse_span,
    percent_decode, percent_encode, term_key, vocab,
};
pub use load::{LoadInput, LoadOptions, LoadSummary, format_of};
pub use search::{EntityHit, NameMatch, search_words};
pub use sparql::{SparqlTextError, parse_union_query, parse_update};
pub use write::{WriteSummary, content_hash_quad, document_quads};

use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, QuadRef, Term};
use oxigraph::store::{StorageError, Store};
use std::path::{Path, PathBuf};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process holds the store open for writing.
    #[error(
        "the store {path} is in use by another kg process (RocksDB lock held); wait for it to finish or use another --store"
    )]
    Locked {
        /// The store directory.
        path: PathBuf,
    },
    /// The store directory does not exist (read-only commands do not create one).
    #[error("no store at {path}: run `kg build` first or pass --store DIR")]
    Missing {
        /// The store directory.
        path: PathBuf,
    },
    /// The store path is a file.
    #[error(
        "{path} is a file, not a store directory: pass --store DIR with the folder `kg build` made"
    )]
    NotADirectory {
        /// The path given.
        path: PathBuf,
    },
    /// A folder that holds other files (documents, say) and no store: writing database files into it would
    /// mix them with the user's files.
    #[error(
        "{path} is a folder of other files ({example}, ...), not a kg store: pass --store with a new or empty directory"
    )]
    NotAStore {
        /// The folder.
        path: PathBuf,
        /// One of the files in it.
        example: String,
    },
    /// The store was created with another base IRI.
    #[error("the store uses base IRI <{stored}>, not <{requested}>")]
    BaseMismatch {
        /// The base recorded in the store.
        stored: String,
        /// The base asked for.
        requested: String,
    },
    /// The store was written by a kg with another layout.
    #[error(
        "the store {path} has layout {found} and this kg reads layout {FORMAT_VERSION} (entities and facts stated once, mentions in the document graphs): build it again into a new directory with `kg build --store NEW_DIR INPUTS`"
    )]
    OtherFormat {
        /// The store directory (or `memory`).
        path: PathBuf,
        /// The layout found (`1` for stores from before layouts were recorded).
        found: u32,
    },
    /// A document id that is not in the store.
    #[error("no document {id:?} in the store")]
    UnknownDocument {
        /// The id.
        id: String,
    },
    /// Invalid RDF input.
    #[error("cannot parse RDF: {0}")]
    Parse(String),
    /// RocksDB or oxigraph failed.
    #[error("store error: {0}")]
    Storage(#[from] StorageError),
    /// A SPARQL query failed to run.
    #[error("query failed: {0}")]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Reading input failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The layout this version of kg writes and reads. 1: entity descriptions and asserted triples repeated in
/// every document graph. 2: described once in `graph/entities` and `graph/facts`, document graphs holding
/// their evidence (names, classes, mention spans) and provenance.
pub const FORMAT_VERSION: u32 = 2;

/// Result of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

/// The knowledge-graph store.
pub struct KgStore {
    store: Store,
    ns: Namespaces,
    path: Option<PathBuf>,
    /// Quads written since RocksDB's in-memory tables were last flushed (see [`KgStore::wrote`]).
    unflushed: std::sync::atomic::AtomicUsize,
}

/// Quads written between two flushes of RocksDB's in-memory tables: about 100 MB of index entries. Left
/// alone, each of the store's eleven indexes keeps several 128 MB tables in memory before it writes them
/// out, so that a long build or refresh would grow to gigabytes; flushed this often, its memory stays flat
/// whatever the size of the corpus.
const FLUSH_QUADS: usize = 100_000;

impl std::fmt::Debug for KgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KgStore")
            .field("path", &self.path)
            .field("ns", &self.ns)
            .finish_non_exhaustive()
    }
}

impl KgStore {
    /// Opens (creating if needed) the store in `dir` for writing, with the default base.
    pub fn open(dir: impl AsRef<Path>) -> StoreResult<Self> {
        Self::open_with(dir, None)
    }

    /// Opens (creating if needed) the store in `dir` for writing. `base` applies to a new store; an existing
    /// store keeps the base it was created with, and asking for another one is an error.
    ///
    /// # Errors
    /// Besides storage errors: the path is a file, or a folder of other files that is not a store.
    pub fn open_with(dir: impl AsRef<Path>, base: Option<&str>) -> StoreResult<Self> {
        let path = dir.as_ref().to_path_buf();
        check_store_path(&path, true)?;
        let store = Store::open(&path).map_err(|e| classify_open_error(e, &path))?;
        let mut kg = Self {
            store,
            ns: Namespaces::default(),
            path: Some(path),
            unflushed: Default::default(),
        };
        kg.settle_base(base)?;
        kg.settle_format(true)?;
        Ok(kg)
    }

    /// Opens an existing store for reading only; it may be open for reading by several processes.
    pub fn open_read_only(dir: impl AsRef<Path>) -> StoreResult<Self> {
        let path = dir.as_ref().to_path_buf();
        check_store_path(&path, false)?;
        let store = Store::open_read_only(&path).map_err(|e| classify_open_error(e, &path))?;
        let mut kg = Self {
            store,
            ns: Namespaces::default(),
            path: Some(path),
            unflushed: Default::default(),
        };
        if let Some(base) = kg.stored_base()? {
            kg.ns = Namespaces::new(&base, DEFAULT_ONTOLOGY);
        }
        kg.settle_format(false)?;
        Ok(kg)
    }

    /// A store in memory (tests, `kg extract`-style one-shot use).
    pub fn in_memory(base: Option<&str>) -> StoreResult<Self> {
        let mut kg = Self {
            store: Store::new()?,
            ns: Namespaces::default(),
            path: None,
            unflushed: Default::default(),
        };
        kg.settle_base(base)?;
        kg.settle_format(true)?;
        Ok(kg)
    }

    /// Checks the store's layout: a store of another layout is refused; a new (document-less) store gets
    /// this one recorded when opened for writing.
    fn settle_format(&self, writable: bool) -> StoreResult<()> {
        let (meta, prop) = (self.ns.meta_graph(), self.ns.term(vocab::FORMAT_VERSION));
        let mut found = None;
        for quad in self.store.quads_for_pattern(
            Some(meta.as_ref().into()),
            Some(prop.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(meta.as_ref())),
        ) {
            if let Term::Literal(l) = quad?.object {
                found = Some(l.value().parse::<u32>().unwrap_or(0));
            }
        }
        let found = match found {
            Some(v) => v,
            None if self.is_empty()? => {
                if writable {
                    self.store.insert(QuadRef::new(
                        meta.as_ref(),
                        prop.as_ref(),
                        Literal::from(i64::from(FORMAT_VERSION)).as_ref(),
                        meta.as_ref(),
                    ))?;
                }
                return Ok(());
            }
            None => 1,
        };
        if found == FORMAT_VERSION {
            return Ok(());
        }
        Err(StoreError::OtherFormat {
            path: self.path.clone().unwrap_or_else(|| PathBuf::from("memory")),
            found,
        })
    }

    /// The underlying oxigraph store (for SPARQL and the HTTP server).
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// The IRI scheme of this store.
    pub fn namespaces(&self) -> &Namespaces {
        &self.ns
    }

    /// The directory of the store, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn base_quad_parts(&self) -> (oxigraph::model::NamedNode, oxigraph::model::NamedNode) {
        (self.ns.meta_graph(), self.ns.term(vocab::BASE))
    }

    /// The base recorded in the store, looked up in any meta graph (the base is not known before reading it).
    fn stored_base(&self) -> StoreResult<Option<String>> {
        let (_, prop) = self.base_quad_parts();
        for quad in self
            .store
            .quads_for_pattern(None, Some(prop.as_ref()), None, None)
        {
            if let Term::Literal(lit) = quad?.object {
                return Ok(Some(lit.value().to_string()));
            }
        }
        Ok(None)
    }

    fn settle_base(&mut self, requested: Option<&str>) -> StoreResult<()> {
        match (self.stored_base()?, requested) {
            (Some(stored), requested) => {
                let ns = Namespaces::new(&stored, DEFAULT_ONTOLOGY);
                if let Some(req) = requested {
                    let want = Namespaces::new(req, DEFAULT_ONTOLOGY);
                    if want.base() != ns.base() {
                        return Err(StoreError::BaseMismatch {
                            stored: ns.base().to_string(),
                            requested: want.base().to_string(),
                        });
                    }
                }
                self.ns = ns;
            }
            (None, requested) => {
                self.ns = Namespaces::new(requested.unwrap_or(DEFAULT_BASE), DEFAULT_ONTOLOGY);
                let (graph, prop) = self.base_quad_parts();
                self.store.insert(QuadRef::new(
                    graph.as_ref(),
                    prop.as_ref(),
                    Literal::new_simple_literal(self.ns.base()).as_ref(),
                    graph.as_ref(),
                ))?;
            }
        }
        Ok(())
    }

    /// Replaces the ontology graph with `ontology`'s Turtle texts and records its extension texts (the
    /// `--ontology` files) in the meta graph, in one transaction, so that later builds without
    /// `--ontology` keep them (see [`KgStore::ontology_extensions`]).
    pub fn set_ontology(&self, ontology: &crate::ontology::Ontology) -> StoreResult<()> {
        let graph = self.ns.ontology_graph();
        let mut quads = Vec::new();
        for (_, ttl) in ontology.sources() {
            let parser = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
                .without_named_graphs()
                .with_default_graph(graph.clone());
            for quad in parser.for_slice(ttl.as_bytes()) {
                quads.push(quad.map_err(|e| StoreError::Parse(e.to_string()))?);
            }
        }
        let (meta, prop) = (
            self.ns.meta_graph(),
            self.ns.term(vocab::ONTOLOGY_EXTENSIONS),
        );
        let records: Vec<_> = ontology
            .extensions()
            .iter()
            .map(|(name, turtle)| serde_json::json!({ "name": name, "turtle": turtle }))
            .collect();
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(graph.as_ref())?;
        for quad in &quads {
            tx.insert(quad);
        }
        let old: Vec<_> = tx
            .quads_for_pattern(
                Some(meta.as_ref().into()),
                Some(prop.as_ref()),
                None,
                Some(meta.as_ref().into()),
            )
            .collect::<Result<_, _>>()?;
        for quad in &old {
            tx.remove(quad);
        }
        if !records.is_empty() {
            let json = Literal::new_typed_literal(
                serde_json::Value::Array(records).to_string(),
                oxigraph::model::vocab::rdf::JSON,
            );
            tx.insert(QuadRef::new(
                meta.as_ref(),
                prop.as_ref(),
                json.as_ref(),
                meta.as_ref(),
            ));
        }
        generation::advance(&mut tx, &self.ns)?;
        tx.commit()?;
        Ok(())
    }

    /// The extension texts the store's ontology was built with, as `(name, Turtle)` in the order they
    /// apply; empty for a store built with the built-in ontology alone (or before extensions were kept).
    pub fn ontology_extensions(&self) -> StoreResult<Vec<(String, String)>> {
        let (meta, prop) = (
            self.ns.meta_graph(),
            self.ns.term(vocab::ONTOLOGY_EXTENSIONS),
        );
        let mut extensions = Vec::new();
        for quad in self.store.quads_for_pattern(
            Some(meta.as_ref().into()),
            Some(prop.as_ref()),
            None,
            Some(meta.as_ref().into()),
        ) {
            let Term::Literal(json) = quad?.object else {
                continue;
            };
            let records: Vec<serde_json::Value> = serde_json::from_str(json.value())
                .map_err(|e| StoreError::Parse(format!("the store's ontology extensions: {e}")))?;
            for record in records {
                let field = |k: &str| record[k].as_str().unwrap_or_default().to_string();
                extensions.push((field("name"), field("turtle")));
            }
        }
        Ok(extensions)
    }

    /// The ontology graph as Turtle (empty when no ontology was stored), so that later commands apply the
    /// rules the store was built with.
    pub fn ontology_turtle(&self) -> StoreResult<String> {
        let graph = self.ns.ontology_graph();
        let mut out = Vec::new();
        let mut writer = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_writer(&mut out);
        for quad in self.store.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            let quad = quad?;
            writer.serialize_triple(oxigraph::model::TripleRef::from(quad.as_ref()))?;
        }
        writer.finish()?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The ids of the documents in the store, sorted.
    pub fn documents(&self) -> StoreResult<Vec<String>> {
        let mut ids = Vec::new();
        let doc_ns = self.ns.doc_ns();
        for graph in self.store.named_graphs() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(g) = graph?
                && g.as_str().starts_with(doc_ns)
                && let Some(id) = self.ns.doc_id(g.as_str())
            {
                ids.push(id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Whether document `id` is in the store.
    pub fn contains_document(&self, id: &str) -> StoreResult<bool> {
        Ok(self
            .store
            .contains_named_graph(self.ns.doc_graph(id).as_ref())?)
    }

    /// Removes document `id` (its graph and every description only it held), then marks inferences stale.
    pub fn remove_document(&self, id: &str) -> StoreResult<()> {
        self.remove_documents(&[id])
    }

    /// The meta graph's mark `local` (`<meta> kg:local true`): present or absent, never false.
    pub(crate) fn meta_mark(&self, local: &str) -> oxigraph::model::Quad {
        let meta = self.ns.meta_graph();
        oxigraph::model::Quad::new(meta.clone(), self.ns.term(local), Literal::from(true), meta)
    }

    fn stale_marker(&self) -> oxigraph::model::Quad {
        self.meta_mark(vocab::INFERENCE_STALE)
    }

    /// Whether documents changed since the inferred graph was last computed (e.g. a build was interrupted).
    pub fn inferences_stale(&self) -> StoreResult<bool> {
        Ok(self.store.contains(self.stale_marker().as_ref())?)
    }

    /// Number of quads in the store.
    pub fn len(&self) -> StoreResult<usize> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds no document.
    pub fn is_empty(&self) -> StoreResult<bool> {
        Ok(self.documents()?.is_empty())
    }

    /// Writes what RocksDB holds in memory (its memtables, one per index) to disk and frees it.
    pub fn flush(&self) -> StoreResult<()> {
        if self.path.is_some() {
            self.store.flush()?;
        }
        self.unflushed
            .store(0, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Notes that a committed write put about `quads` quads in the store, and flushes once
    /// [`FLUSH_QUADS`] have gathered since the last flush.
    pub(crate) fn wrote(&self, quads: usize) -> StoreResult<()> {
        let total = self
            .unflushed
            .fetch_add(quads, std::sync::atomic::Ordering::Relaxed)
            + quads;
        if total >= FLUSH_QUADS {
            self.flush()?;
        }
        Ok(())
    }

    /// Flushes and compacts (after large writes): RocksDB merges the many small files of a build, which makes
    /// the store smaller and later reads faster.
    pub fn optimize(&self) -> StoreResult<()> {
        if self.path.is_some() {
            self.flush()?;
            self.store.optimize()?;
        }
        Ok(())
    }

    /// [`KgStore::optimize`], then closes the store and opens it once more: RocksDB deletes the write-ahead
    /// logs that the flush made obsolete only when a database is opened, and after a bulk build they are
    /// most of the directory (two thirds of it for 1,000 news articles).
    pub fn optimize_and_close(self) -> StoreResult<()> {
        self.optimize()?;
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        drop(self);
        drop(Store::open(&path).map_err(|e| classify_open_error(e, &path))?);
        Ok(())
    }

    /// A count the entities graph keeps for `iri` (`kg:documentCount`, `kg:mentionCount`); 0 when absent.
    pub(crate) fn count_of(&self, iri: &str, prop: &oxigraph::model::NamedNode) -> usize {
        let subject = oxigraph::model::NamedNode::new_unchecked(iri);
        let graph = self.ns.entities_graph();
        self.store
            .quads_for_pattern(
                Some(subject.as_ref().into()),
                Some(prop.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .find_map(|q| match q.ok()?.object {
                Term::Literal(l) => l.value().parse().ok(),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// The number of plain triples in the graphs of one document or in all documents: `(graph, count)`.
    pub fn count_in_graph(&self, graph: NamedNodeRef<'_>) -> StoreResult<usize> {
        let mut n = 0;
        for quad in
            self.store
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph)))
        {
            quad?;
            n += 1;
        }
        Ok(n)
    }
}

/// Turns RocksDB's lock failure into [`StoreError::Locked`]; other errors stay storage errors.
/// Whether `path` can hold a store: not a file; for reading (`create` false) a store already; for writing a
/// store, a missing or empty folder.
///
/// # Errors
/// [`StoreError::NotADirectory`], [`StoreError::Missing`] or [`StoreError::NotAStore`].
pub fn check_store_path(path: &Path, create: bool) -> StoreResult<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return if create {
            Ok(())
        } else {
            Err(StoreError::Missing {
                path: path.to_path_buf(),
            })
        };
    };
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory {
            path: path.to_path_buf(),
        });
    }
    if path.join("CURRENT").exists() {
        return Ok(());
    }
    if !create {
        return Err(StoreError::Missing {
            path: path.to_path_buf(),
        });
    }
    match std::fs::read_dir(path)?.next() {
        None => Ok(()),
        Some(entry) => Err(StoreError::NotAStore {
            path: path.to_path_buf(),
            example: entry?.file_name().to_string_lossy().into_owned(),
        }),
    }
}

fn classify_open_error(err: StorageError, path: &Path) -> StoreError {
    // RocksDB reports "lock hold by current process" or "Resource temporarily unavailable" on its LOCK file.
    if err.to_string().to_lowercase().contains("lock") {
        return StoreError::Locked {
            path: path.to_path_buf(),
        };
    }
    StoreError::Storage(err)
}
