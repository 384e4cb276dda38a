//! Adjectival participles with a hyphen-joined agent: `four Russian-held, Japanese-claimed islands` gives
//! `islands held by Russian` and `islands claimed by Japanese` (passive, so resolution reads Russia holds them).
//! Some participles take a place as where, not who: `Paris-based Euronext` is `Euronext based in Paris`.

use super::fixed_triple;
use super::phrase::{Cut, argument, hyphen_agent, phrase};
use super::triple::{RawTriple, Relation};
use super::view::View;

/// Lemmas of participles whose hyphen-joined place or nationality says where (`Paris-based`, `US-born`,
/// `German-made`, `Panama-registered`); another agent makes (`Boeing-built`) or, for a seat, is what the
/// thing rests on (`Linux-based`).
const WHERE_PARTICIPLES: &[&str] = &[
    "base",
    "headquarter",
    "bear",
    "make",
    "build",
    "manufacture",
    "register",
];

/// Lemmas of the participles of a seat, which rest on an agent that is no place (`Linux-based`).
const SEAT_PARTICIPLES: &[&str] = &["base", "headquarter"];

/// Extracts one triple per hyphenated participle modifying a noun: passive with its agent, or with `in` or
/// `on` where the participle says where or on what (see [`WHERE_PARTICIPLES`]).
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    for p in v.tokens() {
        if v.tag(p) != "VBN" || v.dep(p) != "amod" || v.is_root(p) {
            continue;
        }
        let Some(agent) = hyphen_agent(v, p) else {
            continue;
        };
        let noun = v.head(p);
        if !v.is_nominal(noun) {
            continue;
        }
        let lemma = v.lemma(p).to_lowercase();
        let seat = SEAT_PARTICIPLES.contains(&lemma.as_str());
        // Before a seat, a proper noun NER left untagged is a town more often than not (`Bracknell-based`),
        // and an organisation a union of places (`EU-based`); a product is what it rests on (`Linux-based`).
        let place = matches!(v.ent(agent), "GPE" | "LOC" | "FAC" | "NORP")
            || seat && matches!(v.ent(agent), "" | "ORG") && v.pos(agent) == "PROPN";
        let preposition = if place && WHERE_PARTICIPLES.contains(&lemma.as_str()) {
            "in"
        } else if seat {
            // `foreign-based firms`: an adjective that is no nationality says nothing to rest on.
            if v.pos(agent) == "ADJ" {
                continue;
            }
            "on"
        } else {
            "by"
        };
        let cut = Cut {
            drop_participles: true,
            ..Cut::default()
        };
        let subject = phrase(v, noun, cut, &[]);
        let mut t = fixed_triple(
            v,
            subject,
            "",
            "",
            argument(v, agent, vec![agent]),
            "participle",
            0.45,
        );
        t.relation = Relation {
            text: format!("{} {preposition}", v.text(p)),
            normalized: format!("{lemma} {preposition}"),
            tokens: vec![p],
            passive: true,
        };
        out.push(t);
    }
}
