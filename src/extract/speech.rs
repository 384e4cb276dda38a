//! Reported speech: the content clause of a speech or cognition verb (`Lavrov said ...`, `Russia thinks ...`)
//! is extracted like any clause, and its triples carry the speaker.

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
    for _ in 0..12 {
        let head = v.head(cur);
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
