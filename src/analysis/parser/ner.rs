//! spaCy's BILUO entity transition system (`BiluoPushDown`): each step labels the first buffer word as
//! Begin, In, Last, Unit or Out of an entity. No entities are preset in this pipeline, so the preset-entity
//! branches of spaCy's validity rules never apply.

use super::moves::{MoveSpec, MoveTable};
use super::state::State;
use super::{TokenFlags, TransitionSystem};
use crate::analysis::AnalysisError;

/// The BILUO actions, numbered as in spaCy (0 is "missing", never a class).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BiluoMove {
    /// Open a multi-token entity.
    Begin,
    /// Continue the open entity.
    In,
    /// Close the open entity.
    Last,
    /// A one-token entity.
    Unit,
    /// Outside any entity.
    Out,
}

/// The entity system with the model's classes.
#[derive(Debug, Clone)]
pub struct Biluo {
    table: MoveTable<BiluoMove>,
}

/// Which (action, label) pairs spaCy's entity recogniser turns into classes.
pub fn keep_biluo_move(action: u8, label: &str) -> bool {
    match action {
        0 => false,
        5 => label.is_empty(),
        _ => true,
    }
}

impl Biluo {
    /// Builds the system from the classes of `ner/moves`.
    pub fn new(specs: &[MoveSpec]) -> Result<Biluo, AnalysisError> {
        let decode = |code| match code {
            1 => Some(BiluoMove::Begin),
            2 => Some(BiluoMove::In),
            3 => Some(BiluoMove::Last),
            4 => Some(BiluoMove::Unit),
            5 => Some(BiluoMove::Out),
            _ => None,
        };
        Ok(Biluo {
            table: MoveTable::new(specs, "ner/moves", decode)?,
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

    /// The class name as spaCy prints it (`B-ORG`, `U-`, `O`).
    pub fn class_name(&self, class: usize) -> String {
        let (mv, label) = self.table.moves[class];
        let m = match mv {
            BiluoMove::Begin => "B",
            BiluoMove::In => "I",
            BiluoMove::Last => "L",
            BiluoMove::Unit => "U",
            BiluoMove::Out => return "O".to_string(),
        };
        format!("{m}-{}", self.label_name(label))
    }

    /// Closed entities of a final state: (start, end, label).
    pub fn entities<'a>(&'a self, st: &State) -> Vec<(usize, usize, &'a str)> {
        st.ents()
            .iter()
            .filter(|e| e.start >= 0 && e.end >= 0 && e.start < e.end)
            .map(|e| (e.start as usize, e.end as usize, self.label_name(e.label)))
            .collect()
    }
}

fn flags(tokens: &[TokenFlags], i: i32) -> TokenFlags {
    if i < 0 {
        TokenFlags::default()
    } else {
        tokens.get(i as usize).copied().unwrap_or_default()
    }
}

impl TransitionSystem for Biluo {
    fn n_moves(&self) -> usize {
        self.table.moves.len()
    }

    fn set_valid(&self, st: &State, tokens: &[TokenFlags], valid: &mut [bool]) {
        let open = st.entity_is_open();
        let b0 = flags(tokens, st.b(0));
        let b1 = flags(tokens, st.b(1));
        let open_label = st.last_ent().map(|e| e.label);
        for (v, &(mv, label)) in valid.iter_mut().zip(&self.table.moves) {
            *v = match mv {
                BiluoMove::Begin => {
                    !open && st.buffer_length() >= 2 && label != 0 && !b1.sent_start && !b0.is_space
                }
                BiluoMove::In => {
                    open && st.buffer_length() >= 2
                        && label != 0
                        && open_label == Some(label)
                        && !(st.b(1) != -1 && b1.sent_start)
                }
                BiluoMove::Last => label != 0 && open && open_label == Some(label),
                BiluoMove::Unit => label != 0 && !open && !b0.is_space,
                BiluoMove::Out => !open,
            };
        }
    }

    fn apply(&self, st: &mut State, class: usize) {
        let (mv, label) = self.table.moves[class];
        match mv {
            BiluoMove::Begin => st.open_ent(label),
            BiluoMove::In | BiluoMove::Out => {}
            BiluoMove::Last => st.close_ent(),
            BiluoMove::Unit => {
                st.open_ent(label);
                st.close_ent();
            }
        }
        st.push();
        st.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system() -> Biluo {
        let specs: Vec<MoveSpec> = [
            (1, "ORG"),
            (2, "ORG"),
            (3, "ORG"),
            (4, "ORG"),
            (4, ""),
            (5, ""),
        ]
        .iter()
        .map(|&(a, l)| (a, l.to_string()))
        .collect();
        Biluo::new(&specs).unwrap()
    }

    fn valid_names(sys: &Biluo, st: &State, tokens: &[TokenFlags]) -> Vec<String> {
        let mut valid = vec![false; sys.n_moves()];
        sys.set_valid(st, tokens, &mut valid);
        (0..sys.n_moves())
            .filter(|&i| valid[i])
            .map(|i| sys.class_name(i))
            .collect()
    }

    #[test]
    fn validity_table() {
        let sys = system();
        let plain = [TokenFlags::default(); 3];
        let mut st = State::new(3);
        assert_eq!(valid_names(&sys, &st, &plain), ["B-ORG", "U-ORG", "O"]);
        sys.apply(&mut st, 0);
        assert_eq!(valid_names(&sys, &st, &plain), ["I-ORG", "L-ORG"]);
        sys.apply(&mut st, 1);
        // Last word: an open entity can only end.
        assert_eq!(valid_names(&sys, &st, &plain), ["L-ORG"]);
        sys.apply(&mut st, 2);
        assert!(st.is_final());
        assert_eq!(sys.entities(&st), [(0, 3, "ORG")]);
    }

    #[test]
    fn entities_stop_at_sentence_starts_and_skip_spaces() {
        let sys = system();
        let mut tokens = [TokenFlags::default(); 3];
        tokens[1].sent_start = true;
        let st = State::new(3);
        assert_eq!(valid_names(&sys, &st, &tokens), ["U-ORG", "O"]);
        let mut tokens = [TokenFlags::default(); 3];
        tokens[0].is_space = true;
        assert_eq!(valid_names(&sys, &st, &tokens), ["O"]);
    }
}
