//! Extraction speed on spaCy's analysis of the seed articles and 200 CaRB dev sentences (analysis is
//! ~0.1 ms per sentence natively; extraction should add under 20% of that).

mod fixtures;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kg::analysis::Doc;
use kg::extract::Extractor;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("extract");
    for (name, path, take) in fixtures::sources() {
        let docs: Vec<Doc> = fixtures::records(&path, take)
            .iter()
            .map(|v| Doc::from_json(v).expect("fixture document"))
            .collect();
        let sentences: usize = docs.iter().map(|d| d.sentences().len()).sum();
        group.throughput(Throughput::Elements(sentences as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(extractor.extract(black_box(d)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
