//! Named mentions into entities of one document: each mention interned under its name's key (the
//! gazetteer's, for names it knows), short forms joined to their full names ([`super::cluster`]), names
//! stated in parentheses joined, and only then names still alone looked up among the entities of earlier
//! documents, so that a document's own `Susanne Koch` decides who its `Koch` is.

use super::cluster::{NameInfo, short_form_links};
use super::document::{
    DocEntities, Draft, coordination, mention_token_range, preposition_over, span_root,
};
use super::lexicon::{Canonical, Lexicon, VALUE_LABELS, entity_key};
use super::mentions::{NameForm, NameSpan, name_spans, repeated_names};
use super::name_context::{
    club_words, described_as_person, names_a_portfolio, nationality_mislabelled,
    organisation_noun_after, organisation_noun_before,
};
use super::names::{
    NameWords, acronym_letters, clean_label, clean_name, ends_in_possessive_s, name_words,
    spells_initials,
};
use super::states::{NameReading, state_readings};
use super::teams::{about_women, names_a_side, names_an_office_holders_country, national_team};
use super::variants::variant_links;
use crate::analysis::Doc;
use crate::extract::in_credit;
use std::collections::{BTreeSet, HashMap, HashSet};

impl DocEntities<'_> {
    /// The gazetteer entity for a surface name (a demonym for a nationality).
    fn canonical(&self, label: &str, ner: &str) -> Option<Canonical> {
        if ner == "NORP" {
            // The whole name (`North Korean`), else its last word after other nationalities only
            // (`Turkish Cypriot`; `Latin American` is no American), each as written or as the plural of a
            // demonym (`Americans`, `the Scots`; `the Americas` are no American).
            let demonym = |w: &str| self.lex.demonym(w).or_else(|| self.lex.plural_demonym(w));
            let words = name_words(label);
            let found = demonym(&words.join(" ")).or_else(|| {
                let (last, before) = words.split_last()?;
                before
                    .iter()
                    .all(|w| self.lex.demonym(w).is_some())
                    .then(|| demonym(last))
                    .flatten()
            });
            if let Some(c) = found {
                return Some(c.clone());
            }
        }
        // `Deutsche Bank AG`: a company the gazetteer knows, written with its legal form; not a person, a
        // place or a club, whose names firms share (`Arsenal Holdings Inc`).
        let company = || {
            let short = self.lex.words.without_legal_form(label)?;
            self.lex.gazetteer_name(&short).filter(|c| {
                c.class != "Person"
                    && !self.lex.is_place_class(&c.class)
                    && !self.lex.is_club_class(&c.class)
            })
        };
        self.lex.gazetteer_name(label).or_else(company).cloned()
    }

    /// Interns the named mentions; returns them as (first token, end token, entity).
    pub(super) fn add_spans(&mut self) -> Vec<(usize, usize, usize)> {
        let doc = self.doc;
        for (si, span) in doc.ents.iter().enumerate() {
            if span.end <= doc.tokens.len() && VALUE_LABELS.contains(&span.label.as_str()) {
                for t in span.start..span.end {
                    self.value_span[t] = Some(si);
                }
            }
        }
        let lex = self.lex;
        let mut spans = name_spans(doc, lex, &self.doc_words, self.sports_report);
        if self.sports_report {
            spans.extend(club_words(doc, lex, &spans));
            spans.sort_by_key(|n| (n.start, n.end));
        }
        let sports = self.sports_report;
        // `Russia's` inside a name is its owner; `People's` is part of it.
        let possessor = |w: &str| lex.is_known_name(w);
        // Each name with its label and the gazetteer entity it names, before any is interned, so that a
        // country a sports report once names as a side is its national team everywhere in the report.
        let mut resolved = Vec::new();
        // `Moody's said`: a name the document also writes with its possessive before more words (`Moody's
        // Investors Service Inc`) keeps the possessive, which is part of the company's name.
        let texts: Vec<&str> = spans.iter().map(|s| doc.slice(s.bytes.clone())).collect();
        let opens_a_longer_name = |text: &str| {
            texts.iter().any(|o| {
                o.len() > text.len() && o.starts_with(text) && o[text.len()..].starts_with(' ')
            })
        };
        let named_with_possessive =
            |text: &str| ends_in_possessive_s(text) && opens_a_longer_name(text);
        // `Saudi British Bank` (tagged NORP), `Saudi American` beside `Saudi American Bank`, or `known as
        // Saudi French`: nationalities that name a firm wherever the document writes them, not a country.
        let firm_names: HashSet<&str> = spans
            .iter()
            .zip(&texts)
            .filter(|(span, text)| {
                let words = name_words(text);
                span.label == "NORP"
                    && words.len() >= 2
                    && lex.demonym(text).is_none()
                    && (opens_a_longer_name(text)
                        || after_alias_phrase(doc, lex, span.start)
                        || words.last().is_some_and(|w| lex.words.is_designator(w)))
            })
            .map(|(_, text)| *text)
            .collect();
        // `Indians` beside `Cleveland Indians`: a name NER called a nationality or group that closes a name
        // of another kind the document writes is that name's short form (a team's, a band's).
        let team_words: HashSet<&str> = spans
            .iter()
            .zip(&texts)
            .filter(|(span, text)| {
                (span.label == "NORP" || nationality_mislabelled(doc, lex, span, text))
                    && spans.iter().zip(&texts).any(|(other, o)| {
                        other.label != "NORP"
                            && o.len() > text.len()
                            && o.ends_with(*text)
                            && o[..o.len() - text.len()].ends_with(' ')
                    })
            })
            .map(|(_, text)| *text)
            .collect();
        // The people's full names NER found, by their last word (`None` where two share it), and every
        // word of them.
        let mut surnames: HashMap<&str, Option<&str>> = HashMap::new();
        let mut full_name_words: HashSet<&str> = HashSet::new();
        for (span, text) in spans.iter().zip(&texts) {
            let words = name_words(text);
            if let (&[_, .., last], "PERSON") = (words.as_slice(), span.label.as_str()) {
                surnames
                    .entry(last)
                    .and_modify(|full| *full = full.filter(|f| f == text))
                    .or_insert(Some(text));
                full_name_words.extend(words);
            }
        }
        // The tokens that head a person's name (NER's, or the surname of one: `Bernat` of `Juan Bernat`,
        // tagged an organisation), for the names coordinated with one.
        let person_roots: HashSet<usize> = spans
            .iter()
            .zip(&texts)
            .filter(|(s, text)| {
                s.label == "PERSON" || surnames.get(*text).is_some_and(Option::is_some)
            })
            .map(|(s, _)| span_root(doc, s.start, s.end))
            .collect();
        for mut span in spans {
            // A credit line's agencies supplied the story; they are not named in it.
            if in_credit(&self.credits, span.start) {
                continue;
            }
            let text = doc.slice(span.bytes.clone());
            if nationality_mislabelled(doc, lex, &span, text) {
                span.label = "NORP".to_string();
            }
            // `Home Affairs Minister X`, `Slovenian Interior Minister Y`: a portfolio NER took for an
            // organisation is part of the title; a nationality opening it stays one (`British minister`
            // tagged NORP is the nationality).
            if span.label == "ORG"
                && lex.gazetteer_name(text).is_none()
                && names_a_portfolio(doc, lex, span.start, span.end)
            {
                let first = doc.token_text(span.start);
                if span.end - span.start > 1
                    && let Some(c) = self.canonical(first, "NORP")
                {
                    let nationality = NameSpan::token(doc, span.start, "NORP");
                    resolved.push((nationality, false, first.to_string(), Some(c), false));
                }
                continue;
            }
            // Names carry a capital letter (`n’t` tagged GPE does not) and are more than title words
            // (`Defense` tagged ORG in `Defense Minister Tomomi Inada`), or an abbreviated title's plural
            // (`Labour MPs`), unless the ontology knows them (`the Lords`) or they name a nationality
            // (`the Frenchman` tagged NORP).
            let title = |w: &&str| {
                lex.words.is_title(w)
                    || w.strip_suffix('s').is_some_and(|one| {
                        acronym_letters(one).is_some() && lex.words.is_title(one)
                    })
            };
            if !text.chars().any(char::is_uppercase)
                || name_words(text).iter().all(title)
                    && !(span.label == "NORP" && lex.demonym(text).is_some())
                    && !lex.is_known_name(text)
                    && lex.national_readings(text).next().is_none()
            {
                continue;
            }
            // A name in capitals alone (`G8`, `AIIB`) abbreviates an organisation's, never a person's.
            let capitals = !text.contains(' ')
                && text.chars().any(char::is_uppercase)
                && !text.chars().any(char::is_lowercase);
            // `Turkey's Cumhuriyet newspaper`: a name before an organisation's noun is the organisation's;
            // so is a name ending in a company's legal form (`Sara Lee Corp`, tagged a person).
            let organisation = organisation_noun_after(doc, lex, span.start, span.end).is_some()
                || organisation_noun_before(doc, lex, span.start, span.end).is_some()
                || ends_in_legal_form(&lex.words, text);
            // A place NER named is not re-read as a person (`North Rhine-Westphalia's Minister X`), unless it
            // is the surname of a person the story names, and says something (`Holland said` of the film
            // director Agnieszka Holland, not of the Netherlands).
            let speaking_surname = (matches!(span.label.as_str(), "GPE" | "LOC")
                && speaks(doc, span.start, span.end))
            .then(|| surnames.get(text).copied().flatten())
            .flatten();
            let teammate = sports
                && !capitals
                && coordinated_with_person(doc, lex, &person_roots, span.start, span.end, text);
            let person = !organisation
                && (span.label == "PERSON" && !capitals
                    || !matches!(span.label.as_str(), "GPE" | "LOC")
                        && described_as_person(doc, lex, span.start, span.end, text)
                    || speaking_surname.is_some()
                    || teammate);
            // The speaking surname is its person's (keyed so, not as the place whose key it shares).
            let label = if let Some(full) = speaking_surname.filter(|_| person) {
                strip_person_noun(lex, &lex.words.strip_titles(full))
            } else if person {
                strip_person_noun(lex, &lex.words.strip_titles(text))
            } else if named_with_possessive(text)
                || ends_in_possessive_s(text) && lex.gazetteer_name(text).is_some()
            {
                // `Standard and Poor's said`: the possessive is part of the name.
                text.to_string()
            } else {
                clean_name(text, possessor)
            };
            if label.is_empty() {
                continue;
            }
            // `Prince Charles`, `Pope Francis`: a one-word name after a sovereign's title is a given name,
            // which keeps its title, or other stories' surnames would take it (`Ray Charles`).
            let label = match person
                .then(|| sovereign_title(doc, lex, &span, text))
                .flatten()
            {
                Some(title) if !label.contains(' ') => format!("{title} {label}"),
                _ => label,
            };
            // In a sports report `Dortmund` beating someone is the club; `in Dortmund` stays the town (a
            // town or a country may stand for a team there, and `Europe` for the EU anywhere), unless the
            // place names a side there too (`a 2-1 loss to Hanover`, `a draw at Hoffenheim`) or a person's
            // club (`Enke from Hanover`); never after a place's noun (`the city of Bochum`).
            let located = located(doc, lex, span.start, span.end);
            let club = (sports
                && !named_as_place(doc, lex, span.start, span.end)
                && (!located
                    || names_a_side(doc, lex, span.start, span.end)
                    || after_a_name(doc, span.start, span.end)))
            .then(|| lex.sports_name(&label).cloned())
            .flatten();
            if span.label == "NORP" && (firm_names.contains(text) || team_words.contains(text)) {
                span.label = "ORG".to_string();
            }
            // A person's one-word name that is a word of a person's full name the story writes is that
            // person's, not what the gazetteer calls so (`Oscar said` after `Oscar Pistorius`).
            let part_of_a_full_name =
                person && !label.contains(' ') && full_name_words.contains(label.as_str());
            let canonical = club
                .or_else(|| self.canonical(&label, &span.label))
                .filter(|_| !(person && speaking_surname.is_some() || part_of_a_full_name));
            resolved.push((span, person, label, canonical, located));
        }
        // A country named by its name (not `German`) in a sports report may be a side.
        let country =
            |span: &NameSpan, c: &Canonical| sports && c.class == "Country" && span.label != "NORP";
        let sides: HashSet<String> = resolved
            .iter()
            .filter(|(span, ..)| names_a_side(doc, lex, span.start, span.end))
            .filter_map(|(span, _, _, canonical, _)| {
                canonical
                    .as_ref()
                    .filter(|c| country(span, c))
                    .map(|c| c.key.clone())
            })
            .collect();
        let women = !sides.is_empty() && about_women(doc);
        // `Europe` in a story that names the EU stands for it (`Europe must act`), except where something
        // happens in it (`refugees arriving in Europe`).
        let gazetteer_keys: HashSet<String> = resolved
            .iter()
            .filter_map(|(.., canonical, _)| canonical.as_ref().map(|c| c.key.clone()))
            .collect();
        // `Washington state`, `the state of Georgia`: the state, wherever the document writes the name.
        let readings: Vec<NameReading> = resolved
            .iter()
            .map(|(span, _, label, canonical, _)| NameReading {
                start: span.start,
                end: span.end,
                label,
                canonical: canonical.as_ref(),
            })
            .collect();
        let states = state_readings(doc, lex, &readings);
        let mut named = Vec::new();
        for (span, person, label, canonical, located) in resolved {
            let canonical = states.get(&label.to_lowercase()).cloned().or(canonical);
            // A nationality is no place, wherever it stands (`at the Brits`, the Brit Awards).
            let canonical = match lex.agent_name(&label) {
                Some(organisation)
                    if gazetteer_keys.contains(&organisation.key)
                        && (!located || span.label == "NORP") =>
                {
                    Some(organisation.clone())
                }
                _ => canonical,
            };
            let text = doc.slice(span.bytes.clone());
            let team = canonical
                .as_ref()
                .filter(|c| country(&span, c) && !located && sides.contains(&c.key))
                .filter(|_| !names_an_office_holders_country(doc, lex, span.start, span.end))
                .map(|c| (c.key.clone(), national_team(c, women)));
            let canonical = match &team {
                Some((_, t)) => Some(t.clone()),
                None => canonical,
            };
            let e = match canonical {
                Some(c) => self.intern(&c.key.clone(), || Draft {
                    label: c.label.clone(),
                    fixed_key: Some(c.key.clone()),
                    person: c.class == "Person",
                    class: Some(c.class.clone()),
                    national_team_of: team.as_ref().map(|(country, _)| country.clone()),
                    ..Draft::default()
                }),
                None => {
                    // Looked up as a name whatever NER called it (`Morgan Komichi` tagged ORG once, a
                    // surname tagged NORP); the class comes from the labels' votes in the end.
                    let key = entity_key(&label, true);
                    self.intern(&key, || Draft {
                        label: label.clone(),
                        person,
                        ..Draft::default()
                    })
                }
            };
            let d = &mut self.drafts[e];
            // A class the gazetteer fixed stands: NER calling a club's town a person does not make one.
            d.person |= person && d.class.is_none();
            // The mention votes for the class read above: a person noun outvotes NER, capitals and a name
            // before an organisation's noun are an organisation.
            d.ner.push(match span.label.as_str() {
                _ if person => "PERSON".into(),
                "PERSON" => "ORG".into(),
                label => label.into(),
            });
            d.mentions.push(span.bytes.clone());
            let surface = clean_name(text, possessor);
            // The name without a sovereign's title is one too (`Francis` of `Pope Francis`).
            let untitled = person
                .then(|| label.split_once(' '))
                .flatten()
                .filter(|(title, _)| lex.words.is_sovereign_title(title))
                .map(|(_, name)| name.to_string());
            for alias in [Some(surface), untitled].into_iter().flatten() {
                if alias != d.label && !d.aliases.contains(&alias) {
                    d.aliases.push(alias);
                }
            }
            for t in span.start..span.end {
                self.token_entity[t] = Some(e);
            }
            let root = span_root(doc, span.start, span.end);
            self.mention_tokens.push((root, e));
            named.push((span.start, span.end, e));
        }
        // A place's name that NER tagged a person now and then (`Aleppo`, once PERSON among GPEs) is the
        // place's: a person only when most of its mentions say so.
        for d in &mut self.drafts {
            if d.person && d.class.is_none() && lex.is_place_name(&d.label) {
                let persons = d.ner.iter().filter(|l| *l == "PERSON").count();
                d.person = persons * 2 > d.ner.len();
            }
        }
        named
    }

    /// A one-word name of a city or region (`Essen`, `Kassel`) that NER tagged a person and that joined no
    /// person's full name is the place: news names a person in full before it shortens the name.
    pub(super) fn lone_place_names(&mut self) {
        for e in 0..self.drafts.len() {
            let d = &self.drafts[e];
            if self.find(e) != e
                || !d.person
                || d.class.is_some()
                || d.label.contains(' ')
                || !self.lex.is_place_name(&d.label)
            {
                continue;
            }
            self.drafts[e].read_as_place();
        }
    }

    /// Joins short forms to their full names (see [`super::cluster`]).
    pub(super) fn link_short_forms(&mut self) {
        // Misspellings first, so that a surname standing alone sees one person where the document spelt
        // the full name two ways (`Hollande` beside `Francois Hollande` and `Francoise Hollande`).
        let (roots, infos) = self.name_infos();
        for (kept, variant) in variant_links(&infos) {
            self.merge(roots[kept], roots[variant]);
        }
        let (roots, infos) = self.name_infos();
        for (long, short) in short_form_links(&infos, &self.lex.words) {
            self.merge(roots[long], roots[short]);
            // A company's short name NER took for a person (`Rogers said` of `Rogers Corp`) does not make
            // the company one.
            if ends_in_legal_form(&self.lex.words, &infos[long].label) {
                let root = self.find(roots[long]);
                let d = &mut self.drafts[root];
                d.person = false;
                for label in d.ner.iter_mut().filter(|l| *l == "PERSON") {
                    *label = "ORG".into();
                }
            }
        }
    }

    /// The named entities of the document as the short-form rules see them, with their indices.
    fn name_infos(&self) -> (Vec<usize>, Vec<NameInfo>) {
        let roots: Vec<usize> = (0..self.drafts.len())
            .filter(|&e| self.find(e) == e && !self.drafts[e].label.is_empty())
            .collect();
        let infos = roots
            .iter()
            .map(|&e| {
                let d = &self.drafts[e];
                let place_name = self.lex.is_place_name(&d.label);
                let known_place = place_name
                    || name_words(&d.label)
                        .iter()
                        .any(|w| self.lex.is_place_name(w));
                // Which mentions something is in (`from Hanover`): read only of a known place, one parse
                // walk per mention.
                let located_at: Vec<bool> = if known_place {
                    d.mentions
                        .iter()
                        .map(|m| {
                            mention_token_range(self.doc, m)
                                .is_some_and(|t| located(self.doc, self.lex, t.start, t.end))
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                // Whether a place is named as one matters only for a name inside another name.
                let place_tagged =
                    !d.ner.is_empty() && d.ner.iter().all(|l| matches!(l.as_str(), "GPE" | "LOC"));
                let inside_another = (place_name || place_tagged)
                    && roots.iter().any(|&o| {
                        let other = &self.drafts[o].label;
                        other.len() > d.label.len() && other.contains(d.label.as_str())
                    });
                NameInfo {
                    label: d.label.clone(),
                    person: d.person,
                    ner: d.ner.clone(),
                    fixed: d.class.is_some(),
                    mentions: d.mentions.len(),
                    known_place,
                    located: !located_at.is_empty() && located_at.iter().all(|&l| l),
                    placed: inside_another
                        && place_name
                        && !d.person
                        && !d.ner.iter().any(|l| l == "PERSON")
                        && located_at.iter().any(|&l| l),
                    named_as_place: inside_another
                        && d.mentions.iter().any(|m| {
                            mention_token_range(self.doc, m)
                                .is_some_and(|t| named_as_place(self.doc, self.lex, t.start, t.end))
                        }),
                }
            })
            .collect();
        (roots, infos)
    }

    /// Names NER missed where it tagged them elsewhere in the document: every other occurrence of an
    /// entity's name or alias (`Yanukovych` after `Viktor Yanukovych`, untagged), of a gazetteer entity's
    /// other names, and of a person's surname, becomes a mention of that entity. A form two entities share is nobody's; see
    /// [`super::mentions::repeated_names`].
    pub(super) fn link_repeated(&mut self) {
        let doc = self.doc;
        let mut forms: Vec<NameForm> = Vec::new();
        for e in 0..self.drafts.len() {
            let d = &self.drafts[e];
            if self.find(e) != e || d.label.is_empty() || d.description || d.mentions.is_empty() {
                continue;
            }
            let form = |name: &str| NameForm {
                form: name.to_string(),
                entity: e,
                person: d.person,
            };
            for name in std::iter::once(&d.label).chain(&d.aliases) {
                forms.push(form(name));
            }
            // A gazetteer entity's other names (`IS` once `Islamic State` is named).
            if let Some(key) = &d.fixed_key {
                for name in self.lex.gazetteer_names_of(key) {
                    forms.push(form(name));
                }
            }
            let words = name_words(&d.label);
            if d.person && words.len() >= 2 && d.class.is_none() {
                forms.push(form(words[words.len() - 1]));
                if self.lex.words.is_family_first(words[0]) {
                    forms.push(form(words[0]));
                }
            }
        }
        let covered: Vec<bool> = (0..doc.tokens.len())
            .map(|t| self.token_entity[t].is_some() || in_credit(&self.credits, t))
            .collect();
        let words = &self.lex.words;
        for (start, end, e) in repeated_names(doc, &self.doc_words, &covered, &forms, |w| {
            words.is_title(w)
        }) {
            let e = self.find(e);
            let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
            let surface = clean_label(doc.slice(bytes.clone()));
            let d = &mut self.drafts[e];
            d.mentions.push(bytes);
            if surface != d.label && !d.aliases.contains(&surface) {
                d.aliases.push(surface);
            }
            for t in start..end {
                self.token_entity[t] = Some(e);
            }
            self.mention_tokens.push((span_root(doc, start, end), e));
        }
    }

    /// `International Cycling Union (UCI)`: a name in parentheses right after another names the same entity
    /// (unless the gazetteer knows both as different entities, `Berlin (Germany)`).
    pub(super) fn link_stated(&mut self, named: &[(usize, usize, usize)]) {
        let doc = self.doc;
        let at: HashMap<usize, (usize, usize)> =
            named.iter().map(|&(s, e, x)| (s, (e, x))).collect();
        for &(_, end, a) in named {
            if end + 2 >= doc.tokens.len() || doc.token_text(end) != "(" {
                continue;
            }
            let Some(&(close, b)) = at.get(&(end + 1)) else {
                continue;
            };
            if doc.token_text(close.min(doc.tokens.len() - 1)) != ")" {
                continue;
            }
            // One of the two is an abbreviation of the other: `DW (Europe)` names a region, not DW.
            let short =
                |x: &str| x.chars().filter(|c| c.is_uppercase()).count() >= 2 && !x.contains(' ');
            let inside = doc.tokens_text(end + 1, close);
            let (la, lb) = (self.drafts[self.find(a)].label.clone(), inside.to_string());
            let words = |x: &str| x.split_whitespace().count();
            // An abbreviation written like a word (`Cai (Compagnia Aerea Italia)`) spells the initials.
            let spells = |abbreviation: &str, name: &str| {
                let letters = abbreviation.to_lowercase();
                words(abbreviation) == 1
                    && letters.chars().count() >= 2
                    && spells_initials(&letters, name, &self.lex.words)
            };
            let stated = (short(&la) && !short(&lb) && words(&lb) >= 2)
                || (short(&lb) && !short(&la) && words(&la) >= 2)
                || spells(&la, &lb)
                || spells(&lb, &la);
            if !stated {
                continue;
            }
            let (ra, rb) = (self.find(a), self.find(b));
            let (da, db) = (&self.drafts[ra], &self.drafts[rb]);
            if ra == rb || da.class.is_some() && db.class.is_some() || da.person != db.person {
                continue;
            }
            // The full name labels the entity, unless the gazetteer knows the one in parentheses.
            if db.class.is_some() {
                self.merge(rb, ra);
            } else {
                self.merge(ra, rb);
            }
        }
    }

    /// `Osama Mustafa Hassan, better known as Abu Omar`, `Myanmar, also known as Burma`, `Johann Riegel was
    /// known as Hans`: a name right after an alias phrase (`kg:aliasPhrases`, after a comma or dash, a form
    /// of `be` and an adverb) names the same entity as the name before it, when both are people or neither
    /// is, the gazetteer does not know both, and the alias is a name, not a nationality.
    pub(super) fn link_aliases(&mut self, named: &[(usize, usize, usize)]) {
        let doc = self.doc;
        let n = doc.tokens.len();
        let at: HashMap<usize, (usize, usize)> =
            named.iter().map(|&(s, e, x)| (s, (e, x))).collect();
        for &(_, end, a) in named {
            let mut i = end;
            while i < n && matches!(doc.token_text(i), "," | "-" | "--" | "–" | "—" | ")") {
                i += 1;
            }
            // `was known as`, `is also known as`, `better known as`.
            if i < n && doc.tokens[i].lemma == "be" {
                i += 1;
            }
            if i < n && doc.tokens[i].pos == "ADV" {
                i += 1;
            }
            let Some(phrase) = self
                .lex
                .alias_phrases
                .iter()
                .find(|p| alias_phrase_at(doc, p, i))
            else {
                continue;
            };
            i += phrase.len();
            if i < n && opening_quote(doc.token_text(i)) {
                i += 1;
            }
            let Some(&(alias_end, b)) = at.get(&i) else {
                continue;
            };
            let (ra, rb) = (self.find(a), self.find(b));
            let (da, db) = (&self.drafts[ra], &self.drafts[rb]);
            if ra == rb || da.class.is_some() && db.class.is_some() || da.person != db.person {
                continue;
            }
            // The alias names nothing else already: `Johann Riegel was known as Hans`, where `Hans` has
            // joined `Hans Riegel`, his son, leaves both alone.
            let alias = clean_label(doc.tokens_text(i, alias_end));
            if db.class.is_none() && db.label != alias {
                continue;
            }
            if self.read_as_nationality(rb, &alias) {
                continue;
            }
            // The gazetteer's name labels the entity; else the name stated first.
            if db.class.is_some() {
                self.merge(rb, ra);
            } else {
                self.merge(ra, rb);
            }
        }
    }

    /// A name the gazetteer lists as a nickname (`kg:nickname`) of one entity that the document names
    /// otherwise joins it (`the Foals` in a report naming Borussia Mönchengladbach, `Albiceleste` in one
    /// naming Argentina's national team: `kg:teamNickname`); a nickname of two entities the document names
    /// (`Red Devils`), or of none, stays as it is.
    pub(super) fn link_nicknames(&mut self) {
        for e in 0..self.drafts.len() {
            let d = &self.drafts[e];
            if self.find(e) != e || d.class.is_some() || d.label.is_empty() {
                continue;
            }
            // A national team's nickname names the men's or the women's team, whichever the report has.
            let teams = self
                .lex
                .team_nicknamed(&d.label)
                .iter()
                .flat_map(|country| [false, true].map(|women| national_team(country, women).key));
            let named: BTreeSet<usize> = self
                .lex
                .nicknamed(&d.label)
                .iter()
                .cloned()
                .chain(teams)
                .filter_map(|k| self.entity_with_key(&k))
                .collect();
            if let [one] = named.into_iter().collect::<Vec<_>>()[..] {
                self.merge(one, e);
            }
        }
    }

    /// Names still alone after the document's own evidence, resolved to entities of earlier documents
    /// (`Putin` to the `Vladimir Putin` named before, an alias an earlier document stated).
    pub(super) fn link_known(&mut self) {
        let mut by_known: HashMap<String, usize> = HashMap::new();
        for e in 0..self.drafts.len() {
            if self.find(e) != e || self.drafts[e].label.is_empty() {
                continue;
            }
            let d = &self.drafts[e];
            if let Some(k) = &d.fixed_key {
                by_known.entry(k.clone()).or_insert(e);
                continue;
            }
            if d.class.is_some() || d.description || self.lex.words.is_generic_name(&d.label) {
                continue;
            }
            let key = entity_key(&d.label, d.person);
            let Some(k) = self.lex.known_by_name(&d.label, &key) else {
                continue;
            };
            let (kkey, klabel, kclass) = (k.key.clone(), k.label.clone(), k.class.clone());
            if let Some(&other) = by_known.get(&kkey) {
                self.merge(other, e);
                continue;
            }
            let d = &mut self.drafts[e];
            if d.label != klabel {
                let old = std::mem::replace(&mut d.label, klabel);
                if !d.aliases.contains(&old) {
                    d.aliases.push(old);
                }
            }
            d.fixed_key = Some(kkey.clone());
            d.person |= kclass == "Person";
            d.class = Some(kclass);
            by_known.insert(kkey, e);
        }
    }
}

/// The sovereign's title (`Prince`, `Pope`) written right before the last word of a name NER found,
/// inside its span (`Pope Francis`) or just before it (`Prince` | `Charles`); `None` for a name of more
/// words after it (`Queen Elizabeth II`).
fn sovereign_title<'d>(
    doc: &'d Doc,
    lex: &Lexicon,
    span: &NameSpan,
    text: &'d str,
) -> Option<&'d str> {
    let before = match name_words(text)[..] {
        [.., before, _] => before,
        [_] if span.start > 0 => doc.token_text(span.start - 1),
        _ => return None,
    };
    lex.words.is_sovereign_title(before).then_some(before)
}

/// A person's name without a person's noun NER took into it at its start (`Farmer Markus Fischer`,
/// `Composer Arnold Schoenberg`, opening a sentence: `kg:personNouns`), where two capitalised words or more
/// remain; else the name as it is.
fn strip_person_noun(lex: &Lexicon, name: &str) -> String {
    match name_words(name)[..] {
        [first, ref rest @ ..]
            if rest.len() >= 2
                && lex.is_person_noun(first)
                && rest.iter().all(|w| w.starts_with(char::is_uppercase)) =>
        {
            rest.join(" ")
        }
        _ => name.to_string(),
    }
}

/// Whether the name starting at token `start` follows an alias phrase (`known as`, `dubbed`;
/// `kg:aliasPhrases`), a quotation mark aside.
fn after_alias_phrase(doc: &Doc, lex: &Lexicon, start: usize) -> bool {
    let start = if start > 0 && opening_quote(doc.token_text(start - 1)) {
        start - 1
    } else {
        start
    };
    lex.alias_phrases
        .iter()
        .any(|p| p.len() <= start && alias_phrase_at(doc, p, start - p.len()))
}

/// Whether alias phrase `phrase` (lower-case words) is written at token `i`.
fn alias_phrase_at(doc: &Doc, phrase: &[String], i: usize) -> bool {
    phrase.iter().enumerate().all(|(k, w)| {
        doc.tokens
            .get(i + k)
            .is_some_and(|_| doc.token_text(i + k).eq_ignore_ascii_case(w))
    })
}

/// Whether a one-word name NER called something else is coordinated with a person's name (`Bernat and
/// Costa looked menacing`, `Costa` tagged an organisation): in a sports report, a player. Not a name the
/// gazetteer, the places list or the clubs' sports names know (`Bayern and Ribery`).
fn coordinated_with_person(
    doc: &Doc,
    lex: &Lexicon,
    person_roots: &HashSet<usize>,
    start: usize,
    end: usize,
    text: &str,
) -> bool {
    if end - start != 1 || lex.is_known_name(text) || lex.sports_name(text).is_some() {
        return false;
    }
    coordination(doc, start)
        .into_iter()
        .any(|c| c != start && person_roots.contains(&c))
}

/// Whether the name over tokens `start..end` is the subject of `say` (`Holland said`).
fn speaks(doc: &Doc, start: usize, end: usize) -> bool {
    let root = &doc.tokens[span_root(doc, start, end)];
    root.dep == "nsubj" && doc.tokens[root.head].lemma == "say"
}

/// Whether a token opens a quotation, as an alias after its phrase may be quoted (`dubbed "Mutti"`).
fn opening_quote(text: &str) -> bool {
    matches!(text, "\"" | "'" | "“" | "‘" | "``")
}

/// Whether a name of two words or more ends in a company's legal form (`Sara Lee Corp`, `Samuel Montagu
/// Ltd`; `kg:legalFormDesignators`; see [`NameWords::is_written_legal_form`]).
fn ends_in_legal_form(words: &NameWords, name: &str) -> bool {
    match name_words(name)[..] {
        [_, .., last] => words.is_written_legal_form(last),
        _ => false,
    }
}

/// Whether the name is the object of an `of` after a common noun of a class of places (`the city of
/// Bochum`, `the state of Bavaria`; `kg:headNoun` of a subclass of `kg:Place`).
fn named_as_place(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    preposition_over(doc, start, end).is_some_and(|of| {
        of.lemma == "of"
            && doc.tokens.get(of.head).is_some_and(|h| {
                h.pos == "NOUN"
                    && lex
                        .head_noun_class(&h.lemma)
                        .is_some_and(|c| lex.is_place_class(c))
            })
    })
}

/// Whether the name is the object of a preposition that a proper noun governs (`Enke from Hanover`, `Klopp
/// at Dortmund`): in a sports report, the club a person plays or works for.
fn after_a_name(doc: &Doc, start: usize, end: usize) -> bool {
    preposition_over(doc, start, end)
        .and_then(|prep| doc.tokens.get(prep.head))
        .is_some_and(|h| h.pos == "PROPN")
}

/// Whether the name is the object of a locative preposition (`in Dortmund`, `to Munich`;
/// `kg:locativePrepositions`).
fn located(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    preposition_over(doc, start, end)
        .is_some_and(|p| lex.locative_prepositions.contains(&p.lemma.to_lowercase()))
}
