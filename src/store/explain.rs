//! Why a triple is in the graph: the sentences it was extracted from, or the rule and premises it was
//! inferred from (recursively).

use super::iri::vocab;
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term, Triple};
use std::collections::HashSet;

/// One reason for a triple.
#[derive(Debug, Clone, PartialEq)]
pub enum Support {
    /// Extracted from a sentence of a document.
    Extracted {
        /// The document id.
        document: String,
        /// The sentence text.
        sentence: String,
        /// Byte range of the evidence in the document.
        bytes: Option<(u64, u64)>,
        /// The extractor rule.
        rule: String,
        /// Confidence.
        confidence: Option<f64>,
        /// `asserted`, `negated` or `possible`.
        modality: String,
        /// The speaker, for reported speech.
        attributed_to: Option<Term>,
    },
    /// Derived by an ontology rule.
    Inferred {
        /// The rule.
        rule: String,
        /// Confidence: the product of the premises' (`None` for stores inferred before it was recorded).
        confidence: Option<f64>,
        /// Why each premise holds.
        premises: Vec<Explanation>,
    },
}

/// Everything the store knows about why a triple holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The triple.
    pub triple: Triple,
    /// Whether it is stated as a plain triple in some graph.
    pub holds: bool,
    /// The reasons (empty when the store has no provenance for it, e.g. bulk-loaded data).
    pub supports: Vec<Support>,
}

/// How deep premises are explained (rule chains in practice are one or two steps).
const MAX_DEPTH: usize = 4;

impl KgStore {
    /// Explains `triple`: its extractions and derivations, premises explained recursively.
    pub fn explain(&self, triple: &Triple) -> StoreResult<Explanation> {
        let mut seen = HashSet::new();
        self.explain_at(triple, 0, &mut seen)
    }

    fn explain_at(
        &self,
        triple: &Triple,
        depth: usize,
        seen: &mut HashSet<Triple>,
    ) -> StoreResult<Explanation> {
        let holds = self
            .store
            .quads_for_pattern(
                Some(triple.subject.as_ref()),
                Some(triple.predicate.as_ref()),
                Some(triple.object.as_ref()),
                None,
            )
            .next()
            .transpose()?
            .is_some();
        let mut explanation = Explanation {
            triple: triple.clone(),
            holds,
            supports: Vec::new(),
        };
        if !seen.insert(triple.clone()) {
            return Ok(explanation);
        }
        let term = Term::Triple(Box::new(triple.clone()));
        let mut reifiers = Vec::new();
        for quad in
            self.store
                .quads_for_pattern(None, Some(rdf::REIFIES), Some(term.as_ref()), None)
        {
            let quad = quad?;
            reifiers.push((quad.subject, quad.graph_name));
        }
        reifiers.sort_by_key(|(r, _)| r.to_string());
        reifiers.dedup();
        for (reifier, graph) in reifiers {
            let props = self.reifier_properties(&reifier, &graph)?;
            let get = |local: &str| -> Option<&Term> {
                let iri = self.ns.term(local);
                props.iter().find(|q| q.predicate == iri).map(|q| &q.object)
            };
            let text = |local: &str| match get(local) {
                Some(Term::Literal(l)) => l.value().to_string(),
                _ => String::new(),
            };
            let number = |local: &str| match get(local) {
                Some(Term::Literal(l)) => l.value().parse::<f64>().ok(),
                _ => None,
            };
            let rule = text(vocab::RULE);
            let document = match &graph {
                GraphName::NamedNode(g) => self.ns.doc_id(g.as_str()),
                _ => None,
            };
            if let Some(document) = document {
                let bytes =
                    super::parse_span(&text(vocab::SPAN)).map(|(_, s, e)| (s as u64, e as u64));
                explanation.supports.push(Support::Extracted {
                    document,
                    sentence: text(vocab::SENTENCE),
                    bytes,
                    rule,
                    confidence: number(vocab::CONFIDENCE),
                    modality: text(vocab::MODALITY),
                    attributed_to: get(vocab::ATTRIBUTED_TO).cloned(),
                });
            } else {
                let premise_iri = self.ns.term(vocab::PREMISE);
                let mut premises = Vec::new();
                for quad in props.iter().filter(|q| q.predicate == premise_iri) {
                    if let Term::Triple(premise) = &quad.object {
                        if depth + 1 >= MAX_DEPTH {
                            premises.push(Explanation {
                                triple: (**premise).clone(),
                                holds: true,
                                supports: Vec::new(),
                            });
                        } else {
                            premises.push(self.explain_at(premise, depth + 1, seen)?);
                        }
                    }
                }
                explanation.supports.push(Support::Inferred {
                    rule,
                    confidence: number(vocab::CONFIDENCE),
                    premises,
                });
            }
        }
        Ok(explanation)
    }

    fn reifier_properties(
        &self,
        reifier: &NamedOrBlankNode,
        graph: &GraphName,
    ) -> StoreResult<Vec<Quad>> {
        let mut quads = Vec::new();
        for quad in
            self.store
                .quads_for_pattern(Some(reifier.as_ref()), None, None, Some(graph.as_ref()))
        {
            quads.push(quad?);
        }
        Ok(quads)
    }
}
