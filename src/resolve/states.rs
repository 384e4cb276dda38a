//! Names a state shares with a better-known entity (`kg:stateName`): `Washington` (the capital), `Georgia`
//! (the country), `New York` (the city). A document reads such a name as the state where the text makes
//! it one: `Washington state`, `the state of Georgia`, or the name among other states of the country
//! (`California, Oregon and Washington`), or where it names the state by a longer name with the name in it
//! (`Washington state` found whole; not `Wash.`); and then wherever it writes the name (`Romney wins Washington`
//! in the headline of a story on `Washington state's caucuses`), unless it also names the other entity by
//! another of its names (`New York City police` beside `New York state law`: the bare `New York` of the
//! headline stays the city).
//!
//! A pure function of the analysed document, the names it found and the lexicon.

use super::document::{coordination, span_root};
use super::lexicon::{Canonical, Lexicon};
use crate::analysis::Doc;
use std::collections::HashMap;

/// One name of a document as the state rule reads it: its tokens `start..end`, its label, and the
/// gazetteer entity the name reads as otherwise.
pub(crate) struct NameReading<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub canonical: Option<&'a Canonical>,
}

/// The names of a document read as a state, by lower-case label: those of `names` that some mention makes
/// a state (see the module doc), less those whose other entity the document names otherwise.
pub(crate) fn state_readings(
    doc: &Doc,
    lex: &Lexicon,
    names: &[NameReading<'_>],
) -> HashMap<String, Canonical> {
    let mut out = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let Some(state) = lex.state_named(n.label) else {
            continue;
        };
        // The state named by a longer name with this one in it (`Washington state` found whole; not an
        // abbreviation: `Seattle, Wash.` beside `Washington said`), or this name made one.
        let lower = n.label.to_lowercase();
        let named = names.iter().any(|m| {
            m.canonical.is_some_and(|c| c.key == state.key)
                && m.label.len() > n.label.len()
                && m.label.to_lowercase().contains(&lower)
        });
        if out.contains_key(&lower)
            || !(named
                || written_as_state(doc, n.start, n.end)
                || among_states(doc, lex, names, i, state))
        {
            continue;
        }
        // `New York City` beside `New York state`: the document names the other entity too.
        let names_other = lex.gazetteer_name(n.label).is_some_and(|other| {
            names.iter().any(|m| {
                m.canonical.is_some_and(|c| c.key == other.key)
                    && !m.label.eq_ignore_ascii_case(n.label)
            })
        });
        if !names_other {
            out.insert(lower, state.clone());
        }
    }
    out
}

/// Whether the name over tokens `start..end` is written as a state's: `Washington state`, `the state of
/// Georgia`.
fn written_as_state(doc: &Doc, start: usize, end: usize) -> bool {
    end < doc.tokens.len() && doc.token_text(end).eq_ignore_ascii_case("state")
        || start >= 2
            && doc.token_text(start - 1) == "of"
            && doc.tokens[start - 2].lemma.eq_ignore_ascii_case("state")
}

/// Whether name `i` is coordinated with another name the gazetteer places in the state's country as a
/// region of the same class (`California, Oregon and Washington`).
fn among_states(
    doc: &Doc,
    lex: &Lexicon,
    names: &[NameReading<'_>],
    i: usize,
    state: &Canonical,
) -> bool {
    let conjuncts = coordination(doc, span_root(doc, names[i].start, names[i].end));
    let country: Vec<&str> = lex.gazetteer_countries(&state.key).collect();
    names.iter().enumerate().any(|(j, m)| {
        j != i
            && conjuncts.contains(&span_root(doc, m.start, m.end))
            && m.canonical.is_some_and(|c| {
                c.class == state.class
                    && c.key != state.key
                    && lex
                        .gazetteer_countries(&c.key)
                        .any(|k| country.contains(&k))
            })
    })
}
