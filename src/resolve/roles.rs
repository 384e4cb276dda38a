//! Titles and roles: `Japanese Prime Minister Shinzo Abe` says Abe is head of government of Japan; the role is
//! stripped from the name and becomes a fact. Roles without a stated country get one from a description
//! elsewhere in the document (`Russia's foreign minister`), a `counterpart`, or the other side of a bilateral
//! meeting; role descriptions used as arguments (`the Russian leader`) resolve to the person holding the role.

use super::document::{DocEntities, Resolution, Via, children, dominates, glued_hyphen};
use std::collections::HashMap;
use std::ops::Range;

/// A fact read from the phrase structure around entities (a title, a membership), to emit as is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContextFact {
    pub subject: usize,
    pub property: String,
    pub object: usize,
    pub sentence: usize,
    pub bytes: Range<usize>,
    pub rule: &'static str,
    pub confidence: f32,
}

/// Dependency labels that attach title words to a name.
const TITLE_DEPS: &[&str] = &["compound", "amod", "poss", "case", "nmod", "punct"];

impl DocEntities<'_> {
    fn is_country(&self, e: usize) -> bool {
        let d = &self.drafts[self.find(e)];
        d.class.as_deref() == Some("Country") || d.hints.iter().any(|h| h == "Country")
    }

    /// Whether an entity is known to be a place (gazetteer class, hints, or a place NER label).
    pub(crate) fn is_place(&self, e: usize) -> bool {
        let d = &self.drafts[self.find(e)];
        if let Some(c) = &d.class {
            return self.lex.is_place_class(c);
        }
        !d.person
            && (d.hints.iter().any(|h| self.lex.is_place_class(h))
                || d.ner.iter().any(|l| matches!(l.as_str(), "GPE" | "LOC")))
    }

    /// The role and country a set of modifier tokens plus a head word express (`Russian Defense Minister`).
    pub(super) fn role_of(&self, tokens: &[usize]) -> (Option<String>, Option<usize>) {
        let doc = self.doc;
        let mut country = None;
        let mut words = Vec::new();
        for &i in tokens {
            match self.entity_at(i) {
                Some(e) if self.is_country(e) || self.listed_place(e) => {
                    country = Some(self.find(e))
                }
                Some(_) => {}
                None if doc.tokens[i].tag != "POS" && doc.tokens[i].dep != "det" => {
                    words.push(doc.token_text(i).to_lowercase())
                }
                None => {}
            }
        }
        let Some((noun, property)) = self.lex.mapper.role_in(&words.join(" ")) else {
            return (None, country);
        };
        // `German football president Niersbach`, `Deputy Prime Minister X`: another noun, or a deputy, makes
        // it an office of something else, or a lesser one; no role is read.
        // Portfolios are nouns too (`Finance Minister`): ministers keep theirs.
        let minister = self.lex.is_subproperty(
            property,
            &property.replace(&crate::ontology::local_name(property), "ministerOf"),
        );
        let role_words: Vec<&str> = noun.split([' ', '-']).collect();
        let foreign_noun = !minister
            && tokens.iter().any(|&i| {
                let t = &doc.tokens[i];
                self.entity_at(i).is_none()
                    && matches!(t.pos.as_str(), "NOUN" | "PROPN")
                    && doc.token_text(i) != "-"
                    && !role_words.contains(&doc.token_text(i).to_lowercase().as_str())
                    && !role_words.contains(&t.lemma.to_lowercase().as_str())
            });
        // A lesser word (`kg:subordinateRoleWords`; also `acting`, a stand-in's) makes it a lesser office,
        // in the title or glued to it by a hyphen outside the tokens given (`vice-president`, tokenised
        // `vice`, `-`, `president`, with only `president` in the title).
        let lesser = |w: &str| w == "acting" || self.lex.subordinate_role_words.contains(w);
        let glued_lesser = tokens.iter().any(|&i| {
            i >= 2 && glued_hyphen(doc, i - 1) && lesser(&doc.token_text(i - 2).to_lowercase())
        });
        let deputy = glued_lesser || words.iter().any(|w| lesser(w));
        if foreign_noun || deputy {
            return (None, country);
        }
        (Some(property.to_string()), country)
    }

    /// Reads titles and appositions of person mentions into roles; returns the facts with a country.
    pub fn titles(&mut self) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        let mut counterparts = Vec::new();
        let mentions = self.mention_tokens.clone();
        for &(root, e) in &mentions {
            let e = self.find(e);
            if !self.drafts[e].person {
                continue;
            }
            let (start, title) = self.title_tokens(root, e);
            let sentence = self.sent_of[root];
            let mut found = self.role_of(&title);
            let mut from = title.first().copied().unwrap_or(start);
            let mut rule = "title";
            let mut owned_office = false;
            if found.0.is_none() {
                // `Sergei Lavrov, Russia's foreign minister,`
                for a in children(doc, root)
                    .filter(|&c| doc.tokens[c].dep == "appos")
                    .collect::<Vec<_>>()
                {
                    let mut toks: Vec<usize> = children(doc, a)
                        .filter(|&c| TITLE_DEPS.contains(&doc.tokens[c].dep.as_str()) && c < a)
                        .collect();
                    toks.push(a);
                    let r = self.role_of(&toks);
                    // `X, the president of the VDMA`, `X, the state's education minister`: an office of
                    // whatever the complement or owner names, no country's unless one is named.
                    let owned = children(doc, a).any(|c| {
                        let t = &doc.tokens[c];
                        t.dep == "poss"
                            || t.dep == "prep" && matches!(t.lemma.as_str(), "of" | "at" | "for")
                    });
                    if r.0.is_some() {
                        owned_office = r.1.is_none() && owned;
                        found = r;
                        from = start;
                        rule = "apposition-title";
                        break;
                    }
                }
            }
            let (Some(property), country) = found else {
                continue;
            };
            let end = doc.tokens[root].end;
            let bytes = doc.tokens[from].start..end;
            if property.ends_with("#officialOf")
                && title
                    .iter()
                    .any(|&k| doc.token_text(k).eq_ignore_ascii_case("counterpart"))
            {
                counterparts.push((e, country, root, sentence, bytes));
                continue;
            }
            self.add_role(e, &property, country);
            if owned_office {
                self.owned_offices.push(e);
            }
            if let Some(c) = country {
                facts.push(ContextFact {
                    subject: e,
                    property,
                    object: c,
                    sentence,
                    bytes,
                    rule,
                    confidence: 0.9,
                });
            }
        }
        // `Foreign Minister Fumio Kishida and Russian counterpart Sergey Lavrov`: the same office.
        for (e, country, root, sentence, bytes) in counterparts {
            let partner = conj_partner(doc, root).and_then(|p| self.entity_at(p));
            let Some(partner) = partner else { continue };
            let Some(property) = self.role_property(partner) else {
                continue;
            };
            self.add_role(e, &property, country);
            if let Some(c) = country {
                facts.push(ContextFact {
                    subject: e,
                    property,
                    object: c,
                    sentence,
                    bytes,
                    rule: "counterpart",
                    confidence: 0.8,
                });
            }
        }
        facts.extend(self.countries_from_descriptions());
        facts.extend(self.countries_from_meetings());
        facts.extend(self.countries_by_default());
        facts
    }

    /// The first token of the mention of `e` ending at `root`, and the title words before it.
    fn title_tokens(&self, root: usize, e: usize) -> (usize, Vec<usize>) {
        let doc = self.doc;
        let mut start = root;
        while start > 0 && self.entity_at(start - 1) == Some(e) {
            start -= 1;
        }
        let sent_start = self.sentences[self.sent_of[root]].start;
        let mut title = Vec::new();
        let mut i = start;
        while i > sent_start {
            let j = i - 1;
            let t = &doc.tokens[j];
            if !dominates(doc, root, j) || !TITLE_DEPS.contains(&t.dep.as_str()) {
                break;
            }
            title.push(j);
            i = j;
        }
        title.reverse();
        (start, title)
    }

    fn add_role(&mut self, person: usize, property: &str, country: Option<usize>) {
        let entry = (person, property.to_string(), country);
        if let Some(existing) = self
            .person_roles
            .iter_mut()
            .find(|(p, prop, _)| *p == person && prop == property)
        {
            if existing.2.is_none() {
                existing.2 = country;
            }
        } else {
            self.person_roles.push(entry);
        }
    }

    fn role_property(&self, person: usize) -> Option<String> {
        let p = self.find(person);
        self.person_roles
            .iter()
            .find(|(q, _, _)| self.find(*q) == p)
            .map(|(_, prop, _)| prop.clone())
    }

    /// A role noun phrase as an argument (`the Russian leader`, `The prime minister`) resolves to the one
    /// person in the document holding that role (or a narrower one, e.g. president for leader) in that
    /// country. Plural phrases are not resolved.
    pub fn role_description(&mut self, h: usize) -> Option<Resolution> {
        let (property, country) = self.described_role(h)?;
        let persons = self.holders(&property, country);
        match persons.as_slice() {
            [p] => Some(Resolution::Entities(vec![*p], Via::Role)),
            _ => None,
        }
    }

    /// The role and country of a role-noun head (`Russia's foreign minister`), if it is one.
    fn described_role(&self, h: usize) -> Option<(String, Option<usize>)> {
        let doc = self.doc;
        let t = &doc.tokens[h];
        if t.tag != "NN" && t.tag != "NNP" {
            return None;
        }
        let mut toks: Vec<usize> = children(doc, h)
            .filter(|&c| c < h && TITLE_DEPS.contains(&doc.tokens[c].dep.as_str()))
            .collect();
        if toks
            .iter()
            .any(|&c| self.entity_at(c).is_some_and(|e| self.drafts[e].person))
        {
            return None;
        }
        toks.push(h);
        let (role, country) = self.role_of(&toks);
        // The head itself must be the role noun (`his foreign minister father` is a father).
        let head = doc.token_text(h).to_lowercase();
        let lemma = doc.tokens[h].lemma.to_lowercase();
        let head_is_role = [head.as_str(), lemma.as_str()]
            .iter()
            .any(|w| self.lex.mapper.role_in(w).is_some());
        let role = role.filter(|_| head_is_role);
        role.map(|r| (r, country))
    }

    /// Distinct persons holding `property` (or a sub-property) compatibly with `country`.
    fn holders(&self, property: &str, country: Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        for (p, prop, c) in &self.person_roles {
            let compatible = match (country, c) {
                (Some(a), Some(b)) => self.find(a) == self.find(*b),
                _ => true,
            };
            if compatible && self.lex.is_subproperty(prop, property) {
                let p = self.find(*p);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// `Russia's foreign minister said` elsewhere in the document gives a titled foreign minister whose
    /// country was not stated (`Foreign Minister Sergei Lavrov`) that country.
    fn countries_from_descriptions(&mut self) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        for h in 0..doc.tokens.len() {
            if self.entity_at(h).is_some() {
                continue;
            }
            let Some((property, Some(country))) = self.described_role(h) else {
                continue;
            };
            let open: Vec<usize> = self
                .person_roles
                .iter()
                .filter(|(_, prop, c)| c.is_none() && *prop == property)
                .map(|(p, _, _)| self.find(*p))
                .collect();
            let placed = self.holders(&property, Some(country));
            // A description in a sentence that names the holder is someone else (`Bush met the French
            // president`).
            let named_beside = |p: usize| {
                self.mention_tokens
                    .iter()
                    .any(|&(t, e)| self.sent_of[t] == self.sent_of[h] && self.find(e) == p)
            };
            if let [p] = open.as_slice()
                && placed.iter().all(|q| q == p)
                && !named_beside(*p)
            {
                let p = *p;
                let Some(prop) = self
                    .person_roles
                    .iter()
                    .find(|(q, prop, c)| {
                        self.find(*q) == p
                            && c.is_none()
                            && self.lex.is_subproperty(prop, &property)
                    })
                    .map(|x| x.1.clone())
                else {
                    continue;
                };
                self.add_role(p, &prop, Some(country));
                facts.push(ContextFact {
                    subject: p,
                    property: prop,
                    object: country,
                    sentence: self.sent_of[h],
                    bytes: doc.tokens[h].start..doc.tokens[h].end,
                    rule: "role-coreference",
                    confidence: 0.75,
                });
            }
        }
        facts
    }

    /// A titled person without a country meeting their titled counterpart from country A (same office, same
    /// sentence) is from the document's other main country.
    fn countries_from_meetings(&mut self) -> Vec<ContextFact> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &(_, e) in &self.mention_tokens {
            let e = self.find(e);
            if self.is_country(e) {
                *counts.entry(e).or_default() += 1;
            }
        }
        let mut facts = Vec::new();
        let mentions = self.mention_tokens.clone();
        let roles = self.person_roles.clone();
        for (p, prop, c) in &roles {
            if c.is_some() {
                continue;
            }
            let p = self.find(*p);
            let my_tokens: Vec<usize> = mentions
                .iter()
                .filter(|m| self.find(m.1) == p)
                .map(|m| m.0)
                .collect();
            // A title with an organisation or a nationality (`European Central Bank President X`,
            // `Palestinian President Y`) says whose office it is, even where that did not resolve to a country.
            if my_tokens.iter().any(|&tok| self.title_names_an_owner(tok)) {
                continue;
            }
            for &tok in &my_tokens {
                let s = self.sent_of[tok];
                let other = roles.iter().find_map(|(q, qprop, qc)| {
                    let q = self.find(*q);
                    let same_sentence = mentions
                        .iter()
                        .any(|m| self.find(m.1) == q && self.sent_of[m.0] == s);
                    (q != p && qprop == prop && same_sentence)
                        .then_some(*qc)
                        .flatten()
                });
                let Some(a) = other else { continue };
                let a = self.find(a);
                let mut ranked: Vec<(usize, usize)> = counts
                    .iter()
                    .filter(|(e, _)| **e != a)
                    .map(|(e, n)| (*n, *e))
                    .collect();
                ranked.sort_unstable_by(|x, y| y.cmp(x));
                let Some(&(_, b)) = ranked.first() else {
                    continue;
                };
                // Only a clear second country (twice as many mentions as any other) is the other side.
                if ranked.get(1).is_some_and(|r| 2 * r.0 > ranked[0].0) {
                    continue;
                }
                self.add_role(p, prop, Some(b));
                facts.push(ContextFact {
                    subject: p,
                    property: prop.clone(),
                    object: b,
                    sentence: s,
                    bytes: self.doc.tokens[tok].start..self.doc.tokens[tok].end,
                    rule: "bilateral-counterpart",
                    confidence: 0.4,
                });
                break;
            }
        }
        facts
    }
}

impl DocEntities<'_> {
    /// Whether the title before a person's name holds another name or a nationality word (two levels down:
    /// `Palestinian` hangs from `President`, which hangs from the name).
    fn title_names_an_owner(&self, root: usize) -> bool {
        let doc = self.doc;
        let person = self.entity_at(root).map(|e| self.find(e));
        let premodifiers = |h: usize| {
            children(doc, h).filter(move |&c| {
                c < h && matches!(doc.tokens[c].dep.as_str(), "compound" | "amod")
            })
        };
        premodifiers(root)
            .flat_map(|c| std::iter::once(c).chain(premodifiers(c)))
            .any(|i| {
                let other = self.entity_at(i).map(|e| self.find(e));
                other.is_some() && other != person || doc.tokens[i].ent_type == "NORP"
            })
    }

    /// A titled person whose country no text states holds the office of the document's main country, when
    /// one clearly leads (at least two mentions, twice those of any other) and no one else holds that office
    /// there: `President Jacob Zuma` in a story on South Africa. A default, below what the text states.
    fn countries_by_default(&mut self) -> Vec<ContextFact> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &(_, e) in &self.mention_tokens {
            let e = self.find(e);
            if self.is_country(e) {
                *counts.entry(e).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
        ranked.sort_unstable_by(|x, y| y.cmp(x));
        let Some(&(n, main)) = ranked.first() else {
            return Vec::new();
        };
        if n < 2 || ranked.get(1).is_some_and(|r| 2 * r.0 > n) {
            return Vec::new();
        }
        // A government of another country the story names (`the White House said` in a story on Iran) may
        // be the plain title's (`President Reagan`): no default then.
        let main_key = self.drafts[main].fixed_key.clone();
        let foreign_government = self.mention_tokens.iter().any(|&(_, e)| {
            self.drafts[self.find(e)]
                .fixed_key
                .as_deref()
                .is_some_and(|key| {
                    self.lex.gazetteer_facts(key).iter().any(|(p, c)| {
                        p == "jurisdiction" && Some(c.as_str()) != main_key.as_deref()
                    })
                })
        });
        if foreign_government {
            return Vec::new();
        }
        let ns = crate::ontology::NAMESPACE;
        let national =
            ["headOfStateOf", "headOfGovernmentOf", "ministerOf"].map(|p| format!("{ns}{p}"));
        let mut facts = Vec::new();
        for (p, prop, c) in self.person_roles.clone() {
            let p = self.find(p);
            let taken = self.person_roles.iter().any(|(q, qprop, qc)| {
                let q = self.find(*q);
                // Someone else holds the office there, or this person holds one elsewhere.
                (q != p && *qprop == prop && qc.is_some_and(|c| self.find(c) == main))
                    || (q == p && qc.is_some())
            });
            if self.owned_offices.iter().any(|&o| self.find(o) == p) {
                continue;
            }
            let first = self.mention_tokens.iter().find(|m| self.find(m.1) == p);
            let (None, false, Some(&(tok, _))) = (c, taken, first) else {
                continue;
            };
            if !national.iter().any(|n| self.lex.is_subproperty(&prop, n)) || !self.plain_titles(p)
            {
                continue;
            }
            self.add_role(p, &prop, Some(main));
            facts.push(ContextFact {
                subject: p,
                property: prop,
                object: main,
                sentence: self.sent_of[tok],
                bytes: self.doc.tokens[tok].start..self.doc.tokens[tok].end,
                rule: "main-country",
                confidence: 0.45,
            });
        }
        facts
    }
}

impl DocEntities<'_> {
    /// Whether every title of a person is plain: no organisation or place named in it or right before it (`ECB President X`, `the BJP (BJP) President X`)
    /// and no nationality the resolver could not place (`South African President X`).
    fn plain_titles(&self, p: usize) -> bool {
        let doc = self.doc;
        self.mention_tokens
            .iter()
            .filter(|m| self.find(m.1) == p)
            .all(|&(root, e)| {
                let (start, title) = self.title_tokens(root, self.find(e));
                let sent_start = self.sentences[self.sent_of[root]].start;
                let first = title.first().copied().unwrap_or(start);
                let near = first.saturating_sub(1).max(sent_start)..first;
                title.iter().all(|&k| {
                    self.entity_at(k).is_none()
                        && !matches!(doc.tokens[k].ent_type.as_str(), "NORP" | "GPE" | "ORG")
                }) && near.into_iter().all(|k| {
                    self.entity_at(k).is_none_or(|f| self.is_country(f))
                        && !matches!(doc.tokens[k].ent_type.as_str(), "NORP" | "ORG")
                        && doc.token_text(k) != ")"
                })
            })
    }
}

/// The other conjunct of a coordination a token is part of (`Kishida and ... Lavrov`).
fn conj_partner(doc: &crate::analysis::Doc, root: usize) -> Option<usize> {
    let t = &doc.tokens[root];
    if t.dep == "conj" {
        return Some(t.head);
    }
    children(doc, root).find(|&c| doc.tokens[c].dep == "conj")
}
