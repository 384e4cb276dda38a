//! The profile of one entity, as `kg entity` shows it: its names and class, what the graph says about it
//! grouped by property (ontology properties before open relations), the documents that describe it with
//! their dates, and the entities described in the same documents most often.

use super::Projection;
use crate::store::{FactKind, KgStore, StoreResult};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// What the graph says about an entity with one property and one other end, over all its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactGroup {
    /// The property's label.
    pub property: String,
    /// An ontology property (not an open relation).
    pub canonical: bool,
    /// The entity is the subject (else the object).
    pub outgoing: bool,
    /// The other end: an entity's label or a literal.
    pub other: String,
    /// Documents whose sentences state it.
    pub documents: usize,
    /// Only derived by the ontology rules.
    pub inferred: bool,
    /// The best confidence among its sources.
    pub confidence: f64,
    /// The sentence of the most confident extraction.
    pub sentence: Option<String>,
}

/// A document that describes the entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The document id.
    pub document: String,
    /// Its date, when known.
    pub date: Option<String>,
}

/// An entity described in the same documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbour {
    /// Its label.
    pub label: String,
    /// Its IRI.
    pub iri: String,
    /// Documents that describe both.
    pub shared_documents: usize,
}

/// Everything `kg entity` prints about one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityProfile {
    /// The entity's IRI.
    pub iri: String,
    /// Its preferred label.
    pub label: String,
    /// Its class, when typed.
    pub class: Option<String>,
    /// Its other names.
    pub aliases: Vec<String>,
    /// The facts about it, grouped: ontology properties first, then by documents and confidence.
    pub facts: Vec<FactGroup>,
    /// The documents that describe it, newest first.
    pub documents: Vec<Mention>,
    /// The entities most often described in the same documents (at most `limit`).
    pub co_mentioned: Vec<Neighbour>,
}

impl EntityProfile {
    /// Builds the profile of `node` from `store` and its `projection`, listing at most `limit`
    /// co-mentioned entities.
    ///
    /// Reads every reified fact once and the graphs of the documents that describe the entity: linear in
    /// the facts of the store plus the quads of those documents.
    pub fn build(
        store: &KgStore,
        projection: &Projection,
        node: NodeIndex,
        limit: usize,
    ) -> StoreResult<Self> {
        let entity = &projection.graph[node];
        let ns = store.namespaces();
        let iri = entity.iri.as_str();
        let mut groups: HashMap<(String, bool, String), (FactGroup, BTreeSet<String>)> =
            HashMap::new();
        for fact in store.facts()? {
            let subject =
                matches!(&fact.subject, NamedOrBlankNode::NamedNode(s) if s.as_str() == iri);
            let object = matches!(&fact.object, Term::NamedNode(o) if o.as_str() == iri);
            if !(subject || object) || fact.modality != "asserted" {
                continue;
            }
            let other = if subject {
                match &fact.object {
                    Term::NamedNode(o) => projection.entity_label(o.as_str()),
                    Term::Literal(l) => l.value().to_string(),
                    other => other.to_string(),
                }
            } else {
                match &fact.subject {
                    NamedOrBlankNode::NamedNode(s) => projection.entity_label(s.as_str()),
                    other => other.to_string(),
                }
            };
            let predicate = fact.predicate.as_str();
            let key = (predicate.to_string(), subject, other.clone());
            let (group, documents) = groups.entry(key).or_insert_with(|| {
                (
                    FactGroup {
                        property: projection.predicate_label(predicate),
                        canonical: predicate.starts_with(ns.ontology_ns()),
                        outgoing: subject,
                        other,
                        documents: 0,
                        inferred: true,
                        confidence: 0.0,
                        sentence: None,
                    },
                    BTreeSet::new(),
                )
            });
            if fact.kind == FactKind::Extracted {
                group.inferred = false;
                documents.extend(fact.document.clone());
            }
            if fact.confidence > group.confidence || group.sentence.is_none() {
                group.confidence = group.confidence.max(fact.confidence);
                if fact.sentence.is_some() {
                    group.sentence = fact.sentence.clone();
                }
            }
        }
        let mut facts: Vec<FactGroup> = groups
            .into_values()
            .map(|(mut group, documents)| {
                group.documents = documents.len();
                group
            })
            .collect();
        facts.sort_by(|a, b| {
            b.canonical
                .cmp(&a.canonical)
                .then(b.documents.cmp(&a.documents))
                .then(b.confidence.total_cmp(&a.confidence))
                .then_with(|| (&a.property, &a.other).cmp(&(&b.property, &b.other)))
        });

        // Documents: the graphs whose document mentions the entity.
        let subject = NamedNode::new_unchecked(iri);
        let mentions = ns.term(crate::store::vocab::MENTIONS);
        let date = NamedNode::new_unchecked(format!("{}date", crate::store::DCTERMS));
        let mut documents = Vec::new();
        let mut shared: HashMap<String, usize> = HashMap::new();
        let mut seen = BTreeSet::new();
        for quad in store.inner().quads_for_pattern(
            None,
            Some(mentions.as_ref()),
            Some(subject.as_ref().into()),
            None,
        ) {
            let quad = quad?;
            let oxigraph::model::GraphName::NamedNode(graph) = &quad.graph_name else {
                continue;
            };
            let Some(id) = ns.doc_id(graph.as_str()) else {
                continue;
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            let graph_ref = GraphNameRef::NamedNode(graph.as_ref());
            let dated = store
                .inner()
                .quads_for_pattern(
                    Some(graph.as_ref().into()),
                    Some(date.as_ref()),
                    None,
                    Some(graph_ref),
                )
                .find_map(|q| match q.ok()?.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                });
            documents.push(Mention {
                document: id,
                date: dated,
            });
            for other in store.inner().quads_for_pattern(
                Some(graph.as_ref().into()),
                Some(mentions.as_ref()),
                None,
                Some(graph_ref),
            ) {
                if let Term::NamedNode(o) = other?.object
                    && o.as_str() != iri
                    && o.as_str().starts_with(ns.entity_ns())
                {
                    *shared.entry(o.into_string()).or_default() += 1;
                }
            }
        }
        documents.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.document.cmp(&b.document))
        });
        let mut co_mentioned: Vec<Neighbour> = shared
            .into_iter()
            .map(|(iri, shared_documents)| Neighbour {
                label: projection.entity_label(&iri),
                iri,
                shared_documents,
            })
            .collect();
        co_mentioned.sort_by(|a, b| {
            b.shared_documents
                .cmp(&a.shared_documents)
                .then_with(|| a.label.cmp(&b.label))
        });
        co_mentioned.truncate(limit);
        Ok(Self {
            iri: entity.iri.clone(),
            label: entity.label.clone(),
            class: entity.class.clone(),
            aliases: entity.aliases.clone(),
            facts,
            documents,
            co_mentioned,
        })
    }
}
