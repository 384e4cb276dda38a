//! Long documents are analysed in bounded pieces, and headlines end their own sentence.
//!
//! The analysis keeps per-token working buffers for a whole document (a 20 MB one-line text peaked at
//! 5.6 GB and could not be interrupted), so a text longer than [`MAX_PIECE_BYTES`] is cut into pieces at the
//! last paragraph break, else line break, else sentence end, else whitespace before the limit, analysed piece
//! by piece, and put back together with every offset into the original text. spaCy refuses texts over a
//! million characters by default; up to the limit the output is unchanged.

use crate::analysis::{Doc, Span};
use crate::ingest::Document;
use std::ops::Range;

/// The longest text analysed in one piece, in bytes (128 KiB): about 27,000 tokens of news text, about a
/// quarter of a second of analysis on one idle core, so an interrupt is honoured promptly and the working
/// memory of the analysis stays small. News articles are far shorter, so they are analysed whole.
pub const MAX_PIECE_BYTES: usize = 1 << 17;

/// Cuts `text` into consecutive byte ranges of at most `max` bytes (`max` at least 16), each ending at the
/// best boundary in the second half of its window: a blank line, a line break, a sentence end (`.`, `!` or
/// `?` before whitespace), any whitespace, or failing all of them a character boundary.
pub fn pieces(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(16);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut low = start + max / 2;
        while !text.is_char_boundary(low) {
            low += 1;
        }
        let window = &text[low..limit];
        let after = |i: Option<usize>, len: usize| i.map(|i| low + i + len);
        let cut = after(window.rfind("\n\n"), 2)
            .or_else(|| after(window.rfind('\n'), 1))
            .or_else(|| after(sentence_end(window), 0))
            .or_else(|| {
                let (i, c) = window
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())?;
                Some(low + i + c.len_utf8())
            })
            .unwrap_or(limit);
        // Whitespace after the cut stays with the piece before it, so each piece starts at a word.
        let end = text[cut..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |i| cut + i)
            .min(limit.max(cut));
        let end = if end <= start { limit } else { end };
        out.push(start..end);
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The offset just past the last `.`, `!` or `?` followed by whitespace in `window`.
fn sentence_end(window: &str) -> Option<usize> {
    let bytes = window.as_bytes();
    (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i - 1], b'.' | b'!' | b'?') && bytes[i].is_ascii_whitespace())
}

/// One document from the analyses of its pieces (`(byte offset, analysis)` in text order): token and
/// entity offsets are moved into `text`, heads and spans to the merged token numbering.
pub fn merge(id: String, text: String, parts: Vec<(usize, Doc)>) -> Doc {
    let mut doc = Doc {
        id,
        text,
        tokens: Vec::new(),
        ents: Vec::new(),
    };
    for (offset, part) in parts {
        let base = doc.tokens.len();
        doc.tokens.extend(part.tokens.into_iter().map(|mut t| {
            t.start += offset;
            t.end += offset;
            t.head += base;
            t
        }));
        doc.ents.extend(part.ents.into_iter().map(|e| Span {
            start: e.start + base,
            end: e.end + base,
            start_byte: e.start_byte + offset,
            end_byte: e.end_byte + offset,
            label: e.label,
        }));
    }
    if let Some(first) = doc.tokens.first_mut() {
        first.sent_start = true;
    }
    doc
}

/// Where a document's headline ends, when it opens the text: its `title` (the JSON record's, a Markdown
/// heading, or a first line followed by a blank line) followed by whitespace. The first word after it must
/// start a sentence: a headline has no full stop, and glued to the first sentence it makes wrong facts.
pub fn headline_end(document: &Document) -> Option<usize> {
    let title = document.title.as_deref()?.trim();
    if title.is_empty() {
        return None;
    }
    let text = document.text.as_str();
    let body = text.trim_start();
    let mut at = text.len() - body.len();
    if body.starts_with('#') {
        let heading = body.trim_start_matches('#');
        let words = heading.trim_start_matches([' ', '\t']);
        at += body.len() - words.len();
    }
    let rest = &text[at..];
    let after = rest.strip_prefix(title)?;
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(at + title.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_at_good_boundaries() {
        let text = "One two. Three four.\n\nFive six seven. Eight nine ten eleven twelve.";
        let parts = pieces(text, 30);
        assert_eq!(parts.first().map(|r| r.start), Some(0));
        assert_eq!(parts.last().map(|r| r.end), Some(text.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for r in &parts {
            assert!(r.len() <= 30, "{r:?}");
            assert!(!text[r.clone()].starts_with(char::is_whitespace), "{r:?}");
        }
        assert_eq!(&text[parts[0].clone()], "One two. Three four.\n\n");
    }

    #[test]
    fn pieces_of_text_without_any_boundary_keep_characters_whole() {
        let text = "é".repeat(100);
        let parts = pieces(&text, 15);
        assert!(
            parts
                .iter()
                .all(|r| text.get(r.clone()).is_some() && !r.is_empty())
        );
        assert_eq!(parts.iter().map(|r| r.len()).sum::<usize>(), text.len());
        assert_eq!(pieces("", 10), vec![0..0_usize]);
    }

    #[test]
    fn headline_end_needs_the_title_at_the_start() {
        let doc = |text: &str, title: Option<&str>| Document {
            text: text.into(),
            title: title.map(Into::into),
            ..Document::default()
        };
        assert_eq!(
            headline_end(&doc(
                "Blair and Brown clash\n\nTony Blair said.",
                Some("Blair and Brown clash")
            )),
            Some(21)
        );
        assert_eq!(headline_end(&doc("# Row\n\nText.", Some("Row"))), Some(5));
        assert_eq!(headline_end(&doc("Rowing on.", Some("Row"))), None);
        assert_eq!(headline_end(&doc("Text.", Some("Elsewhere"))), None);
        assert_eq!(headline_end(&doc("Text.", None)), None);
    }
}
