//! Credit ratings NER takes for organisations' names (`BB`, `CCC-plus`, `A-1`, `Baa-2`): grades of a rating
//! agency's scale, which name no entity.

use super::NameSpan;
use crate::analysis::Doc;
use crate::resolve::document::sentence_range;
use crate::resolve::lexicon::Lexicon;
use std::collections::HashSet;

/// Which names NER found are grades of a credit rating agency's scale (`kg:creditRatingGrades`), with or
/// without their notch or sign (`CCC-plus`, `Baa-2`, `A-1+`): one in a sentence about ratings (a lemma or
/// word of `kg:creditRatingWords`: `rate`, `rated`, `downgrade`, `debt`), and any other of that grade in the
/// document (`cut to BBB from BBB-plus` after `reduced its senior debt to BBB-minus from BBB`). Elsewhere
/// the letters may name something (`CCC`, the Commodity Credit Corporation of farm stories; `AAA`, a
/// motoring club). One flag per span, in order.
///
/// Cost: one pass over each grade's sentence.
pub(super) fn credit_ratings(doc: &Doc, lex: &Lexicon, spans: &[NameSpan]) -> Vec<bool> {
    let grades: Vec<Option<String>> = spans
        .iter()
        .map(|span| {
            written_grade(doc.slice(span.bytes.clone()))
                .filter(|grade| lex.rating_grades.contains(&grade.to_lowercase()))
                .map(str::to_string)
        })
        .collect();
    // The word as written counts too: the lemmatiser reads `rated` as `rat`.
    let about_ratings = |span: &NameSpan| {
        sentence_range(doc, span.start).any(|i| {
            lex.rating_words
                .contains(&doc.tokens[i].lemma.to_lowercase())
                || lex.rating_words.contains(&doc.token_text(i).to_lowercase())
        })
    };
    let rated: HashSet<&str> = spans
        .iter()
        .zip(&grades)
        .filter_map(|(span, grade)| grade.as_deref().filter(|_| about_ratings(span)))
        .collect();
    grades
        .iter()
        .map(|grade| grade.as_deref().is_some_and(|g| rated.contains(g)))
        .collect()
}

/// The grade of letters written as rating scales write grades, without its notch or sign: one capital
/// repeated (`BBB`, `CC-plus`, `D`: Standard and Poor's, Fitch), a capital and lower-case a's (`Baa-2`, `Ca`:
/// Moody's), or capitals with a notch (`BAA-3`, Moody's in capitals). `BA`, British Airways, is none, though
/// `Ba` is a grade.
fn written_grade(text: &str) -> Option<&str> {
    let grade = grade_of(text);
    let mut letters = grade.chars();
    let first = letters.next().filter(char::is_ascii_uppercase)?;
    let rest: Vec<char> = letters.collect();
    let notched = text[grade.len()..]
        .trim_start_matches('-')
        .starts_with(['1', '2', '3']);
    (rest.iter().all(|&c| c == first)
        || rest.iter().all(|&c| c == 'a')
        || notched && rest.iter().all(char::is_ascii_uppercase))
    .then_some(grade)
}

/// The grade without its sign and its one-digit notch: `CCC-plus` -> `CCC`, `Baa-2` -> `Baa`, `A-1+` ->
/// `A`, `BB-` -> `BB`; not a model number (`B-52`, `A320` stay as written).
fn grade_of(text: &str) -> &str {
    let text = ["-plus", "-minus", " plus", " minus", "+", "-"]
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(text);
    match text.strip_suffix(['1', '2', '3']) {
        Some(rest) if rest.ends_with(|c: char| c.is_ascii_alphabetic()) => rest,
        Some(rest) => rest
            .strip_suffix('-')
            .filter(|r| r.ends_with(|c: char| c.is_ascii_alphabetic()))
            .unwrap_or(text),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::{grade_of, written_grade};

    #[test]
    fn a_grade_is_read_without_its_notch_or_sign() {
        assert_eq!(grade_of("CCC-plus"), "CCC");
        assert_eq!(grade_of("Baa-2"), "Baa");
        assert_eq!(grade_of("A-1+"), "A");
        assert_eq!(grade_of("A-1-plus"), "A");
        assert_eq!(grade_of("BB-"), "BB");
        assert_eq!(grade_of("AAA"), "AAA");
        assert_eq!(grade_of("A2"), "A");
        assert_eq!(grade_of("B-52"), "B-52");
        assert_eq!(grade_of("A320"), "A320");
        assert_eq!(grade_of("A-111"), "A-111");
    }

    #[test]
    fn a_grade_is_written_as_its_scale_writes_it() {
        for (text, grade) in [
            ("AAA", "AAA"),
            ("BB-plus", "BB"),
            ("C", "C"),
            ("D", "D"),
            ("Baa-2", "Baa"),
            ("Ba", "Ba"),
            ("Caa", "Caa"),
            ("Aa", "Aa"),
            ("BAA-3", "BAA"),
        ] {
            assert_eq!(written_grade(text), Some(grade), "{text}");
        }
        for letters in ["BA", "CA", "BAA", "Bb", "bbb", "AB", "B-52"] {
            assert_eq!(written_grade(letters), None, "{letters}");
        }
    }
}
