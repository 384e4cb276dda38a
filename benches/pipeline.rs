//! Throughput of the native statistical analysis (tok2vec, tagger, parser, entity recogniser) on the
//! oracle fixtures' tokens, in bytes of text per second, on one thread and on all cores.

mod fixtures;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kg::analysis::{Analyzer, Doc};

fn fixture_docs() -> Vec<Doc> {
    fixtures::sources()
        .into_iter()
        .flat_map(|(_, path, take)| fixtures::records(&path, take))
        .map(|value| Doc::from_json(&value).expect("fixture document"))
        .collect()
}

fn bench_pipeline(c: &mut Criterion) {
    let analyzer = Analyzer::embedded().expect("embedded model");
    let docs = fixture_docs();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    for threads in [1, cores] {
        group.bench_function(format!("annotate_batch/{threads}_threads"), |b| {
            b.iter_batched(
                || docs.clone(),
                |mut d| analyzer.annotate_batch(&mut d, threads),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.bench_function("load_embedded_model", |b| {
        b.iter(|| Analyzer::embedded().expect("model"))
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
