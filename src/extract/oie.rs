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
    /// even when the analysis splits a line into several sentences); the sentence when the line is longer
    /// than [`MAX_LINE_CONTEXT`].
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
    // Line starts, found once: a search per triple was quadratic on a long one-line document.
    let breaks: Vec<usize> = match context {
        Context::Line => doc.text.match_indices('\n').map(|(i, _)| i).collect(),
        Context::Sentence => Vec::new(),
    };
    for t in triples {
        let Some(s) = sentences.get(t.sentence) else {
            continue;
        };
        let sentence = doc.slice(s.start_byte..s.end_byte);
        let text = match context {
            Context::Sentence => sentence,
            Context::Line => {
                let line = line_at(&doc.text, &breaks, s.start_byte);
                // A line far longer than any sentence is a document on one line, not an input sentence:
                // repeating it per triple would write gigabytes.
                if line.len() > MAX_LINE_CONTEXT {
                    sentence
                } else {
                    line
                }
            }
        };
        writeln!(out, "{}", line(text, t))?;
    }
    Ok(())
}

/// The longest input line written as a triple's context; beyond it the sentence is written.
pub const MAX_LINE_CONTEXT: usize = 4096;

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

/// The line of `text` containing byte `at`, trimmed, given the offsets of the text's line breaks.
fn line_at<'a>(text: &'a str, breaks: &[usize], at: usize) -> &'a str {
    let k = breaks.partition_point(|&b| b < at);
    let begin = k.checked_sub(1).map_or(0, |p| breaks[p] + 1);
    let end = breaks.get(k).copied().unwrap_or(text.len());
    text.get(begin..end).unwrap_or("").trim()
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
        let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        assert_eq!(line_at(text, &breaks, 0), "first line");
        assert_eq!(line_at(text, &breaks, 12), "second one");
        assert_eq!(line_at(text, &breaks, 22), "third");
        assert_eq!(line_at(text, &breaks, 99), "third");
    }

    #[test]
    fn clean_removes_tabs_and_newlines() {
        assert_eq!(clean(" a\tb\nc "), "a b c");
    }
}
