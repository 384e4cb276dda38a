//! Development harness: re-annotates the tokens of an oracle JSONL file with the native statistical
//! components and writes the result in the same form, for `check_parity.py`.
//!
//! usage: `cargo run --release --example reannotate -- ORACLE.jsonl OUT.jsonl [--from-text]`
//! Tokens may carry a `norm` field (a tokenizer special-case norm); all annotations are recomputed. With
//! `--from-text` the oracle's texts go through the whole pipeline, tokenizer included.

use std::io::{BufRead, Write};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match (args.get(1), args.get(2)) {
        (Some(i), Some(o)) => (i, o),
        _ => anyhow::bail!("usage: reannotate ORACLE.jsonl OUT.jsonl"),
    };
    let analyzer = kg::analysis::Analyzer::embedded()?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)?;
        let mut doc = kg::analysis::Doc::from_json(&value)?;
        let norms = value["tokens"].as_array().cloned().unwrap_or_default();
        for (t, j) in doc.tokens.iter_mut().zip(norms) {
            t.norm = j
                .get("norm")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string();
        }
        docs.push(doc);
    }
    if args.iter().any(|a| a == "--from-text") {
        let inputs: Vec<(String, String)> = docs
            .iter()
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect();
        docs = analyzer.analyze_batch(&inputs, 1);
    } else {
        analyzer.annotate_batch(&mut docs, 1);
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(output)?);
    for doc in &docs {
        writeln!(out, "{}", doc.to_json())?;
    }
    Ok(())
}
