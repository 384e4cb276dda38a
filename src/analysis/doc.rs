//! The analysed-document data model: what the analysis produces and every later stage reads.
//!
//! A [`Doc`] owns its source text; every [`Token`] and [`Span`] points into it with byte offsets, which no
//! later stage rewrites. The JSON form ([`Doc::to_json`], [`Doc::from_json`]) is the one spaCy's oracle files
//! use (`id`, `text`, `tokens` with `i, idx, text, ws, tag, pos, morph, lemma, dep, head, sent_start, ent_iob,
//! ent_type`, and `ents`), where `idx` counts characters as Python does; we add byte offsets `start`/`end`.

use serde::{Deserialize, Serialize};

mod validate;
use std::ops::Range;

/// One analysed token. Offsets are byte offsets into [`Doc::text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte of the token.
    pub start: usize,
    /// Byte offset one past the token's last byte.
    pub end: usize,
    /// Whether one space follows the token (spaCy's `whitespace_`).
    pub space_after: bool,
    /// The norm (spaCy's `norm_`): special-case or lexeme norm, lower-cased form otherwise.
    pub norm: String,
    /// Fine-grained Penn Treebank tag (`NNP`, `VBD`, ...).
    pub tag: String,
    /// Universal POS tag (`PROPN`, `VERB`, ...).
    pub pos: String,
    /// Morphological features in UD's `Feat=Val|Feat=Val` form.
    pub morph: String,
    /// Lemma.
    pub lemma: String,
    /// Dependency label (`nsubj`, `ROOT`, ...).
    pub dep: String,
    /// Index of the syntactic head (a root is its own head).
    pub head: usize,
    /// Whether the token starts a sentence.
    pub sent_start: bool,
    /// Entity IOB code: `B`, `I`, `O`, or empty when NER did not run.
    pub ent_iob: EntIob,
    /// Entity type (`GPE`, `PERSON`, ...) or empty.
    pub ent_type: String,
}

/// The IOB code of a token's entity annotation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum EntIob {
    /// No annotation was made.
    #[default]
    Missing,
    /// Begins an entity.
    Begin,
    /// Inside an entity.
    Inside,
    /// Outside any entity.
    Outside,
}

impl EntIob {
    /// The one-letter code spaCy prints (`B`, `I`, `O`, or `""`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntIob::Missing => "",
            EntIob::Begin => "B",
            EntIob::Inside => "I",
            EntIob::Outside => "O",
        }
    }

    /// Parses spaCy's one-letter code; anything else is [`EntIob::Missing`].
    pub fn parse(code: &str) -> Self {
        match code {
            "B" => EntIob::Begin,
            "I" => EntIob::Inside,
            "O" => EntIob::Outside,
            _ => EntIob::Missing,
        }
    }
}

/// A labelled run of tokens (a named entity), with token and byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Byte offset of the span's first byte.
    pub start_byte: usize,
    /// Byte offset one past the span's last byte.
    pub end_byte: usize,
    /// The label (`PERSON`, `GPE`, ...).
    pub label: String,
}

/// A sentence: a run of tokens, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Byte offset of the sentence's first byte.
    pub start_byte: usize,
    /// Byte offset one past the sentence's last byte.
    pub end_byte: usize,
}

impl Sentence {
    /// The token indices of the sentence.
    pub fn tokens(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// An analysed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The document's identifier.
    pub id: String,
    /// The full source text; all offsets index it.
    pub text: String,
    /// Tokens in order; their byte ranges cover the text without overlap.
    pub tokens: Vec<Token>,
    /// Named entities in order.
    pub ents: Vec<Span>,
}

impl Doc {
    /// The text of token `i`.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub fn token_text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The text of tokens `start..end` (`end` past the last), spaces between them included.
    ///
    /// # Panics
    /// If the range is empty or out of range.
    pub fn tokens_text(&self, start: usize, end: usize) -> &str {
        self.slice(self.tokens[start].start..self.tokens[end - 1].end)
    }

    /// The text covered by a byte range, or `""` if it does not fall on character boundaries.
    pub fn slice(&self, bytes: Range<usize>) -> &str {
        self.text.get(bytes).unwrap_or("")
    }

    /// The tokens of the hyphenated word token `i` is a piece of (`co`, `-`, `founder` of `co-founder`:
    /// words of letters joined by single hyphens, no space between), or `i..i + 1` when it is in none.
    /// Scores and dates (`2-1`, `1874-1951`) are no words.
    ///
    /// ```
    /// use kg::analysis::{Doc, Token};
    /// let mut doc = Doc { text: "a co-founder".into(), ..Doc::default() };
    /// for (start, end) in [(0, 1), (2, 4), (4, 5), (5, 12)] {
    ///     let space_after = end == 1;
    ///     doc.tokens.push(Token { start, end, space_after, ..Token::default() });
    /// }
    /// assert_eq!(doc.hyphenated_word(2), 1..4);
    /// assert_eq!(doc.hyphenated_word(0), 0..1);
    /// ```
    pub fn hyphenated_word(&self, i: usize) -> Range<usize> {
        let text = |k: usize| {
            self.tokens
                .get(k)
                .map_or("", |t| self.slice(t.start..t.end))
        };
        let written_on = |k: usize| self.tokens.get(k).is_some_and(|t| !t.space_after);
        // Most tokens have no hyphen written on beside them: no word, and no need to read their letters.
        let near_hyphen = text(i) == "-"
            || written_on(i) && text(i + 1) == "-"
            || i > 0 && written_on(i - 1) && text(i - 1) == "-";
        if !near_hyphen {
            return i..i + 1;
        }
        let letters = |k: usize| !text(k).is_empty() && text(k).chars().all(char::is_alphabetic);
        // Letters at `k`, a hyphen after them and letters after that, all written on.
        let link = |k: usize| {
            letters(k)
                && text(k + 1) == "-"
                && letters(k + 2)
                && !self.tokens[k].space_after
                && !self.tokens[k + 1].space_after
        };
        let piece = if text(i) == "-" && i > 0 && link(i - 1) {
            i - 1
        } else {
            i
        };
        if !letters(piece) {
            return i..i + 1;
        }
        let mut first = piece;
        while first >= 2 && link(first - 2) {
            first -= 2;
        }
        let mut last = piece;
        while link(last) {
            last += 2;
        }
        first..last + 1
    }

    /// Sentences, read off the tokens' `sent_start` flags (the first token always starts one).
    pub fn sentences(&self) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut begin = 0;
        for i in 1..=self.tokens.len() {
            if i == self.tokens.len() || self.tokens[i].sent_start {
                if begin < i {
                    out.push(Sentence {
                        start: begin,
                        end: i,
                        start_byte: self.tokens[begin].start,
                        end_byte: self.tokens[i - 1].end,
                    });
                }
                begin = i;
            }
        }
        out
    }

    /// Rebuilds [`Doc::ents`] from the tokens' IOB codes and types.
    pub fn ents_from_iob(&mut self) {
        let mut ents: Vec<Span> = Vec::new();
        for (i, t) in self.tokens.iter().enumerate() {
            match t.ent_iob {
                EntIob::Begin => ents.push(Span {
                    start: i,
                    end: i + 1,
                    start_byte: t.start,
                    end_byte: t.end,
                    label: t.ent_type.clone(),
                }),
                EntIob::Inside => {
                    if let Some(last) = ents.last_mut().filter(|e| e.end == i) {
                        last.end = i + 1;
                        last.end_byte = t.end;
                    }
                }
                _ => {}
            }
        }
        self.ents = ents;
    }

    /// Serialises to the oracle's JSON form (plus byte offsets `start`/`end` per token and entity).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self.json_view()).unwrap_or_default()
    }

    /// Writes the document in the form of [`Doc::to_json`] (same bytes as serialising it), streaming from
    /// the document's own fields: no intermediate JSON tree, so memory stays flat on a huge document.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_json(&self, out: &mut impl std::io::Write) -> serde_json::Result<()> {
        serde_json::to_writer(out, &self.json_view())
    }

    fn json_view(&self) -> JsonDocView<'_> {
        JsonDocView {
            doc: self,
            chars: CharIndex::new(&self.text),
        }
    }

    /// Reads a document in the oracle's JSON form. Byte offsets are recomputed from the character offsets
    /// (`idx`) when `start`/`end` are absent.
    ///
    /// # Errors
    /// When the JSON does not have the oracle's shape or a token does not match the text at its offset.
    pub fn from_json(value: &serde_json::Value) -> Result<Doc, DocJsonError> {
        let raw = JsonDoc::deserialize(value).map_err(DocJsonError::Shape)?;
        let byte_of_char: Vec<usize> = raw
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(raw.text.len()))
            .collect();
        let mut tokens = Vec::with_capacity(raw.tokens.len());
        for (k, t) in raw.tokens.iter().enumerate() {
            let bad = |field, problem: String| DocJsonError::Token {
                token: k,
                field,
                problem,
            };
            if t.i != k {
                return Err(bad("i", format!("is {} at position {k}", t.i)));
            }
            let start = match t.start {
                Some(s) => s,
                None => *byte_of_char.get(t.idx).ok_or_else(|| {
                    bad(
                        "idx",
                        format!(
                            "{} is past the text's {} characters",
                            t.idx,
                            byte_of_char.len() - 1
                        ),
                    )
                })?,
            };
            let end = start.saturating_add(t.text.len());
            if raw.text.get(start..end) != Some(t.text.as_str()) {
                return Err(bad(
                    if t.start.is_some() { "start" } else { "idx" },
                    format!("does not point at the token's text {:?}", t.text),
                ));
            }
            if !matches!(t.ent_iob.as_str(), "" | "B" | "I" | "O") {
                return Err(bad(
                    "ent_iob",
                    format!("is {:?}, not B, I, O or \"\"", t.ent_iob),
                ));
            }
            tokens.push(Token {
                start,
                end,
                space_after: !t.ws.is_empty(),
                norm: String::new(),
                tag: t.tag.clone(),
                pos: t.pos.clone(),
                morph: t.morph.clone(),
                lemma: t.lemma.clone(),
                dep: t.dep.clone(),
                head: t.head,
                sent_start: t.sent_start,
                ent_iob: EntIob::parse(&t.ent_iob),
                ent_type: t.ent_type.clone(),
            });
        }
        let mut doc = Doc {
            id: raw.id,
            text: raw.text,
            tokens,
            ents: Vec::new(),
        };
        doc.validate()?;
        doc.ents_from_iob();
        if let Some(ents) = &raw.ents {
            let from_iob = doc.ents.iter().map(|e| (e.start, e.end, e.label.as_str()));
            let given = ents.iter().map(|e| (e.start, e.end, e.label.as_str()));
            if let Some(k) = from_iob
                .clone()
                .zip(given.clone())
                .position(|(a, b)| a != b)
            {
                return Err(DocJsonError::Entity {
                    entity: k,
                    problem: "differs from the tokens' ent_iob and ent_type".into(),
                });
            }
            if from_iob.len() != given.len() {
                return Err(DocJsonError::Entity {
                    entity: from_iob.len().min(given.len()),
                    problem: format!(
                        "the tokens' ent_iob and ent_type make {} entities, `ents` lists {}",
                        from_iob.len(),
                        given.len()
                    ),
                });
            }
        }
        Ok(doc)
    }
}

/// Why a JSON document could not be read as a [`Doc`]: what is wrong, and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocJsonError {
    /// The JSON does not have the oracle's fields.
    #[error("not an analysed document: {0}")]
    Shape(#[source] serde_json::Error),
    /// A field of one token is inconsistent with the text or the other tokens.
    #[error("token {token}: `{field}` {problem}")]
    Token {
        /// The token's position.
        token: usize,
        /// The JSON field at fault.
        field: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// An entry of `ents` disagrees with the tokens' entity codes.
    #[error("ents[{entity}]: {problem}")]
    Entity {
        /// The entry's position in `ents`.
        entity: usize,
        /// What is wrong with it.
        problem: String,
    },
}

/// Maps byte offsets to character offsets in O(log n).
struct CharIndex {
    /// Byte offsets of every non-ASCII character, to count the extra bytes before an offset.
    multibyte: Vec<(usize, usize)>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut extra = 0;
        let mut multibyte = Vec::new();
        for (b, c) in text.char_indices() {
            if c.len_utf8() > 1 {
                extra += c.len_utf8() - 1;
                multibyte.push((b, extra));
            }
        }
        CharIndex { multibyte }
    }

    fn char_of(&self, byte: usize) -> usize {
        let n = self.multibyte.partition_point(|&(b, _)| b < byte);
        byte - if n == 0 { 0 } else { self.multibyte[n - 1].1 }
    }
}

/// A document borrowed for serialisation. Keys are written in sorted order, as serde_json orders a map.
struct JsonDocView<'a> {
    doc: &'a Doc,
    chars: CharIndex,
}

impl Serialize for JsonDocView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let doc = self.doc;
        let ents = doc.ents.iter().map(|e| JsonEntView {
            end: e.end,
            end_char: self.chars.char_of(e.end_byte),
            label: &e.label,
            start: e.start,
            start_char: self.chars.char_of(e.start_byte),
            text: doc.slice(e.start_byte..e.end_byte),
        });
        let tokens = doc.tokens.iter().enumerate().map(|(i, t)| JsonTokenView {
            dep: &t.dep,
            end: t.end,
            ent_iob: t.ent_iob.as_str(),
            ent_type: &t.ent_type,
            head: t.head,
            i,
            idx: self.chars.char_of(t.start),
            lemma: &t.lemma,
            morph: &t.morph,
            pos: &t.pos,
            sent_start: t.sent_start,
            start: t.start,
            tag: &t.tag,
            text: doc.text.get(t.start..t.end).unwrap_or(""),
            ws: if t.space_after { " " } else { "" },
        });
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("ents", &Seq(std::cell::Cell::new(Some(ents))))?;
        map.serialize_entry("id", &doc.id)?;
        map.serialize_entry("text", &doc.text)?;
        map.serialize_entry("tokens", &Seq(std::cell::Cell::new(Some(tokens))))?;
        map.end()
    }
}

/// Serialises an iterator once as a sequence, without collecting it.
struct Seq<I>(std::cell::Cell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.take() {
            Some(items) => serializer.collect_seq(items),
            None => serializer.collect_seq(std::iter::empty::<T>()),
        }
    }
}

#[derive(Serialize)]
struct JsonTokenView<'a> {
    dep: &'a str,
    end: usize,
    ent_iob: &'a str,
    ent_type: &'a str,
    head: usize,
    i: usize,
    idx: usize,
    lemma: &'a str,
    morph: &'a str,
    pos: &'a str,
    sent_start: bool,
    start: usize,
    tag: &'a str,
    text: &'a str,
    ws: &'a str,
}

#[derive(Serialize)]
struct JsonEntView<'a> {
    end: usize,
    end_char: usize,
    label: &'a str,
    start: usize,
    start_char: usize,
    text: &'a str,
}

#[derive(Deserialize)]
struct JsonToken {
    i: usize,
    idx: usize,
    /// Byte offset, written by `kg` (the end follows from the text); the oracle has only `idx`.
    #[serde(default)]
    start: Option<usize>,
    text: String,
    ws: String,
    tag: String,
    pos: String,
    #[serde(default)]
    morph: String,
    lemma: String,
    dep: String,
    head: usize,
    sent_start: bool,
    ent_iob: String,
    ent_type: String,
}

#[derive(Deserialize)]
struct JsonDoc {
    id: String,
    text: String,
    tokens: Vec<JsonToken>,
    /// spaCy's entity spans; checked against the tokens' codes, from which [`Doc::ents`] is built.
    #[serde(default)]
    ents: Option<Vec<JsonEnt>>,
}

#[derive(Deserialize)]
struct JsonEnt {
    start: usize,
    end: usize,
    label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_keeps_byte_offsets_with_multibyte_text() {
        let json = serde_json::json!({
            "id": "d", "text": "“Hi” Japan",
            "tokens": [
                {"i":0,"idx":0,"text":"“","ws":"","tag":"``","pos":"PUNCT","morph":"","lemma":"“","dep":"punct","head":1,"sent_start":true,"ent_iob":"O","ent_type":""},
                {"i":1,"idx":1,"text":"Hi","ws":"","tag":"UH","pos":"INTJ","morph":"","lemma":"hi","dep":"ROOT","head":1,"sent_start":false,"ent_iob":"O","ent_type":""},
                {"i":2,"idx":3,"text":"”","ws":" ","tag":"''","pos":"PUNCT","morph":"","lemma":"”","dep":"punct","head":1,"sent_start":false,"ent_iob":"O","ent_type":""},
                {"i":3,"idx":5,"text":"Japan","ws":"","tag":"NNP","pos":"PROPN","morph":"","lemma":"Japan","dep":"npadvmod","head":1,"sent_start":false,"ent_iob":"B","ent_type":"GPE"}
            ]
        });
        let doc = Doc::from_json(&json).unwrap();
        assert_eq!(doc.tokens[1].start, 3);
        assert_eq!(doc.token_text(3), "Japan");
        assert_eq!(doc.ents.len(), 1);
        assert_eq!(
            doc.slice(doc.ents[0].start_byte..doc.ents[0].end_byte),
            "Japan"
        );
        let back = doc.to_json();
        assert_eq!(back["tokens"][3]["idx"], 5);
        assert_eq!(back["tokens"][3]["start"], 9);
        assert_eq!(Doc::from_json(&back).unwrap(), doc);
        assert_eq!(doc.sentences().len(), 1);
    }
}
