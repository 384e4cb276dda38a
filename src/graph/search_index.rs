//! An in-memory name index for type-ahead search: prefix and word-prefix matches over every name of every
//! entity, ranked by how the name matches and then by the entity's importance.
//!
//! Two sorted arrays (whole names and single words, lower-cased) answer a query with binary searches, so a
//! search costs O(log n + matches) however large the store; `kg serve` builds one from the projection when it
//! starts and after each ingest.

use crate::store::EntityHit;
pub use crate::store::NameMatch;
use crate::store::search_words;
use std::collections::HashMap;

/// An entity to index: its names and how important it is.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEntity {
    /// The entity IRI.
    pub iri: String,
    /// Its preferred label.
    pub label: String,
    /// Its other names.
    pub aliases: Vec<String>,
    /// Its class, when typed.
    pub class: Option<String>,
    /// Documents that mention it.
    pub documents: usize,
    /// Its importance: higher ranks first among equal matches.
    pub weight: f64,
}

/// The name index.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entities: Vec<IndexedEntity>,
    /// (lower-cased name, entity, name number: 0 is the label, then the aliases), sorted.
    names: Vec<(String, u32, u32)>,
    /// (lower-cased word of a name, entity, name number), sorted.
    words: Vec<(String, u32, u32)>,
    /// Entity numbers by decreasing weight (for the empty query).
    by_weight: Vec<u32>,
}

/// The entries of a sorted array whose key starts with `prefix`.
fn prefixed<'a>(array: &'a [(String, u32, u32)], prefix: &str) -> &'a [(String, u32, u32)] {
    let start = array.partition_point(|(k, _, _)| k.as_str() < prefix);
    let len = array[start..].partition_point(|(k, _, _)| k.starts_with(prefix));
    &array[start..start + len]
}

impl SearchIndex {
    /// Indexes `entities`.
    pub fn new(entities: Vec<IndexedEntity>) -> Self {
        let mut names = Vec::new();
        let mut words_index = Vec::new();
        for (e, entity) in entities.iter().enumerate() {
            for (n, name) in std::iter::once(&entity.label)
                .chain(entity.aliases.iter())
                .enumerate()
            {
                names.push((name.to_lowercase(), e as u32, n as u32));
                for word in search_words(name) {
                    words_index.push((word, e as u32, n as u32));
                }
            }
        }
        names.sort_unstable();
        words_index.sort_unstable();
        words_index.dedup();
        let mut by_weight: Vec<u32> = (0..entities.len() as u32).collect();
        by_weight.sort_by(|a, b| {
            entities[*b as usize]
                .weight
                .total_cmp(&entities[*a as usize].weight)
        });
        Self {
            entities,
            names,
            words: words_index,
            by_weight,
        }
    }

    /// Number of entities indexed.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    fn name(&self, entity: u32, number: u32) -> &str {
        let e = &self.entities[entity as usize];
        match number {
            0 => &e.label,
            n => &e.aliases[n as usize - 1],
        }
    }

    /// At most `limit` entities with a name matching `query` (the whole name, a prefix of it, or every query
    /// word as the start of a word of the name; case-insensitive), best match first, then the most important.
    /// An empty query gives the most important entities.
    pub fn search(&self, query: &str, limit: usize) -> Vec<EntityHit> {
        let query = query.trim().to_lowercase();
        let mut best: HashMap<u32, (NameMatch, u32)> = HashMap::new();
        let mut offer = |entity: u32, how: NameMatch, number: u32| {
            let slot = best.entry(entity).or_insert((how, number));
            if how < slot.0 {
                *slot = (how, number);
            }
        };
        if query.is_empty() {
            return self
                .by_weight
                .iter()
                .take(limit)
                .map(|&e| self.hit(e, NameMatch::Prefix, 0))
                .collect();
        }
        for (name, e, n) in prefixed(&self.names, &query) {
            let how = if *name == query {
                NameMatch::Exact
            } else {
                NameMatch::Prefix
            };
            offer(*e, how, *n);
        }
        let query_words = search_words(&query);
        // The longest query word selects the fewest candidates; the others are checked on each.
        if let Some(key) = query_words.iter().max_by_key(|w| w.len()) {
            for (_, e, n) in prefixed(&self.words, key) {
                let name_words = search_words(self.name(*e, *n));
                if query_words
                    .iter()
                    .all(|q| name_words.iter().any(|w| w.starts_with(q.as_str())))
                {
                    offer(*e, NameMatch::Words, *n);
                }
            }
        }
        let mut ranked: Vec<(u32, NameMatch, u32)> =
            best.into_iter().map(|(e, (how, n))| (e, how, n)).collect();
        ranked.sort_by(|a, b| {
            let (ea, eb) = (&self.entities[a.0 as usize], &self.entities[b.0 as usize]);
            a.1.cmp(&b.1)
                .then(eb.weight.total_cmp(&ea.weight))
                .then_with(|| ea.label.cmp(&eb.label))
                .then_with(|| ea.iri.cmp(&eb.iri))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(e, how, n)| self.hit(e, how, n))
            .collect()
    }

    fn hit(&self, entity: u32, how: NameMatch, number: u32) -> EntityHit {
        let e = &self.entities[entity as usize];
        EntityHit {
            iri: e.iri.clone(),
            label: e.label.clone(),
            class: e.class.clone(),
            matched: self.name(entity, number).to_string(),
            how,
            documents: e.documents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(label: &str, aliases: &[&str], weight: f64) -> IndexedEntity {
        IndexedEntity {
            iri: format!("e:{label}"),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            class: None,
            documents: 1,
            weight,
        }
    }

    fn labels(hits: &[EntityHit]) -> Vec<&str> {
        hits.iter().map(|h| h.label.as_str()).collect()
    }

    #[test]
    fn prefix_and_word_matches_rank_by_match_then_weight() {
        let index = SearchIndex::new(vec![
            entity("Tony Blair", &["Blair"], 5.0),
            entity("Blairgowrie", &[], 1.0),
            entity("Tony Brown", &[], 9.0),
            entity("Angela Merkel", &["Merkel"], 3.0),
            entity("Сергей Лавров", &[], 1.0),
        ]);
        let hits = index.search("blair", 10);
        assert_eq!(labels(&hits), ["Tony Blair", "Blairgowrie"]);
        assert_eq!(hits[0].how, NameMatch::Exact);
        assert_eq!(hits[0].matched, "Blair");
        assert_eq!(
            labels(&index.search("to", 10)),
            ["Tony Brown", "Tony Blair"]
        );
        assert_eq!(labels(&index.search("mer ang", 10)), ["Angela Merkel"]);
        assert_eq!(labels(&index.search("сер", 10)), ["Сергей Лавров"]);
        assert!(index.search("zzz", 10).is_empty());
        assert_eq!(
            labels(&index.search("", 2)),
            ["Tony Brown", "Tony Blair"],
            "the empty query lists the most important"
        );
        assert_eq!(index.search("t", 1).len(), 1);
    }
}
