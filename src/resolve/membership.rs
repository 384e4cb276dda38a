//! Membership stated by a superlative or `one of` after a name: `Etorofu and Kunashiri, the largest of the
//! four islands` says both are part of the island group; `Honshu, one of Japan's main islands`. The parse
//! often attaches the superlative away from the names (as an adverbial clause), so this reads the surface
//! pattern `NAME(S) , the JJS of NP` / `NAME(S) , one of NP` around the parse.

use super::document::{DocEntities, Resolution, Via, children, conjuncts, first_conjunct};
use super::roles::ContextFact;

/// Prepositions that place one named place relative to another inside a noun phrase, with the property
/// (local name): `the Crimean Peninsula in Ukraine`, `islands off Hokkaido`.
const LOCATIVES: &[(&str, &str)] = &[("in", "locatedIn"), ("off", "near"), ("near", "near")];

impl DocEntities<'_> {
    /// `The other two are Shikotan and the Habomai islet group`, right after the group was mentioned: the
    /// names are the group's remaining members.
    pub fn remaining_members(&mut self, part_of: &str) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        for n in 0..doc.tokens.len() {
            let t = &doc.tokens[n];
            // The cheap tests first: finding children scans the sentence.
            if t.tag != "CD"
                || t.dep != "nsubj"
                || !children(doc, n).any(|c| doc.tokens[c].lemma.eq_ignore_ascii_case("other"))
            {
                continue;
            }
            let verb = t.head;
            if !doc.tokens[verb].lemma.eq_ignore_ascii_case("be") {
                continue;
            }
            let Some(attr) = children(doc, verb).find(|&c| doc.tokens[c].dep == "attr") else {
                continue;
            };
            let window = self.window(n);
            let Some(group) = ["IslandGroup", "Region"]
                .iter()
                .filter_map(|c| self.group(c))
                .find(|&g| window.iter().any(|&(_, e)| e == g))
            else {
                continue;
            };
            for c in conjuncts(doc, attr) {
                let Resolution::Entities(es, Via::Name) = self.resolve_head(c, None, 0) else {
                    continue;
                };
                for m in es {
                    if self.find(m) == group {
                        continue;
                    }
                    facts.push(ContextFact {
                        subject: m,
                        property: part_of.to_string(),
                        object: group,
                        sentence: self.sent_of[n],
                        bytes: doc.tokens[n].start..doc.tokens[c].end,
                        rule: "remaining-members",
                        confidence: 0.7,
                    });
                }
            }
        }
        facts
    }

    /// `the Crimean Peninsula in Ukraine`, `eastern Aleppo in Syria`, `islands off Hokkaido`: a place noun phrase
    /// with a locative preposition and another place. `ns` is the ontology namespace for the properties.
    pub fn locatives(&mut self, ns: &str) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        for p in 0..doc.tokens.len() {
            let t = &doc.tokens[p];
            if t.dep != "prep" {
                continue;
            }
            let Some(&(_, property)) = LOCATIVES
                .iter()
                .find(|(w, _)| t.lemma.eq_ignore_ascii_case(w))
            else {
                continue;
            };
            let head = t.head;
            if head == p || !matches!(doc.tokens[head].pos.as_str(), "PROPN" | "NOUN") {
                continue;
            }
            let Some(pobj) = children(doc, p).find(|&c| doc.tokens[c].dep == "pobj") else {
                continue;
            };
            let (Resolution::Entities(xs, _), Resolution::Entities(ys, _)) = (
                self.resolve_head(head, None, 0),
                self.resolve_head(pobj, None, 0),
            ) else {
                continue;
            };
            for &x in &xs {
                for &y in &ys {
                    if self.find(x) == self.find(y)
                        || !self.is_place(x)
                        || !self.is_place(y)
                        || self.bare_description(x)
                    {
                        continue;
                    }
                    facts.push(ContextFact {
                        subject: x,
                        property: format!("{ns}{property}"),
                        object: y,
                        sentence: self.sent_of[p],
                        bytes: doc.tokens[head].start..doc.tokens[pobj].end,
                        rule: "nominal-locative",
                        confidence: 0.7,
                    });
                }
            }
        }
        facts
    }

    /// Part-of facts (`part_of` is the property IRI) for names followed by `, the JJS of NP` or `, one of NP`.
    pub fn memberships(&mut self, part_of: String) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        for j in 2..doc.tokens.len() {
            let t = &doc.tokens[j];
            let superlative = t.tag == "JJS" && doc.tokens[j - 1].lemma.eq_ignore_ascii_case("the");
            let one = t.lemma.eq_ignore_ascii_case("one") && t.tag == "CD";
            if !superlative && !one {
                continue;
            }
            let comma = if superlative { j - 2 } else { j - 1 };
            if doc.token_text(comma) != "," || comma == 0 || self.sent_of[comma] != self.sent_of[j]
            {
                continue;
            }
            let Some(named) = self.entity_at(comma - 1) else {
                continue;
            };
            let Some(of) =
                children(doc, j).find(|&c| doc.tokens[c].lemma.eq_ignore_ascii_case("of"))
            else {
                continue;
            };
            let Some(group_head) = children(doc, of).find(|&c| doc.tokens[c].dep == "pobj") else {
                continue;
            };
            if doc.tokens[group_head].tag != "NNS" && doc.tokens[group_head].tag != "NNPS" {
                continue;
            }
            let group = match self.resolve_head(group_head, None, 0) {
                Resolution::Entities(es, _) if es.len() == 1 => es[0],
                _ => continue,
            };
            // The names: the one before the comma and the conjuncts it belongs to.
            let root = first_conjunct(doc, comma - 1);
            let mut members: Vec<usize> = conjuncts(doc, root)
                .into_iter()
                .filter_map(|c| self.entity_at(c))
                .collect();
            if !members.contains(&named) {
                members = vec![named];
            }
            members.dedup();
            // Members of an island group are islands.
            let group_is_islands = self.drafts[self.find(group)]
                .hints
                .iter()
                .any(|h| h == "IslandGroup");
            for m in members {
                if self.find(m) == self.find(group) {
                    continue;
                }
                if group_is_islands {
                    let m = self.find(m);
                    self.drafts[m].hints.push("Island".into());
                }
                facts.push(ContextFact {
                    subject: m,
                    property: part_of.clone(),
                    object: group,
                    sentence: self.sent_of[j],
                    bytes: doc.tokens[root].start..doc.tokens[group_head].end,
                    rule: if superlative {
                        "superlative-membership"
                    } else {
                        "one-of-membership"
                    },
                    confidence: 0.75,
                });
            }
        }
        facts
    }
}
