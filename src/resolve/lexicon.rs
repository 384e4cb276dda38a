//! What resolution reads from the ontology, indexed: the gazetteer by name and demonym, class head nouns,
//! NER labels, word lists, and the known entities of earlier documents.

use super::names::{NameWords, name_key, name_words, phonetic_word, slug};
use super::relations::RelationMapper;
use super::variants::one_edit;
use crate::analysis::Doc;
use crate::ontology::{Ontology, local_name};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An entity already in the store (or resolved in an earlier document), for cross-document resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownEntity {
    /// Its key.
    pub key: String,
    /// Its preferred label.
    pub label: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Class local name.
    pub class: String,
}

/// A gazetteer or known entity a name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Canonical {
    pub key: String,
    pub label: String,
    pub class: String,
}

/// NER labels that are values, not entities.
pub(crate) const VALUE_LABELS: &[&str] = &[
    "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT",
];

/// How many different sports words make a sports report.
const SPORTS_REPORT_WORDS: usize = 3;

/// The indexed vocabulary resolution works with.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub mapper: RelationMapper,
    /// Honorifics, titles, designators and the other word lists names are read with.
    pub words: NameWords,
    /// Lower-case name (label or alternative label) -> gazetteer entity.
    names: HashMap<String, Canonical>,
    /// Lower-case demonym -> gazetteer entity.
    demonyms: HashMap<String, Canonical>,
    /// Gazetteer key -> what the gazetteer states of it: (property local name, other gazetteer key).
    gazetteer_facts: HashMap<String, Vec<(String, String)>>,
    /// Lower-case name a club goes by in sports reports (`kg:sportsName`) -> the club.
    sports_names: HashMap<String, Canonical>,
    /// Lower-case place name that stands for an organisation the document names too (`kg:agentName`).
    agent_names: HashMap<String, Canonical>,
    /// Lower-case nickname (`kg:nickname`) -> the gazetteer keys of the entities that go by it.
    nicknames: HashMap<String, Vec<String>>,
    /// Lower-case nickname of a national team (`kg:teamNickname`) -> the countries whose team goes by it.
    team_nicknames: HashMap<String, Vec<Canonical>>,
    /// Lower-case name a state shares with a better-known entity (`kg:stateName`) -> the state.
    state_names: HashMap<String, Canonical>,
    /// Lower-case generic name -> country key -> the gazetteer entity it names in that country's news.
    national: HashMap<String, BTreeMap<String, Canonical>>,
    /// Lower-case head noun (or two-word compound) -> class local name.
    head_nouns: HashMap<String, String>,
    /// NER label -> class local name.
    ner: HashMap<String, String>,
    /// Local names of the classes of places (`kg:Place` and its subclasses).
    place_classes: HashSet<String>,
    /// Local names of `kg:Organization` and its subclasses.
    organisation_classes: HashSet<String>,
    /// Local names of `kg:SportsClub` and its subclasses.
    club_classes: HashSet<String>,
    /// Lower-case names of places: the gazetteer's places and the places list's cities and regions.
    place_names: HashSet<String>,
    /// Lower-case names of the places list's cities and regions -> the gazetteer key of their country.
    place_country: HashMap<String, String>,
    /// Lower-case names that one place of the places list alone has -> the key of its first such name, so
    /// that all its names are one entity (`Frankfurt`, `Frankfurt am Main`; `Hanover`, `Hannover`).
    place_keys: HashMap<String, String>,
    /// The gazetteer's and the places list's names of two words or more, as written, with the NER label of
    /// their class.
    gazetteer_forms: HashMap<String, &'static str>,
    /// Gazetteer key -> its names (label and alternative labels) as written.
    gazetteer_names: HashMap<String, Vec<String>>,
    /// Known entities: key -> entity; lower-case alias -> key; phonetic surname -> keys of persons.
    known: HashMap<String, KnownEntity>,
    known_names: HashMap<String, String>,
    known_surnames: HashMap<String, Vec<String>>,
    /// Property IRI -> itself and all its super-properties.
    ancestors: HashMap<String, Vec<String>>,
    /// Lemmas that mark a sports report (`kg:sportsReportWords`).
    sports_words: HashSet<String>,
    /// Title words that make a person a player of the team beside them (`kg:playerWords`).
    pub player_words: HashSet<String>,
    /// Title words that make a person work for the organisation beside them (`kg:staffWords`).
    pub staff_words: HashSet<String>,
    /// Title words that make a country or organisation a member of the organisation beside them
    /// (`kg:memberWords`).
    pub member_words: HashSet<String>,
    /// Last words of the names of state bodies (`kg:stateBodyWords`).
    pub state_body_words: HashSet<String>,
    /// Words after a place that make it an organisation's seat (`kg:seatWords`: `Berlin-based`).
    pub seat_words: HashSet<String>,
    /// Modifiers that make a description a subset or another referent (`kg:subsetWords`).
    pub subset_words: HashSet<String>,
    /// Nouns that, bare after `the`, name the company a story is about (`kg:companyNouns`).
    pub company_nouns: HashSet<String>,
    /// Prepositions whose object is a place where something is or goes (`kg:locativePrepositions`).
    pub locative_prepositions: HashSet<String>,
    /// Prepositions that only place or date a reciprocal verb (`kg:reciprocalAdjuncts`).
    pub reciprocal_adjuncts: HashSet<String>,
    /// Verbs, prepositions and title words that make a country a side in a sports report
    /// (`kg:sideVerbs`, `kg:sidePrepositions`, `kg:sideTitleWords` with `kg:playerWords`).
    pub side_verbs: HashSet<String>,
    pub side_prepositions: HashSet<String>,
    pub side_title_words: HashSet<String>,
    /// Nouns of a match whose possessor is a side (`kg:sideNouns`: `Germany's win`).
    pub side_nouns: HashSet<String>,
    /// Prepositions that take the other side after a side verb or side noun (`kg:matchPrepositions`: a win
    /// over Nigeria, playing for Peru).
    pub match_prepositions: HashSet<String>,
    /// Words that make a person described with an organisation someone outside it (`kg:outsiderWords`).
    pub outsider_words: HashSet<String>,
    /// Nouns of people who study or report on a country, whose name before them is their subject, not their
    /// nationality (`Mali expert X`; `kg:subjectMatterWords`).
    pub subject_matter_words: HashSet<String>,
    /// Nouns of a person who represents a country to an organisation (`kg:envoyWords`).
    pub envoy_words: HashSet<String>,
    /// Phrases that give the name before them another name (`kg:aliasPhrases`), as lower-case words.
    pub alias_phrases: Vec<Vec<String>>,
    /// Nouns only a person can be, besides role nouns and player and staff words (`kg:personNouns`).
    pub person_nouns: HashSet<String>,
    /// Ministers' titles whose portfolio comes before them (`kg:portfolioTitleWords`).
    pub portfolio_title_words: HashSet<String>,
    /// Words that make a leading role someone else's second (`kg:subordinateRoleWords`: vice president).
    pub subordinate_role_words: HashSet<String>,
    /// The grades of credit rating agencies' scales, lower case (`kg:creditRatingGrades`: `bbb`, `baa`).
    pub rating_grades: HashSet<String>,
    /// Lemmas of a sentence about credit ratings (`kg:creditRatingWords`: `rate`, `downgrade`).
    pub rating_words: HashSet<String>,
}

impl Lexicon {
    pub fn new(onto: &Ontology) -> Self {
        let set = |name: &str| onto.word_list(name).iter().cloned().collect::<HashSet<_>>();
        let mut lex = Lexicon {
            mapper: RelationMapper::new(onto),
            words: NameWords::new(onto),
            sports_words: set("sportsReportWords"),
            player_words: set("playerWords"),
            staff_words: set("staffWords"),
            member_words: set("memberWords"),
            state_body_words: set("stateBodyWords"),
            seat_words: set("seatWords"),
            subset_words: set("subsetWords"),
            company_nouns: set("companyNouns"),
            locative_prepositions: set("locativePrepositions"),
            reciprocal_adjuncts: set("reciprocalAdjuncts"),
            side_verbs: set("sideVerbs"),
            side_prepositions: set("sidePrepositions"),
            match_prepositions: set("matchPrepositions"),
            side_nouns: set("sideNouns"),
            side_title_words: &set("sideTitleWords") | &set("playerWords"),
            outsider_words: set("outsiderWords"),
            subject_matter_words: set("subjectMatterWords"),
            envoy_words: set("envoyWords"),
            alias_phrases: set("aliasPhrases")
                .iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
            person_nouns: set("personNouns"),
            portfolio_title_words: set("portfolioTitleWords"),
            subordinate_role_words: set("subordinateRoleWords"),
            rating_grades: set("creditRatingGrades"),
            rating_words: set("creditRatingWords"),
            ..Lexicon::default()
        };
        for g in onto.gazetteer() {
            let canon = Canonical {
                key: local_name(&g.iri),
                label: g.label.clone(),
                class: local_name(&g.class),
            };
            for n in std::iter::once(&g.label).chain(&g.alt_labels) {
                lex.names
                    .entry(n.to_lowercase())
                    .or_insert_with(|| canon.clone());
            }
            for d in &g.demonyms {
                lex.demonyms
                    .entry(d.to_lowercase())
                    .or_insert_with(|| canon.clone());
            }
            for n in &g.sports_names {
                lex.sports_names
                    .entry(n.to_lowercase())
                    .or_insert_with(|| canon.clone());
            }
            for n in &g.agent_names {
                lex.agent_names
                    .entry(n.to_lowercase())
                    .or_insert_with(|| canon.clone());
            }
            for n in &g.nicknames {
                lex.nicknames
                    .entry(n.to_lowercase())
                    .or_default()
                    .push(canon.key.clone());
            }
            for n in &g.team_nicknames {
                lex.team_nicknames
                    .entry(n.to_lowercase())
                    .or_default()
                    .push(canon.clone());
            }
            for n in &g.state_names {
                lex.state_names.insert(n.to_lowercase(), canon.clone());
            }
        }
        let country_keys: HashMap<&str, String> = onto
            .gazetteer()
            .iter()
            .filter_map(|g| Some((g.country_code.as_deref()?, local_name(&g.iri))))
            .collect();
        for g in onto.gazetteer() {
            let Some(country) = g
                .national_country
                .as_deref()
                .and_then(|c| country_keys.get(c))
            else {
                continue;
            };
            let canon = Canonical {
                key: local_name(&g.iri),
                label: g.label.clone(),
                class: local_name(&g.class),
            };
            for n in &g.national_names {
                lex.national
                    .entry(lex.words.generic_form(n))
                    .or_default()
                    .entry(country.clone())
                    .or_insert_with(|| canon.clone());
            }
        }
        for c in onto.classes() {
            for n in &c.head_nouns {
                lex.head_nouns
                    .entry(n.clone())
                    .or_insert_with(|| c.local.clone());
            }
            if onto.is_subclass_of(&c.local, "Place") {
                lex.place_classes.insert(c.local.clone());
            }
            if onto.is_subclass_of(&c.local, "Organization") {
                lex.organisation_classes.insert(c.local.clone());
            }
            if onto.is_subclass_of(&c.local, "SportsClub") {
                lex.club_classes.insert(c.local.clone());
            }
            for l in &c.ner_labels {
                lex.ner.entry(l.clone()).or_insert_with(|| c.local.clone());
            }
        }
        for g in onto.gazetteer() {
            if !g.facts.is_empty() {
                lex.gazetteer_facts.insert(
                    local_name(&g.iri),
                    g.facts
                        .iter()
                        .map(|(p, o)| (local_name(p), local_name(o)))
                        .collect(),
                );
            }
            let class = local_name(&g.class);
            let place = lex.place_classes.contains(&class);
            if place {
                // A region the gazetteer places in a country lies there as a listed one does (`Wales`).
                let country = lex
                    .gazetteer_countries(&local_name(&g.iri))
                    .next()
                    .filter(|_| class != "Country")
                    .map(str::to_string);
                for n in std::iter::once(&g.label).chain(&g.alt_labels) {
                    lex.place_names.insert(n.to_lowercase());
                    if let Some(c) = &country {
                        lex.place_country.insert(n.to_lowercase(), c.clone());
                    }
                }
            }
            let label = match class.as_str() {
                "Person" => "PERSON",
                _ if place => "GPE",
                _ => "ORG",
            };
            lex.gazetteer_names
                .entry(local_name(&g.iri))
                .or_default()
                .extend(std::iter::once(&g.label).chain(&g.alt_labels).cloned());
            for n in std::iter::once(&g.label).chain(&g.alt_labels) {
                if name_words(n).len() >= 2 && n.chars().any(char::is_uppercase) {
                    lex.gazetteer_forms.entry(n.clone()).or_insert(label);
                }
            }
        }
        let mut places_named: HashMap<String, usize> = HashMap::new();
        for p in onto.places() {
            let mut own: Vec<String> = p.names.iter().map(|n| n.to_lowercase()).collect();
            own.sort();
            own.dedup();
            for n in own {
                *places_named.entry(n).or_default() += 1;
            }
        }
        // `kg:placeNameAbbreviations`: `st saint` and the like.
        let abbreviations: HashMap<&str, &str> = onto
            .word_list("placeNameAbbreviations")
            .iter()
            .filter_map(|e| e.split_once(' '))
            .collect();
        for p in onto.places() {
            let own = |n: &&String| places_named.get(&n.to_lowercase()) == Some(&1);
            // Keyed by its first name that no other place has (`Luhansk Oblast`, where the city is
            // `Luhansk` too).
            if let Some(first) = p.names.iter().find(own) {
                let key = entity_key(first, false);
                // Only names that begin as it does, or one letter apart (`Frankfurt`, `Hanover`): the
                // list's names in other languages are often another thing's name in English (`San Paolo`).
                // An abbreviation opens a name as its word does (`St Petersburg`, `Saint Petersburg`).
                let opening = |n: &str| {
                    let words = name_words(n);
                    words
                        .first()
                        .and_then(|w| w.split('-').next())
                        .map(phonetic_word)
                        .map(|w| {
                            abbreviations
                                .get(w.as_str())
                                .map_or(w, |full| full.to_string())
                        })
                };
                let first_opening = opening(first);
                let same_start = |n: &String| match (opening(n), first_opening.as_ref()) {
                    (Some(a), Some(b)) => a == *b || a.chars().count() >= 4 && one_edit(&a, b),
                    _ => false,
                };
                for n in p.names.iter().filter(own).filter(|n| same_start(n)) {
                    lex.place_keys.insert(n.to_lowercase(), key.clone());
                }
            }
            let country = country_keys.get(p.country_code.as_str());
            for n in &p.names {
                lex.place_names.insert(n.to_lowercase());
                // `Lower Saxony`, `Saxony-Anhalt` whole, where NER tagged `Saxony` alone.
                if n.contains([' ', '-']) {
                    lex.gazetteer_forms.entry(n.clone()).or_insert("GPE");
                }
                if let Some(c) = country {
                    lex.place_country
                        .entry(n.to_lowercase())
                        .or_insert_with(|| c.clone());
                }
            }
        }
        let iris: Vec<&str> = onto.properties().map(|p| p.iri.as_str()).collect();
        for p in &iris {
            let sup: Vec<String> = iris
                .iter()
                .filter(|q| onto.is_subproperty_of(p, q))
                .map(|q| q.to_string())
                .collect();
            lex.ancestors.insert(p.to_string(), sup);
        }
        lex
    }

    /// Whether the document reads as a sports report: [`SPORTS_REPORT_WORDS`] different lemmas of
    /// `kg:sportsReportWords` occur in it (one `league` or `match` does not make one).
    pub fn is_sports_report(&self, doc: &Doc) -> bool {
        let mut seen: Vec<&str> = Vec::new();
        for t in &doc.tokens {
            // Lemmas of common nouns are lower case already: no copy for them.
            let word = if t.lemma.chars().any(char::is_uppercase) {
                self.sports_words.get(&t.lemma.to_lowercase())
            } else {
                self.sports_words.get(t.lemma.as_str())
            };
            if let Some(w) = word
                && !seen.contains(&w.as_str())
            {
                seen.push(w);
                if seen.len() >= SPORTS_REPORT_WORDS {
                    return true;
                }
            }
        }
        false
    }

    /// Whether property `sub` is `sup` or narrower (IRIs).
    pub fn is_subproperty(&self, sub: &str, sup: &str) -> bool {
        sub == sup
            || self
                .ancestors
                .get(sub)
                .is_some_and(|a| a.iter().any(|x| x == sup))
    }

    /// Adds (or updates) a known entity.
    pub fn learn(&mut self, e: KnownEntity) {
        for n in std::iter::once(&e.label).chain(&e.aliases) {
            self.known_names.insert(n.to_lowercase(), e.key.clone());
        }
        if e.class == "Person"
            && let Some(last) = name_words(&e.label).last()
            && name_words(&e.label).len() > 1
        {
            let keys = self.known_surnames.entry(phonetic_word(last)).or_default();
            if !keys.contains(&e.key) {
                keys.push(e.key.clone());
            }
        }
        self.known.insert(e.key.clone(), e);
    }

    /// The gazetteer's and the places list's names of two words or more as written (`Islamic State`, `Lower
    /// Saxony`), each with the NER label of its class (`PERSON`, `GPE` for places, `ORG` otherwise).
    pub fn gazetteer_forms(&self) -> &HashMap<String, &'static str> {
        &self.gazetteer_forms
    }

    /// The names of the gazetteer entity with key `key`, as written (none for another key).
    pub fn gazetteer_names_of(&self, key: &str) -> &[String] {
        self.gazetteer_names.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether a name is a place's that the gazetteer or the places list knows (`Dortmund`, `Gaza`).
    pub fn is_place_name(&self, name: &str) -> bool {
        self.place_names.contains(&name.to_lowercase())
    }

    /// The gazetteer entity a generic name (`Social Democrats`) stands for in the news of a country (the
    /// key of its gazetteer entry), if the gazetteer says so.
    pub fn national_name(&self, name: &str, country: &str) -> Option<&Canonical> {
        self.national
            .get(&self.words.generic_form(name))?
            .get(country)
    }

    /// Every country in whose news the gazetteer reads a generic name as one of its entities, with that
    /// entity, in order of the countries' keys (`Greens`: Germany's Alliance 90/The Greens, ...).
    pub fn national_readings(&self, name: &str) -> impl Iterator<Item = (&str, &Canonical)> {
        self.national
            .get(&self.words.generic_form(name))
            .into_iter()
            .flatten()
            .map(|(country, c)| (country.as_str(), c))
    }

    /// A generic name written after its country's name or adjective (`US Senate`, `Dutch
    /// Finance Ministry`, `German Social Democrats`): the generic name and the country's key. `None` for
    /// any other name.
    pub fn country_and_generic(&self, name: &str) -> Option<(String, String)> {
        self.opening_countries(name).find_map(|(country, rest)| {
            self.words
                .is_generic_name(&rest)
                .then(|| (rest, country.key.clone()))
        })
    }

    /// The key of the country whose name or adjective opens a name of more words (`U.S.` of `U.S.
    /// Treasury`, `Dutch` of `Dutch Finance Ministry`), if one does.
    pub fn opening_country(&self, name: &str) -> Option<&str> {
        self.opening_countries(name)
            .next()
            .map(|(country, _)| country.key.as_str())
    }

    /// The countries whose name or adjective of one or two words opens `name`, before more words, with
    /// those words (`U.S.` and `Senate` of `U.S. Senate`).
    fn opening_countries<'a, 'n>(
        &'a self,
        name: &'n str,
    ) -> impl Iterator<Item = (&'a Canonical, String)> + use<'a, 'n> {
        let words = name_words(name);
        (1..words.len().min(3)).filter_map(move |n| {
            let country = self.country_named(&words[..n].join(" "))?;
            Some((country, words[n..].join(" ")))
        })
    }

    /// The country a name or an adjective names (`U.S.`, `Dutch`), if it names one.
    pub fn country_named(&self, name: &str) -> Option<&Canonical> {
        self.gazetteer_name(name)
            .or_else(|| self.demonym(name))
            .filter(|c| c.class == "Country")
    }

    /// The gazetteer entity with this name or alternative name.
    pub fn gazetteer_name(&self, name: &str) -> Option<&Canonical> {
        self.names.get(&name.to_lowercase()).or_else(|| {
            let cleaned = name_words(name).join(" ").to_lowercase();
            self.names.get(&cleaned)
        })
    }

    /// What the gazetteer states of an entity of its own: (property local name, other entity's key), such
    /// as (`country`, `germany`) for `bundestag`.
    pub fn gazetteer_facts(&self, key: &str) -> &[(String, String)] {
        self.gazetteer_facts.get(key).map_or(&[], Vec::as_slice)
    }

    /// The countries the gazetteer states an entity of its own is of (`kg:country`: `germany` for
    /// `bundestag`).
    pub fn gazetteer_countries(&self, key: &str) -> impl Iterator<Item = &str> {
        self.gazetteer_facts(key)
            .iter()
            .filter(|(property, _)| property == "country")
            .map(|(_, country)| country.as_str())
    }

    /// The gazetteer keys of the entities that go by a nickname (`kg:nickname`), if any.
    pub fn nicknamed(&self, name: &str) -> &[String] {
        self.nicknames
            .get(&name.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The state that shares a name with a better-known entity (`kg:stateName`: `Washington`), if any.
    pub fn state_named(&self, name: &str) -> Option<&Canonical> {
        self.state_names.get(&name.to_lowercase())
    }

    /// The countries whose national team goes by a nickname (`kg:teamNickname`), if any.
    pub fn team_nicknamed(&self, name: &str) -> &[Canonical] {
        self.team_nicknames
            .get(&name.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// The organisation a place's name stands for where the document names it too and the name is no place
    /// where something happens (`Europe` -> the European Union).
    pub fn agent_name(&self, name: &str) -> Option<&Canonical> {
        self.agent_names.get(&name.to_lowercase())
    }

    /// The club a name stands for in a sports report (`Dortmund` -> Borussia Dortmund).
    pub fn sports_name(&self, name: &str) -> Option<&Canonical> {
        self.sports_names.get(&name.to_lowercase())
    }

    /// The country (or other gazetteer entity) a demonym refers to (`Russian` -> Russia).
    pub fn demonym(&self, word: &str) -> Option<&Canonical> {
        self.demonyms.get(&word.to_lowercase())
    }

    /// The entity a demonym's plural refers to (`Americans` -> the United States, `Scots` -> Scotland):
    /// the word without its last `s`, read as a demonym.
    pub fn plural_demonym(&self, word: &str) -> Option<&Canonical> {
        word.strip_suffix('s').and_then(|one| self.demonym(one))
    }

    /// The class a common noun denotes (`islands` -> IslandGroup), if any.
    pub fn head_noun_class(&self, noun: &str) -> Option<&str> {
        self.head_nouns
            .get(&noun.to_lowercase())
            .map(String::as_str)
    }

    /// Whether only a person can be what a noun says: a player's or staff word or one of `kg:personNouns`
    /// (`striker`, `spokeswoman`, `minister`, `historian`; not `leader`, which an organisation may be).
    pub fn is_person_noun(&self, noun: &str) -> bool {
        let w = noun.to_lowercase();
        self.person_nouns.contains(&w)
            || self.player_words.contains(&w)
            || self.staff_words.contains(&w)
    }

    /// The key of the one place of the places list with this name: that of its first name no other place
    /// has (`frankfurt_am_main` for `Frankfurt`); none for a name two places have.
    pub fn place_key(&self, name: &str) -> Option<&str> {
        self.place_keys
            .get(&name.to_lowercase())
            .map(String::as_str)
    }

    /// The gazetteer key of the country a city or region of the places list (or a region of the gazetteer)
    /// with this name lies in.
    pub fn place_country(&self, name: &str) -> Option<&str> {
        self.place_country
            .get(&name.to_lowercase())
            .map(String::as_str)
    }

    /// Whether a name is a place's (the places list, the gazetteer's places) or any gazetteer entity's: a
    /// name that owns what follows its possessive (`Russia's Bolshoi Theatre`), never a given name or a
    /// surname.
    pub fn is_known_name(&self, name: &str) -> bool {
        self.is_place_name(name) || self.gazetteer_name(name).is_some()
    }

    /// Whether a common noun (its lemma) is a head noun of `kg:Organization` itself (`newspaper`,
    /// `company`; not `government`, a state body's).
    pub fn is_organisation_noun(&self, lemma: &str) -> bool {
        self.head_noun_class(lemma) == Some("Organization")
    }

    /// Whether a common noun (its lemma) is a head noun of `kg:Organization` or one of its subclasses
    /// (`company`, `bank`, `ministry`, `party`).
    pub fn is_organisation_kind_noun(&self, lemma: &str) -> bool {
        self.head_noun_class(lemma)
            .is_some_and(|class| self.is_organisation_class(class))
    }

    /// Whether a class (local name) is `kg:Organization` or one of its subclasses.
    pub fn is_organisation_class(&self, class: &str) -> bool {
        self.organisation_classes.contains(class)
    }

    /// Whether a class (local name) is `kg:SportsClub` or one of its subclasses.
    pub fn is_club_class(&self, class: &str) -> bool {
        self.club_classes.contains(class)
    }

    /// Whether a class (local name) is a class of places, as the ontology says.
    pub fn is_place_class(&self, class: &str) -> bool {
        self.place_classes.contains(class)
    }

    /// The class for an NER label.
    pub fn ner_class(&self, label: &str) -> Option<&str> {
        self.ner.get(label).map(String::as_str)
    }

    /// A known entity by key.
    pub fn known(&self, key: &str) -> Option<&KnownEntity> {
        self.known.get(key)
    }

    /// A known entity by exact name, or (for one-word names) the only known person with that surname.
    pub fn known_by_name(&self, name: &str, key: &str) -> Option<&KnownEntity> {
        if let Some(k) = self.known.get(key) {
            return Some(k);
        }
        if let Some(k) = self.known_names.get(&name.to_lowercase()) {
            return self.known.get(k);
        }
        let words = name_words(name);
        if words.len() == 1
            && let Some(keys) = self.known_surnames.get(&phonetic_word(words[0]))
            && keys.len() == 1
        {
            return self.known.get(&keys[0]);
        }
        None
    }
}

/// The key of a named entity: phonetic for persons (`sergey_lavrov`), a slug otherwise.
pub(crate) fn entity_key(label: &str, person: bool) -> String {
    if person {
        let k = name_key(label);
        if !k.is_empty() {
            return k;
        }
    }
    slug(label)
}
