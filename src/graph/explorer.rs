//! What the browser explorer shows, computed from one in-memory snapshot of the store: the corpus overview, the
//! entity page and type-ahead search ([`Explorer`]); the neighbourhood view is in `neighbourhood.rs`.
//!
//! The snapshot holds the [`Projection`], PageRank scores, a [`SearchIndex`] and which documents mention which
//! entity, so that a page is answered from memory plus a few indexed reads of the store (literal facts and
//! explanations). Mentions are read from `<doc> kg:mentions <entity>` and, for stores that repeat entity
//! descriptions per document, from the `rdf:type` statements of each document graph.

use super::search_index::{IndexedEntity, SearchIndex};
use super::{Projection, page_rank};
use crate::store::EntityHit;
use crate::store::{DCTERMS, DocumentSummary, KgStore, Namespaces, StoreResult, Support};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A document as the explorer lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRef {
    /// The document id.
    pub id: String,
    /// Its date, when known.
    pub date: Option<String>,
    /// Its title, when known.
    pub title: Option<String>,
}

/// One extraction of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The document.
    pub document: String,
    /// Its date.
    pub date: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// The extractor rule.
    pub rule: String,
    /// Its confidence.
    pub confidence: f64,
}

/// A fact about the entity of a page: one property and one other end, over all its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageFact {
    /// The property's label.
    pub property: String,
    /// The property's IRI.
    pub predicate: String,
    /// An ontology property (not an open relation).
    pub canonical: bool,
    /// The entity is the subject (else the object).
    pub outgoing: bool,
    /// The other end: an entity's label or a literal's value.
    pub other: String,
    /// The other entity's IRI (`None` for a literal).
    pub other_iri: Option<String>,
    /// The other entity's class.
    pub other_class: Option<String>,
    /// Documents whose sentences state it.
    pub documents: usize,
    /// Only derived by the ontology rules.
    pub inferred: bool,
    /// The best confidence among its sources.
    pub confidence: f64,
    /// The sentence of the most confident extraction.
    pub sentence: Option<String>,
    /// Its extractions, most confident first (at most [`Explorer::MAX_SOURCES`]).
    pub sources: Vec<Source>,
    /// The triple's subject, object in N-Triples syntax (what `/api/explain` takes).
    pub triple: [String; 3],
}

/// An entity described in the same documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its class.
    pub class: Option<String>,
    /// Documents mentioning both (or, in the overview, mentioning it).
    pub documents: usize,
}

/// The entity page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityPage {
    /// The IRI.
    pub iri: String,
    /// The preferred label.
    pub label: String,
    /// The class, when typed.
    pub class: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Facts, ontology properties first, then by documents and confidence.
    pub facts: Vec<PageFact>,
    /// How many facts there are in all (more than `facts` holds for the most described entities).
    pub facts_total: usize,
    /// The documents that mention it, newest first.
    pub documents: Vec<DocRef>,
    /// The entities most often mentioned in the same documents.
    pub co_mentioned: Vec<Related>,
}

/// How often a property relates entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropertyCount {
    /// The IRI.
    pub predicate: String,
    /// The label.
    pub label: String,
    /// Distinct entity pairs it relates.
    pub relations: usize,
}

/// The start page: the corpus at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Documents.
    pub documents: usize,
    /// Entities.
    pub entities: usize,
    /// Relations between entities.
    pub relations: usize,
    /// Extractions behind them.
    pub extractions: usize,
    /// The most central entities (PageRank).
    pub central: Vec<Related>,
    /// The ontology properties relating the most entity pairs.
    pub properties: Vec<PropertyCount>,
    /// Entities per class, most first.
    pub classes: Vec<(String, usize)>,
    /// The newest documents.
    pub latest: Vec<DocumentSummary>,
    /// The store's namespaces by prefix (for ready queries).
    pub prefixes: Vec<(String, String)>,
}

/// A snapshot of the store for the explorer.
#[derive(Debug, Clone)]
pub struct Explorer {
    pub(crate) projection: Projection,
    pub(crate) rank: Vec<f64>,
    search: SearchIndex,
    pub(crate) documents: Vec<DocRef>,
    /// Documents (numbers into `documents`) mentioning each node, by node index.
    pub(crate) mentions: HashMap<NodeIndex, Vec<u32>>,
    doc_entities: Vec<Vec<NodeIndex>>,
}

/// The object of a triple in N-Triples syntax, the form `/api/explain` reads back.
pub fn term_text(term: &Term) -> String {
    term.to_string()
}

impl Explorer {
    /// The most sources listed per fact.
    pub const MAX_SOURCES: usize = 10;
    /// The most facts on a page (the best: ontology properties, then the most documents), which keeps the
    /// page of the most described entity of a large store small and quick.
    pub const MAX_FACTS: usize = 400;
    /// The most facts with a literal object read for a page (each is explained from the store).
    pub const MAX_LITERAL_FACTS: usize = 300;

    /// Reads `store` once: the projection, PageRank, the name index and the mentions.
    pub fn build(store: &KgStore) -> StoreResult<Self> {
        // The snapshot keeps every edge's sentences: hovering an edge and the entity page show them.
        let projection = Projection::from_store_with_evidence(store)?;
        let rank = page_rank(&projection, 0.85, 40);
        let ns = store.namespaces();
        let mut documents: Vec<DocRef> = store
            .documents()?
            .into_iter()
            .map(|id| DocRef {
                id,
                date: None,
                title: None,
            })
            .collect();
        let doc_number: HashMap<String, u32> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect();
        for (local, is_date) in [("date", true), ("title", false)] {
            let predicate = NamedNode::new_unchecked(format!("{DCTERMS}{local}"));
            for quad in store
                .inner()
                .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            {
                let quad = quad?;
                let (NamedOrBlankNode::NamedNode(s), Term::Literal(value)) =
                    (&quad.subject, &quad.object)
                else {
                    continue;
                };
                if let Some(&d) = ns.doc_id(s.as_str()).and_then(|id| doc_number.get(&id)) {
                    let doc = &mut documents[d as usize];
                    let slot = if is_date {
                        &mut doc.date
                    } else {
                        &mut doc.title
                    };
                    *slot = Some(value.value().to_string());
                }
            }
        }
        let mut pairs: HashSet<(NodeIndex, u32)> = HashSet::new();
        let mut note = |entity: &str, doc: &str| {
            if let (Some(n), Some(&d)) = (
                projection.node(entity),
                ns.doc_id(doc).and_then(|id| doc_number.get(&id)),
            ) {
                pairs.insert((n, d));
            }
        };
        let mentions_prop = ns.term(crate::store::vocab::MENTIONS);
        for quad in store
            .inner()
            .quads_for_pattern(None, Some(mentions_prop.as_ref()), None, None)
        {
            let quad = quad?;
            if let (NamedOrBlankNode::NamedNode(doc), Term::NamedNode(e)) =
                (&quad.subject, &quad.object)
            {
                note(e.as_str(), doc.as_str());
            }
        }
        let mut mentions: HashMap<NodeIndex, Vec<u32>> = HashMap::new();
        let mut doc_entities = vec![Vec::new(); documents.len()];
        for (n, d) in pairs {
            mentions.entry(n).or_default().push(d);
            doc_entities[d as usize].push(n);
        }
        for list in mentions.values_mut() {
            list.sort_unstable();
        }
        let total = projection.node_count().max(1) as f64;
        let entity_ns = ns.entity_ns();
        let indexed = projection
            .graph
            .node_indices()
            .filter(|n| projection.graph[*n].iri.starts_with(entity_ns))
            .map(|n| {
                let node = &projection.graph[n];
                let docs = mentions.get(&n).map_or(0, Vec::len);
                let centrality = rank.get(n.index()).copied().unwrap_or(0.0) * total;
                IndexedEntity {
                    iri: node.iri.clone(),
                    label: node.label.clone(),
                    aliases: node.aliases.clone(),
                    class: node.class.clone(),
                    documents: docs,
                    weight: (1.0 + docs as f64).ln() + (1.0 + centrality).ln(),
                }
            })
            .collect();
        Ok(Self {
            search: SearchIndex::new(indexed),
            projection,
            rank,
            documents,
            mentions,
            doc_entities,
        })
    }

    /// The entity graph of the snapshot.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// Type-ahead search over names and other names (see [`SearchIndex::search`]).
    pub fn search(&self, query: &str, limit: usize) -> Vec<EntityHit> {
        self.search.search(query, limit)
    }

    /// Whether node `n` is an entity of the store (not an ontology class or another IRI some fact points to).
    pub(crate) fn is_entity(&self, n: NodeIndex) -> bool {
        self.projection.graph[n]
            .iri
            .starts_with(self.projection.namespaces().entity_ns())
    }

    pub(crate) fn related(&self, n: NodeIndex, documents: usize) -> Related {
        let node = &self.projection.graph[n];
        Related {
            iri: node.iri.clone(),
            label: node.label.clone(),
            class: node.class.clone(),
            documents,
        }
    }

    /// The corpus at a glance; `store` gives the summaries of the `limit` newest documents.
    pub fn overview(&self, store: &KgStore, limit: usize) -> StoreResult<Overview> {
        let g = &self.projection.graph;
        let mut central: Vec<NodeIndex> = g.node_indices().filter(|n| self.is_entity(*n)).collect();
        central.sort_by(|a, b| {
            let score = |n: &NodeIndex| self.rank.get(n.index()).copied().unwrap_or(0.0);
            score(b).total_cmp(&score(a))
        });
        let central = central
            .into_iter()
            .take(limit)
            .map(|n| self.related(n, self.mentions.get(&n).map_or(0, Vec::len)))
            .collect();
        let ontology = self.projection.namespaces().ontology_ns();
        let mut properties: HashMap<&str, (String, usize)> = HashMap::new();
        let (mut extractions, mut relations) = (0, 0);
        for edge in g.edge_indices() {
            let e = &g[edge];
            extractions += e.evidence.len();
            let between_entities = g
                .edge_endpoints(edge)
                .is_some_and(|(a, b)| self.is_entity(a) && self.is_entity(b));
            relations += usize::from(between_entities);
            if between_entities && e.predicate.starts_with(ontology) {
                properties
                    .entry(e.predicate.as_str())
                    .or_insert_with(|| (e.label.clone(), 0))
                    .1 += 1;
            }
        }
        let mut properties: Vec<PropertyCount> = properties
            .into_iter()
            .map(|(p, (label, relations))| PropertyCount {
                predicate: p.to_string(),
                label,
                relations,
            })
            .collect();
        properties.sort_by(|a, b| b.relations.cmp(&a.relations).then(a.label.cmp(&b.label)));
        properties.truncate(limit);
        let mut classes: HashMap<String, usize> = HashMap::new();
        for node in g
            .node_indices()
            .filter(|n| self.is_entity(*n))
            .map(|n| &g[n])
        {
            *classes
                .entry(node.class.clone().unwrap_or_else(|| "untyped".into()))
                .or_default() += 1;
        }
        let mut classes: Vec<(String, usize)> = classes.into_iter().collect();
        classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut latest: Vec<&DocRef> = self.documents.iter().collect();
        latest.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
        let latest = latest
            .into_iter()
            .take(limit)
            .map(|d| store.document_summary(&d.id))
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Overview {
            documents: self.documents.len(),
            entities: self.search.len(),
            relations,
            extractions,
            central,
            properties,
            classes,
            latest,
            prefixes: store
                .namespaces()
                .prefixes()
                .into_iter()
                .map(|(p, ns)| (p.to_string(), ns))
                .collect(),
        })
    }

    /// The documents mentioning `n`, newest first.
    pub(crate) fn documents_of(&self, n: NodeIndex) -> Vec<DocRef> {
        let mut docs: Vec<DocRef> = self
            .mentions
            .get(&n)
            .map(|list| {
                list.iter()
                    .map(|&d| self.documents[d as usize].clone())
                    .collect()
            })
            .unwrap_or_default();
        docs.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        docs
    }

    pub(crate) fn date_of(&self, document: &str) -> Option<String> {
        // Documents are few per fact; a linear scan would not be, so the ids are looked up by binary search.
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(document))
            .ok()
            .and_then(|i| self.documents[i].date.clone())
    }

    /// The page of entity `iri` (`None` when the snapshot does not know it), with at most `limit` co-mentioned
    /// entities. Entity-to-entity facts come from the snapshot; facts with a literal object are read from the
    /// store with their explanations.
    pub fn entity_page(
        &self,
        store: &KgStore,
        iri: &str,
        limit: usize,
    ) -> StoreResult<Option<EntityPage>> {
        let Some(n) = self.projection.node(iri) else {
            return Ok(None);
        };
        let g = &self.projection.graph;
        let ontology = self.projection.namespaces().ontology_ns().to_string();
        let mut facts = Vec::new();
        let mut seen = HashSet::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for edge in g.edges_directed(n, direction) {
                if !seen.insert(edge.id()) {
                    continue;
                }
                let r = edge.weight();
                let outgoing = edge.source() == n;
                let other = if outgoing {
                    edge.target()
                } else {
                    edge.source()
                };
                if !self.is_entity(other) {
                    continue;
                }
                let (s, o) = (&g[edge.source()].iri, &g[edge.target()].iri);
                let mut sources: Vec<Source> = r
                    .evidence
                    .iter()
                    .map(|ev| Source {
                        document: ev.document.clone(),
                        date: self.date_of(&ev.document),
                        sentence: ev.sentence.clone(),
                        rule: ev.rule.clone(),
                        confidence: ev.confidence,
                    })
                    .collect();
                facts.push(self.fact(
                    &r.predicate,
                    &r.label,
                    r.predicate.starts_with(&ontology),
                    outgoing,
                    (g[other].label.clone(), Some(other)),
                    &mut sources,
                    [
                        format!("<{s}>"),
                        format!("<{}>", r.predicate),
                        format!("<{o}>"),
                    ],
                ));
            }
        }
        facts.extend(self.literal_facts(store, iri)?);
        facts.sort_by(|a, b| {
            b.canonical
                .cmp(&a.canonical)
                .then(b.documents.cmp(&a.documents))
                .then(b.confidence.total_cmp(&a.confidence))
                .then_with(|| (&a.property, &a.other).cmp(&(&b.property, &b.other)))
        });
        let facts_total = facts.len();
        facts.truncate(Self::MAX_FACTS);
        let documents = self.documents_of(n);
        let mut shared: HashMap<NodeIndex, usize> = HashMap::new();
        for d in self.mentions.get(&n).into_iter().flatten() {
            for &m in &self.doc_entities[*d as usize] {
                if m != n {
                    *shared.entry(m).or_default() += 1;
                }
            }
        }
        let mut co: Vec<(NodeIndex, usize)> = shared.into_iter().collect();
        co.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| g[a.0].label.cmp(&g[b.0].label)));
        let node = &g[n];
        Ok(Some(EntityPage {
            iri: node.iri.clone(),
            label: node.label.clone(),
            class: node.class.clone(),
            aliases: node.aliases.clone(),
            facts,
            facts_total,
            documents,
            co_mentioned: co
                .into_iter()
                .take(limit)
                .map(|(m, k)| self.related(m, k))
                .collect(),
        }))
    }

    #[allow(clippy::too_many_arguments)]
    fn fact(
        &self,
        predicate: &str,
        label: &str,
        canonical: bool,
        outgoing: bool,
        (other, other_node): (String, Option<NodeIndex>),
        sources: &mut Vec<Source>,
        triple: [String; 3],
    ) -> PageFact {
        sources.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then_with(|| b.date.cmp(&a.date))
        });
        let documents: BTreeSet<&str> = sources.iter().map(|s| s.document.as_str()).collect();
        let documents = documents.len();
        let inferred = sources.is_empty();
        let confidence = sources.first().map_or(1.0, |s| s.confidence);
        let sentence = sources.first().map(|s| s.sentence.clone());
        sources.truncate(Self::MAX_SOURCES);
        PageFact {
            property: label.to_string(),
            predicate: predicate.to_string(),
            canonical,
            outgoing,
            other,
            other_iri: other_node.map(|m| self.projection.graph[m].iri.clone()),
            other_class: other_node.and_then(|m| self.projection.graph[m].class.clone()),
            documents,
            inferred,
            confidence,
            sentence,
            sources: std::mem::take(sources),
            triple,
        }
    }

    /// Facts with a literal object (dates, quantities, quotes), with their extractions from the store.
    pub(crate) fn literal_facts(&self, store: &KgStore, iri: &str) -> StoreResult<Vec<PageFact>> {
        let ns: &Namespaces = store.namespaces();
        let subject = NamedNode::new_unchecked(iri);
        let mut triples = HashSet::new();
        for quad in store
            .inner()
            .quads_for_pattern(Some(subject.as_ref().into()), None, None, None)
        {
            let quad = quad?;
            if matches!(quad.object, Term::Literal(_)) && ns.is_relation(quad.predicate.as_str()) {
                triples.insert(Triple::new(subject.clone(), quad.predicate, quad.object));
            }
        }
        let mut triples: Vec<Triple> = triples.into_iter().collect();
        triples.sort_by_cached_key(Triple::to_string);
        let mut facts = Vec::new();
        // Ontology properties first, so that a cut keeps them.
        triples.sort_by_key(|t| !t.predicate.as_str().starts_with(ns.ontology_ns()));
        triples.truncate(Self::MAX_LITERAL_FACTS);
        for triple in triples {
            let explanation = store.explain(&triple)?;
            let mut sources: Vec<Source> = explanation
                .supports
                .iter()
                .filter_map(|s| match s {
                    Support::Extracted {
                        document,
                        sentence,
                        rule,
                        confidence,
                        modality,
                        ..
                    } if modality == "asserted" || modality.is_empty() => Some(Source {
                        document: document.clone(),
                        date: self.date_of(document),
                        sentence: sentence.clone(),
                        rule: rule.clone(),
                        confidence: confidence.unwrap_or(1.0),
                    }),
                    _ => None,
                })
                .collect();
            if sources.is_empty()
                && explanation
                    .supports
                    .iter()
                    .any(|s| matches!(s, Support::Extracted { .. }))
            {
                // Only negated or hedged: not a fact about the entity.
                continue;
            }
            let Term::Literal(value) = &triple.object else {
                continue;
            };
            let predicate = triple.predicate.as_str();
            facts.push(self.fact(
                predicate,
                &self.projection.predicate_label(predicate),
                predicate.starts_with(ns.ontology_ns()),
                true,
                (value.value().to_string(), None),
                &mut sources,
                [
                    format!("<{iri}>"),
                    format!("<{predicate}>"),
                    term_text(&triple.object),
                ],
            ));
        }
        Ok(facts)
    }
}
