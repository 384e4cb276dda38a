//! What extraction and resolution add to the time of analysis alone (issue: under 20%), measured side by
//! side in one run on one thread, on the text of the oracle fixtures (the seed articles and 200 CaRB dev
//! sentences, one document per line), repeated to about 60,000 tokens.
//!
//! Each round times, on the same documents: the analysis (`Pipeline::analyze_batch`, as `kg build` and
//! `kg extract` run it), then extraction, then resolution of each document on its own, then the corpus
//! pass over all their names (`canonical_keys` and `out_of_context`, the surnames each document keeps;
//! applying them to a store is store work, timed by `kg build` and `bench/scale.py`). Prints the median of
//! each stage over the rounds and the ratio of extraction + resolution to analysis.
//!
//! Run: `cargo bench --bench extract_overhead` (`-- ROUNDS` to change the number of rounds, default 7).

mod fixtures;

use kg::ingest::Document;
use kg::pipeline::Pipeline;
use kg::resolve::corpus::{CorpusNames, NameRecord};
use std::hint::black_box;
use std::time::Instant;

/// The allocator the `kg` binary ships with (`src/main.rs`), so that allocation costs are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Texts of the fixtures, one per document.
fn corpus(want_bytes: usize) -> Vec<Document> {
    let mut texts = Vec::new();
    for (_, path, take) in fixtures::sources() {
        for value in fixtures::records(&path, take) {
            if let Some(text) = value["text"].as_str() {
                texts.push(text.to_string());
            }
        }
    }
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < want_bytes {
        for text in &texts {
            bytes += text.len();
            docs.push(Document::from_text(
                format!("d{}", docs.len()),
                text.clone(),
            ));
        }
    }
    docs
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(7);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let pipeline = Pipeline::new(None, &[]).expect("embedded model and ontology");
    let documents = corpus(350_000);
    let (mut analysis, mut extraction, mut resolution) = (Vec::new(), Vec::new(), Vec::new());
    let mut corpus = Vec::new();
    let mut tokens = 0;
    let mut facts = 0;
    let (mut names, mut renamed, mut kept) = (0, 0, 0);
    for _ in 0..rounds {
        pool.install(|| {
            let start = Instant::now();
            let docs = pipeline.analyze_batch(&documents);
            analysis.push(start.elapsed().as_secs_f64());
            let start = Instant::now();
            let triples: Vec<_> = docs.iter().map(|d| pipeline.extract(d)).collect();
            extraction.push(start.elapsed().as_secs_f64());
            let start = Instant::now();
            facts = 0;
            let mut records: Vec<Vec<NameRecord>> = Vec::new();
            for ((document, doc), triples) in documents.iter().zip(&docs).zip(&triples) {
                let graph = pipeline.resolve(document, doc, triples);
                facts += graph.facts.len();
                records.push(graph.entities.iter().map(NameRecord::from).collect());
            }
            resolution.push(start.elapsed().as_secs_f64());
            let start = Instant::now();
            let mut names_of = CorpusNames::default();
            let ids: Vec<Vec<u32>> = records
                .iter()
                .map(|doc| doc.iter().map(|r| names_of.add(r)).collect())
                .collect();
            let canonical = names_of.canonical_keys();
            let named: Vec<&[u32]> = ids.iter().map(Vec::as_slice).collect();
            kept = black_box(names_of.out_of_context(&canonical, &named)).len();
            renamed = canonical.len();
            corpus.push(start.elapsed().as_secs_f64());
            names = records.iter().map(Vec::len).sum();
            tokens = docs.iter().map(|d| d.tokens.len()).sum::<usize>();
        });
    }
    let (a, e, r, c) = (
        median(analysis),
        median(extraction),
        median(resolution),
        median(corpus),
    );
    println!(
        "{} documents, {tokens} tokens, {facts} facts; median of {rounds} rounds, one thread",
        documents.len()
    );
    println!("analysis    {a:8.3} s  ({:.0} tokens/s)", tokens as f64 / a);
    println!(
        "extraction  {e:8.3} s  ({:5.1}% of analysis)",
        100.0 * e / a
    );
    println!(
        "resolution  {r:8.3} s  ({:5.1}% of analysis)",
        100.0 * r / a
    );
    println!(
        "corpus pass {c:8.3} s  ({:5.1}% of analysis; {names} names, {renamed} to another key, {kept} kept in a document)",
        100.0 * c / a
    );
    println!(
        "extraction + resolution (corpus pass included) add {:.1}% to analysis alone",
        100.0 * (e + r + c) / a
    );
}
