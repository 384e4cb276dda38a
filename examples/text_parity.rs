//! Dev check: agreement of the tokenizer, attribute ruler and lemmatizer with spaCy's oracle output.
//!
//! `cargo run --release --example text_parity -- ../shared/oracle/carb_dev.jsonl ../shared/oracle/seeds.jsonl`
//! (from the crate root; `../shared` is the project's shared data beside it)
//!
//! Prints the share of documents tokenized identically and, given the oracle's tags and parse, the share
//! of tokens whose POS, morphology and lemma agree; then the first differences of each kind.

use kg::analysis::{AttributeRuler, Doc, Lemmatizer, Tokenizer};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/models/en_core_web_sm-3.8.0");
    let tokenizer = Tokenizer::from_msgpack(&std::fs::read(model.join("tokenizer"))?)?;
    let ruler =
        AttributeRuler::from_msgpack(&std::fs::read(model.join("attribute_ruler/patterns"))?)?;
    let lemmatizer = Lemmatizer::from_msgpack(&std::fs::read(
        model.join("lemmatizer/lookups/lookups.bin"),
    )?)?;
    let (mut docs, mut same_docs, mut toks) = (0, 0, 0);
    let (mut pos_ok, mut morph_ok, mut lemma_ok) = (0, 0, 0);
    let mut diffs: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        for line in std::fs::read_to_string(&path)?
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let oracle = Doc::from_json(&serde_json::from_str(line)?)?;
            docs += 1;
            let ours = tokenizer.tokenize(&oracle.text);
            let same = ours.len() == oracle.tokens.len()
                && ours.iter().zip(&oracle.tokens).all(|(a, b)| {
                    a.start == b.start && a.end == b.end && a.space_after == b.space_after
                });
            if same {
                same_docs += 1;
            } else if diffs.len() < 40 {
                let o: Vec<&str> = oracle
                    .tokens
                    .iter()
                    .map(|t| &oracle.text[t.start..t.end])
                    .collect();
                let u: Vec<&str> = ours.iter().map(|t| &oracle.text[t.start..t.end]).collect();
                let first = o
                    .iter()
                    .zip(&u)
                    .position(|(a, b)| a != b)
                    .unwrap_or(o.len().min(u.len()));
                let lo = first.saturating_sub(3);
                diffs.push(format!(
                    "TOK {}: spaCy {:?} ours {:?}",
                    oracle.id,
                    &o[lo..(first + 4).min(o.len())],
                    &u[lo..(first + 4).min(u.len())]
                ));
            }
            let mut doc = oracle.clone();
            for t in &mut doc.tokens {
                t.pos.clear();
                t.morph.clear();
                t.lemma.clear();
            }
            ruler.apply(&mut doc);
            lemmatizer.apply(&mut doc);
            for (i, (a, b)) in doc.tokens.iter().zip(&oracle.tokens).enumerate() {
                toks += 1;
                pos_ok += usize::from(a.pos == b.pos);
                morph_ok += usize::from(a.morph == b.morph);
                lemma_ok += usize::from(a.lemma == b.lemma);
                if (a.pos != b.pos || a.morph != b.morph || a.lemma != b.lemma) && diffs.len() < 80
                {
                    diffs.push(format!(
                        "ATTR {} {:?} tag={} dep={}: spaCy {}/{}/{} ours {}/{}/{}",
                        oracle.id,
                        oracle.token_text(i),
                        b.tag,
                        b.dep,
                        b.pos,
                        b.morph,
                        b.lemma,
                        a.pos,
                        a.morph,
                        a.lemma
                    ));
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "documents tokenized identically: {same_docs}/{docs} ({:.2}%)",
        pct(same_docs, docs)
    );
    println!("tokens (oracle tags and parse given): {toks}");
    println!("  pos   {pos_ok} ({:.3}%)", pct(pos_ok, toks));
    println!("  morph {morph_ok} ({:.3}%)", pct(morph_ok, toks));
    println!("  lemma {lemma_ok} ({:.3}%)", pct(lemma_ok, toks));
    for d in diffs {
        println!("{d}");
    }
    Ok(())
}
