//! What resolution produces for one document: entities with stable keys and facts between them, ready for
//! the store. This is the contract between `resolve` and `store`.

use std::ops::Range;

/// A resolved entity mentioned in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// A stable, document-independent key (e.g. `russia`, `vladimir_putin`), the local part of the entity IRI,
    /// so that shards and documents built apart merge.
    pub key: String,
    /// The preferred label (`Vladimir Putin`).
    pub label: String,
    /// Every other surface form seen (`Putin`, `the Russian president`).
    pub aliases: Vec<String>,
    /// Ontology class local name (`Person`, `Country`, `Island`, ...).
    pub class: String,
    /// Byte ranges of the mentions in the document.
    pub mentions: Vec<Range<usize>>,
    /// The name the document writes most for the entity where it never writes its label (`US` for the
    /// United States, `Bayern` for Bayern Munich); `None` when it writes the label, or no name at all.
    pub name_in_document: Option<String>,
}

impl Entity {
    /// The entity's name as its document writes it: [`Entity::name_in_document`], else the label.
    pub fn written_name(&self) -> &str {
        self.name_in_document.as_deref().unwrap_or(&self.label)
    }
}

/// A fact's subject or object.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// An entity, by index into [`DocumentGraph::entities`].
    Entity(usize),
    /// A literal value (a phrase that is not an entity, a date).
    Literal(String),
}

/// A fact's predicate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Predicate {
    /// An ontology property, by local name (`controls`, `claims`).
    Ontology(String),
    /// An unmapped relation, by its normalised phrase (`revive talk`).
    Open(String),
}

/// A fact extracted from one sentence, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The subject.
    pub subject: Node,
    /// The predicate.
    pub predicate: Predicate,
    /// The object.
    pub object: Node,
    /// Index of the sentence in [`DocumentGraph::sentences`].
    pub sentence: usize,
    /// Byte range of the evidence in the document (at least the sentence's subject-to-object stretch).
    pub bytes: Range<usize>,
    /// The rule (construction) that produced it.
    pub rule: String,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// `asserted`, `negated` or `possible`; only asserted facts are stated as plain triples.
    pub modality: String,
    /// The speaker entity when the fact was reported speech.
    pub attributed_to: Option<Node>,
    /// Qualifiers such as (`time`, `2014`), (`place`, `Tokyo`), (`in`, `...`).
    pub qualifiers: Vec<(String, String)>,
    /// How the sentence words an open relation (`pledged to work toward concluding` for `pledge to work
    /// toward conclude`), its readable label; `None` for an ontology property.
    pub wording: Option<String>,
}

/// A sentence of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceText {
    /// Byte range in the document.
    pub bytes: Range<usize>,
    /// The sentence text.
    pub text: String,
}

/// The resolved graph of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentGraph {
    /// The document id (its named graph derives from it).
    pub doc_id: String,
    /// Title, if the input had one.
    pub title: Option<String>,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source URL, if known.
    pub url: Option<String>,
    /// Sentences, in order.
    pub sentences: Vec<SentenceText>,
    /// Entities mentioned.
    pub entities: Vec<Entity>,
    /// Facts extracted.
    pub facts: Vec<Fact>,
}
