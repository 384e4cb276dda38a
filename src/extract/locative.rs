//! Prepositional modifiers of nouns read as facts about the noun: `Caird Hall in Scotland` gives `Caird Hall
//! is in Scotland`, `the disputed islands off Hokkaido` gives `the disputed islands is off Hokkaido`. Places
//! are likelier facts than other modifiers, and get more confidence.

use super::fixed_triple;
use super::phrase::{Cut, argument, phrase};
use super::qualifier::kind_of;
use super::triple::QualifierKind;
use super::triple::RawTriple;
use super::view::View;

/// Prepositions that locate or situate a noun.
const LOCATING: &[&str] = &[
    "in", "at", "near", "off", "within", "from", "on", "inside", "outside", "across", "along",
    "between", "with",
];

/// Extracts `N is PREP X` for the noun phrases of the sentence.
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    for noun in v.tokens() {
        if !matches!(v.pos(noun), "NOUN" | "PROPN") || v.is_root(noun) {
            continue;
        }
        for prep in v.children_with(noun, &["prep"]) {
            if prep < noun || !v.lemma_in(prep, LOCATING) {
                continue;
            }
            let Some(obj) = v.child(prep, &["pobj"]) else {
                continue;
            };
            // `the meeting in November 2013` dates the noun; it does not locate it.
            if kind_of(v, obj) == QualifierKind::Time {
                continue;
            }
            let mut own = phrase(v, noun, Cut::default(), &[prep]);
            // The noun's words before the preposition (later modifiers belong to other facts).
            own.tokens.retain(|&t| t < prep);
            if own.tokens.is_empty() {
                continue;
            }
            let subject = argument(v, noun, own.tokens);
            let place = matches!(v.ent(obj), "GPE" | "LOC" | "FAC");
            let object = phrase(
                v,
                obj,
                Cut {
                    keep_conj: true,
                    ..Cut::default()
                },
                &[],
            );
            let text = format!("is {}", v.text(prep).to_lowercase());
            let normalized = format!("be {}", v.lemma(prep).to_lowercase());
            let confidence = if place { 0.32 } else { 0.2 };
            out.push(fixed_triple(
                v,
                subject,
                &text,
                &normalized,
                object,
                "locative",
                confidence,
            ));
        }
    }
}
