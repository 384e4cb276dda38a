//! PageRank over the projection's relations (parallel relations between two entities count once).

use super::Projection;

/// PageRank scores, indexed by node index.
///
/// # Arguments
/// * `projection`: the entity graph; relations are followed in their direction.
/// * `damping`: the probability of following a relation rather than jumping anywhere (0.85 is usual).
/// * `iterations`: the most power iterations; it stops earlier once the scores move by less than 1e-10.
///
/// # Returns
/// A score per node index (0 for unused indices), summing to 1 over the entities. Dangling entities (no
/// outgoing relation) spread their score over every entity.
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time, O(|V|) extra space.
pub fn page_rank(projection: &Projection, damping: f64, iterations: usize) -> Vec<f64> {
    let bound = projection.index_bound();
    let alive: Vec<usize> = projection.graph.node_indices().map(|n| n.index()).collect();
    let n = alive.len();
    let mut rank = vec![0.0; bound];
    if n == 0 {
        return rank;
    }
    let uniform = 1.0 / n as f64;
    for &i in &alive {
        rank[i] = uniform;
    }
    let out = projection.adjacency(false, false);
    let mut next = vec![0.0; bound];
    for _ in 0..iterations {
        let mut dangling = 0.0;
        for &i in &alive {
            next[i] = 0.0;
        }
        for &i in &alive {
            let targets = out.neighbors(i as u32);
            if targets.is_empty() {
                dangling += rank[i];
            } else {
                let share = rank[i] / targets.len() as f64;
                for &t in targets {
                    next[t as usize] += share;
                }
            }
        }
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        let mut delta = 0.0;
        for &i in &alive {
            let value = base + damping * next[i];
            delta += (value - rank[i]).abs();
            rank[i] = value;
        }
        if delta < 1e-10 {
            break;
        }
    }
    rank
}
