//! Fuzzing of the whole pipeline on stable Rust (proptest): arbitrary text through analysis, extraction,
//! resolution and the store; arbitrary spaCy-style JSON (the right shape, hostile values) through the
//! `--analyzed` path. CI runs a few cases of each; `KG_FUZZ_SECONDS=600` runs each entry for ten minutes
//! (or `KG_FUZZ_CASES=N` for N cases), printing how many inputs were tried:
//!
//! ```text
//! KG_FUZZ_SECONDS=600 cargo test --release --test integration fuzz:: -- --nocapture --test-threads 1
//! ```
//!
//! A failing input is shrunk and printed; it then becomes a regression test below, named after the bug.

use kg::analysis::Doc;
use kg::extract::Extractor;
use kg::ingest::Document;
use kg::pipeline::{Pipeline, pieces};
use kg::store::KgStore;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Cases per run when no budget is given: enough to catch a regression in CI, a few seconds each.
const CI_CASES: u32 = 48;

/// The pipeline, loaded once; resolution learns across cases (more state, more paths).
fn pipeline() -> &'static Mutex<Pipeline> {
    static PIPELINE: OnceLock<Mutex<Pipeline>> = OnceLock::new();
    PIPELINE.get_or_init(|| Mutex::new(Pipeline::new(None, &[]).expect("pipeline")))
}

/// Runs `test` on inputs from `strategy` for the budget in `KG_FUZZ_SECONDS`, or `KG_FUZZ_CASES` cases (by
/// default [`CI_CASES`]); panics with the shrunk input on a failure. Returns the number of inputs tried.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> u64
where
    S::Value: std::fmt::Debug,
{
    let env = |key| std::env::var(key).ok().and_then(|v| v.parse::<u64>().ok());
    let budget = env("KG_FUZZ_SECONDS").map(Duration::from_secs);
    let cases = env("KG_FUZZ_CASES").unwrap_or(u64::from(CI_CASES));
    let per_round = 64;
    // A new runner per round (a runner runs its cases once), seeded from the base seed and the round, so a
    // run can be repeated with `KG_FUZZ_SEED`.
    let base = env("KG_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let runner = |round: u64| {
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&base.to_le_bytes());
        seed[8..16].copy_from_slice(&round.to_le_bytes());
        let config = Config {
            cases: per_round,
            failure_persistence: None,
            ..Config::default()
        };
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed))
    };
    let started = Instant::now();
    let mut tried = 0u64;
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let calls = std::cell::Cell::new(0u64);
    loop {
        let done = match budget {
            Some(budget) => started.elapsed() >= budget,
            None => tried >= cases,
        };
        if done {
            break;
        }
        let result = runner(tried / u64::from(per_round)).run(&strategy, |input| {
            let t = Instant::now();
            let r = test(input);
            slowest.set(slowest.get().max(t.elapsed()));
            calls.set(calls.get() + 1);
            r
        });
        match result {
            Ok(()) => tried += u64::from(per_round),
            Err(TestError::Fail(reason, input)) => {
                panic!("fuzz {name} (KG_FUZZ_SEED={base}): {reason}\nminimal input: {input:#?}")
            }
            Err(TestError::Abort(reason)) => panic!("fuzz {name}: aborted: {reason}"),
        }
    }
    eprintln!(
        "fuzz {name} (KG_FUZZ_SEED={base}): {} inputs in {:.1} s, no failure (slowest {} ms)",
        calls.get(),
        started.elapsed().as_secs_f64(),
        slowest.get().as_millis()
    );
    calls.get()
}

/// Words that make parses with clauses, entities, coordination, possessives, quotes and odd characters.
const WORDS: &[&str] = &[
    "Russia",
    "Japan",
    "Vladimir",
    "Putin",
    "Shinzo",
    "Abe",
    "Tony",
    "Blair",
    "Brown",
    "Crimea",
    "Tokyo",
    "Mr.",
    "President",
    "minister",
    "foreign",
    "the",
    "a",
    "of",
    "and",
    "or",
    "but",
    "in",
    "on",
    "by",
    "with",
    "from",
    "to",
    "said",
    "says",
    "annexed",
    "met",
    "controls",
    "claimed",
    "was",
    "is",
    "has",
    "been",
    "not",
    "never",
    "may",
    "will",
    "who",
    "which",
    "that",
    "islands",
    "four",
    "largest",
    "2014",
    "Monday",
    "'s",
    "’s",
    ",",
    ".",
    ";",
    ":",
    "-",
    "—",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "'",
    "?",
    "!",
    "…",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "日本",
    "é",
    "😀",
    "U.S.",
    "http://x.org",
    "$5",
    "10%",
    "it",
    "he",
    "they",
    "its",
    "their",
    "also",
    "told",
    "reporters",
    "talks",
    "resume",
    "member",
    "part",
    "capital",
];

const DEPS: &[&str] = &[
    "ROOT",
    "nsubj",
    "nsubjpass",
    "dobj",
    "iobj",
    "attr",
    "prep",
    "pobj",
    "agent",
    "aux",
    "auxpass",
    "neg",
    "conj",
    "cc",
    "appos",
    "compound",
    "amod",
    "poss",
    "case",
    "det",
    "relcl",
    "acl",
    "advcl",
    "ccomp",
    "xcomp",
    "advmod",
    "npadvmod",
    "nummod",
    "punct",
    "dep",
    "mark",
    "prt",
    "acomp",
    "oprd",
    "pcomp",
    "quantmod",
    "nmod",
    "expl",
    "dative",
    "meta",
    "parataxis",
    "preconj",
    "predet",
    "intj",
    "",
    "nsubj:junk",
    "ROOT ",
];

const TAGS: &[(&str, &str)] = &[
    ("NNP", "PROPN"),
    ("NN", "NOUN"),
    ("NNS", "NOUN"),
    ("VBD", "VERB"),
    ("VBZ", "AUX"),
    ("VBN", "VERB"),
    ("VB", "VERB"),
    ("IN", "ADP"),
    ("DT", "DET"),
    ("JJ", "ADJ"),
    ("JJS", "ADJ"),
    ("PRP", "PRON"),
    ("PRP$", "PRON"),
    ("WP", "PRON"),
    ("WDT", "PRON"),
    ("CC", "CCONJ"),
    ("RB", "ADV"),
    ("CD", "NUM"),
    ("POS", "PART"),
    (",", "PUNCT"),
    (".", "PUNCT"),
    ("_SP", "SPACE"),
    ("MD", "AUX"),
    ("", ""),
    ("XX", "X"),
];

const ENT_TYPES: &[&str] = &[
    "PERSON", "GPE", "ORG", "NORP", "DATE", "LOC", "CARDINAL", "FAC", "X y",
];

/// Text: arbitrary Unicode, or word salad from [`WORDS`] (parses with real structure), with an optional
/// headline, date line or Markdown heading in front.
fn text_strategy() -> impl Strategy<Value = (String, Option<String>)> {
    let salad = prop::collection::vec((0..WORDS.len(), any::<bool>()), 0..120).prop_map(|words| {
        let mut text = String::new();
        for (w, space) in words {
            text.push_str(WORDS[w]);
            if space {
                text.push(' ');
            }
        }
        text
    });
    let body = prop_oneof![
        3 => salad,
        1 => any::<String>(),
        1 => "[a-zA-Z .,\n]{0,300}",
    ];
    let lead = prop_oneof![
        Just(String::new()),
        Just("Blair and Brown clash over tax\n\n".to_string()),
        Just("# Heading\n\n".to_string()),
        Just(" date 2017-03-20 ".to_string()),
    ];
    let title = prop_oneof![
        Just(None),
        Just(Some("Blair and Brown clash over tax".to_string())),
        ".{0,20}".prop_map(Some)
    ];
    (lead, body, title).prop_map(|(lead, body, title)| (lead + &body, title))
}

/// Analysis, the JSON round trip, extraction, resolution and the store for one text: nothing may panic,
/// and the analysis must pass the checks `--analyzed` input gets.
fn check_text(text: &str, title: Option<String>) -> Result<(), TestCaseError> {
    let mut document = Document::from_text("fuzz.txt", text.to_string());
    if title.is_some() {
        document.title = title;
    }
    let pipeline = pipeline().lock().unwrap_or_else(|e| e.into_inner());
    let doc = pipeline.analyze(&document);
    prop_assert_eq!(&doc.text, &document.text);
    if let Err(e) = doc.validate() {
        return Err(TestCaseError::fail(format!(
            "the analysis fails its own checks: {e}"
        )));
    }
    let back = Doc::from_json(&doc.to_json()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back.tokens.len(), &doc.tokens.len());
    let triples = pipeline.extract(&doc);
    let graph = pipeline.resolve(&document, &doc, &triples);
    store_graph(&graph, &pipeline)
}

/// Writes a document graph to a fresh in-memory store and applies the rules.
fn store_graph(
    graph: &kg::resolve::DocumentGraph,
    pipeline: &Pipeline,
) -> Result<(), TestCaseError> {
    let store = KgStore::in_memory(None).map_err(|e| TestCaseError::fail(e.to_string()))?;
    store
        .write_document(graph)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    store
        .refresh_inferences(pipeline.ontology())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(())
}

#[test]
fn fuzz_text_through_the_whole_pipeline() {
    let tried = fuzz("text", text_strategy(), |(text, title)| {
        check_text(&text, title)
    });
    assert!(tried > 0);
}

/// One token of a generated analysed document: word, dependency, tag, entity code, space after, a number
/// that places it in the tree, whether it starts a sentence.
type TokenPlan = (usize, usize, usize, u8, bool, u32, u8);

/// spaCy-style JSON documents: the right shape, hostile values. Most are consistent (random trees,
/// non-projective, odd labels) to reach the extractors; a mutation breaks one invariant in others.
fn json_strategy() -> impl Strategy<Value = Value> {
    let token = (
        0..WORDS.len(),
        0..DEPS.len(),
        0..TAGS.len(),
        0..40u8,
        any::<bool>(),
        any::<u32>(),
        0..10u8,
    );
    let synthetic = (prop::collection::vec(token, 0..50), any::<u64>(), 0..16u8)
        .prop_map(|(tokens, seed, mutation)| analysed_json(&tokens, seed, mutation));
    let edits = prop::collection::vec((any::<u16>(), 0..8u8, any::<u32>()), 0..6);
    let perturbed =
        (text_strategy(), edits).prop_map(|((text, _), edits)| perturbed_analysis(&text, &edits));
    prop_oneof![synthetic, perturbed]
}

/// A real analysis of `text` (parses with clauses and entities) with fields overwritten: a label, a head, a
/// tag, a sentence start, an entity code, a lemma. Some edits keep the document consistent, some do not.
fn perturbed_analysis(text: &str, edits: &[(u16, u8, u32)]) -> Value {
    let pipeline = pipeline().lock().unwrap_or_else(|e| e.into_inner());
    let mut value = pipeline
        .analyze(&Document::from_text("perturbed", text.to_string()))
        .to_json();
    drop(pipeline);
    let n = value["tokens"].as_array().map_or(0, Vec::len);
    if n == 0 {
        return value;
    }
    for &(token, field, v) in edits {
        let t = &mut value["tokens"][usize::from(token) % n];
        let v = v as usize;
        match field {
            0 => t["dep"] = json!(DEPS[v % DEPS.len()]),
            1 => t["head"] = json!(v % n),
            2 => {
                t["tag"] = json!(TAGS[v % TAGS.len()].0);
                t["pos"] = json!(TAGS[v % TAGS.len()].1);
            }
            3 => t["sent_start"] = json!(!t["sent_start"].as_bool().unwrap_or(false)),
            4 => {
                t["ent_iob"] = json!("B");
                t["ent_type"] = json!(ENT_TYPES[v % ENT_TYPES.len()]);
            }
            5 => {
                t["ent_iob"] = json!("O");
                t["ent_type"] = json!("");
            }
            6 => t["lemma"] = json!(WORDS[v % WORDS.len()]),
            _ => t["morph"] = json!("Number=Plur|Junk"),
        }
    }
    // The entity list follows the codes (a stale one is refused, which is tested by the synthetic cases).
    if let Some(map) = value.as_object_mut() {
        map.remove("ents");
    }
    value
}

fn analysed_json(plan: &[TokenPlan], seed: u64, mutation: u8) -> Value {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentence_start = 0;
    let mut sentences: Vec<Vec<usize>> = Vec::new();
    for (i, &(w, d, t, ent, space, _, starts)) in plan.iter().enumerate() {
        let word = WORDS[w];
        let idx = text.chars().count();
        let start = text.len();
        text.push_str(word);
        if space {
            text.push(' ');
        }
        if i == 0 || starts == 0 {
            sentence_start = i;
            sentences.push(Vec::new());
        }
        if let Some(s) = sentences.last_mut() {
            s.push(i);
        }
        let previous_type = tokens
            .last()
            .and_then(|p: &Value| p["ent_type"].as_str())
            .unwrap_or("")
            .to_string();
        let (iob, ent_type) = match ent {
            0..=27 => ("O", String::new()),
            28..=33 => ("B", ENT_TYPES[w % ENT_TYPES.len()].to_string()),
            34..=37 if !previous_type.is_empty() => ("I", previous_type),
            34..=37 => ("I", "GPE".to_string()),
            38 => ("", String::new()),
            _ => ("X", String::new()),
        };
        tokens.push(json!({
            "i": i, "idx": idx, "start": start, "text": word, "ws": if space { " " } else { "" },
            "tag": TAGS[t].0, "pos": TAGS[t].1, "morph": "", "lemma": word.to_lowercase(),
            "dep": DEPS[d], "head": i, "sent_start": i == sentence_start,
            "ent_iob": iob, "ent_type": ent_type,
        }));
    }
    // A random tree per sentence: tokens taken in the order of their numbers, each attached to one taken
    // before it (non-projective trees included).
    for sentence in &sentences {
        let mut order = sentence.clone();
        order.sort_by_key(|&i| plan[i].5);
        for (k, &i) in order.iter().enumerate().skip(1) {
            let head = order[plan[i].5 as usize % k];
            tokens[i]["head"] = json!(head);
        }
    }
    let n = tokens.len();
    let pick = |salt: u64| {
        (seed.wrapping_mul(6364136223846793005).wrapping_add(salt) >> 33) as usize % n.max(1)
    };
    if n > 0 {
        let a = pick(1);
        match mutation {
            0 => tokens[a]["head"] = json!(n + (seed % 1000) as usize),
            1 => {
                let b = pick(2);
                tokens[a]["head"] = json!(b);
                tokens[b]["head"] = json!(a);
            }
            2 => tokens[a]["head"] = json!(u64::MAX),
            3 => tokens[a]["start"] = json!(seed % 10_000),
            4 => tokens[a]["i"] = json!(a + 1),
            5 => {
                tokens[a]["start"] = Value::Null;
                tokens[a]["idx"] = json!(seed);
            }
            6 => tokens[a]["text"] = json!("Zürich"),
            7 => tokens[a]["start"] = json!(usize::MAX - 1),
            _ => {}
        }
    }
    let text = if mutation == 8 {
        text.chars().take(3).collect()
    } else {
        text
    };
    let mut value = json!({"id": format!("fuzz-{seed}"), "text": text, "tokens": tokens});
    if mutation == 9 {
        value["ents"] = json!([{"start": 0, "end": n + 1, "label": "GPE"}]);
    }
    value
}

/// Analysed documents accepted by the checks, and the triples extracted from them (for the report).
static ACCEPTED: AtomicU64 = AtomicU64::new(0);
static TRIPLES: AtomicU64 = AtomicU64::new(0);

/// The `--analyzed` path for one JSON document: refused with one line, or extracted, resolved and stored.
fn check_json(value: &Value) -> Result<(), TestCaseError> {
    let doc = match Doc::from_json(value) {
        Ok(doc) => doc,
        Err(e) => {
            let line = e.to_string();
            prop_assert!(
                !line.is_empty() && !line.contains('\n'),
                "unclear refusal: {line:?}"
            );
            return Ok(());
        }
    };
    let triples = Extractor::default().extract(&doc);
    ACCEPTED.fetch_add(1, Ordering::Relaxed);
    TRIPLES.fetch_add(triples.len() as u64, Ordering::Relaxed);
    let document = Document {
        id: doc.id.clone(),
        text: doc.text.clone(),
        ..Document::default()
    };
    let pipeline = pipeline().lock().unwrap_or_else(|e| e.into_inner());
    let graph = pipeline.resolve(&document, &doc, &triples);
    let mut out = Vec::new();
    kg::extract::oie::write(
        &mut out,
        &doc,
        &triples,
        kg::extract::oie::Context::Sentence,
    )
    .map_err(|e| TestCaseError::fail(e.to_string()))?;
    store_graph(&graph, &pipeline)
}

#[test]
fn fuzz_analysed_json_through_extraction_resolution_and_the_store() {
    let tried = fuzz("analysed-json", json_strategy(), |value| check_json(&value));
    eprintln!(
        "fuzz analysed-json: {} documents accepted, {} triples extracted from them",
        ACCEPTED.load(Ordering::Relaxed),
        TRIPLES.load(Ordering::Relaxed)
    );
    assert!(tried > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn pieces_cover_any_text_at_character_boundaries(text in any::<String>(), max in 16usize..64) {
        let parts = pieces(&text, max);
        prop_assert_eq!(parts.first().map(|r| r.start), Some(0));
        prop_assert_eq!(parts.last().map(|r| r.end), Some(text.len()));
        for w in parts.windows(2) {
            prop_assert_eq!(w[0].end, w[1].start);
        }
        for r in &parts {
            prop_assert!(r.len() <= max && text.get(r.clone()).is_some(), "{:?}", r);
        }
    }
}
