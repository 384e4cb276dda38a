//! Names: stable keys, transliteration-tolerant comparison, honorifics and pronouns.

use crate::ontology::Ontology;
use std::collections::HashSet;

/// The word lists of the ontology that names are read with (`kg:honorifics`, `kg:titleWords`,
/// `kg:organisationDesignators`, `kg:legalFormDesignators`, `kg:partnerWords`, `kg:familyNameFirst`,
/// `kg:nameParticles`, `kg:departmentWords`, `kg:bodyNouns`, `kg:divisionWords`), lower case.
#[derive(Debug, Clone, Default)]
pub struct NameWords {
    honorifics: HashSet<String>,
    titles: HashSet<String>,
    monarchs: HashSet<String>,
    royals: HashSet<String>,
    designators: HashSet<String>,
    legal_forms: HashSet<String>,
    partners: HashSet<String>,
    place_designators: HashSet<String>,
    family_first: HashSet<String>,
    particles: HashSet<String>,
    person_particles: HashSet<String>,
    generic: HashSet<String>,
    departments: HashSet<String>,
    language: HashSet<String>,
    time_zones: HashSet<String>,
    prefixes: HashSet<String>,
    body_nouns: HashSet<String>,
    divisions: HashSet<String>,
}

impl NameWords {
    /// The lists as the ontology (with its extension files) gives them.
    pub fn new(onto: &Ontology) -> Self {
        let set = |name: &str| onto.word_list(name).iter().cloned().collect::<HashSet<_>>();
        NameWords {
            honorifics: set("honorifics"),
            titles: set("titleWords"),
            monarchs: set("monarchTitles"),
            royals: set("royalTitles"),
            designators: set("organisationDesignators"),
            legal_forms: set("legalFormDesignators"),
            partners: set("partnerWords"),
            place_designators: set("placeDesignators"),
            family_first: set("familyNameFirst"),
            particles: set("nameParticles"),
            person_particles: set("personNameParticles"),
            generic: set("genericNameWords"),
            departments: set("departmentWords"),
            language: set("languageWords"),
            time_zones: set("timeZoneAbbreviations"),
            prefixes: set("namePrefixes"),
            body_nouns: set("bodyNouns"),
            divisions: set("divisionWords"),
        }
    }

    /// Lists with the legal forms of companies' names alone (`kg:legalFormDesignators`, lower case): what
    /// the corpus stage reads names with ([`crate::resolve::corpus::CorpusNames::legal_forms`]).
    pub fn of_legal_forms(forms: impl IntoIterator<Item = String>) -> Self {
        NameWords {
            legal_forms: forms.into_iter().map(|f| Self::key(&f)).collect(),
            ..NameWords::default()
        }
    }

    fn key(word: &str) -> String {
        word.trim_end_matches('.').to_lowercase()
    }

    /// A word that makes the nationality before it a language (`French-speaking`, `Russian language`;
    /// `kg:languageWords`).
    pub fn is_language_word(&self, word: &str) -> bool {
        self.language.contains(&Self::key(word))
    }

    /// A time zone's abbreviation (`GMT` of `at 1200 GMT`; `kg:timeZoneAbbreviations`).
    pub fn is_time_zone(&self, word: &str) -> bool {
        self.time_zones.contains(&Self::key(word))
    }

    /// A courtesy title (`Mr`, `Dr.`): the name after it is a person's.
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(&Self::key(word))
    }

    /// A courtesy title or an office word (`Chancellor`, `Foreign`): never part of a person's name.
    pub fn is_title(&self, word: &str) -> bool {
        let w = Self::key(word);
        self.honorifics.contains(&w) || self.titles.contains(&w)
    }

    /// A monarch's or a royal's title written as one (`Pope`, `Prince`; `kg:monarchTitles`,
    /// `kg:royalTitles`): the one word after it is a given name.
    pub fn is_sovereign_title(&self, word: &str) -> bool {
        self.is_monarch_title(word)
            || word.starts_with(char::is_uppercase) && self.royals.contains(&Self::key(word))
    }

    /// A monarch's title written as one (`King`, `Pope`; `kg:monarchTitles`): a monarch named by it is the
    /// one named by number (`Elizabeth II`).
    pub fn is_monarch_title(&self, word: &str) -> bool {
        word.starts_with(char::is_uppercase) && self.monarchs.contains(&Self::key(word))
    }

    /// A word marking an organisation (`Party`, `FC`) that short forms drop.
    pub fn is_designator(&self, word: &str) -> bool {
        self.designators.contains(&Self::key(word))
    }

    /// A noun that after an organisation's name says what kind of body it is (`the Left party`;
    /// `kg:bodyNouns`).
    pub fn is_body_noun(&self, word: &str) -> bool {
        self.body_nouns.contains(&Self::key(word))
    }

    /// A word that, after a company's name, names a division, service or product line of it, not the
    /// company (`Apple Music`, `Sky Sports`; `kg:divisionWords`).
    pub fn is_division_word(&self, word: &str) -> bool {
        self.divisions.contains(&Self::key(word))
    }

    /// A designator that is a company's legal form (`Corp`, `Ltd`), never a name standing alone.
    pub fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(&Self::key(word))
    }

    /// Whether `word` names a firm's partners after its founders' names (`Sons`, `Brothers`;
    /// `kg:partnerWords`).
    pub fn is_partner_word(&self, word: &str) -> bool {
        self.partners.contains(&Self::key(word))
    }

    /// Whether `word` is a legal form as names write one (`Corp`, `Ltd.`, `NV`, `Co`): a form of two letters
    /// only in capitals or `Co` (not the surname `Sa`).
    pub fn is_written_legal_form(&self, word: &str) -> bool {
        let form = word.trim_end_matches('.');
        self.is_legal_form(form)
            && (form.chars().count() > 2
                || form == "Co"
                || form.chars().all(|c| c.is_ascii_uppercase()))
    }

    /// A company's name without the legal forms that end it, as news writes the company in short (`Bear
    /// Stearns` of `Bear Stearns Cos Inc`, `Morgan Keegan` of `Morgan Keegan and Co Inc`); `None` when the
    /// name ends in none or is nothing but legal forms (`Co Inc`).
    ///
    /// ```
    /// # use kg::ontology::Ontology;
    /// # use kg::resolve::names::NameWords;
    /// let words = NameWords::new(&Ontology::builtin().unwrap());
    /// assert_eq!(words.without_legal_form("Amoco Corp.").as_deref(), Some("Amoco"));
    /// assert_eq!(words.without_legal_form("Smith Barney, Harris Upham and Co Inc").as_deref(),
    ///     Some("Smith Barney Harris Upham"));
    /// assert_eq!(words.without_legal_form("Bank of Tokyo"), None);
    /// assert_eq!(words.without_legal_form("Co Inc"), None);
    /// ```
    pub fn without_legal_form(&self, name: &str) -> Option<String> {
        let words = name_words(name);
        let kept = &words[..self.before_legal_form(&words)];
        let rest = kept.iter().any(|w| !self.is_written_legal_form(w));
        (kept.len() < words.len() && rest).then(|| kept.join(" "))
    }

    /// How many of a name's words come before the legal forms that end it and the `and` or `&` of the
    /// partners a form closes (`Morgan Keegan` | `and Co Inc`); the first word is never a legal form taken
    /// off (`Co` of `Co Inc` stays).
    pub fn before_legal_form(&self, words: &[impl AsRef<str>]) -> usize {
        let mut n = words.len();
        while n > 1 && self.is_written_legal_form(words[n - 1].as_ref()) {
            n -= 1;
            if matches!(words[n - 1].as_ref(), "and" | "&") {
                n -= 1;
            }
        }
        n
    }

    /// The last word of a place name that short forms drop (`Strip` of `Gaza Strip`).
    pub fn is_place_designator(&self, word: &str) -> bool {
        self.place_designators.contains(&Self::key(word))
    }

    /// A family name of a tradition that writes it first (`Kim`, `Xi`, `Nguyen`).
    pub fn is_family_first(&self, word: &str) -> bool {
        self.family_first.contains(&Self::key(word))
    }

    /// A lower-case word that can stand inside a name (`of`, `van`).
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(&word.to_lowercase())
    }

    /// A prefix a hyphen joins to a name that is no part of it (`non` of `non-OPEC`; `kg:namePrefixes`),
    /// case aside (the caller reads a capitalised one as part of the name: `Pre-Paid Legal Services`).
    pub fn is_name_prefix(&self, word: &str) -> bool {
        self.prefixes.contains(&word.to_lowercase())
    }

    /// A lower-case word that can stand inside a person's name (`von`, `bin`; not `at` or `of`).
    pub fn is_person_particle(&self, word: &str) -> bool {
        self.person_particles.contains(&word.to_lowercase())
    }

    /// A name that is one word marking an organisation and nothing else (`Group`, `Department`, `Fund`;
    /// `kg:organisationDesignators`, `kg:departmentWords`): a short form that names whatever organisation
    /// of its story it stands for, and none across stories.
    pub fn is_designator_alone(&self, name: &str) -> bool {
        match name_words(name)[..] {
            [word] => self.marks_organisation(word),
            _ => false,
        }
    }

    /// A word that marks an organisation: a designator or a department's head noun (`Fund`, `Ministry`).
    pub fn marks_organisation(&self, word: &str) -> bool {
        self.is_designator(word) || self.is_department_word(word)
    }

    /// The head noun of a government department's name (`Ministry`, `Department`; `kg:departmentWords`).
    pub fn is_department_word(&self, word: &str) -> bool {
        self.departments.contains(&Self::key(word))
    }

    /// A name made only of words every country's institutions share (`Foreign Ministry`, `Social
    /// Democrats`): it names a different entity in each country, never one across documents.
    pub fn is_generic_name(&self, name: &str) -> bool {
        let words = name_words(name);
        !words.is_empty()
            && words
                .iter()
                .all(|w| self.generic.contains(&w.to_lowercase()))
    }

    /// A department's name with its head noun after its field, as keys read it (`Ministry of the Interior`
    /// -> `Interior Ministry`, `Department of Justice` -> `Justice Department`; `kg:departmentWords`), so
    /// that both ways of writing it are one name; any other name as it is.
    pub fn field_first(&self, name: &str) -> String {
        let mut words = name_words(name);
        if words.len() >= 3 && self.is_department_word(words[0]) && words[1] == "of" {
            let head = words.remove(0);
            words.remove(0);
            if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
                words.remove(0);
            }
            words.push(head);
        }
        words.join(" ")
    }

    /// A generic name as its key reads it, lower case: its field first ([`NameWords::field_first`]), and
    /// the last word in the singular when the list holds both forms (`Social Democrats` -> `social
    /// democrat`, `the Greens` -> `green`): the party and its member's noun are one name (`Social Democrat
    /// Lena Berg` is a member of the Social Democrats).
    pub fn generic_form(&self, name: &str) -> String {
        let mut words: Vec<String> = name_words(&self.field_first(name))
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        if let Some(last) = words.last_mut()
            && let Some(one) = last.strip_suffix('s')
            && self.generic.contains(one)
        {
            *last = one.to_string();
        }
        words.join(" ")
    }

    /// A person's name without leading titles and honorifics (`Prime Minister Shinzo Abe` -> `Shinzo Abe`);
    /// unchanged when nothing would remain.
    pub fn strip_titles(&self, name: &str) -> String {
        let words = name_words(name);
        let first = words
            .iter()
            .position(|w| !self.is_title(w))
            .unwrap_or(words.len());
        if first >= words.len() {
            return words.join(" ");
        }
        words[first..].join(" ")
    }
}

/// Personal pronouns and determiners that cannot stand as a fact's argument on their own.
pub(crate) const PRONOUNS: &[&str] = &[
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "we",
    "us",
    "our",
    "ours",
    "i",
    "me",
    "my",
    "mine",
    "you",
    "your",
    "yours",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "itself",
    "themselves",
    "himself",
    "herself",
    "one",
    "both",
    "either",
    "neither",
    "there",
    "here",
    "some",
    "many",
    "all",
    "each",
    "other",
    "others",
];

/// Whether a phrase is a bare pronoun (or similar pro-form) that must be resolved or dropped.
pub fn is_pronoun(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    PRONOUNS.contains(&t.as_str())
}

/// Folds common accented Latin letters to ASCII so `Zelenskyy` and `Zelenskýy` compare equal.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ç' | 'č' | 'ć' => "c",
        'ñ' | 'ń' => "n",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ř' => "r",
        'ł' => "l",
        'ß' => "ss",
        _ => return None,
    })
}

/// A word in lower-case letters and digits, accented Latin letters as ASCII (`Lewandowksi` as written,
/// `Köhler` as `kohler`).
pub(crate) fn plain_word(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if let Some(f) = fold_char(c) {
            w.push_str(f);
        } else if c.is_alphanumeric() {
            w.push(c);
        }
    }
    w
}

/// A lower-case ASCII word with transliteration variants collapsed: `Sergei`/`Sergey`, `Dmitri`/`Dmitriy`/
/// `Dmitry`, `Aleksei`/`Alexey`, `Zelensky`/`Zelenskiy`/`Zelenskyy`. Applied per word of a name.
pub fn phonetic_word(word: &str) -> String {
    let w = plain_word(word).replace("ks", "x");
    // Word-final -iy, -yy, -ii, -ij and vowel + i all spell the same /j/ sound in romanised Slavic names.
    for (from, to) in [("iy", "y"), ("yy", "y"), ("ii", "y"), ("ij", "y")] {
        if let Some(stem) = w.strip_suffix(from)
            && stem.len() >= 2
        {
            return format!("{stem}{to}");
        }
    }
    if w.len() >= 4 && w.ends_with('i') {
        let before = w.as_bytes()[w.len() - 2];
        if b"aeou".contains(&before) || (before == b'r' && w.ends_with("tri")) {
            return format!("{}y", &w[..w.len() - 1]);
        }
    }
    w
}

/// The initials of a name's words, lower case: hyphenated words read as two when `split_hyphens`
/// (`Agence France-Presse`: `afp`, else `af`), and the words `skip` accepts left out (particles: `of`, `für`).
pub(crate) fn initial_letters<'w>(
    words: impl IntoIterator<Item = &'w str>,
    split_hyphens: bool,
    skip: impl Fn(&str) -> bool,
) -> String {
    words
        .into_iter()
        .flat_map(|w| {
            if split_hyphens {
                w.split('-').collect()
            } else {
                vec![w]
            }
        })
        .filter(|w| !skip(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `letters` (lower case) are the initials of `name`'s words, read without its particles
/// (`Commission Against Racism`), without its lower-case particles only (`Al Qaeda in the Islamic
/// Maghreb`), or with every word; a hyphenated word is one word.
pub(crate) fn spells_initials(letters: &str, name: &str, words: &NameWords) -> bool {
    [(true, true), (true, false), (false, false)]
        .iter()
        .any(|&(skip, skip_capitalised)| {
            initial_letters(name.split_whitespace(), false, |w| {
                skip && words.is_particle(w)
                    && (skip_capitalised || !w.starts_with(char::is_uppercase))
            }) == letters
        })
}

/// A sovereign's or a pope's number written in Roman numerals (`II`, `XVI`).
pub(crate) fn regnal_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The letters an acronym-like word spells (`AFP`, `U.N.`, `AfD`: two capitals or more, two to eight
/// letters or digits), lower case: `U.N.` spells `un`; `Bayern` spells nothing.
pub(crate) fn acronym_letters(word: &str) -> Option<String> {
    let letters: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    (upper >= 2 && (2..=8).contains(&letters.chars().count())).then_some(letters)
}

/// The key of a name: its words, phonetically normalised, joined by `_` (`Sergei Lavrov` -> `sergey_lavrov`).
/// Deterministic, so documents built apart give the same key for the same name.
pub fn name_key(name: &str) -> String {
    // Hyphenated names split as [`slug`] splits them, so a name keys alike as a person and as anything else.
    let words: Vec<String> = name_words(name)
        .iter()
        .flat_map(|w| w.split('-'))
        .map(phonetic_word)
        .filter(|w| !w.is_empty())
        .collect();
    words.join("_")
}

/// A key for any label (no phonetic folding): its words, lower case, joined by `_`. Latin letters are folded to
/// ASCII (`Zelenskýy` -> `zelenskyy`); letters and digits of any other script are kept as they are (`Южные
/// Курилы` -> `южные_курилы`, percent-encoded in the IRI), so names in every script get distinct keys. A label
/// without any letter or digit (`—`, an emoji) gets a key hashed from its text.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut gap = false;
    let push = |out: &mut String, piece: &str, gap: &mut bool| {
        if *gap && !out.is_empty() {
            out.push('_');
        }
        *gap = false;
        out.push_str(piece);
    };
    for c in label.chars().flat_map(char::to_lowercase) {
        if let Some(f) = fold_char(c) {
            push(&mut out, f, &mut gap);
        } else if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            push(&mut out, c.encode_utf8(&mut buf), &mut gap);
        } else {
            gap = true;
        }
    }
    if out.is_empty() {
        // FNV-1a of the text: stable across runs and machines, and different symbols differ.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("entity_{h:016x}")
    } else {
        out
    }
}

/// The words of a name: split on spaces and hyphens kept inside words; possessive endings and a leading
/// `the` dropped.
pub fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    words
}

/// Cleans a surface form into a label: a leading `the` and a possessive ending removed, spaces collapsed.
pub fn clean_label(text: &str) -> String {
    name_words(text).join(" ")
}

/// Cleans a name into a label like [`clean_label`], but a possessive inside the name stays part of it
/// (`Pakistan People's Party`, `Women's World Cup`), written with a straight apostrophe, unless `possessor`
/// says its word names someone else (`Russia's Bolshoi Theater` gives `Russia Bolshoi Theater`, as
/// [`clean_label`] does).
pub fn clean_name(text: &str, possessor: impl Fn(&str) -> bool) -> String {
    possessive_words(text, &S_POSSESSIVE_MARKS, |w| {
        let keep = w.marker.is_some() && w.before_word && !possessor(w.core);
        if keep {
            format!("{}'s", w.core)
        } else {
            w.core.to_string()
        }
    })
}

/// The marks of a possessive written with an `s`, straight or curly: the ones a name may hold (`Moody's`).
const S_POSSESSIVE_MARKS: [&str; 2] = ["'s", "’s"];

/// Whether a word or a name ends in a possessive `'s` (`Moody's`, straight or curly).
pub(crate) fn ends_in_possessive_s(text: &str) -> bool {
    S_POSSESSIVE_MARKS.iter().any(|m| text.ends_with(m))
}

/// The marks of a possessive, as tokens: `'s` and a bare apostrophe (`Maas'`), straight or curly.
pub(crate) const POSSESSIVE_MARKS: [&str; 4] = ["'s", "’s", "'", "’"];

/// Whether a token's text is a possessive's mark ([`POSSESSIVE_MARKS`]).
pub(crate) fn is_possessive_mark(text: &str) -> bool {
    POSSESSIVE_MARKS.contains(&text)
}

/// Cleans a common-noun phrase into a label: like [`clean_label`], but a possessive inside the phrase stays
/// (`Abe's home constituency`, not `Abe home constituency`); only a final one is removed.
pub fn clean_phrase(text: &str) -> String {
    possessive_words(text, &POSSESSIVE_MARKS, |w| match w.marker {
        Some(m) if !w.last => format!("{}{m}", w.core),
        _ => w.core.to_string(),
    })
}

/// One word of a text as [`possessive_words`] reads it.
struct PossessiveWord<'t> {
    /// The word without its possessive ending and surrounding punctuation.
    core: &'t str,
    /// The possessive ending it had (`'s`), if any.
    marker: Option<&'static str>,
    /// The text's last word.
    last: bool,
    /// Followed by a word that has letters or digits.
    before_word: bool,
}

/// The words of `text` written by `write`, joined by spaces: each with the possessive ending of `markers` it
/// has; words of punctuation only and a leading `the` dropped.
fn possessive_words(
    text: &str,
    markers: &[&'static str],
    write: impl Fn(&PossessiveWord) -> String,
) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        let marker = markers.iter().copied().find(|m| w.ends_with(m));
        let core = marker
            .map_or(*w, |m| &w[..w.len() - m.len()])
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        if core.is_empty() {
            continue;
        }
        out.push(write(&PossessiveWord {
            core,
            marker,
            last: k + 1 == words.len(),
            before_word: words
                .get(k + 1)
                .is_some_and(|next| !clean_label(next).is_empty()),
        }));
    }
    if out.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        out.remove(0);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_key() {
        for (a, b) in [
            ("Sergei Lavrov", "Sergey Lavrov"),
            ("Dmitri Peskov", "Dmitry Peskov"),
            ("Aleksei Navalny", "Alexei Navalny"),
            ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
            ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
            ("Nikolai Patrushev", "Nikolay Patrushev"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (a, b) in [
            ("Sergei Lavrov", "Sergei Shoigu"),
            ("Shinzo Abe", "Akie Abe"),
            ("Kim", "Kimi"),
            ("Mali", "Malay"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn titles_are_stripped_but_names_kept() {
        let onto = Ontology::builtin().expect("ontology");
        let w = NameWords::new(&onto);
        let strip_titles = |n: &str| w.strip_titles(n);
        assert_eq!(strip_titles("Prime Minister Shinzo Abe"), "Shinzo Abe");
        assert_eq!(
            strip_titles("Russian Defense Minister"),
            "Russian Defense Minister"
        );
        assert_eq!(strip_titles("Mr. Putin"), "Putin");
        assert_eq!(strip_titles("Tomomi Inada"), "Tomomi Inada");
    }

    #[test]
    fn labels_and_slugs() {
        assert_eq!(
            clean_label("the U.N. Security Council’s"),
            "U.N. Security Council"
        );
        assert_eq!(clean_label("North Korea’s"), "North Korea");
        assert_eq!(slug("U.N. Security Council"), "u_n_security_council");
        assert_eq!(slug("Южные Курилы"), "южные_курилы");
        assert_ne!(slug("北京"), slug("上海"));
        assert_ne!(slug("—"), slug("…"));
        assert!(is_pronoun("They") && is_pronoun("it") && !is_pronoun("Japan"));
    }

    #[test]
    fn names_keep_inner_possessives_unless_they_name_a_possessor() {
        let place = |w: &str| w == "Russia";
        assert_eq!(
            clean_name("the Pakistan People’s Party", place),
            "Pakistan People's Party"
        );
        assert_eq!(clean_name("Women's World Cup", place), "Women's World Cup");
        assert_eq!(
            clean_name("Russia's Bolshoi Theater", place),
            "Russia Bolshoi Theater"
        );
        assert_eq!(clean_name("North Korea’s", place), "North Korea");
    }

    #[test]
    fn phrases_keep_inner_possessives() {
        assert_eq!(
            clean_phrase("Abe’s home constituency"),
            "Abe’s home constituency"
        );
        assert_eq!(clean_phrase("the islands' claimants"), "islands' claimants");
        assert_eq!(clean_phrase("Russia's"), "Russia");
        assert_eq!(
            clean_label("Abe’s home constituency"),
            "Abe home constituency"
        );
    }
}
