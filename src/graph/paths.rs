//! K shortest paths between two entities: Yen's algorithm over breadth-first search (every hop costs 1).
//!
//! Paths are sequences of distinct entities; between two consecutive entities the best relation is reported
//! (several predicates between the same pair do not make several paths).

use super::{Adjacency, Projection};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::{BTreeSet, HashSet, VecDeque};

/// Options of a path search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathOptions {
    /// How many paths, shortest first.
    pub k: usize,
    /// The longest path, in hops.
    pub max_len: Option<usize>,
    /// Whether relations may be walked against their direction.
    pub undirected: bool,
}

impl Default for PathOptions {
    fn default() -> Self {
        Self {
            k: 1,
            max_len: None,
            undirected: false,
        }
    }
}

/// One hop of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    /// Where the hop starts.
    pub from: NodeIndex,
    /// Where it ends.
    pub to: NodeIndex,
    /// The relation walked (best first among parallel relations).
    pub edge: EdgeIndex,
    /// Whether the relation was walked against its direction (`to` is its subject).
    pub reversed: bool,
}

/// A path between two entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The entities, from the start to the end.
    pub nodes: Vec<NodeIndex>,
    /// The hops, one fewer than `nodes`.
    pub hops: Vec<Hop>,
}

impl Path {
    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// Whether the path has no hop (start = end).
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// Reusable search state over one projection: scratch arrays are stamped with a generation instead of being
/// cleared, so a query costs what it visits, not the size of the graph.
#[derive(Debug)]
pub struct PathFinder<'a> {
    projection: &'a Projection,
    generation: u32,
    stamp_fwd: Vec<u32>,
    stamp_bwd: Vec<u32>,
    parent_fwd: Vec<u32>,
    parent_bwd: Vec<u32>,
    blocked: Vec<u32>,
    front_fwd: Vec<u32>,
    front_bwd: Vec<u32>,
    next_front: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'a> PathFinder<'a> {
    /// A finder over `projection`.
    pub fn new(projection: &'a Projection) -> Self {
        let n = projection.index_bound();
        Self {
            projection,
            generation: 0,
            stamp_fwd: vec![0; n],
            stamp_bwd: vec![0; n],
            parent_fwd: vec![NONE; n],
            parent_bwd: vec![NONE; n],
            blocked: vec![0; n],
            front_fwd: Vec::new(),
            front_bwd: Vec::new(),
            next_front: Vec::new(),
        }
    }

    fn next_generation(&mut self) -> u32 {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp_fwd.fill(0);
            self.stamp_bwd.fill(0);
            self.blocked.fill(0);
            self.generation = 1;
        }
        self.generation
    }

    /// The k shortest loop-free paths from `from` to `to`, shortest first (ties in a stable order).
    ///
    /// # Arguments
    /// * `from`, `to`: entities of the projection.
    /// * `options`: `k`, the longest path allowed, whether direction is ignored.
    ///
    /// # Returns
    /// Up to `k` paths; empty when `to` cannot be reached within `max_len`.
    ///
    /// # Complexity
    /// One bidirectional BFS for the first path: O(|V| + |E|) at worst, usually far less. Yen's algorithm then
    /// runs one BFS per node of each accepted path: O(k · L · (|V| + |E|)) for paths of length L.
    pub fn k_shortest(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        options: &PathOptions,
    ) -> Vec<Path> {
        let max_len = options.max_len.unwrap_or(usize::MAX);
        let Some(first) = self.shortest(from, to, options.undirected, max_len) else {
            return Vec::new();
        };
        let mut accepted: Vec<Vec<u32>> = vec![first];
        let mut candidates: BTreeSet<(usize, Vec<u32>)> = BTreeSet::new();
        while accepted.len() < options.k {
            let Some(previous) = accepted.last().cloned() else {
                break;
            };
            for spur_at in 0..previous.len().saturating_sub(1) {
                let root = &previous[..=spur_at];
                if root.len() > max_len {
                    break;
                }
                // Block the next hop of every accepted path sharing this root, and the root's own nodes.
                let mut blocked_edges = HashSet::new();
                for path in &accepted {
                    if path.len() > spur_at + 1 && path[..=spur_at] == *root {
                        blocked_edges.insert((path[spur_at], path[spur_at + 1]));
                    }
                }
                let generation = self.next_generation();
                for &n in &root[..spur_at] {
                    self.blocked[n as usize] = generation;
                }
                let budget = max_len - (root.len() - 1);
                if let Some(spur) = self.bfs(
                    root[spur_at],
                    to.index() as u32,
                    options.undirected,
                    budget,
                    &blocked_edges,
                    generation,
                ) {
                    let mut path = root[..spur_at].to_vec();
                    path.extend(spur);
                    candidates.insert((path.len(), path));
                }
            }
            let Some(best) = candidates.pop_first() else {
                break;
            };
            accepted.push(best.1);
        }
        accepted
            .into_iter()
            .map(|nodes| self.to_path(&nodes, options.undirected))
            .collect()
    }

    /// Bidirectional BFS: a shortest path as node ids, or `None`.
    fn shortest(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        undirected: bool,
        max_len: usize,
    ) -> Option<Vec<u32>> {
        let (s, t) = (from.index() as u32, to.index() as u32);
        let bound = self.stamp_fwd.len() as u32;
        if s >= bound || t >= bound {
            return None;
        }
        if s == t {
            return Some(vec![s]);
        }
        let g = self.next_generation();
        let fwd_adj: &Adjacency = self.projection.adjacency(undirected, false);
        let bwd_adj: &Adjacency = self.projection.adjacency(undirected, true);
        self.stamp_fwd[s as usize] = g;
        self.parent_fwd[s as usize] = NONE;
        self.stamp_bwd[t as usize] = g;
        self.parent_bwd[t as usize] = NONE;
        // Frontier buffers are reused across queries.
        let mut front_f = std::mem::take(&mut self.front_fwd);
        let mut front_b = std::mem::take(&mut self.front_bwd);
        let mut next = std::mem::take(&mut self.next_front);
        front_f.clear();
        front_b.clear();
        front_f.push(s);
        front_b.push(t);
        let (mut depth_f, mut depth_b) = (0usize, 0usize);
        let mut found = None;
        while !front_f.is_empty() && !front_b.is_empty() && depth_f + depth_b < max_len {
            let forward = front_f.len() <= front_b.len();
            let (front, adj, stamp, parent, other) = if forward {
                (
                    &mut front_f,
                    fwd_adj,
                    &mut self.stamp_fwd,
                    &mut self.parent_fwd,
                    &self.stamp_bwd,
                )
            } else {
                (
                    &mut front_b,
                    bwd_adj,
                    &mut self.stamp_bwd,
                    &mut self.parent_bwd,
                    &self.stamp_fwd,
                )
            };
            next.clear();
            let mut meet = None;
            for &n in front.iter() {
                for &m in adj.neighbors(n) {
                    if stamp[m as usize] == g {
                        continue;
                    }
                    stamp[m as usize] = g;
                    parent[m as usize] = n;
                    if other[m as usize] == g {
                        meet = Some(m);
                        break;
                    }
                    next.push(m);
                }
                if meet.is_some() {
                    break;
                }
            }
            if forward {
                depth_f += 1;
            } else {
                depth_b += 1;
            }
            if meet.is_some() {
                // Level-synchronous expansion: the first meeting closes a shortest path.
                found = meet;
                break;
            }
            std::mem::swap(front, &mut next);
        }
        self.front_fwd = front_f;
        self.front_bwd = front_b;
        self.next_front = next;
        let m = found?;
        let mut path = Vec::new();
        let mut n = m;
        while n != NONE {
            path.push(n);
            n = self.parent_fwd[n as usize];
        }
        path.reverse();
        let mut n = self.parent_bwd[m as usize];
        while n != NONE {
            path.push(n);
            n = self.parent_bwd[n as usize];
        }
        Some(path)
    }

    /// BFS from `s` to `t` avoiding blocked nodes and hops, within `budget` hops.
    fn bfs(
        &mut self,
        s: u32,
        t: u32,
        undirected: bool,
        budget: usize,
        blocked_edges: &HashSet<(u32, u32)>,
        g: u32,
    ) -> Option<Vec<u32>> {
        let adj = self.projection.adjacency(undirected, false);
        self.stamp_fwd[s as usize] = g;
        self.parent_fwd[s as usize] = NONE;
        let mut queue = VecDeque::from([(s, 0usize)]);
        while let Some((n, d)) = queue.pop_front() {
            if n == t {
                let mut path = Vec::new();
                let mut x = t;
                while x != NONE {
                    path.push(x);
                    x = self.parent_fwd[x as usize];
                }
                path.reverse();
                return Some(path);
            }
            if d >= budget {
                continue;
            }
            for &m in adj.neighbors(n) {
                let mi = m as usize;
                if self.stamp_fwd[mi] == g
                    || self.blocked[mi] == g
                    || blocked_edges.contains(&(n, m))
                {
                    continue;
                }
                self.stamp_fwd[mi] = g;
                self.parent_fwd[mi] = n;
                queue.push_back((m, d + 1));
            }
        }
        None
    }

    fn to_path(&self, nodes: &[u32], undirected: bool) -> Path {
        let nodes: Vec<NodeIndex> = nodes.iter().map(|&n| NodeIndex::new(n as usize)).collect();
        let mut hops = Vec::with_capacity(nodes.len().saturating_sub(1));
        for pair in nodes.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if let Some(edge) = self.projection.best_edge(a, b) {
                hops.push(Hop {
                    from: a,
                    to: b,
                    edge,
                    reversed: false,
                });
            } else if undirected && let Some(edge) = self.projection.best_edge(b, a) {
                hops.push(Hop {
                    from: a,
                    to: b,
                    edge,
                    reversed: true,
                });
            }
        }
        Path { nodes, hops }
    }
}
