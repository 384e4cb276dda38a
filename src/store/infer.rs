//! The inferred graph: recomputed from all asserted triples by the ontology's rules, each inferred triple
//! reified with the rule and the premises it came from.

use super::iri::vocab;
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple,
};
use std::collections::HashSet;

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
    /// The asserted triples of all document graphs (and of the default graph, where `kg load` puts triples
    /// without a graph), without provenance, document metadata or reifiers: the input of inference.
    pub fn asserted_triples(&self) -> StoreResult<Vec<Triple>> {
        let skip_graphs = [
            self.ns.ontology_graph(),
            self.ns.inferred_graph(),
            self.ns.meta_graph(),
        ];
        let mut seen = HashSet::new();
        let mut triples = Vec::new();
        for quad in self.store.iter() {
            let quad = quad?;
            if let GraphName::NamedNode(g) = &quad.graph_name
                && skip_graphs.contains(g)
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

    /// Recomputes the inferred graph with `reasoner` in one transaction and clears the stale mark. Returns the
    /// number of inferred triples.
    pub fn refresh_inferences(&self, reasoner: &dyn Reasoner) -> StoreResult<usize> {
        let asserted = if reasoner.is_empty() {
            Vec::new()
        } else {
            self.asserted_triples()?
        };
        let known: HashSet<&Triple> = asserted.iter().collect();
        let graph = self.ns.inferred_graph();
        let mut quads = Vec::new();
        let mut inferred = HashSet::new();
        for derivation in reasoner.infer(&asserted) {
            if known.contains(&derivation.triple) {
                continue;
            }
            let reifier = self
                .ns
                .inferred_reifier(&derivation.triple, &derivation.rule);
            let g = GraphName::NamedNode(graph.clone());
            if inferred.insert(derivation.triple.clone()) {
                quads.push(Quad::new(
                    derivation.triple.subject.clone(),
                    derivation.triple.predicate.clone(),
                    derivation.triple.object.clone(),
                    g.clone(),
                ));
            }
            quads.push(Quad::new(
                reifier.clone(),
                rdf::REIFIES,
                Term::Triple(Box::new(derivation.triple)),
                g.clone(),
            ));
            quads.push(Quad::new(
                reifier.clone(),
                self.ns.term(vocab::RULE),
                Literal::new_simple_literal(&derivation.rule),
                g.clone(),
            ));
            for premise in derivation.premises {
                quads.push(Quad::new(
                    reifier.clone(),
                    self.ns.term(vocab::PREMISE),
                    Term::Triple(Box::new(premise)),
                    g.clone(),
                ));
            }
        }
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        for quad in &quads {
            tx.insert(quad);
        }
        tx.remove(self.stale_marker().as_ref());
        tx.commit()?;
        Ok(inferred.len())
    }
}

/// The ontology's rules over IRI triples: literal objects and triple terms take no part in them.
impl Reasoner for crate::ontology::Ontology {
    fn infer(&self, asserted: &[Triple]) -> Vec<Derivation> {
        let iri_triples: Vec<crate::ontology::IriTriple> = asserted
            .iter()
            .filter_map(|t| match (&t.subject, &t.object) {
                (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) => Some((
                    s.as_str().to_string(),
                    t.predicate.as_str().to_string(),
                    o.as_str().to_string(),
                )),
                _ => None,
            })
            .collect();
        let to_triple = |(s, p, o): &crate::ontology::IriTriple| {
            Triple::new(
                NamedNode::new_unchecked(s.clone()),
                NamedNode::new_unchecked(p.clone()),
                NamedNode::new_unchecked(o.clone()),
            )
        };
        crate::ontology::Ontology::infer(self, &iri_triples)
            .iter()
            .map(|i| Derivation {
                triple: to_triple(&i.triple),
                rule: i.rule.clone(),
                premises: i.premises.iter().map(to_triple).collect(),
            })
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.rules().is_empty()
    }
}
