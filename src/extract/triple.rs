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
