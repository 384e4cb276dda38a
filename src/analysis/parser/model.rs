//! spaCy's TransitionBasedParser.v2 network and its greedy decoder.
//!
//! Token vectors go through a linear layer; the "precomputable affine" lower layer is then applied to every
//! token once per feature slot, so a parser step is the sum of `nF` cached vectors (the learned padding
//! vector for a missing token), a bias, a maxout over pieces and the upper linear layer over the classes.

use super::state::State;
use super::{TokenFlags, TransitionSystem};
use crate::analysis::AnalysisError;
use crate::analysis::gemm::{add_bias, matmul_bt};
use crate::analysis::weights::{ModelWeights, Node};

/// The parser network of one component.
#[derive(Debug)]
pub struct ParserModel {
    n_in: usize,
    n_hidden: usize,
    n_pieces: usize,
    n_feats: usize,
    n_classes: usize,
    /// tok2vec width -> hidden: (n_hidden x n_in).
    proj_w: Vec<f32>,
    proj_b: Vec<f32>,
    /// (nF * nH * nP) x nH.
    lower_w: Vec<f32>,
    /// nH * nP.
    lower_b: Vec<f32>,
    /// nF * nH * nP.
    pad: Vec<f32>,
    /// nH x n_classes (transposed, so a step's scores accumulate over whole rows).
    upper_wt: Vec<f32>,
    upper_b: Vec<f32>,
}

fn node_ref<'a>(w: &'a ModelWeights, root: &Node, name: &str) -> Result<(usize, &'a Node), AnalysisError> {
    let i = *root
        .refs
        .get(name)
        .ok_or_else(|| w.unsupported(format!("parser_model has no `{name}` layer")))?;
    let node = w
        .nodes
        .get(i)
        .ok_or_else(|| w.unsupported(format!("`{name}` refers to a missing node")))?;
    Ok((i, node))
}

fn transpose(m: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut t = vec![0.0f32; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            t[c * rows + r] = m[r * cols + c];
        }
    }
    t
}

impl ParserModel {
    /// Reads the network from a parser or ner model file; `n_in` is the width of the token vectors.
    pub fn from_weights(w: &ModelWeights, n_in: usize) -> Result<ParserModel, AnalysisError> {
        let root = w
            .nodes
            .first()
            .filter(|n| n.name == "parser_model")
            .ok_or_else(|| w.unsupported("not a TransitionBasedParser model (no parser_model node)"))?;
        let (_, lower) = node_ref(w, root, "lower")?;
        if lower.name != "precomputable_affine" {
            return Err(w.unsupported(format!("lower layer is {}, not precomputable_affine", lower.name)));
        }
        let (upper_i, upper) = node_ref(w, root, "upper").map_err(|_| {
            w.unsupported("models without an upper layer (use_upper = false) are not supported")
        })?;
        let lw = w.param(lower, "W", &[None, None, None, None])?;
        let (n_feats, n_hidden, n_pieces, lower_in) = (lw.shape[0], lw.shape[1], lw.shape[2], lw.shape[3]);
        let lb = w.param(lower, "b", &[Some(n_hidden), Some(n_pieces)])?;
        let pad = w.param(lower, "pad", &[Some(1), Some(n_feats), Some(n_hidden), Some(n_pieces)])?;
        let uw = w.param(upper, "W", &[None, Some(n_hidden)])?;
        let n_classes = uw.shape[0];
        let ub = w.param(upper, "b", &[Some(n_classes)])?;
        let proj = w
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| *i != upper_i && n.name == "linear")
            .map(|(_, n)| n)
            .find(|n| n.params.get("W").is_some_and(|t| t.shape == [lower_in, n_in]))
            .ok_or_else(|| w.unsupported(format!("no linear layer from width {n_in} to {lower_in}")))?;
        let pw = w.param(proj, "W", &[Some(lower_in), Some(n_in)])?;
        let pb = w.param(proj, "b", &[Some(lower_in)])?;
        if lower_in != n_hidden {
            return Err(w.unsupported("lower layer input differs from its hidden width"));
        }
        if !matches!(n_feats, 1 | 2 | 3 | 8) {
            return Err(w.unsupported(format!("{n_feats} state features (supported: 1, 2, 3, 8)")));
        }
        Ok(ParserModel {
            n_in,
            n_hidden,
            n_pieces,
            n_feats,
            n_classes,
            proj_w: pw.data.clone(),
            proj_b: pb.data.clone(),
            lower_w: lw.data.clone(),
            lower_b: lb.data.clone(),
            pad: pad.data.clone(),
            upper_wt: transpose(&uw.data, n_classes, n_hidden),
            upper_b: ub.data.clone(),
        })
    }

    /// Number of output classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Width of one token's cached lower-layer contributions (all feature slots).
    pub fn cache_width(&self) -> usize {
        self.n_feats * self.n_hidden * self.n_pieces
    }

    /// Projects `n` token vectors and precomputes every token's lower-layer contribution for every feature
    /// slot (`n x cache_width`).
    pub fn precompute(&self, tokvecs: &[f32], n: usize) -> Vec<f32> {
        let h = self.n_hidden;
        let mut proj = vec![0.0f32; n * h];
        matmul_bt(tokvecs, n, self.n_in, &self.proj_w, h, &mut proj);
        add_bias(&mut proj, &self.proj_b);
        let slot = self.cache_width();
        let mut cached = vec![0.0f32; n * slot];
        matmul_bt(&proj, n, h, &self.lower_w, slot, &mut cached);
        cached
    }

    /// Runs the greedy decoder over one document, given its tokens' cached contributions
    /// ([`ParserModel::precompute`]), and returns the final state.
    pub fn parse<T: TransitionSystem>(&self, system: &T, cached: &[f32], tokens: &[TokenFlags]) -> State {
        let n = tokens.len();
        let mut st = State::new(n);
        if n == 0 || cached.len() < n * self.cache_width() {
            return st;
        }
        let h = self.n_hidden;
        let hp = h * self.n_pieces;
        let slot = self.cache_width();
        let n_classes = self.n_classes.min(system.n_moves());
        let mut ids = vec![-1i32; self.n_feats];
        let mut unmaxed = vec![0.0f32; hp];
        let mut hidden = vec![0.0f32; h];
        let mut scores = vec![0.0f32; n_classes];
        let mut valid = vec![false; system.n_moves()];
        // Each step consumes or moves a word; bound the loop anyway against a system that would not end.
        let max_steps = 10 * n + 10;
        let mut steps = 0;
        while !st.is_final() {
            st.context_tokens(&mut ids);
            unmaxed.fill(0.0);
            for (f, &id) in ids.iter().enumerate() {
                let feature = if id < 0 {
                    &self.pad[f * hp..(f + 1) * hp]
                } else {
                    let base = id as usize * slot + f * hp;
                    &cached[base..base + hp]
                };
                for (u, v) in unmaxed.iter_mut().zip(feature) {
                    *u += v;
                }
            }
            for (u, b) in unmaxed.iter_mut().zip(&self.lower_b) {
                *u += b;
            }
            for (j, pieces) in unmaxed.chunks_exact(self.n_pieces).enumerate() {
                let mut best = pieces[0];
                for &p in &pieces[1..] {
                    if p > best {
                        best = p;
                    }
                }
                hidden[j] = best;
            }
            // scores = W·hidden + b, summed over the hidden units in order for every class at once.
            scores.fill(0.0);
            for (j, &hj) in hidden.iter().enumerate() {
                let row = &self.upper_wt[j * self.n_classes..j * self.n_classes + n_classes];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += hj * w;
                }
            }
            for (s, b) in scores.iter_mut().zip(&self.upper_b) {
                *s += b;
            }
            system.set_valid(&st, tokens, &mut valid);
            let mut best: Option<usize> = None;
            for c in 0..n_classes {
                if valid[c] && best.is_none_or(|b| scores[c] > scores[b]) {
                    best = Some(c);
                }
            }
            steps += 1;
            match best {
                Some(c) if steps <= max_steps => system.apply(&mut st, c),
                _ => st.force_final(),
            }
        }
        st
    }
}
