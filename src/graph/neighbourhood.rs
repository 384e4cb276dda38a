//! The neighbourhood view of the explorer: the entities related to one entity, one edge per property and
//! direction (with how many documents state it), ranked by confidence and support, bounded, and filtered by
//! property, class, confidence, document and date.

use super::explorer::{DocRef, Explorer};
use crate::store::{FactKind, KgStore, StoreResult};
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What to show around an entity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NeighbourhoodOptions {
    /// The most neighbours shown (the best ranked).
    pub limit: usize,
    /// Also show facts with a literal object.
    pub literals: bool,
    /// Only these properties (labels or IRIs); all when empty.
    pub properties: Vec<String>,
    /// Only neighbours of these classes (`untyped` for none); all when empty.
    pub classes: Vec<String>,
    /// Only relations at least this confident.
    pub min_confidence: f64,
    /// Only relations stated in this document.
    pub document: Option<String>,
    /// Only relations stated in documents dated on or after this (ISO date prefix).
    pub from: Option<String>,
    /// Only relations stated in documents dated on or before this.
    pub to: Option<String>,
}

/// A node of the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewNode {
    /// The entity IRI (or `literal:N` for a literal).
    pub id: String,
    /// Its label or value.
    pub label: String,
    /// Its class.
    pub class: Option<String>,
    /// A literal value, not an entity.
    pub literal: bool,
    /// Documents mentioning it.
    pub documents: usize,
}

/// An edge of the view: all the statements of one property between two nodes, in one direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewEdge {
    /// The source node id.
    pub source: String,
    /// The target node id.
    pub target: String,
    /// The property IRI.
    pub predicate: String,
    /// The property label.
    pub label: String,
    /// Documents stating it (within the filters).
    pub count: usize,
    /// The best confidence.
    pub confidence: f64,
    /// Derived by a rule, with no extraction.
    pub inferred: bool,
    /// The most confident sentence.
    pub sentence: Option<String>,
    /// Its document.
    pub document: Option<String>,
    /// That document's date.
    pub date: Option<String>,
    /// Subject, predicate and object in N-Triples syntax (what `/api/explain` takes).
    pub triple: [String; 3],
}

/// The neighbourhood of one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbourhood {
    /// The centre's IRI.
    pub center: String,
    /// Nodes shown (the centre first).
    pub nodes: Vec<ViewNode>,
    /// Edges shown.
    pub edges: Vec<ViewEdge>,
    /// Neighbours that pass the filters (more than shown when bounded).
    pub total: usize,
    /// Properties around the centre with their edge counts (before the property and class filters).
    pub properties: Vec<(String, usize)>,
    /// Neighbour classes with their counts (before the property and class filters).
    pub classes: Vec<(String, usize)>,
    /// The documents mentioning the centre, newest first.
    pub documents: Vec<DocRef>,
}

/// An edge's extractions that pass the document and date filters: (count of documents, best confidence,
/// best extraction index); `None` when none pass.
type Passing = Option<(usize, f64, Option<usize>)>;

impl Explorer {
    fn passing(&self, edge: EdgeIndex, options: &NeighbourhoodOptions) -> Passing {
        let r = &self.projection.graph[edge];
        let filtered = options.document.is_some() || options.from.is_some() || options.to.is_some();
        if r.evidence.is_empty() {
            let ok = !filtered && r.confidence >= options.min_confidence;
            return ok.then_some((0, r.confidence, None));
        }
        let mut docs = BTreeSet::new();
        let mut best: Option<(f64, usize)> = None;
        for (i, ev) in r.evidence.iter().enumerate() {
            if options.document.as_ref().is_some_and(|d| *d != ev.document) {
                continue;
            }
            if options.from.is_some() || options.to.is_some() {
                let Some(date) = self.date_of(&ev.document) else {
                    continue;
                };
                let day = date.get(..10).unwrap_or(&date);
                if options.from.as_deref().is_some_and(|f| day < f)
                    || options.to.as_deref().is_some_and(|t| day > t)
                {
                    continue;
                }
            }
            docs.insert(ev.document.as_str());
            if best.is_none_or(|(c, _)| ev.confidence > c) {
                best = Some((ev.confidence, i));
            }
        }
        let (confidence, i) = best?;
        (confidence >= options.min_confidence).then_some((docs.len(), confidence, Some(i)))
    }

    fn view_edge(
        &self,
        edge: EdgeIndex,
        (count, confidence, best): (usize, f64, Option<usize>),
    ) -> ViewEdge {
        let g = &self.projection.graph;
        let r = &g[edge];
        let (s, o) = g.edge_endpoints(edge).expect("edge of the graph");
        let ev = best.map(|i| &r.evidence[i]);
        ViewEdge {
            source: g[s].iri.clone(),
            target: g[o].iri.clone(),
            predicate: r.predicate.clone(),
            label: r.label.clone(),
            count,
            confidence,
            inferred: r.kind == FactKind::Inferred && r.evidence.is_empty(),
            sentence: ev.map(|e| e.sentence.clone()),
            document: ev.map(|e| e.document.clone()),
            date: ev.and_then(|e| self.date_of(&e.document)),
            triple: [
                format!("<{}>", g[s].iri),
                format!("<{}>", r.predicate),
                format!("<{}>", g[o].iri),
            ],
        }
    }

    fn view_node(&self, n: NodeIndex) -> ViewNode {
        let node = &self.projection.graph[n];
        ViewNode {
            id: node.iri.clone(),
            label: node.label.clone(),
            class: node.class.clone(),
            literal: false,
            documents: self.mentions.get(&n).map_or(0, Vec::len),
        }
    }

    /// The neighbourhood of entity `iri` (`None` when unknown); `store` is read only for literal facts.
    pub fn neighbourhood(
        &self,
        store: &KgStore,
        iri: &str,
        options: &NeighbourhoodOptions,
    ) -> StoreResult<Option<Neighbourhood>> {
        let Some(center) = self.projection.node(iri) else {
            return Ok(None);
        };
        let g = &self.projection.graph;
        let wanted = |label: &str, predicate: &str| {
            options.properties.is_empty()
                || options
                    .properties
                    .iter()
                    .any(|p| p == label || p == predicate)
        };
        let class_of = |n: NodeIndex| g[n].class.clone().unwrap_or_else(|| "untyped".into());
        let mut properties: HashMap<String, usize> = HashMap::new();
        let mut classes: HashMap<String, HashSet<NodeIndex>> = HashMap::new();
        // Per neighbour: its score and its edges to the centre.
        let mut around: HashMap<NodeIndex, (f64, Vec<ViewEdge>)> = HashMap::new();
        let mut seen = HashSet::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for edge in g.edges_directed(center, direction) {
                if !seen.insert(edge.id()) {
                    continue;
                }
                let other = if edge.source() == center {
                    edge.target()
                } else {
                    edge.source()
                };
                if !self.is_entity(other) {
                    continue;
                }
                let r = edge.weight();
                *properties.entry(r.label.clone()).or_default() += 1;
                classes.entry(class_of(other)).or_default().insert(other);
                if !wanted(&r.label, &r.predicate) {
                    continue;
                }
                if !options.classes.is_empty() && !options.classes.contains(&class_of(other)) {
                    continue;
                }
                let Some(pass) = self.passing(edge.id(), options) else {
                    continue;
                };
                let entry = around.entry(other).or_insert((0.0, Vec::new()));
                entry.0 += pass.1 * (1.0 + (1.0 + pass.0 as f64).ln());
                entry.1.push(self.view_edge(edge.id(), pass));
            }
        }
        let total = around.len();
        let mut ranked: Vec<(NodeIndex, (f64, Vec<ViewEdge>))> = around.into_iter().collect();
        let rank = |n: NodeIndex| self.rank.get(n.index()).copied().unwrap_or(0.0);
        ranked.sort_by(|a, b| {
            (b.1.0)
                .total_cmp(&a.1.0)
                .then(rank(b.0).total_cmp(&rank(a.0)))
                .then_with(|| g[a.0].label.cmp(&g[b.0].label))
        });
        ranked.truncate(options.limit.max(1));
        let kept: HashSet<NodeIndex> = ranked.iter().map(|(n, _)| *n).collect();
        let mut nodes = vec![self.view_node(center)];
        let mut edges = Vec::new();
        for (n, (_, list)) in ranked {
            nodes.push(self.view_node(n));
            edges.extend(list);
        }
        // Relations among the neighbours shown, so that clusters show.
        for &n in &kept {
            for edge in g.edges_directed(n, Direction::Outgoing) {
                if edge.target() != n
                    && kept.contains(&edge.target())
                    && wanted(&edge.weight().label, &edge.weight().predicate)
                    && let Some(pass) = self.passing(edge.id(), options)
                {
                    edges.push(self.view_edge(edge.id(), pass));
                }
            }
        }
        if options.literals {
            for (i, fact) in self.literal_facts(store, iri)?.into_iter().enumerate() {
                if fact.confidence < options.min_confidence
                    || !wanted(&fact.property, &fact.predicate)
                {
                    continue;
                }
                let id = format!("literal:{i}");
                nodes.push(ViewNode {
                    id: id.clone(),
                    label: fact.other.clone(),
                    class: None,
                    literal: true,
                    documents: fact.documents,
                });
                let best = fact.sources.first();
                edges.push(ViewEdge {
                    source: iri.to_string(),
                    target: id,
                    predicate: fact.predicate.clone(),
                    label: fact.property.clone(),
                    count: fact.documents,
                    confidence: fact.confidence,
                    inferred: fact.inferred,
                    sentence: fact.sentence.clone(),
                    document: best.map(|s| s.document.clone()),
                    date: best.and_then(|s| s.date.clone()),
                    triple: fact.triple.clone(),
                });
            }
        }
        let sorted = |map: HashMap<String, usize>| {
            let mut list: Vec<(String, usize)> = map.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list
        };
        Ok(Some(Neighbourhood {
            center: iri.to_string(),
            nodes,
            edges,
            total,
            properties: sorted(properties),
            classes: sorted(classes.into_iter().map(|(c, s)| (c, s.len())).collect()),
            documents: self.documents_of(center),
        }))
    }
}
