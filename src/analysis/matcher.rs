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
    Str(std::borrow::Cow<'a, str>),
    Bool(bool),
    Int(i64),
}

/// Python's `str.isalpha()` for a whole string (non-empty, all letters).
pub(crate) fn py_is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

fn token_value<'a>(doc: &'a Doc, i: usize, attr: Attr) -> AttrValue<'a> {
    let t = &doc.tokens[i];
    let text = doc.text.get(t.start..t.end).unwrap_or("");
    let s = |v: &'a str| AttrValue::Str(std::borrow::Cow::Borrowed(v));
    match attr {
        Attr::Orth => s(text),
        Attr::Lower => AttrValue::Str(std::borrow::Cow::Owned(text.to_lowercase())),
        Attr::Norm => {
            if t.norm.is_empty() {
                AttrValue::Str(std::borrow::Cow::Owned(text.to_lowercase()))
            } else {
                s(&t.norm)
            }
        }
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
        Attr::IsDigit => AttrValue::Bool(!text.is_empty() && text.chars().all(|c| c.is_numeric())),
        Attr::IsLower => {
            AttrValue::Bool(text.chars().any(char::is_alphabetic) && text.to_lowercase() == text)
        }
        Attr::IsUpper => {
            AttrValue::Bool(text.chars().any(char::is_alphabetic) && text.to_uppercase() == text)
        }
        Attr::IsTitle => {
            let mut chars = text.chars();
            AttrValue::Bool(
                chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase()),
            )
        }
        Attr::IsSentStart => AttrValue::Bool(t.sent_start),
        Attr::Length => AttrValue::Int(text.chars().count() as i64),
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

    fn matches(&self, doc: &Doc, i: usize) -> bool {
        self.tests.iter().all(|(attr, test)| {
            let value = token_value(doc, i, *attr);
            match (test, value) {
                (Test::EqStr(want), AttrValue::Str(v)) => *want == *v,
                (Test::EqStr(want), AttrValue::Int(v)) => *want == v.to_string(),
                (Test::EqBool(want), AttrValue::Bool(v)) => *want == v,
                (Test::EqInt(want), AttrValue::Int(v)) => *want == v,
                (Test::In(set), AttrValue::Str(v)) => set.iter().any(|x| *x == *v),
                (Test::NotIn(set), AttrValue::Str(v)) => !set.iter().any(|x| *x == *v),
                (Test::Regex(re), AttrValue::Str(v)) => re.is_match(v.as_ref()).unwrap_or(false),
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

    /// Start indices of all matches, in order (each match spans `len()` tokens).
    pub(crate) fn find_all(&self, doc: &Doc) -> Vec<usize> {
        let n = self.specs.len();
        if doc.tokens.len() < n {
            return Vec::new();
        }
        (0..=doc.tokens.len() - n)
            .filter(|&s| {
                self.specs
                    .iter()
                    .enumerate()
                    .all(|(k, spec)| spec.matches(doc, s + k))
            })
            .collect()
    }

    /// The number of tokens a match spans.
    pub(crate) fn len(&self) -> usize {
        self.specs.len()
    }
}
