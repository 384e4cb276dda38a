//! Exports: RDF serialisations, TSV, GraphML, Neo4j CSV, Cypher and GraphViz.
//!
//! RDF formats are written from the store (every graph but the store's own settings; the ontology on request)
//! with oxigraph's serialisers; the others from the [`Projection`]. Every export can be narrowed to the
//! neighbourhood of an entity and to some predicates with a [`Selection`].

mod dot;
mod graphml;
mod neo4j;
mod ranked;
mod rdf;
mod tsv;

pub use dot::{write_dot, write_svg};
pub use graphml::write_graphml;
pub use neo4j::{write_cypher, write_neo4j};
pub use rdf::{Reification, write_rdf};
pub use tsv::{TSV_HEADER, write_tsv};

use crate::graph::{GraphError, Projection};
use crate::store::KgStore;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::HashSet;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// An unknown entity.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A `--predicate` that names no relation in the graph.
    #[error("no relation named {name:?}{}", if .suggestions.is_empty() { String::new() } else { format!("; known relations include {}", .suggestions.join(", ")) })]
    UnknownPredicate {
        /// The name asked for.
        name: String,
        /// Some relations that exist.
        suggestions: Vec<String>,
    },
    /// The SVG layout failed.
    #[error("cannot lay out the graph as SVG: {0}")]
    Layout(String),
    /// An RDF serialiser refused the data.
    #[error("cannot serialise RDF: {0}")]
    Serialize(String),
}

/// Result of exports.
pub type ExportResult<T> = Result<T, ExportError>;

/// Which part of the graph to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Entity IRIs to keep (`None`: all).
    pub entities: Option<HashSet<String>>,
    /// Relation predicate IRIs to keep (`None`: all).
    pub predicates: Option<HashSet<String>>,
    /// The IRI of the `--around` entity, which a node limit always keeps.
    pub center: Option<String>,
}

impl Selection {
    /// Everything.
    pub fn all() -> Self {
        Self::default()
    }

    /// The entities within `depth` hops of `around` (any direction), and the relations named in
    /// `predicates` (by IRI, `kg:` name, local name or label, case-insensitive).
    pub fn new(
        projection: &Projection,
        around: Option<&str>,
        depth: usize,
        predicates: &[String],
    ) -> ExportResult<Self> {
        let center = around.map(|name| projection.find(name)).transpose()?;
        let entities = center.map(|center| {
            projection
                .neighbourhood(center, depth)
                .into_iter()
                .map(|n| projection.graph[n].iri.clone())
                .collect()
        });
        let predicates = if predicates.is_empty() {
            None
        } else {
            let mut known: Vec<(String, String)> = projection
                .graph
                .edge_weights()
                .map(|e| (e.predicate.clone(), e.label.clone()))
                .collect();
            known.extend(
                projection
                    .predicate_labels()
                    .map(|(i, l)| (i.to_string(), l.to_string())),
            );
            known.sort();
            known.dedup();
            let mut chosen = HashSet::new();
            for wanted in predicates {
                let w = wanted.trim().trim_start_matches('<').trim_end_matches('>');
                let lw = w.to_lowercase();
                let local = lw.strip_prefix("kg:").unwrap_or(&lw).to_string();
                let before = chosen.len();
                for (iri, label) in &known {
                    let iri_local = iri.rsplit(['#', '/']).next().unwrap_or(iri).to_lowercase();
                    if iri == w
                        || iri_local == local
                        || iri_local == local.replace(' ', "_")
                        || label.to_lowercase() == local
                    {
                        chosen.insert(iri.clone());
                    }
                }
                if chosen.len() == before {
                    let mut labels: Vec<String> = known.iter().map(|(_, l)| l.clone()).collect();
                    labels.sort_by_key(|l| crate::graph::edit_distance(&local, &l.to_lowercase()));
                    labels.dedup();
                    labels.truncate(5);
                    return Err(ExportError::UnknownPredicate {
                        name: wanted.clone(),
                        suggestions: labels,
                    });
                }
            }
            Some(chosen)
        };
        Ok(Self {
            entities,
            predicates,
            center: center.map(|n| projection.graph[n].iri.clone()),
        })
    }

    /// Keeps at most `max` of the selected entities, so that a drawing stays readable: the `--around`
    /// entity and then the most central ones (PageRank over the whole graph, ties by IRI). Returns how many
    /// entities the selection held before (what a caller reports as "N of M").
    ///
    /// Runs PageRank once: O(iterations x (entities + relations)).
    pub fn keep_most_central(&mut self, projection: &Projection, max: usize) -> usize {
        let (nodes, _) = self.subgraph(projection);
        let total = nodes.len();
        if total <= max {
            return total;
        }
        let rank = crate::graph::page_rank(projection, 0.85, 50);
        let mut ranked: Vec<(bool, f64, &str)> = nodes
            .iter()
            .map(|&n| {
                let iri = projection.graph[n].iri.as_str();
                (
                    self.center.as_deref() == Some(iri),
                    rank.get(n.index()).copied().unwrap_or(0.0),
                    iri,
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
        self.entities = Some(
            ranked
                .into_iter()
                .take(max)
                .map(|(_, _, iri)| iri.to_string())
                .collect(),
        );
        total
    }

    /// Whether nothing is filtered out.
    pub fn is_all(&self) -> bool {
        self.entities.is_none() && self.predicates.is_none()
    }

    /// Whether an entity is kept.
    pub fn keeps_entity(&self, iri: &str) -> bool {
        self.entities.as_ref().is_none_or(|set| set.contains(iri))
    }

    /// Whether a relation predicate is kept.
    pub fn keeps_predicate(&self, iri: &str) -> bool {
        self.predicates.as_ref().is_none_or(|set| set.contains(iri))
    }

    /// The kept nodes and edges of the projection. With a predicate filter, only entities touched by a kept
    /// relation remain (the centre of `--around` always does).
    pub fn subgraph(&self, projection: &Projection) -> (Vec<NodeIndex>, Vec<EdgeIndex>) {
        let mut edges = Vec::new();
        let mut touched = HashSet::new();
        for e in projection.graph.edge_indices() {
            let Some((a, b)) = projection.graph.edge_endpoints(e) else {
                continue;
            };
            let edge = &projection.graph[e];
            if self.keeps_predicate(&edge.predicate)
                && self.keeps_entity(&projection.graph[a].iri)
                && self.keeps_entity(&projection.graph[b].iri)
            {
                edges.push(e);
                touched.insert(a);
                touched.insert(b);
            }
        }
        let nodes = projection
            .graph
            .node_indices()
            .filter(|&n| {
                let iri = &projection.graph[n].iri;
                self.keeps_entity(iri) && (self.predicates.is_none() || touched.contains(&n))
            })
            .collect();
        (nodes, edges)
    }
}

/// Everything an export needs: the store, its projection and the selection.
#[derive(Debug)]
pub struct ExportContext<'a> {
    /// The store.
    pub store: &'a KgStore,
    /// The entity graph.
    pub projection: &'a Projection,
    /// The part to export.
    pub selection: &'a Selection,
}
