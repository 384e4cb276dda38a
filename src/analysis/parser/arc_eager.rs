//! spaCy's arc-eager transition system (non-monotonic, with sentence breaks): moves, their validity, their
//! effect, and the conversion of a final state into heads, labels and sentence starts (including the
//! pseudo-projective "deprojectivisation" of `label||head_label` arcs).

use super::moves::{MoveSpec, MoveTable};
use super::state::State;
use super::{TokenFlags, TransitionSystem};
use crate::analysis::AnalysisError;

/// The five arc-eager actions, numbered as in spaCy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArcMove {
    /// Push the first buffer word.
    Shift,
    /// Pop the stack (or push a headless word back to the buffer).
    Reduce,
    /// Arc from the first buffer word to the stack top, then pop.
    Left,
    /// Arc from the stack top to the first buffer word, then push it.
    Right,
    /// Mark the second buffer word as a sentence start.
    Break,
}

impl ArcMove {
    fn from_code(code: u8) -> Option<ArcMove> {
        Some(match code {
            0 => ArcMove::Shift,
            1 => ArcMove::Reduce,
            2 => ArcMove::Left,
            3 => ArcMove::Right,
            4 => ArcMove::Break,
            _ => return None,
        })
    }
}

/// The arc-eager system with the model's classes.
#[derive(Debug, Clone)]
pub struct ArcEager {
    table: MoveTable<ArcMove>,
    root_label: u32,
    subtok_label: Option<u32>,
}

fn shift_valid(st: &State) -> bool {
    if st.stack_depth() == 0 {
        true
    } else if st.buffer_length() < 2 {
        false
    } else {
        !st.is_sent_start(st.b(0)) && !st.is_unshiftable(st.b(0))
    }
}

fn reduce_valid(st: &State) -> bool {
    // spaCy also refuses a reduce of the last stack word when the next word cannot start a sentence;
    // no word is marked that way before parsing, so the check never fires.
    st.stack_depth() != 0
}

fn arc_valid(st: &State) -> bool {
    st.stack_depth() != 0 && st.buffer_length() != 0 && !st.is_sent_start(st.b(0))
}

fn break_valid(st: &State) -> bool {
    st.buffer_length() >= 2 && st.b(1) == st.b(0) + 1 && !st.is_sent_start(st.b(1))
}

impl ArcEager {
    /// Builds the system from the classes of `parser/moves`.
    pub fn new(specs: &[MoveSpec]) -> Result<ArcEager, AnalysisError> {
        let mut table = MoveTable::new(specs, "parser/moves", ArcMove::from_code)?;
        let root_label = table.intern("ROOT");
        let subtok_label = table.label_id("subtok");
        Ok(ArcEager {
            table,
            root_label,
            subtok_label,
        })
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.table.n_classes()
    }

    /// The label string of a label id.
    pub fn label_name(&self, id: u32) -> &str {
        self.table.label_name(id)
    }

    /// The human-readable class name (`S`, `D`, `L-nsubj`, `R-dobj`, `B-ROOT`), as spaCy prints it.
    pub fn class_name(&self, class: usize) -> String {
        let (mv, label) = self.table.moves[class];
        let m = match mv {
            ArcMove::Shift => "S",
            ArcMove::Reduce => "D",
            ArcMove::Left => "L",
            ArcMove::Right => "R",
            ArcMove::Break => "B",
        };
        let label = self.label_name(label);
        if label.is_empty() {
            m.to_string()
        } else {
            format!("{m}-{label}")
        }
    }

    /// Heads (absolute), labels and sentence starts read off a final state, after spaCy's
    /// `set_annotations` and deprojectivisation.
    pub fn finish(&self, st: &State, is_space: &[bool]) -> ParseResult<'_> {
        let n = st.len();
        let mut heads: Vec<usize> = (0..n).collect();
        let mut deps: Vec<&str> = vec![""; n];
        for i in 0..n {
            let h = st.head(i as i32);
            if h >= 0 && h as usize != i {
                heads[i] = h as usize;
                deps[i] = self.label_name(st.label(i));
            } else {
                deps[i] = self.label_name(self.root_label);
            }
        }
        let (l_edge, r_edge, _) = set_children_from_heads(&heads);
        // Deprojectivise in token order; children are found with the edges computed before the loop and
        // the heads and labels as they are being rewritten, as spaCy's Token.children does.
        for i in 0..n {
            let Some((new_label, head_label)) = deps[i].split_once("||") else {
                continue;
            };
            let mut queue = vec![heads[i]];
            let mut found = None;
            'search: while !queue.is_empty() {
                let mut next = Vec::new();
                for &q in &queue {
                    let lefts = (l_edge[q]..q).filter(|&c| heads[c] == q);
                    let rights = (q + 1..=r_edge[q].min(n - 1)).filter(|&c| heads[c] == q);
                    for c in lefts.chain(rights) {
                        if is_space.get(c).copied().unwrap_or(false) || c == i {
                            continue;
                        }
                        if deps[c] == head_label {
                            found = Some(c);
                            break 'search;
                        }
                        next.push(c);
                    }
                }
                // A cycle in a malformed tree could loop forever; spaCy's search would too, so bound it.
                if next.len() > n * n {
                    break;
                }
                queue = next;
            }
            if let Some(h) = found {
                heads[i] = h;
            }
            deps[i] = new_label;
        }
        let (_, _, sent_starts) = set_children_from_heads(&heads);
        ParseResult {
            heads,
            deps,
            sent_starts,
        }
    }
}

/// The parser's output for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseResult<'a> {
    /// Absolute head index per token (a root is its own head).
    pub heads: Vec<usize>,
    /// Dependency label per token.
    pub deps: Vec<&'a str>,
    /// Sentence-start flag per token.
    pub sent_starts: Vec<bool>,
}

/// spaCy's `set_children_from_heads`: left and right edges of every subtree (iterated until heads stay
/// within sentences, at most 12 passes) and sentence starts at the left edge of every root.
pub fn set_children_from_heads(heads: &[usize]) -> (Vec<usize>, Vec<usize>, Vec<bool>) {
    let n = heads.len();
    let mut l_edge: Vec<usize> = (0..n).collect();
    let mut r_edge: Vec<usize> = (0..n).collect();
    let mut loop_count = 0;
    loop {
        let within = lr_edges_pass(heads, &mut l_edge, &mut r_edge);
        if within || loop_count > 10 {
            break;
        }
        loop_count += 1;
    }
    let mut sent_starts = vec![false; n];
    for i in 0..n {
        if heads[i] == i {
            sent_starts[l_edge[i]] = true;
        }
    }
    (l_edge, r_edge, sent_starts)
}

fn lr_edges_pass(heads: &[usize], l_edge: &mut [usize], r_edge: &mut [usize]) -> bool {
    let n = heads.len();
    for i in 0..n {
        let h = heads[i];
        if l_edge[i] < l_edge[h] {
            l_edge[h] = l_edge[i];
        }
        if r_edge[i] > r_edge[h] {
            r_edge[h] = r_edge[i];
        }
    }
    for i in (0..n).rev() {
        let h = heads[i];
        if r_edge[i] > r_edge[h] {
            r_edge[h] = r_edge[i];
        }
        if l_edge[i] < l_edge[h] {
            l_edge[h] = l_edge[i];
        }
    }
    let mut is_start = vec![false; n];
    for (i, &h) in heads.iter().enumerate() {
        if h == i {
            is_start[l_edge[i]] = true;
        }
    }
    // Every head must lie within its sentence (spaCy's bounds: [start, end], end inclusive).
    let mut start = 0;
    for (i, &starts) in is_start.iter().enumerate() {
        if (i > 0 && starts) || i == n - 1 {
            let end = i;
            if heads[start..end].iter().any(|&h| h < start || h > end) {
                return false;
            }
            start = i;
        }
    }
    true
}

impl TransitionSystem for ArcEager {
    fn n_moves(&self) -> usize {
        self.table.moves.len()
    }

    fn set_valid(&self, st: &State, _tokens: &[TokenFlags], valid: &mut [bool]) {
        let shift = shift_valid(st);
        let reduce = reduce_valid(st);
        let arc = arc_valid(st);
        let brk = break_valid(st);
        for (v, &(mv, label)) in valid.iter_mut().zip(&self.table.moves) {
            *v = match mv {
                ArcMove::Shift => shift,
                ArcMove::Reduce => reduce,
                ArcMove::Left | ArcMove::Right => {
                    arc && (Some(label) != self.subtok_label || st.s(0) == st.b(0) - 1)
                }
                ArcMove::Break => brk,
            };
        }
    }

    fn apply(&self, st: &mut State, class: usize) {
        let (mv, label) = self.table.moves[class];
        match mv {
            ArcMove::Shift => st.push(),
            ArcMove::Reduce => {
                if st.has_head(st.s(0)) || st.stack_depth() == 1 {
                    st.pop();
                } else {
                    st.unshift();
                }
            }
            ArcMove::Left => {
                st.add_arc(st.b(0), st.s(0), label);
                st.set_reshiftable(st.b(0));
                st.pop();
            }
            ArcMove::Right => {
                st.add_arc(st.s(0), st.b(0), label);
                st.push();
            }
            ArcMove::Break => st.set_sent_start(st.b(1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system() -> ArcEager {
        let specs: Vec<MoveSpec> = [
            (0, ""),
            (1, ""),
            (2, "nsubj"),
            (3, "dobj"),
            (3, "pobj||prep"),
            (4, "ROOT"),
        ]
        .iter()
        .map(|&(a, l)| (a, l.to_string()))
        .collect();
        ArcEager::new(&specs).unwrap()
    }

    fn valid_names(sys: &ArcEager, st: &State) -> Vec<String> {
        let mut valid = vec![false; sys.n_moves()];
        sys.set_valid(st, &[], &mut valid);
        (0..sys.n_moves())
            .filter(|&i| valid[i])
            .map(|i| sys.class_name(i))
            .collect()
    }

    #[test]
    fn validity_table() {
        let sys = system();
        let mut st = State::new(3);
        // Empty stack: only shift (and break between words 0 and 1 is allowed).
        assert_eq!(valid_names(&sys, &st), ["S", "B-ROOT"]);
        sys.apply(&mut st, 0);
        assert_eq!(
            valid_names(&sys, &st),
            ["S", "D", "L-nsubj", "R-dobj", "R-pobj||prep", "B-ROOT"]
        );
        // After a break before word 2, arcs into word 2 and shifting it are refused.
        sys.apply(&mut st, 3); // R-dobj: 0 -> 1, push 1
        sys.apply(&mut st, 5); // B-ROOT does nothing here: buffer has one word
        assert_eq!(st.buffer_length(), 1);
        assert_eq!(
            valid_names(&sys, &st),
            ["D", "L-nsubj", "R-dobj", "R-pobj||prep"]
        );
        let mut st = State::new(3);
        sys.apply(&mut st, 0);
        sys.apply(&mut st, 5); // break: word 2 starts a sentence
        sys.apply(&mut st, 3); // R-dobj 0 -> 1
        assert!(st.is_sent_start(2));
        assert_eq!(valid_names(&sys, &st), ["D"]);
    }

    #[test]
    fn headless_reduce_goes_back_to_the_buffer() {
        let sys = system();
        let mut st = State::new(3);
        sys.apply(&mut st, 0);
        sys.apply(&mut st, 0);
        sys.apply(&mut st, 1);
        assert_eq!((st.s(0), st.b(0)), (0, 1));
        assert!(st.is_unshiftable(1));
        // An unshiftable word cannot be shifted again until an arc is made to it.
        assert_eq!(
            valid_names(&sys, &st),
            ["D", "L-nsubj", "R-dobj", "R-pobj||prep", "B-ROOT"]
        );
    }

    #[test]
    fn finish_sets_roots_sentences_and_deprojectivises() {
        let sys = system();
        // 0 <-nsubj- 1 ; 1 -dobj-> 2 ; 2 -pobj||prep-> 3 ; 4 is a second root.
        let mut st = State::new(5);
        // Label ids: 0 "", 1 nsubj, 2 dobj, 3 pobj||prep, 4 ROOT.
        st.add_arc(1, 0, 1);
        st.add_arc(1, 2, 2);
        st.add_arc(1, 3, 3);
        let res = sys.finish(&st, &[false; 5]);
        assert_eq!(res.heads, [1, 1, 1, 1, 4]);
        assert_eq!(res.deps, ["nsubj", "ROOT", "dobj", "pobj", "ROOT"]);
        assert_eq!(res.sent_starts, [true, false, false, false, true]);
    }

    #[test]
    fn edges_reach_through_the_tree() {
        let (l, r, starts) = set_children_from_heads(&[1, 1, 1, 4, 4]);
        assert_eq!(l, [0, 0, 2, 3, 3]);
        assert_eq!(r, [0, 2, 2, 3, 4]);
        assert_eq!(starts, [true, false, false, true, false]);
    }
}
