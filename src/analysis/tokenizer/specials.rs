//! Special cases (tokenizer exceptions): the table, and the second pass spaCy makes over a tokenized
//! document to find special cases that affix splitting had broken apart (spaCy's `_special_matcher`, a
//! `PhraseMatcher` over token texts).

use std::collections::HashMap;

/// One token of a special case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The token text.
    pub orth: String,
    /// The norm the special case gives, if any.
    pub norm: Option<String>,
}

/// A token as the tokenizer builds it: byte range, trailing space, special-case norm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub start: usize,
    pub end: usize,
    pub space_after: bool,
    pub norm: Option<String>,
}

/// The special cases, looked up by exact string.
#[derive(Debug, Clone, Default)]
pub(crate) struct Specials {
    table: HashMap<String, Vec<Piece>>,
    /// Length in bytes of the longest key: longer strings are no special case, without hashing them.
    max_len: usize,
}

impl Specials {
    pub(crate) fn insert(&mut self, key: String, pieces: Vec<Piece>) {
        self.max_len = self.max_len.max(key.len());
        self.table.insert(key, pieces);
    }

    pub(crate) fn get(&self, key: &str) -> Option<&[Piece]> {
        if key.len() > self.max_len {
            return None;
        }
        self.table.get(key).map(Vec::as_slice)
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.table.keys()
    }

    /// Appends the pieces of a special case laid out from byte `start` (no space between pieces).
    pub(crate) fn push_pieces(pieces: &[Piece], start: usize, out: &mut Vec<RawToken>) {
        let mut at = start;
        for p in pieces {
            out.push(RawToken {
                start: at,
                end: at + p.orth.len(),
                space_after: false,
                norm: p.norm.clone(),
            });
            at += p.orth.len();
        }
    }
}

/// Token-text sequences of the special cases that affix splitting breaks up, indexed by first token.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpecialMatcher {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl SpecialMatcher {
    pub(crate) fn add(&mut self, tokens: Vec<String>) {
        if let Some(first) = tokens.first() {
            let entry = self.by_first.entry(first.clone()).or_default();
            if !entry.contains(&tokens) {
                entry.push(tokens);
            }
        }
    }

    /// Rewrites the tokens as spaCy's `_apply_special_cases` does: all phrase matches, longest first
    /// (then leftmost), dropping a match whose first or last token was covered by a match taken or dropped
    /// before; a kept match whose text (with its inner whitespace) is a special case is replaced by it.
    pub(crate) fn apply(
        &self,
        text: &str,
        specials: &Specials,
        tokens: Vec<RawToken>,
    ) -> Vec<RawToken> {
        if self.by_first.is_empty() {
            return tokens;
        }
        let tok_text = |t: &RawToken| &text[t.start..t.end];
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            let Some(patterns) = self.by_first.get(tok_text(&tokens[i])) else {
                continue;
            };
            for p in patterns {
                let end = i + p.len();
                if end <= tokens.len()
                    && p.iter().zip(&tokens[i..end]).all(|(w, t)| w == tok_text(t))
                {
                    spans.push((i, end));
                }
            }
        }
        if spans.is_empty() {
            return tokens;
        }
        // Longest first, then leftmost.
        spans.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        spans.dedup();
        let mut seen = vec![false; tokens.len()];
        let mut kept = Vec::new();
        for (s, e) in spans {
            if !seen[s] && !seen[e - 1] {
                kept.push((s, e));
            }
            seen[s..e].iter_mut().for_each(|x| *x = true);
        }
        kept.sort();
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let mut k = 0;
        while i < tokens.len() {
            if k < kept.len() && kept[k].0 == i {
                let (s, e) = kept[k];
                k += 1;
                let span_text = &text[tokens[s].start..tokens[e - 1].end];
                match specials.get(span_text) {
                    Some(pieces) if !pieces.is_empty() => {
                        Specials::push_pieces(pieces, tokens[s].start, &mut out);
                        if let Some(last) = out.last_mut() {
                            last.space_after = tokens[e - 1].space_after;
                        }
                    }
                    _ => out.extend_from_slice(&tokens[s..e]),
                }
                i = e;
            } else {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
        out
    }
}
