//! Defaults read once a document's affiliations are known, each with lower confidence than what the text
//! states: an office holder of a country is its citizen; a named city or region lies in its country; what
//! the gazetteer states between two entities the document names holds there (the Bundestag is Germany's);
//! an organisation is in the country of its
//! seat; whoever works for or leads an organisation of a country is its
//! citizen.

use super::affiliation::{DEFAULT, Kind, Places};
use super::assemble::dominant_country;
use super::document::DocEntities;
use super::names::name_words;
use super::roles::ContextFact;
use crate::ontology::local_name;

impl DocEntities<'_> {
    /// Defaults, each below what the text states: an office holder of a country is its citizen; a named city
    /// or region lies in its country (when the text names that country); an organisation is in the country
    /// of its seat.
    pub(super) fn defaults(
        &self,
        ns: &str,
        places: &Places,
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
            if office(&f.property) && self.kind(f.object, places) == Kind::Country {
                out.push(ContextFact {
                    property: format!("{ns}citizenOf"),
                    rule: "office-holder-citizen",
                    confidence: DEFAULT.min(f.confidence),
                    ..f.clone()
                });
            }
        }
        // Cities and regions of the places list, at their first mention.
        let mut placed = std::collections::HashSet::new();
        for &(tok, e) in &self.mention_tokens {
            let e = self.find(e);
            if !placed.insert(e) || !matches!(self.kind(e, places), Kind::Place) {
                continue;
            }
            let Some(key) = places.country(&self.drafts[e].label) else {
                continue;
            };
            if let Some(c) = self.entity_with_key(key)
                && c != e
            {
                out.push(ContextFact {
                    subject: e,
                    property: format!("{ns}country"),
                    object: c,
                    sentence: self.sent_of[tok],
                    bytes: doc.tokens[tok].start..doc.tokens[tok].end,
                    rule: "places-list",
                    confidence: 0.7,
                });
            }
        }
        // What the gazetteer states between two entities the document names (`Bundestag` in `Germany`).
        let mut stated_once = std::collections::HashSet::new();
        for &(tok, e) in &self.mention_tokens {
            let e = self.find(e);
            let Some(key) = self.drafts[e].fixed_key.as_deref() else {
                continue;
            };
            if !stated_once.insert(e) {
                continue;
            }
            for (property, other) in self.lex.gazetteer_facts(key) {
                if let Some(c) = self.entity_with_key(other)
                    && c != e
                {
                    out.push(ContextFact {
                        subject: e,
                        property: format!("{ns}{property}"),
                        object: c,
                        sentence: self.sent_of[tok],
                        bytes: doc.tokens[tok].start..doc.tokens[tok].end,
                        rule: "gazetteer",
                        confidence: 0.7,
                    });
                }
            }
        }
        // A state body named generically (`the Defense Ministry`, keyed to the document's country) is that
        // country's, unless the text says whose it is.
        if let Some(country) = dominant_country(self).and_then(|k| self.entity_with_key(&k)) {
            let mut seen = std::collections::HashSet::new();
            for &(tok, e) in &self.mention_tokens {
                let e = self.find(e);
                let d = &self.drafts[e];
                if d.fixed_key.is_some()
                    || d.person
                    || d.description
                    || !self.lex.words.is_generic_name(&d.label)
                    // `Defense Ministry`, not `Commission` alone (the EC's, in a story about Syria).
                    || name_words(&d.label).len() < 2
                    || !self.is_state_body(e)
                    || !seen.insert(e)
                    || found.iter().any(|f| {
                        self.find(f.subject) == e
                            && ["country", "jurisdiction"]
                                .contains(&local_name(&f.property).as_str())
                    })
                {
                    continue;
                }
                for property in ["country", "jurisdiction"] {
                    out.push(ContextFact {
                        subject: e,
                        property: format!("{ns}{property}"),
                        object: country,
                        sentence: self.sent_of[tok],
                        bytes: doc.tokens[tok].start..doc.tokens[tok].end,
                        rule: "national-institution",
                        confidence: DEFAULT,
                    });
                }
            }
        }
        for f in found {
            if local_name(&f.property) != "headquarteredIn" {
                continue;
            }
            let Some(key) = places.country(&self.drafts[self.find(f.object)].label) else {
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
        out.extend(self.citizens_of_organisations(ns, places, found, &out));
        out
    }

    /// Whoever works for, leads or is a member of an organisation of a country, or holds an office of one of
    /// its cities or regions, is its citizen by default (`Chinese Ministry of Commerce spokesman X`). Players
    /// are not: clubs field foreigners.
    fn citizens_of_organisations(
        &self,
        ns: &str,
        places: &Places,
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
            if self.kind(person, places) != Kind::Person {
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
                if plays { None } else { country_of(f.object) }
            } else if is(f, "officialOf") && self.kind(f.object, places) == Kind::Place {
                places
                    .country(&self.drafts[self.find(f.object)].label)
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
