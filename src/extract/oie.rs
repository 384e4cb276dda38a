//! The Open IE interchange format CaRB scores: one line per triple,
//! `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2<TAB>...`, where the later arguments are the
//! n-ary ones (extra arguments, then qualifiers with their prepositions, `in 2014`).

use super::triple::RawTriple;
use crate::analysis::Doc;
use std::io::{self, Write};

/// What the first column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Context {
    /// The input line the sentence is on (for `--lines` input, exactly the input line, as CaRB's scorer needs
    /// even when the analysis splits a line into several sentences).
    #[default]
    Line,
    /// The sentence alone.
    Sentence,
}

/// Writes the triples of `doc` in the Open IE format.
///
/// # Errors
/// When writing fails.
pub fn write(
    out: &mut impl Write,
    doc: &Doc,
    triples: &[RawTriple],
    context: Context,
) -> io::Result<()> {
    let sentences = doc.sentences();
    for t in triples {
        let Some(s) = sentences.get(t.sentence) else {
            continue;
        };
        let text = match context {
            Context::Sentence => doc.slice(s.start_byte..s.end_byte),
            Context::Line => line_at(&doc.text, s.start_byte),
        };
        writeln!(out, "{}", line(text, t))?;
    }
    Ok(())
}

/// One triple's line.
pub fn line(sentence: &str, t: &RawTriple) -> String {
    let mut fields = vec![
        clean(sentence),
        format!("{:.3}", t.confidence),
        clean(&t.relation.text),
        clean(&t.subject.text),
        clean(&t.object.text),
    ];
    fields.extend(t.extra.iter().map(|a| clean(&a.text)));
    for q in &t.qualifiers {
        let value = clean(&q.value.text);
        fields.push(match &q.preposition {
            Some(p) => format!("{} {value}", clean(p)),
            None => value,
        });
    }
    fields.join("\t")
}

/// The line of `text` containing byte `at`, trimmed.
fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let begin = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    text[begin..end].trim()
}

/// Tabs and line breaks would break the format; they become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_at_finds_the_enclosing_line() {
        let text = "first line\nsecond one\nthird";
        assert_eq!(line_at(text, 0), "first line");
        assert_eq!(line_at(text, 12), "second one");
        assert_eq!(line_at(text, 22), "third");
        assert_eq!(line_at(text, 99), "third");
    }

    #[test]
    fn clean_removes_tabs_and_newlines() {
        assert_eq!(clean(" a\tb\nc "), "a b c");
    }
}
