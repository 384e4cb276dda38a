//! spaCy's TransitionBasedParser.v2 network and its greedy decoder.
//!
//! Token vectors go through a linear layer; the "precomputable affine" lower layer is then applied to every
//! token once per feature slot, so a parser step is the sum of `nF` cached vectors (the learned padding
//! vector for a missing token), a bias, a maxout over pieces and the upper linear layer over the classes.

use super::state::State;
use super::{TokenFlags, TransitionSystem};
use crate::analysis::AnalysisError;
use crate::analysis::gemm::{
    ROW_LANES, Weights, add_bias, grown, matmul_weights, multiversion, recycle, weighted_row_sum,
};
use crate::analysis::weights::{ModelWeights, Node};
use std::borrow::Cow;
use std::collections::VecDeque;

/// The parser network of one component.
#[derive(Debug)]
pub struct ParserModel {
    n_in: usize,
    n_hidden: usize,
    n_pieces: usize,
    n_feats: usize,
    n_classes: usize,
    /// tok2vec width -> hidden: (n_hidden x n_in).
    proj_w: Weights,
    proj_b: Vec<f32>,
    /// (nF * nH * nP) x nH.
    lower_w: Weights,
    /// nH * nP.
    lower_b: Vec<f32>,
    /// nF * nH * nP.
    pad: Vec<f32>,
    /// nH x n_classes (transposed, so a step's scores accumulate over whole rows), each row padded with
    /// zeros to a multiple of [`LANES`].
    upper_wt: Vec<f32>,
    upper_b: Vec<f32>,
}

fn node_ref<'a>(
    w: &'a ModelWeights,
    root: &Node,
    name: &str,
) -> Result<(usize, &'a Node), AnalysisError> {
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

/// Tokens whose lower-layer rows [`ParserModel::for_each_document`] computes at once (about half a
/// megabyte for the parser's 1024-wide rows, so they stay in the core's cache while decoded).
pub const GROUP_TOKENS: usize = 128;

/// Working buffers of [`ParserModel::for_each_document`], kept from one call to the next.
#[derive(Debug, Default)]
pub struct DecodeBuffers {
    proj: Vec<f32>,
    rows: Vec<f32>,
}

/// Tokens per block of the on-demand feature cache.
pub const CACHE_BLOCK: usize = 256;
/// Blocks the feature cache keeps (beyond this the least recently used is dropped and recomputed).
pub const CACHE_BLOCKS: usize = 32;

/// The lower layer's precomputed per-token contributions for one document.
#[derive(Debug)]
pub struct FeatureCache<'a> {
    proj: Vec<f32>,
    n: usize,
    width: usize,
    full: Option<Cow<'a, [f32]>>,
    blocks: Vec<Option<Vec<f32>>>,
    recent: VecDeque<usize>,
}

impl<'a> FeatureCache<'a> {
    /// A cache over rows already computed for `n` tokens (from `rows`).
    pub fn borrowed(model: &ParserModel, rows: &'a [f32], n: usize) -> FeatureCache<'a> {
        let width = model.cache_width();
        FeatureCache {
            proj: Vec::new(),
            n,
            width,
            full: Some(Cow::Borrowed(&rows[..(n * width).min(rows.len())])),
            blocks: Vec::new(),
            recent: VecDeque::new(),
        }
    }

    /// Makes sure the row of `token` is available.
    fn ensure(&mut self, model: &ParserModel, token: usize) {
        if self.full.is_some() {
            return;
        }
        let b = token / CACHE_BLOCK;
        if self.blocks[b].is_some() {
            if let Some(pos) = self.recent.iter().position(|&x| x == b) {
                self.recent.remove(pos);
            }
            self.recent.push_back(b);
            return;
        }
        // A step needs at most `nF` blocks, all touched last, so the evicted one is never among them.
        if self.recent.len() >= CACHE_BLOCKS
            && let Some(old) = self.recent.pop_front()
        {
            self.blocks[old] = None;
        }
        let h = model.n_hidden;
        let start = b * CACHE_BLOCK;
        let end = (start + CACHE_BLOCK).min(self.n);
        self.blocks[b] = Some(model.lower_rows(&self.proj[start * h..end * h], end - start));
        self.recent.push_back(b);
    }

    /// The cached row of `token` (all feature slots); [`FeatureCache::ensure`] must have been called.
    fn row(&self, token: usize) -> &[f32] {
        let w = self.width;
        if let Some(full) = &self.full {
            return &full[token * w..(token + 1) * w];
        }
        let b = token / CACHE_BLOCK;
        let at = token - b * CACHE_BLOCK;
        match &self.blocks[b] {
            Some(block) => &block[at * w..(at + 1) * w],
            None => &[],
        }
    }
}

/// Rows of `upper_wt` are padded to a multiple of this many classes.
const LANES: usize = ROW_LANES;

/// `m` (`rows x cols`) transposed, each of its `cols` rows padded with zeros to `padded_rows` values.
fn transpose_padded(m: &[f32], rows: usize, cols: usize, padded_rows: usize) -> Vec<f32> {
    let mut t = vec![0.0f32; padded_rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            t[c * padded_rows + r] = m[r * cols + c];
        }
    }
    t
}

/// The most state features a model may use (the parser's).
const MAX_FEATURES: usize = 8;

multiversion! {
    /// One decoder step's class scores: the sum of the state features' cached vectors (each a slice of
    /// `unmaxed.len()`), plus the bias, maxed over pieces into `hidden`, then `upper_wt` (hidden x all
    /// classes, transposed, rows padded to [`LANES`]) applied to it, summed over the hidden units in order
    /// for every class at once, plus the bias. Only the first `scores.len()` classes are scored; `scores`
    /// is a multiple of [`LANES`] long, and the classes past `upper_b` score 0.
    fn step_scores(
        features: &[&[f32]],
        lower_b: &[f32],
        n_pieces: usize,
        upper_wt: &[f32],
        upper_b: &[f32],
        unmaxed: &mut [f32],
        hidden: &mut [f32],
        scores: &mut [f32],
    ) {
        unmaxed.fill(0.0);
        for feature in features {
            for (u, v) in unmaxed.iter_mut().zip(feature.iter()) {
                *u += v;
            }
        }
        for (u, b) in unmaxed.iter_mut().zip(lower_b) {
            *u += b;
        }
        for (h, pieces) in hidden.iter_mut().zip(unmaxed.chunks_exact(n_pieces)) {
            let mut best = pieces[0];
            for &p in &pieces[1..] {
                if p > best {
                    best = p;
                }
            }
            *h = best;
        }
        let row_len = upper_wt.len() / hidden.len().max(1);
        weighted_row_sum(hidden, row_len, upper_wt, scores);
        for (s, b) in scores.iter_mut().zip(upper_b) {
            *s += b;
        }
    }
}

impl ParserModel {
    /// Reads the network from a parser or ner model file; `n_in` is the width of the token vectors.
    pub fn from_weights(w: &ModelWeights, n_in: usize) -> Result<ParserModel, AnalysisError> {
        let root = w
            .nodes
            .first()
            .filter(|n| n.name == "parser_model")
            .ok_or_else(|| {
                w.unsupported("not a TransitionBasedParser model (no parser_model node)")
            })?;
        let (_, lower) = node_ref(w, root, "lower")?;
        if lower.name != "precomputable_affine" {
            return Err(w.unsupported(format!(
                "lower layer is {}, not precomputable_affine",
                lower.name
            )));
        }
        let (upper_i, upper) = node_ref(w, root, "upper").map_err(|_| {
            w.unsupported("models without an upper layer (use_upper = false) are not supported")
        })?;
        let lw = w.param(lower, "W", &[None, None, None, None])?;
        let (n_feats, n_hidden, n_pieces, lower_in) =
            (lw.shape[0], lw.shape[1], lw.shape[2], lw.shape[3]);
        let lb = w.param(lower, "b", &[Some(n_hidden), Some(n_pieces)])?;
        let pad = w.param(
            lower,
            "pad",
            &[Some(1), Some(n_feats), Some(n_hidden), Some(n_pieces)],
        )?;
        let uw = w.param(upper, "W", &[None, Some(n_hidden)])?;
        let n_classes = uw.shape[0];
        let ub = w.param(upper, "b", &[Some(n_classes)])?;
        let proj = w
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| *i != upper_i && n.name == "linear")
            .map(|(_, n)| n)
            .find(|n| {
                n.params
                    .get("W")
                    .is_some_and(|t| t.shape == [lower_in, n_in])
            })
            .ok_or_else(|| {
                w.unsupported(format!("no linear layer from width {n_in} to {lower_in}"))
            })?;
        let pw = w.param(proj, "W", &[Some(lower_in), Some(n_in)])?;
        let pb = w.param(proj, "b", &[Some(lower_in)])?;
        if lower_in != n_hidden {
            return Err(w.unsupported("lower layer input differs from its hidden width"));
        }
        if !matches!(n_feats, 1 | 2 | 3 | MAX_FEATURES) {
            return Err(w.unsupported(format!("{n_feats} state features (supported: 1, 2, 3, 8)")));
        }
        Ok(ParserModel {
            n_in,
            n_hidden,
            n_pieces,
            n_feats,
            n_classes,
            proj_w: Weights::new(pw.data.clone(), lower_in, n_in),
            proj_b: pb.data.clone(),
            lower_w: Weights::new(lw.data.clone(), n_feats * n_hidden * n_pieces, lower_in),
            lower_b: lb.data.clone(),
            pad: pad.data.clone(),
            upper_wt: transpose_padded(
                &uw.data,
                n_classes,
                n_hidden,
                n_classes.next_multiple_of(LANES),
            ),
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

    /// `n` token vectors through the linear layer before the lower one, into `proj` (`n x n_hidden`).
    fn project_into(&self, tokvecs: &[f32], n: usize, proj: &mut [f32]) {
        matmul_weights(tokvecs, n, self.n_in, &self.proj_w, proj);
        add_bias(proj, &self.proj_b);
    }

    /// The feature cache of one document from its projected tokens: every token's lower-layer
    /// contribution for every feature slot, all at once for documents up to [`CACHE_BLOCK`] x
    /// [`CACHE_BLOCKS`] tokens, by blocks of [`CACHE_BLOCK`] tokens on demand (least recently used
    /// evicted) beyond, so memory stays bounded.
    fn cache_from_projection(&self, proj: Vec<f32>, n: usize) -> FeatureCache<'static> {
        let n_blocks = n.div_ceil(CACHE_BLOCK);
        let mut cache = FeatureCache {
            proj,
            n,
            width: self.cache_width(),
            full: None,
            blocks: vec![None; n_blocks],
            recent: VecDeque::new(),
        };
        if n_blocks <= CACHE_BLOCKS {
            cache.full = Some(Cow::Owned(self.lower_rows(&cache.proj, n)));
        }
        cache
    }

    /// Hands `decode(document, first_token, cache)` the feature cache of each of several documents laid
    /// end to end in `tokvecs` (`lengths` tokens each; empty documents are skipped). The projection runs
    /// over all of them at once; the lower layer a few documents (about [`GROUP_TOKENS`] tokens) at a
    /// time, just before they are decoded, so that the rows a decoder step gathers are still in cache
    /// (computed all at once, they had left it: a third of the decoder's time was those loads).
    pub fn for_each_document(
        &self,
        tokvecs: &[f32],
        lengths: &[usize],
        buffers: &mut DecodeBuffers,
        mut decode: impl FnMut(usize, usize, &mut FeatureCache<'_>),
    ) {
        let total: usize = lengths.iter().sum();
        let (h, slot) = (self.n_hidden, self.cache_width());
        self.project_into(tokvecs, total, grown(&mut buffers.proj, total * h));
        let (mut first, mut offset) = (0, 0);
        while first < lengths.len() {
            let (mut end, mut tokens) = (first, 0);
            while end < lengths.len() && (end == first || tokens + lengths[end] <= GROUP_TOKENS) {
                tokens += lengths[end];
                end += 1;
            }
            let proj = &buffers.proj[offset * h..(offset + tokens) * h];
            if tokens.div_ceil(CACHE_BLOCK) > CACHE_BLOCKS {
                // One huge document: its rows by blocks, on demand.
                let mut cache = self.cache_from_projection(proj.to_vec(), tokens);
                decode(first, offset, &mut cache);
            } else {
                let rows = grown(&mut buffers.rows, tokens * slot);
                matmul_weights(proj, tokens, h, &self.lower_w, rows);
                let mut at = 0;
                for (doc, &n) in lengths.iter().enumerate().take(end).skip(first) {
                    if n > 0 {
                        let mut cache = FeatureCache::borrowed(self, &buffers.rows[at * slot..], n);
                        decode(doc, offset + at, &mut cache);
                    }
                    at += n;
                }
            }
            offset += tokens;
            first = end;
        }
        recycle(&mut buffers.proj);
        recycle(&mut buffers.rows);
    }

    fn lower_rows(&self, proj: &[f32], rows: usize) -> Vec<f32> {
        let slot = self.cache_width();
        let mut out = vec![0.0f32; rows * slot];
        matmul_weights(proj, rows, self.n_hidden, &self.lower_w, &mut out);
        out
    }

    /// Runs the greedy decoder over one document, given its feature cache (from [`ParserModel::for_each_document`]),
    /// and returns the final state.
    pub fn parse<T: TransitionSystem>(
        &self,
        system: &T,
        cache: &mut FeatureCache<'_>,
        tokens: &[TokenFlags],
    ) -> State {
        let n = tokens.len();
        let mut st = State::new(n);
        if n == 0 || cache.n != n {
            return st;
        }
        // Sentence starts set before parsing (a headline's end) bind the parser, as in spaCy.
        for (i, t) in tokens.iter().enumerate() {
            if t.sent_start {
                st.set_sent_start(i as i32);
            }
        }
        let h = self.n_hidden;
        let hp = h * self.n_pieces;
        let n_classes = self.n_classes.min(system.n_moves());
        let mut ids = vec![-1i32; self.n_feats];
        let mut unmaxed = vec![0.0f32; hp];
        let mut hidden = vec![0.0f32; h];
        let mut scores = vec![0.0f32; n_classes.next_multiple_of(LANES)];
        let mut valid = vec![false; system.n_moves()];
        // Each step consumes or moves a word; bound the loop anyway against a system that would not end.
        let max_steps = 10 * n + 10;
        let mut steps = 0;
        while !st.is_final() {
            st.context_tokens(&mut ids);
            for &id in &ids {
                if id >= 0 {
                    cache.ensure(self, id as usize);
                }
            }
            let mut features: [&[f32]; MAX_FEATURES] = [&[]; MAX_FEATURES];
            for (f, &id) in ids.iter().enumerate() {
                features[f] = if id < 0 {
                    &self.pad[f * hp..(f + 1) * hp]
                } else {
                    &cache.row(id as usize)[f * hp..(f + 1) * hp]
                };
            }
            step_scores(
                &features[..self.n_feats],
                &self.lower_b,
                self.n_pieces,
                &self.upper_wt,
                &self.upper_b,
                &mut unmaxed,
                &mut hidden,
                &mut scores,
            );
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
