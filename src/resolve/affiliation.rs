//! Affiliations read once a document's entities are resolved: nationality, party, team and employer from the
//! words around a name (`German Chancellor X`, `CDU leader X`, `X (CDU)`, `X's CDU`, `X, Russia's foreign
//! minister`), an organisation's country and seat (`German carmaker Volkswagen`, `Berlin-based`), places in
//! their countries from the places list (`ontology/places.ttl`), and default rules with lower confidence than
//! what the text states (whoever holds an office of a country is its citizen; a company is in the country of
//! its seat).

use super::document::{DocEntities, children, dominates};
use super::name_context::organisation_noun_after;
use super::names::is_possessive_mark;
use super::roles::ContextFact;
use crate::ontology::local_name;
use std::collections::HashSet;

/// Confidence of a fact stated by the words around a name.
pub(super) const STATED: f32 = 0.85;
/// Confidence of a default (a rule that usually holds, not a statement of the text).
pub(super) const DEFAULT: f32 = 0.6;

/// The rule of a player's title naming a team that NER took for a place (`Miami Marlins pitcher X`).
pub(super) const TEAM_TITLE: &str = "team-title";
/// The rule of a title naming the organisation a person belongs to (`Oxfam spokeswoman X`).
pub(super) const ORGANISATION_TITLE: &str = "organisation-title";
/// Rules whose facts make their object an organisation, whatever the document's NER votes say (see
/// `Resolver::finish`): the title was read as one.
pub(super) const ORGANISATION_RULES: [&str; 2] = [TEAM_TITLE, ORGANISATION_TITLE];

/// What an entity is, for choosing the property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Person,
    Country,
    Place,
    Organization,
    /// Events, works, groups of people and whatever else: no affiliation is read for them.
    Other,
}

impl DocEntities<'_> {
    /// Whether NER called a mention of entity `e` a person, and the gazetteer gives it no other class (`the
    /// Blues`, tagged a person, is the club Chelsea: no person for its players' rules or for `he`).
    pub(super) fn person_by_ner(&self, e: usize) -> bool {
        let d = &self.drafts[self.find(e)];
        d.person && d.class.as_deref().is_none_or(|c| c == "Person")
    }

    pub(super) fn kind(&self, e: usize) -> Kind {
        let d = &self.drafts[self.find(e)];
        let class = d.class.as_deref().or(d.hints.first().map(String::as_str));
        let votes = |label: &str| d.ner.iter().filter(|l| *l == label).count();
        if self.listed_place(e) {
            return Kind::Place;
        }
        // `German media conglomerate Axel Springer`: a company named after a person, tagged ORG.
        let organisation_by_ner = d.class.is_none() && votes("ORG") > votes("PERSON");
        // `Germany's Christian Democrats`: parties are often tagged NORP; a demonym is a country already.
        let party = d.class.is_none() && votes("NORP") > 0 && d.label.contains(' ');
        if organisation_by_ner || party {
            return Kind::Organization;
        }
        if class == Some("Person") || self.person_by_ner(e) {
            Kind::Person
        } else if class == Some("Country") {
            Kind::Country
        } else if self.is_place(e) {
            Kind::Place
        } else if class.is_some_and(|c| self.lex.is_organisation_class(c))
            || class.is_none() && d.ner.iter().any(|l| l == "ORG")
        {
            Kind::Organization
        } else {
            Kind::Other
        }
    }

    /// Whether the mention of country `country` that starts at token `k` is its bare name: proper nouns, no
    /// demonym (`Austrian`), and no owner of a possessive (`South Africa's`).
    fn bare_country_name(&self, k: usize, country: usize) -> bool {
        let doc = self.doc;
        let mut end = k + 1;
        while end < doc.tokens.len() && self.entity_at(end) == Some(country) {
            end += 1;
        }
        (k..end).all(|i| doc.tokens[i].tag == "NNP")
            && self.lex.demonym(doc.tokens_text(k, end)).is_none()
            && !doc
                .tokens
                .get(end)
                .is_some_and(|t| is_possessive_mark(doc.slice(t.start..t.end)))
    }

    /// A city or region of the places list, whatever NER called it (`Rhineland-Palatinate's interior
    /// minister`, tagged ORG): outside sports reports, where a town's name may stand for its club.
    pub(super) fn listed_place(&self, e: usize) -> bool {
        let d = &self.drafts[self.find(e)];
        d.class.is_none()
            && !d.person
            && !self.sports_report
            && self.lex.place_country(&d.label).is_some()
    }

    /// The document entity with a gazetteer key that the text names, if any.
    pub(super) fn entity_with_key(&self, key: &str) -> Option<usize> {
        (0..self.drafts.len()).find(|&e| {
            self.find(e) == e
                && !self.drafts[e].mentions.is_empty()
                && self.drafts[e].fixed_key.as_deref() == Some(key)
        })
    }

    /// The first token of the mention ending at `root`.
    fn mention_start(&self, root: usize, e: usize) -> usize {
        let mut start = root;
        while start > 0 && self.entity_at(start - 1) == Some(e) {
            start -= 1;
        }
        start
    }

    /// Tokens before a mention that modify it (dominated by its head, same sentence, no verb between).
    fn premodifiers(&self, start: usize, root: usize) -> Vec<usize> {
        let doc = self.doc;
        let sent_start = self.sentences[self.sent_of[root]].start;
        let mut out = Vec::new();
        let mut i = start;
        while i > sent_start {
            let j = i - 1;
            let t = &doc.tokens[j];
            // Another name before a conjunction ends them (`Swedish Foreign Minister Carl Bildt and Estonian
            // Foreign Minister Urmas Paet`, which the parser may hang on one head; not `Spain's Bush-friendly
            // president`, nor the `Bosnia and Herzegovina` of its president).
            let other_name = self
                .entity_at(j)
                .filter(|&e| self.entity_at(root) != Some(e));
            let before_conjunction = doc.tokens[j + 1].tag == "CC"
                && other_name.is_some()
                && self.entity_at(j + 1) != other_name;
            if !dominates(doc, root, j)
                || t.pos == "VERB" && t.tag != "VBN"
                || doc.token_text(j) == ","
                || before_conjunction
            {
                break;
            }
            // Where one was born, who leads or backs one, is no nationality (`German-born filmmaker Michael
            // Haneke`, `Iran-backed Houthi rebels`): the compound is skipped, what stands before it still
            // counts (`India's state-owned airline`); `Berlin-based` is a seat.
            let hyphenated =
                j >= 2 && doc.token_text(j - 1) == "-" && doc.tokens[j - 1].end == t.start;
            if t.tag == "VBN" && t.lemma != "base" && hyphenated {
                i = j - 2;
                continue;
            }
            if t.tag == "VBN" && t.lemma == "bear" && j >= 1 {
                i = j - 1;
                continue;
            }
            out.push(j);
            i = j;
        }
        out.reverse();
        out
    }

    /// Facts from the words around every named mention, then the defaults. `ns` is the ontology namespace;
    /// `stated` the facts read from titles so far (their offices give citizenships by default).
    pub fn affiliations(&self, ns: &str, stated: &[ContextFact]) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut facts = Vec::new();
        let push = |facts: &mut Vec<ContextFact>,
                    s: usize,
                    p: &str,
                    o: usize,
                    tok: usize,
                    rule: &'static str,
                    confidence: f32| {
            facts.push(ContextFact {
                subject: s,
                property: format!("{ns}{p}"),
                object: o,
                sentence: self.sent_of[tok],
                bytes: doc.tokens[tok].start..doc.tokens[tok].end,
                rule,
                confidence,
            });
        };
        let mut seen_roots = std::collections::HashSet::new();
        let mentions = self.mention_tokens.clone();
        for &(root, e) in &mentions {
            let e = self.find(e);
            if !seen_roots.insert(root) || self.entity_at(root) != Some(e) {
                continue;
            }
            let start = self.mention_start(root, e);
            let mention = doc.tokens_text(start, root + 1);
            let me = self.kind(e);
            let mut scope = self.premodifiers(start, root);
            // `the French president, Emmanuel Macron`, `the Munich-based insurer Allianz`: the name hangs
            // from a common noun before it, whose modifiers describe it.
            let head = doc.tokens[root].head;
            if head < start
                && matches!(
                    doc.tokens[root].dep.as_str(),
                    "appos" | "compound" | "npadvmod"
                )
                && self.entity_at(head).is_none()
                && matches!(doc.tokens[head].pos.as_str(), "NOUN" | "PROPN")
            {
                scope.extend(self.premodifiers(head, head));
                scope.push(head);
                scope.sort_unstable();
            }
            // `Turkey's Cumhuriyet newspaper`: an organisation's name modifies its noun, whose modifiers
            // before the name describe it (a person's name there, `The Lerner group`, is described by none).
            if me == Kind::Organization
                && let Some(noun) = organisation_noun_after(doc, self.lex, start, root + 1)
                && self.entity_at(noun).is_none()
            {
                scope.extend(self.premodifiers(start, noun));
                scope.sort_unstable();
                scope.dedup();
            }
            // `Sergei Lavrov, Russia's foreign minister` / `Volkswagen, a German carmaker`.
            for a in children(doc, root).filter(|&c| doc.tokens[c].dep == "appos" && c > root) {
                if self.entity_at(a).is_none() {
                    scope.extend(self.describing_noun(a));
                }
            }
            // `X is the director of Y`, `X became president of Y`: a copula's complement describes its
            // subject as an apposition does.
            if doc.tokens[root].dep == "nsubj"
                && head != root
                && matches!(doc.tokens[head].lemma.as_str(), "be" | "become" | "remain")
            {
                for a in children(doc, head).filter(|&c| {
                    c > head
                        && matches!(doc.tokens[c].dep.as_str(), "attr" | "oprd")
                        && doc.tokens[c].pos == "NOUN"
                        && self.entity_at(c).is_none()
                }) {
                    scope.extend(self.describing_noun(a));
                }
            }
            // `the head of the European Commission, X`: the name hangs from the organisation a role noun
            // governs.
            if doc.tokens[root].dep == "appos" && head < start && doc.tokens[head].dep == "pobj" {
                let of = doc.tokens[head].head;
                let noun = doc.tokens[of].head;
                if doc.tokens[of].lemma == "of"
                    && noun < of
                    && doc.tokens[noun].pos == "NOUN"
                    && self.entity_at(noun).is_none()
                    && self.entity_at(head).is_some()
                {
                    scope.extend(self.premodifiers(noun, noun));
                    scope.push(noun);
                    scope.push(head);
                    scope.sort_unstable();
                }
            }
            // `the president of the Central Council, X`: the common noun's own `of` phrase.
            if head < start && doc.tokens[root].dep == "appos" && self.entity_at(head).is_none() {
                scope.extend(self.prep_objects(head));
            }
            let words: Vec<String> = scope
                .iter()
                .filter(|&&k| self.entity_at(k).is_none())
                .map(|&k| doc.tokens[k].lemma.to_lowercase())
                .collect();
            let has = |list: &HashSet<String>| words.iter().any(|w| list.contains(w));
            let (title_property, title_country) = if me == Kind::Person {
                self.role_of(&scope)
            } else {
                (None, None)
            };

            // `his Israeli counterpart`: the other side; `former`: not any more. Only a person's own
            // nationality is still stated (`former Turkish diplomat X`).
            let former = words.iter().any(|w| w == "former" || w == "ex");
            if (former || words.iter().any(|w| w == "counterpart")) && me != Kind::Person {
                continue;
            }
            let (title_property, title_country) = if former {
                (None, None)
            } else {
                (title_property, title_country)
            };
            let mut others: Vec<(usize, usize)> = Vec::new();
            for &k in &scope {
                if let Some(f) = self.entity_at(k)
                    && f != e
                    && !others.iter().any(|o| o.1 == f)
                {
                    others.push((k, f));
                }
            }
            // A country named before an envoy's noun sends the envoy (`Israel's UN ambassador`); one after it
            // receives them (`the UN envoy for Yemen`).
            let envoy_at = scope.iter().copied().find(|&i| {
                self.lex
                    .envoy_words
                    .contains(&doc.tokens[i].lemma.to_lowercase())
            });
            let sent_by_a_country = envoy_at.is_some_and(|at| {
                others
                    .iter()
                    .any(|&(k, o)| k < at && self.kind(o) == Kind::Country)
            });
            for (k, f) in others {
                let other = self.kind(f);
                // `Berlin - based` split in tokens, or `Berlin-based` in one.
                let seat_words = &self.lex.seat_words;
                let seat = doc.tokens[k + 1..=(k + 2).min(doc.tokens.len() - 1)]
                    .iter()
                    .any(|t| seat_words.contains(&doc.slice(t.start..t.end).to_lowercase()))
                    || {
                        let place = doc.token_text(k).to_lowercase();
                        seat_words.iter().any(|w| {
                            place
                                .strip_suffix(w.as_str())
                                .is_some_and(|rest| rest.ends_with('-'))
                        })
                    };
                // `Lima's Centenary Clinic`, `the Paris Louvre`: a place owning or naming an organisation.
                let attached = matches!(doc.tokens[k].dep.as_str(), "poss" | "compound")
                    && (start..=root).contains(&doc.tokens[k].head);
                if former && !(me == Kind::Person && other == Kind::Country) {
                    continue;
                }
                // `US-based cleric X` lives there; `Mali expert X` studies it; `Malian expert X` and `US
                // analyst X` (an abbreviation stands for the demonym) are of the country.
                let subject_matter = doc.tokens[k].tag.starts_with("NNP")
                    && doc.tokens[k].dep == "compound"
                    && doc.token_text(k).chars().any(char::is_lowercase)
                    && self
                        .lex
                        .subject_matter_words
                        .contains(&doc.tokens[doc.tokens[k].head].lemma.to_lowercase());
                match (me, other) {
                    // `the UN envoy for Yemen X` is sent there, not from there; a country's bare name
                    // right before a name, with no title or possessive, is a heading run into the text
                    // (`Talks in Israel Steinmeier had traveled`), not a nationality.
                    (Kind::Person, Kind::Country)
                        if seat
                            || subject_matter
                            || envoy_at.is_some_and(|at| k > at)
                            || words.is_empty() && self.bare_country_name(k, f) => {}
                    (Kind::Person, Kind::Country) => push(
                        &mut facts,
                        e,
                        "citizenOf",
                        f,
                        k,
                        "nationality-title",
                        STATED,
                    ),
                    // Leaders, players and staff are members too (`CDU leader X`, `Bayern striker X`);
                    // a critic, a fan or a victim of an organisation is none (`kg:outsiderWords`).
                    (Kind::Person, Kind::Organization) => {
                        // `Israel's UN ambassador X` serves at the UN for Israel.
                        if has(&self.lex.outsider_words) || sent_by_a_country {
                            continue;
                        }
                        let bare = words
                            .iter()
                            .all(|w| w == "'s" || !w.chars().any(char::is_alphabetic));
                        push(&mut facts, e, "memberOf", f, k, ORGANISATION_TITLE, 0.75);
                        // `Dortmund's Marco Reus` in a sports report: a club naming a person bare.
                        let club = self.drafts[f]
                            .class
                            .as_ref()
                            .is_some_and(|c| self.lex.is_club_class(c));
                        let p = if has(&self.lex.player_words) || bare && club && self.sports_report
                        {
                            Some("playsFor")
                        } else if has(&self.lex.staff_words)
                            && !words.iter().any(|w| w == "coach" || w == "manager")
                        {
                            Some("employedBy")
                        } else if self.role_is_leader(&words) && !self.leads_a_part(k, start) {
                            Some("leaderOf")
                        } else {
                            None
                        };
                        if let Some(p) = p {
                            push(&mut facts, e, p, f, k, ORGANISATION_TITLE, STATED);
                        }
                    }
                    // `Miami Marlins pitcher X`, `Nuremberg striker X`: a team NER took for its town.
                    (Kind::Person, Kind::Place)
                        if has(&self.lex.player_words) && title_property.is_none() =>
                    {
                        push(&mut facts, e, "memberOf", f, k, TEAM_TITLE, 0.75);
                        push(&mut facts, e, "playsFor", f, k, TEAM_TITLE, STATED);
                    }
                    // `Brandenburg Premier Matthias Platzeck`, `Berlin mayor X`: an office of a region or city.
                    (Kind::Person, Kind::Place) if title_property.is_some() => {
                        push(&mut facts, e, "officialOf", f, k, "regional-title", STATED)
                    }
                    (Kind::Organization, Kind::Country) => {
                        push(
                            &mut facts,
                            e,
                            "country",
                            f,
                            k,
                            "organisation-nationality",
                            STATED,
                        );
                        if self.is_state_body(e) {
                            push(&mut facts, e, "jurisdiction", f, k, "state-body", STATED);
                        }
                    }
                    (Kind::Organization, Kind::Place) if seat => {
                        push(&mut facts, e, "headquarteredIn", f, k, "seat", STATED)
                    }
                    // `a Florida Democrat`, `the Texas Senate`: a place before a generic name names a
                    // branch, a member's home or a body of its own, not the seat of the national one.
                    (Kind::Organization, Kind::Place)
                        if attached && !self.lex.words.is_generic_name(mention) =>
                    {
                        push(
                            &mut facts,
                            e,
                            "headquarteredIn",
                            f,
                            k,
                            "place-modifier",
                            0.7,
                        )
                    }
                    (Kind::Other, Kind::Place | Kind::Country)
                        if attached && self.drafts[e].ner.iter().any(|l| l == "FAC") =>
                    {
                        push(&mut facts, e, "locatedIn", f, k, "place-modifier", 0.7)
                    }
                    (Kind::Country | Kind::Organization, Kind::Organization)
                        if has(&self.lex.member_words) =>
                    {
                        push(&mut facts, e, "memberOf", f, k, "member-title", 0.75)
                    }
                    _ => {}
                }
            }
            // `King Salman of Saudi Arabia`, `President Lula of Brazil`: a titled person of a country.
            // `the French president, Emmanuel Macron`: the role of a title before an apposition.
            if let (Some(p), Some(c)) = (&title_property, title_country)
                && (doc.tokens[root].dep == "appos" && head < start
                    || scope.iter().any(|&k| k > root))
            {
                push(
                    &mut facts,
                    e,
                    &local_name(p),
                    c,
                    root,
                    "title-apposition",
                    STATED,
                );
            }
            if let Some(property) = title_property.as_deref().map(local_name) {
                for of in children(doc, root).filter(|&c| doc.tokens[c].lemma == "of" && c > root) {
                    for o in children(doc, of).filter(|&c| doc.tokens[c].dep == "pobj") {
                        let Some(f) = self.entity_at(o) else { continue };
                        match self.kind(f) {
                            Kind::Country => {
                                push(&mut facts, e, &property, f, o, "title-of-country", STATED);
                                push(
                                    &mut facts,
                                    e,
                                    "citizenOf",
                                    f,
                                    o,
                                    "title-of-country",
                                    DEFAULT,
                                );
                            }
                            Kind::Place => {
                                push(&mut facts, e, "officialOf", f, o, "title-of-place", STATED)
                            }
                            _ => {}
                        }
                    }
                }
            }
            // `the German Foreign Office`, `Reserve Bank of India`: a demonym or country in the name.
            if me == Kind::Organization {
                for f in self.name_countries(e) {
                    push(&mut facts, e, "country", f, root, "name-nationality", 0.75);
                    if self.is_state_body(e) {
                        push(&mut facts, e, "jurisdiction", f, root, "state-body", 0.75);
                    }
                }
            }
            // `Angela Merkel (CDU)`: a party or organisation in parentheses after a person's name.
            if me == Kind::Person
                && root + 3 < doc.tokens.len()
                && doc.token_text(root + 1) == "("
                && let Some(f) = self.entity_at(root + 2)
                && self.kind(f) == Kind::Organization
            {
                let mut close = root + 2;
                while close < doc.tokens.len() && self.entity_at(close) == Some(f) {
                    close += 1;
                }
                if close < doc.tokens.len() && doc.token_text(close) == ")" {
                    push(
                        &mut facts,
                        e,
                        "memberOf",
                        f,
                        root + 2,
                        "parenthesised-party",
                        STATED,
                    );
                }
            }
            // `Merkel's CDU`: a person owning an organisation's name.
            if me == Kind::Organization {
                for c in children(doc, root).filter(|&c| doc.tokens[c].dep == "poss") {
                    if let Some(p) = self.entity_at(c)
                        && self.kind(p) == Kind::Person
                    {
                        push(&mut facts, p, "memberOf", e, c, "possessive-party", 0.75);
                    }
                }
            }
            // `the German city of Hamburg`: a place whose head noun phrase carries a country.
            if matches!(me, Kind::Place) && doc.tokens[root].dep == "pobj" {
                let of = doc.tokens[root].head;
                let noun = doc.tokens[of].head;
                if doc.tokens[of].lemma == "of" && noun != of {
                    for c in children(doc, noun).filter(|&c| c < noun) {
                        if let Some(f) = self.entity_at(c)
                            && self.kind(f) == Kind::Country
                            && f != e
                        {
                            push(&mut facts, e, "locatedIn", f, c, "place-of-country", STATED);
                        }
                    }
                }
            }
        }
        facts.extend(self.of_affiliations(ns));
        facts.extend(self.defaults(ns, stated, &facts));
        // A country the text gives an organisation outweighs one its name suggests (`the Britain-based
        // Syrian Observatory for Human Rights`, `the Berlin-based Institute of Turkish Studies`).
        let stated_countries: Vec<(usize, usize)> = facts
            .iter()
            .filter(|f| ["seat-country", "organisation-nationality"].contains(&f.rule))
            .map(|f| (self.find(f.subject), self.find(f.object)))
            .collect();
        facts.retain(|f| {
            f.rule != "name-nationality"
                || !stated_countries
                    .iter()
                    .any(|&(s, c)| s == self.find(f.subject) && c != self.find(f.object))
        });
        facts
    }

    /// The tokens a common noun describing a name adds to its title: the names, adjectives and compounds
    /// before it, the noun, and the objects of its `of`, `for` and `at` phrases (`Russia's foreign minister`,
    /// `the foreign minister of Russia`, `an analyst for Newedge`).
    fn describing_noun(&self, a: usize) -> Vec<usize> {
        let doc = self.doc;
        let mut out: Vec<usize> = children(doc, a)
            .filter(|&c| {
                c < a
                    && (self.entity_at(c).is_some()
                        || matches!(doc.tokens[c].dep.as_str(), "amod" | "compound"))
            })
            .collect();
        out.push(a);
        out.extend(self.prep_objects(a));
        out
    }

    /// Entities named after a preposition of a role noun (`of Russia`, `for Newedge`, `at the Chadema
    /// party`): the object when it is named, else the organisations named inside its noun phrase.
    fn prep_objects(&self, noun: usize) -> Vec<usize> {
        let doc = self.doc;
        let mut out = Vec::new();
        for prep in children(doc, noun)
            .filter(|&c| c > noun && matches!(doc.tokens[c].lemma.as_str(), "of" | "for" | "at"))
        {
            for o in children(doc, prep).filter(|&c| doc.tokens[c].dep == "pobj") {
                if self.entity_at(o).is_some() {
                    out.push(o);
                    continue;
                }
                out.extend((prep + 1..o).filter(|&k| {
                    dominates(doc, o, k)
                        && self
                            .entity_at(k)
                            .is_some_and(|f| self.kind(f) == Kind::Organization)
                }));
            }
        }
        out
    }

    /// The country that a proper name names by a demonym or a country name of up to three words, first or
    /// after `of` (`Russian Defense Ministry`, `Communist Party of China`, `Bank of South Korea`), when the
    /// text names it too and the name names no other.
    fn name_countries(&self, e: usize) -> Vec<usize> {
        // The gazetteer gives its entities' countries, or none (`Organization of American States`).
        let label = &self.drafts[e].label;
        if self.lex.gazetteer_name(label).is_some() {
            return Vec::new();
        }
        let function = |w: &str| matches!(w, "of" | "for" | "the" | "and" | "in" | "on" | "de");
        let words: Vec<&str> = label
            .split_whitespace()
            .map(|w| {
                w.trim_end_matches("'s")
                    .trim_matches(|c: char| !c.is_alphanumeric())
            })
            .collect();
        let proper = words.len() >= 2
            && words
                .iter()
                .all(|w| function(w) || w.chars().next().is_some_and(char::is_uppercase));
        let mut out = Vec::new();
        if !proper {
            return out;
        }
        // The first words, or a country's name that ends the name after `of`: `Conference on Nigeria` is
        // not Nigerian, nor the `Organization of American States` American or the `Mercator Institute of
        // China Studies` Chinese.
        let starts = (0..words.len()).filter(|&i| i == 0 || words[i - 1] == "of");
        // The name ends before a legal form (`Honda Motor of America Inc`).
        let name_end = words.len()
            - words
                .iter()
                .rev()
                .take_while(|w| self.lex.words.is_legal_form(w))
                .count();
        for i in starts {
            for n in 1..=3.min(words.len() - i) {
                let part = &words[i..i + n];
                if part.iter().any(|w| function(w) || w.is_empty()) {
                    break;
                }
                let phrase = part.join(" ");
                let demonym = self.lex.demonym(&phrase);
                if i > 0 && i + n < name_end && demonym.is_none() {
                    continue;
                }
                let c = demonym
                    .or_else(|| self.lex.gazetteer_name(&phrase))
                    .filter(|c| c.class == "Country");
                if let Some(f) = c.and_then(|c| self.entity_with_key(&c.key))
                    && self.find(f) != self.find(e)
                    && !out.contains(&f)
                {
                    out.push(f);
                }
            }
        }
        // `American Indian Movement`: two countries, neither is sure.
        if out.len() > 1 {
            out.clear();
        }
        out
    }

    /// Whether an organisation's name ends in the word of a state body (`Foreign Ministry`).
    pub(super) fn is_state_body(&self, e: usize) -> bool {
        let label = self.drafts[self.find(e)].label.to_lowercase();
        label
            .split_whitespace()
            .last()
            .is_some_and(|w| self.lex.state_body_words.contains(w))
    }

    /// Whether a noun other than a title word or an organisation's head noun stands between the
    /// organisation's name at `organisation` and the person's at `person`: the role heads that part of it
    /// (`EU foreign policy chief X`, `General Motors' chief negotiator X`), not the whole (`the Bundestag
    /// parliament's president X` does).
    fn leads_a_part(&self, organisation: usize, person: usize) -> bool {
        let doc = self.doc;
        (organisation + 1..person).any(|i| {
            let t = &doc.tokens[i];
            self.entity_at(i).is_none()
                && t.pos == "NOUN"
                && !self.lex.words.is_title(doc.token_text(i))
                && !self.lex.words.is_title(&t.lemma)
                && self.lex.head_noun_class(&t.lemma).is_none()
                && !self.lex.words.is_designator(&t.lemma)
                && self.lex.mapper.role_in(&t.lemma.to_lowercase()).is_none()
        })
    }

    /// Whether title words name a leading role (`leader`, `chairman`, `head`, or a head of state's
    /// `president`, which an organisation has too: `World Bank President X`).
    fn role_is_leader(&self, words: &[String]) -> bool {
        // A vice president or a deputy chairman leads nothing (`kg:subordinateRoleWords`).
        if words
            .iter()
            .any(|w| self.lex.subordinate_role_words.contains(w))
        {
            return false;
        }
        let phrase = words.join(" ");
        self.lex.mapper.role_in(&phrase).is_some_and(|(_, p)| {
            let ns = &p[..p.len() - local_name(p).len()];
            self.lex.is_subproperty(p, &format!("{ns}leaderOf"))
        })
    }
}
