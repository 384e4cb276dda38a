//! A read-only view of one sentence's dependency tree: children lists and the small queries every
//! construction asks (dependency labels, lemmas, entity types), built once per sentence in O(tokens).

use super::hyphenated::{Joined, joined_heads};
use crate::analysis::{Doc, Sentence, Token};

/// One sentence of a document with its children lists.
pub(crate) struct View<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// Index of the sentence in `Doc::sentences()`.
    pub index: usize,
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Children of all tokens, grouped by head in token order; `offsets[i - start]..offsets[i - start + 1]`
    /// indexes the children of token `i` (one allocation per sentence instead of one per token).
    kids: Vec<usize>,
    /// Group boundaries in `kids`.
    offsets: Vec<usize>,
    /// Heads of the sentence's tokens, split hyphenated words joined (see [`super::hyphenated`]).
    heads: Vec<usize>,
    /// Dependency labels, likewise.
    deps: Vec<&'a str>,
    /// Pieces of hyphenated words other than the last, likewise.
    glued: Vec<bool>,
}

impl<'a> View<'a> {
    /// Builds the view of sentence `index` of `doc`.
    pub fn new(doc: &'a Doc, index: usize, sentence: Sentence) -> Self {
        let end = sentence.end.min(doc.tokens.len());
        let start = sentence.start.min(end);
        let n = end - start;
        let Joined { heads, deps, glued } = joined_heads(doc, start, end);
        let mut view = View {
            doc,
            index,
            start,
            end,
            kids: Vec::new(),
            offsets: Vec::new(),
            heads,
            deps,
            glued,
        };
        let mut counts = vec![0usize; n + 1];
        for i in start..end {
            let h = view.head(i);
            if h != i {
                counts[h - start + 1] += 1;
            }
        }
        for k in 1..=n {
            counts[k] += counts[k - 1];
        }
        let mut fill = counts.clone();
        let mut kids = vec![0; counts[n]];
        for i in start..end {
            let h = view.head(i);
            if h != i {
                kids[fill[h - start]] = i;
                fill[h - start] += 1;
            }
        }
        view.kids = kids;
        view.offsets = counts;
        view
    }

    /// The token indices of the sentence.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Token `i`.
    pub fn tok(&self, i: usize) -> &'a Token {
        &self.doc.tokens[i]
    }

    /// The head of `i`; a token whose head lies outside the sentence counts as a root (its own head).
    pub fn head(&self, i: usize) -> usize {
        i.checked_sub(self.start)
            .and_then(|k| self.heads.get(k))
            .copied()
            .unwrap_or(i)
    }

    /// Whether `i` is a piece of a hyphenated word written on with the next token (`co` and `-` of
    /// `co-founder`).
    pub fn glued(&self, i: usize) -> bool {
        i.checked_sub(self.start)
            .and_then(|k| self.glued.get(k))
            .copied()
            .unwrap_or(false)
    }

    /// Whether `i` is a root of the sentence.
    pub fn is_root(&self, i: usize) -> bool {
        self.head(i) == i
    }

    /// The dependency label of `i`.
    pub fn dep(&self, i: usize) -> &'a str {
        i.checked_sub(self.start)
            .and_then(|k| self.deps.get(k))
            .copied()
            .unwrap_or(&self.doc.tokens[i].dep)
    }

    /// The fine-grained tag of `i`.
    pub fn tag(&self, i: usize) -> &'a str {
        &self.doc.tokens[i].tag
    }

    /// The universal POS of `i`.
    pub fn pos(&self, i: usize) -> &'a str {
        &self.doc.tokens[i].pos
    }

    /// The lemma of `i`.
    pub fn lemma(&self, i: usize) -> &'a str {
        &self.doc.tokens[i].lemma
    }

    /// The entity type of `i` (empty outside entities).
    pub fn ent(&self, i: usize) -> &'a str {
        &self.doc.tokens[i].ent_type
    }

    /// The text of `i`.
    pub fn text(&self, i: usize) -> &'a str {
        let t = &self.doc.tokens[i];
        self.doc.text.get(t.start..t.end).unwrap_or("")
    }

    /// Whether the lower-cased lemma of `i` is one of `words`.
    pub fn lemma_in(&self, i: usize, words: &[&str]) -> bool {
        let l = self.lemma(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(l))
    }

    /// The children of `i` in token order.
    pub fn children(&self, i: usize) -> &[usize] {
        let k = i - self.start;
        &self.kids[self.offsets[k]..self.offsets[k + 1]]
    }

    /// The children of `i` with one of the labels `deps`.
    pub fn children_with<'b>(
        &'b self,
        i: usize,
        deps: &'b [&str],
    ) -> impl Iterator<Item = usize> + 'b {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&c| deps.contains(&self.dep(c)))
    }

    /// The first child of `i` with one of the labels `deps`.
    pub fn child(&self, i: usize, deps: &[&str]) -> Option<usize> {
        self.children_with(i, deps).next()
    }

    /// Whether `i` is a verb (or an auxiliary used as the main verb, such as a copula).
    pub fn is_verb(&self, i: usize) -> bool {
        matches!(self.pos(i), "VERB" | "AUX") && self.tag(i).starts_with('V')
    }

    /// Whether `i` heads a noun phrase (nouns, proper nouns, pronouns, numbers).
    pub fn is_nominal(&self, i: usize) -> bool {
        matches!(self.pos(i), "NOUN" | "PROPN" | "PRON" | "NUM" | "X" | "SYM")
            || (self.pos(i) == "ADJ"
                && matches!(self.dep(i), "nsubj" | "dobj" | "pobj" | "appos" | "attr"))
    }

    /// Whether `i` is a punctuation token.
    pub fn is_punct(&self, i: usize) -> bool {
        self.pos(i) == "PUNCT" || self.dep(i) == "punct"
    }

    /// Whether `i` is a personal or demonstrative pronoun (what resolution, not extraction, decides about).
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.pos(i) == "PRON"
    }

    /// Whether `i` is a relative pronoun or relativiser (`who`, `which`, `that` opening a relative clause).
    pub fn is_relativizer(&self, i: usize) -> bool {
        matches!(self.tag(i), "WDT" | "WP" | "WP$" | "WRB")
    }
}
