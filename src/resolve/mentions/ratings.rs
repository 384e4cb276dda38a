//! Credit ratings NER takes for organisations' names (`BB`, `CCC-plus`, `A-1`, `Baa-2`): grades of a rating
//! agency's scale, which name no entity.

use super::NameSpan;
use crate::analysis::Doc;
use crate::resolve::document::sentence_range;
use crate::resolve::lexicon::Lexicon;

/// Whether a name NER found is a grade of a credit rating agency's scale (`kg:creditRatingGrades`), with or
/// without its notch or sign (`CCC-plus`, `Baa-2`, `A-1+`), in a sentence about ratings (a lemma of
/// `kg:creditRatingWords`: `rate`, `downgrade`, `debt`). Elsewhere the letters may name something (`CCC`,
/// the Commodity Credit Corporation of farm stories; `AAA`, a motoring club).
///
/// Cost: one pass over the span's sentence.
pub(super) fn credit_rating(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    let text = doc.slice(span.bytes.clone());
    let grade = grade_of(text);
    if !grade.starts_with(|c: char| c.is_ascii_uppercase())
        || !lex.rating_grades.contains(&grade.to_lowercase())
    {
        return false;
    }
    sentence_range(doc, span.start).any(|i| {
        lex.rating_words
            .contains(&doc.tokens[i].lemma.to_lowercase())
    })
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
    use super::grade_of;

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
}
