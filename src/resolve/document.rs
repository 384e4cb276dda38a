//! One document's entities: named mentions clustered (name variants, partial names, gazetteer, known
//! entities), aliases stated in the text, and argument phrases resolved to entities: names, definite
//! descriptions, role descriptions and pronouns (by a sieve; unclear antecedents stay unresolved).

use super::lexicon::{Canonical, Lexicon};
use super::name_edges::DocWords;
use super::names::{clean_phrase, is_pronoun, name_words};
use crate::analysis::{Doc, Sentence, Token};
use std::collections::HashMap;
use std::ops::Range;

/// An entity being built.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub label: String,
    /// A key fixed by the gazetteer or a known entity.
    pub fixed_key: Option<String>,
    pub person: bool,
    /// Named only by descriptions (`the disputed islands`): its key is scoped to the document.
    pub description: bool,
    /// Whether the label came from a description with a modifier (`disputed islands`), preferred as label.
    pub label_modified: bool,
    pub aliases: Vec<String>,
    /// A class fixed by the gazetteer or a known entity.
    pub class: Option<String>,
    /// Classes suggested by context (`island of Hokkaido`, `the Crimea region`).
    pub hints: Vec<String>,
    pub ner: Vec<String>,
    pub mentions: Vec<Range<usize>>,
    /// The gazetteer key of the country whose national team this is (see [`super::teams`]).
    pub national_team_of: Option<String>,
    /// A set of things of a class (`creditor banks`, `other firms`), no one of them: it is of no class, so
    /// it takes part in no property that asks one.
    pub set: bool,
}

impl Draft {
    /// A lone name NER tagged a person that is a place after all: no longer a person, and its mentions'
    /// PERSON votes count for a place.
    pub(super) fn read_as_place(&mut self) {
        self.person = false;
        for label in &mut self.ner {
            if label == "PERSON" {
                *label = "GPE".into();
            }
        }
    }
}

/// Entity mentions as (token, entity).
pub(super) type Mentions = Vec<(usize, usize)>;

/// How an argument was resolved (it sets the confidence factor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    Name,
    Description,
    Role,
    Pronoun,
}

/// The result of resolving an argument's head.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolution {
    /// One or more entities (several for `they` over a coordination).
    Entities(Vec<usize>, Via),
    /// A value or a phrase that is not an entity.
    Literal(String),
    /// A pronoun or description without a clear antecedent: the triple is dropped.
    Unresolved,
}

/// Classes whose definite descriptions corefer within a document (`the islands`, `the region`).
const COREFERRING_CLASSES: &[&str] = &["IslandGroup", "Island", "Region"];

pub(crate) struct DocEntities<'a> {
    pub doc: &'a Doc,
    pub lex: &'a Lexicon,
    pub sentences: Vec<Sentence>,
    pub sent_of: Vec<usize>,
    pub drafts: Vec<Draft>,
    pub(super) parent: Vec<usize>,
    pub(super) token_entity: Vec<Option<usize>>,
    pub(super) value_span: Vec<Option<usize>>,
    pub(super) by_key: HashMap<String, usize>,
    /// Description entities by class (one salient group per document and class).
    groups: HashMap<String, usize>,
    /// Tokens at which an entity is mentioned, for the pronoun sieve: (token, entity).
    pub mention_tokens: Vec<(usize, usize)>,
    /// Persons' offices from titles: (person, role property IRI, country entity).
    pub person_roles: Vec<(usize, String, Option<usize>)>,
    /// Persons whose office an apposition gives of what it names (`the president of the VDMA`): no
    /// country's office by default.
    pub(super) owned_offices: Vec<usize>,
    /// The document reads as a sports report ([`Lexicon::is_sports_report`]), read once.
    pub sports_report: bool,
    /// The token ranges of its credit lines and bylines ([`crate::extract::credit_lines`]), named in no
    /// mention.
    pub(super) credits: Vec<std::ops::Range<usize>>,
    /// The document's word sets that name repairs read, built once ([`DocWords`]).
    pub(super) doc_words: DocWords<'a>,
}

impl<'a> DocEntities<'a> {
    pub fn new(doc: &'a Doc, lex: &'a Lexicon) -> Self {
        let sentences = doc.sentences();
        let mut sent_of = vec![0; doc.tokens.len()];
        for (si, s) in sentences.iter().enumerate() {
            for t in s.tokens() {
                sent_of[t] = si;
            }
        }
        let mut de = DocEntities {
            doc,
            lex,
            sentences,
            sent_of,
            drafts: Vec::new(),
            parent: Vec::new(),
            token_entity: vec![None; doc.tokens.len()],
            value_span: vec![None; doc.tokens.len()],
            by_key: HashMap::new(),
            groups: HashMap::new(),
            mention_tokens: Vec::new(),
            person_roles: Vec::new(),
            owned_offices: Vec::new(),
            sports_report: lex.is_sports_report(doc),
            credits: crate::extract::credit_lines(doc),
            doc_words: DocWords::new(doc),
        };
        let named = de.add_spans();
        de.link_short_forms();
        de.lone_place_names();
        de.link_stated(&named);
        de.link_aliases(&named);
        de.link_repeated();
        de.link_known();
        de.link_national();
        de.link_nicknames();
        de.class_hints();
        de.eager_descriptions();
        de.stated_aliases();
        de
    }

    /// The document's description entity of a class (`IslandGroup`: the islands), if any.
    pub fn group(&self, class: &str) -> Option<usize> {
        self.groups.get(class).map(|&g| self.find(g))
    }

    /// The representative of an entity after merges.
    pub fn find(&self, mut e: usize) -> usize {
        while self.parent[e] != e {
            e = self.parent[e];
        }
        e
    }

    /// Whether an entity is named only by a bare common noun (`the meeting`, `a base`): such a thing is
    /// located nowhere in the graph (it stays in the open triples); `the disputed islands` is.
    pub(crate) fn bare_description(&self, e: usize) -> bool {
        let d = &self.drafts[self.find(e)];
        d.description && !d.label_modified
    }

    /// The entity a token belongs to, if it is part of a named mention.
    pub fn entity_at(&self, token: usize) -> Option<usize> {
        self.token_entity
            .get(token)
            .copied()
            .flatten()
            .map(|e| self.find(e))
    }

    pub(super) fn new_draft(&mut self, draft: Draft) -> usize {
        self.drafts.push(draft);
        self.parent.push(self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    /// The entity with this key, created if new.
    pub(super) fn intern(&mut self, key: &str, make: impl FnOnce() -> Draft) -> usize {
        if let Some(&e) = self.by_key.get(key) {
            return self.find(e);
        }
        let e = self.new_draft(make());
        self.by_key.insert(key.to_string(), e);
        e
    }

    /// Merges entity `b` into `a` (a's label wins unless `a` is only a description).
    pub fn merge(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let other = std::mem::take(&mut self.drafts[b]);
        let target = &mut self.drafts[a];
        if target.description && !other.description {
            target.aliases.push(std::mem::take(&mut target.label));
            target.label = other.label.clone();
            target.description = false;
            target.fixed_key = other.fixed_key.clone();
        } else if other.label != target.label {
            target.aliases.push(other.label.clone());
        }
        target.aliases.extend(other.aliases);
        target.person |= other.person;
        if target.class.is_none() {
            target.class = other.class;
        }
        target.hints.extend(other.hints);
        target.ner.extend(other.ner);
        target.mentions.extend(other.mentions);
        self.parent[b] = a;
    }

    /// Class evidence from the phrase around a name: `the island of Hokkaido`, `the Crimea region`.
    fn class_hints(&mut self) {
        let doc = self.doc;
        for &(root, e) in &self.mention_tokens.clone() {
            let t = &doc.tokens[root];
            let head = t.head;
            // The name's own last word (`Crimean Peninsula`, `Kuril Islands`; not in a name NER called an
            // organisation or a person, `Nordbank Capital`), else the noun it names.
            let mut hint = if matches!(t.ent_type.as_str(), "ORG" | "PERSON") {
                None
            } else {
                self.lex.head_noun_class(doc.token_text(root))
            };
            if hint.is_none()
                && t.dep == "pobj"
                && doc.tokens[head].lemma.eq_ignore_ascii_case("of")
            {
                hint = self.noun_class(doc.tokens[head].head);
            } else if hint.is_none()
                && matches!(t.dep.as_str(), "compound" | "appos")
                && head != root
            {
                hint = self.noun_class(head);
            }
            // `Subotica, a small town near the border`: a common noun in apposition after the name.
            if hint.is_none()
                && let Some(a) = children(doc, root).find(|&c| {
                    c > root && doc.tokens[c].dep == "appos" && doc.tokens[c].pos == "NOUN"
                })
            {
                hint = self.noun_class(a);
            }
            if let Some(h) = hint.filter(|c| self.lex.is_place_class(c)) {
                let h = h.to_string();
                let e = self.find(e);
                let d = &mut self.drafts[e];
                d.hints.push(h);
                // A lone word a place noun describes (`Rakhine state`, `Görlitz and Essen, two cities`) is
                // the place, whatever NER said: no person's full name holds it.
                if d.person && d.class.is_none() && !d.label.contains(' ') {
                    d.read_as_place();
                }
            }
        }
    }

    /// Resolves every plural place description up front (`the disputed islands`), so the group's label and
    /// mentions do not depend on which phrases the extractor happens to use.
    fn eager_descriptions(&mut self) {
        let doc = self.doc;
        for h in 0..doc.tokens.len() {
            let t = &doc.tokens[h];
            if t.pos != "NOUN" || t.dep == "compound" || self.entity_at(h).is_some() {
                continue;
            }
            let class = self.lex.head_noun_class(doc.token_text(h));
            if class.is_some_and(|c| COREFERRING_CLASSES.contains(&c)) {
                self.resolve_head(h, None, 0);
            }
        }
    }

    /// Whether entity `e` is the gazetteer's only by reading its name `written` as a nationality (`Saudi
    /// French`, France): such a name states no other name of what it follows (`Al Bank Al Saudi Al Fransi,
    /// known as Saudi French`: the bank is not France).
    pub(super) fn read_as_nationality(&self, e: usize, written: &str) -> bool {
        self.drafts[self.find(e)].class.is_some()
            && self.lex.gazetteer_name(written).is_none()
            && self.lex.words.without_legal_form(written).is_none()
    }

    /// `X, known in Japan as A and in Russia as B`: A and B name X's entity (not a nationality: see
    /// [`DocEntities::read_as_nationality`]).
    fn stated_aliases(&mut self) {
        let doc = self.doc;
        for v in 0..doc.tokens.len() {
            let t = &doc.tokens[v];
            let naming = ["know", "call", "name", "dub"]
                .iter()
                .any(|w| t.lemma.eq_ignore_ascii_case(w));
            if t.tag != "VBN" || !matches!(t.dep.as_str(), "acl" | "relcl") || !naming {
                continue;
            }
            let mut names = Vec::new();
            for p in children(doc, v).filter(|&c| doc.tokens[c].lemma.eq_ignore_ascii_case("as")) {
                for o in children(doc, p).filter(|&c| doc.tokens[c].dep == "pobj") {
                    let written = doc.ents.iter().find(|s| s.start <= o && o < s.end);
                    if let Some(e) = self.entity_at(o)
                        && !written.is_some_and(|s| {
                            self.read_as_nationality(e, doc.slice(s.start_byte..s.end_byte))
                        })
                    {
                        names.push(e);
                    }
                }
            }
            if names.is_empty() {
                continue;
            }
            let target = match self.resolve_head(t.head, None, 0) {
                Resolution::Entities(es, _) if es.len() == 1 => es[0],
                _ => continue,
            };
            for n in names {
                if self.find(n) != self.find(target) {
                    let keep_class = self.drafts[self.find(target)].hints.clone();
                    self.merge(target, n);
                    let r = self.find(target);
                    self.drafts[r].hints.extend(keep_class);
                }
            }
        }
    }

    /// Whether `noun`, after the name of entity `e`, says what kind of body the entity is (`kg:bodyNouns`:
    /// `the Left party`): `e` is an organisation, by the gazetteer's class or NER's, or a group's name that
    /// is some country's party or institution (`the Green party`; not `an Islamist group`).
    fn organisation_body(&self, e: usize, noun: &str) -> bool {
        let d = &self.drafts[e];
        if d.person || !self.lex.words.is_body_noun(noun) {
            return false;
        }
        match d.class.as_deref() {
            Some(class) => self.lex.is_organisation_class(class),
            None => {
                d.ner.iter().all(|l| l == "ORG" || l == "NORP")
                    && (d.ner.iter().any(|l| l == "ORG")
                        || self.lex.national_readings(&d.label).next().is_some())
            }
        }
    }

    /// The class a common noun denotes, with a non-name compound before it (`islet group`), else alone.
    fn noun_class(&self, h: usize) -> Option<&'a str> {
        let doc = self.doc;
        let lex: &'a Lexicon = self.lex;
        let text = doc.token_text(h).to_lowercase();
        if h > 0
            && doc.tokens[h - 1].head == h
            && doc.tokens[h - 1].dep == "compound"
            && self.entity_at(h - 1).is_none()
        {
            let two = format!("{} {text}", doc.token_text(h - 1).to_lowercase());
            if let Some(c) = lex.head_noun_class(&two) {
                return Some(c);
            }
        }
        lex.head_noun_class(&text)
            .or_else(|| lex.head_noun_class(&doc.tokens[h].lemma))
    }

    /// The phrase of a head token within the given tokens (its subtree, conjuncts excluded), cleaned.
    pub fn phrase(&self, head: usize, within: &[usize]) -> String {
        let doc = self.doc;
        // A piece of a hyphenated word goes with the word (`e-mails`, whose `e` the parser may hang elsewhere).
        let mut toks: Vec<usize> = within
            .iter()
            .copied()
            .filter(|&i| {
                i < doc.tokens.len() && doc.hyphenated_word(i).any(|k| dominates(doc, head, k))
            })
            .collect();
        if toks.is_empty() {
            toks.push(head);
        }
        toks.sort_unstable();
        let mut out = String::new();
        for (k, &i) in toks.iter().enumerate() {
            let t = &doc.tokens[i];
            if k == 0 && matches!(t.tag.as_str(), "DT" | "PRP$" | "WDT") {
                continue;
            }
            if matches!(t.tag.as_str(), "POS") && k + 1 == toks.len() {
                continue;
            }
            out.push_str(doc.token_text(i));
            if let Some(&next) = toks.get(k + 1)
                && (t.space_after || doc.tokens[next].start > t.end + 1)
            {
                out.push(' ');
            }
        }
        clean_phrase(out.trim())
    }

    /// Whether the token `h`, a mention of entity `e`, names people of the nationality of the country `e`
    /// is, not the country: one of them (`the Spaniard beat`, `a Swede`), or some (`Many Turks living in
    /// Germany`, `Greeks in Bonn`: a plural with a word of its own beside it other than `the`). `The Saudis
    /// agreed` and `the French` stay the country, as news writes them for its government; so do a
    /// country's name (`Philippines`), a person's surname (`Oliver Irish`), an adjective or a word the
    /// parse took for a noun inside a compound (`Russian-held islands`), and, in a sports report, the
    /// country's side.
    fn names_a_people(&self, h: usize, e: usize) -> bool {
        let doc = self.doc;
        let t = &doc.tokens[h];
        let modifier = matches!(t.dep.as_str(), "amod" | "compound" | "nmod" | "npadvmod")
            || h + 1 < doc.tokens.len() && doc.token_text(h + 1) == "-";
        let Some(key) = self.drafts[e]
            .fixed_key
            .as_deref()
            .filter(|_| !self.sports_report)
        else {
            return false;
        };
        let text = doc.token_text(h);
        if !matches!(t.pos.as_str(), "NOUN" | "PROPN")
            || modifier
            || self.lex.gazetteer_name(text).is_some()
        {
            return false;
        }
        let of_e = |c: Option<&Canonical>| c.is_some_and(|c| c.key == key);
        // One person: a noun only a person is (`Spaniard`, `Belgian`), not an adjective that names the
        // people as a whole (`French`, `Japanese`, `Swiss`).
        let adjective_form = ["ese", "ish", "ch", "ss", "sh"]
            .iter()
            .any(|end| text.ends_with(end));
        if matches!(t.tag.as_str(), "NN" | "NNP") && !adjective_form && of_e(self.lex.demonym(text))
        {
            return true;
        }
        // Some of them: a plural with a word of its own beside it.
        let plural = of_e(self.lex.plural_demonym(text))
            || h > 0 && of_e(self.lex.plural_demonym(doc.tokens_text(h - 1, h + 1)));
        plural
            && children(doc, h).any(|c| {
                let w = doc.token_text(c);
                !w.eq_ignore_ascii_case("the") && doc.tokens[c].dep != "compound"
            })
    }

    /// Resolves the head token of an argument. `speaker` is the entity of the attributed speaker (for `I`).
    pub fn resolve_head(&mut self, h: usize, speaker: Option<usize>, depth: usize) -> Resolution {
        let doc = self.doc;
        if depth > 3 || h >= doc.tokens.len() {
            return Resolution::Unresolved;
        }
        if let Some(e) = self.entity_at(h) {
            // A nationality's people are no state (`Turks living in Germany`, `Greeks in Bonn`): a fact
            // keeps the word, while the mention still names the country.
            if self.names_a_people(h, e) {
                return Resolution::Literal(doc.token_text(h).to_string());
            }
            return Resolution::Entities(vec![e], Via::Name);
        }
        // `The two met`: the pair named together just before; `the other two`: an unnamed set.
        let t = &doc.tokens[h];
        if t.tag == "CD"
            && children(doc, h).any(|c| {
                let k = &doc.tokens[c];
                k.dep == "det" || self.lex.subset_words.contains(&k.lemma.to_lowercase())
            })
        {
            let plain_pair = doc.token_text(h).eq_ignore_ascii_case("two")
                && children(doc, h).all(|c| doc.tokens[c].lemma.eq_ignore_ascii_case("the"));
            return match self.named_group(h).filter(|g| plain_pair && g.len() == 2) {
                Some(group) => Resolution::Entities(group, Via::Pronoun),
                None => Resolution::Unresolved,
            };
        }
        if let Some(si) = self.value_span[h] {
            let s = &doc.ents[si];
            return Resolution::Literal(doc.slice(s.start_byte..s.end_byte).to_string());
        }
        let text = doc.token_text(h);
        if matches!(t.tag.as_str(), "PRP" | "PRP$" | "WDT" | "WP" | "WP$" | "EX")
            || t.pos == "PRON"
            || is_pronoun(text)
        {
            return self.pronoun(h, speaker, depth);
        }
        // `the Crimea region`, `Soviet forces`, `the island of Hokkaido`, `the Habomai islet group`.
        let lex = self.lex;
        let place_head = |noun: Option<&str>| noun.is_some_and(|c| lex.is_place_class(c));
        // A name two compounds away: `the Habomai islet group`.
        if let Some(e) = children(doc, h)
            .filter(|&c| doc.tokens[c].dep == "compound" && self.entity_at(c).is_none())
            .flat_map(|c| children(doc, c).collect::<Vec<_>>())
            .filter(|&c| doc.tokens[c].dep == "compound")
            .find_map(|c| self.entity_at(c))
            && let Some(class) = self.noun_class(h).filter(|c| self.lex.is_place_class(c))
        {
            let class = class.to_string();
            self.drafts[e].hints.insert(0, class);
            return Resolution::Entities(vec![e], Via::Name);
        }
        for c in children(doc, h).collect::<Vec<_>>() {
            let ct = &doc.tokens[c];
            if let Some(e) = self.entity_at(c) {
                let military = self.lex.head_noun_class(text) == Some("Military")
                    && !matches!(t.tag.as_str(), "NN");
                let compound_class = self.noun_class(h);
                // `the Left party`, `the Hamas militia`: the organisation, not a body of its own (the name right
                // before the noun: `the ICO ad hoc working group` is a group within the ICO).
                if ct.dep == "compound"
                    && c + 1 == h
                    && t.tag == "NN"
                    && self.organisation_body(e, text)
                {
                    return Resolution::Entities(vec![e], Via::Name);
                }
                if ct.dep == "compound" && place_head(compound_class) {
                    if let Some(c) = compound_class {
                        let c = c.to_string();
                        self.drafts[e].hints.push(c);
                    }
                    return Resolution::Entities(vec![e], Via::Name);
                }
                if ct.dep == "amod"
                    && military
                    && self.drafts[e].class.as_deref() == Some("Country")
                {
                    return Resolution::Entities(vec![e], Via::Name);
                }
                // `Assad's forces` act for Assad.
                if ct.dep == "poss" && military {
                    return Resolution::Entities(vec![e], Via::Name);
                }
            }
            if ct.dep == "prep" && ct.lemma.eq_ignore_ascii_case("of") {
                let class = self.lex.head_noun_class(&t.lemma);
                if place_head(class)
                    && let Some(o) = children(doc, c).find(|&o| doc.tokens[o].dep == "pobj")
                    && let Some(e) = self.entity_at(o)
                {
                    return Resolution::Entities(vec![e], Via::Name);
                }
            }
        }
        // `The leader of the party, Fritz Kuhn, said`, `US airline Continental denied`: the person or
        // organisation the apposition names, not whoever held the role before or a description.
        let role_noun =
            lex.is_person_noun(text) || lex.mapper.role_in(&text.to_lowercase()).is_some();
        let organisation_noun = lex.is_organisation_kind_noun(&t.lemma);
        if (role_noun || organisation_noun)
            && let Some(e) = children(doc, h)
                .filter(|&c| doc.tokens[c].dep == "appos")
                .find_map(|c| {
                    self.entity_at(c)
                        .filter(|&e| self.drafts[self.find(e)].person == role_noun)
                })
        {
            return Resolution::Entities(vec![e], Via::Name);
        }
        if let Some(r) = self.role_description(h) {
            return r;
        }
        self.description(h)
    }

    /// A common-noun phrase: coreferring descriptions of places (`the islands`), else a phrase.
    fn description(&mut self, h: usize) -> Resolution {
        let doc = self.doc;
        let t = &doc.tokens[h];
        let kids: Vec<usize> = children(doc, h).collect();
        let compound = kids
            .iter()
            .rev()
            .find(|&&c| doc.tokens[c].dep == "compound")
            .map(|&c| {
                format!(
                    "{} {}",
                    doc.tokens[c].lemma.to_lowercase(),
                    doc.token_text(h).to_lowercase()
                )
            });
        // A plural's class is its own word's (`islands`, `troops`), never its singular's: `creditor banks`,
        // `cities` are sets of things, no one bank or city.
        let plural = matches!(t.tag.as_str(), "NNS" | "NNPS");
        // A singular noun with no determiner, possessor or number is a mass or generic use, no one thing:
        // `working capital`, `share capital`, `raise capital` (`the capital` is a city).
        let mass = t.tag == "NN"
            && !kids.iter().any(|&c| {
                matches!(
                    doc.tokens[c].dep.as_str(),
                    "det" | "predet" | "poss" | "nummod"
                )
            });
        let lemma_class = self.lex.head_noun_class(&t.lemma);
        let class = compound
            .as_deref()
            .and_then(|c| self.lex.head_noun_class(c))
            .or_else(|| self.lex.head_noun_class(doc.token_text(h)))
            .or(lemma_class.filter(|_| !plural))
            .filter(|_| !mass)
            .filter(|c| {
                !(self.lex.is_place_class(c)
                    && *c != "Facility"
                    && self.owned_by_organisation(&kids))
            })
            .map(str::to_string);
        // A set of things of a class (`U.S. warships`, `creditor banks`) is still something facts are about:
        // a node of the document, of no class; people and countries stay phrases, as one of them does.
        let set = plural
            && class.is_none()
            && lemma_class.is_some_and(|c| c != "Person" && c != "Country");
        let subtree: Vec<usize> = sentence_range(doc, h)
            .filter(|&i| dominates(doc, h, i))
            .collect();
        let label = self.phrase(h, &subtree_np(doc, h, &subtree));
        if label.is_empty() || !t.pos.starts_with("NOUN") && !t.pos.starts_with("PROPN") {
            return if label.is_empty() {
                Resolution::Unresolved
            } else {
                Resolution::Literal(label)
            };
        }
        let Some(class) = class else {
            if set {
                return self.phrase_entity(label, None, h);
            }
            return Resolution::Literal(label);
        };
        let subset = kids.iter().any(|&c| {
            let k = &doc.tokens[c];
            matches!(k.tag.as_str(), "JJR" | "JJS")
                || self.lex.subset_words.contains(&k.lemma.to_lowercase())
        });
        // Label preference: `the disputed islands` over `the islands` over `four Russian-held, ... islands`.
        let amods = kids
            .iter()
            .filter(|&&c| doc.tokens[c].dep == "amod")
            .count();
        let definite = kids
            .iter()
            .any(|&c| doc.tokens[c].lemma.eq_ignore_ascii_case("the"));
        let numbered = kids.iter().any(|&c| doc.tokens[c].dep == "nummod");
        let modified = definite && amods == 1 && !numbered;
        let label = if numbered && COREFERRING_CLASSES.contains(&class.as_str()) {
            let kept: Vec<usize> = subtree_np(doc, h, &subtree)
                .into_iter()
                .filter(|&i| doc.tokens[i].dep != "nummod" || doc.tokens[i].head != h)
                .collect();
            self.phrase(h, &kept)
        } else {
            label
        };
        let bytes = t.start..t.end;
        if COREFERRING_CLASSES.contains(&class.as_str()) && !subset {
            if let Some(&g) = self.groups.get(&class) {
                let g = self.find(g);
                let d = &mut self.drafts[g];
                let plain_first = definite && !d.label_modified && d.mentions.len() == 1;
                if d.description && (modified || plain_first) && !d.label_modified {
                    let old = std::mem::replace(&mut d.label, label.clone());
                    d.aliases.push(old);
                    d.label_modified = modified;
                } else if label != d.label && !d.aliases.contains(&label) {
                    d.aliases.push(label);
                }
                d.mentions.push(bytes);
                self.mention_tokens.push((h, g));
                return Resolution::Entities(vec![g], Via::Description);
            }
            let e = self.new_draft(Draft {
                label,
                description: true,
                label_modified: modified,
                hints: vec![class.clone()],
                mentions: vec![bytes],
                ..Draft::default()
            });
            self.groups.insert(class, e);
            self.mention_tokens.push((h, e));
            return Resolution::Entities(vec![e], Via::Description);
        }
        if subset || class == "Person" || class == "Country" {
            return Resolution::Literal(label);
        }
        // `The company said`, `the bank said`: the company of the story (`kg:companyNouns`), or the
        // organisation whose name the noun ends (`Deutsche Bank`), the noun alone after `the`.
        let bare = kids
            .iter()
            .all(|&c| matches!(doc.tokens[c].dep.as_str(), "det" | "case" | "punct"));
        if definite
            && bare
            && t.tag == "NN"
            && let Some(e) = self.story_organisation(h, &t.lemma.to_lowercase())
        {
            self.drafts[e].mentions.push(bytes);
            self.mention_tokens.push((h, e));
            return Resolution::Entities(vec![e], Via::Description);
        }
        // A phrase that is a gazetteer name written with a capital (`the EU parliament`, `the European
        // Parliament` where NER tagged only `European`) is that entity.
        if label.chars().any(char::is_uppercase)
            && let Some(c) = self.lex.gazetteer_name(&label).cloned()
        {
            let e = self.intern(&c.key, || Draft {
                label: c.label.clone(),
                fixed_key: Some(c.key.clone()),
                person: c.class == "Person",
                class: Some(c.class.clone()),
                ..Draft::default()
            });
            self.drafts[e].mentions.push(bytes);
            self.mention_tokens.push((h, e));
            return Resolution::Entities(vec![e], Via::Name);
        }
        // Other classed phrases (`missile systems`, `security talks`) are entities of the document.
        self.phrase_entity(label, Some(class), h)
    }

    /// Whether a possessor among `kids` (a head noun's children) is an organisation, named (`Nestle's`) or
    /// described (`the bank's`): what it owns is no place but a facility (`Nestle's nominal capital`, `the
    /// bank's capital` are money; `Ford's assembly plant` is a plant), where a country's or a person's may
    /// be (`Japan's capital`, `his home town`).
    fn owned_by_organisation(&self, kids: &[usize]) -> bool {
        let doc = self.doc;
        kids.iter()
            .filter(|&&c| doc.tokens[c].dep == "poss")
            .any(|&c| match self.entity_at(c) {
                Some(e) => {
                    let d = &self.drafts[self.find(e)];
                    match d.class.as_deref() {
                        Some(class) => self.lex.is_organisation_class(class),
                        None => !d.person && d.ner.iter().any(|l| l == "ORG"),
                    }
                }
                None => self.lex.is_organisation_kind_noun(&doc.tokens[c].lemma),
            })
    }

    /// The document's entity of a description phrase headed by token `h`, with the class it hints; with
    /// none, a set of things (see [`Draft::set`]).
    fn phrase_entity(&mut self, label: String, class: Option<String>, h: usize) -> Resolution {
        let t = &self.doc.tokens[h];
        let bytes = t.start..t.end;
        let key = format!("phrase:{}", label.to_lowercase());
        let e = self.intern(&key, || Draft {
            label,
            description: true,
            set: class.is_none(),
            hints: class.into_iter().collect(),
            ..Draft::default()
        });
        self.drafts[e].mentions.push(bytes);
        self.mention_tokens.push((h, e));
        Resolution::Entities(vec![e], Via::Description)
    }

    /// The organisation a bare `the company` or `the bank` at token `h` names (`noun`, its lemma): the
    /// named organisation that is the subject of a clause nearest before it (`Amoco said it would expand
    /// ... The company said`), outside the clause of which `h` is a part (`Smoky River is an Alberta
    /// company, the company said`: the company reports on Smoky River). A company noun
    /// (`kg:companyNouns`) takes one NER called an organisation, of no narrower class (not a ministry, a
    /// party or a club); another noun one whose name it ends (`the bank` for `Deutsche Bank`, `the party`
    /// for the `Labour Party`). In business news the company is the one the story is about, which the text
    /// makes its subject; an organisation only named in passing (`a mine near Helena`, where NER missed
    /// the company) is none.
    fn story_organisation(&self, h: usize, noun: &str) -> Option<usize> {
        let doc = self.doc;
        let clause = doc.tokens[h].head;
        let company_noun = self.lex.company_nouns.contains(noun);
        let fits = |e: usize| {
            let d = &self.drafts[e];
            if d.person || d.description {
                return false;
            }
            if company_noun {
                d.ner.iter().any(|l| l == "ORG")
                    && d.class.as_deref().is_none_or(|c| c == "Organization")
            } else {
                name_words(&d.label)
                    .last()
                    .is_some_and(|w| w.eq_ignore_ascii_case(noun))
            }
        };
        self.mention_tokens
            .iter()
            .map(|&(i, e)| (i, self.find(e)))
            .filter(|&(i, e)| {
                i < h
                    && matches!(doc.tokens[i].dep.as_str(), "nsubj" | "nsubjpass")
                    && !dominates(doc, clause, i)
                    && fits(e)
            })
            .max_by_key(|&(i, _)| i)
            .map(|(_, e)| e)
    }
}

/// The children of a token, in order (heads lie within the sentence, so only it is scanned).
pub(crate) fn children(doc: &Doc, h: usize) -> impl Iterator<Item = usize> + '_ {
    sentence_range(doc, h).filter(move |&i| i != h && doc.tokens[i].head == h)
}

/// The token range of the sentence containing token `h`.
pub(crate) fn sentence_range(doc: &Doc, h: usize) -> Range<usize> {
    let n = doc.tokens.len();
    if h >= n {
        return 0..0;
    }
    let mut start = h;
    while start > 0 && !doc.tokens[start].sent_start {
        start -= 1;
    }
    let mut end = h + 1;
    while end < n && !doc.tokens[end].sent_start {
        end += 1;
    }
    start..end
}

/// Whether `a` dominates `b` (or is it) in the parse.
pub(crate) fn dominates(doc: &Doc, a: usize, mut b: usize) -> bool {
    for _ in 0..doc.tokens.len() {
        if b == a {
            return true;
        }
        let h = doc.tokens[b].head;
        if h == b {
            return false;
        }
        b = h;
    }
    false
}

/// The root token of the mention over tokens `start..end` and the token it depends on, if any.
pub(crate) fn attachment(doc: &Doc, start: usize, end: usize) -> Option<(&Token, &Token)> {
    let root = span_root(doc, start, end);
    let tok = &doc.tokens[root];
    let head = doc.tokens.get(tok.head).filter(|_| tok.head != root)?;
    Some((tok, head))
}

/// The preposition whose object the mention over tokens `start..end` is (`in` of `in Dortmund`), if any.
pub(crate) fn preposition_over(doc: &Doc, start: usize, end: usize) -> Option<&Token> {
    attachment(doc, start, end)
        .filter(|(tok, _)| tok.dep == "pobj")
        .map(|(_, prep)| prep)
}

/// The token of a span whose head lies outside it.
pub(crate) fn span_root(doc: &Doc, start: usize, end: usize) -> usize {
    (start..end)
        .find(|&i| {
            let h = doc.tokens[i].head;
            h < start || h >= end || h == i
        })
        .unwrap_or(start)
}

/// The tokens of a mention's byte range (`start..end`, the first token starting where the mention does),
/// if a token starts there.
pub(crate) fn mention_token_range(doc: &Doc, bytes: &Range<usize>) -> Option<Range<usize>> {
    let start = doc
        .tokens
        .binary_search_by_key(&bytes.start, |t| t.start)
        .ok()?;
    let end = (start..doc.tokens.len())
        .find(|&i| doc.tokens[i].end >= bytes.end)
        .map_or(start + 1, |i| i + 1);
    Some(start..end)
}

/// Whether token `k` is a hyphen written between two words without spaces (`vice-president`, `Moon
/// Jae-in`).
pub(crate) fn glued_hyphen(doc: &Doc, k: usize) -> bool {
    k > 0
        && k + 1 < doc.tokens.len()
        && matches!(doc.token_text(k), "-" | "‑")
        && doc.tokens[k - 1].end == doc.tokens[k].start
        && doc.tokens[k].end == doc.tokens[k + 1].start
}

/// All the tokens of the coordination token `t` is part of (`Idaho, Oregon and Washington` from any of
/// them): the first conjunct and [`conjuncts`] of it.
pub(crate) fn coordination(doc: &Doc, t: usize) -> Vec<usize> {
    conjuncts(doc, first_conjunct(doc, t))
}

/// The first conjunct of the coordination token `t` is part of (`Idaho` of `Idaho, Oregon and Washington`
/// from any of them); `t` itself when it is no conjunct. The analysis' head chains end at a root, so the
/// walk ends.
pub(crate) fn first_conjunct(doc: &Doc, mut t: usize) -> usize {
    while doc.tokens[t].dep == "conj" && doc.tokens[t].head != t {
        t = doc.tokens[t].head;
    }
    t
}

/// The head and its conjuncts (`Japan and Russia`).
pub(crate) fn conjuncts(doc: &Doc, h: usize) -> Vec<usize> {
    let mut out = vec![h];
    let mut k = 0;
    while k < out.len() {
        let x = out[k];
        out.extend(children(doc, x).filter(|&c| doc.tokens[c].dep == "conj"));
        k += 1;
    }
    out
}

pub(super) fn has_conj(doc: &Doc, h: usize) -> bool {
    children(doc, h).any(|c| doc.tokens[c].dep == "conj")
}

/// The noun phrase of a head: its subtree without relative, participial and prepositional clauses and
/// conjuncts (`the islands, known in Japan as ...` -> `the islands`), keeping `of` phrases.
pub(crate) fn subtree_np(doc: &Doc, h: usize, subtree: &[usize]) -> Vec<usize> {
    let cut: Vec<usize> = children(doc, h)
        .filter(|&c| {
            let d = doc.tokens[c].dep.as_str();
            matches!(
                d,
                "relcl" | "acl" | "conj" | "cc" | "appos" | "punct" | "advcl"
            ) || (d == "prep" && !doc.tokens[c].lemma.eq_ignore_ascii_case("of"))
                || (d == "poss" && doc.tokens[c].tag == "PRP$")
        })
        .collect();
    subtree
        .iter()
        .copied()
        .filter(|&i| !cut.iter().any(|&c| dominates(doc, c, i)))
        .collect()
}
