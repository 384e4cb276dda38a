//! Relative and participial clauses: the noun a clause modifies fills the clause's missing subject or
//! object (`islands seized by Soviet forces`, `a feud ..., which Keibler lost`, `isles controlled by Russia`).

use super::relation::is_copula;
use super::view::View;

/// The noun a relative (`relcl`) or participial (`acl`) clause headed by `verb` is about. When that noun is the
/// predicate of a copula (`X is an Australian footballer who plays ...`), the copula's subject is meant.
pub(crate) fn antecedent(v: &View, verb: usize) -> Option<usize> {
    if !matches!(v.dep(verb), "relcl" | "acl") || v.is_root(verb) {
        return None;
    }
    let noun = v.head(verb);
    if !v.is_nominal(noun) {
        return None;
    }
    if v.dep(noun) == "attr" {
        let cop = v.head(noun);
        if cop != noun
            && is_copula(v, cop)
            && let Some(s) = v.child(cop, &["nsubj", "nsubjpass"])
            && !v.is_relativizer(s)
        {
            return Some(s);
        }
    }
    Some(noun)
}

/// Whether the relative clause headed by `verb` uses its relativiser as the object (`which Keibler lost`):
/// then the antecedent is the object, and the relativiser token is returned.
pub(crate) fn relativized_object(v: &View, verb: usize) -> Option<usize> {
    if v.dep(verb) != "relcl" {
        return None;
    }
    v.children_with(verb, &["dobj"])
        .find(|&o| v.is_relativizer(o) || v.lemma(o) == "that")
}

/// Whether `s` is the relativiser standing for the subject of relative clause `verb` (`who`, `which`, `that`).
pub(crate) fn is_relative_subject(v: &View, verb: usize, s: usize) -> bool {
    v.dep(verb) == "relcl" && (v.is_relativizer(s) || v.lemma(s).eq_ignore_ascii_case("that"))
}
