//! spaCy's attribute ruler: token patterns that set POS, morphology, lemma (and tag, dep, norm) on the
//! token at a given index of each match. In `en_core_web_sm` it maps the tagger's Penn tags to universal
//! POS and morphology, and fixes a few lemmas and POS by context. It runs after the tagger and parser.
//!
//! As in spaCy, all matches are found on the unmodified document first; they are then applied in rule
//! order (matches of one rule left to right), so a later rule overrides an earlier one.

use super::matcher::{DocView, TokenPattern};
use super::{AnalysisError, Doc};
use rmpv::Value;
use std::collections::HashMap;

/// Which token field a rule sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Pos,
    Tag,
    Morph,
    Lemma,
    Dep,
    Norm,
}

#[derive(Debug, Clone)]
struct Rule {
    patterns: Vec<TokenPattern>,
    sets: Vec<(Field, String)>,
    /// Index of the token to modify within a match; negative counts from the end.
    index: i64,
}

/// The attribute ruler of a spaCy pipeline.
#[derive(Debug, Clone)]
pub struct AttributeRuler {
    rules: Vec<Rule>,
    /// Patterns `(rule, pattern)` by the tag their first token must have.
    by_tag: HashMap<String, Vec<(usize, usize)>>,
    /// Patterns by the lower-cased text their first token must have.
    by_lower: HashMap<String, Vec<(usize, usize)>>,
    /// Patterns without such a requirement.
    unindexed: Vec<(usize, usize)>,
}

fn bad(what: impl Into<String>) -> AnalysisError {
    AnalysisError::AttributeRuler(what.into())
}

/// Normalises a UD feature string as spaCy's morphology table does: fields sorted, values of a field
/// sorted; `_` is the empty analysis.
pub(crate) fn normalize_morph(feats: &str) -> String {
    if feats.is_empty() || feats == "_" {
        return String::new();
    }
    let mut fields: Vec<String> = feats
        .split('|')
        .filter(|f| !f.is_empty())
        .map(|f| match f.split_once('=') {
            Some((k, v)) => {
                let mut vals: Vec<&str> = v.split(',').collect();
                vals.sort_unstable();
                format!("{k}={}", vals.join(","))
            }
            None => f.to_string(),
        })
        .collect();
    fields.sort();
    fields.dedup();
    fields.join("|")
}

impl AttributeRuler {
    /// Loads the rules from the msgpack `attribute_ruler/patterns` file.
    ///
    /// # Errors
    /// When the file is not msgpack of spaCy's shape or a pattern uses syntax not supported here.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Self, AnalysisError> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| bad(format!("not msgpack: {e}")))?;
        let items = value
            .as_array()
            .ok_or_else(|| bad("patterns file is not a list"))?;
        let mut rules = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            let map = item
                .as_map()
                .ok_or_else(|| bad(format!("rule {n} is not a map")))?;
            let get = |key: &str| {
                map.iter()
                    .find(|(k, _)| k.as_str() == Some(key))
                    .map(|(_, v)| v)
            };
            let patterns = get("patterns")
                .and_then(Value::as_array)
                .ok_or_else(|| bad(format!("rule {n} has no patterns")))?
                .iter()
                .map(TokenPattern::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| bad(format!("rule {n}: {e}")))?;
            let mut sets = Vec::new();
            if let Some(attrs) = get("attrs").and_then(Value::as_map) {
                for (k, v) in attrs {
                    let name = k.as_str().unwrap_or_default();
                    let field = match name {
                        "POS" => Field::Pos,
                        "TAG" => Field::Tag,
                        "MORPH" => Field::Morph,
                        "LEMMA" => Field::Lemma,
                        "DEP" => Field::Dep,
                        "NORM" => Field::Norm,
                        other => {
                            return Err(bad(format!(
                                "rule {n} sets unsupported attribute {other}"
                            )));
                        }
                    };
                    let value = v
                        .as_str()
                        .ok_or_else(|| bad(format!("rule {n}: {name} is not a string")))?;
                    let value = if field == Field::Morph {
                        normalize_morph(value)
                    } else {
                        value.to_string()
                    };
                    sets.push((field, value));
                }
            }
            let index = get("index").and_then(Value::as_i64).unwrap_or(0);
            rules.push(Rule {
                patterns,
                sets,
                index,
            });
        }
        let mut by_tag: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut by_lower: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut unindexed = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                match pattern.first_key() {
                    Some((true, tag)) => by_tag.entry(tag.to_string()).or_default().push((r, p)),
                    Some((false, lower)) => {
                        by_lower.entry(lower.to_string()).or_default().push((r, p))
                    }
                    None => unindexed.push((r, p)),
                }
            }
        }
        Ok(AttributeRuler {
            rules,
            by_tag,
            by_lower,
            unindexed,
        })
    }

    /// Applies the rules to a tagged and parsed document.
    pub fn apply(&self, doc: &mut Doc) {
        // Every match (rule, start, end), found before anything changes, then taken in rule order.
        let view = DocView::new(doc);
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        for start in 0..view.len() {
            let tagged = self
                .by_tag
                .get(view.tag(start))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let lowered = self
                .by_lower
                .get(view.lower(start))
                .map(Vec::as_slice)
                .unwrap_or_default();
            for &(r, p) in tagged.iter().chain(lowered).chain(&self.unindexed) {
                let pattern = &self.rules[r].patterns[p];
                if pattern.matches_at(&view, start) {
                    matches.push((r, start, start + pattern.len()));
                }
            }
        }
        matches.sort_unstable();
        matches.dedup();
        let mut edits: Vec<(usize, usize)> = Vec::with_capacity(matches.len());
        for (r, s, e) in matches {
            let len = (e - s) as i64;
            let index = self.rules[r].index;
            let k = if index < 0 { len + index } else { index };
            if (0..len).contains(&k) {
                edits.push((r, s + k as usize));
            }
        }
        for (r, i) in edits {
            let token = &mut doc.tokens[i];
            for (field, value) in &self.rules[r].sets {
                let slot = match field {
                    Field::Pos => &mut token.pos,
                    Field::Tag => &mut token.tag,
                    Field::Morph => &mut token.morph,
                    Field::Lemma => &mut token.lemma,
                    Field::Dep => &mut token.dep,
                    Field::Norm => &mut token.norm,
                };
                slot.clone_from(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morph_strings_are_normalised() {
        let cases = [
            ("", ""),
            ("_", ""),
            (
                "PunctType=Brck|PunctSide=Ini",
                "PunctSide=Ini|PunctType=Brck",
            ),
            ("Number=Sing", "Number=Sing"),
            ("PronType=Prs|Case=Acc,Nom", "Case=Acc,Nom|PronType=Prs"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_morph(raw), want, "{raw}");
        }
    }
}
