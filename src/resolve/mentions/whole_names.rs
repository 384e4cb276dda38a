//! Names that NER cut or missed and that are one name whole: a firm named after two partners, cut at its
//! `and` ([`join_partners_cut_at_and`]) or written short where the story also writes it with its legal form
//! ([`partners_firm_names`]), and the gazetteer's names of two words or more ([`gazetteer_spans`]).

use super::{NameSpan, longest_runs};
use crate::analysis::Doc;
use crate::resolve::lexicon::Lexicon;
use crate::resolve::name_edges::capitalised;
use crate::resolve::names::acronym_letters;
use std::collections::HashSet;

/// The names of firms named after partners that the document writes with a legal form (`Cable and Wireless
/// Plc`, `Marks and Spencer Plc`), without it (`Cable and Wireless`): NER cuts such a name at its `and`
/// where the story writes it short (`Cable` | `Wireless`), so the short name is looked for as written, as
/// the gazetteer's names are. Names of two words or more before the legal form, joined by `and` or `&`.
pub(super) fn partners_firm_names(doc: &Doc, lex: &Lexicon, spans: &[NameSpan]) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in spans
        .iter()
        .filter(|s| s.label == "ORG" && s.end - s.start >= 4)
    {
        let last = doc.token_text(s.end - 1);
        let joined = (s.start + 1..s.end - 2).any(|t| matches!(doc.token_text(t), "and" | "&"));
        if joined && lex.words.is_written_legal_form(last) {
            out.insert(doc.tokens_text(s.start, s.end - 1).to_string());
        }
    }
    out
}

/// Most words of a partner's name on either side of a firm's `and` (`American Telephone`, `Jenrette
/// Securities`); a longer name there is a firm's own (`Merrill Lynch Capital Markets and Salomon Brothers
/// Inc` are two underwriters).
const PARTNER_WORDS: usize = 2;

/// Firms named after two names joined by `and` that NER cut at the `and` (`American Telephone` |
/// `Telegraph Co`, `Bausch` | `Lomb Inc`) or tagged only before it (`American Telephone` and `Telegraph
/// Co`): an organisation's name of at most [`PARTNER_WORDS`] words, none a legal form, an organisation's
/// word or in capitals, then `and` or `&` and as many capitalised words, none in capitals, before a legal
/// form (an organisation's name NER tagged, or words it tagged nothing in), where the document writes the
/// first name nowhere without `and` or `&` after it, and the gazetteer knows it not: one name. A firm's
/// whole name on either side makes a list (`Credit Suisse and Swiss Bank Corp`, `Daewoo Group and General
/// Motors Corp`, `IFC and the First Boston Corp`), and so does a first name the story writes alone too
/// (`General Motors and Ford Motor Co`, `General Motors` named again).
pub(super) fn join_partners_cut_at_and(
    doc: &Doc,
    lex: &Lexicon,
    spans: Vec<NameSpan>,
) -> Vec<NameSpan> {
    let n = doc.tokens.len();
    let article = |s: &NameSpan| {
        usize::from(s.end - s.start > 1 && doc.token_text(s.start).eq_ignore_ascii_case("the"))
    };
    let words = |s: &NameSpan| doc.tokens_text(s.start + article(s), s.end);
    let joined = |i: usize| i < n && matches!(doc.token_text(i), "and" | "&");
    let only_before_and = |text: &str| {
        spans
            .iter()
            .filter(|s| words(s) == text)
            .all(|s| joined(s.end))
    };
    let legal_form = |k: usize| lex.words.is_written_legal_form(doc.token_text(k));
    let capitals = |k: usize| acronym_letters(doc.token_text(k)).is_some();
    // A partner's word: capitalised, no firm's word and not in capitals (`Telegraph`, not `Group`, `IFC`).
    let partner_word = |k: usize| {
        let w = doc.token_text(k);
        capitalised(w) && !capitals(k) && !lex.words.is_designator(w) && !lex.words.is_legal_form(w)
    };
    // The end of the second partner's name after the `and` at `and`: up to [`PARTNER_WORDS`] partner's
    // words then legal forms, all in the next span, an organisation's starting there, or all outside
    // every span.
    let second = |and: usize, next: Option<&NameSpan>| -> Option<(usize, bool)> {
        let tagged = next.filter(|b| b.start == and + 1);
        if tagged.is_some_and(|b| b.label != "ORG") {
            return None;
        }
        let free = |k: usize| tagged.is_some() || next.is_none_or(|b| k < b.start);
        let mut k = and + 1;
        while k < n
            && k - and <= PARTNER_WORDS
            && free(k)
            && !doc.tokens[k].sent_start
            && partner_word(k)
        {
            k += 1;
        }
        let legal_start = k;
        while k < n && free(k) && !doc.tokens[k].sent_start && legal_form(k) {
            k += 1;
        }
        let end = match tagged {
            Some(b) if k == b.end || k + 1 == b.end && doc.tokens[k].tag == "POS" => b.end,
            Some(_) => return None,
            None => k,
        };
        (k > legal_start).then_some((end, tagged.is_some()))
    };
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let a = &spans[i];
        let first = a.start + article(a);
        if a.label == "ORG"
            && joined(a.end)
            && !doc.tokens[a.end].sent_start
            && a.end - first <= PARTNER_WORDS
            && (first..a.end).all(partner_word)
            && lex.gazetteer_name(words(a)).is_none()
            && only_before_and(words(a))
            && let Some((end, took_next)) = second(a.end, spans.get(i + 1))
        {
            out.push(NameSpan {
                start: a.start,
                end,
                bytes: a.bytes.start..doc.tokens[end - 1].end,
                label: "ORG".into(),
            });
            i += 1 + usize::from(took_next);
            continue;
        }
        out.push(a.clone());
        i += 1;
    }
    out
}

/// Occurrences of the names `forms` knows (the gazetteer's multi-word names, with the NER label of their
/// class), longest first at each token, within one line and sentence, and not inside a longer run of
/// capitalised proper nouns.
pub(super) fn gazetteer_spans(
    doc: &Doc,
    forms: impl Fn(&str) -> Option<&'static str>,
) -> Vec<NameSpan> {
    let proper = |i: usize| doc.tokens[i].pos == "PROPN" && capitalised(doc.token_text(i));
    longest_runs(
        doc,
        2,
        |i| capitalised(doc.token_text(i)),
        |_| false,
        proper,
        forms,
    )
    .into_iter()
    .map(|(start, end, label)| NameSpan {
        start,
        end,
        bytes: doc.tokens[start].start..doc.tokens[end - 1].end,
        label: label.to_string(),
    })
    .collect()
}
