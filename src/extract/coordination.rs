//! Coordination: conjoined subjects and objects are split into one triple per conjunct (`Japan and Russia
//! will revive talks` gives two), conjoined verbs share the first verb's subject (see
//! [`super::clause::subject_of`]), and a verb without an object shares the object of the verb it is
//! coordinated with (`seized and annexed Crimea`).

use super::view::View;

/// The conjuncts of a nominal `head`: itself, then its `conj` chain, in token order.
pub(crate) fn conjuncts(v: &View, head: usize) -> Vec<usize> {
    let mut out = vec![head];
    let mut k = 0;
    while k < out.len() {
        let i = out[k];
        for c in v.children_with(i, &["conj"]) {
            // Only like with like: a clause coordinated with a noun is not another object.
            if v.is_nominal(c) == v.is_nominal(head) && !v.is_verb(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        k += 1;
    }
    out.sort_unstable();
    out
}

/// The object a verb without its own object shares with the verb coordinated after it (`seized and annexed
/// Crimea`): only when nothing but the conjunction stands between them.
pub(crate) fn inherited_object(v: &View, verb: usize) -> Option<usize> {
    let next = v.children_with(verb, &["conj"]).find(|&c| v.is_verb(c))?;
    if !v
        .tokens()
        .filter(|&i| i > verb && i < next)
        .all(|i| v.dep(i) == "cc" || v.is_punct(i) || v.dep(i) == "advmod")
    {
        return None;
    }
    v.child(next, &["dobj"])
}
