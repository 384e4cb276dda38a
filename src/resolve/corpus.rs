//! The corpus stage: which entity keys of different documents name one real-world entity, decided over the
//! whole corpus at once, so the answer does not depend on the order documents arrive in.
//!
//! Input: one [`NameRecord`] per (document, entity): its key, label, aliases stated in that document and
//! class. Output: a map from key to canonical key (keys that stay as they are are absent). The canonical key
//! is that of the fullest name:
//! - a person's one-word name (`Bush`) goes to the one full name of the corpus that ends with it (`George W
//!   Bush`), or to the one that the corpus names at least [`DOMINANCE`] times as often as any other (by
//!   documents); `Kate Bush` and `George Bush` named about as often leave `Bush` alone, and so do full names
//!   it opens named in [`DOMINANCE`] times as many documents (`Ray`: Ray Charles's given name, not one
//!   story's `Hugh Ray`); a full name is never mapped to another full name with a different first name;
//! - a person's name without the middle names or initials (`George Bush`) goes to the one fuller name with
//!   the same first and last word (`George W Bush`), and one without its first given name (`Maxim
//!   Choupo-Moting`) to the one fuller name it closes that as many documents name (`Eric Maxim
//!   Choupo-Moting`);
//! - a monarch's name with the title (`King Abdullah`) goes to the one name of the corpus that is the name
//!   with a monarch's number (`Abdullah II`), not a prince's (`Prince Charles` is not `Charles V`);
//! - a one-word name one document alone names, that NER called a place or a nationality (`Hummels` in a
//!   match report), goes to the one full person's name two documents or more name, as a surname would;
//! - a name that other documents state as an alias of exactly one entity (`AFP`, stated as `Agence
//!   France-Presse (AFP)`; a company's name without its legal form, `Amoco` of `Amoco Corp`), or a name of
//!   two words or more of one named in [`DOMINANCE`] times as many documents as any other, goes to that
//!   entity, when both are of one class (or some document gives the name the entity's class, and the
//!   entity is named in as many documents), unless the name opens the entity's, or is any part of it and no
//!   person's, and is named in [`DOMINANCE`] times as many documents (`Reuters`, the news agency, beside
//!   `Reuters Holdings Plc`; `Chelsea` beside one story's `Injured Chelsea`), or unless it is one word that
//!   ends other organisations' names too, one of them named in a third as many documents or more (`Times`:
//!   `Los Angeles Times`, `Financial Times`), not a designator (`Administration`) nor an abbreviation;
//! - a company's names written with and without its legal form, or with another (`Goldman Sachs and Co`,
//!   `Goldman Sachs and Co Inc`; `Union Carbide`, `Union Carbide Corp`; `Swiss Bank Corporation`), go to
//!   the one named in the most documents, when the name without the forms has two words or more and none
//!   of them is a person's or a place's other than a facility's;
//! - an acronym of three letters or more (`AFP`) goes to the one name of the corpus of its class (or
//!   untyped) whose initials it is (`Agence France-Presse`), or, failing any, that of three words or more
//!   with an acronym among them written out whole (`UKIP`: `UK Independence Party`), unless [`DOMINANCE`]
//!   times as many documents use the acronym (`NHS` beside one story's `Norfolk High School`); two such
//!   names (`ABC`: `American Broadcasting Company`, `Australian Broadcasting Corporation`) leave it alone;
//! - spellings of one name (`Köhler` as `Koehler`, `Mansour` as `Mansur`, `Hannover` as `Hanover`,
//!   `Yanukovich` as `Yanukovych`; `Wal-Mart` as `Walmart`, `Party of the Regions` as `Party of Regions`:
//!   hyphens, dots, spaces and function words aside) go to the one named in the most documents, when the
//!   names are of one class or untyped, or have two words or more (NER's class of a full name errs more
//!   often than its spelling: `Mesut Oezil` an organisation);
//! - a name of two words or more that one document misspells by a letter (`Bank of Enlgand`, `Mikhael
//!   Gorbachev`) goes to the one name other documents spell that way;
//! - a person's name one vowel from another's in a long word (`Walid Muallem`, `Walid al-Moallem`) goes to
//!   the one more documents name, however few name either.
//!
//! A one-word name that goes to a person's full name stays itself in the documents that share nothing
//! much with the full name's ([`CorpusNames::out_of_context`], per document, for the store to apply).
//!
//! Keys scoped to one document (`foreign_ministry__1a2b3c4d`, descriptions) are never mapped, nor keys the
//! caller fixes ([`CorpusNames::fix`]: the gazetteer's, whose identity is world knowledge, so that one
//! story's mistake cannot carry `France` off to a bank). A pure function: the same records in any order
//! give the same map. The cost is about linear in the records.

mod context;
mod spellings;

pub use context::CONTEXT_DOCUMENTS;

use super::names::{
    NameWords, acronym_letters, initial_letters, name_words, phonetic_word, regnal_number,
};
use spellings::{legal_forms_aside, spellings};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many times more documents the leading full name needs over the next one to take a short name.
pub const DOMINANCE: usize = 3;

/// One entity as one document names it (one record per document and entity).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameRecord {
    /// The entity's key in that document.
    pub key: String,
    /// Its label there.
    pub label: String,
    /// Other names it carries there.
    pub aliases: Vec<String>,
    /// Class local name (`Person`, `Organization`, ...).
    pub class: String,
}

impl From<&super::Entity> for NameRecord {
    /// The record of an entity as its document graph names it: its key, label, class, and its other names
    /// once each, in order (those the store writes as `kg:altLabelInDocument`).
    fn from(entity: &super::Entity) -> Self {
        let mut aliases: Vec<String> = entity
            .aliases
            .iter()
            .filter(|a| *a != &entity.label)
            .cloned()
            .collect();
        aliases.sort();
        aliases.dedup();
        NameRecord {
            key: entity.key.clone(),
            label: entity.label.clone(),
            aliases,
            class: entity.class.clone(),
        }
    }
}

/// What the records say about one key, gathered over the corpus.
#[derive(Debug, Default)]
struct KeyInfo {
    label: String,
    /// The class most documents give it (a typed one before `Concept`).
    class: String,
    /// How many documents give it each class.
    classes: BTreeMap<String, usize>,
    /// How many documents name it.
    documents: usize,
    aliases: BTreeSet<String>,
    /// Whether the key never moves (see [`CorpusNames::fix`]).
    fixed: bool,
}

/// The names of a corpus, gathered one record at a time: memory grows with the distinct keys (the
/// entities), not with the records (their mentions by documents).
#[derive(Debug, Default)]
pub struct CorpusNames {
    ids: HashMap<String, u32>,
    keys: Vec<(String, KeyInfo)>,
    /// Classes of places ([`CorpusNames::place_class`]).
    places: BTreeSet<String>,
    /// The legal forms of companies' names ([`CorpusNames::legal_forms`]).
    legal_forms: NameWords,
    /// Words that end the names of bodies of any kind ([`CorpusNames::designators`]), lower case.
    designators: BTreeSet<String>,
    /// Monarchs' titles ([`CorpusNames::monarch_titles`]), lower case.
    monarch_titles: BTreeSet<String>,
}

impl CorpusNames {
    /// Adds one document's record; returns the id of its key (ids count from 0 in order of first sight).
    pub fn add(&mut self, r: &NameRecord) -> u32 {
        let id = match self.ids.get(&r.key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.ids.insert(r.key.clone(), id);
                self.keys.push((r.key.clone(), KeyInfo::default()));
                id
            }
        };
        let info = &mut self.keys[id as usize].1;
        // The longest label wins, ties by text, so the choice does not depend on record order.
        let longer = (name_words(&r.label).len(), r.label.as_str())
            > (name_words(&info.label).len(), info.label.as_str());
        if info.label.is_empty() || longer {
            info.label = r.label.clone();
        }
        *info.classes.entry(r.class.clone()).or_default() += 1;
        info.documents += 1;
        for a in &r.aliases {
            info.aliases.insert(a.to_lowercase());
        }
        id
    }

    /// Fixes a key added so far: the pass may move other keys to it but never moves it (a key the records
    /// do not hold has nothing to move). For the gazetteer's entities: what the world knows them as
    /// outweighs what one story seems to say (`Al Bank Al Saudi Al Fransi, known as Saudi French` made
    /// `France` a name of the bank in that story).
    pub fn fix(&mut self, key: &str) {
        if let Some(&id) = self.ids.get(key) {
            self.keys[id as usize].1.fixed = true;
        }
    }

    /// Marks a class as one of places: one spelling that documents give different classes of places is
    /// one place (`Baden-Württemberg`, a country for NER in one story and a region in another), where
    /// different classes otherwise make two things of a one-word name (`Hamburg` the city and the club).
    pub fn place_class(&mut self, class: &str) {
        self.places.insert(class.to_string());
    }

    /// Sets the legal forms of companies' names (`kg:legalFormDesignators`: `Corp`, `Inc`, `Plc`): names of
    /// one company written with and without them, or with others, are one name (see the module doc).
    pub fn legal_forms(&mut self, forms: impl IntoIterator<Item = String>) {
        self.legal_forms = NameWords::of_legal_forms(forms);
    }

    /// Sets the words that end the names of bodies of any kind (`kg:organisationDesignators`,
    /// `kg:stateBodyWords`: `Fund`, `Administration`): one alone is the body other stories state it
    /// for however many others' names it ends (see the module doc).
    pub fn designators(&mut self, words: impl IntoIterator<Item = String>) {
        self.designators = words.into_iter().map(|w| w.to_lowercase()).collect();
    }

    /// Sets the titles of monarchs (`kg:monarchTitles`: `King`, `Pope`): a monarch named by title is the
    /// one the corpus names by number (see the module doc).
    pub fn monarch_titles(&mut self, words: impl IntoIterator<Item = String>) {
        self.monarch_titles = words.into_iter().map(|w| w.to_lowercase()).collect();
    }

    /// The key with id `id` (from [`CorpusNames::add`]).
    pub fn key(&self, id: u32) -> &str {
        &self.keys[id as usize].0
    }

    /// The canonical key of every key that names the same entity as a fuller one (see the module doc).
    pub fn canonical_keys(&mut self) -> BTreeMap<String, String> {
        for (_, info) in &mut self.keys {
            if let Some((class, _)) = info
                .classes
                .iter()
                .max_by(|a, b| (typed(a.0), a.1).cmp(&(typed(b.0), b.1)).then(b.0.cmp(a.0)))
            {
                info.class = class.clone();
            }
        }
        // Keys scoped to one document never move.
        let keys: BTreeMap<&str, &KeyInfo> = self
            .keys
            .iter()
            .filter(|(k, _)| !k.contains("__") && !k.is_empty())
            .map(|(k, info)| (k.as_str(), info))
            .collect();
        let mut out = BTreeMap::new();
        let contested = people(&keys, &mut out);
        monarchs(&keys, &self.monarch_titles, &mut out);
        aliases(&keys, &contested, &self.designators, &mut out);
        // Before the acronyms, so that `CCC` finds one company in `Commodity Credit Corp` and `Commodity
        // Credit Corporation`.
        legal_forms_aside(&keys, &self.places, &self.legal_forms, &mut out);
        acronyms(&keys, &mut out);
        spellings(&keys, &self.places, &mut out);
        // A key that moves to a key that moves on goes to the end of the chain (`Assad` to `Bashar Assad`,
        // that spelling to `Bashar al-Assad`); a chain that comes back stops before it repeats.
        out.keys()
            .map(|k| {
                let mut target = &out[k];
                let mut seen = BTreeSet::from([k, target]);
                while let Some(next) = out.get(target) {
                    if !seen.insert(next) {
                        break;
                    }
                    target = next;
                }
                (k.clone(), target.clone())
            })
            .filter(|(k, target)| k != target)
            .collect()
    }
}

/// The canonical key of every key that names the same entity as a fuller one (see the module doc), from
/// one record per document and entity, in any order.
pub fn canonical_keys<'r>(
    records: impl IntoIterator<Item = &'r NameRecord>,
) -> BTreeMap<String, String> {
    let mut names = CorpusNames::default();
    for r in records {
        names.add(r);
    }
    names.canonical_keys()
}

/// The phonetic words of a name.
fn phonetic(label: &str) -> Vec<String> {
    name_words(label).iter().map(|w| phonetic_word(w)).collect()
}

/// Moves persons' shorter names to their full names; returns the one-word names it left to two full names
/// or more, none dominant (`Clinton` beside `Bill Clinton` and `Hillary Clinton`), each with the full name
/// named in more documents than any other, if one is.
fn people<'k>(
    keys: &BTreeMap<&'k str, &KeyInfo>,
    out: &mut BTreeMap<String, String>,
) -> BTreeMap<&'k str, Option<&'k str>> {
    let mut contested = BTreeMap::new();
    // Full names (two words or more) by their phonetic last word.
    let mut by_last: BTreeMap<String, Vec<(&'k str, Vec<String>)>> = BTreeMap::new();
    // And by the last word's spelling, for a long one-word name no full name ends with as written
    // (`Gaddafi` beside `Moammar Gadhafi`).
    let mut by_spelling: BTreeMap<String, Vec<(&'k str, Vec<String>)>> = BTreeMap::new();
    // The documents of full names by their phonetic first word (`Ray` of `Ray Charles`).
    let mut given: BTreeMap<String, usize> = BTreeMap::new();
    for (&k, info) in keys {
        let ph = phonetic(&info.label);
        if info.class == "Person" && ph.len() >= 2 {
            *given.entry(ph[0].clone()).or_default() += info.documents;
            if let Some(s) = long_last_spelling(&info.label) {
                by_spelling.entry(s).or_default().push((k, ph.clone()));
            }
            by_last
                .entry(ph[ph.len() - 1].clone())
                .or_default()
                .push((k, ph));
        }
    }
    // `George Bush`: the one fuller name with its first and last word and the rest in order; `P. Chidambaram`:
    // the one whose first word the initial opens.
    let mut fuller_of: BTreeMap<&'k str, &'k str> = BTreeMap::new();
    for group in by_last.values() {
        for (k, ph) in group {
            // A name without its first given name goes to one named in as many documents: a frequent
            // name is not a rare one's that a title or a misspelt word opens (`Minsiter Yasuhiro Nakasone`).
            let fuller: Vec<&'k str> = group
                .iter()
                .filter(|(c, cph)| {
                    c != k
                        && (fuller_form(cph, ph)
                            || closes(cph, ph) && keys[c].documents >= keys[k].documents)
                })
                .map(|(c, _)| *c)
                .collect();
            if let [one] = fuller.as_slice()
                && !keys[k].fixed
            {
                fuller_of.insert(k, one);
            }
        }
    }
    let full = |mut k: &'k str| -> &'k str {
        for _ in 0..8 {
            match fuller_of.get(k) {
                Some(next) => k = next,
                None => break,
            }
        }
        k
    };
    for (&k, &t) in &fuller_of {
        out.insert(k.to_string(), full(t).to_string());
    }
    // `Bush`: the one full name, or the one named far more often than any other (documents of a name's
    // shorter variants count for it).
    for (&k, info) in keys {
        let ph = phonetic(&info.label);
        let mistyped = mistyped_surname(info);
        if !(info.class == "Person" || mistyped) || ph.len() != 1 {
            continue;
        }
        let Some(candidates) = by_last
            .get(&ph[0])
            .or_else(|| long_last_spelling(&info.label).and_then(|s| by_spelling.get(&s)))
        else {
            continue;
        };
        let mut docs: BTreeMap<&str, usize> = BTreeMap::new();
        for (c, _) in candidates {
            *docs.entry(full(c)).or_default() += keys[c].documents;
        }
        let mut ranked: Vec<(usize, &str)> = docs.iter().map(|(c, d)| (*d, *c)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let target = match ranked.as_slice() {
            [(_, only)] => Some(*only),
            [(n, first), (m, _), ..] if *n >= DOMINANCE * *m => Some(*first),
            _ => None,
        };
        if target.is_none() && info.class == "Person" {
            let leader = match ranked.as_slice() {
                [(n, first), (m, _), ..] if n > m => Some(*first),
                _ => None,
            };
            contested.insert(k, leader);
        }
        // A name typed otherwise goes only to a person two documents or more name (`Zagreb` stays the city
        // beside `Dinamo Zagreb`, once tagged a person); a word that opens full names the corpus names in
        // [`DOMINANCE`] times as many documents as the one it ends is a given name (`Ray`, the film of Ray
        // Charles's life, is not one story's `Hugh Ray`; `David` not the singer Craig David).
        let target = target.filter(|t| {
            (!mistyped || docs[t] >= 2)
                && given.get(&ph[0]).is_none_or(|&g| g < DOMINANCE * docs[t])
        });
        if let Some(t) = target.filter(|t| *t != k) {
            move_key(keys, out, k, t);
        }
    }
    contested
}

/// Moves a monarch's name with the title (`King Abdullah`, `Pope Benedict`) to the one name of the corpus
/// that is the name with a monarch's number (`Abdullah II`, `Benedict XVI`); two such (`Abdullah I` and
/// `Abdullah II`) leave it alone.
fn monarchs(
    keys: &BTreeMap<&str, &KeyInfo>,
    titles: &BTreeSet<String>,
    out: &mut BTreeMap<String, String>,
) {
    let person = |info: &KeyInfo| info.class == "Person";
    let mut numbered: BTreeMap<Vec<String>, Vec<&str>> = BTreeMap::new();
    for (&k, info) in keys.iter().filter(|(_, info)| person(info)) {
        if let [ref name @ .., last] = name_words(&info.label)[..]
            && !name.is_empty()
            && regnal_number(last)
        {
            let name = name.iter().map(|w| phonetic_word(w)).collect();
            numbered.entry(name).or_default().push(k);
        }
    }
    for (&k, info) in keys.iter().filter(|(_, info)| person(info)) {
        let ph = phonetic(&info.label);
        if let [title, ref name @ ..] = name_words(&info.label)[..]
            && !name.is_empty()
            && titles.contains(&title.to_lowercase())
            && !out.contains_key(k)
            && let Some([one]) = numbered.get(&ph[1..]).map(Vec::as_slice)
        {
            move_key(keys, out, k, one);
        }
    }
}

/// Classes a surname gets by mistake: tagged a place in a sports report (`Hummels`, `Iniesta`) or a
/// nationality (`Höwedes`). An organisation is not among them: companies are named after people (`Ford`,
/// `Dell`).
const GUESSED_CLASSES: [&str; 2] = ["Place", "Nationality"];

/// Whether a name not typed a person may be a surname NER mistyped: one document names it, with one of
/// [`GUESSED_CLASSES`], in lower-case letters (not `NV`). A word that several stories call a place is one
/// more likely than a surname (`Midland`, `Sugar` beside a company NER took for a person).
fn mistyped_surname(info: &KeyInfo) -> bool {
    info.documents == 1
        && info.label.chars().any(char::is_lowercase)
        && info
            .classes
            .keys()
            .all(|c| GUESSED_CLASSES.contains(&c.as_str()))
}

/// Fewest letters of a one-word name matched to full names by spelling rather than as written: short
/// names of one spelling are too often different names (`Joseph`, `Josef`; `Philip`, `Philipp`).
const MIN_SPELLING_SURNAME: usize = 7;

/// A name's last word as the spelling rule reads it (`Gaddafi` and `Gadhafi` alike), when the word has
/// [`MIN_SPELLING_SURNAME`] letters or more.
fn long_last_spelling(label: &str) -> Option<String> {
    let words = name_words(label);
    let last = words.last()?;
    (last.chars().filter(|c| c.is_alphabetic()).count() >= MIN_SPELLING_SURNAME)
        .then(|| spellings::spelling(last))
}

/// Whether `long` is a fuller form of `short`: more words with `short`'s first and last and its others in
/// order, or `short`'s first word an initial that opens `long`'s first word, the rest the same way.
fn fuller_form(long: &[String], short: &[String]) -> bool {
    if long.len() > short.len() && contains_in_order(long, short) {
        return true;
    }
    let (Some((initial, short_rest)), Some((first, long_rest))) =
        (short.split_first(), long.split_first())
    else {
        return false;
    };
    initial.chars().count() == 1
        && first.chars().count() > 1
        && first.starts_with(initial.as_str())
        && !short_rest.is_empty()
        && short.last() == long.last()
        && in_order(long_rest, short_rest)
}

/// Whether `long` is `short` (two words or more) after one more given name (`Eric Maxim Choupo-Moting`,
/// `Maxim Choupo-Moting`): a word of two letters or more, not an initial.
fn closes(long: &[String], short: &[String]) -> bool {
    short.len() >= 2
        && long.len() == short.len() + 1
        && long.ends_with(short)
        && long[0].chars().count() >= 2
}

/// Whether `long` has `short`'s words in order.
fn in_order(long: &[String], short: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|v| v == w))
}

/// Whether `long` has `short`'s first and last word and its other words in order.
fn contains_in_order(long: &[String], short: &[String]) -> bool {
    if short.len() < 2 || short.first() != long.first() || short.last() != long.last() {
        return false;
    }
    in_order(long, short)
}

/// Moves a name other documents state as an alias of a fuller one to it (see the rules below). A surname
/// the people rule found two persons for (`contested`) goes only to the one more documents name than any
/// other: one story's `Hillary Rodham Clinton ... Clinton` does not make the `Clinton` of other stories
/// hers beside a `Bill Clinton` named more often; `John Ing ... Ing` does make the `Ing` of others his
/// beside a `Sheridan C.F. Ing` named less often.
fn aliases(
    keys: &BTreeMap<&str, &KeyInfo>,
    contested: &BTreeMap<&str, Option<&str>>,
    designators: &BTreeSet<String>,
    out: &mut BTreeMap<String, String>,
) {
    // Lower-case alias -> the keys that carry it (other than as their own label).
    let mut owners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (&k, info) in keys {
        for a in &info.aliases {
            if a != &info.label.to_lowercase() {
                owners.entry(a.as_str()).or_default().insert(k);
            }
        }
    }
    // Names of two words or more, not a person's, by their last word.
    let mut ending: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (&k, info) in keys {
        if let [_, .., last] = name_words(&info.label)[..]
            && info.class != "Person"
        {
            ending.entry(last.to_lowercase()).or_default().push(k);
        }
    }
    for (&k, info) in keys {
        if out.contains_key(k) {
            continue;
        }
        let Some(owner) = owners.get(info.label.to_lowercase().as_str()) else {
            continue;
        };
        // The one owner, or for a name of two words or more the one named in [`DOMINANCE`] times as many
        // documents as any other (`General Electric` of `General Electric Co`, beside the `General Electric
        // Co PLC` of one story); a word alone stands for too many things (`Treasury`: the U.S. Treasury of
        // most stories, Britain's of some).
        let mut others: Vec<&str> = owner.iter().copied().filter(|o| *o != k).collect();
        others.sort_by(|a, b| keys[b].documents.cmp(&keys[a].documents).then(a.cmp(b)));
        if let [first, second, ..] = others[..]
            && name_words(&info.label).len() >= 2
            && keys[first].documents >= DOMINANCE * keys[second].documents
        {
            others.truncate(1);
        }
        // Owners that are one name written at more or less length (`Shearson Lehman`, `Shearson Lehman
        // Brothers Inc`) are one owner: the shortest, whose words open all the others' (not `Morgan` of
        // `J.P. Morgan and Co Inc` and `Morgan Stanley Group Inc`).
        if others.len() >= 2
            && let Some(&shortest) = others.iter().find(|&&o| {
                others
                    .iter()
                    .all(|&x| x == o || opens(&keys[x].label, &keys[o].label))
            })
        {
            others = vec![shortest];
        }
        // Of one class: the owner's, or one some document gives the name (`ISAF` a facility once) when the
        // owner is named as often (not `Smith`, of many stories, for the `Gordon Smith` of a few). A short
        // form the owner's name opens, named in [`DOMINANCE`] times as many documents as the owner, is a
        // name of its own (the news agency `Reuters` of 140 stories, beside the `Reuters Holdings Plc` of
        // one), and so is any part of a name not a person's (the `Chelsea` of 68 stories, beside one
        // story's `Injured Chelsea`, a sentence's first word run into the club's name; `Rosneft` of 17
        // beside the list `Gazpromneft, Rosneft` of one); an abbreviation is not (`AFP`), nor a person's
        // name (`Lo Cicero` of nine stories is the `Andrea Lo Cicero` of one).
        // A word that ends the names of several organisations is the one's the corpus names in
        // [`DOMINANCE`] times as many documents as any other (`Times`: not the `Los Angeles Times` of some
        // stories beside the `Financial Times` of more); not a designator, which ends names of every kind
        // (`the Administration` of other stories is the `Reagan Administration`), nor an abbreviation.
        let rivalled = |o: &str| {
            info.class != "Person"
                && one_word(&info.label).is_some_and(|w| {
                    let word = w.to_lowercase();
                    w.chars().filter(|c| c.is_uppercase()).count() < 2
                        && !designators.contains(&word)
                        && ending.get(&word).is_some_and(|names| {
                            names.iter().any(|&n| {
                                n != o && DOMINANCE * keys[n].documents > keys[o].documents
                            })
                        })
                })
        };
        if let [o] = others.as_slice()
            && (keys[o].class == info.class
                || info.classes.contains_key(&keys[o].class) && keys[o].documents >= info.documents)
            && !out.contains_key(*o)
            && contested.get(k).is_none_or(|leader| *leader == Some(*o))
            && name_words(&keys[o].label).len() > name_words(&info.label).len()
            && !rivalled(o)
            && !(info.documents >= DOMINANCE * keys[o].documents
                && (opens(&keys[o].label, &info.label)
                    || info.class != "Person" && part_of(&keys[o].label, &info.label)))
        {
            move_key(keys, out, k, o);
        }
    }
}

/// Whether `long`'s words open with all of `short`'s (`Reuters Holdings Plc`, `Reuters`), case aside.
fn opens(long: &str, short: &str) -> bool {
    let (long, short) = (name_words(long), name_words(short));
    short.len() < long.len()
        && short
            .iter()
            .zip(&long)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// Whether `short`'s words are a run of `long`'s, fewer than them, case aside (`Injured Chelsea`,
/// `Chelsea`).
fn part_of(long: &str, short: &str) -> bool {
    let (long, short) = (name_words(long), name_words(short));
    !short.is_empty()
        && short.len() < long.len()
        && long
            .windows(short.len())
            .any(|w| w.iter().zip(&short).all(|(a, b)| a.eq_ignore_ascii_case(b)))
}

/// The label's one word, if it has one word.
fn one_word(label: &str) -> Option<&str> {
    match name_words(label)[..] {
        [word] => Some(word),
        _ => None,
    }
}

/// The initials a full name may be abbreviated to: with and without its lower-case words (`for`, `für`),
/// with hyphenated words as one word or two (`Agence France-Presse`: `afp`, `af`).
fn initials(label: &str) -> BTreeSet<String> {
    let words = name_words(label);
    let mut out = BTreeSet::new();
    if words.len() < 2 {
        return out;
    }
    for skip_lower in [false, true] {
        for split in [false, true] {
            let letters = initial_letters(words.iter().copied(), split, |w| {
                skip_lower && w.starts_with(char::is_lowercase)
            });
            if letters.chars().count() >= 2 {
                out.insert(letters);
            }
        }
    }
    out
}

/// The letters of a full name of three words or more with an acronym among them written out whole, and
/// its other words' initials (`UK Independence Party`: `ukip`; `U.S. Trade Representative`: `ustr`), with
/// and without its lower-case words; none for a name without such a word. Two words give too many (`MTV`
/// is no `MacKay TV`).
fn initials_with_acronyms(label: &str) -> BTreeSet<String> {
    let words = name_words(label);
    let whole = |w: &str| acronym_letters(w).filter(|_| !w.chars().any(char::is_lowercase));
    let mut out = BTreeSet::new();
    if words.len() < 3 || !words.iter().any(|w| whole(w).is_some()) {
        return out;
    }
    for skip_lower in [false, true] {
        out.insert(
            words
                .iter()
                .filter(|w| !(skip_lower && w.starts_with(char::is_lowercase)))
                .map(|w| {
                    whole(w)
                        .unwrap_or_else(|| w.chars().take(1).flat_map(char::to_lowercase).collect())
                })
                .collect(),
        );
    }
    out
}

/// Whether two classes can be one entity's: equal, or one of them unknown (`Concept`: NER gave no type the
/// ontology maps, or the name was never typed).
fn compatible(a: &str, b: &str) -> bool {
    a == b || !typed(a) || !typed(b)
}

/// The class of a name nothing typed.
const UNTYPED: &str = "Concept";

/// Whether a class is known: neither empty nor [`UNTYPED`].
fn typed(class: &str) -> bool {
    !class.is_empty() && class != UNTYPED
}

fn acronyms(keys: &BTreeMap<&str, &KeyInfo>, out: &mut BTreeMap<String, String>) {
    // Initials -> the canonical keys of the full names with those initials, with their classes.
    let mut spelled: BTreeMap<String, BTreeSet<(String, &str)>> = BTreeMap::new();
    let mut spelled_whole: BTreeMap<String, BTreeSet<(String, &str)>> = BTreeMap::new();
    // The documents that name each full name, in any of the forms the pass gave it so far.
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    for (&k, info) in keys {
        if info.class == "Person" {
            continue;
        }
        let canonical = out.get(k).cloned().unwrap_or_else(|| k.to_string());
        *documents.entry(canonical.clone()).or_default() += info.documents;
        for letters in initials(&info.label) {
            spelled
                .entry(letters)
                .or_default()
                .insert((canonical.clone(), info.class.as_str()));
        }
        for letters in initials_with_acronyms(&info.label) {
            spelled_whole
                .entry(letters)
                .or_default()
                .insert((canonical.clone(), info.class.as_str()));
        }
    }
    for (&k, info) in keys {
        if out.contains_key(k) || info.class == "Person" {
            continue;
        }
        // Two letters stand for too many names across a corpus (`UP`: a university, a state of India).
        let Some(letters) = one_word(&info.label)
            .and_then(acronym_letters)
            .filter(|l| l.chars().count() >= 3)
        else {
            continue;
        };
        // The names with those initials, else those that spell an acronym among their words whole.
        let fitting_in =
            |spelled: &BTreeMap<String, BTreeSet<(String, &str)>>| -> BTreeSet<String> {
                spelled
                    .get(&letters)
                    .into_iter()
                    .flatten()
                    .filter(|(_, class)| compatible(class, &info.class))
                    .map(|(name, _)| name.clone())
                    .collect()
            };
        let mut fitting = fitting_in(&spelled);
        if fitting.is_empty() {
            fitting = fitting_in(&spelled_whole);
        }
        // An acronym far more stories use than the one full name with its letters, and that none states
        // for it (the alias rule), is another's: the `NHS` of 18 stories is not the `Norfolk High School`
        // of one.
        if let [one] = fitting.iter().map(String::as_str).collect::<Vec<_>>()[..]
            && one != k
            && info.documents < DOMINANCE * documents.get(one).copied().unwrap_or(0)
        {
            move_key(keys, out, k, one);
        }
    }
}

/// Records that key `k` goes to `target`, unless `k` is fixed.
fn move_key(
    keys: &BTreeMap<&str, &KeyInfo>,
    out: &mut BTreeMap<String, String>,
    k: &str,
    target: &str,
) {
    if !keys[k].fixed {
        out.insert(k.to_string(), target.to_string());
    }
}

#[cfg(test)]
mod tests;
