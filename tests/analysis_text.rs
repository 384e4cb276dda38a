//! Parity of the rule-based analysis (tokenizer, attribute ruler, lemmatizer) with spaCy 3.8's output on
//! copies of the oracle, and robustness of the tokenizer on arbitrary input.

use crate::shared_data;
use kg::analysis::{AttributeRuler, Doc, Lemmatizer, Tokenizer};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/models/en_core_web_sm-3.8.0")
}

fn tokenizer() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        Tokenizer::from_msgpack(&std::fs::read(model_dir().join("tokenizer")).unwrap()).unwrap()
    })
}

/// spaCy's analyses of the seeds and of our synthetic sentences, and of CaRB dev where `../shared` has it.
fn oracle_docs(test: &str) -> Vec<Doc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![
        root.join("tests/data/oracle_seeds.jsonl"),
        root.join("tests/data/oracle_synthetic_200.jsonl"),
    ];
    paths.extend(shared_data::oracle_carb_dev(&format!(
        "the CaRB part of {test}"
    )));
    let mut docs = Vec::new();
    for path in paths {
        for line in std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            docs.push(Doc::from_json(&serde_json::from_str(line).unwrap()).unwrap());
        }
    }
    docs
}

#[test]
fn tokenization_matches_spacy_on_the_oracle() {
    let docs = oracle_docs("tokenization_matches_spacy_on_the_oracle");
    assert!(docs.len() >= 200);
    let same = docs
        .iter()
        .filter(|d| {
            let ours = tokenizer().tokenize(&d.text);
            ours.len() == d.tokens.len()
                && ours.iter().zip(&d.tokens).all(|(a, b)| {
                    a.start == b.start && a.end == b.end && a.space_after == b.space_after
                })
        })
        .count();
    assert_eq!(
        same,
        docs.len(),
        "identical tokenization in {same} of {} documents",
        docs.len()
    );
}

/// spaCy's tokenization of random and adversarial strings (punctuation, URLs, emoticons, contractions,
/// control characters, all of Unicode), as `[first char, end char, space after]` per token.
#[test]
fn tokenization_matches_spacy_on_adversarial_strings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/oracle_tokenizer_fuzz.jsonl");
    let (mut docs, mut same) = (0usize, 0usize);
    for line in std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let byte_of: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let want: Vec<(usize, usize, bool)> = v["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let c = |k: usize| byte_of[t[k].as_u64().unwrap() as usize];
                (c(0), c(1), t[2].as_u64() == Some(1))
            })
            .collect();
        let got: Vec<(usize, usize, bool)> = tokenizer()
            .tokenize(text)
            .iter()
            .map(|t| (t.start, t.end, t.space_after))
            .collect();
        docs += 1;
        same += usize::from(got == want);
    }
    assert!(docs >= 3000);
    assert_eq!(
        same, docs,
        "identical tokenization in {same} of {docs} strings"
    );
}

#[test]
fn attribute_ruler_and_lemmatizer_match_spacy_given_its_tags_and_parse() {
    let dir = model_dir();
    let ruler =
        AttributeRuler::from_msgpack(&std::fs::read(dir.join("attribute_ruler/patterns")).unwrap())
            .unwrap();
    let lemmatizer = Lemmatizer::from_msgpack(
        &std::fs::read(dir.join("lemmatizer/lookups/lookups.bin")).unwrap(),
    )
    .unwrap();
    let (mut total, mut pos, mut morph, mut lemma) = (0usize, 0usize, 0usize, 0usize);
    for oracle in oracle_docs("attribute_ruler_and_lemmatizer_match_spacy_given_its_tags_and_parse")
    {
        let mut doc = oracle.clone();
        for t in &mut doc.tokens {
            t.pos.clear();
            t.morph.clear();
            t.lemma.clear();
        }
        ruler.apply(&mut doc);
        lemmatizer.apply(&mut doc);
        for (a, b) in doc.tokens.iter().zip(&oracle.tokens) {
            total += 1;
            pos += usize::from(a.pos == b.pos);
            morph += usize::from(a.morph == b.morph);
            lemma += usize::from(a.lemma == b.lemma);
        }
    }
    assert!(total > 5000);
    for (name, ok) in [("pos", pos), ("morph", morph), ("lemma", lemma)] {
        assert_eq!(ok, total, "{name} agrees on {ok} of {total} tokens");
    }
}

/// Checks the tokenizer's contract on one text.
fn check_cover(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenizer().tokenize(text);
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for t in &tokens {
        prop_assert!(t.start >= at, "tokens out of order or overlapping");
        prop_assert!(t.end > t.start, "empty token");
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        // Between tokens there is nothing but the one space of the previous token.
        prop_assert_eq!(t.start, at);
        rebuilt.push_str(&text[t.start..t.end]);
        if t.space_after {
            prop_assert_eq!(text.get(t.end..t.end + 1), Some(" "));
            rebuilt.push(' ');
        }
        at = t.end + usize::from(t.space_after);
    }
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

fn odd_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[ \\n\\t\\r\\x0b\\x0c\\u{a0}\\u{2028}\\u{3000}]{1,6}",
        "[a-zA-Z0-9.,;:!?'\"()\\[\\]{}<>/\\\\@#$%^&*+=~`|-]{1,12}",
        "[\\u{1F300}-\\u{1F6FF}\\u{200D}\\u{FE0F}]{1,5}",
        "[\\u{4E00}-\\u{4E50}\\u{3040}-\\u{309F}]{1,8}",
        "[\\x00-\\x1f\\x7f\\u{85}]{1,4}",
        prop::sample::select(vec![
            "don't",
            "U.S.",
            "a.m.",
            ":)",
            "http://x.org/a?b=c",
            "5km",
            "well-known",
            "...",
            "’s",
            "(a.m.)"
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn tokenizer_covers_any_text_exactly(text in odd_text()) {
        check_cover(&text)?;
    }
}

#[test]
fn tokenizer_handles_long_and_repetitive_input() {
    let texts = [
        "x".repeat(1 << 20),
        "\n".repeat(5000),
        "a\n\n".repeat(3000),
        "(((((".repeat(20_000) + "word" + &")".repeat(50_000),
        "http://".repeat(20_000),
        "1-2-".repeat(50_000),
        "....!!!!????".repeat(10_000),
        "日本語😀".repeat(20_000),
        " ".repeat(10_000),
    ];
    for text in &texts {
        check_cover(text).unwrap();
    }
}

/// Runs `kg analyze` with the given arguments and standard input.
fn kg_analyze(args: &[&str], stdin: &str) -> (bool, String, String) {
    let args: Vec<&str> = std::iter::once("analyze")
        .chain(args.iter().copied())
        .collect();
    // `kg analyze` uses no store; the variable only has to name a path.
    let out = crate::cli::kg_with_stdin(&args, Path::new("unused-store"), stdin);
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn analyze_command_keeps_input_order_on_many_threads() {
    let lines: Vec<String> = (0..60)
        .map(|i| format!("Document {i} says that Japan and Russia met in Tokyo on day {i}."))
        .collect();
    let input = lines.join("\n") + "\n";
    let (ok, one, err) = kg_analyze(&["--lines", "-", "--threads", "1"], &input);
    assert!(ok, "{err}");
    let (ok, four, err) = kg_analyze(&["--lines", "-", "--threads", "4"], &input);
    assert!(ok, "{err}");
    assert_eq!(one, four);
    let docs: Vec<Doc> = one
        .lines()
        .map(|l| Doc::from_json(&serde_json::from_str(l).unwrap()).unwrap())
        .collect();
    assert_eq!(docs.len(), 60);
    for (doc, line) in docs.iter().zip(&lines) {
        assert_eq!(&doc.text, line);
        assert!(doc.tokens.iter().any(|t| t.ent_type == "GPE"));
        assert!(
            doc.tokens
                .iter()
                .all(|t| !t.lemma.is_empty() && !t.pos.is_empty())
        );
    }
}

#[test]
fn analyze_command_writes_conllu_and_text() {
    let text = "Japan won.\n\nIt rained in Tokyo.";
    let (ok, conllu, err) = kg_analyze(&["--format", "conllu", "-"], text);
    assert!(ok, "{err}");
    let blocks: Vec<&str> = conllu.trim_end().split("\n\n").collect();
    assert!(blocks.len() >= 2, "{conllu}");
    for block in blocks {
        assert!(block.lines().any(|l| l.starts_with("# sent_id = ")));
        assert!(block.lines().any(|l| l.starts_with("# text = ")));
        let rows: Vec<&str> = block.lines().filter(|l| !l.starts_with('#')).collect();
        for (k, row) in rows.iter().enumerate() {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(cols.len(), 10, "{row}");
            assert_eq!(cols[0], (k + 1).to_string());
            let head: usize = cols[6].parse().unwrap();
            assert!(head <= rows.len());
            assert!(cols.iter().all(|c| !c.is_empty() && !c.contains(' ')));
        }
        assert_eq!(
            rows.iter()
                .filter(|r| r.split('\t').nth(6) == Some("0"))
                .count(),
            1,
            "{block}"
        );
    }
    let (ok, table, err) = kg_analyze(&["--format", "text", "-"], text);
    assert!(ok, "{err}");
    assert!(table.contains("Tokyo") && table.contains("GPE"));
}
