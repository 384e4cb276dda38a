//! Reported speech: the content clause of a speech or cognition verb (`Lavrov said ...`, `Russia thinks ...`)
//! is extracted like any clause, and its triples carry the speaker.

use super::phrase::{Cut, phrase};
use super::triple::Argument;
use super::view::View;

/// Verbs that report what someone said, wrote or holds true.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "report",
    "claim",
    "insist",
    "note",
    "warn",
    "reply",
    "write",
    "explain",
    "confirm",
    "deny",
    "argue",
    "believe",
    "think",
    "suggest",
    "stress",
    "declare",
    "assert",
    "acknowledge",
    "admit",
    "predict",
    "allege",
    "maintain",
    "emphasize",
    "emphasise",
    "reiterate",
];

/// Whether `verb` reports speech or thought.
pub(crate) fn is_speech_verb(v: &View, verb: usize) -> bool {
    v.is_verb(verb) && v.lemma_in(verb, SPEECH_VERBS)
}

/// The speech verb whose content clause contains `verb`, if any: climbs through coordination and
/// complements to the nearest clausal complement of a speech verb.
pub(crate) fn speech_head(v: &View, verb: usize) -> Option<usize> {
    let mut cur = verb;
    let mut path = vec![verb];
    for _ in 0..12 {
        if let Some(s) = trailing_speech(v, cur).filter(|s| !path.contains(s)) {
            return Some(s);
        }
        let head = v.head(cur);
        path.push(head);
        if head == cur {
            return None;
        }
        match v.dep(cur) {
            "ccomp" | "parataxis" if is_speech_verb(v, head) => return Some(head),
            "conj" | "xcomp" | "advcl" | "relcl" | "acl" | "ccomp" | "pcomp" | "pobj" | "prep"
            | "dobj" | "attr" | "nsubj" | "nsubjpass" => cur = head,
            _ => return None,
        }
    }
    None
}

/// A speech verb the parser coordinated after the clause it reports (`Japan and Russia will revive talks ...,
/// Russia's foreign minister said on Thursday`): it has its own subject and no object of its own.
pub(crate) fn trailing_speech(v: &View, clause: usize) -> Option<usize> {
    v.children_with(clause, &["conj", "parataxis"]).find(|&s| {
        s > clause
            && is_speech_verb(v, s)
            && v.child(s, &["nsubj"]).is_some()
            && v.child(s, &["dobj", "ccomp", "xcomp"]).is_none()
    })
}

/// The clause a trailing speech verb reports: its head's clause without the speech verb's own subtree.
pub(crate) fn reported_clause(v: &View, speech: usize) -> Option<Argument> {
    let head = v.head(speech);
    if head == speech || trailing_speech(v, head) != Some(speech) {
        return None;
    }
    let cut = Cut {
        keep_conj: true,
        keep_clauses: true,
        ..Cut::default()
    };
    Some(phrase(v, head, cut, &[speech]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_lemmas() {
        for w in SPEECH_VERBS {
            assert_eq!(w.to_lowercase(), *w);
            assert!(!w.ends_with("ed"));
        }
    }
}
