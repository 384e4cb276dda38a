//! An input document and the parsing of its optional leading `date YYYY-MM-DD` line.

use serde::Deserialize;

/// A document to analyse, as read from the input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The identifier: the file's path relative to the folder given, `FILE#Ln` for one document per line,
    /// or the `id` of a JSON Lines record.
    pub id: String,
    /// The text to analyse. All offsets of later stages index this string.
    pub text: String,
    /// Byte offset of `text` in the source record (non-zero when a leading date line was taken off), so
    /// that offsets can be mapped back to the file.
    pub source_offset: usize,
    /// Title, when the input had one (JSON `title`, a Markdown `# heading` on the first line).
    pub title: Option<String>,
    /// Publication date `YYYY-MM-DD`, from JSON `date` or a leading `date YYYY-MM-DD` line.
    pub date: Option<String>,
    /// Source URL (JSON `url`).
    pub url: Option<String>,
}

impl Document {
    /// A document from raw text: a leading `date YYYY-MM-DD` (after optional whitespace, followed by
    /// whitespace) becomes the date and is taken off the text; a Markdown `# heading` on the first line, or
    /// a headline (a short first line without a full stop, followed by a blank line), becomes the title (and
    /// stays in the text; the analysis ends a sentence after it).
    ///
    /// ```
    /// use kg::ingest::Document;
    /// let d = Document::from_text("a.txt", " date 2017-03-20 Japan and Russia met.".to_string());
    /// assert_eq!(d.date.as_deref(), Some("2017-03-20"));
    /// assert_eq!(d.text, "Japan and Russia met.");
    /// assert_eq!(d.source_offset, 17);
    /// ```
    pub fn from_text(id: impl Into<String>, text: String) -> Document {
        let mut doc = Document {
            id: id.into(),
            ..Document::default()
        };
        match leading_date(&text) {
            Some((date, body_start)) => {
                doc.date = Some(date.to_string());
                doc.source_offset = body_start;
                doc.text = text[body_start..].to_string();
            }
            None => doc.text = text,
        }
        doc.title = markdown_title(&doc.text).or_else(|| headline(&doc.text));
        doc
    }
}

/// Finds `date YYYY-MM-DD` at the start (after whitespace); returns the date and where the body starts.
fn leading_date(text: &str) -> Option<(&str, usize)> {
    let trimmed = text.trim_start();
    let skipped = text.len() - trimmed.len();
    let rest = trimmed.strip_prefix("date")?;
    let after_kw = rest.trim_start_matches([' ', '\t']);
    if after_kw.len() == rest.len() {
        return None;
    }
    let date = after_kw.get(..10)?;
    if !is_iso_date(date) {
        return None;
    }
    let after_date = &after_kw[10..];
    if !(after_date.is_empty() || after_date.starts_with(char::is_whitespace)) {
        return None;
    }
    let body = after_date.trim_start();
    let body_start = skipped + (trimmed.len() - body.len());
    Some((date, body_start))
}

/// Whether `s` is `YYYY-MM-DD` with a plausible month and day.
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// The longest first line taken for a headline, in bytes.
const MAX_HEADLINE_BYTES: usize = 300;

/// A news file's headline: a first line without sentence-final punctuation, followed by a blank line and
/// more text. (A first line that ends with a full stop is a sentence of its own already.)
fn headline(text: &str) -> Option<String> {
    let (first, rest) = text.trim_start().split_once('\n')?;
    let (second, after) = rest.split_once('\n')?;
    let first = first.trim();
    if first.is_empty()
        || first.len() > MAX_HEADLINE_BYTES
        || !second.trim().is_empty()
        || after.trim().is_empty()
    {
        return None;
    }
    let unquoted = first.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    (!unquoted.ends_with(['.', '!', '?', '\u{2026}'])).then(|| first.to_string())
}

fn markdown_title(text: &str) -> Option<String> {
    let first = text.lines().next()?.trim();
    let title = first.strip_prefix("# ")?.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// One record of a JSON Lines input.
#[derive(Debug, Deserialize)]
pub(crate) struct JsonRecord {
    pub id: Option<String>,
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_date_forms() {
        let cases = [
            ("date 2017-03-20\nBody", Some("2017-03-20"), "Body"),
            (
                " date 2017-03-20 Japan met.",
                Some("2017-03-20"),
                "Japan met.",
            ),
            ("date 2017-13-20 x", None, "date 2017-13-20 x"),
            ("dated 2017-03-20 x", None, "dated 2017-03-20 x"),
            ("date 2017-03-201", None, "date 2017-03-201"),
            ("The date 2017-03-20 x", None, "The date 2017-03-20 x"),
        ];
        for (input, date, body) in cases {
            let d = Document::from_text("x", input.to_string());
            assert_eq!(d.date.as_deref(), date, "{input:?}");
            assert_eq!(d.text, body, "{input:?}");
            assert_eq!(&input[d.source_offset..], body);
        }
    }

    #[test]
    fn a_first_line_before_a_blank_line_is_a_headline_unless_it_is_a_sentence() {
        let title = |text: &str| Document::from_text("a.txt", text.to_string()).title;
        assert_eq!(
            title("Blair and Brown clash over tax\n\nTony Blair said.").as_deref(),
            Some("Blair and Brown clash over tax")
        );
        assert_eq!(title("It rained.\n\nThen it stopped."), None);
        assert_eq!(title("\"Go now!\"\n\nHe left."), None);
        assert_eq!(title("Headline only\n\n"), None);
        assert_eq!(title("Line one\nline two\n\nMore."), None);
    }

    #[test]
    fn markdown_heading_is_title() {
        let d = Document::from_text("a.md", "# Isles row\n\nText.".to_string());
        assert_eq!(d.title.as_deref(), Some("Isles row"));
        assert!(Document::from_text("a", "Text".into()).title.is_none());
    }
}
