//! The catalogue of the store's documents: for each, its id, date, title and source, and how much of the
//! graph it contributes (sentences, extracted facts, entities it describes). `kg documents` prints it.

use super::iri::{DCTERMS, vocab};
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Term};
use serde::Serialize;

/// One document of the store, as its graph describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// The document's id (what `kg remove` takes).
    pub id: String,
    /// Its date (`dcterms:date`), as given in the input.
    pub date: Option<String>,
    /// Its title (`dcterms:title`).
    pub title: Option<String>,
    /// Where it came from (`dcterms:source`).
    pub source: Option<String>,
    /// Sentences analysed.
    pub sentences: u64,
    /// Facts extracted from it (reifiers in its graph).
    pub facts: u64,
    /// Entities its graph describes.
    pub entities: u64,
}

impl KgStore {
    /// Every document of the store with its metadata and counts, sorted by date, newest first (undated
    /// last), then by id.
    ///
    /// Reads each document graph once: time grows with the number of quads in the document graphs.
    pub fn document_summaries(&self) -> StoreResult<Vec<DocumentSummary>> {
        let mut summaries = Vec::new();
        for id in self.documents()? {
            summaries.push(self.document_summary(&id)?);
        }
        summaries.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x).then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        Ok(summaries)
    }

    /// The summary of document `id` (empty counts for a document the store does not hold).
    pub fn document_summary(&self, id: &str) -> StoreResult<DocumentSummary> {
        let graph = self.ns.doc_graph(id);
        let doc_iri = graph.as_str();
        let dcterms = |local: &str| format!("{DCTERMS}{local}");
        let (date, title, source) = (dcterms("date"), dcterms("title"), dcterms("source"));
        let sentence_count = self.ns.term(vocab::SENTENCE_COUNT);
        let mut summary = DocumentSummary {
            id: id.to_string(),
            ..DocumentSummary::default()
        };
        let mentions = self.ns.term(vocab::MENTIONS);
        for quad in self.store.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            let quad = quad?;
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let predicate = quad.predicate.as_str();
            if subject.as_str() == doc_iri {
                if quad.predicate == mentions {
                    summary.entities += 1;
                    continue;
                }
                let Term::Literal(value) = &quad.object else {
                    continue;
                };
                let value = value.value().to_string();
                if predicate == date {
                    summary.date = Some(value);
                } else if predicate == title {
                    summary.title = Some(value);
                } else if predicate == source {
                    summary.source = Some(value);
                } else if predicate == sentence_count.as_str() {
                    summary.sentences = value.parse().unwrap_or(0);
                }
            } else if quad.predicate == rdf::REIFIES {
                summary.facts += 1;
            }
        }
        Ok(summary)
    }
}

/// Store-wide counts (what `kg stats` prints besides the graph's shape).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StoreCounts {
    /// Documents.
    pub documents: usize,
    /// Sentences analysed.
    pub sentences: usize,
    /// Facts extracted (reifiers in the document graphs).
    pub facts_extracted: usize,
    /// Of them, asserted (not negated or hedged).
    pub facts_asserted: usize,
    /// Triples the ontology's rules derived.
    pub triples_inferred: usize,
    /// Quads in the store.
    pub quads: usize,
}

/// The file in the store's folder that keeps [`StoreCounts`] between writes.
const COUNTS_FILE: &str = "counts.json";

impl KgStore {
    /// The store's counts: from the counts each document graph keeps (one index range per count), the
    /// inferred graph's reifiers and the number of quads. Counting quads reads them all, so the result is
    /// saved beside the store with its generation (see [`KgStore::save_beside`]) and read from there until
    /// the next write; writers call [`KgStore::save_counts`] last.
    pub fn counts(&self) -> StoreResult<StoreCounts> {
        if let Some(counts) = self.load_beside(COUNTS_FILE)? {
            return Ok(counts);
        }
        let counts = self.count_all()?;
        // A reader may lack the right to write the folder: it just does not save.
        let _ = self.save_beside(COUNTS_FILE, &counts);
        Ok(counts)
    }

    /// Counts anew and saves the counts beside the store (see [`KgStore::counts`]).
    ///
    /// # Errors
    /// When the store cannot be read or the file cannot be written.
    pub fn save_counts(&self) -> StoreResult<()> {
        let counts = self.count_all()?;
        self.save_beside(COUNTS_FILE, &counts)
    }

    fn count_all(&self) -> StoreResult<StoreCounts> {
        let sum = |local: &str| -> StoreResult<usize> {
            let prop = self.ns.term(local);
            let mut total = 0usize;
            for quad in self
                .store
                .quads_for_pattern(None, Some(prop.as_ref()), None, None)
            {
                if let Term::Literal(l) = quad?.object {
                    total += l.value().parse::<usize>().unwrap_or(0);
                }
            }
            Ok(total)
        };
        let inferred = self.ns.inferred_graph();
        Ok(StoreCounts {
            documents: self.documents()?.len(),
            sentences: sum(vocab::SENTENCE_COUNT)?,
            facts_extracted: sum(vocab::FACT_COUNT)?,
            facts_asserted: sum(vocab::ASSERTED_FACT_COUNT)?,
            triples_inferred: self
                .store
                .quads_for_pattern(
                    None,
                    Some(rdf::REIFIES),
                    None,
                    Some(GraphNameRef::NamedNode(inferred.as_ref())),
                )
                .count(),
            quads: self.len()?,
        })
    }
}
