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

impl Partial {
    /// Records one provenance property (`local` is its name in [`vocab`]).
    fn set(&mut self, local: &str, object: &Term) {
        let value = match object {
            Term::Literal(l) => l.value().to_string(),
            Term::NamedNode(n) => n.as_str().to_string(),
            other => other.to_string(),
        };
        match local {
            vocab::SENTENCE => self.sentence = Some(value),
            vocab::RULE => self.rule = value,
            vocab::CONFIDENCE => self.confidence = value.parse().ok(),
            vocab::MODALITY => self.modality = Some(value),
            _ => {}
        }
    }

    fn finish(self, reifier: NamedOrBlankNode) -> Option<FactRecord> {
        let (subject, predicate, object) = self.triple?;
        let kind = if self.document.is_some() {
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
            confidence: self.confidence.unwrap_or(1.0),
            document: self.document,
            sentence: self.sentence,
            rule: self.rule,
            modality: self.modality.unwrap_or_else(|| "asserted".to_string()),
        })
    }
}

/// The provenance properties a [`FactRecord`] carries.
const PROPS: [&str; 4] = [
    vocab::SENTENCE,
    vocab::RULE,
    vocab::CONFIDENCE,
    vocab::MODALITY,
];

impl KgStore {
    /// The id of the document whose graph `graph` is (a reifier there is an extraction from it).
    fn document_of(&self, graph: &oxigraph::model::GraphName) -> Option<String> {
        match graph {
            oxigraph::model::GraphName::NamedNode(g) => self.ns.doc_id(g.as_str()),
            _ => None,
        }
    }

    /// The reified facts of one triple, extracted and inferred, by document: index look-ups only.
    pub fn facts_of(&self, triple: &oxigraph::model::Triple) -> StoreResult<Vec<FactRecord>> {
        let object = Term::Triple(Box::new(triple.clone()));
        let mut facts = Vec::new();
        for quad in
            self.store
                .quads_for_pattern(None, Some(rdf::REIFIES), Some(object.as_ref()), None)
        {
            let quad = quad?;
            let mut partial = Partial {
                triple: Some((
                    triple.subject.clone(),
                    triple.predicate.clone(),
                    triple.object.clone(),
                )),
                document: self.document_of(&quad.graph_name),
                ..Partial::default()
            };
            for prop in self.store.quads_for_pattern(
                Some(quad.subject.as_ref()),
                None,
                None,
                Some(quad.graph_name.as_ref()),
            ) {
                let prop = prop?;
                if let Some(local) = PROPS.iter().find(|l| self.ns.term(l) == prop.predicate) {
                    partial.set(local, &prop.object);
                }
            }
            facts.extend(partial.finish(quad.subject));
        }
        facts.sort_by(|a, b| {
            a.document
                .cmp(&b.document)
                .then(a.reifier.to_string().cmp(&b.reifier.to_string()))
        });
        Ok(facts)
    }

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
                let entry = partial.entry(quad.subject).or_default();
                entry.triple = Some((t.subject, t.predicate, t.object));
                entry.document = self.document_of(&quad.graph_name);
            }
        }
        for local in PROPS {
            let prop = self.ns.term(local);
            for quad in self
                .store
                .quads_for_pattern(None, Some(prop.as_ref()), None, None)
            {
                let quad = quad?;
                let Some(p) = partial.get_mut(&quad.subject) else {
                    continue;
                };
                p.set(local, &quad.object);
            }
        }
        let mut facts: Vec<FactRecord> = partial
            .into_iter()
            .filter_map(|(reifier, p)| p.finish(reifier))
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

    /// How each document names the entities it mentions, by document id and entity IRI: the name it writes
    /// ([`vocab::NAME_IN_DOCUMENT`]), else its label there ([`vocab::LABEL_IN_DOCUMENT`]; the fuller one
    /// where the corpus pass gave two of its entities one IRI). One pass over two properties.
    pub fn names_in_documents(&self) -> StoreResult<HashMap<String, HashMap<String, String>>> {
        let mut names: HashMap<String, HashMap<String, String>> = HashMap::new();
        for local in [vocab::LABEL_IN_DOCUMENT, vocab::NAME_IN_DOCUMENT] {
            let predicate = self.ns.term(local);
            for quad in self
                .store
                .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            {
                let quad = quad?;
                let (Some(doc), NamedOrBlankNode::NamedNode(entity), Term::Literal(name)) = (
                    self.document_of(&quad.graph_name),
                    quad.subject,
                    quad.object,
                ) else {
                    continue;
                };
                let slot = names
                    .entry(doc)
                    .or_default()
                    .entry(entity.into_string())
                    .or_default();
                let name = name.value();
                let fuller = (name.chars().count(), name) > (slot.chars().count(), slot.as_str());
                if local == vocab::NAME_IN_DOCUMENT || fuller {
                    *slot = name.to_string();
                }
            }
        }
        Ok(names)
    }
}
