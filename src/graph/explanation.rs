//! A fact's explanation as the explorer shows it: [`Explanation`] with names instead of IRIs.

use super::explorer::Explorer;
use crate::store::{Explanation, Support};
use oxigraph::model::Term;
use serde::Serialize;

impl Explorer {
    /// An explanation with readable names, for the page.
    pub fn explanation_view(&self, explanation: &Explanation) -> ExplanationView {
        let name = |t: &Term| match t {
            Term::NamedNode(n) => self.projection.node(n.as_str()).map_or_else(
                || self.projection.predicate_label(n.as_str()),
                |m| self.projection.graph[m].label.clone(),
            ),
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        let t = &explanation.triple;
        ExplanationView {
            subject: name(&Term::from(t.subject.clone())),
            property: self.projection.predicate_label(t.predicate.as_str()),
            object: name(&t.object),
            holds: explanation.holds,
            supports: explanation
                .supports
                .iter()
                .map(|s| match s {
                    Support::Extracted {
                        document,
                        sentence,
                        rule,
                        confidence,
                        modality,
                        attributed_to,
                        ..
                    } => SupportView::Extracted {
                        document: document.clone(),
                        date: self.date_of(document),
                        sentence: sentence.clone(),
                        rule: rule.clone(),
                        confidence: *confidence,
                        modality: modality.clone(),
                        attributed_to: attributed_to.as_ref().map(name),
                    },
                    Support::Inferred {
                        rule,
                        confidence,
                        premises,
                    } => SupportView::Inferred {
                        rule: rule.clone(),
                        confidence: *confidence,
                        premises: premises.iter().map(|p| self.explanation_view(p)).collect(),
                    },
                })
                .collect(),
        }
    }
}

/// An [`Explanation`] with names instead of IRIs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplanationView {
    /// The subject's label.
    pub subject: String,
    /// The property's label.
    pub property: String,
    /// The object's label or value.
    pub object: String,
    /// Whether the triple is stated in the store.
    pub holds: bool,
    /// Why.
    pub supports: Vec<SupportView>,
}

/// One reason, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SupportView {
    /// Extracted from a sentence.
    Extracted {
        /// The document.
        document: String,
        /// Its date.
        date: Option<String>,
        /// The sentence.
        sentence: String,
        /// The extractor rule.
        rule: String,
        /// Confidence.
        confidence: Option<f64>,
        /// `asserted`, `negated` or `possible`.
        modality: String,
        /// The speaker, for reported speech.
        attributed_to: Option<String>,
    },
    /// Derived by an ontology rule.
    Inferred {
        /// The rule.
        rule: String,
        /// Confidence.
        confidence: Option<f64>,
        /// The premises, explained.
        premises: Vec<ExplanationView>,
    },
}
