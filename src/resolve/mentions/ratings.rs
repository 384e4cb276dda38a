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
            let text = doc.slice(span.bytes.clone());
            let grade = grade_of(text);
            // Moody's grades written in capitals keep their notch (`BAA-3`), which no initials have.
            let notched = grade.len() < text.len()
                && text[grade.len()..]
                    .trim_start_matches('-')
                    .starts_with(['1', '2', '3'])
                && grade.chars().all(|c| c.is_ascii_uppercase());
            ((written_as_grade(grade) || notched)
                && lex.rating_grades.contains(&grade.to_lowercase()))
            .then(|| grade.to_string())
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

/// Whether letters are written as rating scales write grades: one capital repeated (`BBB`, `CC`, `D`:
/// Standard and Poor's, Fitch) or a capital and lower-case a's (`Baa`, `Ca`: Moody's). `BA`, British
/// Airways, is neither, though `Ba` is a grade.
fn written_as_grade(grade: &str) -> bool {
    let mut letters = grade.chars();
    let Some(first) = letters.next().filter(char::is_ascii_uppercase) else {
        return false;
    };
    let rest: Vec<char> = letters.collect();
    rest.iter().all(|&c| c == first) || rest.iter().all(|&c| c == 'a')
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
    use super::{grade_of, written_as_grade};

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
        for grade in ["AAA", "BB", "C", "D", "Baa", "Ba", "Caa", "Aa"] {
            assert!(written_as_grade(grade), "{grade}");
        }
        for letters in ["BA", "CA", "BAA", "Bb", "bbb", "AB"] {
            assert!(!written_as_grade(letters), "{letters}");
        }
    }
}
