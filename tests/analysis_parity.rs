//! Parity of the native pipeline with spaCy 3.8's `en_core_web_sm`, on oracle files that spaCy itself
//! annotated. Every field is compared as `check_parity.py` counts it: the share of all tokens that agree,
//! where a document whose tokenization differs counts all its tokens as wrong.

use kg::analysis::{Analyzer, Doc, EntIob};

fn load(path: &str) -> Vec<Doc> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
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

fn assert_parity(path: &str, figures: &[f64], bad_docs: usize, n_docs: usize) {
    for (name, value) in FIELDS.iter().zip(figures) {
        assert!(
            *value >= 0.995,
            "{path}: {name} agreement {value:.4} < 0.995"
        );
    }
    assert!(
        (bad_docs as f64) <= 0.005 * n_docs as f64,
        "{path}: tokenization differs in {bad_docs} of {n_docs} documents"
    );
}

/// The whole pipeline from the raw text, tokenizer included.
fn check_from_text(path: &str) {
    let analyzer = Analyzer::embedded().unwrap();
    let oracle = load(path);
    let inputs: Vec<(&str, &str)> = oracle
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let ours = analyzer.analyze_batch(&inputs, 2);
    let (figures, bad) = compare(&oracle, &ours);
    assert_parity(path, &figures, bad, oracle.len());
    // One document at a time gives the same result as the batch.
    let single = analyzer.analyze(oracle[0].id.clone(), oracle[0].text.clone());
    assert_eq!(single, ours[0]);
}

/// Everything after the tokenizer, on the oracle's own tokens.
fn check_from_tokens(path: &str) {
    let analyzer = Analyzer::embedded().unwrap();
    let oracle = load(path);
    let mut ours: Vec<Doc> = oracle.iter().map(cleared).collect();
    analyzer.annotate_batch(&mut ours, 1);
    let (figures, bad) = compare(&oracle, &ours);
    assert_eq!(bad, 0);
    assert_parity(path, &figures, bad, oracle.len());
}

#[test]
fn seeds_match_spacy() {
    check_from_text("tests/data/oracle_seeds.jsonl");
    check_from_tokens("tests/data/oracle_seeds.jsonl");
}

#[test]
fn carb_dev_sample_matches_spacy() {
    check_from_text("tests/data/oracle_carb_dev_200.jsonl");
    check_from_tokens("tests/data/oracle_carb_dev_200.jsonl");
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
/// both must give the same analysis (on a CPU without AMX both runs take the float32 path).
#[test]
fn amx_and_float32_products_give_the_same_analysis() {
    let analyze = |disable_amx: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kg"));
        command.args([
            "analyze",
            "tests/data/oracle_seeds.jsonl",
            "tests/data/oracle_carb_dev_200.jsonl",
            "--format",
            "jsonl",
            "--threads",
            "2",
        ]);
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
