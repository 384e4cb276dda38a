//! Agency credit lines: `mz/acb (AP, Reuters, AFP)` at the end of a wire story says who supplied it (the
//! editors' initials, then the agencies), not what happened. Nothing in it is a fact or a mention of the
//! story: read as text it made `AP be Reuters` and placed every agency in its country in every story it
//! supplied.

use crate::analysis::Doc;
use std::ops::Range;

/// Most names a credit line lists.
const MAX_CREDITED: usize = 8;

/// The token ranges of the document's credit lines: lower-case initials joined by slashes (`mz/acb`), at
/// the start of a line or after a sentence's end, then a parenthesised list of names (`(AP, dpa)`), and
/// nothing else before the line ends.
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
    let n = doc.tokens.len();
    if start > 0 {
        let prev = doc.token_text(start - 1);
        let after_end = matches!(prev.trim(), "." | "!" | "?" | "\"" | "”" | "");
        if !(prev.contains('\n') || after_end) {
            return None;
        }
    }
    // The initials, one token or several written together (`mz/acb`, `mz` `/` `acb`).
    let mut j = start;
    let mut initials = String::new();
    while j < n {
        let t = doc.token_text(j);
        let joined = j == start || doc.tokens[j].start == doc.tokens[j - 1].end;
        if !joined || t.is_empty() || !t.chars().all(|c| c.is_ascii_lowercase() || c == '/') {
            break;
        }
        initials.push_str(t);
        j += 1;
    }
    let parts: Vec<&str> = initials.split('/').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty() || p.len() > 5) {
        return None;
    }
    if j >= n || doc.token_text(j) != "(" {
        return None;
    }
    // The credited names: words and commas only, on one line.
    let mut names = 0;
    let mut k = j + 1;
    while k < n && doc.token_text(k) != ")" {
        let t = doc.token_text(k);
        if t == "," {
        } else if t.chars().next().is_some_and(char::is_alphanumeric) && !t.contains('\n') {
            names += 1;
        } else {
            return None;
        }
        if names > MAX_CREDITED {
            return None;
        }
        k += 1;
    }
    if k >= n || names == 0 {
        return None;
    }
    // Nothing but space after it on its line.
    let end = k + 1;
    let rest = &doc.text[doc.tokens[k].end..];
    let line_rest = rest.split('\n').next().unwrap_or("");
    line_rest.trim().is_empty().then_some(end)
}
