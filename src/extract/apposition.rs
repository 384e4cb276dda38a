//! Appositions: `Etorofu and Kunashiri, the largest of the four islands` gives `Etorofu is the largest of
//! the four islands` and the same for Kunashiri; `the foreign minister, Sergei Lavrov` puts the name first.

use super::coordination::conjuncts;
use super::fixed_triple;
use super::phrase::{Cut, phrase};
use super::triple::RawTriple;
use super::view::View;

/// Extracts `X is Y` from every apposition of the sentence.
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    for app in v.tokens() {
        if v.dep(app) != "appos" || v.is_root(app) {
            continue;
        }
        let noun = v.head(app);
        // Pronouns (`itself`, `all`) and amounts (`77.3 billion rubles, US$ 125 billion`) are not descriptions.
        if !v.is_nominal(noun) || !v.is_nominal(app) || v.is_pronoun(app) || v.is_pronoun(noun) {
            continue;
        }
        if [noun, app]
            .iter()
            .any(|&t| matches!(v.ent(t), "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL"))
        {
            continue;
        }
        // `Hillsborough, North Carolina`: a place in apposition to a place is where it is.
        let located = is_place(v, noun) && is_place(v, app);
        // `in Australia, Canada, Brazil and Japan`: places in a list are no apposition.
        if located && (in_list(v, app, 1) || in_list(v, noun, -1)) {
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
            let (text, normalized) = if located {
                ("is in", "be in")
            } else {
                ("is", "be")
            };
            out.push(fixed_triple(
                v,
                subject,
                text,
                normalized,
                object,
                "apposition",
                0.6,
            ));
        }
    }
}

fn is_place(v: &View, i: usize) -> bool {
    matches!(v.ent(i), "GPE" | "LOC")
}

/// Whether a place token is followed (`dir` 1) or preceded (`dir` -1) by a comma or conjunction and another
/// place: the sign of a list (`Albany, N.Y., Birmingham`).
fn in_list(v: &View, i: usize, dir: isize) -> bool {
    let range = v.tokens();
    let at = |k: isize| -> Option<usize> {
        let k = usize::try_from(i as isize + k).ok()?;
        range.contains(&k).then_some(k)
    };
    let (Some(sep), Some(next)) = (at(dir), at(2 * dir)) else {
        return false;
    };
    matches!(v.text(sep), "," | "and" | "or") && is_place(v, next)
}
