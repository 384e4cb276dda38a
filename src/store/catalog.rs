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
