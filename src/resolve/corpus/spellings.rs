//! Spellings of one name across a corpus: the same name romanised or transliterated another way
//! (`Köhler`/`Koehler`, `Yanukovych`/`Yanukovich`, a person's `Muallem`/`Moallem`), and a name misspelt by
//! one letter in one document (`Angla Merkel` for `Angela Merkel`).

use super::{KeyInfo, UNTYPED, compatible, move_key, typed};
use crate::resolve::names::{NameWords, name_words, phonetic_word, plain_word};
use crate::resolve::variants::misspelt;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A name's spelling with the variants of romanisation and transliteration collapsed: phonetic words
/// ([`phonetic_word`]); `ae`, `oe`, `ue` as `a`, `o`, `u` (German umlauts written out); `ou` as `u`, `y` as
/// `i`, `sch` and `shch` as `sh`, `ph` as `f`, `dh` as `d`, `ck` and a hard `c` as `k`; doubled letters as
/// one, British endings as American ones ([`american_ending`]), hyphens as word breaks
/// (`Schäuble`/`Schaeuble`, `Yanukovych`/`Yanukovich`, `Jacob`/`Jakob`, `Gadhafi`/`Gaddafi`); the Arabic
/// article written in lower case left out (`Bashar al-Assad`/`Bashar Assad`).
pub(super) fn spelling(label: &str) -> String {
    let mut out = String::new();
    for word in name_words(label)
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| !matches!(*w, "al" | "el"))
    {
        let mut w = american_ending(&phonetic_word(word));
        for (from, to) in [
            ("shch", "sh"),
            ("sch", "sh"),
            ("ae", "a"),
            ("oe", "o"),
            ("ue", "u"),
            ("ou", "u"),
            ("ph", "f"),
            ("dh", "d"),
            ("ck", "k"),
            ("y", "i"),
        ] {
            w = w.replace(from, to);
        }
        // A hard `c` (not before e, i or h) is a `k`.
        let chars: Vec<char> = w.chars().collect();
        let w: String = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let soft = matches!(chars.get(i + 1), Some('e' | 'i' | 'h'));
                if c == 'c' && !soft { 'k' } else { c }
            })
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('_');
        }
        let mut last = None;
        for c in w.chars() {
            if Some(c) != last {
                out.push(c);
            }
            last = Some(c);
        }
    }
    out
}

/// British endings of a word written the American way: `-isation` as `-ization` (`International Coffee
/// Organisation`), `-fence` as `-fense` (`Defence Department`), `-mme` as `-m` (`World Food Programme`),
/// and `centre` and `theatre` as `center` and `theater` (not every `-tre`: `Silvestre` is no `Sylvester`).
/// Not `-our`: Britain's `Labour Party` is not Australia's `Labor Party`.
fn american_ending(word: &str) -> String {
    match word {
        "centre" | "centres" | "theatre" | "theatres" => return word.replacen("tre", "ter", 1),
        _ => {}
    }
    // The shortest stem each ending takes: `defence`, `offence`; not `femme`.
    for (british, american, shortest) in [
        ("isation", "ization", 3),
        ("isations", "izations", 3),
        ("fence", "fense", 2),
        ("mme", "m", 3),
        ("mmes", "ms", 3),
    ] {
        if let Some(stem) = word.strip_suffix(british)
            && stem.len() >= shortest
        {
            return format!("{stem}{american}");
        }
    }
    word.to_string()
}

/// Shortest spelling the spelling rule considers: shorter names differ by one letter too often.
const MIN_SPELLING: usize = 5;

/// The spelling rules, in order: one spelling written several ways, then one word misspelt (see
/// [`near_spellings`]), read in the spelling and then in the letters as written, then a person's name
/// with one vowel changed ([`vowel_spellings`]). Each name's spelling is computed once for the first two.
pub(super) fn spellings(
    keys: &BTreeMap<&str, &KeyInfo>,
    places: &BTreeSet<String>,
    out: &mut BTreeMap<String, String>,
) {
    let spelled: BTreeMap<&str, String> = keys
        .iter()
        .map(|(&k, info)| (k, spelling(&info.label)))
        .collect();
    same_spellings(keys, &spelled, places, out);
    near_spellings(keys, &spelled, out);
    // The letters as written, for a slip the spelling hides or makes two: `Lewandowksi`, whose `ks` the
    // spelling writes `x`, is one swap from `Lewandowski`.
    let written: BTreeMap<&str, String> = keys
        .iter()
        .map(|(&k, info)| (k, written_words(&info.label)))
        .collect();
    near_spellings(keys, &written, out);
    vowel_spellings(keys, out);
}

/// Fewest letters of a word whose vowels [`vowel_spellings`] reads as interchangeable: shorter words
/// differ by a vowel too often (`Moore`, `Maree`).
const MIN_VOWEL_WORD: usize = 6;

/// A person's full name that differs from another only in one vowel of one word of [`MIN_VOWEL_WORD`]
/// letters or more, not among its last two letters, goes to the one of the two that more documents name
/// (ties by key):
/// a name transliterated or heard two ways (`Walid Muallem`/`Walid al-Moallem`, `Boris Gustev`/`Boris
/// Gostev`, `William Stirling`/`William Sterling`), whichever the documents' counts, where a slip of any
/// other letter needs a spelling that other documents use ([`near_spellings`]: `Integrated Generics` is
/// not `Integrated Genetics`). Letters doubled in one and not the other (`Murison`/`Morrison`), two
/// vowels changed (`Wiener`/`Weiner`), an ending changed (`Hansen`/`Hanson`, `Martini`/`Martino`) and an
/// umlaut for a vowel (`Köhler`/`Kahler`) make other names. An `h` between vowels of such a word, written
/// in one and not the other, is no difference either (`Zabihullah`/`Zabiullah Mujahid`).
fn vowel_spellings(keys: &BTreeMap<&str, &KeyInfo>, out: &mut BTreeMap<String, String>) {
    // Names by their words with the vowels of long words masked: a group's names differ in vowels only.
    let mut groups: BTreeMap<Vec<String>, Vec<(&str, Vec<String>)>> = BTreeMap::new();
    for (&k, info) in keys {
        if info.class != "Person" || out.contains_key(k) {
            continue;
        }
        let words: Vec<String> = name_words(&info.label)
            .iter()
            .flat_map(|w| w.split('-'))
            .map(vowel_word)
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "al" | "el"))
            .collect();
        if words.len() < 2 {
            continue;
        }
        let masked = words
            .iter()
            .map(|w| {
                if w.chars().count() < MIN_VOWEL_WORD {
                    return w.clone();
                }
                w.chars()
                    .map(|c| if is_vowel(c) { '*' } else { c })
                    .collect()
            })
            .collect();
        groups.entry(masked).or_default().push((k, words));
    }
    for group in groups.values().filter(|g| g.len() >= 2) {
        let Some((winner, won)) = leading(keys, group.iter().map(|(k, _)| *k))
            .and_then(|w| group.iter().find(|(k, _)| *k == w))
        else {
            continue;
        };
        for (k, words) in group.iter().filter(|(k, _)| k != winner) {
            let changed: Vec<(&String, &String)> =
                words.iter().zip(won).filter(|(a, b)| a != b).collect();
            let joined = match changed[..] {
                // Apart only in an `h` between vowels.
                [] => true,
                [(a, b)] => one_vowel_apart(a, b),
                _ => false,
            };
            if joined {
                move_key(keys, out, k, winner);
            }
        }
    }
}

/// Whether a vowel of a name's word counts as one ([`vowel_spellings`]).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A word as [`vowel_spellings`] compares it: lower-case letters and digits as written (an umlaut is no
/// vowel of the five), without an `h` between vowels in a word of [`MIN_VOWEL_WORD`] letters or more: a
/// breath some transliterations write and others leave out (`Zabihullah`, `Zabiullah`).
fn vowel_word(word: &str) -> String {
    let w: Vec<char> = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    let long = w.len() >= MIN_VOWEL_WORD;
    let breath = |i: usize| {
        long && w[i] == 'h'
            && i > 0
            && is_vowel(w[i - 1])
            && w.get(i + 1).is_some_and(|&c| is_vowel(c))
    };
    (0..w.len()).filter(|&i| !breath(i)).map(|i| w[i]).collect()
}

/// Whether two words of one length differ in one letter only, before their last two (`Muallem`,
/// `Moallem`; not `Hansen`, `Hanson`).
fn one_vowel_apart(a: &str, b: &str) -> bool {
    let mut changed = a
        .chars()
        .zip(b.chars())
        .enumerate()
        .filter(|(_, (x, y))| x != y);
    match (changed.next(), changed.next()) {
        (Some((i, _)), None) => i + 2 < a.chars().count(),
        _ => false,
    }
}

/// The key a group of spellings of one name goes to: a fixed key, then the one most documents name, then a
/// typed name, then the first key, so that the choice does not depend on record order.
fn leading<'k>(
    keys: &BTreeMap<&str, &KeyInfo>,
    group: impl Iterator<Item = &'k str>,
) -> Option<&'k str> {
    group.max_by(|a, b| {
        let rank = |k: &str| (keys[k].fixed, keys[k].documents, keys[k].class != UNTYPED);
        rank(a).cmp(&rank(b)).then(b.cmp(a))
    })
}

/// A name's words as written, lower case and accents aside, joined by `_`.
fn written_words(label: &str) -> String {
    name_words(label)
        .iter()
        .flat_map(|w| w.split('-'))
        .map(plain_word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Words a name may be written with or without (`Party of the Regions`, `Syrian Observatory for` / `on
/// Human Rights`): grammar, not names.
const FUNCTION_WORDS: &[&str] = &["the", "of", "for", "on", "and"];

/// A spelling with its function words left out and its words run together, so that a name written with
/// a hyphen, a dot or a space where another writes none is one name (`Wal-Mart`/`Walmart`, `E.ON`/`EON`,
/// `Bosnia-Herzegovina`/`Bosnia and Herzegovina`; a letter doubled across the join as one, as within a
/// word: `Co-operation`/`Cooperation`). A name of function words alone keeps them.
fn written_together(spelling: &str) -> String {
    let words: Vec<&str> = spelling.split('_').collect();
    let content: String = words
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(w))
        .copied()
        .collect();
    let joined = if content.is_empty() {
        words.concat()
    } else {
        content
    };
    let mut last = None;
    joined
        .chars()
        .filter(|&c| last.replace(c) != Some(c))
        .collect()
}

/// A company's names written with and without its legal form, or with another (`Goldman Sachs and Co`,
/// `Goldman Sachs and Co Inc`; `Merrill Lynch`, `Merrill Lynch and Co Inc`; `Union Carbide`, `Union
/// Carbide Corp`; `Swiss Bank Corp`, `Swiss Bank Corporation`), go to the one named in the most documents,
/// when one of them carries a form and the name without the forms has two words or more (a word alone
/// names more than one company: `Continental Corp`, `Continental AG`). A person's name is no company's
/// (`Charles Schwab`, `Charles Schwab Corp`), nor a place's (`South Africa`, `New England`, the `South
/// Africa Pty` and `New England Inc` of firms' names cut short); a name NER called a facility may be
/// (`Union Carbide`).
///
/// Cost: one pass over the names, and one over the groups of names of one spelling without the forms.
pub(super) fn legal_forms_aside(
    keys: &BTreeMap<&str, &KeyInfo>,
    places: &BTreeSet<String>,
    legal_forms: &NameWords,
    out: &mut BTreeMap<String, String>,
) {
    // The spelling of the name without its legal forms -> the names, each with whether it carries one.
    let mut groups: BTreeMap<String, Vec<(&str, bool)>> = BTreeMap::new();
    for (&k, info) in keys {
        // A facility is the place NER most often calls a company (`Union Carbide`).
        let place = places.contains(&info.class) && info.class != "Facility";
        if out.contains_key(k) || info.class == "Person" || place {
            continue;
        }
        let words = name_words(&info.label);
        let kept = legal_forms.before_legal_form(&words);
        if kept >= 2 {
            let base = spelling(&words[..kept].join(" "));
            groups
                .entry(written_together(&base))
                .or_default()
                .push((k, kept < words.len()));
        }
    }
    for group in groups.values() {
        if group.len() < 2 || !group.iter().any(|(_, formed)| *formed) {
            continue;
        }
        let Some(winner) = leading(keys, group.iter().map(|(k, _)| *k)) else {
            continue;
        };
        for &(k, _) in group {
            if k != winner {
                move_key(keys, out, k, winner);
            }
        }
    }
}

/// Names of one spelling go to the one named in the most documents (see the module doc of the corpus stage).
fn same_spellings(
    keys: &BTreeMap<&str, &KeyInfo>,
    spelled: &BTreeMap<&str, String>,
    places: &BTreeSet<String>,
    out: &mut BTreeMap<String, String>,
) {
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (&k, s) in spelled {
        if !out.contains_key(k) && s.len() >= MIN_SPELLING {
            groups.entry(written_together(s)).or_default().push(k);
        }
    }
    for group in groups.values().filter(|g| g.len() >= 2) {
        // One class among the typed names (a name NER gave no type joins them); two classes: two things
        // (`Hamburg` the city, `Hamburg` the club), unless all are classes of places (`Baden-Württemberg` a
        // country and a region) or the name has two words or more, which one name of one spelling does not
        // give two things (`Mesut Özil` the person, `Mesut Oezil` an organisation for NER once).
        let classes: BTreeSet<&str> = group
            .iter()
            .map(|k| keys[k].class.as_str())
            .filter(|c| typed(c))
            .collect();
        let all_places = classes.iter().all(|c| places.contains(*c));
        if classes.len() > 1 && !all_places && name_words(&keys[group[0]].label).len() < 2 {
            continue;
        }
        let Some(winner) = leading(keys, group.iter().copied()) else {
            continue;
        };
        for &k in group {
            if k != winner {
                move_key(keys, out, k, winner);
            }
        }
    }
}

/// A name of two words or more that one document spells one letter away from a name that other documents
/// use (`Angela Markel`, `Associate Press`, `Bashir al-Assad`) goes to that name: one word misspelt as the
/// spelling rule of a document reads it ([`misspelt`]: a letter left out, added, changed or two swapped, in
/// a word of six letters or more with its first letter kept), the classes compatible, and exactly one such
/// name in the corpus. A person's first name that differs at its end is another name (`Daniel`/`Daniela`).
///
/// Cost: the names of two documents or more are indexed by each of their words with one letter left out
/// (about the letters of their words in entries each); a name of one document looks its own up the same way.
fn near_spellings(
    keys: &BTreeMap<&str, &KeyInfo>,
    spelled: &BTreeMap<&str, String>,
    out: &mut BTreeMap<String, String>,
) {
    let words_of = |k: &str| -> Vec<String> { spelled[k].split('_').map(str::to_string).collect() };
    // (position, the words with the one at that position shortened by a letter or not) -> common names.
    let mut index: HashMap<(usize, String), Vec<&str>> = HashMap::new();
    let mut common: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (&k, info) in keys {
        if info.documents < 2 || out.contains_key(k) {
            continue;
        }
        let words = words_of(k);
        if words.len() < 2 {
            continue;
        }
        for variant in variants(&words) {
            index.entry(variant).or_default().push(k);
        }
        common.insert(k, words);
    }
    for (&k, info) in keys {
        if info.documents != 1 || out.contains_key(k) {
            continue;
        }
        let words = words_of(k);
        if words.len() < 2 {
            continue;
        }
        let person = info.class == "Person";
        let near: BTreeSet<&str> = variants(&words)
            .filter_map(|v| index.get(&v))
            .flatten()
            .copied()
            .filter(|&c| {
                let other = &common[c];
                compatible(&keys[c].class, &info.class)
                    && misspelt(&words, other)
                    && !(person && other[0] != words[0] && differ_at_end(&words[0], &other[0]))
            })
            .collect();
        if let [one] = near.into_iter().collect::<Vec<_>>()[..] {
            move_key(keys, out, k, one);
        }
    }
}

/// The index entries of a name's words: for each word, the words with that one as it is and with each of
/// its letters left out in turn.
fn variants(words: &[String]) -> impl Iterator<Item = (usize, String)> + '_ {
    words.iter().enumerate().flat_map(move |(i, w)| {
        let chars: Vec<char> = w.chars().collect();
        let shortened = (0..chars.len()).map(move |skip| {
            let mut c = chars.clone();
            c.remove(skip);
            c.into_iter().collect::<String>()
        });
        std::iter::once(w.clone())
            .chain(shortened)
            .map(move |word| {
                let mut all = words.to_vec();
                all[i] = word;
                (i, all.join("_"))
            })
    })
}

/// Whether two words differ only in their last letter or by a letter added at the end (`Mario`/`Maria`).
fn differ_at_end(a: &str, b: &str) -> bool {
    let same = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    same + 1 >= a.chars().count().max(b.chars().count())
}
