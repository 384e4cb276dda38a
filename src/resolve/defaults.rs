//! Defaults read once a document's affiliations are known, each with lower confidence than what the text
//! states: an office holder of a country is its citizen; a named city or region lies in its country; what
//! the gazetteer states between two entities the document names holds there (the Bundestag is Germany's);
//! a state body named generically is the story's country's; an organisation is in the country of its seat;
//! a national team is its country's; whoever works for or leads an organisation of a country, or plays
//! for its national team, is its citizen.

use super::affiliation::{DEFAULT, Kind};
use super::assemble::dominant_country;
use super::document::DocEntities;
use super::names::name_words;
use super::roles::ContextFact;
use crate::ontology::local_name;

impl DocEntities<'_> {
    /// Defaults, each below what the text states (see the module doc); the facts read from world knowledge
    /// are placed at the entity's first mention.
    pub(super) fn defaults(
        &self,
        ns: &str,
        stated: &[ContextFact],
        found: &[ContextFact],
    ) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut out = Vec::new();
        let office = |p: &str| {
            let p = format!("{ns}{}", local_name(p));
            self.lex.is_subproperty(&p, &format!("{ns}officialOf"))
        };
        for f in stated {
            if office(&f.property) && self.kind(f.object) == Kind::Country {
                out.push(ContextFact {
                    property: format!("{ns}citizenOf"),
                    rule: "office-holder-citizen",
                    confidence: DEFAULT.min(f.confidence),
                    ..f.clone()
                });
            }
        }
        // A fact read at an entity's first mention (where it is stated from world knowledge).
        let at = |tok: usize, subject: usize, property: &str, object: usize, rule, confidence| {
            ContextFact {
                subject,
                property: format!("{ns}{property}"),
                object,
                sentence: self.sent_of[tok],
                bytes: doc.tokens[tok].start..doc.tokens[tok].end,
                rule,
                confidence,
            }
        };
        let country = dominant_country(self).and_then(|k| self.entity_with_key(&k));
        for (tok, e) in self.first_mentions() {
            let d = &self.drafts[e];
            // Cities and regions of the places list, in their country when the document names it.
            if matches!(self.kind(e), Kind::Place)
                && let Some(c) = self
                    .lex
                    .place_country(&d.label)
                    .and_then(|key| self.entity_with_key(key))
                    .filter(|&c| c != e)
            {
                out.push(at(tok, e, "country", c, "places-list", 0.7));
            }
            // A national team is its country's, when the document names the country as well.
            if let Some(c) = d
                .national_team_of
                .as_deref()
                .and_then(|key| self.entity_with_key(key))
                .filter(|&c| c != e)
            {
                out.push(at(tok, e, "country", c, "national-team", 0.7));
            }
            // What the gazetteer states between two entities the document names (`Bundestag` in `Germany`).
            for (property, other) in d
                .fixed_key
                .as_deref()
                .map_or(&[][..], |key| self.lex.gazetteer_facts(key))
            {
                if let Some(c) = self.entity_with_key(other).filter(|&c| c != e) {
                    out.push(at(tok, e, property, c, "gazetteer", 0.7));
                }
            }
            // A state body named generically (`the Defense Ministry`, keyed to the document's country) is
            // that country's, unless the text says whose it is; `Defense Ministry`, not `Commission` alone
            // (the EC's, in a story about Syria).
            if let Some(c) = country
                && d.fixed_key.is_none()
                && !d.person
                && !d.description
                && self.lex.words.is_generic_name(&d.label)
                && name_words(&d.label).len() >= 2
                && self.is_state_body(e)
                && !found.iter().any(|f| {
                    self.find(f.subject) == e
                        && ["country", "jurisdiction"].contains(&local_name(&f.property).as_str())
                })
            {
                for property in ["country", "jurisdiction"] {
                    out.push(at(tok, e, property, c, "national-institution", DEFAULT));
                }
            }
        }
        for f in found {
            if local_name(&f.property) != "headquarteredIn" {
                continue;
            }
            let Some(key) = self
                .lex
                .place_country(&self.drafts[self.find(f.object)].label)
            else {
                continue;
            };
            if let Some(c) = self.entity_with_key(key) {
                out.push(ContextFact {
                    property: format!("{ns}country"),
                    object: c,
                    rule: "seat-country",
                    confidence: DEFAULT,
                    ..f.clone()
                });
            }
        }
        out.extend(self.citizens_of_organisations(ns, found, &out));
        out
    }

    /// Each named entity of the document (its cluster's root) with the token of its first mention.
    fn first_mentions(&self) -> Vec<(usize, usize)> {
        let mut seen = std::collections::HashSet::new();
        self.mention_tokens
            .iter()
            .map(|&(tok, e)| (tok, self.find(e)))
            .filter(|&(_, e)| seen.insert(e))
            .collect()
    }

    /// Whoever works for, leads or is a member of an organisation of a country, or holds an office of one of
    /// its cities or regions, is its citizen by default (`Chinese Ministry of Commerce spokesman X`). Players
    /// are not: clubs field foreigners.
    fn citizens_of_organisations(
        &self,
        ns: &str,
        found: &[ContextFact],
        defaults: &[ContextFact],
    ) -> Vec<ContextFact> {
        let is = |f: &ContextFact, p: &str| local_name(&f.property) == p;
        let country_of = |org: usize| {
            found
                .iter()
                .chain(defaults)
                .find(|f| is(f, "country") && self.find(f.subject) == self.find(org))
                .map(|f| f.object)
        };
        let mut out: Vec<ContextFact> = Vec::new();
        for f in found {
            let person = self.find(f.subject);
            if self.kind(person) != Kind::Person {
                continue;
            }
            let country = if ["memberOf", "employedBy", "leaderOf"]
                .iter()
                .any(|p| is(f, p))
            {
                let plays = found.iter().any(|g| {
                    is(g, "playsFor")
                        && self.find(g.subject) == person
                        && self.find(g.object) == self.find(f.object)
                });
                // A national team's players are its country's citizens.
                let national = self.drafts[self.find(f.object)].national_team_of.is_some();
                if plays && !national {
                    None
                } else {
                    country_of(f.object)
                }
            } else if is(f, "officialOf") && self.kind(f.object) == Kind::Place {
                self.lex
                    .place_country(&self.drafts[self.find(f.object)].label)
                    .and_then(|key| self.entity_with_key(key))
            } else {
                None
            };
            let Some(c) = country else { continue };
            if out
                .iter()
                .any(|g| self.find(g.subject) == person && g.object == c)
            {
                continue;
            }
            out.push(ContextFact {
                subject: person,
                property: format!("{ns}citizenOf"),
                object: c,
                rule: "organisation-citizen",
                confidence: 0.5,
                ..f.clone()
            });
        }
        out
    }
}
