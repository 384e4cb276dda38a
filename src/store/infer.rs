//! The inferred graph: recomputed from all asserted triples by the ontology's rules, each inferred triple
//! reified with the rule and the premises it came from.

use super::iri::vocab;
use super::write::confidence_literal;
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use std::collections::{HashMap, HashSet};

/// One triple derived by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    /// The derived triple.
    pub triple: Triple,
    /// The rule's name (e.g. `controls-over-partOf`, `inverse-of-partOf`).
    pub rule: String,
    /// The triples it was derived from.
    pub premises: Vec<Triple>,
}

/// A rule engine: given every asserted triple, the triples that follow (to a fixpoint), with their rules and
/// premises. The ontology module provides one; the store only records what it derives.
pub trait Reasoner {
    /// Every derivable triple not among `asserted`, with one derivation each.
    fn infer(&self, asserted: &[Triple]) -> Vec<Derivation>;

    /// Whether the engine has no rule at all (then the store skips reading the asserted triples).
    fn is_empty(&self) -> bool {
        false
    }

    /// The predicates the rules read, if the engine knows them: then only triples with these predicates are
    /// read from the store (an index lookup each) instead of every triple.
    fn premise_predicates(&self) -> Option<Vec<NamedNode>> {
        None
    }
}

/// A reasoner without rules: nothing is inferred.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRules;

impl Reasoner for NoRules {
    fn infer(&self, _asserted: &[Triple]) -> Vec<Derivation> {
        Vec::new()
    }

    fn is_empty(&self) -> bool {
        true
    }
}

impl KgStore {
    /// The asserted triples (the facts graph, the entities graph, and the default graph, where `kg load` puts triples
    /// without a graph), without provenance, document metadata or reifiers: the input of inference.
    pub fn asserted_triples(&self) -> StoreResult<Vec<Triple>> {
        self.asserted_triples_with(None)
    }

    /// [`KgStore::asserted_triples`], only with the given predicates when `predicates` is set.
    pub fn asserted_triples_with(
        &self,
        predicates: Option<&[NamedNode]>,
    ) -> StoreResult<Vec<Triple>> {
        // Asserted knowledge: the facts graph, the entities' descriptions, and the default graph (where
        // `kg load` puts triples without a graph). Document graphs hold evidence and provenance only.
        let keep_graphs = [self.ns.facts_graph(), self.ns.entities_graph()];
        let mut seen = HashSet::new();
        let mut triples = Vec::new();
        let quads: Box<dyn Iterator<Item = Result<Quad, oxigraph::store::StorageError>>> =
            match predicates {
                None => Box::new(self.store.iter()),
                Some(list) => Box::new(
                    list.iter()
                        .flat_map(|p| {
                            self.store
                                .quads_for_pattern(None, Some(p.as_ref()), None, None)
                        })
                        .collect::<Vec<_>>()
                        .into_iter(),
                ),
            };
        for quad in quads {
            let quad = quad?;
            if let GraphName::NamedNode(g) = &quad.graph_name
                && !keep_graphs.contains(g)
            {
                continue;
            }
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            if self.ns.is_reifier(subject.as_str())
                || matches!(quad.object, Term::Triple(_))
                || subject.as_str().starts_with(self.ns.doc_ns())
            {
                continue;
            }
            let triple = Triple::new(quad.subject, quad.predicate, quad.object);
            if seen.insert(triple.clone()) {
                triples.push(triple);
            }
        }
        Ok(triples)
    }

    /// Brings the corpus-level layers up to date after writes: the derived graphs if a load left them stale,
    /// the corpus pass ([`KgStore::settle_identities`]), the pending descriptions; then recomputes the
    /// inferred graph with `reasoner` in one transaction and clears the stale mark. Returns the number of
    /// inferred triples. Each derivation's reifier carries the rule, the premises and a confidence
    /// derived from the premises' (see [`KgStore::derivation_confidences`]).
    pub fn refresh_inferences(&self, reasoner: &dyn Reasoner) -> StoreResult<usize> {
        if self.derived_stale()? {
            self.refresh_derived()?;
        }
        self.settle_identities()?;
        self.settle_descriptions()?;
        let asserted = if reasoner.is_empty() {
            Vec::new()
        } else {
            self.asserted_triples_with(reasoner.premise_predicates().as_deref())?
        };
        let known: HashSet<&Triple> = asserted.iter().collect();
        let derivations: Vec<Derivation> = reasoner
            .infer(&asserted)
            .into_iter()
            .filter(|d| !known.contains(&d.triple))
            .collect();
        let confidences = self.derivation_confidences(&derivations)?;
        let graph = GraphName::NamedNode(self.ns.inferred_graph());
        let mut quads = Vec::new();
        let mut inferred = HashSet::new();
        // One reifier per (triple, rule): several derivations by one rule share it, and its confidence is
        // their best.
        let mut reifier_confidence: HashMap<NamedNode, f64> = HashMap::new();
        for (derivation, confidence) in derivations.into_iter().zip(confidences) {
            let reifier = self
                .ns
                .inferred_reifier(&derivation.triple, &derivation.rule);
            if inferred.insert(derivation.triple.clone()) {
                quads.push(Quad::new(
                    derivation.triple.subject.clone(),
                    derivation.triple.predicate.clone(),
                    derivation.triple.object.clone(),
                    graph.clone(),
                ));
            }
            let best = reifier_confidence.entry(reifier.clone()).or_insert(0.0);
            *best = best.max(confidence);
            quads.push(Quad::new(
                reifier.clone(),
                rdf::REIFIES,
                Term::Triple(Box::new(derivation.triple)),
                graph.clone(),
            ));
            quads.push(Quad::new(
                reifier.clone(),
                self.ns.term(vocab::RULE),
                Literal::new_simple_literal(&derivation.rule),
                graph.clone(),
            ));
            for premise in derivation.premises {
                quads.push(Quad::new(
                    reifier.clone(),
                    self.ns.term(vocab::PREMISE),
                    Term::Triple(Box::new(premise)),
                    graph.clone(),
                ));
            }
        }
        for (reifier, confidence) in reifier_confidence {
            quads.push(Quad::new(
                reifier,
                self.ns.term(vocab::CONFIDENCE),
                // Through f32, as extracted confidences are: 0.9 x 0.7 is written 0.63.
                confidence_literal(confidence as f32),
                graph.clone(),
            ));
        }
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(graph.as_ref())?;
        for quad in &quads {
            tx.insert(quad);
        }
        tx.remove(self.stale_marker().as_ref());
        super::generation::advance(&mut tx, &self.ns)?;
        tx.commit()?;
        self.wrote(quads.len())?;
        Ok(inferred.len())
    }

    /// The confidence of each derivation: the product of its premises' confidences.
    ///
    /// A rule's conclusion holds only if all its premises do; taking the extractions' confidences as
    /// independent probabilities, that is their product. The product (rather than the minimum, the weakest
    /// link) makes a long chain of uncertain facts weaker than any one of them, as it should be, and keeps a
    /// conclusion from sure premises sure. A premise's confidence is that of its best asserted extraction (not a
    /// combination of all: the same claim repeated across articles is not independent evidence); a triple
    /// asserted without provenance (bulk-loaded data) counts as certain; a premise that was itself inferred
    /// has its own derivation's confidence, and a triple derived several ways the best of them.
    pub fn derivation_confidences(&self, derivations: &[Derivation]) -> StoreResult<Vec<f64>> {
        let mut asserted: HashMap<&Triple, f64> = HashMap::new();
        for derivation in derivations {
            for premise in &derivation.premises {
                if !asserted.contains_key(premise) {
                    asserted.insert(premise, self.asserted_confidence(premise)?);
                }
            }
        }
        let derived: HashSet<&Triple> = derivations.iter().map(|d| &d.triple).collect();
        // Inferred premises: the least fixpoint from 0. Reasoners list derivations in the order they found
        // them (premises first), so the first pass settles everything and the second confirms it; values only
        // grow, so this ends for any order.
        let mut inferred: HashMap<&Triple, f64> = HashMap::new();
        let mut confidences = vec![0.0; derivations.len()];
        for _ in 0..=derivations.len() {
            let mut changed = false;
            for (k, derivation) in derivations.iter().enumerate() {
                let confidence: f64 = derivation
                    .premises
                    .iter()
                    .map(|p| {
                        if derived.contains(p) {
                            inferred.get(p).copied().unwrap_or(0.0)
                        } else {
                            asserted.get(p).copied().unwrap_or(1.0)
                        }
                    })
                    .product();
                confidences[k] = confidence;
                let best = inferred.entry(&derivation.triple).or_insert(0.0);
                if confidence > *best {
                    *best = confidence;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        Ok(confidences)
    }

    /// The confidence of an asserted triple: its best asserted extraction's, 1 without any.
    fn asserted_confidence(&self, triple: &Triple) -> StoreResult<f64> {
        let inferred_graph = GraphName::NamedNode(self.ns.inferred_graph());
        let confidence_prop = self.ns.term(vocab::CONFIDENCE);
        let modality_prop = self.ns.term(vocab::MODALITY);
        let term = Term::Triple(Box::new(triple.clone()));
        let mut best: Option<f64> = None;
        for quad in
            self.store
                .quads_for_pattern(None, Some(rdf::REIFIES), Some(term.as_ref()), None)
        {
            let quad = quad?;
            if quad.graph_name == inferred_graph {
                continue;
            }
            let value = |prop: &NamedNode| -> StoreResult<Option<String>> {
                let found = self
                    .store
                    .quads_for_pattern(
                        Some(quad.subject.as_ref()),
                        Some(prop.as_ref()),
                        None,
                        Some(quad.graph_name.as_ref()),
                    )
                    .next()
                    .transpose()?;
                Ok(found.and_then(|q| match q.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                }))
            };
            if value(&modality_prop)?.is_some_and(|m| m != "asserted") {
                continue;
            }
            if let Some(c) = value(&confidence_prop)?.and_then(|v| v.parse::<f64>().ok()) {
                best = Some(best.map_or(c, |b| b.max(c)));
            }
        }
        Ok(best.unwrap_or(1.0))
    }
}

/// The ontology's rules over IRI triples: literal objects and triple terms take no part in them.
impl Reasoner for crate::ontology::Ontology {
    fn infer(&self, asserted: &[Triple]) -> Vec<Derivation> {
        self.infer_rdf(asserted)
            .into_iter()
            .map(|i| Derivation {
                triple: i.triple,
                rule: i.rule,
                premises: i.premises,
            })
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.rules().is_empty()
    }

    fn premise_predicates(&self) -> Option<Vec<NamedNode>> {
        let mut predicates: Vec<String> = self
            .rules()
            .iter()
            .flat_map(|rule| rule.body.iter().map(|step| step.property.clone()))
            .collect();
        predicates.sort();
        predicates.dedup();
        Some(
            predicates
                .into_iter()
                .map(NamedNode::new_unchecked)
                .collect(),
        )
    }
}
