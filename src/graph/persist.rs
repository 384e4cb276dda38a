//! The projection kept beside the store, so that `kg path`, `kg stats`, `kg entity` and `kg explain` open
//! it in a fraction of a second instead of reading every entity and fact out of RocksDB on each call (where
//! decoding the terms costs 70% of the time: 10 s for 19,000 newswire stories).
//!
//! The file (`projection.json` in the store's folder) records the store's generation (see
//! [`KgStore::generation`]): every write replaces that token in its own transaction, so a file made before
//! the last write is never taken for current. The writers (`kg build`, `kg remove`, `kg load`) save it at
//! the end; a reader that finds it missing or out of date builds the projection from the store and saves it
//! for the next one (when the folder is writable). Saving writes a temporary file and renames it, so a
//! reader never sees half a file.

use super::{EntityNode, Projection, RelationEdge};
use crate::store::{FactKind, KgStore, StoreResult};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The file name in the store's folder.
pub const PROJECTION_FILE: &str = "projection.json";

/// Changes whenever the saved form or what the projection holds changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    format: u32,
    nodes: Vec<SavedNode>,
    edges: Vec<SavedEdge>,
    predicate_labels: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize)]
struct SavedNode {
    iri: String,
    label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    class: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SavedEdge {
    from: u32,
    to: u32,
    predicate: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
}

impl Projection {
    /// The projection of `store` ([`Projection::from_store`]), from the saved file when it was made at the
    /// store's current generation; otherwise built from the store and saved for the next reader (a store in
    /// memory or a folder that cannot be written is simply read).
    ///
    /// Costs one read of the file (linear in entities and facts) when it is current.
    pub fn cached(store: &KgStore) -> StoreResult<Self> {
        if let Some(saved) = store.load_beside::<Saved>(PROJECTION_FILE)?
            && let Some(projection) = restore(saved, store)
        {
            return Ok(projection);
        }
        let projection = Self::from_store(store)?;
        // A reader may lack the right to write the folder: it just does not save.
        let _ = store.save_beside(PROJECTION_FILE, &saved(&projection));
        Ok(projection)
    }

    /// Builds the projection of `store` and saves it beside the store: what a writer calls last, so that
    /// readers find it current.
    ///
    /// # Errors
    /// When the store cannot be read or the file cannot be written.
    pub fn save_for(store: &KgStore) -> StoreResult<()> {
        if store.path().is_some() {
            store.save_beside(PROJECTION_FILE, &saved(&Self::from_store(store)?))?;
        }
        Ok(())
    }
}

/// The projection of a saved file, if it is of this format and consistent.
fn restore(saved: Saved, store: &KgStore) -> Option<Projection> {
    if saved.format != FORMAT {
        return None;
    }
    let predicate_labels: HashMap<String, String> = saved.predicate_labels.into_iter().collect();
    let ns = store.namespaces();
    let mut graph = StableDiGraph::with_capacity(saved.nodes.len(), saved.edges.len());
    for node in saved.nodes {
        graph.add_node(EntityNode {
            iri: node.iri,
            label: node.label,
            aliases: node.aliases,
            class: node.class,
        });
    }
    let nodes = graph.node_count();
    for edge in saved.edges {
        if edge.from as usize >= nodes || edge.to as usize >= nodes {
            return None;
        }
        let label = predicate_labels
            .get(&edge.predicate)
            .cloned()
            .unwrap_or_else(|| ns.local_name(&edge.predicate));
        graph.add_edge(
            NodeIndex::new(edge.from as usize),
            NodeIndex::new(edge.to as usize),
            RelationEdge {
                predicate: edge.predicate,
                label,
                kind: if edge.inferred {
                    FactKind::Inferred
                } else {
                    FactKind::Extracted
                },
                confidence: 1.0,
                evidence: Vec::new(),
                rule: None,
            },
        );
    }
    Some(Projection::assemble(graph, predicate_labels, ns.clone()))
}

/// The saved form of `projection`.
fn saved(projection: &Projection) -> Saved {
    // Node indices of the file: the projection's, compacted (a stable graph may have holes).
    let mut position: HashMap<NodeIndex, u32> = HashMap::new();
    let mut nodes = Vec::with_capacity(projection.graph.node_count());
    for n in projection.graph.node_indices() {
        let node = &projection.graph[n];
        position.insert(n, nodes.len() as u32);
        nodes.push(SavedNode {
            iri: node.iri.clone(),
            label: node.label.clone(),
            aliases: node.aliases.clone(),
            class: node.class.clone(),
        });
    }
    let mut edges = Vec::with_capacity(projection.graph.edge_count());
    for e in projection.graph.edge_indices() {
        let Some((a, b)) = projection.graph.edge_endpoints(e) else {
            continue;
        };
        edges.push(SavedEdge {
            from: position[&a],
            to: position[&b],
            predicate: projection.graph[e].predicate.clone(),
            inferred: projection.graph[e].kind == FactKind::Inferred,
        });
    }
    let mut predicate_labels: Vec<(String, String)> = projection
        .predicate_labels
        .iter()
        .map(|(i, l)| (i.clone(), l.clone()))
        .collect();
    predicate_labels.sort();
    Saved {
        format: FORMAT,
        nodes,
        edges,
        predicate_labels,
    }
}
