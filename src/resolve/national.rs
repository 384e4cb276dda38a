//! Generic institution names read as one country's entity (`the Social Democrats`, `Congress`, `the
//! Greens`): which country's, from what the document says about the countries around the name.

use super::assemble::{
    coordinated_country, dominant_and_named_countries, place_country, stated_country,
};
use super::document::{DocEntities, Draft, mention_token_range};
use super::lexicon::Canonical;
use std::collections::{BTreeSet, HashSet};

/// How many times as often as another country the leading one must be named to keep a generic name that
/// only the other country gives a reading (`the Greens` in a story about Turkey that names Germany a
/// third as often are Germany's; named once in ten mentions of France they stay France's own).
pub const LEADING_MARGIN: usize = 3;

/// (mentions, country key) of the countries a document names, most named first.
type NamedCountries = [(usize, String)];

impl DocEntities<'_> {
    /// Generic institution names (`Social Democrats`, `Congress`) that the gazetteer says stand for one
    /// entity in the news of a country join that entity. Which country's, in order:
    /// - the country the name is written after (`German Social Democrats`), else the one the text puts
    ///   right before it (`Germany's Foreign Ministry`), else that of the gazetteer's organisations
    ///   coordinated with it (`the CDU, SPD and Greens`); a country so stated that has no reading keeps
    ///   the name its own;
    /// - the one reading the document names by another name (`the Social Democrats` in a story about
    ///   France that writes `Germany's SPD`, `the Senate` in one about Mexico that writes `U.S. Senate`);
    /// - the one country with a reading that the sentences of the name name, where they do not name the
    ///   leading country (`she told Parliament that the bid by the U.K.'s Cable and Wireless ...` in a
    ///   story about Japan): countries and the gazetteer's national entities (`the White House`), not
    ///   places, which are often only where people meet (`before a Senate subcommittee, X said there was
    ///   broad recognition in Paris`);
    /// - the document's leading country, when it has a reading;
    /// - else the country named most often among those the document names that have a reading, if no
    ///   other such is named as often (`Democrats` in a story naming the US as often as Mexico), and, for
    ///   a name other countries' institutions share (`Senate`, not `Justice Department`), if it is named
    ///   twice or more and the leading country at most [`LEADING_MARGIN`] times as often (`the Senate`
    ///   in a story about Iraq that names the US nearly as often), and no sentence of the name names the
    ///   leading country or its places without the other (`In the capital Lisbon, both houses of
    ///   Parliament` in a story about Portugal).
    ///
    /// Elsewhere the names stay that country's own (see the keys of generic names). Names with a country
    /// of their own go first, so that the entity they join is in the document for the bare names.
    pub(super) fn link_national(&mut self) {
        let (dominant, named) = dominant_and_named_countries(self);
        let mut names: Vec<(usize, String, Option<String>)> = Vec::new();
        for e in 0..self.drafts.len() {
            let d = &self.drafts[e];
            if self.find(e) != e
                || d.label.is_empty()
                || d.class.is_some()
                || d.description
                || d.person
            {
                continue;
            }
            // A country written in the name (`German Social Democrats`) before one the text puts beside it.
            names.push(match self.lex.country_and_generic(&d.label) {
                Some((rest, country)) => (e, rest, Some(country)),
                None => (
                    e,
                    d.label.clone(),
                    stated_country(self, e).or_else(|| coordinated_country(self, e)),
                ),
            });
        }
        names.sort_by_key(|(e, _, stated)| (stated.is_none(), *e));
        for (e, name, stated) in names {
            let reading = match stated {
                Some(country) => self.lex.national_name(&name, &country).cloned(),
                None => self.national_reading(e, &name, dominant.as_deref(), &named),
            };
            let Some(c) = reading else {
                continue;
            };
            let target = self.intern(&c.key, || Draft {
                label: c.label.clone(),
                fixed_key: Some(c.key.clone()),
                class: Some(c.class.clone()),
                ..Draft::default()
            });
            self.merge(target, e);
        }
    }

    /// The entity a generic name of entity `e` stands for where the text states no country for it (the
    /// last four steps of [`DocEntities::link_national`]).
    fn national_reading(
        &self,
        e: usize,
        name: &str,
        dominant: Option<&str>,
        named: &NamedCountries,
    ) -> Option<Canonical> {
        // Most names have no reading anywhere: nothing to weigh.
        self.lex.national_readings(name).next()?;
        let mut here = self.lex.national_readings(name).filter(|(_, c)| {
            self.by_key.get(&c.key).is_some_and(|&x| {
                let x = self.find(x);
                x != e && !self.drafts[x].mentions.is_empty()
            })
        });
        if let (Some((_, c)), None) = (here.next(), here.next()) {
            return Some(c.clone());
        }
        let (around, around_places) = self.countries_in_sentences_of(e);
        if dominant.is_none_or(|lead| !around.contains(lead)) {
            let mut in_sentence = self
                .lex
                .national_readings(name)
                .filter(|(country, _)| around.contains(country));
            if let (Some((_, c)), None) = (in_sentence.next(), in_sentence.next()) {
                return Some(c.clone());
            }
        }
        if let Some(c) = dominant.and_then(|country| self.lex.national_name(name, country)) {
            return Some(c.clone());
        }
        let mut readings = named.iter().filter_map(|(n, country)| {
            self.lex
                .national_name(name, country)
                .map(|c| (*n, country.as_str(), c))
        });
        let (n, reading_country, first) = readings.next()?;
        if readings.next().is_some_and(|(m, _, _)| m >= n) {
            return None;
        }
        if !self.lex.words.is_generic_name(name) {
            return Some(first.clone());
        }
        let Some(lead) = dominant else {
            return Some(first.clone());
        };
        let leading = named.iter().find(|(_, k)| k == lead).map_or(0, |(m, _)| *m);
        // A sentence that names the leading country (or its places) around the name and not the other
        // puts the name in the leading country (`In the capital Madrid, both houses of Parliament`).
        let named_around =
            |country: &str| around.contains(country) || around_places.contains(country);
        let located_in_leading = named_around(lead) && !named_around(reading_country);
        (n >= 2 && n * LEADING_MARGIN >= leading && !located_in_leading).then(|| first.clone())
    }

    /// The countries the sentences of an entity's mentions name, read once: those of the country entities
    /// and of the gazetteer entities they name (`the Bundestag`), and apart those of the places they name
    /// (`Madrid`).
    fn countries_in_sentences_of(&self, e: usize) -> (HashSet<&str>, HashSet<&str>) {
        let doc = self.doc;
        let sentences: BTreeSet<usize> = self.drafts[e]
            .mentions
            .iter()
            .filter_map(|m| mention_token_range(doc, m))
            .map(|r| self.sent_of[r.start])
            .collect();
        let (mut named, mut places) = (HashSet::new(), HashSet::new());
        for s in sentences {
            for t in self.sentences[s].tokens() {
                let Some(x) = self.token_entity[t].map(|x| self.find(x)) else {
                    continue;
                };
                let d = &self.drafts[x];
                match d.fixed_key.as_deref() {
                    Some(key) if d.class.as_deref() == Some("Country") => {
                        named.insert(key);
                    }
                    Some(key) => named.extend(self.lex.gazetteer_countries(key)),
                    None => {}
                }
                places.extend(place_country(self.lex, d));
            }
        }
        (named, places)
    }
}
