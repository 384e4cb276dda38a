//! Argument phrases: the subtree of a head token, cut where CaRB-style annotators cut (relative clauses,
//! appositions, adverbial clauses, and, for split coordination, the other conjuncts), with text and bytes.

use super::triple::Argument;
use super::view::View;

/// Dependents that never belong to an argument phrase: clauses hanging off the noun and loose attachments.
const ALWAYS_CUT: &[&str] = &[
    "relcl",
    "appos",
    "advcl",
    "parataxis",
    "acl",
    "ccomp",
    "mark",
];

/// How to cut a phrase.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cut {
    /// Keep the head's coordinated conjuncts (`Etorofu and Kunashiri`) instead of only the head's own phrase.
    pub keep_conj: bool,
    /// Drop the head's determiner and possessor (used for `X has <noun>` from a possessive).
    pub drop_det: bool,
    /// Drop adjectival participles with their own agents (`Russian-held`), which other rules turn into triples.
    pub drop_participles: bool,
    /// Keep clauses (relative, participial) attached to the head: for whole-clause arguments.
    pub keep_clauses: bool,
}

/// The phrase headed by `head`, cut as `cut` says, excluding the tokens in `skip` and their subtrees.
pub(crate) fn phrase(v: &View, head: usize, cut: Cut, skip: &[usize]) -> Argument {
    let mut tokens = Vec::new();
    let mut stack = vec![head];
    // Malformed input may have head cycles; each token is visited once.
    let mut seen = vec![false; v.end - v.start];
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i - v.start], true) {
            continue;
        }
        tokens.push(i);
        for &c in v.children(i) {
            if skip.contains(&c) || !keeps(v, head, i, c, cut) {
                continue;
            }
            stack.push(c);
        }
    }
    tokens.sort_unstable();
    // Punctuation next to a cut (`the four , islands` once `Russian-held` is cut) has nothing to separate.
    let kept = tokens.clone();
    let first = kept.first().copied().unwrap_or(head);
    tokens.retain(|&t| {
        !v.is_punct(t) || t == head || t == first || kept.binary_search(&(t - 1)).is_ok()
    });
    trim(v, &mut tokens, head);
    argument(v, head, tokens)
}

/// Whether the phrase of `head` keeps child `c` of token `i`.
fn keeps(v: &View, head: usize, i: usize, c: usize, cut: Cut) -> bool {
    let dep = v.dep(c);
    if i == head {
        if !cut.keep_clauses && ALWAYS_CUT.contains(&dep) && !is_infinitival(v, c) {
            return false;
        }
        if !cut.keep_conj && matches!(dep, "conj" | "cc" | "preconj") {
            return false;
        }
        if cut.drop_det && matches!(dep, "det" | "poss" | "predet") {
            return false;
        }
        if cut.drop_participles && dep == "amod" && v.tag(c) == "VBN" && has_hyphen_agent(v, c) {
            return false;
        }
        // A punctuation mark right after the head that closes the phrase (`Etorofu ,`) is trimmed later.
    } else if !cut.keep_clauses && matches!(dep, "relcl" | "parataxis") {
        return false;
    }
    true
}

/// Whether a clause is an infinitive completing its noun (`efforts to streamline payrolls`), which stays.
fn is_infinitival(v: &View, c: usize) -> bool {
    v.dep(c) == "acl" && v.children_with(c, &["aux"]).any(|a| v.tag(a) == "TO")
}

/// Whether a participle has a hyphen-joined modifier (`Russian-held`): its agent.
pub(crate) fn has_hyphen_agent(v: &View, p: usize) -> bool {
    hyphen_agent(v, p).is_some()
}

/// The modifier joined by a hyphen before participle `p` (`Russian` in `Russian-held`).
pub(crate) fn hyphen_agent(v: &View, p: usize) -> Option<usize> {
    if p < v.start + 2 || v.text(p - 1) != "-" {
        return None;
    }
    let a = p - 2;
    // The parser's own attachment: a prefix the view joined to its participle (`re-formed`, `un-named`) is
    // no agent.
    (v.tok(a).head == p && matches!(v.pos(a), "PROPN" | "NOUN" | "ADJ")).then_some(a)
}

/// Drops punctuation and conjunctions at the edges, and a leading relativiser.
fn trim(v: &View, tokens: &mut Vec<usize>, head: usize) {
    let edge =
        |i: usize| i != head && (v.is_punct(i) || matches!(v.dep(i), "cc" | "mark" | "preconj"));
    let has = |tokens: &[usize], mark: fn(&str) -> bool| tokens.iter().any(|&t| mark(v.text(t)));
    while tokens.len() > 1 && edge(tokens[tokens.len() - 1]) {
        let last = tokens[tokens.len() - 1];
        if is_close_mark(v.text(last)) && has(tokens, is_open_mark) {
            break;
        }
        tokens.pop();
    }
    let lead = tokens
        .iter()
        .take_while(|&&i| edge(i) && !(is_open_mark(v.text(i)) && has(tokens, is_close_mark)))
        .count();
    tokens.drain(..lead);
    // Unbalanced quotes or brackets left at an edge make no sense alone.
    if tokens.len() > 1 && is_open_mark(v.text(tokens[tokens.len() - 1])) {
        tokens.pop();
    }
    // A closing mark right after the phrase belongs to it when the phrase opened it (`the `` Zomercarnaval ''`).
    if let Some(&last) = tokens.last() {
        let next = last + 1;
        if next < v.end
            && is_close_mark(v.text(next))
            && tokens.iter().any(|&t| is_open_mark(v.text(t)))
        {
            let opened = tokens.iter().filter(|&&t| is_open_mark(v.text(t))).count();
            let closed = tokens.iter().filter(|&&t| is_close_mark(v.text(t))).count();
            if opened > closed {
                tokens.push(next);
            }
        }
    }
}

fn is_open_mark(s: &str) -> bool {
    matches!(s, "``" | "(" | "[" | "-LRB-" | "“" | "`")
}

fn is_close_mark(s: &str) -> bool {
    matches!(s, "''" | ")" | "]" | "-RRB-" | "”" | "'")
}

/// An argument over `tokens` (sorted), with its head.
pub(crate) fn argument(v: &View, head: usize, tokens: Vec<usize>) -> Argument {
    let text = join(v, &tokens);
    let bytes = match (tokens.first(), tokens.last()) {
        (Some(&a), Some(&b)) => v.tok(a).start..v.tok(b).end,
        _ => v.tok(head).start..v.tok(head).end,
    };
    Argument {
        text,
        head,
        tokens,
        bytes,
    }
}

/// The text of sorted tokens: the source text over contiguous runs, one space across gaps.
pub(crate) fn join(v: &View, tokens: &[usize]) -> String {
    let mut out = String::new();
    for (k, &i) in tokens.iter().enumerate() {
        if k > 0 {
            let prev = tokens[k - 1];
            if prev + 1 == i {
                if v.tok(prev).space_after {
                    out.push(' ');
                }
            } else {
                out.push(' ');
            }
        }
        out.push_str(v.text(i));
    }
    out
}
