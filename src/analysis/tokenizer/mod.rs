//! spaCy's rule-based tokenizer, loaded from the pipeline's `tokenizer` file.
//!
//! The algorithm follows spaCy 3.8's `Tokenizer.__call__` step by step:
//! 1. The text is cut into runs of whitespace and non-whitespace (Python's `str.isspace`). A single `' '`
//!    after a token becomes that token's trailing space; any other whitespace run is a token itself.
//! 2. Each run is looked up in the special cases; otherwise prefixes and suffixes are split off in a loop
//!    that stops early when what remains (or what remains without the prefix, or without the suffix) is a
//!    special case; what is left is a special case, a URL, or is split at infixes.
//! 3. A second pass finds special cases that step 2 split apart (those containing affixes) and puts them
//!    back together.
//!
//! All offsets are byte offsets into the text. Work is linear in the text's length: the affix patterns
//! run on `regex` automata (see `affixes`), the special-case table is only consulted for strings no longer
//! than its longest key, and the URL pattern (which needs backtracking) runs with a step limit on tokens
//! of bounded length.

mod affixes;
mod pyregex;
mod specials;

use super::{AnalysisError, Token};
use affixes::AffixPattern;
use rmpv::Value;
use specials::{Piece, RawToken, SpecialMatcher, Specials};

pub(crate) use pyregex::is_py_space;

/// Translates a Python `re` pattern into `fancy-regex` syntax (for the matcher's `REGEX` predicate).
pub(crate) fn translate_python_regex(python: &str) -> Result<String, String> {
    pyregex::translate(python)
}

/// Longest token (in bytes) the URL pattern is tried on. The pattern needs a backtracking engine; a
/// "URL" longer than this is treated as ordinary text (infix splitting), which only matters for
/// pathological input.
const URL_MAX_BYTES: usize = 4096;

/// Step limit of the backtracking engine for the URL and token-match patterns.
const BACKTRACK_LIMIT: usize = 200_000;

/// spaCy's attribute IDs for the two fields a special case may carry.
const ATTR_ORTH: i64 = 65;
const ATTR_NORM: i64 = 67;

/// The rule-based tokenizer of a spaCy pipeline.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    prefix: Option<AffixPattern>,
    suffix: Option<AffixPattern>,
    infix: Option<AffixPattern>,
    url_match: Option<MatchPattern>,
    token_match: Option<MatchPattern>,
    specials: Specials,
    matcher: SpecialMatcher,
}

fn bad(what: &str) -> AnalysisError {
    AnalysisError::Tokenizer(what.to_string())
}

fn map_get<'a>(map: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

/// Python's `re.compile(p).match` (anchored at the start): a backtracking matcher for the pattern with its
/// look-arounds, behind an automaton for the pattern without them, which rejects most strings in linear
/// time and never rejects a string the full pattern accepts.
#[derive(Debug, Clone)]
struct MatchPattern {
    prefilter: Option<regex::Regex>,
    full: fancy_regex::Regex,
}

impl MatchPattern {
    fn new(python: &str) -> Result<Self, AnalysisError> {
        let err = |e: &dyn std::fmt::Display| bad(&format!("pattern {python:?}: {e}"));
        let rust = pyregex::translate(python).map_err(|e| err(&e))?;
        let full = fancy_regex::RegexBuilder::new(&format!("^(?:{rust})"))
            .backtrack_limit(BACKTRACK_LIMIT)
            .build()
            .map_err(|e| err(&e))?;
        // Without a pre-filter (should the stripped pattern not compile) the full pattern still decides.
        let prefilter = pyregex::translate_without_lookarounds(python)
            .ok()
            .and_then(|p| regex::Regex::new(&format!("^(?:{p})")).ok());
        Ok(MatchPattern { prefilter, full })
    }

    fn is_match(&self, s: &str) -> bool {
        s.len() <= URL_MAX_BYTES
            && self.prefilter.as_ref().is_none_or(|p| p.is_match(s))
            && self.full.is_match(s).unwrap_or(false)
    }
}

fn affix(map: &[(Value, Value)], key: &str) -> Result<Option<AffixPattern>, AnalysisError> {
    match map_get(map, key).and_then(Value::as_str) {
        Some(p) if !p.is_empty() => AffixPattern::new(p)
            .map(Some)
            .map_err(|e| bad(&format!("{key}: {e}"))),
        _ => Ok(None),
    }
}

fn parse_special(key: &str, value: &Value) -> Result<Vec<Piece>, AnalysisError> {
    let items = value
        .as_array()
        .ok_or_else(|| bad(&format!("special case {key:?} is not a list")))?;
    let mut pieces = Vec::with_capacity(items.len());
    for item in items {
        let attrs = item
            .as_map()
            .ok_or_else(|| bad(&format!("special case {key:?}: bad token")))?;
        let mut orth = None;
        let mut norm = None;
        for (k, v) in attrs {
            let id = k.as_i64().or_else(|| match k.as_str() {
                Some("ORTH") => Some(ATTR_ORTH),
                Some("NORM") => Some(ATTR_NORM),
                _ => None,
            });
            match id {
                Some(ATTR_ORTH) => orth = v.as_str().map(str::to_string),
                Some(ATTR_NORM) => norm = v.as_str().map(str::to_string),
                _ => {
                    return Err(bad(&format!(
                        "special case {key:?}: attribute other than ORTH/NORM"
                    )));
                }
            }
        }
        let orth = orth.ok_or_else(|| bad(&format!("special case {key:?}: token without ORTH")))?;
        pieces.push(Piece { orth, norm });
    }
    let joined: String = pieces.iter().map(|p| p.orth.as_str()).collect();
    if joined != key {
        return Err(bad(&format!(
            "special case {key:?}: pieces do not spell it"
        )));
    }
    Ok(pieces)
}

impl Tokenizer {
    /// Loads the tokenizer from the msgpack `tokenizer` file of a spaCy v3 pipeline.
    ///
    /// # Errors
    /// When the file is not a msgpack map of spaCy's shape or a pattern cannot be translated.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Self, AnalysisError> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| bad(&format!("not msgpack: {e}")))?;
        let map = value.as_map().ok_or_else(|| bad("not a msgpack map"))?;
        let url_match = match map_get(map, "url_match").and_then(Value::as_str) {
            Some(p) if !p.is_empty() => Some(MatchPattern::new(p)?),
            _ => None,
        };
        let token_match = match map_get(map, "token_match").and_then(Value::as_str) {
            Some(p) if !p.is_empty() => Some(MatchPattern::new(p)?),
            _ => None,
        };
        let faster_heuristics = map_get(map, "faster_heuristics")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let mut specials = Specials::default();
        if let Some(exc) = map_get(map, "exceptions") {
            let exc = exc.as_map().ok_or_else(|| bad("exceptions is not a map"))?;
            for (k, v) in exc {
                let key = k
                    .as_str()
                    .ok_or_else(|| bad("special-case key is not a string"))?;
                specials.insert(key.to_string(), parse_special(key, v)?);
            }
        }
        let mut tok = Tokenizer {
            prefix: affix(map, "prefix_search")?,
            suffix: affix(map, "suffix_search")?,
            infix: affix(map, "infix_finditer")?,
            url_match,
            token_match,
            specials,
            matcher: SpecialMatcher::default(),
        };
        // Special cases that affix splitting would break apart are matched again after tokenization
        // (spaCy adds all of them when `faster_heuristics` is off).
        let mut keys: Vec<String> = tok.specials.keys().cloned().collect();
        keys.sort();
        let mut matcher = SpecialMatcher::default();
        for key in keys {
            let needs = !faster_heuristics
                || tok.find_prefix(&key) != 0
                || tok.find_suffix(&key) != 0
                || tok
                    .infix
                    .as_ref()
                    .is_some_and(|p| !p.find_iter(&key).is_empty())
                || key.contains(' ');
            if needs {
                let words = tok
                    .tokenize_affixes(&key, false)
                    .iter()
                    .map(|t| key[t.start..t.end].to_string())
                    .collect();
                matcher.add(words);
            }
        }
        tok.matcher = matcher;
        // A fresh copy: each compiled regex keeps a pool of match caches whose fast path belongs to the
        // first thread that used it, here the loading thread, which may never tokenize; the workers would
        // then all take the pool's locked path. Cloned regexes start with pools of their own.
        Ok(tok.clone())
    }

    /// Tokenizes a text. Tokens carry `start`, `end`, `space_after`, and `norm` when a special case gives
    /// one; all other fields are empty.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let raw = self.tokenize_affixes(text, true);
        let raw = self.matcher.apply(text, &self.specials, raw);
        raw.into_iter()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                space_after: t.space_after,
                norm: t.norm.unwrap_or_default(),
                ..Token::default()
            })
            .collect()
    }

    fn find_prefix(&self, s: &str) -> usize {
        self.prefix
            .as_ref()
            .and_then(|p| p.search(s))
            .map_or(0, |(a, b)| b - a)
    }

    fn find_suffix(&self, s: &str) -> usize {
        self.suffix
            .as_ref()
            .and_then(|p| p.search(s))
            .map_or(0, |(a, b)| b - a)
    }

    fn is_special(&self, s: &str, with_specials: bool) -> bool {
        with_specials && self.specials.contains(s)
    }

    fn token_match(&self, s: &str) -> bool {
        self.token_match.as_ref().is_some_and(|m| m.is_match(s))
    }

    fn url_match(&self, s: &str) -> bool {
        self.url_match.as_ref().is_some_and(|m| m.is_match(s))
    }

    /// Step 1 and 2: whitespace runs, then special cases and affixes within each run.
    fn tokenize_affixes(&self, text: &str, with_specials: bool) -> Vec<RawToken> {
        let mut out: Vec<RawToken> = Vec::new();
        let Some(first) = text.chars().next() else {
            return out;
        };
        let mut in_ws = pyregex::is_py_space(first);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if pyregex::is_py_space(c) != in_ws {
                if start < i {
                    self.tokenize_run(text, start, i, with_specials, &mut out);
                }
                if c == ' ' {
                    if let Some(last) = out.last_mut() {
                        last.space_after = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.tokenize_run(text, start, text.len(), with_specials, &mut out);
            if let Some(last) = out.last_mut() {
                last.space_after = text.ends_with(' ') && !in_ws;
            }
        }
        out
    }

    /// One run of whitespace or non-whitespace, `text[lo..hi]`.
    fn tokenize_run(
        &self,
        text: &str,
        lo: usize,
        hi: usize,
        with_specials: bool,
        out: &mut Vec<RawToken>,
    ) {
        if with_specials && let Some(pieces) = self.specials.get(&text[lo..hi]) {
            Specials::push_pieces(pieces, lo, out);
            return;
        }
        let (mut a, mut b) = (lo, hi);
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_len = usize::MAX;
        while a < b && b - a != last_len {
            let s = &text[a..b];
            if self.token_match(s) || self.is_special(s, with_specials) {
                break;
            }
            last_len = b - a;
            let pre = self.find_prefix(s);
            if pre != 0 && a + pre < b && self.is_special(&text[a + pre..b], with_specials) {
                prefixes.push((a, a + pre));
                a += pre;
                break;
            }
            let suf = self.find_suffix(&text[a + pre..b]);
            if suf != 0 && a < b - suf && self.is_special(&text[a..b - suf], with_specials) {
                suffixes.push((b - suf, b));
                b -= suf;
                break;
            }
            if pre != 0 && suf != 0 && pre + suf <= b - a {
                prefixes.push((a, a + pre));
                suffixes.push((b - suf, b));
                a += pre;
                b -= suf;
            } else if pre != 0 {
                prefixes.push((a, a + pre));
                a += pre;
            } else if suf != 0 {
                suffixes.push((b - suf, b));
                b -= suf;
            }
        }
        let plain = |s: usize, e: usize| RawToken {
            start: s,
            end: e,
            space_after: false,
            norm: None,
        };
        out.extend(prefixes.iter().map(|&(s, e)| plain(s, e)));
        if a < b {
            let s = &text[a..b];
            match self.specials.get(s).filter(|_| with_specials) {
                Some(pieces) => Specials::push_pieces(pieces, a, out),
                None if self.token_match(s) || self.url_match(s) => out.push(plain(a, b)),
                None => self.split_infixes(s, a, out),
            }
        }
        out.extend(suffixes.iter().rev().map(|&(s, e)| plain(s, e)));
    }

    /// Splits `s` (at byte `base` of the text) at its infixes; a match at the very start is ignored.
    fn split_infixes(&self, s: &str, base: usize, out: &mut Vec<RawToken>) {
        let plain = |st: usize, e: usize| RawToken {
            start: base + st,
            end: base + e,
            space_after: false,
            norm: None,
        };
        let matches = self
            .infix
            .as_ref()
            .map(|p| p.find_iter(s))
            .unwrap_or_default();
        let mut start = 0;
        for (ms, me) in matches {
            if ms == 0 {
                continue;
            }
            if ms != start {
                out.push(plain(start, ms));
            }
            if ms != me {
                out.push(plain(ms, me));
            }
            start = me;
        }
        if start < s.len() {
            out.push(plain(start, s.len()));
        }
    }
}

#[cfg(test)]
mod tests;
