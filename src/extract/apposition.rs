//! Appositions: `Etorofu and Kunashiri, the largest of the four islands` gives `Etorofu is the largest of
//! the four islands` and the same for Kunashiri; `the foreign minister, Sergei Lavrov` puts the name first.

use super::coordination::conjuncts;
use super::phrase::{Cut, phrase};
use super::triple::{RawTriple, Relation};
use super::view::View;

/// Extracts `X is Y` from every apposition of the sentence.
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    for app in v.tokens() {
        if v.dep(app) != "appos" || v.is_root(app) {
            continue;
        }
        let noun = v.head(app);
        if !v.is_nominal(noun) || !v.is_nominal(app) {
            continue;
        }
        // The apposition describes the whole coordination when it follows all of it.
        let members = conjuncts(v, noun);
        let subjects: Vec<usize> = if members.iter().all(|&m| m < app) {
            members
        } else {
            vec![noun]
        };
        let described = phrase(v, app, Cut::default(), &[]);
        for s in subjects {
            let named = phrase(v, s, Cut::default(), &[]);
            // A name in apposition to a description (`the minister, Sergei Lavrov`) is the subject.
            let (subject, object) = if v.pos(app) == "PROPN" && v.pos(s) != "PROPN" {
                (described.clone(), named)
            } else {
                (named, described.clone())
            };
            out.push(RawTriple {
                sentence: v.index,
                subject,
                relation: Relation {
                    text: "is".to_string(),
                    normalized: "be".to_string(),
                    tokens: Vec::new(),
                    passive: false,
                },
                object,
                extra: Vec::new(),
                qualifiers: Vec::new(),
                modality: Default::default(),
                attributed_to: None,
                rule: "apposition",
                confidence: 0.7,
            });
        }
    }
}
