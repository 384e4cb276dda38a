//! The second stage: which names of one document are short forms of which full names.
//!
//! A short form joins the one full name of the document it can stand for, and nothing when it could stand
//! for two (`Kim` with both `Kim Jong Un` and `Kim Yo Jong` named stays apart):
//! - people: the last words of the name (`Merkel`, `Jong Un`), or the first word when the name is written
//!   family name first (`Kim` of `Kim Jong Un`, `Ban` of `Ban Ki-moon`: a family name the ontology lists as
//!   written first, or a hyphenated given name after it); a monarch by title (`Queen Elizabeth`) is the one
//!   monarch named by number (`Elizabeth II`);
//! - organisations: the name without its designators (`Labour` of `Labour Party`), its first or last word
//!   when that word is itself called an organisation (`Bayern` of `Bayern Munich`, `Dortmund` of `Borussia
//!   Dortmund`), initialisms (`EU` of `European Union`, `IMF` of `International Monetary Fund`), and the
//!   designator alone (`the Fund`; not a legal form such as `Corp`);
//! - places: the name without its last word when that word is a place designator (`Gaza` of `Gaza Strip`);
//! - names stated in parentheses after a name (`International Cycling Union (UCI)`).
//!
//! Pure functions: they return the pairs to join; the caller merges.

use super::names::{
    NameWords, acronym_letters, ends_in_possessive_s, initial_letters, name_words, phonetic_word,
    regnal_number,
};

/// What the linker needs to know of one entity of the document.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameInfo {
    /// Its label (titles stripped).
    pub label: String,
    /// Named as a person.
    pub person: bool,
    /// Its mentions' NER labels.
    pub ner: Vec<String>,
    /// Fixed by the gazetteer (a country is nobody's short form).
    pub fixed: bool,
    /// How many times the document names it.
    pub mentions: usize,
    /// Its label, or a word of it, is a place's name that the gazetteer or the places list knows.
    pub known_place: bool,
    /// A known place every mention of which is the object of a locative preposition (`from Hanover`);
    /// `false` for any other name.
    pub located: bool,
    /// A place the places list knows by this name, never called a person, that the text places something
    /// in (`another win in Tel Aviv`) in one mention at least.
    pub placed: bool,
    /// A place by the places list or by every NER label it has that the text names as one in one mention
    /// at least (`the city of Karachi`).
    pub named_as_place: bool,
}

impl NameInfo {
    fn has(&self, label: &str) -> bool {
        self.ner.iter().any(|l| l == label)
    }

    /// Whether NER called a mention of it a place (`GPE`, `LOC`, `FAC`).
    fn tagged_place(&self) -> bool {
        ["GPE", "LOC", "FAC"].iter().any(|l| self.has(l))
    }

    fn only_norp(&self) -> bool {
        !self.ner.is_empty() && self.ner.iter().all(|l| l == "NORP")
    }
}

/// A name's words as written and phonetically normalised, computed once per document.
struct Words {
    raw: Vec<String>,
    ph: Vec<String>,
}

impl Words {
    fn new(label: &str, words: &NameWords) -> Self {
        // `al-Bashir` is `al` and `Bashir`: the particle is a word of its own.
        let raw: Vec<String> = name_words(label)
            .iter()
            .flat_map(|w| match w.split_once('-') {
                Some((p, rest)) if words.is_particle(p) && !rest.is_empty() => {
                    vec![p.to_string(), rest.to_string()]
                }
                _ => vec![w.to_string()],
            })
            .collect();
        let ph = raw.iter().map(|w| phonetic_word(w)).collect();
        Words { raw, ph }
    }
}

/// Pairs (full name, short form) of entity indices to join: each short form with the one full name it can
/// stand for.
pub(crate) fn short_form_links(names: &[NameInfo], words: &NameWords) -> Vec<(usize, usize)> {
    let prepared: Vec<Words> = names.iter().map(|n| Words::new(&n.label, words)).collect();
    let mut out = Vec::new();
    for (a, x) in names.iter().enumerate() {
        for (b, y) in names.iter().enumerate().skip(a + 1) {
            if x.label != y.label && middle_variant(x, &prepared[a], y, &prepared[b]) {
                let longer = prepared[a].raw.len() >= prepared[b].raw.len();
                out.push(if longer { (a, b) } else { (b, a) });
            }
        }
    }
    // `Queen Elizabeth` is `Elizabeth II` when the document names one such monarch.
    for (a, x) in names.iter().enumerate() {
        let numbered: Vec<usize> = (0..names.len())
            .filter(|&b| monarch_numbered(x, &prepared[a], &names[b], &prepared[b], words))
            .collect();
        if let [b] = numbered[..] {
            out.push((b, a));
        }
    }
    for (s, short) in names.iter().enumerate() {
        let sw = &prepared[s];
        if short.fixed || sw.raw.is_empty() {
            continue;
        }
        let mut candidates: Vec<(usize, Fit)> = Vec::new();
        for (l, long) in names.iter().enumerate() {
            let lw = &prepared[l];
            if l == s || lw.raw.is_empty() || long.only_norp() {
                continue;
            }
            if lw.raw.len() <= sw.raw.len() && !is_initialism(sw, lw, words) {
                continue;
            }
            if let Some(fit) = stands_for(short, sw, long, lw, words) {
                candidates.push((l, fit));
            }
        }
        let mut found = best_fits(short, names, candidates);
        // A full name that is itself a short form of another it could stand for is that name again
        // (`Khawaja` of `Abdulhadi al-Khawaja` and of `Al-Khawaja`): one name, no ambiguity.
        let shorter: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&b| {
                found.iter().any(|&a| {
                    a != b
                        && prepared[b].raw.len() < prepared[a].raw.len()
                        && stands_for(&names[b], &prepared[b], &names[a], &prepared[a], words)
                            .is_some()
                })
            })
            .collect();
        found.retain(|b| !shorter.contains(b));
        // Two full names it could stand for: joined only when they are one person's name with and
        // without a middle name (`George Bush`, `George W. Bush`).
        let one = found.iter().all(|&a| {
            found.iter().all(|&b| {
                a == b || middle_variant(&names[a], &prepared[a], &names[b], &prepared[b])
            })
        });
        if !found.is_empty() && one {
            out.extend(found.iter().map(|&l| (l, s)));
        }
    }
    out
}

/// How a short form fits a full name, the stronger readings first: as its family name or another whole
/// part, only as its first word (a person's given name, `Boris` of `Boris Becker`; a company's, `Ames` of
/// `Ames Department Stores Inc`), or as the founder's surname in a company's name (`Lilly` of `Eli Lilly
/// and Co`; `Hughes` beside `Hughes Tool Co` is not Baker Hughes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Name,
    FirstWord,
    Founder,
}

/// The full names a short form stands for, of those it fits: a short form NER once called a person stands
/// for the people among them (not `Südwind Ferenschild`, tagged an organisation, beside `Sabine
/// Ferenschild`), and a lone word is read as a family name before a given name (`Mzoudi` is `Abdelghani
/// Mzoudi`, not the headline's `Mzoudi Verdict`). Two full names left over make it ambiguous (the caller's
/// rule).
fn best_fits(short: &NameInfo, names: &[NameInfo], mut fits: Vec<(usize, Fit)>) -> Vec<usize> {
    if short.person && fits.iter().any(|&(l, _)| names[l].person) {
        fits.retain(|&(l, _)| names[l].person);
    }
    // The strongest reading present: a whole part, else a first word, else a founder's surname.
    if let Some(best) = [Fit::Name, Fit::FirstWord, Fit::Founder]
        .into_iter()
        .find(|&fit| fits.iter().any(|&(_, f)| f == fit))
    {
        fits.retain(|&(_, f)| f == best);
    }
    fits.into_iter().map(|(l, _)| l).collect()
}

/// Whether (and how) the short name can stand for the full name: [`Fit::FirstWord`] for a first word
/// standing alone (a person's given name, a company's first word), [`Fit::Founder`] for a founder's
/// surname, [`Fit::Name`] for any other fit.
fn stands_for(
    short: &NameInfo,
    sw: &Words,
    long: &NameInfo,
    lw: &Words,
    words: &NameWords,
) -> Option<Fit> {
    let fit = |b: bool| b.then_some(Fit::Name);
    // A place the text names as one is that place, not the organisation a longer name containing it names
    // (`the city of Karachi` beside `Karachi University`), nor the person NER took a longer name for (`in Tel
    // Aviv` beside `Hapoel Tel Aviv`; a town with something in it may still be a club or a company: `a
    // stake in Sunderland`, `a loss to Milan`).
    if (short.named_as_place || short.placed && long.person) && !long.tagged_place() {
        return None;
    }
    let (n, m) = (sw.raw.len(), lw.raw.len());
    let same = |range: std::ops::Range<usize>| lw.ph[range] == sw.ph[..];
    if long.person {
        // Any label: NER often calls a surname standing alone a nationality or a place.
        if m < 2 {
            return None;
        }
        let family_first = words.is_family_first(&lw.raw[0])
            || lw.raw[1..].iter().any(|w| hyphenated_given_name(w));
        if same(m - n..m) || (family_first && n == 1 && same(0..1)) {
            return Some(Fit::Name);
        }
        // A given name standing alone (`Boris` of `Boris Becker`), whatever NER called it (`Volkan's red
        // card` tagged a place, `Abiy` a law), unless it is a place's name or only ever a nationality: only
        // when no other name of the document ends or starts with it (the ambiguity rule keeps it apart).
        let given = short.person || !short.known_place && !short.only_norp();
        return (n == 1 && given && !family_first && same(0..1)).then_some(Fit::FirstWord);
    }
    // A plain name's last word standing alone, whatever NER called either (`Astori` tagged a product where
    // `Davide Astori` was tagged an organisation; `Shell` of `Royal Dutch Shell`): never a place's, unless NER
    // once called the word alone a person (`Mbeki` of `Thabo Mbeki`, which it took for a place) or no list
    // knows the word as a place, NER called neither a region and the full name no organisation (`Kammenos`
    // of `Panos Kammenos`, both taken for cities; `Dortmund` of `Borussia Dortmund` stays the city, as does
    // any town a club is named after, and `Europe` of `Western Europe` the continent).
    let place_tagged = PLACE_LABELS.iter().any(|l| long.has(l) || short.has(l));
    if n == 1
        && (2..=4).contains(&m)
        && !long.fixed
        && (short.person
            || !place_tagged
            || !short.known_place
                && !long.known_place
                && !["LOC", "ORG"].iter().any(|l| long.has(l))
                && !short.has("LOC"))
        && plain_name(&lw.raw, words)
        && same(m - 1..m)
    {
        return Some(Fit::Name);
    }
    // A company's name without the legal forms that end it (`Seafirst` of `Seafirst Corp`), or its first
    // word where that is a possessive (`Moody's` of `Moody's Investors Service Inc`), whatever NER called
    // the short name: it takes many a company named alone for a person. So is, the weaker reading, the
    // first word of a name of two words or more before its legal form that NER took alone for a person
    // (`Ames said` of `Ames Department Stores Inc`); a person the story names in full who has the word, or
    // a company named so without its legal form (`Transamerica` of `Transamerica Corp`, beside
    // `Transamerica Reinsurance Co`), is the likelier (see [`best_fits`]).
    let k = words.before_legal_form(&lw.raw);
    // A name with a legal form is a company's, whatever NER called it (`Hybritech Inc` a place).
    if (long.has("ORG") || k < m) && !long.fixed && m >= 2 {
        let first_possessive = n == 1
            && ends_in_possessive_s(&short.label)
            && long
                .label
                .split_whitespace()
                .next()
                .is_some_and(ends_in_possessive_s);
        if k < m && n == k && same(0..k) || first_possessive && same(0..1) {
            return Some(Fit::Name);
        }
        // The weaker reading, the last word of a plain name before the legal form, a company named after
        // its founder (`Lilly` of `Eli Lilly and Co`, `Disney` of `Walt Disney Co`), unless NER called the
        // word a place (`Manhattan` of `Chase Manhattan Corp`).
        if n == 1
            && (2..m).contains(&k)
            && !PLACE_LABELS.iter().any(|l| short.has(l))
            && !short.known_place
            && plain_name(&lw.raw[..k], words)
            && same(k - 1..k)
        {
            return Some(Fit::Founder);
        }
        if n == 1 && short.person && (2..m).contains(&k) && same(0..1) {
            return Some(Fit::FirstWord);
        }
    }
    // A person's surname, where NER called the full name something else (`Morgan Komichi` as ORG).
    if short.person
        && !short.has("ORG")
        && m >= 2
        && !long.fixed
        && !["GPE", "LOC", "FAC", "NORP"].iter().any(|l| long.has(l))
    {
        return fit(same(m - n..m));
    }
    if short.person && !short.has("ORG") || short.only_norp() {
        return None;
    }
    if is_initialism(sw, lw, words) {
        return Some(Fit::Name);
    }
    // `Gaza` of `Gaza Strip`, `Rakhine` of `Rakhine State`.
    if long.tagged_place()
        && m >= 2
        && n == m - 1
        && words.is_place_designator(&lw.raw[m - 1])
        && same(0..m - 1)
    {
        return Some(Fit::Name);
    }
    if !long.has("ORG") {
        return None;
    }
    // Without the designators at either end (`Union Carbide` of `Union Carbide Corporation`, `Kaiserslautern`
    // of `FC Kaiserslautern`).
    let lead = (0..m)
        .take_while(|&i| words.is_designator(&lw.raw[i]))
        .count();
    let trail = (0..m)
        .rev()
        .take_while(|&i| words.is_designator(&lw.raw[i]))
        .count();
    for (a, b) in [(lead, 0), (0, trail), (lead, trail)] {
        if (a > 0 || b > 0) && a + b < m && n == m - a - b && same(a..m - b) {
            return Some(Fit::Name);
        }
    }
    // The designator alone (`the Fund` of the `International Monetary Fund`, `the Bank` of the `Bank of
    // England`, `the Department` of the `Department of Trade and Industry`): the organisation's last
    // word, or its first before an `of`.
    if n == 1
        && m >= 2
        && words.marks_organisation(&sw.raw[0])
        && !words.is_legal_form(&sw.raw[0])
        && short.ner.iter().all(|l| l == "ORG")
        && (same(m - 1..m) || m >= 3 && words.is_particle(&lw.raw[1]) && same(0..1))
    {
        return Some(Fit::Name);
    }
    // The words before an `of` (`Atomic Energy Organization` of `... of Iran`), two or more of them.
    if n >= 2 && n < m && words.is_particle(&lw.raw[n]) && same(0..n) {
        return Some(Fit::Name);
    }
    // The same words the other way round (`Heidelberg University` of `University of Heidelberg`): a
    // designator before an `of`, put after the rest.
    if m >= 3
        && n == m - 1
        && words.is_designator(&lw.raw[0])
        && words.is_particle(&lw.raw[1])
        && sw.ph[..n - 1] == lw.ph[2..]
        && sw.ph[n - 1] == lw.ph[0]
    {
        return Some(Fit::Name);
    }
    // One word of a two-word name, called an organisation wherever it stands alone (`Bayern` of `Bayern
    // Munich`; never `Munich`, which NER calls a place, nor a known town NER took for an organisation
    // where the text places something in it: `from Hanover` beside the `Hanover Fair`, not `Allegheny
    // said` beside `Allegheny International`); a company is no short form of its division (`Apple` beside
    // `Apple Music`).
    fit(n == 1
        && m == 2
        && !short.located
        && short.ner.iter().all(|l| l == "ORG")
        && !words.is_designator(&sw.raw[0])
        && !words.is_particle(&sw.raw[0])
        && (same(0..1) && !words.is_division_word(&lw.raw[1]) || same(1..2)))
}

/// NER labels of places and nationalities: a word standing alone with one of them is a place's name
/// (`Dortmund`), not the short form of the club (`Borussia Dortmund`).
const PLACE_LABELS: [&str; 4] = ["GPE", "LOC", "FAC", "NORP"];

/// A name of capitalised words only, none a designator, title, particle or place designator (`Davide
/// Astori`, not `Bank of England` or `Gaza Strip`), so that its last word alone can only be its short form.
fn plain_name(raw: &[String], words: &NameWords) -> bool {
    raw.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !words.is_designator(w)
            && !words.is_title(w)
            && !words.is_particle(w)
            && !words.is_place_designator(w)
    })
}

/// Two people's names with the same first and last word, one with middle names or initials the other lacks.
fn middle_variant(a: &NameInfo, x: &Words, b: &NameInfo, y: &Words) -> bool {
    if !a.person || !b.person {
        return false;
    }
    let (short, long) = if x.ph.len() <= y.ph.len() {
        (&x.ph, &y.ph)
    } else {
        (&y.ph, &x.ph)
    };
    if short.len() < 2
        || short.len() == long.len()
        || short.first() != long.first()
        || short.last() != long.last()
    {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|v| v == w))
}

/// Whether `a` is a monarch's name with its title (`Pope Benedict`) and `b` the same name with the
/// monarch's number instead (`Benedict XVI`).
fn monarch_numbered(a: &NameInfo, x: &Words, b: &NameInfo, y: &Words, words: &NameWords) -> bool {
    a.person
        && b.person
        && x.raw.len() >= 2
        && x.raw.len() == y.raw.len()
        && words.is_monarch_title(&x.raw[0])
        && y.raw.last().is_some_and(|w| regnal_number(w))
        && x.ph[1..] == y.ph[..y.ph.len() - 1]
}

/// `Ki-moon`, `Jong-un`: a hyphenated given name whose second part is lower case, as Korean names are
/// written after the family name.
fn hyphenated_given_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        a.chars().next().is_some_and(char::is_uppercase)
            && b.chars().next().is_some_and(char::is_lowercase)
            && a.chars().count() <= 4
    })
}

/// Whether `sw` is one acronym-like word (`EU`, `U.N.`, `AfD`) made of the initials of `lw`, with or
/// without its particles (`OECD` of `Organisation for Economic Co-operation and Development`) and its
/// legal form (`IBM` of `International Business Machines Corp`).
fn is_initialism(sw: &Words, lw: &Words, words: &NameWords) -> bool {
    let [word] = sw.raw.as_slice() else {
        return false;
    };
    let Some(letters) = acronym_letters(word) else {
        return false;
    };
    // With its legal form or without (`IBM` of `International Business Machines Corp`).
    let full = &lw.raw[..];
    let bare = &full[..words.before_legal_form(full)];
    let mut names = std::iter::once(full).chain((bare.len() < full.len()).then_some(bare));
    names.any(|lw| {
        let initials = |skip_particles: bool, split: bool| {
            initial_letters(lw.iter().map(String::as_str), split, |w| {
                skip_particles && words.is_particle(w)
            })
        };
        lw.len() >= 2
            && [(true, false), (false, false), (true, true), (false, true)]
                .iter()
                .any(|&(p, h)| letters == initials(p, h))
    })
}
