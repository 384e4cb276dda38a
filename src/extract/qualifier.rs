//! Time and place modifiers of a clause kept as qualifiers (`annexed Crimea in 2014`, `met in Tokyo`), and
//! the other prepositional modifiers kept as n-ary arguments.

use super::phrase::{Cut, phrase};
use super::triple::{Qualifier, QualifierKind};
use super::view::View;

/// Nouns that name a time even outside a DATE entity (`at the end of the war` is not one; `in recent years` is).
const TIME_NOUNS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "decade",
    "century",
    "time",
    "period",
    "era",
    "season",
    "hour",
    "minute",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// The kind of the modifier whose noun is `noun`.
pub(crate) fn kind_of(v: &View, noun: usize) -> QualifierKind {
    match v.ent(noun) {
        "DATE" | "TIME" => QualifierKind::Time,
        "GPE" | "LOC" | "FAC" => QualifierKind::Place,
        _ if v.lemma_in(noun, TIME_NOUNS) => QualifierKind::Time,
        _ => QualifierKind::Other,
    }
}

/// The qualifiers of a clause headed by `verb`: its prepositional modifiers (except `used`, which the relation
/// took) and bare temporal noun phrases (`Friday`, `last year`).
pub(crate) fn qualifiers(v: &View, verb: usize, used: &[usize]) -> Vec<Qualifier> {
    let mut out = Vec::new();
    for c in v.children(verb).iter().copied() {
        if used.contains(&c) {
            continue;
        }
        match v.dep(c) {
            "prep" | "agent" => {
                if let Some(q) = prepositional(v, c) {
                    out.push(q);
                }
            }
            "npadvmod" | "tmod" if v.is_nominal(c) => out.push(Qualifier {
                kind: match kind_of(v, c) {
                    QualifierKind::Place => QualifierKind::Other,
                    k => k,
                },
                preposition: None,
                value: phrase(v, c, Cut::default(), &[]),
            }),
            _ => {}
        }
    }
    out
}

/// The qualifier for preposition `prep` with its object (a noun phrase or a clause).
pub(crate) fn prepositional(v: &View, prep: usize) -> Option<Qualifier> {
    let obj = v.child(prep, &["pobj", "pcomp"])?;
    let cut = Cut {
        keep_conj: true,
        keep_clauses: v.dep(obj) == "pcomp",
        ..Cut::default()
    };
    Some(Qualifier {
        kind: kind_of(v, obj),
        preposition: Some(v.text(prep).to_string()),
        value: phrase(v, obj, cut, &[]),
    })
}
