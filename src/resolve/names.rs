//! Names: stable keys, transliteration-tolerant comparison, honorifics and pronouns.

/// Words that are titles or honorifics, never part of a person's name (`President Vladimir Putin`). Role nouns
/// from the ontology are stripped too; these are the ones that are not roles.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "general",
    "col",
    "colonel",
    "adm",
    "admiral",
    "capt",
    "captain",
    "lt",
    "sgt",
    "rep",
    "sen",
    "senator",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "rev",
    "pope",
    "prince",
    "princess",
    "sheikh",
    "deputy",
    "vice",
    "acting",
    "former",
    "foreign",
    "defense",
    "defence",
    "prime",
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "state",
    "finance",
    "trade",
    "interior",
    "economy",
    "chief",
    "cabinet",
    "spokesman",
    "spokeswoman",
];

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

/// Whether a word is an honorific or title word (case-insensitive, trailing dot ignored).
pub fn is_honorific(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    HONORIFICS.contains(&w.as_str())
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

/// A lower-case ASCII word with transliteration variants collapsed: `Sergei`/`Sergey`, `Dmitri`/`Dmitriy`/
/// `Dmitry`, `Aleksei`/`Alexey`, `Zelensky`/`Zelenskiy`/`Zelenskyy`. Applied per word of a name.
pub fn phonetic_word(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if let Some(f) = fold_char(c) {
            w.push_str(f);
        } else if c.is_ascii_alphanumeric() {
            w.push(c);
        }
    }
    let w = w.replace("ks", "x");
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

/// The key of a name: its words, phonetically normalised, joined by `_` (`Sergei Lavrov` -> `sergey_lavrov`).
/// Deterministic, so documents built apart give the same key for the same name.
pub fn name_key(name: &str) -> String {
    let words: Vec<String> = name_words(name)
        .iter()
        .map(|w| phonetic_word(w))
        .filter(|w| !w.is_empty())
        .collect();
    words.join("_")
}

/// A key for any label (no phonetic folding): lower-case ASCII letters and digits joined by `_`.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut gap = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        let folded = fold_char(c);
        if let Some(f) = folded {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push_str(f);
        } else if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    if out.is_empty() { "entity".into() } else { out }
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

/// Cleans a common-noun phrase into a label: like [`clean_label`], but a possessive inside the phrase stays
/// (`Abe's home constituency`, not `Abe home constituency`); only a final one is removed.
pub fn clean_phrase(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        let marker = ["'s", "’s", "'", "’"].into_iter().find(|m| w.ends_with(m));
        let core = marker
            .map_or(*w, |m| &w[..w.len() - m.len()])
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        if core.is_empty() {
            continue;
        }
        match marker {
            Some(m) if k + 1 < words.len() => out.push(format!("{core}{m}")),
            _ => out.push(core.to_string()),
        }
    }
    if out.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        out.remove(0);
    }
    out.join(" ")
}

/// A person's name without leading titles and honorifics (`Prime Minister Shinzo Abe` -> `Shinzo Abe`);
/// unchanged when nothing would remain.
pub fn strip_titles(name: &str) -> String {
    let words = name_words(name);
    let first_name_word = words
        .iter()
        .position(|w| !is_honorific(w))
        .unwrap_or(words.len());
    if first_name_word >= words.len() {
        return words.join(" ");
    }
    words[first_name_word..].join(" ")
}

/// Whether `short` is a partial form of the full name `full`: its words are a suffix of the full name's
/// (`Putin` of `Vladimir Putin`), compared phonetically.
pub fn is_partial_name(short: &str, full: &str) -> bool {
    let s: Vec<String> = name_words(short).iter().map(|w| phonetic_word(w)).collect();
    let f: Vec<String> = name_words(full).iter().map(|w| phonetic_word(w)).collect();
    !s.is_empty() && s.len() < f.len() && f.ends_with(&s)
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
        assert_eq!(strip_titles("Prime Minister Shinzo Abe"), "Shinzo Abe");
        assert_eq!(
            strip_titles("Russian Defense Minister"),
            "Russian Defense Minister"
        );
        assert_eq!(strip_titles("Mr. Putin"), "Putin");
        assert_eq!(strip_titles("Tomomi Inada"), "Tomomi Inada");
    }

    #[test]
    fn partial_names_match_only_suffixes() {
        assert!(is_partial_name("Putin", "Vladimir Putin"));
        assert!(is_partial_name("Lavrov", "Sergey Lavrov"));
        assert!(!is_partial_name("Vladimir", "Vladimir Putin"));
        assert!(!is_partial_name("Vladimir Putin", "Vladimir Putin"));
        assert!(!is_partial_name("Abe", "Shinzo Abell"));
    }

    #[test]
    fn labels_and_slugs() {
        assert_eq!(
            clean_label("the U.N. Security Council’s"),
            "U.N. Security Council"
        );
        assert_eq!(clean_label("North Korea’s"), "North Korea");
        assert_eq!(slug("U.N. Security Council"), "u_n_security_council");
        assert_eq!(slug("Южные"), "entity");
        assert!(is_pronoun("They") && is_pronoun("it") && !is_pronoun("Japan"));
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
