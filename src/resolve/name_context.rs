//! What the words around a name say of the thing it names, whatever NER tagged it: a person noun beside it
//! makes a person (`Tove Berg, the Norwegian ambassador`), an organisation's noun after it an organisation
//! (`Turkey's Cumhuriyet newspaper`), a minister's title after it a portfolio that is no name at all (`Home
//! Affairs Minister X`); in a sports report a club's one-word name NER left untagged is still a name
//! (`Dortmund striker X`). Each is a function of the parse and the ontology's word lists.

use super::document::{children, span_root};
use super::lexicon::Lexicon;
use super::mentions::NameSpan;
use super::names::name_words;
use crate::analysis::Doc;

/// In a sports report, the one-word names clubs go by that NER left untagged (`Dortmund striker X`,
/// `Schalke keeper Y`: tagged as common nouns): a club's name in the gazetteer or a town's name the club goes
/// by (`kg:sportsName`), capitalised, outside every other name.
pub(super) fn club_words(doc: &Doc, lex: &Lexicon, spans: &[NameSpan]) -> Vec<NameSpan> {
    let mut covered = vec![false; doc.tokens.len()];
    for s in spans {
        covered[s.start..s.end].fill(true);
    }
    (0..doc.tokens.len())
        .filter(|&i| {
            let text = doc.token_text(i);
            !covered[i]
                && text.starts_with(char::is_uppercase)
                && doc.tokens[i].ent_type.is_empty()
                && (lex.sports_name(text).is_some()
                    || lex
                        .gazetteer_name(text)
                        .is_some_and(|c| lex.is_club_class(&c.class)))
        })
        .map(|i| NameSpan::token(doc, i, "ORG"))
        .collect()
}

/// Whether a name is the portfolio of a minister's title after it (`Home Affairs` of `Home Affairs Minister
/// X`): the word right after it, or its head through compounds, is one of `kg:portfolioTitleWords`.
pub(super) fn names_a_portfolio(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    // A secretary general leads an organisation (`Amnesty International Secretary General X`).
    let general = |i: usize| {
        (i + 1..(i + 3).min(doc.tokens.len()))
            .any(|k| doc.token_text(k).eq_ignore_ascii_case("general"))
    };
    let portfolio = |i: usize| {
        lex.portfolio_title_words
            .contains(&doc.tokens[i].lemma.to_lowercase())
            && !general(i)
    };
    if end < doc.tokens.len() && portfolio(end) {
        return true;
    }
    let mut h = span_root(doc, start, end);
    for _ in 0..3 {
        let t = &doc.tokens[h];
        if t.dep != "compound" || t.head <= h {
            return false;
        }
        h = t.head;
        if portfolio(h) {
            return true;
        }
    }
    false
}

/// The organisation's head noun a name modifies (`Cumhuriyet` in `Turkey's Cumhuriyet newspaper`, `TASS`
/// in `the TASS news agency`), if the name is one of its compounds and the noun is a head noun of
/// `kg:Organization` itself (`Norway's Labour government` names no party).
pub(super) fn organisation_noun_after(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> Option<usize> {
    let root = span_root(doc, start, end);
    let t = &doc.tokens[root];
    let head = t.head;
    let noun = &doc.tokens[head];
    (t.dep == "compound"
        && head >= end
        && noun.pos == "NOUN"
        && lex.is_organisation_noun(&noun.lemma))
    .then_some(head)
}

/// The organisation's head noun right before a name that it describes (`magazine` in `French satirical
/// magazine Charlie Hebdo`, `company` in `the US aerospace company SpaceX`, `broadcaster Arte`), if it is a
/// head noun of `kg:Organization` itself and the parse joins the two (apposition or compound either way).
pub(super) fn organisation_noun_before(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> Option<usize> {
    let before = start.checked_sub(1)?;
    let noun = &doc.tokens[before];
    if noun.pos != "NOUN" || !lex.is_organisation_noun(&noun.lemma) {
        return None;
    }
    let root = span_root(doc, start, end);
    let t = &doc.tokens[root];
    let joined = (t.head == before && matches!(t.dep.as_str(), "appos" | "compound" | "npadvmod"))
        || (noun.head == root && matches!(noun.dep.as_str(), "compound" | "nmod" | "amod"));
    joined.then_some(before)
}

/// Whether a name NER gave another class reads as a person's: a person noun in apposition to it or before
/// it (`Lena Aho, a historian`; `the vicar of Malmo, Per Lund`; `spokeswoman Tove Berg`) or as its first
/// word before two names (`Imam Yusuf Chunara`), the name made of
/// two to four capitalised words none of which names a kind of place or organisation, and unknown to the
/// gazetteer and the places list.
pub(super) fn described_as_person(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
    text: &str,
) -> bool {
    let words = name_words(text);
    if !(2..=4).contains(&words.len())
        || lex.is_known_name(text)
        || words.iter().any(|w| {
            !w.starts_with(char::is_uppercase)
                || lex.words.is_designator(w)
                || lex.state_body_words.contains(&w.to_lowercase())
                || lex.is_place_name(w)
                || lex.head_noun_class(w).is_some()
        })
    {
        return false;
    }
    let person_noun = |i: usize| {
        let t = &doc.tokens[i];
        t.tag.starts_with("NN")
            && (lex.is_person_noun(&t.lemma) || lex.is_person_noun(doc.token_text(i)))
    };
    // A person's noun opening the span before two names or more (`Imam Yusuf Chunara`, tagged
    // WORK_OF_ART; not a title's modifier: `General Data Protection Regulation`).
    if words.len() >= 3 && lex.is_person_noun(words[0]) {
        return true;
    }
    let root = span_root(doc, start, end);
    let t = &doc.tokens[root];
    (t.dep == "appos" && t.head != root && person_noun(t.head))
        || children(doc, root).any(|c| {
            let dep = doc.tokens[c].dep.as_str();
            (dep == "appos" || (c < start && matches!(dep, "compound" | "amod" | "nmod")))
                && person_noun(c)
        })
}

/// Whether a name is a nationality that NER gave another label (`a retired Ugandan athlete` tagged ORG,
/// `Slovak President X` tagged PERSON): a demonym the gazetteer knows, written as a name, right before a
/// common noun or a title word, or a demonym's plural anywhere (`Britons`, `we Scots`, tagged a person's
/// or a firm's name, which no one's is), or a noun for someone of the nationality (`the Briton`). A
/// demonym NER called a language is one too before a common noun (`northern English towns`, `the English
/// game`; before a word of language it names the language: see `kg:languageWords`); one standing alone
/// (`Dawn French`, `French said`, `written in English`) keeps its label.
pub(super) fn nationality_mislabelled(
    doc: &Doc,
    lex: &Lexicon,
    span: &NameSpan,
    text: &str,
) -> bool {
    if span.label == "NORP" || !text.starts_with(char::is_uppercase) {
        return false;
    }
    if lex.demonym(text).is_none() {
        return lex.plural_demonym(text).is_some();
    }
    doc.tokens.get(span.end).is_some_and(|t| {
        matches!(t.tag.as_str(), "NN" | "NNS") || lex.words.is_title(doc.token_text(span.end))
    }) || person_of_a_nationality(doc, span)
}

/// Whether a one-word demonym NER called a name is a noun for someone of that nationality, after a
/// determiner or a modifier (`the Briton`, `every Briton`, `the 31-year-old Scot`, `a fellow Welshman`):
/// no one's name, which no determiner opens.
fn person_of_a_nationality(doc: &Doc, span: &NameSpan) -> bool {
    span.end == span.start + 1
        && span.start > 0
        && doc.tokens[span.start].tag == "NNP"
        && matches!(
            doc.tokens[span.start - 1].tag.as_str(),
            "DT" | "JJ" | "PRP$" | "CD"
        )
}
