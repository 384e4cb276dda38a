//! The pipeline from input documents to document graphs: analysis -> extraction -> resolution. Used by
//! `kg build` and by the server's ingestion; the store comes after it.
//!
//! Analysis and extraction of a document depend on nothing else, so they run in parallel
//! ([`Pipeline::analyze`], [`Pipeline::extract`] take `&self`); resolution runs in document order
//! ([`Pipeline::resolve`] takes `&mut self`) because each document's entities help resolve the next ones
//! (`Putin` after `Vladimir Putin`).

mod pieces;

pub use pieces::{MAX_PIECE_BYTES, headline_end, merge, pieces};

use crate::analysis::{AnalysisError, AnalysisInput, Analyzer, Control, Doc};
use crate::extract::{Extractor, RawTriple};
use crate::ingest::Document;
use crate::ontology::{Ontology, OntologyError};
use crate::resolve::{DocMeta, DocumentGraph, Resolver};
use std::path::{Path, PathBuf};

/// Why the pipeline could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The analysis model could not be loaded.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
    /// The ontology could not be loaded.
    #[error(transparent)]
    Ontology(#[from] OntologyError),
}

/// Analysis, extraction and resolution, loaded once.
#[derive(Debug)]
pub struct Pipeline {
    analyzer: Analyzer,
    extractor: Extractor,
    resolver: Resolver,
    ontology: Ontology,
    /// A digest of the ontology texts and of this kg's version, part of every content hash.
    fingerprint: String,
    /// Facts below this confidence are left out of document graphs ([`DEFAULT_MIN_CONFIDENCE`] unless set).
    min_confidence: f32,
}

/// The confidence below which `kg build` leaves a fact out of the graph unless told otherwise: it keeps what
/// constructions state (0.7 and above), defaults read from context (0.6), hedged readings (a place from a
/// participle, 0.3 to 0.45) and drops the weakest (`have` with a description, 0.12; `be at`, 0.16-0.2).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.3;

impl Pipeline {
    /// Loads the analysis model (`model` directory, or the embedded one) and the ontology (the built-in one
    /// plus `ontology_files`).
    pub fn new(model: Option<&Path>, ontology_files: &[PathBuf]) -> Result<Self, PipelineError> {
        let ontology = if ontology_files.is_empty() {
            Ontology::builtin()?
        } else {
            Ontology::with_files(ontology_files)?
        };
        Self::with_ontology(model, ontology)
    }

    /// Loads the analysis model (`model` directory, or the embedded one) and uses `ontology`.
    pub fn with_ontology(model: Option<&Path>, ontology: Ontology) -> Result<Self, PipelineError> {
        let analyzer = match model {
            Some(dir) => Analyzer::from_dir(dir)?,
            None => Analyzer::embedded()?,
        };
        let mut parts: Vec<&str> = vec![env!("CARGO_PKG_VERSION")];
        for (name, turtle) in ontology.sources() {
            parts.extend([name.as_str(), turtle.as_str()]);
        }
        let fingerprint = format!("{:032x}", crate::store::fnv1a128(&parts));
        Ok(Self {
            analyzer,
            extractor: Extractor::new(),
            resolver: Resolver::new(&ontology),
            ontology,
            fingerprint,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        })
    }

    /// Leaves facts below `min_confidence` (0 to 1) out of the document graphs (`kg build --min-confidence`).
    pub fn with_min_confidence(mut self, min_confidence: f32) -> Self {
        self.min_confidence = min_confidence;
        self
    }

    /// The ontology in use.
    pub fn ontology(&self) -> &Ontology {
        &self.ontology
    }

    /// What identifies the build of `document`: a hash of its fields, of the ontology, of this kg's
    /// version and of the confidence threshold. The store keeps it with the document graph, so that a later build skips a document whose
    /// hash is unchanged (an interrupted build resumes; an unchanged corpus is not analysed again).
    pub fn content_hash(&self, document: &Document) -> String {
        fn field(f: &Option<String>) -> &str {
            f.as_deref().unwrap_or_default()
        }
        let threshold = self.min_confidence.to_string();
        format!(
            "{:032x}",
            crate::store::fnv1a128(&[
                &self.fingerprint,
                &threshold,
                &document.id,
                &document.text,
                field(&document.title),
                field(&document.date),
                field(&document.url),
            ])
        )
    }

    /// Tokens, tags, lemmas, parse and entities of one document (spaCy's component order; see
    /// [`Pipeline::analyze_controlled`] for headlines and long texts).
    pub fn analyze(&self, document: &Document) -> Doc {
        let mut docs = self.analyze_batch(std::slice::from_ref(document));
        docs.pop().unwrap_or_default()
    }

    /// Analyses several documents at once, in order, on the current rayon pool: the networks run over
    /// chunks of documents together, which is several times faster than one document at a time on short
    /// documents.
    pub fn analyze_batch(&self, documents: &[Document]) -> Vec<Doc> {
        self.analyze_controlled(documents, Control::default())
    }

    /// [`Pipeline::analyze_batch`] with a stop flag and progress (see [`Control`]). A headline ends its own
    /// sentence ([`headline_end`]); a text over [`MAX_PIECE_BYTES`] is analysed in pieces ([`pieces`]) and
    /// put back together, so memory and the time between stop checks stay bounded on any document. When
    /// stopped, the documents not reached are returned tokenized only: discard them.
    pub fn analyze_controlled(&self, documents: &[Document], control: Control<'_>) -> Vec<Doc> {
        let mut inputs = Vec::new();
        let mut layout: Vec<Vec<usize>> = Vec::with_capacity(documents.len());
        for document in documents {
            let headline = headline_end(document);
            let ranges = pieces(&document.text, MAX_PIECE_BYTES);
            layout.push(ranges.iter().map(|r| r.start).collect());
            for range in ranges {
                let sentence_starts = headline
                    .filter(|h| range.contains(h) && *h > range.start)
                    .map(|h| h - range.start)
                    .into_iter()
                    .collect();
                inputs.push(AnalysisInput {
                    id: document.id.clone(),
                    text: document.text[range].to_string(),
                    sentence_starts,
                });
            }
        }
        let mut analysed = self
            .analyzer
            .analyze_controlled(inputs, control)
            .into_iter();
        let mut out = Vec::with_capacity(documents.len());
        for (document, offsets) in documents.iter().zip(layout) {
            let parts: Vec<(usize, Doc)> = offsets.into_iter().zip(analysed.by_ref()).collect();
            if parts.len() == 1 {
                out.extend(parts.into_iter().map(|(_, doc)| doc));
            } else {
                out.push(merge(document.id.clone(), document.text.clone(), parts));
            }
        }
        out
    }

    /// The open triples of an analysed document.
    pub fn extract(&self, doc: &Doc) -> Vec<RawTriple> {
        self.extractor.extract(doc)
    }

    /// The document graph of an analysed document and its triples, resolved on its own: nothing is carried
    /// over from other documents, so a build does not depend on the order, batches or runs in which
    /// documents arrive, and equals the union of `kg extract` shards.
    pub fn resolve(&self, document: &Document, doc: &Doc, triples: &[RawTriple]) -> DocumentGraph {
        let meta = DocMeta {
            title: document.title.clone(),
            date: document.date.clone(),
            url: document.url.clone(),
        };
        let mut graph = self.resolver.resolve(doc, triples, &meta);
        crate::resolve::retain_confident(&mut graph, self.min_confidence);
        graph
    }

    /// All three stages for one document (resolved on its own, see [`Pipeline::resolve`]).
    pub fn process(&self, document: &Document) -> DocumentGraph {
        let doc = self.analyze(document);
        let triples = self.extract(&doc);
        self.resolve(document, &doc, &triples)
    }
}
