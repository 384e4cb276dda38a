//! A token pattern matcher with the semantics of spaCy's `Matcher` for fixed-length patterns: each
//! pattern is a list of token specifications (attribute -> value, or `IN`/`NOT_IN`/`REGEX` predicates),
//! and matches wherever consecutive tokens satisfy them. Quantifiers (`OP`) are refused at load time.

use super::Doc;
use rmpv::Value;

/// A token attribute a pattern can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Orth,
    Lower,
    Norm,
    Tag,
    Pos,
    Dep,
    Lemma,
    Morph,
    EntType,
    IsSpace,
    IsAlpha,
    IsDigit,
    IsLower,
    IsUpper,
    IsTitle,
    IsSentStart,
    Length,
}

impl Attr {
    fn parse(name: &str) -> Option<Attr> {
        Some(match name {
            "ORTH" | "TEXT" => Attr::Orth,
            "LOWER" => Attr::Lower,
            "NORM" => Attr::Norm,
            "TAG" => Attr::Tag,
            "POS" => Attr::Pos,
            "DEP" => Attr::Dep,
            "LEMMA" => Attr::Lemma,
            "MORPH" => Attr::Morph,
            "ENT_TYPE" => Attr::EntType,
            "IS_SPACE" => Attr::IsSpace,
            "IS_ALPHA" => Attr::IsAlpha,
            "IS_DIGIT" => Attr::IsDigit,
            "IS_LOWER" => Attr::IsLower,
            "IS_UPPER" => Attr::IsUpper,
            "IS_TITLE" => Attr::IsTitle,
            "IS_SENT_START" | "SENT_START" => Attr::IsSentStart,
            "LENGTH" => Attr::Length,
            _ => return None,
        })
    }
}

/// The value of a token attribute, as the matcher compares it.
enum AttrValue<'a> {
    Str(&'a str),
    Bool(bool),
    Int(i64),
}

/// Python's `str.isalpha()` for a whole string: non-empty, every character of a letter category (`L*`).
/// Rust's `char::is_alphabetic` would also accept marks such as Devanagari vowel signs.
pub(crate) fn py_is_alpha(s: &str) -> bool {
    static LETTERS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic());
    }
    LETTERS
        .get_or_init(|| regex::Regex::new(r"^\p{L}+$").ok())
        .as_ref()
        .map_or_else(|| s.chars().all(char::is_alphabetic), |re| re.is_match(s))
}

/// A document with the per-token values the matcher compares computed once.
pub(crate) struct DocView<'a> {
    doc: &'a Doc,
    texts: Vec<&'a str>,
    lower: Vec<String>,
}

impl<'a> DocView<'a> {
    pub(crate) fn new(doc: &'a Doc) -> Self {
        let texts: Vec<&str> = doc
            .tokens
            .iter()
            .map(|t| doc.text.get(t.start..t.end).unwrap_or(""))
            .collect();
        let lower = texts.iter().map(|t| t.to_lowercase()).collect();
        DocView { doc, texts, lower }
    }

    pub(crate) fn len(&self) -> usize {
        self.texts.len()
    }

    /// The lower-cased text of token `i`.
    pub(crate) fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The tag of token `i`.
    pub(crate) fn tag(&self, i: usize) -> &str {
        &self.doc.tokens[i].tag
    }

    fn value(&self, i: usize, attr: Attr) -> AttrValue<'_> {
        let t = &self.doc.tokens[i];
        let text = self.texts[i];
        let s = |v: &'a str| AttrValue::Str(v);
        match attr {
            Attr::Orth => s(text),
            Attr::Lower => AttrValue::Str(&self.lower[i]),
            Attr::Norm => AttrValue::Str(if t.norm.is_empty() {
                &self.lower[i]
            } else {
                &t.norm
            }),
            Attr::Tag => s(&t.tag),
            Attr::Pos => s(&t.pos),
            Attr::Dep => s(&t.dep),
            Attr::Lemma => s(&t.lemma),
            Attr::Morph => s(&t.morph),
            Attr::EntType => s(&t.ent_type),
            Attr::IsSpace => {
                AttrValue::Bool(!text.is_empty() && text.chars().all(super::tokenizer::is_py_space))
            }
            Attr::IsAlpha => AttrValue::Bool(py_is_alpha(text)),
            Attr::IsDigit => {
                AttrValue::Bool(!text.is_empty() && text.chars().all(|c| c.is_numeric()))
            }
            Attr::IsLower => {
                AttrValue::Bool(text.chars().any(char::is_alphabetic) && self.lower[i] == text)
            }
            Attr::IsUpper => AttrValue::Bool(
                text.chars().any(char::is_alphabetic) && text.to_uppercase() == text,
            ),
            Attr::IsTitle => {
                let mut chars = text.chars();
                AttrValue::Bool(
                    chars.next().is_some_and(char::is_uppercase)
                        && chars.all(|c| !c.is_uppercase()),
                )
            }
            Attr::IsSentStart => AttrValue::Bool(t.sent_start),
            Attr::Length => AttrValue::Int(text.chars().count() as i64),
        }
    }
}

/// One test on one attribute.
#[derive(Debug, Clone)]
enum Test {
    EqStr(String),
    EqBool(bool),
    EqInt(i64),
    In(Vec<String>),
    NotIn(Vec<String>),
    Regex(Box<fancy_regex::Regex>),
}

/// One token of a pattern: all its tests must hold.
#[derive(Debug, Clone)]
pub(crate) struct TokenSpec {
    tests: Vec<(Attr, Test)>,
}

fn value_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => s.as_str().map(str::to_string),
        Value::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

fn string_list(v: &Value) -> Result<Vec<String>, String> {
    v.as_array()
        .ok_or("IN/NOT_IN needs a list")?
        .iter()
        .map(|x| value_to_string(x).ok_or_else(|| "IN/NOT_IN values must be strings".to_string()))
        .collect()
}

impl TokenSpec {
    /// Reads one token specification (a msgpack map).
    pub(crate) fn parse(value: &Value) -> Result<Self, String> {
        let map = value.as_map().ok_or("token pattern is not a map")?;
        let mut tests = Vec::new();
        for (k, v) in map {
            let name = k.as_str().ok_or("attribute name is not a string")?;
            if name == "OP" {
                match v.as_str() {
                    Some("1") | None => continue,
                    Some(op) => return Err(format!("quantifier OP {op:?} is not supported")),
                }
            }
            let attr =
                Attr::parse(name).ok_or_else(|| format!("attribute {name} is not supported"))?;
            let test = match v {
                Value::Boolean(b) => Test::EqBool(*b),
                Value::Integer(i) if attr == Attr::Length => Test::EqInt(i.as_i64().unwrap_or(-1)),
                Value::Integer(i)
                    if matches!(
                        attr,
                        Attr::IsSpace
                            | Attr::IsAlpha
                            | Attr::IsDigit
                            | Attr::IsLower
                            | Attr::IsUpper
                            | Attr::IsTitle
                            | Attr::IsSentStart
                    ) =>
                {
                    Test::EqBool(i.as_i64() != Some(0))
                }
                Value::String(s) => Test::EqStr(s.as_str().unwrap_or_default().to_string()),
                Value::Map(preds) => {
                    if preds.len() != 1 {
                        return Err(format!(
                            "{name}: exactly one predicate per attribute is supported"
                        ));
                    }
                    let (pk, pv) = &preds[0];
                    match pk.as_str() {
                        Some("IN") => Test::In(string_list(pv)?),
                        Some("NOT_IN") => Test::NotIn(string_list(pv)?),
                        Some("REGEX") => {
                            let py = pv.as_str().ok_or("REGEX needs a string")?;
                            let rust = super::tokenizer::translate_python_regex(py)?;
                            let re = fancy_regex::Regex::new(&rust)
                                .map_err(|e| format!("REGEX {py:?}: {e}"))?;
                            Test::Regex(Box::new(re))
                        }
                        other => {
                            return Err(format!("{name}: predicate {other:?} is not supported"));
                        }
                    }
                }
                other => return Err(format!("{name}: unsupported value {other}")),
            };
            tests.push((attr, test));
        }
        Ok(TokenSpec { tests })
    }

    fn matches(&self, view: &DocView<'_>, i: usize) -> bool {
        self.tests.iter().all(|(attr, test)| {
            let value = view.value(i, *attr);
            match (test, value) {
                (Test::EqStr(want), AttrValue::Str(v)) => want == v,
                (Test::EqStr(want), AttrValue::Int(v)) => *want == v.to_string(),
                (Test::EqBool(want), AttrValue::Bool(v)) => *want == v,
                (Test::EqInt(want), AttrValue::Int(v)) => *want == v,
                (Test::In(set), AttrValue::Str(v)) => set.iter().any(|x| x == v),
                (Test::NotIn(set), AttrValue::Str(v)) => !set.iter().any(|x| x == v),
                (Test::Regex(re), AttrValue::Str(v)) => re.is_match(v).unwrap_or(false),
                (Test::In(set), AttrValue::Bool(v)) => {
                    set.iter().any(|x| *x == u8::from(v).to_string())
                }
                (Test::NotIn(set), AttrValue::Bool(v)) => {
                    !set.iter().any(|x| *x == u8::from(v).to_string())
                }
                _ => false,
            }
        })
    }
}

/// A fixed-length token pattern.
#[derive(Debug, Clone)]
pub(crate) struct TokenPattern {
    specs: Vec<TokenSpec>,
}

impl TokenPattern {
    /// Reads a pattern (a msgpack list of token specifications).
    pub(crate) fn parse(value: &Value) -> Result<Self, String> {
        let specs = value
            .as_array()
            .ok_or("pattern is not a list")?
            .iter()
            .map(TokenSpec::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if specs.is_empty() {
            return Err("empty pattern".into());
        }
        Ok(TokenPattern { specs })
    }

    /// Whether the pattern matches the tokens from `start` on.
    pub(crate) fn matches_at(&self, view: &DocView<'_>, start: usize) -> bool {
        start + self.specs.len() <= view.len()
            && self
                .specs
                .iter()
                .enumerate()
                .all(|(k, spec)| spec.matches(view, start + k))
    }

    /// A value the first token must have, if the pattern requires one: `(true, tag)` or `(false, lower)`.
    /// Lets a caller index patterns and test only the plausible ones at each token.
    pub(crate) fn first_key(&self) -> Option<(bool, &str)> {
        self.specs[0]
            .tests
            .iter()
            .find_map(|(attr, test)| match (attr, test) {
                (Attr::Tag, Test::EqStr(v)) => Some((true, v.as_str())),
                (Attr::Lower, Test::EqStr(v)) => Some((false, v.as_str())),
                _ => None,
            })
    }

    /// The number of tokens a match spans.
    pub(crate) fn len(&self) -> usize {
        self.specs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Token;

    #[test]
    fn python_isalpha() {
        for (s, want) in [
            ("abc", true),
            ("", false),
            ("a1", false),
            ("café", true),
            ("हिन्दी", false),
            ("日本", true),
        ] {
            assert_eq!(py_is_alpha(s), want, "{s}");
        }
    }

    #[test]
    fn specs_test_attributes_and_predicates() {
        let text = "Y'all ain't";
        let tok = |start, end, tag: &str, dep: &str| Token {
            start,
            end,
            tag: tag.into(),
            dep: dep.into(),
            ..Token::default()
        };
        let doc = Doc {
            id: "d".into(),
            text: text.into(),
            tokens: vec![
                tok(0, 2, "PRP", "nsubj"),
                tok(2, 5, "DT", "det"),
                tok(6, 8, "VBP", "ROOT"),
                tok(8, 11, "RB", "neg"),
            ],
            ents: vec![],
        };
        let view = DocView::new(&doc);
        let parse = |json: serde_json::Value| {
            let bytes = rmp_bytes(&json);
            TokenPattern::parse(&rmpv::decode::read_value(&mut &bytes[..]).unwrap()).unwrap()
        };
        let p = parse(serde_json::json!([{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]));
        assert!(p.matches_at(&view, 0));
        assert!(!p.matches_at(&view, 1));
        let p = parse(
            serde_json::json!([{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]),
        );
        assert!(p.matches_at(&view, 2));
        let p = parse(serde_json::json!([{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]));
        assert!(!p.matches_at(&view, 1));
        let p = parse(serde_json::json!([{"IS_SPACE": false, "ORTH": "Y'"}]));
        assert!(p.matches_at(&view, 0));
        assert!(TokenSpec::parse(&rmpv::Value::Map(vec![("OP".into(), "+".into())])).is_err());
    }

    /// Encodes JSON as msgpack through `rmpv`.
    fn rmp_bytes(json: &serde_json::Value) -> Vec<u8> {
        fn conv(v: &serde_json::Value) -> rmpv::Value {
            match v {
                serde_json::Value::Bool(b) => rmpv::Value::Boolean(*b),
                serde_json::Value::String(s) => rmpv::Value::from(s.as_str()),
                serde_json::Value::Number(n) => rmpv::Value::from(n.as_i64().unwrap_or(0)),
                serde_json::Value::Array(a) => rmpv::Value::Array(a.iter().map(conv).collect()),
                serde_json::Value::Object(o) => rmpv::Value::Map(
                    o.iter()
                        .map(|(k, v)| (rmpv::Value::from(k.as_str()), conv(v)))
                        .collect(),
                ),
                serde_json::Value::Null => rmpv::Value::Nil,
            }
        }
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, &conv(json)).unwrap();
        out
    }
}
