//! Membership stated by a superlative or `one of` after a name: `Etorofu and Kunashiri, the largest of the
//! four islands` says both are part of the island group; `Honshu, one of Japan's main islands`. The parse
//! often attaches the superlative away from the names (as an adverbial clause), so this reads the surface
//! pattern `NAME(S) , the JJS of NP` / `NAME(S) , one of NP` around the parse.

use super::document::{DocEntities, Resolution, children, conjuncts};
use super::roles::ContextFact;

impl DocEntities<'_> {
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
            let mut root = comma - 1;
            while doc.tokens[root].dep == "conj" && doc.tokens[root].head != root {
                root = doc.tokens[root].head;
            }
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
