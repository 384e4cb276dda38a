//! Store and projection micro-benchmarks: writing document graphs with provenance, building the projection,
//! path queries. The side-by-side comparison with rdflib and networkx is `bench/store_vs_python.py`.

use criterion::{Criterion, criterion_group, criterion_main};
use kg::graph::{PathFinder, PathOptions, Projection};
use kg::resolve::{DocumentGraph, Entity, Fact, Node, Predicate, SentenceText};
use kg::store::KgStore;
use std::hint::black_box;

/// A generated document: `entities` entities, `facts` facts between them, one sentence per fact.
fn document(id: usize, entities: usize, facts: usize, seed: u64) -> DocumentGraph {
    let mut x = seed | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let entities_list = (0..entities)
        .map(|i| Entity {
            key: format!("e{}", (next() % 5000)),
            label: format!("Entity {i}"),
            aliases: vec![],
            class: "Country".to_string(),
            mentions: std::iter::once(0..1).collect(),
            name_in_document: None,
        })
        .collect();
    let sentences = (0..facts)
        .map(|i| SentenceText {
            bytes: i * 40..i * 40 + 39,
            text: format!("Sentence number {i} says something."),
        })
        .collect();
    let facts = (0..facts)
        .map(|i| Fact {
            subject: Node::Entity((next() as usize) % entities),
            predicate: Predicate::Ontology(["controls", "partOf", "supports"][i % 3].to_string()),
            object: Node::Entity((next() as usize) % entities),
            sentence: i,
            bytes: i * 40..i * 40 + 39,
            rule: "svo".to_string(),
            confidence: 0.9,
            modality: "asserted".to_string(),
            attributed_to: None,
            qualifiers: vec![],
            wording: None,
        })
        .collect();
    DocumentGraph {
        doc_id: format!("doc-{id}"),
        title: None,
        date: None,
        url: None,
        sentences,
        entities: entities_list,
        facts,
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = KgStore::open(dir.path()).expect("store");
    let doc = document(0, 30, 50, 1);
    c.bench_function("write_document (50 facts, RocksDB)", |b| {
        b.iter(|| store.write_document(black_box(&doc)).expect("write"))
    });

    for id in 1..400 {
        store
            .write_document(&document(id, 40, 60, id as u64))
            .expect("write");
    }
    c.bench_function("projection from 24k facts", |b| {
        b.iter(|| Projection::from_store(black_box(&store)).expect("projection"))
    });
    let projection = Projection::from_store(&store).expect("projection");
    let nodes: Vec<_> = projection.graph.node_indices().collect();
    let mut finder = PathFinder::new(&projection);
    let mut i = 0;
    c.bench_function("shortest path (bidirectional BFS)", |b| {
        b.iter(|| {
            i = (i + 7919) % nodes.len();
            let (a, z) = (nodes[i], nodes[(i * 31 + 17) % nodes.len()]);
            black_box(finder.k_shortest(a, z, &PathOptions::default()))
        })
    });
    c.bench_function("3 shortest paths (Yen)", |b| {
        b.iter(|| {
            i = (i + 7919) % nodes.len();
            let (a, z) = (nodes[i], nodes[(i * 31 + 17) % nodes.len()]);
            black_box(finder.k_shortest(
                a,
                z,
                &PathOptions {
                    k: 3,
                    ..PathOptions::default()
                },
            ))
        })
    });
}

criterion_group! {
    name = store_benches;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(store_benches);
