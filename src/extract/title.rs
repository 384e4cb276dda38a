//! Titles and roles before a person's name: `Japanese Prime Minister Shinzo Abe` gives `Shinzo Abe is
//! Japanese Prime Minister` and the role `Shinzo Abe is Prime Minister of Japanese` (resolution maps the
//! demonym to its country); `President Bush` gives `Bush is President`.

use super::fixed_triple;
use super::phrase::{argument, join};
use super::triple::{RawTriple, Relation};
use super::view::View;

/// Courtesy titles that are not roles.
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "miss", "mister",
];

/// Extracts title and role triples for every person named in the sentence.
pub(crate) fn extract(v: &View, out: &mut Vec<RawTriple>) {
    // The sentence's entities only (they are in text order): a scan of all of them per sentence made a
    // one-line 1 MB document take minutes.
    let first = v.doc.ents.partition_point(|e| e.start < v.start);
    for ent in v.doc.ents[first..].iter().take_while(|e| e.start < v.end) {
        if ent.label != "PERSON" || ent.start < v.start || ent.end > v.end || ent.start == ent.end {
            continue;
        }
        let head = ent.end - 1;
        let title = title_tokens(v, ent.start, head);
        // A title ends in a noun (`Prime Minister`, `host`), and is more than a courtesy title.
        let Some(&last) = title.last() else { continue };
        if !matches!(v.pos(last), "NOUN" | "PROPN")
            || title.iter().all(|&t| v.lemma_in(t, HONORIFICS))
        {
            continue;
        }
        let name = argument(v, head, (ent.start..ent.end).collect());
        let title_head = *title
            .iter()
            .rev()
            .find(|&&t| v.pos(t) != "ADJ")
            .unwrap_or(&title[title.len() - 1]);
        let title_arg = argument(v, title_head, title.clone());
        out.push(fixed_triple(
            v,
            name.clone(),
            "is",
            "be",
            title_arg,
            "title",
            0.75,
        ));
        // A piece of a hyphenated word goes where its last piece goes (`Somali-Dutch`).
        let word_end = |mut t: usize| {
            while v.glued(t) && t + 1 < v.end {
                t += 1;
            }
            t
        };
        // The role proper and its affiliation (`Japanese`, `Russian`, `U.S.`).
        let (affiliation, role): (Vec<usize>, Vec<usize>) = title
            .iter()
            .partition(|&&t| matches!(v.ent(word_end(t)), "NORP" | "GPE"));
        if affiliation.is_empty() || role.is_empty() {
            continue;
        }
        let aff_head = affiliation[affiliation.len() - 1];
        let role_text = join(v, &role);
        let mut t = fixed_triple(
            v,
            name,
            "",
            "",
            argument(v, aff_head, affiliation),
            "role",
            0.7,
        );
        t.relation = Relation {
            text: super::tensed(v, head, &format!("is {role_text} of")),
            normalized: format!(
                "{} of",
                role.iter()
                    .map(|&r| v.lemma(r).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            tokens: role,
            passive: false,
        };
        out.push(t);
    }
}

/// The title words right before a name starting at `first` with head `head`: modifiers (compounds, adjectives)
/// that depend on the name or on each other, outside the name itself.
fn title_tokens(v: &View, first: usize, head: usize) -> Vec<usize> {
    let mut k = first;
    while k > v.start {
        let t = k - 1;
        let h = v.head(t);
        let attached = h == head || (h > t && h < first) || (h >= first && h <= head);
        // A piece of a hyphenated word (`Ex` and `-` of `Ex-Downing Street`) goes with the word.
        let modifier = v.glued(t)
            || (matches!(v.dep(t), "compound" | "amod" | "nmod")
                && matches!(v.pos(t), "PROPN" | "NOUN" | "ADJ"));
        if !attached || !modifier {
            break;
        }
        k = t;
    }
    (k..first).collect()
}
