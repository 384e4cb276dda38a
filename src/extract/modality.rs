//! Negation and modality: whether a clause asserts, denies or only entertains its content
//! (`did not`, `has shown no sign of`, `will likely`, `may`, `is expected to`, `if ...`).

use super::triple::Modality;
use super::view::View;

/// Modal auxiliaries that make a clause hedged or future.
const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "can", "should", "must", "shall", "'ll", "wo", "ca",
];
/// Adverbs that hedge.
const HEDGES: &[&str] = &[
    "likely",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "reportedly",
    "allegedly",
    "potentially",
    "unlikely",
];
/// Adverbs and determiners that negate.
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];
/// Verbs, adjectives and nouns whose complement is only intended, expected or possible.
const INTENT: &[&str] = &[
    "try", "plan", "hope", "want", "expect", "seek", "aim", "intend", "pledge", "promise",
    "propose", "offer", "likely", "unlikely", "able", "possible", "threaten", "consider", "wish",
    "need", "agree", "attempt", "prepare", "vow",
];
/// Subordinators that make a clause conditional.
const CONDITIONAL: &[&str] = &["if", "unless", "whether"];

/// The modality of the clause headed by `verb`, looking at its own dependents, its object's determiner,
/// the verbs it is a complement of, and the verb it is coordinated with (which shares its auxiliaries).
/// A verb of intent that is itself part of the relation (`relation` tokens: `pledged to resolve`) does
/// not hedge it: that Abe pledged to resolve the dispute is asserted; only `resolve` alone would not be.
pub(crate) fn modality(
    v: &View,
    verb: usize,
    object: Option<usize>,
    relation: &[usize],
) -> Modality {
    let mut negated = false;
    let mut possible = false;
    let mut cur = verb;
    // Walk up through the complement and coordination chain: `will likely revive ... and keep discussing`.
    for _ in 0..8 {
        for c in v.children(cur).iter().copied() {
            match v.dep(c) {
                "neg" => negated = true,
                "aux"
                    if v.lemma_in(c, MODALS)
                        || MODALS.iter().any(|m| m.eq_ignore_ascii_case(v.text(c))) =>
                {
                    possible = true
                }
                "advmod" if v.lemma_in(c, HEDGES) => possible = true,
                "advmod" if v.lemma_in(c, NEGATORS) => negated = true,
                "acomp" if v.lemma_in(c, HEDGES) => possible = true,
                "mark" if v.lemma_in(c, CONDITIONAL) => possible = true,
                _ => {}
            }
        }
        let dep = v.dep(cur);
        // `a plan Shoigu aired to deploy a division`, `a plan to deploy`: an infinitival adverbial or
        // noun modifier is a purpose or an intention, not something that happened.
        if matches!(dep, "advcl" | "acl")
            && v.children(cur)
                .iter()
                .any(|&c| v.dep(c) == "aux" && v.tag(c) == "TO")
        {
            possible = true;
        }
        let head = v.head(cur);
        if head == cur {
            break;
        }
        match dep {
            "xcomp" => {
                // An active verb of intent inside the relation is what the fact states; a passive
                // (`is expected to`) or an adjective (`likely to`) still hedges.
                let stated = relation.contains(&head)
                    && v.pos(head) == "VERB"
                    && v.child(head, &["auxpass"]).is_none();
                if v.lemma_in(head, INTENT) && !stated {
                    possible = true;
                }
            }
            // A conjoined verb without its own auxiliaries shares those of the first verb.
            "conj"
                if !v
                    .children(cur)
                    .iter()
                    .any(|&c| matches!(v.dep(c), "aux" | "nsubj")) => {}
            _ => break,
        }
        cur = head;
    }
    if let Some(o) = object {
        // `has shown no sign of`: the object's negative determiner negates the clause.
        if v.children_with(o, &["det", "neg"])
            .any(|d| v.lemma_in(d, &["no", "neither"]))
        {
            negated = true;
        }
    }
    if negated {
        Modality::Negated
    } else if possible {
        Modality::Possible
    } else {
        Modality::Asserted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lower_case() {
        for list in [MODALS, HEDGES, NEGATORS, INTENT, CONDITIONAL] {
            for w in list {
                assert_eq!(w.to_lowercase(), *w);
            }
        }
    }
}
