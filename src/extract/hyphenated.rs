//! Hyphenated words the parser split apart. spaCy's small English model tokenises `co-founder` as `co`,
//! `-`, `founder` and often attaches the three pieces side by side (three appositions of `Jane Doe, a
//! co-founder of the firm`, three objects of `stepped down as vice-president`) or under the prefix (`re` the
//! root of `has re-elected`, `elected` its conjunct). Read as they stand, the pieces make triples of their
//! own (`Jane Doe is a co`, `Jane Doe is -`). The extractor reads such a word as one: its last piece heads
//! it, in the place where the word attached to the sentence, and the other pieces hang off that head.
//!
//! Only words written without spaces whose pieces are all letters count (`2-1`, `1874-1951` and `F-16` are
//! not words), and only a word whose own tree is broken is re-read: `Russian-held`, with `Russian` already
//! under `held`, stays as the parser left it.

use crate::analysis::Doc;

/// The sentence `start..end` of `doc` read with its hyphenated words whole.
pub(crate) struct Joined<'a> {
    /// `heads[k]` is the head of token `start + k`, every split hyphenated word joined under its last piece;
    /// a head outside the sentence is read as the token's own index (a root), as [`super::view::View`] reads it.
    pub heads: Vec<usize>,
    /// Dependency labels, likewise.
    pub deps: Vec<&'a str>,
    /// `glued[k]`: token `start + k` is a piece of a hyphenated word other than its last (`co`, `-` of
    /// `co-founder`), whether or not the parser had split the word.
    pub glued: Vec<bool>,
}

/// Reads tokens `start..end` of `doc` with every split hyphenated word joined under its last piece.
///
/// Complexity: O(n) over the sentence's n tokens, plus O(n) for each hyphenated word it joins.
pub(crate) fn joined_heads(doc: &Doc, start: usize, end: usize) -> Joined<'_> {
    let head = |i: usize| {
        let h = doc.tokens[i].head;
        if (start..end).contains(&h) { h } else { i }
    };
    let mut heads: Vec<usize> = (start..end).map(head).collect();
    let mut deps: Vec<&str> = (start..end).map(|i| doc.tokens[i].dep.as_str()).collect();
    let mut glued = vec![false; end - start];
    let mut i = start;
    while i < end {
        let word = doc.hyphenated_word(i);
        // A word across a sentence boundary is read in neither sentence.
        let word: Vec<usize> = if word.start == i && word.end <= end {
            word.collect()
        } else {
            vec![i]
        };
        if word.len() >= 3 {
            join(start, &word, &mut heads, &mut deps);
            for &p in &word[..word.len() - 1] {
                glued[p - start] = true;
            }
        }
        i += word.len().max(1);
    }
    Joined { heads, deps, glued }
}

/// Dependents that make their head a clause's verb.
const CLAUSE_DEPS: &[&str] = &["nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg"];

/// Joins one word under its last piece when some other piece attaches outside the word: the last piece takes
/// the attachment of the piece the parser read as the word (the one it gave the most subjects, auxiliaries
/// and markers, `re` with its `that it would` in `revealed that it would re-enter`; else the last piece's own,
/// else the first piece's that attaches outside), the other pieces become its `compound` and `punct`, and
/// their dependents outside the word move to it. Left alone when the join would make a cycle (malformed
/// trees).
fn join(start: usize, word: &[usize], heads: &mut [usize], deps: &mut [&str]) {
    let at = |i: usize| i - start;
    let inside = |h: usize| word.contains(&h);
    let last = word[word.len() - 1];
    let outside = |i: usize| heads[at(i)] == i || !inside(heads[at(i)]);
    if !word[..word.len() - 1].iter().any(|&p| outside(p)) {
        return;
    }
    // The parser made a piece the word's clause when it gave it a subject, auxiliary or marker.
    let clause_dependents = |p: usize| {
        (0..heads.len())
            .filter(|&k| heads[k] == p && !inside(start + k))
            .filter(|&k| CLAUSE_DEPS.contains(&deps[k]))
            .count()
    };
    // `max_by_key` keeps the last of equals: the rightmost piece.
    let clause = word
        .iter()
        .filter(|&&p| outside(p))
        .map(|&p| (clause_dependents(p), p))
        .filter(|&(n, _)| n > 0)
        .max_by_key(|&(n, _)| n);
    let top = match clause {
        Some((_, p)) => p,
        None if outside(last) => last,
        None => word.iter().copied().find(|&p| outside(p)).unwrap_or(last),
    };
    let (saved_heads, saved_deps) = (heads.to_vec(), deps.to_vec());
    if top != last {
        heads[at(last)] = if heads[at(top)] == top {
            last
        } else {
            heads[at(top)]
        };
        deps[at(last)] = deps[at(top)];
    }
    for (k, head) in heads.iter_mut().enumerate() {
        let token = start + k;
        if token != last && inside(*head) && *head != last && !inside(token) {
            *head = last;
        }
    }
    // Pieces alternate: letters at even places, hyphens at odd ones.
    for (k, &p) in word[..word.len() - 1].iter().enumerate() {
        heads[at(p)] = last;
        deps[at(p)] = if k % 2 == 0 { "compound" } else { "punct" };
    }
    // Only the last piece's ancestors changed: if they reach no root within n steps, the join made a cycle
    // (its new head hung below it).
    let mut cur = last;
    for _ in 0..heads.len() {
        let up = heads[at(cur)];
        if up == cur {
            return;
        }
        cur = up;
    }
    heads.copy_from_slice(&saved_heads);
    deps.copy_from_slice(&saved_deps);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Token;

    /// A sentence of `(text, space_after, head, dep)` tokens.
    fn doc(tokens: &[(&str, bool, usize, &str)]) -> Doc {
        let mut d = Doc::default();
        for &(text, space, head, dep) in tokens {
            let start = d.text.len();
            d.text.push_str(text);
            if space {
                d.text.push(' ');
            }
            d.tokens.push(Token {
                start,
                end: start + text.len(),
                space_after: space,
                head,
                dep: dep.into(),
                ..Token::default()
            });
        }
        d
    }

    #[test]
    fn side_by_side_pieces_join_under_the_last() {
        // Jane Doe , a co - founder spoke
        let d = doc(&[
            ("Jane", true, 1, "compound"),
            ("Doe", false, 7, "nsubj"),
            (",", true, 1, "punct"),
            ("a", true, 4, "det"),
            ("co", false, 1, "appos"),
            ("-", false, 1, "appos"),
            ("founder", true, 1, "appos"),
            ("spoke", false, 7, "ROOT"),
        ]);
        let Joined { heads, deps, glued } = joined_heads(&d, 0, d.tokens.len());
        assert_eq!(&heads[3..7], &[6, 6, 6, 1]);
        assert_eq!(&glued[3..7], &[false, true, true, false]);
        assert_eq!(&deps[3..7], &["det", "compound", "punct", "appos"]);
    }

    #[test]
    fn a_prefix_heading_its_word_hands_over_its_place() {
        // Bush has re - elected them
        let d = doc(&[
            ("Bush", true, 2, "nsubj"),
            ("has", true, 2, "aux"),
            ("re", false, 2, "ROOT"),
            ("-", false, 2, "punct"),
            ("elected", true, 2, "conj"),
            ("them", false, 4, "dobj"),
        ]);
        let Joined { heads, deps, .. } = joined_heads(&d, 0, d.tokens.len());
        assert_eq!(heads, vec![4, 4, 4, 4, 4, 4]);
        assert_eq!(
            deps,
            vec!["nsubj", "aux", "compound", "punct", "ROOT", "dobj"]
        );
    }

    #[test]
    fn the_piece_the_parser_made_a_clause_gives_the_word_its_place() {
        // revealed that it re - enter markets: `re` is the clause (with `that` and `it`), `enter` an xcomp.
        let d = doc(&[
            ("revealed", true, 0, "ROOT"),
            ("that", true, 3, "mark"),
            ("it", true, 3, "nsubj"),
            ("re", false, 0, "ccomp"),
            ("-", false, 0, "xcomp"),
            ("enter", true, 0, "xcomp"),
            ("markets", false, 5, "dobj"),
        ]);
        let Joined { heads, deps, .. } = joined_heads(&d, 0, d.tokens.len());
        assert_eq!(heads, vec![0, 5, 5, 5, 5, 0, 5]);
        assert_eq!(deps[5], "ccomp");
    }

    #[test]
    fn numbers_spaced_hyphens_and_whole_words_stay() {
        // lost 2 - 1 ; Russian - held isles ; soar - Iran
        let d = doc(&[
            ("lost", true, 0, "ROOT"),
            ("2", false, 0, "npadvmod"),
            ("-", false, 3, "punct"),
            ("1", true, 0, "prep"),
            ("Russian", false, 6, "amod"),
            ("-", false, 6, "punct"),
            ("held", true, 7, "amod"),
            ("isles", true, 0, "dobj"),
            ("soar", true, 0, "conj"),
            ("-", true, 0, "punct"),
            ("Iran", false, 0, "conj"),
        ]);
        let Joined { heads, deps, glued } = joined_heads(&d, 0, d.tokens.len());
        assert_eq!(glued.iter().filter(|&&g| g).count(), 2, "Russian -");
        let original: Vec<usize> = d.tokens.iter().map(|t| t.head).collect();
        assert_eq!(heads, original);
        assert!(deps.iter().zip(&d.tokens).all(|(a, t)| *a == t.dep));
    }

    #[test]
    fn a_join_that_would_make_a_cycle_is_left_alone() {
        // co - founder x y z: `founder` is the root, `x` hangs off it, `co` off `x`, and a subject `y` and
        // an auxiliary `z` off `co`, which makes `co` the word's clause; giving `founder` the place of `co`
        // would hang it off its own dependent `x`.
        let d = doc(&[
            ("co", false, 3, "nmod"),
            ("-", false, 0, "punct"),
            ("founder", true, 2, "ROOT"),
            ("x", true, 2, "dobj"),
            ("y", true, 0, "nsubj"),
            ("z", false, 0, "aux"),
        ]);
        let heads = joined_heads(&d, 0, d.tokens.len()).heads;
        assert_eq!(heads, vec![3, 0, 2, 2, 0, 0]);
    }
}
