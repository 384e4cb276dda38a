//! Adjectival participles with a hyphen-joined agent: `four Russian-held, Japanese-claimed islands` gives
//! `islands held by Russian` and `islands claimed by Japanese` (passive, so resolution reads Russia holds them).

use super::fixed_triple;
use super::phrase::{Cut, argument, hyphen_agent, phrase};
use super::triple::{RawTriple, Relation};
use super::view::View;

/// Extracts one passive triple per hyphenated participle modifying a noun.
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
            text: format!("{} by", v.text(p)),
            normalized: format!("{} by", v.lemma(p).to_lowercase()),
            tokens: vec![p],
            passive: true,
        };
        out.push(t);
    }
}
