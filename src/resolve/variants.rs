//! Spelling variants within one document: a name written twice in slightly different ways, which news does
//! through typos and transliteration (`Lukashenko` / `Lukaschenko`, `Ahmadinejad` / `Amhadinejad`,
//! `Augsburg` / `Ausgburg`). A name and its plural are not variants: `Morsbachs` is a family, and the singular of a
//! group's name is often an adjective for something else (`Nazi Germany` beside `the Nazis`).
//!
//! A pure function of the document's names: it returns the pairs to join (the name with more mentions
//! first); the caller merges. A variant that could be two different names of the document is nobody's.

use super::cluster::NameInfo;
use super::names::{name_words, phonetic_word};

/// Shortest word, in letters, in which one letter more, less, changed or swapped is taken for a spelling
/// variant: short words differ by one letter too often (`Kohl` / `Kohn`).
const MIN_VARIANT_LETTERS: usize = 6;

/// Pairs (kept, variant) of entity indices to join.
pub(crate) fn variant_links(names: &[NameInfo]) -> Vec<(usize, usize)> {
    let words: Vec<Vec<String>> = names
        .iter()
        .map(|n| {
            name_words(&n.label)
                .iter()
                .map(|w| phonetic_word(w))
                .collect()
        })
        .collect();
    // As written too: a swap across the letters the phonetic form joins (`Lewandowksi`, `ks` read `x`)
    // is one edit only there.
    let written: Vec<Vec<String>> = names
        .iter()
        .map(|n| {
            name_words(&n.label)
                .iter()
                .map(|w| w.to_lowercase())
                .collect()
        })
        .collect();
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (a, x) in names.iter().enumerate() {
        for (b, y) in names.iter().enumerate().skip(a + 1) {
            if x.fixed
                || y.fixed
                || x.label == y.label
                || words[a].is_empty()
                || words[b].is_empty()
            {
                continue;
            }
            // People's names, or two names of other things NER tags alike (`Augsburg` / `Ausgburg`); a lone word
            // against a person's full name when either is tagged a person (NER tags a misspelt surname
            // as anything).
            let same_tag = x.ner.iter().any(|l| y.ner.contains(l));
            let kinds_agree = (x.person && y.person)
                || (!x.person && !y.person && same_tag)
                || ((x.person || y.person) && (words[a].len() == 1 || words[b].len() == 1));
            if kinds_agree && (misspelt(&words[a], &words[b]) || misspelt(&written[a], &written[b]))
            {
                found[a].push(b);
                found[b].push(a);
            }
        }
    }
    // A variant is of one spelling (`Lukaschenko` beside `Lukashenko` and `Alexander Lukashenko` is one
    // name; `Hordoff` beside both `Hordorff` and `Hordorf` stays apart); the name it varies, the one named
    // more often, may have several (`Cazaneuve` and `Cazeneuze` beside `Cazeneuve`).
    let one_spelling = |a: usize| {
        let mut last = found[a].iter().filter_map(|&b| words[b].last());
        last.next().is_some_and(|first| last.all(|w| w == first))
    };
    let mut out = Vec::new();
    for (a, others) in found.iter().enumerate() {
        for &b in others.iter().filter(|&&b| a < b) {
            let (kept, variant) = if names[a].mentions >= names[b].mentions {
                (a, b)
            } else {
                (b, a)
            };
            if one_spelling(variant) {
                out.push((kept, variant));
            }
        }
    }
    out
}

/// Two names that differ in one word of at least [`MIN_VARIANT_LETTERS`] letters, by one letter added,
/// dropped, changed or two neighbours swapped (not a plural `s`), with the same first letter; or a surname
/// standing alone so misspelt against a full name's last word.
pub(crate) fn misspelt(x: &[String], y: &[String]) -> bool {
    let plural =
        |a: &str, b: &str| a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a);
    let close = |a: &str, b: &str| {
        a != b
            && !plural(a, b)
            && a.chars().count().min(b.chars().count()) >= MIN_VARIANT_LETTERS
            && a.chars().next() == b.chars().next()
            && one_edit(a, b)
    };
    if x.len() == y.len() {
        let differing: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
        return matches!(differing.as_slice(), [i] if close(&x[*i], &y[*i]));
    }
    match (x, y) {
        ([one], [.., last]) | ([.., last], [one]) => close(one, last),
        _ => false,
    }
}

/// Whether two words are one edit apart: a letter inserted, deleted or substituted, or two neighbouring
/// letters swapped.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diff.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => {
            let i = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("lukashenko", "lukaschenko"));
        assert!(one_edit("caligiuri", "caliguiri"));
        assert!(one_edit("lagarde", "largarde"));
        assert!(!one_edit("lagarde", "lagarde"));
        assert!(!one_edit("hansen", "jensen"));
    }
}
