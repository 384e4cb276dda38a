use super::*;
use std::sync::OnceLock;

fn model() -> &'static Tokenizer {
    static TOK: OnceLock<Tokenizer> = OnceLock::new();
    TOK.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/models/en_core_web_sm-3.8.0/tokenizer"
        );
        Tokenizer::from_msgpack(&std::fs::read(path).expect("vendored tokenizer file"))
            .expect("loads")
    })
}

/// Token texts, with `_` marking a trailing space.
fn show(text: &str) -> Vec<String> {
    model()
        .tokenize(text)
        .iter()
        .map(|t| {
            format!(
                "{}{}",
                &text[t.start..t.end],
                if t.space_after { "_" } else { "" }
            )
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(show(text), *want, "tokenizing {text:?}");
    }
}

#[test]
fn whitespace_runs() {
    check(&[
        ("", &[]),
        ("a b", &["a_", "b"]),
        ("a  b", &["a_", " ", "b"]),
        ("a b ", &["a_", "b_"]),
        (" a", &[" ", "a"]),
        ("  a", &["  ", "a"]),
        ("a\n\nb", &["a", "\n\n", "b"]),
        ("a \n b", &["a_", "\n ", "b"]),
        ("a\t", &["a", "\t"]),
        ("   ", &["   "]),
    ]);
}

#[test]
fn special_cases_and_their_norms() {
    check(&[
        ("don't", &["do", "n't"]),
        ("Don't.", &["Do", "n't", "."]),
        ("(can't)", &["(", "ca", "n't", ")"]),
        ("Mr. Smith", &["Mr._", "Smith"]),
        ("at 5 p.m.", &["at_", "5_", "p.m."]),
        (":)", &[":)"]),
        ("U.S.", &["U.S."]),
    ]);
    let toks = model().tokenize("don't");
    assert_eq!(toks[0].norm, "do");
    assert_eq!(toks[1].norm, "not");
    assert_eq!(model().tokenize("a\u{a0}b")[1].norm, "  ");
    assert_eq!(model().tokenize("Smith")[0].norm, "");
}

#[test]
fn prefixes_and_suffixes() {
    check(&[
        ("Hello, world!", &["Hello", ",_", "world", "!"]),
        ("(\"Hi\")", &["(", "\"", "Hi", "\"", ")"]),
        ("$5.00", &["$", "5.00"]),
        ("US$5", &["US$", "5"]),
        ("5km", &["5", "km"]),
        ("akm", &["akm"]),
        ("John's", &["John", "'s"]),
        ("end...", &["end", "..."]),
        ("+1", &["+1"]),
        ("+a", &["+", "a"]),
        ("20°C.", &["20", "°", "C", "."]),
        ("3+", &["3", "+"]),
        ("Ltd.", &["Ltd."]),
        ("foo.", &["foo", "."]),
    ]);
}

#[test]
fn infixes() {
    check(&[
        ("well-known", &["well", "-", "known"]),
        ("1-2", &["1", "-", "2"]),
        ("1,000", &["1,000"]),
        ("hello...world", &["hello", "...", "world"]),
        ("A--B", &["A", "--", "B"]),
        ("a,b", &["a", ",", "b"]),
        ("end.Start", &["end", ".", "Start"]),
        ("x/y", &["x", "/", "y"]),
        ("-a", &["-a"]),
    ]);
}

#[test]
fn urls_stay_whole() {
    check(&[
        (
            "see http://www.example.com/a-b?x=1.",
            &["see_", "http://www.example.com/a-b?x=1", "."],
        ),
        ("www.example.com", &["www.example.com"]),
        ("mail bob@example.org", &["mail_", "bob@example.org"]),
    ]);
}

#[test]
fn long_and_odd_input_is_covered_exactly() {
    let texts = [
        ")".repeat(20_000),
        "a".repeat(100_000),
        "-".repeat(10_000),
        "1+".repeat(5_000),
        ".".repeat(10_000),
        "\n".repeat(5_000),
        "日本語のテキスト😀😀".repeat(100),
    ];
    for text in &texts {
        let toks = model().tokenize(text);
        let mut at = 0;
        for t in &toks {
            assert!(t.start >= at && t.end > t.start);
            at = t.end + usize::from(t.space_after);
        }
    }
}
