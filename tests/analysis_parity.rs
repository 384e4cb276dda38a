//! Parity of the native pipeline with spaCy 3.8's `en_core_web_sm`, on oracle files that spaCy itself
//! annotated. Every field is compared as `check_parity.py` counts it: the share of all tokens that agree,
//! where a document whose tokenization differs counts all its tokens as wrong. The README claims identical
//! output, so every field must agree on every token.

use crate::shared_data;
use kg::analysis::{Analyzer, Doc, EntIob, MatrixUnits, Tokenizer};
use std::path::Path;

fn load(path: impl AsRef<Path>) -> Vec<Doc> {
    let path = path.as_ref();
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Doc::from_json(&serde_json::from_str(l).unwrap()).unwrap())
        .collect()
}

fn cleared(doc: &Doc) -> Doc {
    let mut d = doc.clone();
    for t in &mut d.tokens {
        t.tag.clear();
        t.pos.clear();
        t.morph.clear();
        t.lemma.clear();
        t.dep.clear();
        t.head = 0;
        t.sent_start = false;
        t.ent_iob = EntIob::Missing;
        t.ent_type.clear();
        t.norm.clear();
    }
    d.ents.clear();
    d
}

const FIELDS: [&str; 7] = [
    "text",
    "tag",
    "pos",
    "lemma",
    "dep+head",
    "ent",
    "sent_start",
];

fn compare(oracle: &[Doc], ours: &[Doc]) -> (Vec<f64>, usize) {
    let mut agree = [0usize; 7];
    let mut total = 0;
    let mut bad_docs = 0;
    for (o, u) in oracle.iter().zip(ours) {
        total += o.tokens.len();
        let texts = |d: &Doc| {
            (0..d.tokens.len())
                .map(|i| d.token_text(i).to_string())
                .collect::<Vec<_>>()
        };
        if texts(o) != texts(u) {
            bad_docs += 1;
            continue;
        }
        for (a, b) in o.tokens.iter().zip(&u.tokens) {
            let same = [
                true,
                a.tag == b.tag,
                a.pos == b.pos,
                a.lemma == b.lemma,
                a.dep == b.dep && a.head == b.head,
                a.ent_iob == b.ent_iob && a.ent_type == b.ent_type,
                a.sent_start == b.sent_start,
            ];
            for (n, s) in agree.iter_mut().zip(same) {
                *n += usize::from(s);
            }
        }
        // Entities are rebuilt from the IOB codes exactly as the oracle lists them.
        let spans = |d: &Doc| {
            d.ents
                .iter()
                .map(|e| (e.start, e.end, e.label.clone()))
                .collect::<Vec<_>>()
        };
        if o.tokens
            .iter()
            .zip(&u.tokens)
            .all(|(a, b)| a.ent_iob == b.ent_iob && a.ent_type == b.ent_type)
        {
            assert_eq!(spans(o), spans(u), "{}", o.id);
        }
    }
    assert!(total > 1000, "only {total} tokens");
    (
        agree.iter().map(|&a| a as f64 / total as f64).collect(),
        bad_docs,
    )
}

fn assert_parity(path: &Path, check: &str, figures: &[f64], bad_docs: usize, n_docs: usize) {
    let path = format!("{} ({check})", path.display());
    assert_eq!(
        bad_docs, 0,
        "{path}: tokenization differs in {bad_docs} of {n_docs} documents"
    );
    for (name, value) in FIELDS.iter().zip(figures) {
        assert!(*value == 1.0, "{path}: {name} agreement {value:.6} < 1");
    }
}

/// The whole pipeline from the raw text, tokenizer included.
fn check_from_text(path: &Path) {
    let analyzer = Analyzer::embedded().unwrap();
    let oracle = load(path);
    let inputs: Vec<(&str, &str)> = oracle
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let ours = analyzer.analyze_batch(&inputs, 2);
    let (figures, bad) = compare(&oracle, &ours);
    assert_parity(path, "from the text", &figures, bad, oracle.len());
    // One document at a time gives the same result as the batch.
    let single = analyzer.analyze(oracle[0].id.clone(), oracle[0].text.clone());
    assert_eq!(single, ours[0]);
}

/// Everything after the tokenizer, on the oracle's own tokens. The oracle does not list the norms that
/// spaCy's tokenizer exceptions set (`n't` -> `not`), which the networks read, so they come from our
/// tokenizer (identical to spaCy's on these files, as the check from the text shows).
fn check_from_tokens(path: &Path) {
    let analyzer = Analyzer::embedded().unwrap();
    let tokenizer = Tokenizer::from_msgpack(
        &std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/models/en_core_web_sm-3.8.0/tokenizer"),
        )
        .unwrap(),
    )
    .unwrap();
    let oracle = load(path);
    let mut ours: Vec<Doc> = oracle.iter().map(cleared).collect();
    for doc in &mut ours {
        let tokens = tokenizer.tokenize(&doc.text);
        assert_eq!(tokens.len(), doc.tokens.len(), "{}: tokenization", doc.id);
        for (ours, theirs) in doc.tokens.iter_mut().zip(tokens) {
            assert_eq!((ours.start, ours.end), (theirs.start, theirs.end));
            ours.norm = theirs.norm;
        }
    }
    analyzer.annotate_batch(&mut ours, 1);
    let (figures, bad) = compare(&oracle, &ours);
    assert_parity(path, "from spaCy's tokens", &figures, bad, oracle.len());
}

const SEEDS: &str = "tests/data/oracle_seeds.jsonl";
const SYNTHETIC: &str = "tests/data/oracle_synthetic_200.jsonl";

#[test]
fn seeds_match_spacy() {
    check_from_text(Path::new(SEEDS));
    check_from_tokens(Path::new(SEEDS));
}

#[test]
fn synthetic_sentences_match_spacy() {
    check_from_text(Path::new(SYNTHETIC));
    check_from_tokens(Path::new(SYNTHETIC));
}

#[test]
fn carb_dev_matches_spacy() {
    let Some(path) = shared_data::oracle_carb_dev("carb_dev_matches_spacy") else {
        return;
    };
    check_from_text(&path);
    check_from_tokens(&path);
}

#[test]
fn analyzer_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Analyzer>();
}

#[test]
fn empty_and_whitespace_documents_do_not_panic() {
    let analyzer = Analyzer::embedded().unwrap();
    let mut docs = vec![
        Doc::default(),
        Doc {
            id: "spaces".into(),
            text: "\n\n  \n".into(),
            tokens: vec![kg::analysis::Token {
                start: 0,
                end: 5,
                ..Default::default()
            }],
            ents: vec![],
        },
    ];
    analyzer.annotate_batch(&mut docs, 1);
    assert_eq!(docs[1].tokens[0].head, 0);
    assert!(docs[1].tokens[0].sent_start);
    assert_eq!(docs[1].tokens[0].ent_iob, EntIob::Outside);
}

/// The matrix products run on AMX tiles in split bfloat16 where the CPU has them and in float32 elsewhere;
/// both must give the same analysis. Without AMX there is nothing to compare, and the test says so.
#[test]
fn amx_and_float32_products_give_the_same_analysis() {
    if kg::analysis::matrix_units() != MatrixUnits::AmxBf16x3 {
        eprintln!(
            "skipped amx_and_float32_products_give_the_same_analysis: no AMX on this CPU (or KG_NO_AMX set)"
        );
        return;
    }
    let mut inputs = vec![SEEDS.to_string(), SYNTHETIC.to_string()];
    inputs.extend(
        shared_data::oracle_carb_dev(
            "the CaRB part of amx_and_float32_products_give_the_same_analysis",
        )
        .map(|p| p.display().to_string()),
    );
    let analyze = |disable_amx: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kg"));
        command
            .arg("analyze")
            .args(&inputs)
            .args(["--format", "jsonl", "--threads", "2"]);
        command.current_dir(env!("CARGO_MANIFEST_DIR"));
        if disable_amx {
            command.env("KG_NO_AMX", "1");
        } else {
            command.env_remove("KG_NO_AMX");
        }
        let output = command.output().expect("the kg binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    };
    let (tiles, float32) = (analyze(false), analyze(true));
    assert!(tiles.len() > 100_000, "too little output to compare");
    assert!(tiles == float32, "the two paths analyse differently");
}
