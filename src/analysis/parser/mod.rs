//! Transition-based components: the dependency parser (arc-eager) and the entity recogniser (BILUO), both
//! spaCy's TransitionBasedParser network with greedy decoding.

mod arc_eager;
mod model;
mod moves;
mod ner;
mod state;

pub use arc_eager::{ArcEager, ArcMove, ParseResult, set_children_from_heads};
pub use model::{
    CACHE_BLOCK, CACHE_BLOCKS, DecodeBuffers, FeatureCache, GROUP_TOKENS, ParserModel,
};
pub use moves::{MoveSpec, read_moves};
pub use ner::{Biluo, BiluoMove, keep_biluo_move};
pub use state::State;

/// Per-token facts that move validity depends on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenFlags {
    /// The token is whitespace.
    pub is_space: bool,
    /// The token starts a sentence (set by the parser; read by the entity recogniser).
    pub sent_start: bool,
}

/// A transition system: its classes, their validity in a state, and their effect.
pub trait TransitionSystem {
    /// Number of classes.
    fn n_moves(&self) -> usize;
    /// Writes whether each class is valid in `st`.
    fn set_valid(&self, st: &State, tokens: &[TokenFlags], valid: &mut [bool]);
    /// Applies class `class` to `st`.
    fn apply(&self, st: &mut State, class: usize);
}
