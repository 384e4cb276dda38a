//! Surnames out of context: the corpus stage moves a one-word name (`Carson`) to the one full name that
//! ends with it (`Johnny Carson`) everywhere, but one document's `Carson` may be another person of that
//! name whom the corpus never names in full (a goalkeeper in a match report, beside a talk-show host in
//! stories on television). What a document names beside the surname tells them apart: the full name's
//! documents and a document about the same person name some of the same other entities (a party, a club,
//! a film); a document about someone else, none, or only ones every other story names (`London`, `US`).
//!
//! So, per document, a one-word name stays its own entity there when the other entities it names share
//! with those of the full name's documents less than one entity named in [`CONTEXT_DOCUMENTS`] documents
//! would: each shared entity weighs one over the number of documents that name it. The other documents'
//! `Carson` still goes to `Johnny Carson`. A name that shares the context in half its documents or more
//! goes to the full name in all of them: a person the corpus mostly names by surname (`President Reagan`)
//! is named in full in too few documents to show all the company they keep.

use super::CorpusNames;
use crate::resolve::names::name_words;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The weight of context a surname's document needs to share with its full name's documents: that of one
/// entity named in this many documents (each shared entity weighs one over its documents).
pub const CONTEXT_DOCUMENTS: usize = 50;

impl CorpusNames {
    /// The one-word names that stay their own entity in a document, as (document, key id) pairs: `documents`
    /// holds each document's key ids (from [`CorpusNames::add`]), in any fixed order; `canonical` is
    /// [`CorpusNames::canonical_keys`]' answer. A name is checked when it is one word and its canonical
    /// key a person's of two words or more; it stays in the documents that do not share the full name's
    /// context, unless it shares it in half its documents or more (see the module doc).
    ///
    /// Time and memory grow with the names of the documents whose entities move so, times the entities
    /// each names.
    pub fn out_of_context(
        &self,
        canonical: &BTreeMap<String, String>,
        documents: &[&[u32]],
    ) -> HashSet<(usize, u32)> {
        let id_of = |key: &str| self.ids.get(key).copied();
        let canon: Vec<u32> = self
            .keys
            .iter()
            .enumerate()
            .map(|(id, (key, _))| {
                canonical
                    .get(key)
                    .and_then(|t| id_of(t))
                    .unwrap_or(id as u32)
            })
            .collect();
        let words: Vec<usize> = self
            .keys
            .iter()
            .map(|(_, info)| name_words(&info.label).len())
            .collect();
        // The one-word names whose canonical key is a person's full name.
        let checked: Vec<bool> = canon
            .iter()
            .enumerate()
            .map(|(id, &target)| {
                let info = &self.keys[target as usize].1;
                target as usize != id
                    && words[id] == 1
                    && info.class == "Person"
                    && words[target as usize] >= 2
            })
            .collect();
        let mut named_in: HashMap<u32, usize> = HashMap::new();
        let mut full_names: HashMap<u32, HashSet<u32>> = HashMap::new();
        let targets: HashSet<u32> = canon
            .iter()
            .zip(&checked)
            .filter(|(_, checked)| **checked)
            .map(|(target, _)| *target)
            .collect();
        for ids in documents {
            let entities: HashSet<u32> = ids.iter().map(|&id| canon[id as usize]).collect();
            for &c in &entities {
                *named_in.entry(c).or_default() += 1;
            }
            // A document naming the full name (not only its surname) tells what the person is named with.
            for &id in ids.iter() {
                let target = canon[id as usize];
                if targets.contains(&target) && words[id as usize] >= 2 {
                    full_names
                        .entry(target)
                        .or_default()
                        .extend(entities.iter().filter(|&&c| c != target));
                }
            }
        }
        // Per document, whether each checked name shares its full name's context; per name, in how many
        // of its documents it does, and in how many it is checked.
        let mut unshared = Vec::new();
        let mut tally: HashMap<u32, (usize, usize)> = HashMap::new();
        for (d, ids) in documents.iter().enumerate() {
            let mut entities: Option<HashSet<u32>> = None;
            for &id in ids.iter().filter(|&&id| checked[id as usize]) {
                let target = canon[id as usize];
                let context = full_names.get(&target);
                // The document's entities, read once for all its checked names.
                let entities = entities
                    .get_or_insert_with(|| ids.iter().map(|&c| canon[c as usize]).collect());
                let mut shared: Vec<usize> = entities
                    .iter()
                    .filter(|&&c| c != target && context.is_some_and(|ctx| ctx.contains(&c)))
                    .map(|c| named_in[c])
                    .collect();
                // Summed in one order, so that the answer does not depend on the order of the records.
                shared.sort_unstable();
                let weight: f64 = shared.iter().map(|&n| 1.0 / n as f64).sum();
                let counts = tally.entry(id).or_default();
                counts.1 += 1;
                if weight * (CONTEXT_DOCUMENTS as f64) < 1.0 {
                    unshared.push((d, id));
                } else {
                    counts.0 += 1;
                }
            }
        }
        // A name that shares the context in half its documents or more is the full name's in all: the
        // others name too little (`Reagan` in 492 Reuters stories, `Ronald Reagan` in 24).
        unshared
            .into_iter()
            .filter(|(_, id)| {
                let (sharing, all) = tally[id];
                2 * sharing < all
            })
            .collect()
    }
}
