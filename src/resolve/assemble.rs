//! The last stage of a document: its entities (keys, labels, aliases, classes, mentions) and facts, from
//! the clusters of the document and the draft facts read from its triples. Keys are deterministic: the
//! gazetteer's or a known entity's, a document-scoped one for descriptions, a country-qualified one for
//! generic institution names, else the name's own.

use super::document::{DocEntities, Draft, coordination, mention_token_range, span_root};
use super::graph::{self, DocumentGraph, Fact, Node, Predicate, SentenceText};
use super::lexicon::{Lexicon, entity_key};
use super::names::{is_possessive_mark, name_key};
use super::variants::one_edit;
use super::{DocMeta, Resolver, relations};
use crate::analysis::Doc;
use std::collections::{HashMap, HashSet};

/// People named by one word that the longer names of two other people of the document contain, and that
/// resolution therefore left apart (`Mueller` beside `Kayla Mueller` and `Carl Mueller`, `Lee` beside `Lee
/// Jae-yong` and `Lee Kun-hee`): one of the document's own people, whom the corpus must not take for a third
/// person it knows by that word, so their keys stay in the document. Two full names one letter apart are one
/// name misspelt (`Angla Merkel` beside `Angela Merkel`). Returns root draft indices.
fn names_left_open(de: &DocEntities<'_>) -> HashSet<usize> {
    let people: Vec<(usize, Vec<String>)> = (0..de.drafts.len())
        .filter(|&e| de.find(e) == e && de.drafts[e].person && de.drafts[e].fixed_key.is_none())
        .map(|e| {
            (
                e,
                name_key(&de.drafts[e].label)
                    .split('_')
                    .map(str::to_string)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, words)| words.iter().all(|w| !w.is_empty()))
        .collect();
    let full: Vec<&Vec<String>> = people
        .iter()
        .map(|(_, w)| w)
        .filter(|w| w.len() >= 2)
        .collect();
    let same_name = |a: &[String], b: &[String]| {
        let differing: Vec<(&String, &String)> = a.iter().zip(b).filter(|(x, y)| x != y).collect();
        a.len() == b.len()
            && match differing[..] {
                [] => true,
                [(x, y)] => one_edit(x, y),
                _ => false,
            }
    };
    people
        .iter()
        .filter(|(_, words)| {
            let [word] = words.as_slice() else {
                return false;
            };
            let holders: Vec<&Vec<String>> =
                full.iter().copied().filter(|f| f.contains(word)).collect();
            holders
                .iter()
                .enumerate()
                .any(|(i, a)| holders[i + 1..].iter().any(|b| !same_name(a, b)))
        })
        .map(|&(e, _)| e)
        .collect()
}

/// The name the document writes most for `entity` where it never writes its label (see
/// [`graph::Entity::name_in_document`]): of the label and other names that are names (capitalised, not a
/// demonym: `German` names Germany's people, not Germany), the one its mentions read most often, the
/// longer on a tie. `None` when a mention reads the label, or none reads a name.
fn name_in_document(doc: &Doc, entity: &graph::Entity, lex: &Lexicon) -> Option<String> {
    let is_name = |name: &str| {
        name.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && lex.demonym(name).is_none()
            && lex.plural_demonym(name).is_none()
    };
    let mut written: HashMap<&str, usize> = HashMap::new();
    for range in &entity.mentions {
        if let Some(text) = doc.text.get(range.clone()) {
            *written.entry(text).or_default() += 1;
        }
    }
    if written.contains_key(entity.label.as_str()) {
        return None;
    }
    std::iter::once(&entity.label)
        .chain(&entity.aliases)
        .filter(|name| is_name(name))
        .filter_map(|name| written.get(name.as_str()).map(|&n| (n, name)))
        .max_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.chars().count().cmp(&b.1.chars().count()))
                .then(b.1.cmp(a.1))
        })
        .map(|(_, name)| name.clone())
}

impl Resolver {
    /// Builds the entities (keys, labels, classes) and facts of the document.
    pub(super) fn finish(
        &self,
        de: &DocEntities<'_>,
        drafts: Vec<DraftFact>,
        meta: &DocMeta,
    ) -> DocumentGraph {
        let doc = de.doc;
        let scope = doc_scope(&doc.id);
        let mut index: HashMap<usize, usize> = HashMap::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut entities: Vec<graph::Entity> = Vec::new();
        let used: HashSet<usize> = drafts
            .iter()
            .flat_map(|f| [Some(&f.subject), Some(&f.object), f.attributed_to.as_ref()])
            .flatten()
            .filter_map(|n| match n {
                DraftNode::Entity(x) => Some(de.find(*x)),
                DraftNode::Literal(_) => None,
            })
            .collect();
        let country = dominant_country(de);
        let country = country.as_deref();
        // An organisation a title names is one, whatever NER called it elsewhere (`Miami Marlins pitcher`,
        // `Oxfam spokeswoman`, where NER called Oxfam a place three times of five).
        let titled_organisations: HashSet<usize> = drafts
            .iter()
            .filter(|f| super::affiliation::ORGANISATION_RULES.contains(&f.rule.as_str()))
            .filter_map(|f| match f.object {
                DraftNode::Entity(x) => Some(de.find(x)),
                DraftNode::Literal(_) => None,
            })
            // Not a name NER called a person, nor one it only called a nationality (`South Korean`).
            .filter(|&x| {
                let d = &de.drafts[x];
                d.class.is_none()
                    && !d.person
                    && d.ner.iter().any(|l| l != "NORP")
                    && !de.listed_place(x)
            })
            .collect();
        let left_open = names_left_open(de);
        for e in 0..de.drafts.len() {
            if de.find(e) != e {
                continue;
            }
            let d = &de.drafts[e];
            if d.label.is_empty() || (d.mentions.is_empty() && !used.contains(&e)) {
                continue;
            }
            // A generic name written after its country is that country's (`Brazilian Finance Ministry`).
            let national_key = || {
                let (rest, country) = (!d.person && !d.description)
                    .then(|| self.lex.country_and_generic(&d.label))??;
                let generic = entity_key(&self.lex.words.generic_form(&rest), false);
                Some(format!("{generic}__{country}"))
            };
            let key = match d.fixed_key.clone().or_else(national_key) {
                Some(k) => k,
                None if d.description => format!("{}__{scope}", entity_key(&d.label, false)),
                None if left_open.contains(&e) => {
                    format!("{}__{scope}", entity_key(&d.label, true))
                }
                None if !d.person && self.lex.words.is_generic_name(&d.label) => {
                    format!(
                        "{}__{}",
                        entity_key(&self.lex.words.generic_form(&d.label), false),
                        stated_country(de, e)
                            .or_else(|| coordinated_country(de, e))
                            .as_deref()
                            .or(country)
                            .unwrap_or(&scope)
                    )
                }
                // A designator alone that the story's organisations left to itself (`the Department
                // said`, `Group`) is the story's own.
                None if !d.person && self.lex.words.is_designator_alone(&d.label) => {
                    format!("{}__{scope}", entity_key(&d.label, false))
                }
                // All names of one place of the places list are one entity (`Frankfurt`, `Frankfurt
                // am Main`).
                None if !d.person && self.lex.is_place_class(&class_of(de, e, &self.lex)) => self
                    .lex
                    .place_key(&d.label)
                    .map_or_else(|| entity_key(&d.label, false), str::to_string),
                None if d.person => entity_key(&d.label, true),
                None => entity_key(&self.lex.words.field_first(&d.label), false),
            };
            let known = self.lex.known(&key);
            let mut class = if titled_organisations.contains(&e) {
                "Organization".to_string()
            } else {
                class_of(de, e, &self.lex)
            };
            if class == "Concept"
                && let Some(k) = known
            {
                class = k.class.clone();
            }
            let label = known.map_or_else(|| d.label.clone(), |k| k.label.clone());
            // A company's name without its legal form is one more of its names, so that the corpus finds
            // the company where a story writes it in short (`Amoco` for `Amoco Corp`).
            let short = self.lex.words.without_legal_form(&label);
            let mut aliases: Vec<String> = Vec::new();
            for a in std::iter::once(&d.label).chain(&d.aliases).chain(&short) {
                if a != &label && !a.is_empty() && !aliases.contains(a) {
                    aliases.push(a.clone());
                }
            }
            let mut mentions = d.mentions.clone();
            mentions.sort_by_key(|r| (r.start, r.end));
            mentions.dedup();
            let slot = match by_key.get(&key) {
                Some(&i) => {
                    let ent: &mut graph::Entity = &mut entities[i];
                    ent.mentions.extend(mentions);
                    // Another draft with the same key (`Social Democrats` beside `Social Democrat`): its
                    // label is one more name of the entity.
                    for a in std::iter::once(label).chain(aliases) {
                        if !ent.aliases.contains(&a) && a != ent.label {
                            ent.aliases.push(a);
                        }
                    }
                    i
                }
                None => {
                    entities.push(graph::Entity {
                        key: key.clone(),
                        label,
                        aliases,
                        class,
                        mentions,
                        name_in_document: None,
                    });
                    by_key.insert(key, entities.len() - 1);
                    entities.len() - 1
                }
            };
            index.insert(e, slot);
        }
        for entity in &mut entities {
            entity.name_in_document = name_in_document(doc, entity, &self.lex);
        }
        let node = |n: &DraftNode| -> Option<Node> {
            match n {
                DraftNode::Entity(e) => index.get(&de.find(*e)).map(|&i| Node::Entity(i)),
                DraftNode::Literal(s) => Some(Node::Literal(s.clone())),
            }
        };
        let mut facts: Vec<Fact> = Vec::new();
        let mut seen: HashMap<(Node, Predicate, Node, String, usize), usize> = HashMap::new();
        for f in drafts {
            let (Some(subject), Some(object)) = (node(&f.subject), node(&f.object)) else {
                continue;
            };
            if subject == object || relations::is_light_between(&f.predicate, &subject, &object) {
                continue;
            }
            let Some((subject, predicate, object)) =
                self.refine_part(subject, f.predicate.clone(), object, &entities)
            else {
                continue;
            };
            // Rules read classes before the document's votes settle them: a fact whose final classes
            // rule its property out (`Borussia Dortmund citizenOf Germany`) is not asserted.
            if self.against_ontology(&subject, &predicate, &object, &entities) {
                continue;
            }
            let f = DraftFact { predicate, ..f };
            let id = (
                subject.clone(),
                f.predicate.clone(),
                object.clone(),
                f.modality.clone(),
                f.sentence,
            );
            if let Some(&k) = seen.get(&id) {
                let existing: &mut Fact = &mut facts[k];
                existing.confidence = existing.confidence.max(f.confidence);
                continue;
            }
            seen.insert(id, facts.len());
            // An open relation worded as a property is named (`controlled by` where the classes ruled
            // `controlledBy` out) keeps its phrase: one label, one predicate.
            let wording = f.wording.filter(|w| {
                matches!(f.predicate, Predicate::Open(_))
                    && !self
                        .onto
                        .properties()
                        .any(|p| p.label.eq_ignore_ascii_case(w))
            });
            facts.push(Fact {
                subject,
                predicate: f.predicate,
                object,
                sentence: f.sentence,
                bytes: f.bytes,
                rule: f.rule,
                confidence: f.confidence,
                modality: f.modality,
                attributed_to: f.attributed_to.as_ref().and_then(node),
                qualifiers: f.qualifiers,
                wording,
            });
        }
        corroborate(&mut facts);
        DocumentGraph {
            doc_id: doc.id.clone(),
            title: meta.title.clone(),
            date: meta.date.clone(),
            url: meta.url.clone(),
            sentences: de
                .sentences
                .iter()
                .map(|s| SentenceText {
                    bytes: s.start_byte..s.end_byte,
                    text: doc.slice(s.start_byte..s.end_byte).to_string(),
                })
                .collect(),
            entities,
            facts,
        }
    }
}

impl Resolver {
    /// Whether the entities' classes rule the ontology property out (its domain or range).
    fn against_ontology(
        &self,
        subject: &Node,
        predicate: &Predicate,
        object: &Node,
        entities: &[graph::Entity],
    ) -> bool {
        let Predicate::Ontology(local) = predicate else {
            return false;
        };
        let Some(p) = self.onto.property(local) else {
            return false;
        };
        let class = |n: &Node| match n {
            Node::Entity(i) => Some(entities[*i].class.as_str()),
            Node::Literal(_) => None,
        };
        self.class_fit(class(subject), p.domain.as_deref()) < 0
            || self.class_fit(class(object), p.range.as_deref()) < 0
    }

    /// Part-of between agents is membership: a person is no part of anything (`the attendees included
    /// Putin` says nothing canonical), a country or organisation that an organisation comprises is its
    /// member (`the Quartet comprises the US`), and an agent in a group of no known class, or
    /// anything in a whole that is no entity, is dropped.
    /// A country located in a country is dropped too, and a region's head of state is its head of
    /// government. `None` drops the fact.
    fn refine_part(
        &self,
        subject: Node,
        predicate: Predicate,
        object: Node,
        entities: &[graph::Entity],
    ) -> Option<(Node, Predicate, Node)> {
        // A country lies in no other country (`Australia located in Canada` is a misread list).
        let located =
            matches!(&predicate, Predicate::Ontology(p) if p == "locatedIn" || p == "country");
        let country = |n: &Node| matches!(n, Node::Entity(i) if entities[*i].class == "Country");
        if located && country(&subject) && country(&object) {
            return None;
        }
        // Nor in a place within itself (`Afghanistan located in Helmand`, from `Afghanistan's security
        // forces in the southern Helmand region`).
        if located
            && let (Node::Entity(s), Node::Entity(o)) = (&subject, &object)
            && entities[*s].class == "Country"
            && self.lex.place_country(&entities[*o].label) == Some(entities[*s].key.as_str())
        {
            return None;
        }
        // A region's president heads its government: only a country has a head of state (`Hesse president
        // X`).
        let place = |n: &Node| {
            matches!(n, Node::Entity(i) if entities[*i].class != "Country"
                && self.lex.is_place_class(&entities[*i].class))
        };
        match &predicate {
            Predicate::Ontology(p) if p == "headOfStateOf" && place(&object) => {
                return Some((
                    subject,
                    Predicate::Ontology("headOfGovernmentOf".into()),
                    object,
                ));
            }
            Predicate::Ontology(p) if p == "headOfState" && place(&subject) => {
                return Some((
                    subject,
                    Predicate::Ontology("headOfGovernment".into()),
                    object,
                ));
            }
            _ => {}
        }
        let (part, whole) = match &predicate {
            Predicate::Ontology(p) if p == "partOf" => (&subject, &object),
            Predicate::Ontology(p) if p == "hasPart" => (&object, &subject),
            _ => return Some((subject, predicate, object)),
        };
        let class = |n: &Node| match n {
            Node::Entity(i) => entities[*i].class.as_str(),
            Node::Literal(_) => "",
        };
        let is = |n: &Node, c: &str| self.onto.is_subclass_of(class(n), c);
        // `Cate Blanchett part of "supporters of the campaign"`: no whole the graph knows.
        if matches!(whole, Node::Literal(_)) {
            return None;
        }
        // Nothing is a part or a member of a person (`the coalition, comprising ... the SPD` read with
        // the wrong subject).
        if is(whole, "Person") {
            return None;
        }
        // An organ of an organisation is its part (`European Commission` of the EU), not a member.
        let agent_part = is(part, "Person")
            || is(part, "Country")
            || is(part, "Organization") && !is(part, "GovernmentBody");
        if !agent_part {
            return Some((subject, predicate, object));
        }
        if is(whole, "Organization") {
            let (part, whole) = (part.clone(), whole.clone());
            return Some((part, Predicate::Ontology("memberOf".into()), whole));
        }
        // `Previous stops include Oman`: a group named by a common noun is no whole of an agent.
        if is(part, "Person") || class(whole) == "Concept" {
            return None;
        }
        Some((subject, predicate, object))
    }
}

/// A fact before entity indices are final.
#[derive(Debug, Clone)]
pub(super) struct DraftFact {
    pub(super) subject: DraftNode,
    pub(super) predicate: Predicate,
    pub(super) object: DraftNode,
    pub(super) sentence: usize,
    pub(super) bytes: std::ops::Range<usize>,
    pub(super) rule: String,
    pub(super) confidence: f32,
    pub(super) modality: String,
    pub(super) attributed_to: Option<DraftNode>,
    pub(super) qualifiers: Vec<(String, String)>,
    /// How the sentence words an open relation ([`Fact::wording`]).
    pub(super) wording: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DraftNode {
    Entity(usize),
    Literal(String),
}

/// The class of an entity: gazetteer or known class, else context hints, else person, else the most
/// frequent NER label's class, else `Concept`.
pub(super) fn class_of(de: &DocEntities<'_>, e: usize, lex: &Lexicon) -> String {
    let d = &de.drafts[de.find(e)];
    if let Some(c) = &d.class {
        return c.clone();
    }
    if d.person {
        return "Person".into();
    }
    if let Some(h) = d.hints.first() {
        return h.clone();
    }
    if de.listed_place(e) {
        return lex.ner_class("GPE").unwrap_or("Place").into();
    }
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for l in &d.ner {
        *votes.entry(l.as_str()).or_default() += 1;
    }
    let mut best: Vec<(&str, usize)> = votes.into_iter().collect();
    best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    best.first()
        .and_then(|(l, _)| lex.ner_class(l))
        .unwrap_or("Concept")
        .to_string()
}

/// The key of the country a document names most often (its name and demonyms), when one leads; where it
/// names no country, the country whose currency it names most (`N.Z. Dlrs`); where it names no currency,
/// the country most of its named cities and regions lie in, when one leads (a story on an Alabama Senate
/// race that never writes `United States`; not a story naming countries as often as each other, whose
/// meeting place says nothing of whose Congress it mentions); where it names none of these, the country of
/// the most named of the gazetteer's national institutions (`the Federal Reserve`). It qualifies the keys
/// of generic institution names (`foreign_ministry__germany`).
pub(super) fn dominant_country(de: &DocEntities<'_>) -> Option<String> {
    leading_country(de, &country_mentions(de))
}

/// [`dominant_country`] from the document's country counts ([`country_mentions`]).
fn leading_country(de: &DocEntities<'_>, countries: &[(usize, &str)]) -> Option<String> {
    if countries.iter().any(|&(n, _)| n > 0) {
        return leading(countries);
    }
    // A story that names its country only in its money (`N.Z. Dlrs`) is about that country.
    let currencies = currency_mentions(de);
    if currencies.iter().any(|&(n, _)| n > 0) {
        return leading(&currencies);
    }
    let places = place_mentions(de);
    if places.iter().any(|&(n, _)| n > 0) {
        leading(&places)
    } else {
        leading(&institution_mentions(de))
    }
}

/// (mentions, country key) of the gazetteer's national institutions the document names (`Federal
/// Reserve`, `Bundesbank`), by their country, most mentioned first (ties by key): a story that names no
/// country and no place is still about the country whose institutions it names.
fn institution_mentions<'d>(de: &'d DocEntities<'_>) -> Vec<(usize, &'d str)> {
    let lex: &'d Lexicon = de.lex;
    let mut by_country: HashMap<&'d str, usize> = HashMap::new();
    for (key, d) in fixed_entities(de) {
        for country in lex.gazetteer_countries(key) {
            *by_country.entry(country).or_default() += d.mentions.len();
        }
    }
    ranked(by_country)
}

/// (mentions, country key) of the countries whose name opens the names of the currencies the document
/// names (`U.S. Dlrs`, `N.Z. Dlrs`), most mentioned first (ties by key).
fn currency_mentions<'d>(de: &'d DocEntities<'_>) -> Vec<(usize, &'d str)> {
    let mut by_country: HashMap<&'d str, usize> = HashMap::new();
    for (_, d) in fixed_entities(de).filter(|(_, d)| d.class.as_deref() == Some("Currency")) {
        for country in mention_opening_countries(de, d) {
            *by_country.entry(country).or_default() += 1;
        }
    }
    ranked(by_country)
}

/// The country whose name or adjective opens each mention of an entity as the text writes it, for the
/// mentions that open with one (`U.S.` of `U.S. Treasury`, `N.Z.` of `N.Z. Dlrs`).
fn mention_opening_countries<'d>(
    de: &'d DocEntities<'_>,
    d: &'d Draft,
) -> impl Iterator<Item = &'d str> {
    let lex: &'d Lexicon = de.lex;
    d.mentions.iter().filter_map(move |m| {
        de.doc
            .text
            .get(m.clone())
            .and_then(|t| lex.opening_country(t))
    })
}

/// The document's entities whose key is fixed (by the gazetteer or the places list), with their keys.
fn fixed_entities<'d>(de: &'d DocEntities<'_>) -> impl Iterator<Item = (&'d str, &'d Draft)> {
    (0..de.drafts.len())
        .filter(move |&e| de.find(e) == e)
        .filter_map(|e| Some((de.drafts[e].fixed_key.as_deref()?, &de.drafts[e])))
}

/// (mentions, key), most mentioned first, ties by key.
fn ranked(by_key: HashMap<&str, usize>) -> Vec<(usize, &str)> {
    let mut counts: Vec<(usize, &str)> = by_key.into_iter().map(|(k, n)| (n, k)).collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    counts
}

/// The key with the most mentions, when no other has as many.
fn leading(counts: &[(usize, &str)]) -> Option<String> {
    match counts {
        [(n, k), rest @ ..] if *n > 0 && rest.first().is_none_or(|(m, _)| m < n) => {
            Some(k.to_string())
        }
        _ => None,
    }
}

/// (mentions, country key) of the places of the places list the document names, by the country they lie
/// in, most mentioned first (ties by key).
fn place_mentions<'d>(de: &'d DocEntities<'_>) -> Vec<(usize, &'d str)> {
    let mut by_country: HashMap<&str, usize> = HashMap::new();
    for e in (0..de.drafts.len()).filter(|&e| de.find(e) == e) {
        let d = &de.drafts[e];
        if d.person || d.mentions.is_empty() || d.class.as_deref() == Some("Country") {
            continue;
        }
        if let Some(country) = place_country(de.lex, d) {
            *by_country.entry(country).or_default() += d.mentions.len();
        }
    }
    ranked(by_country)
}

/// The country of the place the places list knows by an entity's label, unless the gazetteer made the
/// entity something other than a place (`White House`, also an old name of Casablanca).
pub(super) fn place_country<'l>(lex: &'l Lexicon, d: &Draft) -> Option<&'l str> {
    if d.class.as_deref().is_some_and(|c| !lex.is_place_class(c)) {
        return None;
    }
    lex.place_country(&d.label)
}

/// The one country the text puts right before the entity's names (`Germany's Foreign Ministry` in a story
/// about Turkey, `US Congress` where NER left `US` out of the name): the country entity of the token before
/// a mention, or before its possessive `'s`. None where no mention has one or two countries are so named.
pub(super) fn stated_country(de: &DocEntities<'_>, e: usize) -> Option<String> {
    let doc = de.doc;
    let mut found: Option<&str> = None;
    for m in &de.drafts[e].mentions {
        let Some(mut i) = mention_token_range(doc, m).map(|r| r.start) else {
            continue;
        };
        if i > 0 && is_possessive_mark(doc.token_text(i - 1)) {
            i -= 1;
        }
        let Some(x) = i.checked_sub(1).and_then(|k| de.token_entity[k]) else {
            continue;
        };
        let d = &de.drafts[de.find(x)];
        let Some(key) = d
            .fixed_key
            .as_deref()
            .filter(|_| d.class.as_deref() == Some("Country"))
        else {
            continue;
        };
        match found {
            Some(f) if f != key => return None,
            _ => found = Some(key),
        }
    }
    found.map(str::to_string)
}

/// The one country of the gazetteer's organisations the text coordinates with the entity's names (`the
/// CDU, SPD, Greens and the Left party` in a story about Turkey: German parties, so German `Greens`): the
/// `kg:country` the gazetteer states of each other conjunct's entity. None where no mention has such
/// conjuncts, or they lie in two countries.
pub(super) fn coordinated_country(de: &DocEntities<'_>, e: usize) -> Option<String> {
    let doc = de.doc;
    let mut found: Option<&str> = None;
    for m in &de.drafts[e].mentions {
        let Some(tokens) = mention_token_range(doc, m) else {
            continue;
        };
        let (start, end) = (tokens.start, tokens.end);
        for k in coordination(doc, span_root(doc, start, end)) {
            let Some(x) = de.token_entity[k].filter(|_| !(start..end).contains(&k)) else {
                continue;
            };
            let Some(key) = de.drafts[de.find(x)].fixed_key.as_deref() else {
                continue;
            };
            for country in de.lex.gazetteer_countries(key) {
                match found {
                    Some(f) if f != country => return None,
                    _ => found = Some(country),
                }
            }
        }
    }
    found.map(str::to_string)
}

/// The document's [`dominant_country`] and (mentions, key) of the countries it names, most often named
/// first (ties by key), from one count of its countries.
pub(super) fn dominant_and_named_countries(
    de: &DocEntities<'_>,
) -> (Option<String>, Vec<(usize, String)>) {
    let countries = country_mentions(de);
    let named = countries
        .iter()
        .filter(|&&(n, _)| n > 0)
        .map(|&(n, k)| (n, k.to_string()))
        .collect();
    (leading_country(de, &countries), named)
}

/// (mentions, key) of the document's countries, most mentioned first (ties by key). A gazetteer name that
/// opens with a country's name or adjective names the country too (`U.S. Treasury`, which the gazetteer
/// reads whole, so that no mention of the country is left of it).
fn country_mentions<'d>(de: &'d DocEntities<'_>) -> Vec<(usize, &'d str)> {
    let mut by_key: HashMap<&'d str, usize> = HashMap::new();
    for (key, d) in fixed_entities(de) {
        match d.class.as_deref() {
            Some("Country") => {
                *by_key.entry(key).or_default() += d.mentions.len();
                continue;
            }
            // A currency names money, not its country (`U.S. Dlrs` of a story about Taiwan's reserves).
            Some("Currency") => continue,
            _ => {}
        }
        for country in mention_opening_countries(de, d) {
            *by_key.entry(country).or_default() += 1;
        }
    }
    ranked(by_key)
}

/// A short, stable tag of a document id, scoping the keys of its description-only entities.
fn doc_scope(id: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Noisy-or of independent evidence: `1 - Π(1 - c)`.
pub fn combine_confidence(values: impl IntoIterator<Item = f32>) -> f32 {
    1.0 - values
        .into_iter()
        .fold(1.0_f32, |acc, c| acc * (1.0 - c.clamp(0.0, 1.0)))
}

/// Facts stated in several sentences corroborate each other: each gets the combined confidence.
fn corroborate(facts: &mut [Fact]) {
    let mut groups: HashMap<(&Node, &Predicate, &Node, &str), Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        let id = (&f.subject, &f.predicate, &f.object, f.modality.as_str());
        groups.entry(id).or_default().push(i);
    }
    let groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for idx in &groups {
        let c = combine_confidence(idx.iter().map(|&i| facts[i].confidence));
        for &i in idx {
            facts[i].confidence = c;
        }
    }
}

/// Drops facts below a confidence (`--min-confidence`), and the entities no remaining fact or mention needs
/// are kept (entities are cheap and carry labels for search).
pub fn retain_confident(graph: &mut DocumentGraph, min_confidence: f32) {
    graph.facts.retain(|f| f.confidence >= min_confidence);
}
