//! The IRI scheme: entities, documents, open relations, reifiers and the store's own graphs, all under one
//! configurable base, and the ontology vocabulary under its own namespace.

use oxigraph::model::{NamedNode, Term, Triple};

/// The default base of every IRI the store mints.
pub const DEFAULT_BASE: &str = "https://kg.example.org/";

/// The default ontology namespace (the `kg:` prefix of `ontology/kg.ttl`).
pub const DEFAULT_ONTOLOGY: &str = "https://kg.example.org/ontology#";

/// SKOS, for `skos:altLabel`.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";

/// Dublin Core terms, for document metadata.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";

/// The store's provenance and bookkeeping vocabulary, as local names in the ontology namespace.
///
/// They are kept in one list so that the projection can tell provenance apart from relations.
pub mod vocab {
    /// The class of documents.
    pub const DOCUMENT: &str = "Document";
    /// The class of open (unmapped) relations.
    pub const OPEN_RELATION: &str = "OpenRelation";
    /// Reifier -> the sentence text. (The document is the graph that holds the reifier.)
    pub const SENTENCE: &str = "sentence";
    /// Reifier -> where the evidence is: `sentence:start-end`, the sentence's index in its document and the
    /// byte range of the evidence in the document's text (end exclusive); see [`parse_span`](crate::store::parse_span).
    pub const SPAN: &str = "span";
    /// Reifier -> the extractor or inference rule.
    pub const RULE: &str = "rule";
    /// Reifier -> confidence in [0, 1].
    pub const CONFIDENCE: &str = "confidence";
    /// Reifier -> `asserted`, `negated` or `possible`.
    pub const MODALITY: &str = "modality";
    /// Reifier -> the speaker of reported speech.
    pub const ATTRIBUTED_TO: &str = "attributedTo";
    /// Reifier -> a time qualifier.
    pub const TIME: &str = "time";
    /// Reifier -> a place qualifier.
    pub const PLACE: &str = "place";
    /// Reifier -> any other qualifier, as `preposition: value`.
    pub const QUALIFIER: &str = "qualifier";
    /// Inferred reifier -> a triple it was derived from (a triple term).
    pub const PREMISE: &str = "premise";
    /// Document -> its id.
    pub const DOCUMENT_ID: &str = "documentId";
    /// Document -> number of sentences.
    pub const SENTENCE_COUNT: &str = "sentenceCount";
    /// Meta graph: the store's base IRI.
    pub const BASE: &str = "storeBase";
    /// Meta graph: the `--ontology` texts the store was built with (an `rdf:JSON` array of name and Turtle).
    pub const ONTOLOGY_EXTENSIONS: &str = "ontologyExtensions";
    /// Meta graph: set while the inferred graph is older than the documents.
    pub const INFERENCE_STALE: &str = "inferenceStale";
    /// Meta graph: set while the derived graphs (entities, facts) are older than the document graphs.
    pub const DERIVED_STALE: &str = "derivedStale";
    /// Meta graph: documents changed since the corpus pass last ran.
    pub const IDENTITIES_STALE: &str = "identitiesStale";
    /// Meta graph: an entity or open relation whose description waits for
    /// [`KgStore::settle_descriptions`](crate::store::KgStore::settle_descriptions).
    pub const DESCRIPTION_PENDING: &str = "descriptionPending";
    /// Meta graph: a token every write replaces (see [`KgStore::generation`](crate::store::KgStore::generation)).
    pub const GENERATION: &str = "generation";
    /// Meta graph: the layout version of the store (see [`super::FORMAT_VERSION`](crate::store::FORMAT_VERSION)).
    pub const FORMAT_VERSION: &str = "formatVersion";
    /// Document -> an entity it mentions (document graph).
    pub const MENTIONS: &str = "mentions";
    /// Entity or open relation -> its preferred name in this document (document graph).
    pub const LABEL_IN_DOCUMENT: &str = "labelInDocument";
    /// Entity -> another name it has in this document (document graph).
    pub const ALT_LABEL_IN_DOCUMENT: &str = "altLabelInDocument";
    /// Entity -> the name this document writes most for it, where it never writes its label (document
    /// graph; see [`Entity::name_in_document`](crate::resolve::Entity::name_in_document)).
    pub const NAME_IN_DOCUMENT: &str = "nameInDocument";
    /// Entity or open relation -> the class this document gives it (document graph).
    pub const CLASS_IN_DOCUMENT: &str = "classInDocument";
    /// Entity -> the key its document gave it, where the corpus pass gave it another IRI (literal).
    pub const KEY_IN_DOCUMENT: &str = "keyInDocument";
    /// Entity -> its mentions in this document, `sentence:start-end` byte ranges separated by spaces
    /// (document graph).
    pub const MENTION_SPANS: &str = "mentionSpans";
    /// Entity -> number of documents that mention it (entities graph).
    pub const DOCUMENT_COUNT: &str = "documentCount";
    /// Entity -> number of its mentions in all documents (entities graph).
    pub const MENTION_COUNT: &str = "mentionCount";
    /// Document -> number of facts extracted from it (reifiers), all modalities.
    pub const FACT_COUNT: &str = "factCount";
    /// Document -> number of its facts that are asserted.
    pub const ASSERTED_FACT_COUNT: &str = "assertedFactCount";
    /// Document -> a hash of its input and of the ontology it was built with, so that a rebuild skips it
    /// when neither changed.
    pub const CONTENT_HASH: &str = "contentHash";

    /// Provenance and bookkeeping properties: never relations between entities.
    pub const PROVENANCE: &[&str] = &[
        SENTENCE,
        SPAN,
        RULE,
        CONFIDENCE,
        MODALITY,
        ATTRIBUTED_TO,
        TIME,
        PLACE,
        QUALIFIER,
        PREMISE,
        DOCUMENT_ID,
        SENTENCE_COUNT,
        BASE,
        INFERENCE_STALE,
        FORMAT_VERSION,
        DERIVED_STALE,
        IDENTITIES_STALE,
        MENTIONS,
        LABEL_IN_DOCUMENT,
        ALT_LABEL_IN_DOCUMENT,
        NAME_IN_DOCUMENT,
        CLASS_IN_DOCUMENT,
        KEY_IN_DOCUMENT,
        MENTION_SPANS,
        DOCUMENT_COUNT,
        MENTION_COUNT,
        CONTENT_HASH,
        FACT_COUNT,
        ASSERTED_FACT_COUNT,
    ];

    /// The document graph's statements about an entity or open relation: the evidence from which the
    /// entities graph describes it.
    pub const EVIDENCE: &[&str] = &[
        LABEL_IN_DOCUMENT,
        ALT_LABEL_IN_DOCUMENT,
        CLASS_IN_DOCUMENT,
        MENTION_SPANS,
    ];
}

/// Reads a `sentence:start-end` span (a reifier's [`vocab::SPAN`], one of an entity's
/// [`vocab::MENTION_SPANS`]): `(sentence, start byte, end byte)`.
///
/// ```
/// assert_eq!(kg::store::parse_span("3:120-180"), Some((3, 120, 180)));
/// assert_eq!(kg::store::parse_span("3:120"), None);
/// ```
pub fn parse_span(text: &str) -> Option<(usize, usize, usize)> {
    let (sentence, bytes) = text.split_once(':')?;
    let (start, end) = bytes.split_once('-')?;
    Some((
        sentence.parse().ok()?,
        start.parse().ok()?,
        end.parse().ok()?,
    ))
}

/// Mints and recognises the store's IRIs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespaces {
    base: String,
    ontology: String,
    entity: String,
    rel: String,
    doc: String,
    fact: String,
    inferred: String,
}

impl Default for Namespaces {
    fn default() -> Self {
        Self::new(DEFAULT_BASE, DEFAULT_ONTOLOGY)
    }
}

impl Namespaces {
    /// A scheme under `base` (a trailing `/` or `#` is added when missing) with the ontology at `ontology`.
    pub fn new(base: &str, ontology: &str) -> Self {
        let mut base = base.to_string();
        if !base.ends_with('/') && !base.ends_with('#') {
            base.push('/');
        }
        Self {
            entity: format!("{base}entity/"),
            rel: format!("{base}rel/"),
            doc: format!("{base}doc/"),
            fact: format!("{base}fact/"),
            inferred: format!("{base}inferred/"),
            base,
            ontology: ontology.to_string(),
        }
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The ontology namespace.
    pub fn ontology_ns(&self) -> &str {
        &self.ontology
    }

    /// Prefix of entity IRIs.
    pub fn entity_ns(&self) -> &str {
        &self.entity
    }

    /// Prefix of open-relation IRIs.
    pub fn rel_ns(&self) -> &str {
        &self.rel
    }

    /// Prefix of document-graph IRIs.
    pub fn doc_ns(&self) -> &str {
        &self.doc
    }

    /// Prefix of reifiers of extracted facts.
    pub fn fact_ns(&self) -> &str {
        &self.fact
    }

    /// The prefixes queries may use undeclared and Turtle-family exports declare: the store's own
    /// namespaces and the standard vocabularies.
    pub fn prefixes(&self) -> Vec<(&'static str, String)> {
        vec![
            ("kg", self.ontology_ns().to_string()),
            ("ent", self.entity_ns().to_string()),
            ("rel", self.rel_ns().to_string()),
            ("doc", self.doc_ns().to_string()),
            ("fact", self.fact_ns().to_string()),
            (
                "rdf",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#".to_string(),
            ),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#".to_string()),
            ("xsd", "http://www.w3.org/2001/XMLSchema#".to_string()),
            ("owl", "http://www.w3.org/2002/07/owl#".to_string()),
            ("skos", SKOS.to_string()),
            ("dcterms", DCTERMS.to_string()),
        ]
    }

    /// Prefix of reifiers of inferred facts.
    pub fn inferred_fact_ns(&self) -> &str {
        &self.inferred
    }

    /// The entity with key `key`.
    pub fn entity(&self, key: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}entity/{}", self.base, percent_encode(key)))
    }

    /// The named graph of document `id`.
    pub fn doc_graph(&self, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}doc/{}", self.base, percent_encode(id)))
    }

    /// The document id of a document-graph IRI, if it is one.
    pub fn doc_id(&self, graph: &str) -> Option<String> {
        graph.strip_prefix(self.doc_ns()).map(percent_decode)
    }

    /// An ontology term (class or property) by local name.
    pub fn term(&self, local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.ontology, percent_encode(local)))
    }

    /// An open relation by its normalised phrase (`revive talk` -> `{base}rel/revive_talk`).
    pub fn open_relation(&self, phrase: &str) -> NamedNode {
        let slug: String = phrase.split_whitespace().collect::<Vec<_>>().join("_");
        NamedNode::new_unchecked(format!("{}rel/{}", self.base, percent_encode(&slug)))
    }

    /// The graph holding the ontology.
    pub fn ontology_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/ontology", self.base))
    }

    /// The graph describing each entity and open relation once (class, label, other names, counts), derived
    /// from what the document graphs say about it.
    pub fn entities_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/entities", self.base))
    }

    /// The graph holding each asserted fact once as a plain triple, for as long as a document asserts it.
    pub fn facts_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/facts", self.base))
    }

    /// The graph holding inferred triples.
    pub fn inferred_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/inferred", self.base))
    }

    /// The graph holding the store's own settings.
    pub fn meta_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/meta", self.base))
    }

    /// The reifier of an extracted fact, from a hash of everything that identifies it.
    pub fn fact_reifier(&self, parts: &[&str]) -> NamedNode {
        NamedNode::new_unchecked(format!("{}fact/{:032x}", self.base, fnv1a128(parts)))
    }

    /// The reifier of an inferred triple derived by `rule`.
    pub fn inferred_reifier(&self, triple: &Triple, rule: &str) -> NamedNode {
        let t = triple.to_string();
        NamedNode::new_unchecked(format!(
            "{}inferred/{:032x}",
            self.base,
            fnv1a128(&[&t, rule])
        ))
    }

    /// A resource standing for `triple` in classic (RDF 1.1) reification.
    pub fn statement(&self, triple: &Triple) -> NamedNode {
        let t = triple.to_string();
        NamedNode::new_unchecked(format!("{}statement/{:032x}", self.base, fnv1a128(&[&t])))
    }

    /// Whether `iri` is a reifier minted by the store.
    pub fn is_reifier(&self, iri: &str) -> bool {
        iri.starts_with(&self.fact) || iri.starts_with(&self.inferred)
    }

    /// Whether `iri` is a relation predicate: an ontology property that is not provenance, or an open relation.
    pub fn is_relation(&self, iri: &str) -> bool {
        if let Some(local) = iri.strip_prefix(&self.ontology) {
            return !vocab::PROVENANCE.contains(&local);
        }
        iri.starts_with(&self.rel)
    }

    /// A readable name for a predicate or class IRI when it has no label: the local name, `_` as spaces.
    pub fn local_name(&self, iri: &str) -> String {
        if let Some(local) = iri.strip_prefix(&self.ontology) {
            return percent_decode(local);
        }
        if let Some(slug) = iri.strip_prefix(self.rel_ns()) {
            return percent_decode(slug).replace('_', " ");
        }
        if let Some(key) = iri.strip_prefix(self.entity_ns()) {
            return percent_decode(key);
        }
        let cut = iri.rfind(['#', '/']).map_or(0, |i| i + 1);
        percent_decode(&iri[cut..])
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so any id or key makes a valid IRI.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses [`percent_encode`]; malformed escapes are kept as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// FNV-1a over the parts (with a separator), 128 bits: stable across platforms and Rust versions, so reifier
/// IRIs are the same on every machine and every run.
pub fn fnv1a128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// The plain-text form of a term for hashing and display: IRIs bare, literals by value.
pub fn term_key(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_round_trip() {
        for (raw, encoded) in [
            ("russia", "russia"),
            ("doc 1/a", "doc%201%2Fa"),
            ("é", "%C3%A9"),
            ("a%b", "a%25b"),
        ] {
            assert_eq!(percent_encode(raw), encoded);
            assert_eq!(percent_decode(encoded), raw);
        }
    }

    #[test]
    fn relations_and_provenance_are_told_apart() {
        let ns = Namespaces::default();
        for (iri, is_relation) in [
            (format!("{DEFAULT_ONTOLOGY}controls"), true),
            (format!("{DEFAULT_ONTOLOGY}confidence"), false),
            (format!("{DEFAULT_BASE}rel/revive_talk"), true),
            (format!("{DEFAULT_BASE}entity/russia"), false),
            (
                "http://www.w3.org/2000/01/rdf-schema#label".to_string(),
                false,
            ),
        ] {
            assert_eq!(ns.is_relation(&iri), is_relation, "{iri}");
        }
        assert_eq!(
            ns.open_relation(" revive  talk ").as_str(),
            format!("{DEFAULT_BASE}rel/revive_talk")
        );
        assert_eq!(
            ns.local_name(&format!("{DEFAULT_BASE}rel/revive_talk")),
            "revive talk"
        );
        assert_eq!(
            ns.doc_id(ns.doc_graph("a b").as_str()).as_deref(),
            Some("a b")
        );
    }

    #[test]
    fn hashes_are_stable_and_separated() {
        assert_eq!(fnv1a128(&["a", "b"]), fnv1a128(&["a", "b"]));
        assert_ne!(fnv1a128(&["ab", ""]), fnv1a128(&["a", "b"]));
    }
}
