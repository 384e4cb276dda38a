//! Pronouns resolved by a sieve over the document's mentions (`he`, `it`, `they`, `its`, relative
//! pronouns, a quoted `I`); a pronoun without a clear antecedent stays unresolved, and its triple is dropped.

use super::document::{
    DocEntities, Mentions, Resolution, Via, children, conjuncts, dominates, has_conj,
};

impl DocEntities<'_> {
    /// The pronoun sieve. Relative pronouns take the noun their clause modifies; `he`/`she` the nearest
    /// person in subject position (this sentence before the pronoun, else the previous one); `it` the nearest
    /// non-person subject; `they` a coordinated subject; `I` the quoted speaker. Anything else is unresolved.
    pub(super) fn pronoun(&mut self, h: usize, speaker: Option<usize>, depth: usize) -> Resolution {
        let doc = self.doc;
        let t = &doc.tokens[h];
        let word = doc.token_text(h).to_lowercase();
        if matches!(t.tag.as_str(), "WDT" | "WP" | "WP$") || word == "that" {
            let verb = t.head;
            if verb != h && doc.tokens[verb].dep == "relcl" {
                let antecedent = doc.tokens[verb].head;
                if antecedent != h {
                    return self.resolve_head(antecedent, speaker, depth + 1);
                }
            }
            return Resolution::Unresolved;
        }
        let window = self.window(h);
        let is_subject = |i: usize| matches!(doc.tokens[i].dep.as_str(), "nsubj" | "nsubjpass");
        match word.as_str() {
            "i" | "me" | "my" | "myself" => match speaker {
                Some(s) => Resolution::Entities(vec![s], Via::Pronoun),
                None => Resolution::Unresolved,
            },
            "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
                let persons: Vec<(usize, usize)> = window
                    .iter()
                    .copied()
                    .filter(|&(_, e)| self.person_by_ner(e))
                    .collect();
                // This sentence first (its subject, else its only person), then the previous sentence's.
                let here = self.sent_of[h];
                let (current, previous): (Mentions, Mentions) =
                    persons.iter().partition(|&&(i, _)| self.sent_of[i] == here);
                for group in [current, previous] {
                    if let Some(&(_, e)) = group.iter().rev().find(|&&(i, _)| is_subject(i)) {
                        return Resolution::Entities(vec![e], Via::Pronoun);
                    }
                    let mut distinct: Vec<usize> = group.iter().map(|p| p.1).collect();
                    distinct.sort_unstable();
                    distinct.dedup();
                    if distinct.len() == 1 {
                        return Resolution::Entities(distinct, Via::Pronoun);
                    }
                    if distinct.len() > 1 {
                        return Resolution::Unresolved;
                    }
                }
                Resolution::Unresolved
            }
            "it" | "its" | "itself" => {
                if t.tag == "PRP$"
                    && let Some(e) = self.governing_subject(h)
                {
                    return Resolution::Entities(vec![e], Via::Pronoun);
                }
                let found = window.iter().rev().find(|&&(i, e)| {
                    let d = &self.drafts[e];
                    is_subject(i)
                        && !d.person
                        && !d.hints.iter().any(|c| c == "IslandGroup")
                        && doc.tokens[i].tag != "NNS"
                        && !has_conj(doc, i)
                });
                match found {
                    Some(&(_, e)) => Resolution::Entities(vec![e], Via::Pronoun),
                    None => Resolution::Unresolved,
                }
            }
            "they" | "them" | "their" | "themselves" => {
                for &(i, e) in window.iter().rev() {
                    if !is_subject(i) {
                        continue;
                    }
                    let conj: Vec<usize> = conjuncts(doc, i)
                        .into_iter()
                        .filter_map(|c| self.entity_at(c))
                        .collect();
                    if conj.len() > 1 {
                        return Resolution::Entities(conj, Via::Pronoun);
                    }
                    if self.drafts[e].hints.iter().any(|c| c == "IslandGroup") {
                        return Resolution::Entities(vec![e], Via::Pronoun);
                    }
                }
                // `Abe and Putin held talks. ... The two met. They will meet again`: a subject naming
                // several entities a little further back, when nothing nearer is plural.
                if is_subject(h)
                    && !window.iter().any(|&(i, _)| is_subject(i))
                    && let Some(group) = self.named_group(h)
                {
                    return Resolution::Entities(group, Via::Pronoun);
                }
                Resolution::Unresolved
            }
            _ => Resolution::Unresolved,
        }
    }

    /// The entities of the nearest coordinated subject (`Abe and Putin`) before token `h`, in its sentence or
    /// the six before it (news prose refers back to "the two" well after naming them), when its conjuncts
    /// name two or more entities.
    pub(super) fn named_group(&self, h: usize) -> Option<Vec<usize>> {
        let doc = self.doc;
        let s = self.sent_of.get(h).copied()?;
        let from = self
            .sentences
            .get(s.saturating_sub(6))
            .map_or(0, |x| x.start);
        (from..h).rev().find_map(|i| {
            let t = &doc.tokens[i];
            if !matches!(t.dep.as_str(), "nsubj" | "nsubjpass") || !has_conj(doc, i) {
                return None;
            }
            let mut group: Vec<usize> = Vec::new();
            for c in conjuncts(doc, i) {
                let e = self.entity_at(c)?;
                if !group.contains(&e) {
                    group.push(e);
                }
            }
            (group.len() > 1).then_some(group)
        })
    }

    /// For a possessive `its`: the subject of the nearest clause above it that is a non-person entity and
    /// does not contain the pronoun (`In its latest act, North Korea launched`; `Russia has shown no sign of
    /// winding back its buildup`).
    pub(super) fn governing_subject(&self, h: usize) -> Option<usize> {
        let doc = self.doc;
        let mut x = h;
        for _ in 0..doc.tokens.len() {
            let up = doc.tokens[x].head;
            if up == x {
                return None;
            }
            x = up;
            if !matches!(doc.tokens[x].pos.as_str(), "VERB" | "AUX") {
                continue;
            }
            for c in children(doc, x) {
                if matches!(doc.tokens[c].dep.as_str(), "nsubj" | "nsubjpass")
                    && !dominates(doc, c, h)
                {
                    return self
                        .entity_at(c)
                        .filter(|&e| !self.drafts[e].person && !has_conj(doc, c));
                }
            }
        }
        None
    }

    /// Entity mentions before token `h` in its sentence and in the previous one, in text order.
    pub(crate) fn window(&self, h: usize) -> Vec<(usize, usize)> {
        let s = self.sent_of.get(h).copied().unwrap_or(0);
        let from = self
            .sentences
            .get(s.saturating_sub(1))
            .map_or(0, |x| x.start);
        let mut w: Vec<(usize, usize)> = self
            .mention_tokens
            .iter()
            .filter(|&&(i, _)| i >= from && i < h)
            .map(|&(i, e)| (i, self.find(e)))
            .collect();
        w.sort_unstable();
        w
    }
}
