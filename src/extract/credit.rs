//! Agency credit lines: `mz/acb (AP, Reuters, AFP)` at the end of a wire story says who supplied it (the
//! editors' initials, then the agencies), not what happened. Nothing in it is a fact or a mention of the
//! story: read as text it made `AP be Reuters` and placed every agency in its country in every story it
//! supplied.

use crate::analysis::Doc;
use std::ops::Range;

/// Most names a credit line lists.
const MAX_CREDITED: usize = 8;

/// Labels of a byline's fields (`Author: Lena Aho Editor: Per Lund`): the people who wrote and edited the
/// story, not people it is about.
const BYLINE_LABELS: &[&str] = &[
    "author",
    "authors",
    "editor",
    "editors",
    "interview",
    "reporter",
    "reporters",
];

/// The token ranges of the document's credit lines, each at the start of a line or after a sentence's
/// end and running to the line's end: lower-case initials joined by slashes to each other or to agencies
/// (`mz/acb`, `tkw/AFP/AP`), then perhaps a parenthesised list of names (`(AP, dpa)`), then perhaps byline
/// fields (`Editor: Per Lund`); or byline fields alone.
///
/// Linear in the number of tokens.
///
/// ```
/// let doc = kg::analysis::Doc::default();
/// assert!(kg::extract::credit_lines(&doc).is_empty());
/// ```
pub fn credit_lines(doc: &Doc) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        match credit_at(doc, i) {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a token lies in one of the ranges.
pub fn in_credit(credits: &[Range<usize>], token: usize) -> bool {
    credits.iter().any(|r| r.contains(&token))
}

/// The end of a credit line starting at token `start`, if one does.
fn credit_at(doc: &Doc, start: usize) -> Option<usize> {
    if start > 0 {
        let prev = doc.token_text(start - 1);
        let after_end = matches!(prev.trim(), "." | "!" | "?" | "\"" | "”" | "");
        if !(prev.contains('\n') || after_end) {
            return None;
        }
    }
    let mut end = start;
    if let Some(k) = initials(doc, start) {
        end = credited_names(doc, k).unwrap_or(k);
    }
    while let Some(k) = byline_field(doc, end) {
        end = k;
    }
    if end == start {
        return None;
    }
    // Nothing but space after it on its line.
    let rest = &doc.text[doc.tokens[end - 1].end..];
    rest.split('\n')
        .next()
        .unwrap_or("")
        .trim()
        .is_empty()
        .then_some(end)
}

/// The end of the editors' initials joined by slashes to each other or to agencies (`mz/acb`,
/// `tkw/AFP/AP/dpa`), one token or several written together.
fn initials(doc: &Doc, start: usize) -> Option<usize> {
    let mut j = start;
    let mut text = String::new();
    while j < doc.tokens.len() {
        let t = doc.token_text(j);
        let joined = j == start || doc.tokens[j].start == doc.tokens[j - 1].end;
        if !joined || t.is_empty() || !t.chars().all(|c| c.is_ascii_alphabetic() || c == '/') {
            break;
        }
        text.push_str(t);
        j += 1;
    }
    let parts: Vec<&str> = text.split('/').collect();
    let first = parts[0];
    let initials =
        !first.is_empty() && first.len() <= 5 && first.chars().all(|c| c.is_ascii_lowercase());
    let rest_short = parts[1..].iter().all(|p| !p.is_empty() && p.len() <= 12);
    (parts.len() >= 2 && initials && rest_short).then_some(j)
}

/// The end of a parenthesised list of credited names starting at token `j` (`(AP, Reuters, AFP)`).
fn credited_names(doc: &Doc, j: usize) -> Option<usize> {
    let n = doc.tokens.len();
    if j >= n || doc.token_text(j) != "(" {
        return None;
    }
    let mut names = 0;
    let mut k = j + 1;
    while k < n && doc.token_text(k) != ")" {
        let t = doc.token_text(k);
        if t != "," {
            if !t.chars().next().is_some_and(char::is_alphanumeric) || t.contains('\n') {
                return None;
            }
            names += 1;
        }
        if names > MAX_CREDITED {
            return None;
        }
        k += 1;
    }
    (k < n && names > 0).then_some(k + 1)
}

/// The end of a byline field starting at token `j` (`Editor: Per Lund`): its label, a colon, and the words
/// up to the next field or the line's end.
fn byline_field(doc: &Doc, j: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let label = |i: usize| {
        i + 1 < n
            && BYLINE_LABELS.contains(&doc.token_text(i).to_lowercase().as_str())
            && doc.token_text(i + 1) == ":"
    };
    if !label(j) {
        return None;
    }
    let mut k = j + 2;
    while k < n && !doc.token_text(k).contains('\n') && !label(k) {
        k += 1;
    }
    // Names only: a field that runs on into a sentence is text, not a byline.
    (k - (j + 2) <= MAX_CREDITED).then_some(k)
}
