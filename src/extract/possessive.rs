//! Possessives and naming `of` phrases: `Russia's foreign minister` gives `Russia has foreign minister`;
//! `Japan's northern island of Hokkaido` gives `Hokkaido is northern island of Japan`; `the resort of Nagato`
//! gives `Nagato is the resort`.

use super::fixed_triple;
use super::phrase::{Cut, argument, phrase};
use super::qualifier::kind_of;
use super::triple::{Argument, QualifierKind, RawTriple, Relation};
use super::view::View;

/// Extracts possessive and naming-`of` triples from the sentence.
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    for owner in v.tokens() {
        if v.dep(owner) == "poss" && !v.is_root(owner) {
            possessive(v, owner, out);
        }
    }
    for noun in v.tokens() {
        if v.pos(noun) == "NOUN"
            && v.child(noun, &["poss"]).is_none()
            && let Some((of, name)) = naming_of(v, noun)
        {
            let mut described = phrase(v, noun, Cut::default(), &[of]);
            // Keep the description's own words only (no clauses hanging off the name).
            described.tokens.retain(|&t| t < of);
            let described = argument(v, noun, described.tokens);
            out.push(fixed_triple(
                v,
                phrase(v, name, Cut::default(), &[]),
                "is",
                "be",
                described,
                "of_name",
                0.3,
            ));
        }
    }
}

/// `N of NAME` where N is a common noun and NAME a proper name of a place or organisation: the preposition token
/// and the name.
fn naming_of(v: &View, noun: usize) -> Option<(usize, usize)> {
    let of = v
        .children_with(noun, &["prep"])
        .find(|&p| v.lemma(p).eq_ignore_ascii_case("of"))?;
    let name = v.child(of, &["pobj"])?;
    let named = v.pos(name) == "PROPN" && matches!(v.ent(name), "GPE" | "LOC" | "FAC");
    // A noun that is itself part of a name (`University of Connecticut`) is not a description, nor is an
    // event noun (`the annexation of Crimea`).
    let described = v.ent(noun).is_empty() && v.children_with(noun, &["det"]).next().is_some();
    (named && described && !is_nominalization(v.text(noun))).then_some((of, name))
}

/// Whether a noun looks derived from a verb or adjective (`annexation`, `government`, `arrival`).
fn is_nominalization(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "tion", "sion", "ment", "ance", "ence", "ing", "al", "ure", "ity",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 3 && w.ends_with(s))
}

fn possessive(v: &View, owner: usize, out: &mut Vec<RawTriple>) {
    let noun = v.head(owner);
    if !v.is_nominal(noun) {
        return;
    }
    let owner_arg = phrase(v, owner, Cut::default(), &[]);
    let mut owner_arg = owner_arg;
    // Drop the possessive marker (`'s`) from the owner phrase.
    owner_arg.tokens.retain(|&t| v.dep(t) != "case");
    let owner_arg = argument(v, owner, owner_arg.tokens);
    let pronoun = v.is_pronoun(owner);
    if let Some((of, name)) = naming_of_any(v, noun) {
        // `Japan's northern island of Hokkaido`: Hokkaido is (the) northern island of Japan.
        let mods: Vec<usize> = v
            .children(noun)
            .iter()
            .copied()
            .filter(|&c| c < noun && matches!(v.dep(c), "amod" | "compound" | "nmod"))
            .collect();
        let mut words: Vec<usize> = mods;
        words.push(noun);
        words.push(of);
        let text = super::tensed(v, name, &format!("is {}", super::phrase::join(v, &words)));
        let normalized = [v.lemma(noun).to_lowercase(), "of".to_string()].join(" ");
        let mut t = fixed_triple(
            v,
            phrase(v, name, Cut::default(), &[]),
            "",
            "",
            owner_arg.clone(),
            "possessive_of",
            0.7,
        );
        t.relation = Relation {
            text,
            normalized,
            tokens: words,
            passive: false,
        };
        out.push(t);
    }
    let owned = phrase(
        v,
        noun,
        Cut {
            drop_det: true,
            ..Cut::default()
        },
        &[],
    );
    // Keep the owned noun's words before any prepositional tail: `foreign minister`, not the whole phrase.
    let tokens: Vec<usize> = owned
        .tokens
        .iter()
        .copied()
        .filter(|&t| t <= noun)
        .collect();
    let owned = argument(v, noun, tokens);
    let confidence = if pronoun { 0.15 } else { 0.3 };
    nominal_relations(v, owner, &owner_arg, noun, pronoun, out);
    out.push(fixed_triple(
        v,
        owner_arg,
        "has",
        "have",
        owned,
        "possessive",
        confidence,
    ));
}

/// `Shoigu's meeting with Inada`, `Japan's sovereignty over the islands`: the owned noun and a preposition
/// after it relate the owner to the preposition's object (`meeting with`, mapped to `met` by the ontology's
/// lexical forms; `sovereignty over` stays an open relation). Time modifiers (`visit next month`) and `of`
/// (a naming or partitive phrase, handled above) are left out.
fn nominal_relations(
    v: &View,
    owner: usize,
    owner_arg: &Argument,
    noun: usize,
    pronoun: bool,
    out: &mut Vec<RawTriple>,
) {
    if v.pos(noun) != "NOUN" {
        return;
    }
    for prep in v.children_with(noun, &["prep"]) {
        if prep < noun || v.pos(prep) != "ADP" || v.lemma(prep).eq_ignore_ascii_case("of") {
            continue;
        }
        let Some(obj) = v.child(prep, &["pobj"]) else {
            continue;
        };
        if kind_of(v, obj) == QualifierKind::Time || obj == owner {
            continue;
        }
        let object = phrase(v, obj, Cut::default(), &[]);
        let text = format!("'s {} {}", v.text(noun), v.text(prep).to_lowercase());
        let normalized = format!(
            "{} {}",
            v.lemma(noun).to_lowercase(),
            v.lemma(prep).to_lowercase()
        );
        let mut t = fixed_triple(
            v,
            owner_arg.clone(),
            &text,
            &normalized,
            object,
            "possessive_nominal",
            if pronoun { 0.2 } else { 0.45 },
        );
        t.relation.text = text;
        t.relation.tokens = vec![noun, prep];
        out.push(t);
    }
}

/// Like [`naming_of`] but for any proper name after `of` (the possessor already tells it is a description).
fn naming_of_any(v: &View, noun: usize) -> Option<(usize, usize)> {
    if v.pos(noun) != "NOUN" {
        return None;
    }
    let of = v
        .children_with(noun, &["prep"])
        .find(|&p| v.lemma(p).eq_ignore_ascii_case("of"))?;
    let name = v.child(of, &["pobj"])?;
    (v.pos(name) == "PROPN").then_some((of, name))
}
