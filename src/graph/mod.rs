//! The petgraph projection of the entity graph, for paths and centrality.
//!
//! [`Projection`] is a [`StableDiGraph`] of entities (nodes) and entity-to-entity relations (edges, extracted
//! and inferred, with their evidence), built from the store in one pass, with IRI-to-index maps. Searches run
//! on compact adjacency arrays (deduplicated neighbour lists) built alongside, so a path query on a graph of a
//! million edges takes microseconds once the projection is loaded.

mod explanation;
mod explorer;
mod lookup;
mod neighbourhood;
mod pagerank;
mod paths;
mod persist;
mod profile;
mod search_index;

pub use explanation::{ExplanationView, SupportView};
pub use explorer::{
    DocRef, EntityPage, Explorer, Overview, PageFact, PropertyCount, Related, Source,
};
pub use lookup::{GraphError, edit_distance};
pub use neighbourhood::{Neighbourhood, NeighbourhoodOptions, ViewEdge, ViewNode};
pub use pagerank::page_rank;
pub use paths::{Hop, Path, PathFinder, PathOptions};
pub use persist::PROJECTION_FILE;
pub use profile::{EntityProfile, FactGroup, Mention, Neighbour};
pub use search_index::{IndexedEntity, SearchIndex};

use crate::store::{FactKind, KgStore, Namespaces, SKOS, StoreResult};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode, Term};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::HashMap;

/// An entity: a node of the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityNode {
    /// The entity IRI.
    pub iri: String,
    /// The preferred label (the most frequent `rdfs:label`, else the IRI's local name).
    pub label: String,
    /// Other labels and `skos:altLabel`s.
    pub aliases: Vec<String>,
    /// The ontology class's local name, if typed.
    pub class: Option<String>,
}

/// One piece of evidence for a relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The document id.
    pub document: String,
    /// The sentence.
    pub sentence: String,
    /// The extractor rule.
    pub rule: String,
    /// Confidence of this extraction.
    pub confidence: f64,
}

/// A relation between two entities: an edge of the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationEdge {
    /// The predicate IRI.
    pub predicate: String,
    /// The predicate's label (`rdfs:label` from the ontology or the open relation, else its local name).
    pub label: String,
    /// Extracted (asserted in a document) or inferred.
    pub kind: FactKind,
    /// The highest confidence among its extractions (1 for inferred relations and bulk-loaded data).
    pub confidence: f64,
    /// The sentences it was extracted from (empty for inferred relations).
    pub evidence: Vec<Evidence>,
    /// The rule that inferred it (inferred relations).
    pub rule: Option<String>,
}

/// Compressed adjacency: `targets[offsets[n]..offsets[n + 1]]` are the sorted, distinct neighbours of `n`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Adjacency {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    fn build(nodes: usize, mut pairs: Vec<(u32, u32)>) -> Self {
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = vec![0u32; nodes + 1];
        for &(from, _) in &pairs {
            offsets[from as usize + 1] += 1;
        }
        for i in 0..nodes {
            offsets[i + 1] += offsets[i];
        }
        Self {
            offsets,
            targets: pairs.into_iter().map(|(_, to)| to).collect(),
        }
    }

    #[inline]
    pub(crate) fn neighbors(&self, node: u32) -> &[u32] {
        let n = node as usize;
        match (self.offsets.get(n), self.offsets.get(n + 1)) {
            (Some(&a), Some(&b)) => &self.targets[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The entity graph.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    /// Entities and relations.
    pub graph: StableDiGraph<EntityNode, RelationEdge>,
    index: HashMap<String, NodeIndex>,
    outgoing: Adjacency,
    incoming: Adjacency,
    both: Adjacency,
    names: HashMap<String, Vec<NodeIndex>>,
    predicate_labels: HashMap<String, String>,
    ns: Namespaces,
}

impl Projection {
    /// Builds the projection of the store's entities and relations without their evidence (every edge has
    /// confidence 1 and no sentences until [`Projection::attach_evidence`]): one pass over the entities,
    /// facts and inferred graphs, the default graph and the ontology's labels, never over the document
    /// graphs, so its cost follows the number of distinct facts, not of documents.
    pub fn from_store(store: &KgStore) -> StoreResult<Self> {
        let ns = store.namespaces();
        let mut builder = Builder::new(ns);
        let ontology = ns.ontology_graph();
        for quad in store.inner().quads_for_pattern(
            None,
            Some(rdfs::LABEL),
            None,
            Some(GraphNameRef::NamedNode(ontology.as_ref())),
        ) {
            // Only property labels are wanted from the ontology.
            let quad = quad?;
            if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) =
                (&quad.subject, &quad.object)
            {
                builder
                    .predicate_labels
                    .entry(s.as_str().to_string())
                    .or_insert_with(|| l.value().to_string());
            }
        }
        let graphs = [
            (
                GraphName::NamedNode(ns.entities_graph()),
                FactKind::Extracted,
            ),
            (GraphName::NamedNode(ns.facts_graph()), FactKind::Extracted),
            (
                GraphName::NamedNode(ns.inferred_graph()),
                FactKind::Inferred,
            ),
            (GraphName::DefaultGraph, FactKind::Extracted),
        ];
        for (graph, kind) in &graphs {
            for quad in store
                .inner()
                .quads_for_pattern(None, None, None, Some(graph.as_ref()))
            {
                let quad = quad?;
                builder.add_quad(&quad.subject, quad.predicate.as_str(), &quad.object, *kind);
            }
        }
        Ok(builder.finish())
    }

    /// [`Projection::from_store`] with the evidence of every edge (its sentences, rules and confidences):
    /// reads every reifier of the store, for exports that show them all.
    pub fn from_store_with_evidence(store: &KgStore) -> StoreResult<Self> {
        let mut projection = Self::from_store(store)?;
        for fact in store.facts()? {
            if let Some(e) = projection.edge_of(&fact.subject, &fact.predicate, &fact.object) {
                apply_fact(&mut projection.graph[e], &fact);
            }
        }
        Ok(projection)
    }

    /// Fills in the evidence and confidence of `edges` from the store's reifiers of their triples (index
    /// look-ups, for the few edges a path or a neighbourhood shows). Edges that have evidence already are
    /// left as they are.
    pub fn attach_evidence(&mut self, store: &KgStore, edges: &[EdgeIndex]) -> StoreResult<()> {
        for &e in edges {
            let Some((a, b)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            let edge = &self.graph[e];
            if !edge.evidence.is_empty() || edge.rule.is_some() {
                continue;
            }
            let triple = oxigraph::model::Triple::new(
                oxigraph::model::NamedNode::new_unchecked(self.graph[a].iri.as_str()),
                oxigraph::model::NamedNode::new_unchecked(edge.predicate.as_str()),
                oxigraph::model::NamedNode::new_unchecked(self.graph[b].iri.as_str()),
            );
            for fact in store.facts_of(&triple)? {
                apply_fact(&mut self.graph[e], &fact);
            }
        }
        Ok(())
    }

    /// The edge for a fact's triple, when both ends are entities of the projection.
    fn edge_of(
        &self,
        subject: &NamedOrBlankNode,
        predicate: &oxigraph::model::NamedNode,
        object: &Term,
    ) -> Option<EdgeIndex> {
        use petgraph::visit::EdgeRef;
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (subject, object) else {
            return None;
        };
        let (a, b) = (self.node(s.as_str())?, self.node(o.as_str())?);
        self.graph
            .edges_connecting(a, b)
            .find(|e| e.weight().predicate == predicate.as_str())
            .map(|e| e.id())
    }

    /// Labels of relation predicates (from the ontology and the open relations), by IRI.
    pub fn predicate_labels(&self) -> impl Iterator<Item = (&str, &str)> {
        self.predicate_labels
            .iter()
            .map(|(i, l)| (i.as_str(), l.as_str()))
    }

    /// A readable name for a predicate IRI: its label, else its local name.
    pub fn predicate_label(&self, iri: &str) -> String {
        self.predicate_labels
            .get(iri)
            .cloned()
            .unwrap_or_else(|| self.ns.local_name(iri))
    }

    /// A readable name for an entity IRI: its label, else its local name.
    pub fn entity_label(&self, iri: &str) -> String {
        self.node(iri)
            .map(|n| self.graph[n].label.clone())
            .unwrap_or_else(|| self.ns.local_name(iri))
    }

    /// The IRI scheme of the store it was built from.
    pub fn namespaces(&self) -> &Namespaces {
        &self.ns
    }

    /// The node of an entity IRI.
    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// Number of entities.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The best relation from `a` to `b` (extracted before inferred, then by confidence, then by label).
    pub fn best_edge(&self, a: NodeIndex, b: NodeIndex) -> Option<EdgeIndex> {
        use petgraph::visit::EdgeRef;
        self.graph
            .edges_connecting(a, b)
            .map(|e| e.id())
            .min_by(|x, y| self.edge_order(*x, *y))
    }

    fn edge_order(&self, x: EdgeIndex, y: EdgeIndex) -> std::cmp::Ordering {
        let (ex, ey) = (&self.graph[x], &self.graph[y]);
        (ex.kind == FactKind::Inferred)
            .cmp(&(ey.kind == FactKind::Inferred))
            .then(ey.confidence.total_cmp(&ex.confidence))
            .then(ex.label.cmp(&ey.label))
    }

    /// The relations from `a` to `b`, best first (extracted before inferred, then by confidence).
    pub fn edges_between(&self, a: NodeIndex, b: NodeIndex) -> Vec<EdgeIndex> {
        let mut edges: Vec<EdgeIndex> = self
            .graph
            .edges_connecting(a, b)
            .map(|e| {
                use petgraph::visit::EdgeRef;
                e.id()
            })
            .collect();
        edges.sort_by(|x, y| {
            let (ex, ey) = (&self.graph[*x], &self.graph[*y]);
            (ex.kind == FactKind::Inferred)
                .cmp(&(ey.kind == FactKind::Inferred))
                .then(ey.confidence.total_cmp(&ex.confidence))
                .then(ex.label.cmp(&ey.label))
        });
        edges
    }

    pub(crate) fn adjacency(&self, undirected: bool, backward: bool) -> &Adjacency {
        match (undirected, backward) {
            (true, _) => &self.both,
            (false, false) => &self.outgoing,
            (false, true) => &self.incoming,
        }
    }

    /// Entities within `depth` hops of `center`, ignoring direction (`center` included).
    pub fn neighbourhood(&self, center: NodeIndex, depth: usize) -> Vec<NodeIndex> {
        let mut seen = vec![false; self.index_bound()];
        let mut frontier = vec![center.index() as u32];
        if let Some(s) = seen.get_mut(center.index()) {
            *s = true;
        }
        let mut out = vec![center];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for &m in self.both.neighbors(n) {
                    if !seen[m as usize] {
                        seen[m as usize] = true;
                        next.push(m);
                        out.push(NodeIndex::new(m as usize));
                    }
                }
            }
            frontier = next;
        }
        out
    }

    pub(crate) fn index_bound(&self) -> usize {
        self.graph
            .node_indices()
            .map(|n| n.index() + 1)
            .max()
            .unwrap_or(0)
    }
}

/// Adds one reified fact to its edge: an asserted extraction adds evidence and may raise the confidence; an
/// inferred one names the rule.
fn apply_fact(edge: &mut RelationEdge, fact: &crate::store::FactRecord) {
    match fact.kind {
        FactKind::Extracted => {
            if fact.modality != "asserted" {
                return;
            }
            if edge.evidence.is_empty() {
                edge.confidence = fact.confidence;
            } else {
                edge.confidence = edge.confidence.max(fact.confidence);
            }
            edge.evidence.push(Evidence {
                document: fact.document.clone().unwrap_or_default(),
                sentence: fact.sentence.clone().unwrap_or_default(),
                rule: fact.rule.clone(),
                confidence: fact.confidence,
            });
        }
        FactKind::Inferred => {
            if edge.rule.is_none() {
                edge.rule = Some(fact.rule.clone());
            }
        }
    }
}

/// Accumulates nodes and edges during the one pass over the store.
struct Builder<'a> {
    ns: &'a Namespaces,
    graph: StableDiGraph<EntityNode, RelationEdge>,
    index: HashMap<String, NodeIndex>,
    labels: HashMap<NodeIndex, HashMap<String, usize>>,
    alt_labels: HashMap<NodeIndex, Vec<String>>,
    predicate_labels: HashMap<String, String>,
    edges: HashMap<(NodeIndex, u32, NodeIndex), EdgeIndex>,
    predicate_ids: HashMap<String, u32>,
    pending_types: Vec<(String, String)>,
}

impl<'a> Builder<'a> {
    fn new(ns: &'a Namespaces) -> Self {
        Self {
            ns,
            graph: StableDiGraph::new(),
            index: HashMap::new(),
            labels: HashMap::new(),
            alt_labels: HashMap::new(),
            predicate_labels: HashMap::new(),
            edges: HashMap::new(),
            predicate_ids: HashMap::new(),
            pending_types: Vec::new(),
        }
    }

    fn node(&mut self, iri: &str) -> NodeIndex {
        if let Some(&n) = self.index.get(iri) {
            return n;
        }
        let n = self.graph.add_node(EntityNode {
            iri: iri.to_string(),
            label: String::new(),
            aliases: Vec::new(),
            class: None,
        });
        self.index.insert(iri.to_string(), n);
        n
    }

    fn add_quad(
        &mut self,
        subject: &NamedOrBlankNode,
        predicate: &str,
        object: &Term,
        kind: FactKind,
    ) {
        let NamedOrBlankNode::NamedNode(s) = subject else {
            return;
        };
        let s = s.as_str();
        if self.ns.is_reifier(s) || s.starts_with(self.ns.doc_ns()) {
            return;
        }
        let is_entity = s.starts_with(self.ns.entity_ns());
        if predicate == rdfs::LABEL.as_str() {
            if let Term::Literal(l) = object {
                if self.ns.is_relation(s) {
                    self.predicate_labels
                        .entry(s.to_string())
                        .or_insert_with(|| l.value().to_string());
                } else if is_entity {
                    let n = self.node(s);
                    *self
                        .labels
                        .entry(n)
                        .or_default()
                        .entry(l.value().to_string())
                        .or_default() += 1;
                }
            }
            return;
        }
        if is_entity && predicate.starts_with(SKOS) && predicate.ends_with("altLabel") {
            if let Term::Literal(l) = object {
                let n = self.node(s);
                self.alt_labels
                    .entry(n)
                    .or_default()
                    .push(l.value().to_string());
            }
            return;
        }
        if predicate == rdf::TYPE.as_str() {
            if let Term::NamedNode(class) = object
                && is_entity
            {
                self.pending_types
                    .push((s.to_string(), class.as_str().to_string()));
            }
            return;
        }
        if !self.ns.is_relation(predicate) {
            return;
        }
        let Term::NamedNode(o) = object else {
            return;
        };
        let (a, b) = (self.node(s), self.node(o.as_str()));
        let next_id = self.predicate_ids.len() as u32;
        let pid = match self.predicate_ids.get(predicate) {
            Some(&id) => id,
            None => {
                self.predicate_ids.insert(predicate.to_string(), next_id);
                next_id
            }
        };
        let key = (a, pid, b);
        if let Some(&e) = self.edges.get(&key) {
            // Asserted somewhere beats inferred.
            if kind == FactKind::Extracted {
                self.graph[e].kind = FactKind::Extracted;
            }
            return;
        }
        let e = self.graph.add_edge(
            a,
            b,
            RelationEdge {
                predicate: predicate.to_string(),
                label: String::new(),
                kind,
                confidence: 1.0,
                evidence: Vec::new(),
                rule: None,
            },
        );
        self.edges.insert(key, e);
    }

    fn finish(mut self) -> Projection {
        for (iri, class) in std::mem::take(&mut self.pending_types) {
            if let Some(&n) = self.index.get(&iri) {
                let local = self.ns.local_name(&class);
                let node = &mut self.graph[n];
                // Several documents may type an entity differently; keep the first in sorted order, stably.
                if node.class.as_ref().is_none_or(|c| local < *c) {
                    node.class = Some(local);
                }
            }
        }
        let indices: Vec<NodeIndex> = self.graph.node_indices().collect();
        for n in &indices {
            let mut labels: Vec<(String, usize)> = self
                .labels
                .remove(n)
                .unwrap_or_default()
                .into_iter()
                .collect();
            // Most frequent, then longest, then alphabetical.
            labels.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(a.0.cmp(&b.0))
            });
            let mut aliases: Vec<String> = labels.iter().skip(1).map(|(l, _)| l.clone()).collect();
            aliases.extend(self.alt_labels.remove(n).unwrap_or_default());
            let node = &mut self.graph[*n];
            node.label = labels
                .first()
                .map(|(l, _)| l.clone())
                .unwrap_or_else(|| self.ns.local_name(&node.iri));
            aliases.retain(|a| a != &node.label);
            aliases.sort();
            aliases.dedup();
            node.aliases = aliases;
        }
        let edge_ids: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        for e in edge_ids {
            let edge = &mut self.graph[e];
            edge.label = self
                .predicate_labels
                .get(&edge.predicate)
                .cloned()
                .unwrap_or_else(|| self.ns.local_name(&edge.predicate));
        }
        Projection::assemble(self.graph, self.predicate_labels, self.ns.clone())
    }
}

impl Projection {
    /// The projection of a finished graph (labels chosen, classes set): its look-up tables and adjacency.
    fn assemble(
        graph: StableDiGraph<EntityNode, RelationEdge>,
        predicate_labels: HashMap<String, String>,
        ns: Namespaces,
    ) -> Projection {
        let mut index = HashMap::with_capacity(graph.node_count());
        let mut names: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        let mut bound = 0;
        for n in graph.node_indices() {
            let node = &graph[n];
            index.insert(node.iri.clone(), n);
            bound = bound.max(n.index() + 1);
            for name in std::iter::once(&node.label).chain(node.aliases.iter()) {
                let entry = names.entry(name.to_lowercase()).or_default();
                if !entry.contains(&n) {
                    entry.push(n);
                }
            }
        }
        let mut out_pairs = Vec::with_capacity(graph.edge_count());
        for e in graph.edge_indices() {
            if let Some((a, b)) = graph.edge_endpoints(e) {
                out_pairs.push((a.index() as u32, b.index() as u32));
            }
        }
        let in_pairs: Vec<(u32, u32)> = out_pairs.iter().map(|&(a, b)| (b, a)).collect();
        let mut both_pairs = out_pairs.clone();
        both_pairs.extend_from_slice(&in_pairs);
        Projection {
            outgoing: Adjacency::build(bound, out_pairs),
            incoming: Adjacency::build(bound, in_pairs),
            both: Adjacency::build(bound, both_pairs),
            graph,
            index,
            names,
            predicate_labels,
            ns,
        }
    }
}
