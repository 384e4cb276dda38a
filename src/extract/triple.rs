//! What extractors produce: open, sentence-level triples over token spans, before entity resolution.

use std::ops::Range;

/// A phrase of a sentence that fills a triple's slot: its tokens, head token and byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// The phrase as it reads in the text (may skip tokens, e.g. a dropped relative clause).
    pub text: String,
    /// Token index of the phrase's syntactic head.
    pub head: usize,
    /// The token indices the phrase covers, in order.
    pub tokens: Vec<usize>,
    /// Byte range in the document covering the phrase.
    pub bytes: Range<usize>,
}

/// The relation of a triple.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The relation phrase as it reads (`was controlled by`), used by Open IE output.
    pub text: String,
    /// The normalised phrase: lemmas, auxiliaries dropped (`control by`), used for ontology mapping.
    pub normalized: String,
    /// Token indices of the phrase.
    pub tokens: Vec<usize>,
    /// Whether the relation phrase is passive (subject and object then swap for the canonical fact).
    pub passive: bool,
}

/// How the sentence commits to the triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Modality {
    /// Stated as a fact.
    #[default]
    Asserted,
    /// Stated as not holding (`has shown no sign of`, `did not`).
    Negated,
    /// Hedged or future (`will likely`, `may`, `could`, `is expected to`).
    Possible,
}

/// The kind of a qualifier kept on the reifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualifierKind {
    /// When (`in 2014`, `on Thursday`).
    Time,
    /// Where (`in Tokyo`).
    Place,
    /// Any other prepositional modifier, with its preposition in [`Qualifier::preposition`].
    Other,
}

/// A time, place or other modifier of a triple.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualifier {
    /// What kind of modifier it is.
    pub kind: QualifierKind,
    /// The preposition that introduced it, if any (`in`, `on`).
    pub preposition: Option<String>,
    /// The modifier phrase.
    pub value: Argument,
}

/// One extracted triple, traceable to its sentence and the rule that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTriple {
    /// Index of the sentence in `Doc::sentences()`.
    pub sentence: usize,
    /// The subject phrase.
    pub subject: Argument,
    /// The relation.
    pub relation: Relation,
    /// The object phrase.
    pub object: Argument,
    /// Further arguments for n-ary Open IE output (`arg3`, ...), not used for the graph.
    pub extra: Vec<Argument>,
    /// Time, place and other qualifiers.
    pub qualifiers: Vec<Qualifier>,
    /// Asserted, negated or hedged.
    pub modality: Modality,
    /// The speaker, when the triple is the content of reported speech.
    pub attributed_to: Option<Argument>,
    /// The name of the construction (rule) that produced it, e.g. `passive`, `apposition`.
    pub rule: &'static str,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

impl Modality {
    /// The modality's name: `asserted`, `negated` or `possible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Possible => "possible",
        }
    }
}

impl QualifierKind {
    /// The kind's name: `time`, `place` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            QualifierKind::Time => "time",
            QualifierKind::Place => "place",
            QualifierKind::Other => "other",
        }
    }
}

impl Argument {
    /// The argument as JSON: text, head token, tokens and byte range.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "text": self.text,
            "head": self.head,
            "tokens": self.tokens,
            "start": self.bytes.start,
            "end": self.bytes.end,
        })
    }
}

impl RawTriple {
    /// The triple as one JSON object (the `kg extract --format jsonl` line), tagged with its document id.
    pub fn to_json(&self, doc_id: &str) -> serde_json::Value {
        serde_json::json!({
            "doc": doc_id,
            "sentence": self.sentence,
            "subject": self.subject.to_json(),
            "relation": {
                "text": self.relation.text,
                "normalized": self.relation.normalized,
                "tokens": self.relation.tokens,
                "passive": self.relation.passive,
            },
            "object": self.object.to_json(),
            "extra": self.extra.iter().map(Argument::to_json).collect::<Vec<_>>(),
            "qualifiers": self.qualifiers.iter().map(|q| serde_json::json!({
                "kind": q.kind.as_str(),
                "preposition": q.preposition,
                "value": q.value.to_json(),
            })).collect::<Vec<_>>(),
            "modality": self.modality.as_str(),
            "attributed_to": self.attributed_to.as_ref().map(Argument::to_json),
            "rule": self.rule,
            "confidence": self.confidence,
        })
    }
}
