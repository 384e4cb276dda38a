//! Throughput of the native statistical analysis (tok2vec, tagger, parser, entity recogniser) on the
//! oracle fixtures' tokens, in bytes of text per second, on one thread and on all cores.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kg::analysis::{Analyzer, Doc};

fn fixture_docs() -> Vec<Doc> {
    let mut docs = Vec::new();
    for name in [
        "tests/data/oracle_seeds.jsonl",
        "tests/data/oracle_carb_dev_200.jsonl",
    ] {
        let text = std::fs::read_to_string(name).expect("fixture file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("fixture JSON");
            docs.push(Doc::from_json(&value).expect("fixture document"));
        }
    }
    docs
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
