//! Entity search by name: prefix and word matches over every label and other name (`rdfs:label`,
//! `skos:altLabel`), ranked by how the name matches, then by how many documents mention the entity.
//!
//! The search scans the store's name quads on each call (linear in their number: well under a second for
//! thousands of documents); an index kept at build time is what the explorer's type-ahead needs on large
//! stores.

use super::iri::{SKOS, vocab};
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// How a name matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameMatch {
    /// The whole name, ignoring case.
    Exact,
    /// The name starts with the query.
    Prefix,
    /// Every word of the query starts a word of the name.
    Words,
}

/// One entity found by [`KgStore::search_entities`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityHit {
    /// The entity's IRI.
    pub iri: String,
    /// Its preferred label.
    pub label: String,
    /// Its class (local name), when typed.
    pub class: Option<String>,
    /// The name that matched (the label or another name).
    pub matched: String,
    /// How it matched.
    pub how: NameMatch,
    /// Documents whose graphs describe the entity.
    pub documents: usize,
}

#[derive(Default)]
struct Candidate {
    label: Option<String>,
    names: BTreeSet<String>,
}

/// Lower-cased words of a name: what a query's words are matched against.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How `name` matches a query (given lower-cased, and as its words), if it does.
fn name_match(name: &str, query: &str, query_words: &[String]) -> Option<NameMatch> {
    let lower = name.to_lowercase();
    if lower == query {
        return Some(NameMatch::Exact);
    }
    if lower.starts_with(query) {
        return Some(NameMatch::Prefix);
    }
    let name_words = search_words(name);
    (!query_words.is_empty()
        && query_words
            .iter()
            .all(|q| name_words.iter().any(|w| w.starts_with(q.as_str()))))
    .then_some(NameMatch::Words)
}

impl KgStore {
    /// Entities with a name that matches `query`: the whole name, a prefix of it, or every query word as the
    /// start of a word of the name (case-insensitive). At most `limit` hits, best match first, then the
    /// entities described by more documents, then by label.
    pub fn search_entities(&self, query: &str, limit: usize) -> StoreResult<Vec<EntityHit>> {
        let query = query.trim().to_lowercase();
        let query_words = search_words(&query);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let entity_ns = self.ns.entity_ns();
        let alt_label = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
        let entities = self.ns.entities_graph();
        let mut candidates: HashMap<String, Candidate> = HashMap::new();
        for predicate in [rdfs::LABEL, alt_label.as_ref()] {
            for quad in self.store.quads_for_pattern(
                None,
                Some(predicate),
                None,
                Some(GraphNameRef::NamedNode(entities.as_ref())),
            ) {
                let quad = quad?;
                let (NamedOrBlankNode::NamedNode(subject), Term::Literal(name)) =
                    (&quad.subject, &quad.object)
                else {
                    continue;
                };
                if !subject.as_str().starts_with(entity_ns) {
                    continue;
                }
                let candidate = candidates.entry(subject.as_str().to_string()).or_default();
                if predicate == rdfs::LABEL {
                    candidate.label = Some(name.value().to_string());
                }
                candidate.names.insert(name.value().to_string());
            }
        }
        let document_count = self.ns.term(vocab::DOCUMENT_COUNT);
        let mut hits: Vec<EntityHit> = candidates
            .into_iter()
            .filter_map(|(iri, candidate)| {
                let (how, matched) = candidate
                    .names
                    .iter()
                    .filter_map(|n| Some((name_match(n, &query, &query_words)?, n)))
                    .min()?;
                Some(EntityHit {
                    label: candidate.label.clone().unwrap_or_else(|| matched.clone()),
                    matched: matched.clone(),
                    how,
                    documents: self.count_of(&iri, &document_count),
                    class: None,
                    iri,
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            (a.how, std::cmp::Reverse(a.documents), &a.label, &a.iri).cmp(&(
                b.how,
                std::cmp::Reverse(b.documents),
                &b.label,
                &b.iri,
            ))
        });
        hits.truncate(limit);
        // Classes only for the hits kept.
        for hit in &mut hits {
            let subject = NamedNode::new_unchecked(hit.iri.as_str());
            hit.class = self
                .store
                .quads_for_pattern(Some(subject.as_ref().into()), Some(rdf::TYPE), None, None)
                .find_map(|q| match q.ok()?.object {
                    Term::NamedNode(class) => Some(self.ns.local_name(class.as_str())),
                    _ => None,
                });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whole_by_prefix_or_by_word_starts() {
        let q = |text: &str| (text.to_lowercase(), search_words(text));
        let (query, qw) = q("tony bl");
        assert_eq!(
            name_match("Tony Blair", &query, &qw),
            Some(NameMatch::Prefix)
        );
        let (query, qw) = q("blair");
        assert_eq!(
            name_match("Tony Blair", &query, &qw),
            Some(NameMatch::Words)
        );
        assert_eq!(name_match("BLAIR", &query, &qw), Some(NameMatch::Exact));
        assert_eq!(
            name_match("Blairgowrie", &query, &qw),
            Some(NameMatch::Prefix)
        );
        assert_eq!(name_match("Tony Brown", &query, &qw), None);
        let (query, qw) = q("mer ang");
        assert_eq!(
            name_match("Angela Merkel", &query, &qw),
            Some(NameMatch::Words)
        );
        let (query, qw) = q("сергей");
        assert_eq!(
            name_match("Сергей Лавров", &query, &qw),
            Some(NameMatch::Prefix)
        );
    }
}
