//! Writing a document graph: its RDF form (plain triples, entity descriptions, RDF 1.2 reifiers) and the
//! transaction that replaces the document's old graph.

use super::derived::{self, Descriptions, Touched};
use super::generation;
use super::iri::{DCTERMS, Namespaces, term_key, vocab};
use super::{KgStore, StoreResult};
use crate::resolve::{DocumentGraph, Node, Predicate};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple,
};

/// What writing one document put into the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Sentences of the document.
    pub sentences: usize,
    /// Entities described.
    pub entities: usize,
    /// Facts stated as plain triples (asserted ones).
    pub triples: usize,
    /// Facts reified (all modalities).
    pub facts: usize,
    /// Quads written.
    pub quads: usize,
}

/// The quads of one document graph, all in the document's named graph. Deterministic: the same input gives
/// the same quads (reifier IRIs are hashes of what identifies the fact; no blank nodes).
///
/// Facts whose subject is a literal are skipped: RDF subjects cannot be literals.
pub fn document_quads(doc: &DocumentGraph, ns: &Namespaces) -> (Vec<Quad>, WriteSummary) {
    let graph = GraphName::NamedNode(ns.doc_graph(&doc.doc_id));
    let doc_iri = ns.doc_graph(&doc.doc_id);
    let mut quads = Vec::new();
    let mut summary = WriteSummary {
        sentences: doc.sentences.len(),
        entities: doc.entities.len(),
        ..WriteSummary::default()
    };
    let mut push = |s: NamedNode, p: NamedNode, o: Term| {
        quads.push(Quad::new(s, p, o, graph.clone()));
    };

    // The document itself.
    push(
        doc_iri.clone(),
        rdf::TYPE.into(),
        ns.term(vocab::DOCUMENT).into(),
    );
    push(
        doc_iri.clone(),
        ns.term(vocab::DOCUMENT_ID),
        Literal::new_simple_literal(&doc.doc_id).into(),
    );
    push(
        doc_iri.clone(),
        ns.term(vocab::SENTENCE_COUNT),
        Literal::from(doc.sentences.len() as i64).into(),
    );
    if let Some(title) = &doc.title {
        push(
            doc_iri.clone(),
            dcterms("title"),
            Literal::new_simple_literal(title).into(),
        );
    }
    if let Some(date) = &doc.date {
        let lit = if is_iso_date(date) {
            Literal::new_typed_literal(date, xsd::DATE)
        } else {
            Literal::new_simple_literal(date)
        };
        push(doc_iri.clone(), dcterms("date"), lit.into());
    }
    if let Some(url) = &doc.url {
        push(
            doc_iri.clone(),
            dcterms("source"),
            Literal::new_simple_literal(url).into(),
        );
    }

    // Entities: what this document says of each (its names, class and mentions). The entities graph
    // describes each entity once from these statements of all documents (see `derived.rs`).
    for entity in &doc.entities {
        let iri = ns.entity(&entity.key);
        push(
            doc_iri.clone(),
            ns.term(vocab::MENTIONS),
            iri.clone().into(),
        );
        push(
            iri.clone(),
            ns.term(vocab::LABEL_IN_DOCUMENT),
            Literal::new_simple_literal(&entity.label).into(),
        );
        for alias in &entity.aliases {
            if alias != &entity.label {
                push(
                    iri.clone(),
                    ns.term(vocab::ALT_LABEL_IN_DOCUMENT),
                    Literal::new_simple_literal(alias).into(),
                );
            }
        }
        if let Some(name) = &entity.name_in_document {
            push(
                iri.clone(),
                ns.term(vocab::NAME_IN_DOCUMENT),
                Literal::new_simple_literal(name).into(),
            );
        }
        if !entity.class.is_empty() {
            push(
                iri.clone(),
                ns.term(vocab::CLASS_IN_DOCUMENT),
                ns.term(&entity.class).into(),
            );
        }
        if !entity.mentions.is_empty() {
            push(
                iri.clone(),
                ns.term(vocab::MENTION_SPANS),
                Literal::new_simple_literal(mention_spans(doc, &entity.mentions)).into(),
            );
        }
    }
    let mut relations_described = std::collections::HashSet::new();
    // An open relation's label is its wording in an asserted fact (`did not pledge` would misname
    // `pledge`), else its phrase.
    let wordings: std::collections::HashMap<&str, &str> = doc
        .facts
        .iter()
        .filter(|f| f.modality == "asserted")
        .filter_map(|f| match (&f.predicate, &f.wording) {
            (Predicate::Open(phrase), Some(wording)) => Some((phrase.as_str(), wording.as_str())),
            _ => None,
        })
        .rev()
        .collect();

    let node_term = |node: &Node| -> Option<Term> {
        match node {
            Node::Entity(i) => doc.entities.get(*i).map(|e| ns.entity(&e.key).into()),
            Node::Literal(text) => Some(Literal::new_simple_literal(text).into()),
        }
    };

    for fact in &doc.facts {
        let Some(Term::NamedNode(subject)) = node_term(&fact.subject) else {
            continue;
        };
        let Some(object) = node_term(&fact.object) else {
            continue;
        };
        let predicate = match &fact.predicate {
            Predicate::Ontology(name) => ns.term(name),
            Predicate::Open(phrase) => {
                let rel = ns.open_relation(phrase);
                if relations_described.insert(rel.clone()) {
                    push(
                        rel.clone(),
                        ns.term(vocab::CLASS_IN_DOCUMENT),
                        ns.term(vocab::OPEN_RELATION).into(),
                    );
                    push(
                        rel.clone(),
                        ns.term(vocab::LABEL_IN_DOCUMENT),
                        Literal::new_simple_literal(
                            *wordings.get(phrase.as_str()).unwrap_or(&phrase.as_str()),
                        )
                        .into(),
                    );
                }
                rel
            }
        };
        // The plain triple goes to the facts graph, once for all documents that assert it (`derived.rs`).
        if fact.modality == "asserted" {
            summary.triples += 1;
        }
        summary.facts += 1;

        let sentence = doc
            .sentences
            .get(fact.sentence)
            .map_or("", |s| s.text.as_str());
        let start = fact.bytes.start.to_string();
        let end = fact.bytes.end.to_string();
        let index = fact.sentence.to_string();
        let object_key = term_key(&object);
        let reifier = ns.fact_reifier(&[
            &doc.doc_id,
            subject.as_str(),
            predicate.as_str(),
            &object_key,
            &index,
            &start,
            &end,
            &fact.rule,
            &fact.modality,
        ]);
        let triple = Triple::new(subject.clone(), predicate.clone(), object.clone());
        push(
            reifier.clone(),
            rdf::REIFIES.into(),
            Term::Triple(Box::new(triple)),
        );
        push(
            reifier.clone(),
            ns.term(vocab::SENTENCE),
            Literal::new_simple_literal(sentence).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::SPAN),
            Literal::new_simple_literal(format!("{index}:{start}-{end}")).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::RULE),
            Literal::new_simple_literal(&fact.rule).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::CONFIDENCE),
            confidence_literal(fact.confidence).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::MODALITY),
            Literal::new_simple_literal(&fact.modality).into(),
        );
        if let Some(speaker) = fact.attributed_to.as_ref().and_then(node_term) {
            push(reifier.clone(), ns.term(vocab::ATTRIBUTED_TO), speaker);
        }
        for (kind, value) in &fact.qualifiers {
            let (prop, text) = match kind.as_str() {
                "time" => (vocab::TIME, value.clone()),
                "place" => (vocab::PLACE, value.clone()),
                other => (vocab::QUALIFIER, format!("{other}: {value}")),
            };
            push(
                reifier.clone(),
                ns.term(prop),
                Literal::new_simple_literal(text).into(),
            );
        }
    }
    // Counts kept with the document, so that `kg stats` sums them instead of reading every reifier.
    push(
        doc_iri.clone(),
        ns.term(vocab::FACT_COUNT),
        Literal::from(summary.facts as i64).into(),
    );
    push(
        doc_iri.clone(),
        ns.term(vocab::ASSERTED_FACT_COUNT),
        Literal::from(summary.triples as i64).into(),
    );
    summary.quads = quads.len();
    (quads, summary)
}

/// The quad that stamps document `doc_id`'s graph with its content hash (see
/// [`Pipeline::content_hash`](crate::pipeline::Pipeline::content_hash)).
pub fn content_hash_quad(ns: &Namespaces, doc_id: &str, hash: &str) -> Quad {
    let graph = ns.doc_graph(doc_id);
    Quad::new(
        graph.clone(),
        ns.term(vocab::CONTENT_HASH),
        Literal::new_simple_literal(hash),
        graph,
    )
}

/// An entity's mentions as `sentence:start-end` byte ranges, in document order, separated by spaces.
fn mention_spans(doc: &DocumentGraph, mentions: &[std::ops::Range<usize>]) -> String {
    let mut sorted: Vec<_> = mentions.iter().map(|m| (m.start, m.end)).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = String::new();
    for (start, end) in sorted {
        let sentence = doc
            .sentences
            .partition_point(|s| s.bytes.end <= start)
            .min(doc.sentences.len().saturating_sub(1));
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{sentence}:{start}-{end}"));
    }
    out
}

/// Confidence as `xsd:double`, printed from the `f32` so that `0.9` stays `0.9`.
pub(crate) fn confidence_literal(confidence: f32) -> Literal {
    let value = if confidence.is_finite() {
        confidence.clamp(0.0, 1.0)
    } else {
        0.0
    };
    Literal::new_typed_literal(format!("{value}"), xsd::DOUBLE)
}

fn dcterms(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCTERMS}{local}"))
}

fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl KgStore {
    /// Writes one document: see [`KgStore::write_documents`].
    pub fn write_document(&self, doc: &DocumentGraph) -> StoreResult<WriteSummary> {
        let summaries = self.write_documents([(doc, None)])?;
        Ok(summaries.into_iter().next().unwrap_or_default())
    }

    /// Writes a batch of documents in ONE transaction: each document's old graph is replaced by the new one,
    /// and the derived graphs (entities, facts) are brought up to date for what the batch touched. The
    /// inferred graph is marked stale (call [`KgStore::refresh_inferences`] after a run of batches). A
    /// document may carry a content hash (see [`KgStore::content_hash`]) so that a later build can skip it.
    /// Writing the same documents twice leaves the same quads.
    pub fn write_documents<'d>(
        &self,
        docs: impl IntoIterator<Item = (&'d DocumentGraph, Option<&'d str>)>,
    ) -> StoreResult<Vec<WriteSummary>> {
        self.write_documents_with(docs, Descriptions::Now)
    }

    /// [`KgStore::write_documents`], with the entities' descriptions written now or left for
    /// [`KgStore::settle_descriptions`] (a bulk build).
    pub fn write_documents_with<'d>(
        &self,
        docs: impl IntoIterator<Item = (&'d DocumentGraph, Option<&'d str>)>,
        descriptions: Descriptions,
    ) -> StoreResult<Vec<WriteSummary>> {
        let mut tx = self.store.start_transaction()?;
        let mut touched = Touched::default();
        let mut summaries = Vec::new();
        let mut written = 0;
        for (doc, hash) in docs {
            let (mut quads, summary) = document_quads(doc, &self.ns);
            let graph = self.ns.doc_graph(&doc.doc_id);
            if let Some(hash) = hash {
                quads.push(content_hash_quad(&self.ns, &doc.doc_id, hash));
            }
            touched.collect_graph(&tx, &self.ns, &graph)?;
            tx.remove_named_graph(NamedOrBlankNode::from(graph).as_ref())?;
            touched.collect_quads(&quads, &self.ns);
            for quad in &quads {
                tx.insert(quad);
            }
            written += quads.len();
            summaries.push(summary);
        }
        derived::refresh(&mut tx, &self.ns, &touched, descriptions)?;
        tx.insert(self.stale_marker().as_ref());
        tx.insert(self.identities_stale_marker().as_ref());
        generation::advance(&mut tx, &self.ns)?;
        tx.commit()?;
        self.wrote(written + touched.quads())?;
        Ok(summaries)
    }

    /// The content hash document `id` was written with, if any.
    pub fn content_hash(&self, id: &str) -> StoreResult<Option<String>> {
        let graph = self.ns.doc_graph(id);
        let prop = self.ns.term(vocab::CONTENT_HASH);
        for quad in self.store.quads_for_pattern(
            Some(graph.as_ref().into()),
            Some(prop.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            if let Term::Literal(l) = quad?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// Removes documents (their graphs, and from the derived graphs every description and fact that only
    /// they held) in one transaction, then marks inferences stale.
    ///
    /// # Errors
    /// [`StoreError::UnknownDocument`](super::StoreError::UnknownDocument) for an id not in the store (then
    /// nothing is removed).
    pub fn remove_documents(&self, ids: &[&str]) -> StoreResult<()> {
        let mut tx = self.store.start_transaction()?;
        let mut touched = Touched::default();
        for id in ids {
            let graph = self.ns.doc_graph(id);
            if !tx.contains_named_graph(graph.as_ref())? {
                return Err(super::StoreError::UnknownDocument { id: id.to_string() });
            }
            touched.collect_graph(&tx, &self.ns, &graph)?;
            tx.remove_named_graph(graph.as_ref())?;
        }
        derived::refresh(&mut tx, &self.ns, &touched, Descriptions::Now)?;
        tx.insert(self.stale_marker().as_ref());
        tx.insert(self.identities_stale_marker().as_ref());
        generation::advance(&mut tx, &self.ns)?;
        tx.commit()?;
        self.wrote(touched.quads())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        for (text, ok) in [
            ("2014-03-18", true),
            ("2014-3-18", false),
            ("March 2014", false),
            ("2014-03-1x", false),
        ] {
            assert_eq!(is_iso_date(text), ok, "{text}");
        }
    }

    #[test]
    fn confidence_prints_short() {
        assert_eq!(confidence_literal(0.9).value(), "0.9");
        assert_eq!(confidence_literal(f32::NAN).value(), "0");
        assert_eq!(confidence_literal(3.0).value(), "1");
    }
}
