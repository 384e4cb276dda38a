//! Writing a document graph: its RDF form (plain triples, entity descriptions, RDF 1.2 reifiers) and the
//! transaction that replaces the document's old graph.

use super::iri::{DCTERMS, Namespaces, SKOS, term_key, vocab};
use super::{KgStore, StoreResult};
use crate::resolve::{DocumentGraph, Node, Predicate};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};

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

    // Entities: class, label, every other surface form.
    let alt_label = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
    for entity in &doc.entities {
        let iri = ns.entity(&entity.key);
        if !entity.class.is_empty() {
            push(iri.clone(), rdf::TYPE.into(), ns.term(&entity.class).into());
        }
        push(
            iri.clone(),
            rdfs::LABEL.into(),
            Literal::new_simple_literal(&entity.label).into(),
        );
        for alias in &entity.aliases {
            if alias != &entity.label {
                push(
                    iri.clone(),
                    alt_label.clone(),
                    Literal::new_simple_literal(alias).into(),
                );
            }
        }
    }

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
                push(
                    rel.clone(),
                    rdf::TYPE.into(),
                    ns.term(vocab::OPEN_RELATION).into(),
                );
                push(
                    rel.clone(),
                    rdfs::LABEL.into(),
                    Literal::new_simple_literal(phrase).into(),
                );
                rel
            }
        };
        let asserted = fact.modality == "asserted";
        if asserted {
            push(subject.clone(), predicate.clone(), object.clone());
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
            ns.term(vocab::DOCUMENT_PROP),
            doc_iri.clone().into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::SENTENCE),
            Literal::new_simple_literal(sentence).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::SENTENCE_INDEX),
            Literal::from(fact.sentence as i64).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::START_BYTE),
            Literal::from(fact.bytes.start as i64).into(),
        );
        push(
            reifier.clone(),
            ns.term(vocab::END_BYTE),
            Literal::from(fact.bytes.end as i64).into(),
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
    summary.quads = quads.len();
    (quads, summary)
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
    /// Writes one document: in ONE transaction, drops the document's old graph and writes the new one, and
    /// marks the inferred graph stale (call [`KgStore::refresh_inferences`] after a batch of writes). Writing
    /// the same document twice leaves the same quads.
    pub fn write_document(&self, doc: &DocumentGraph) -> StoreResult<WriteSummary> {
        let (quads, summary) = document_quads(doc, &self.ns);
        let graph = self.ns.doc_graph(&doc.doc_id);
        let mut tx = self.store.start_transaction()?;
        tx.remove_named_graph(NamedOrBlankNode::from(graph).as_ref())?;
        for quad in &quads {
            tx.insert(quad);
        }
        tx.insert(self.stale_marker().as_ref());
        tx.commit()?;
        Ok(summary)
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
