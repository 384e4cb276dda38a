//! Reading facts back with their provenance: one record per reifier, extracted or inferred.

use super::iri::vocab;
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term};
use std::collections::HashMap;

/// Where a fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactKind {
    /// Extracted from a sentence.
    Extracted,
    /// Derived by an ontology rule.
    Inferred,
}

impl FactKind {
    /// `extracted` or `inferred`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Extracted => "extracted",
            Self::Inferred => "inferred",
        }
    }
}

/// One reified fact with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRecord {
    /// The reifier.
    pub reifier: NamedOrBlankNode,
    /// Subject.
    pub subject: NamedOrBlankNode,
    /// Predicate.
    pub predicate: NamedNode,
    /// Object.
    pub object: Term,
    /// Extracted or inferred.
    pub kind: FactKind,
    /// Confidence: the extractor's, or for an inferred fact the product of its premises' (1 when the store
    /// has none recorded, e.g. for bulk-loaded data).
    pub confidence: f64,
    /// Document id (extracted facts).
    pub document: Option<String>,
    /// Sentence text (extracted facts).
    pub sentence: Option<String>,
    /// Rule or extractor name.
    pub rule: String,
    /// `asserted`, `negated`, `possible` (`asserted` for inferred facts).
    pub modality: String,
}

#[derive(Default)]
struct Partial {
    triple: Option<(NamedOrBlankNode, NamedNode, Term)>,
    document: Option<String>,
    sentence: Option<String>,
    rule: String,
    confidence: Option<f64>,
    modality: Option<String>,
}

impl KgStore {
    /// Every reified fact, extracted and inferred, sorted by subject, predicate, object, document.
    pub fn facts(&self) -> StoreResult<Vec<FactRecord>> {
        let mut partial: HashMap<NamedOrBlankNode, Partial> = HashMap::new();
        for quad in self
            .store
            .quads_for_pattern(None, Some(rdf::REIFIES), None, None)
        {
            let quad = quad?;
            if let Term::Triple(t) = quad.object {
                let t = *t;
                partial.entry(quad.subject).or_default().triple =
                    Some((t.subject, t.predicate, t.object));
            }
        }
        let props = [
            vocab::DOCUMENT_PROP,
            vocab::SENTENCE,
            vocab::RULE,
            vocab::CONFIDENCE,
            vocab::MODALITY,
        ];
        for local in props {
            let prop = self.ns.term(local);
            for quad in self
                .store
                .quads_for_pattern(None, Some(prop.as_ref()), None, None)
            {
                let quad = quad?;
                let Some(p) = partial.get_mut(&quad.subject) else {
                    continue;
                };
                let value = match &quad.object {
                    Term::Literal(l) => l.value().to_string(),
                    Term::NamedNode(n) => n.as_str().to_string(),
                    other => other.to_string(),
                };
                match local {
                    vocab::DOCUMENT_PROP => {
                        p.document = Some(self.ns.doc_id(&value).unwrap_or(value));
                    }
                    vocab::SENTENCE => p.sentence = Some(value),
                    vocab::RULE => p.rule = value,
                    vocab::CONFIDENCE => p.confidence = value.parse().ok(),
                    _ => p.modality = Some(value),
                }
            }
        }
        let mut facts: Vec<FactRecord> = partial
            .into_iter()
            .filter_map(|(reifier, p)| {
                let (subject, predicate, object) = p.triple?;
                let kind = if p.document.is_some() {
                    FactKind::Extracted
                } else {
                    FactKind::Inferred
                };
                Some(FactRecord {
                    reifier,
                    subject,
                    predicate,
                    object,
                    kind,
                    confidence: p.confidence.unwrap_or(1.0),
                    document: p.document,
                    sentence: p.sentence,
                    rule: p.rule,
                    modality: p.modality.unwrap_or_else(|| "asserted".to_string()),
                })
            })
            .collect();
        facts.sort_by_cached_key(|f| {
            (
                f.subject.to_string(),
                f.predicate.as_str().to_string(),
                f.object.to_string(),
                f.document.clone(),
                f.reifier.to_string(),
            )
        });
        Ok(facts)
    }
}
