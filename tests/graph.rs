//! The petgraph projection: entities, relations, lookup, k shortest paths, PageRank.

use crate::fixtures::{TestRules, crimea_doc, talks_doc};
use kg::graph::{GraphError, PathFinder, PathOptions, Projection, page_rank};
use kg::store::{FactKind, KgStore};
use std::collections::{HashMap, HashSet, VecDeque};

fn sample() -> (KgStore, Projection) {
    let store = KgStore::in_memory(None).unwrap();
    store.write_document(&crimea_doc()).unwrap();
    store.write_document(&talks_doc()).unwrap();
    store.refresh_inferences(&TestRules).unwrap();
    let projection = Projection::from_store_with_evidence(&store).unwrap();
    (store, projection)
}

#[test]
fn evidence_attached_later_is_the_evidence_of_a_full_read() {
    let (store, full) = sample();
    let mut light = Projection::from_store(&store).unwrap();
    assert_eq!(light.node_count(), full.node_count());
    assert_eq!(light.edge_count(), full.edge_count());
    assert!(light.graph.edge_weights().all(|e| e.evidence.is_empty()));
    let edges: Vec<_> = light.graph.edge_indices().collect();
    light.attach_evidence(&store, &edges).unwrap();
    let summary = |p: &Projection| {
        let mut rows: Vec<String> = p
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = p.graph.edge_endpoints(e).unwrap();
                let edge = &p.graph[e];
                format!(
                    "{} {} {} {:?} {} {:?} {:?}",
                    p.graph[a].iri,
                    edge.predicate,
                    p.graph[b].iri,
                    edge.kind,
                    edge.confidence,
                    edge.rule,
                    edge.evidence
                )
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(summary(&light), summary(&full));
}

/// Nodes (IRI, label, aliases, class) and edges (ends, predicate, label, kind) of a projection, sorted.
fn shape(p: &Projection) -> Vec<String> {
    let mut rows: Vec<String> = p
        .graph
        .node_weights()
        .map(|n| format!("{} {} {:?} {:?}", n.iri, n.label, n.aliases, n.class))
        .collect();
    for e in p.graph.edge_indices() {
        let (a, b) = p.graph.edge_endpoints(e).unwrap();
        let edge = &p.graph[e];
        rows.push(format!(
            "{} {} {} {} {:?}",
            p.graph[a].iri, edge.predicate, edge.label, p.graph[b].iri, edge.kind
        ));
    }
    rows.sort();
    rows
}

#[test]
fn a_saved_projection_is_read_only_at_the_generation_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let store = KgStore::open(dir.path()).unwrap();
    store.write_document(&crimea_doc()).unwrap();
    store.refresh_inferences(&TestRules).unwrap();
    Projection::save_for(&store).unwrap();
    assert!(dir.path().join(kg::graph::PROJECTION_FILE).exists());
    let cached = Projection::cached(&store).unwrap();
    assert_eq!(
        shape(&cached),
        shape(&Projection::from_store(&store).unwrap())
    );
    assert!(cached.find("Crimea").is_ok());
    // After a write the file is out of date: the projection is read from the store (and saved again).
    store.write_document(&talks_doc()).unwrap();
    let fresh = Projection::from_store(&store).unwrap();
    assert_ne!(shape(&cached), shape(&fresh));
    assert_eq!(shape(&Projection::cached(&store).unwrap()), shape(&fresh));
    assert_eq!(shape(&Projection::cached(&store).unwrap()), shape(&fresh));
    // A damaged file is not trusted either.
    std::fs::write(dir.path().join(kg::graph::PROJECTION_FILE), "{").unwrap();
    assert_eq!(shape(&Projection::cached(&store).unwrap()), shape(&fresh));
}

#[test]
fn the_projection_has_entities_and_relations() {
    let (_store, p) = sample();
    let russia = p.find("Russia").unwrap();
    let node = &p.graph[russia];
    assert_eq!(node.class.as_deref(), Some("Country"));
    assert!(node.aliases.contains(&"Russian Federation".to_string()));
    assert!(
        node.aliases.contains(&"Moscow".to_string()),
        "aliases from both documents"
    );
    // Literal objects and negated facts are not relations between entities.
    let labels: HashSet<&str> = p.graph.edge_weights().map(|e| e.label.as_str()).collect();
    assert!(
        labels.contains("controls")
            && labels.contains("revive talk")
            && labels.contains("controlsPartOf")
    );
    assert!(!labels.contains("withdraw from") && !labels.contains("holdsPosition"));
    let controls = p
        .graph
        .edge_weights()
        .find(|e| e.label == "controls")
        .unwrap();
    assert_eq!(controls.kind, FactKind::Extracted);
    assert_eq!(
        controls.evidence[0].sentence,
        "Russia has controlled Crimea since 2014."
    );
    let inferred = p
        .graph
        .edge_weights()
        .find(|e| e.label == "hasPart")
        .unwrap();
    assert_eq!(inferred.kind, FactKind::Inferred);
    assert_eq!(inferred.rule.as_deref(), Some("inverse-partOf"));
}

#[test]
fn entities_are_found_by_label_alias_key_and_iri() {
    let (store, p) = sample();
    let putin = p.find("Vladimir Putin").unwrap();
    assert_eq!(p.find("putin").unwrap(), putin);
    assert_eq!(p.find("vladimir_putin").unwrap(), putin);
    let iri = store.namespaces().entity("vladimir_putin");
    assert_eq!(p.find(&format!("<{}>", iri.as_str())).unwrap(), putin);
    match p.find("Vladimir Putn") {
        Err(GraphError::UnknownEntity { suggestions, .. }) => assert_eq!(
            suggestions.first().map(String::as_str),
            Some("Vladimir Putin")
        ),
        other => panic!("{other:?}"),
    }
    let err = p.find("Zanzibar").unwrap_err().to_string();
    assert!(err.contains("no entity named \"Zanzibar\""), "{err}");
}

#[test]
fn paths_follow_direction_unless_undirected() {
    let (_store, p) = sample();
    let (putin, sevastopol, russia) = (
        p.find("Putin").unwrap(),
        p.find("Sevastopol").unwrap(),
        p.find("Russia").unwrap(),
    );
    let mut finder = PathFinder::new(&p);
    assert!(
        finder
            .k_shortest(putin, sevastopol, &PathOptions::default())
            .is_empty()
    );
    let undirected = PathOptions {
        undirected: true,
        k: 3,
        max_len: None,
    };
    let paths = finder.k_shortest(putin, sevastopol, &undirected);
    assert!(!paths.is_empty());
    assert_eq!(paths[0].len(), 3, "Putin - Ukraine - Crimea - Sevastopol");
    assert!(paths.windows(2).all(|w| w[0].len() <= w[1].len()));
    let short = PathOptions {
        undirected: true,
        k: 3,
        max_len: Some(2),
    };
    assert!(finder.k_shortest(putin, sevastopol, &short).is_empty());
    let direct = finder.k_shortest(
        russia,
        p.find("Crimea").unwrap(),
        &PathOptions {
            k: 5,
            ..PathOptions::default()
        },
    );
    assert_eq!(direct[0].len(), 1);
    let edge = &p.graph[direct[0].hops[0].edge];
    assert!(edge.label == "annexed" || edge.label == "controls");
}

/// A deterministic pseudo-random graph loaded through the store.
fn random_projection(nodes: usize, edges: usize, seed: u64) -> (Projection, Vec<(usize, usize)>) {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut pairs = Vec::new();
    let mut nt = String::new();
    for i in 0..nodes {
        nt.push_str(&format!("<https://kg.example.org/entity/n{i}> <http://www.w3.org/2000/01/rdf-schema#label> \"n{i}\" .\n"));
    }
    for _ in 0..edges {
        let (a, b) = (
            (next() % nodes as u64) as usize,
            (next() % nodes as u64) as usize,
        );
        pairs.push((a, b));
        nt.push_str(&format!(
            "<https://kg.example.org/entity/n{a}> <https://kg.example.org/ontology#linked> <https://kg.example.org/entity/n{b}> .\n"
        ));
    }
    let store = KgStore::in_memory(None).unwrap();
    store
        .load(oxigraph::io::RdfFormat::NTriples, nt.as_bytes())
        .unwrap();
    (Projection::from_store(&store).unwrap(), pairs)
}

/// Every simple path from a to b by depth-first enumeration: the oracle for Yen.
fn all_simple_path_lengths(
    adj: &HashMap<usize, HashSet<usize>>,
    a: usize,
    b: usize,
    limit: usize,
) -> Vec<usize> {
    fn go(
        adj: &HashMap<usize, HashSet<usize>>,
        n: usize,
        b: usize,
        seen: &mut Vec<usize>,
        out: &mut Vec<usize>,
        limit: usize,
    ) {
        if n == b {
            out.push(seen.len() - 1);
            return;
        }
        if seen.len() > limit {
            return;
        }
        for &m in adj.get(&n).into_iter().flatten() {
            if !seen.contains(&m) {
                seen.push(m);
                go(adj, m, b, seen, out, limit);
                seen.pop();
            }
        }
    }
    let mut out = Vec::new();
    go(adj, a, b, &mut vec![a], &mut out, limit);
    out.sort();
    out
}

#[test]
fn k_shortest_paths_match_brute_force_on_random_graphs() {
    for seed in 1..6u64 {
        let (p, pairs) = random_projection(12, 26, seed * 7919);
        let mut adj: HashMap<usize, HashSet<usize>> = HashMap::new();
        for &(a, b) in &pairs {
            if a != b {
                adj.entry(a).or_default().insert(b);
            }
        }
        let mut finder = PathFinder::new(&p);
        for (a, b) in [(0usize, 5usize), (1, 7), (3, 11), (2, 9)] {
            let (na, nb) = (
                p.find(&format!("n{a}")).unwrap(),
                p.find(&format!("n{b}")).unwrap(),
            );
            let expected = all_simple_path_lengths(&adj, a, b, 12);
            let got = finder.k_shortest(
                na,
                nb,
                &PathOptions {
                    k: 4,
                    ..PathOptions::default()
                },
            );
            let lengths: Vec<usize> = got.iter().map(|p| p.len()).collect();
            assert_eq!(
                lengths,
                expected.iter().copied().take(4).collect::<Vec<_>>(),
                "seed {seed} {a}->{b}"
            );
            let distinct: HashSet<_> = got.iter().map(|p| p.nodes.clone()).collect();
            assert_eq!(distinct.len(), got.len(), "paths are distinct");
            for path in &got {
                let unique: HashSet<_> = path.nodes.iter().collect();
                assert_eq!(unique.len(), path.nodes.len(), "paths are loop-free");
                for hop in &path.hops {
                    assert_eq!(p.graph.edge_endpoints(hop.edge), Some((hop.from, hop.to)));
                }
            }
        }
    }
}

#[test]
fn bidirectional_bfs_agrees_with_plain_bfs() {
    let (p, pairs) = random_projection(200, 500, 42);
    let mut adj: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(a, b) in &pairs {
        adj.entry(a).or_default().push(b);
    }
    let mut finder = PathFinder::new(&p);
    for a in (0..200).step_by(17) {
        let mut dist = HashMap::from([(a, 0usize)]);
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            for &m in adj.get(&n).into_iter().flatten() {
                if !dist.contains_key(&m) {
                    dist.insert(m, dist[&n] + 1);
                    queue.push_back(m);
                }
            }
        }
        for b in (0..200).step_by(13) {
            let (Ok(na), Ok(nb)) = (p.find(&format!("n{a}")), p.find(&format!("n{b}"))) else {
                continue;
            };
            let got = finder.k_shortest(na, nb, &PathOptions::default());
            assert_eq!(
                got.first().map(|p| p.len()),
                dist.get(&b).copied(),
                "{a} -> {b}"
            );
        }
    }
}

#[test]
fn pagerank_sums_to_one_and_favours_the_linked() {
    let (_store, p) = sample();
    let rank = page_rank(&p, 0.85, 100);
    let total: f64 = p.graph.node_indices().map(|n| rank[n.index()]).sum();
    assert!((total - 1.0).abs() < 1e-6, "{total}");
    let crimea = rank[p.find("Crimea").unwrap().index()];
    let putin = rank[p.find("Putin").unwrap().index()];
    assert!(crimea > putin, "Crimea is pointed at by several entities");
}
