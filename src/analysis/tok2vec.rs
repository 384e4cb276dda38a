//! spaCy's Tok2Vec.v2 with MultiHashEmbed.v2 and MaxoutWindowEncoder.v2: hashed embeddings of lexical
//! attributes, mixed by a maxout + layer norm, then residual blocks of window-3 maxout + layer norm.

use super::AnalysisError;
use super::gemm::{Weights, grown, matmul_weights, matmul_weights_blocks, multiversion, recycle};
use super::hash::{IdHash, hash_feature};
use super::lexeme::{FeatureAttr, TokenFeatures};
use super::weights::{ModelWeights, Node};
use std::cell::RefCell;
use std::collections::HashMap;

/// thinc's `HashEmbed`: each id is hashed four ways into the table and the four rows summed. The mixing
/// maxout is linear before its max, so its product is split by table: `mix_block` is the maxout's weights
/// for this table's columns (`W_j`), and a token's pre-activation is the bias plus the sum over tables of
/// `(Σ four rows) · W_jᵀ`.
#[derive(Debug)]
struct HashEmbed {
    attr: FeatureAttr,
    seed: u32,
    rows: usize,
    width: usize,
    table: Vec<f32>,
    mix_block: Weights,
}

/// thinc's `Maxout`: `nO` outputs, each the maximum of `nP` affine pieces.
///
/// The weights are kept piece-major, `(nP, nO, nI)` rather than thinc's `(nO, nP, nI)`, so that a row of
/// pre-activations is `nP` contiguous blocks of `nO` and the maximum over pieces is element-wise over
/// blocks (vectorised), comparing the pieces in the same order as thinc.
#[derive(Debug)]
pub(crate) struct Maxout {
    pub(crate) n_out: usize,
    pub(crate) n_pieces: usize,
    pub(crate) n_in: usize,
    /// (nP * nO) x nI, row-major, piece-major rows.
    w: Weights,
    /// nP * nO, piece-major.
    b: Vec<f32>,
}

/// Reorders rows of `(n_out, n_pieces, row)` to `(n_pieces, n_out, row)`.
fn piece_major(data: &[f32], n_out: usize, n_pieces: usize, row: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity(data.len());
    for p in 0..n_pieces {
        for o in 0..n_out {
            let at = (o * n_pieces + p) * row;
            out.extend_from_slice(&data[at..at + row]);
        }
    }
    out
}

/// `v` if it is greater than `o`, else `o` (numpy's `max` over pieces, compared in order). Written as a
/// select rather than a conditional store so that it compiles to a vector maximum.
#[inline(always)]
fn larger(v: f32, o: f32) -> f32 {
    if v > o { v } else { o }
}

/// Elements the maximum over pieces handles at once, kept in registers across the pieces.
const PIECE_BLOCK: usize = 16;

/// `out[i] = max_p (row[p * width + i] (+ bias[p * width + i]))` for `width = out.len()`, the pieces
/// compared in order (the first maximum kept), the bias added first when `BIAS`.
#[inline(always)]
fn max_over_pieces<const BIAS: bool>(row: &[f32], bias: &[f32], n_pieces: usize, out: &mut [f32]) {
    let width = out.len();
    let value = |at: usize| {
        if BIAS { row[at] + bias[at] } else { row[at] }
    };
    let mut i = 0;
    while i + PIECE_BLOCK <= width {
        // A local array (not `out`) so that the maxima stay in registers across the pieces.
        let mut best = [0.0f32; PIECE_BLOCK];
        for p in 0..n_pieces {
            let at = p * width + i;
            let piece = &row[at..at + PIECE_BLOCK];
            let b = if BIAS {
                &bias[at..at + PIECE_BLOCK]
            } else {
                piece
            };
            for l in 0..PIECE_BLOCK {
                let v = if BIAS { piece[l] + b[l] } else { piece[l] };
                best[l] = if p == 0 { v } else { larger(v, best[l]) };
            }
        }
        out[i..i + PIECE_BLOCK].copy_from_slice(&best);
        i += PIECE_BLOCK;
    }
    for (k, o) in out.iter_mut().enumerate().skip(i) {
        *o = value(k);
        for p in 1..n_pieces {
            *o = larger(value(p * width + k), *o);
        }
    }
}

multiversion! {
    /// For every row of `pre` (pre-activations including the bias, `n_pieces` blocks of a row of `out`), the
    /// maximum over pieces; rows of `out`.
    fn max_pieces_rows(pre: &[f32], n_pieces: usize, out: &mut [f32], width: usize) {
        if width == 0 {
            return;
        }
        for (pre_row, out_row) in pre.chunks_exact(width * n_pieces).zip(out.chunks_exact_mut(width)) {
            max_over_pieces::<false>(pre_row, &[], n_pieces, out_row);
        }
    }
}

multiversion! {
    /// Fills each row of `pre` with `bias` plus the rows of `table` its picks name (offsets into `table`,
    /// the same number for every row, added in order).
    fn sum_rows(pre: &mut [f32], bias: &[f32], table: &[f32], picks: &[usize]) {
        let width = bias.len();
        let rows = pre.len() / width.max(1);
        if rows == 0 {
            return;
        }
        let per_row = picks.len() / rows;
        for (row, picks) in pre.chunks_exact_mut(width).zip(picks.chunks_exact(per_row.max(1))) {
            row.copy_from_slice(bias);
            for &at in picks {
                for (o, v) in row.iter_mut().zip(&table[at..at + width]) {
                    *o += v;
                }
            }
        }
    }
}

impl Maxout {
    /// `W[:, offset..offset + width]`: the weights of one block of the input's columns (piece-major rows).
    fn column_block(&self, width: usize, offset: usize) -> Weights {
        let out_width = self.n_out * self.n_pieces;
        let mut block_w = Vec::with_capacity(out_width * width);
        for row in self.w.as_slice().chunks_exact(self.n_in) {
            block_w.extend_from_slice(&row[offset..offset + width]);
        }
        Weights::new(block_w, out_width, width)
    }

    pub(crate) fn load(w: &ModelWeights, node: &Node) -> Result<Maxout, AnalysisError> {
        let wt = w.param(node, "W", &[None, None, None])?;
        let (n_out, n_pieces, n_in) = (wt.shape[0], wt.shape[1], wt.shape[2]);
        let b = w.param(node, "b", &[Some(n_out), Some(n_pieces)])?;
        if n_pieces == 0 {
            return Err(w.unsupported("maxout with no pieces"));
        }
        Ok(Maxout {
            n_out,
            n_pieces,
            n_in,
            w: Weights::new(
                piece_major(&wt.data, n_out, n_pieces, n_in),
                n_pieces * n_out,
                n_in,
            ),
            b: piece_major(&b.data, n_out, n_pieces, 1),
        })
    }
}

/// thinc's `LayerNorm`: normalise each row to zero mean and unit variance, then scale and shift.
#[derive(Debug)]
pub(crate) struct LayerNorm {
    g: Vec<f32>,
    b: Vec<f32>,
}

/// Elements summed side by side by [`lane_sum`] (one AVX-512 register).
const SUM_LANES: usize = 16;

/// The sum of `xs` over 16 interleaved partial sums, combined as a tree, then the tail: vectorised, unlike
/// numpy's pairwise sum, whose order it does not keep (the last bits of a layer norm differ from thinc's,
/// by far less than the matrix products' own rounding on AMX).
#[inline(always)]
fn lane_sum(xs: &[f32]) -> f32 {
    let mut acc = [0.0f32; SUM_LANES];
    let mut chunks = xs.chunks_exact(SUM_LANES);
    for chunk in &mut chunks {
        for (a, x) in acc.iter_mut().zip(chunk) {
            *a += x;
        }
    }
    let mut width = SUM_LANES;
    while width > 1 {
        width /= 2;
        for l in 0..width {
            acc[l] += acc[l + width];
        }
    }
    chunks.remainder().iter().fold(acc[0], |s, x| s + x)
}

impl LayerNorm {
    pub(crate) fn load(
        w: &ModelWeights,
        node: &Node,
        width: usize,
    ) -> Result<LayerNorm, AnalysisError> {
        Ok(LayerNorm {
            g: w.param(node, "G", &[Some(width)])?.data.clone(),
            b: w.param(node, "b", &[Some(width)])?.data.clone(),
        })
    }

    fn forward(&self, rows: &mut [f32], sq: &mut [f32]) {
        for row in rows.chunks_exact_mut(self.g.len()) {
            layer_norm_row(row, &self.g, &self.b, sq);
        }
    }
}

/// Normalises one row in place as thinc does, up to the order of the sums (see [`lane_sum`]); `sq` is scratch
/// of the row's length.
#[inline(always)]
fn layer_norm_row(row: &mut [f32], g: &[f32], beta: &[f32], sq: &mut [f32]) {
    let n = row.len() as f32;
    let mu = lane_sum(row) / n;
    for (s, &x) in sq.iter_mut().zip(row.iter()) {
        *s = (x - mu) * (x - mu);
    }
    let var = lane_sum(&sq[..row.len()]) / n + 1e-8;
    let scale = 1.0 / var.sqrt();
    for ((x, g), b) in row.iter_mut().zip(g).zip(beta) {
        *x = ((*x - mu) * scale) * g + b;
    }
}

multiversion! {
    /// The end of an encoder block for every row: the maximum over pieces of `pre + bias`, layer-normalised,
    /// added to the row of `x` (the residual connection). `y` and `sq` are scratch of one row's width.
    fn finish_block(
        pre: &[f32],
        bias: &[f32],
        n_pieces: usize,
        g: &[f32],
        beta: &[f32],
        x: &mut [f32],
        y: &mut [f32],
        sq: &mut [f32],
    ) {
        let width = g.len();
        for (pre_row, x_row) in pre.chunks_exact(width * n_pieces).zip(x.chunks_exact_mut(width)) {
            max_over_pieces::<true>(pre_row, bias, n_pieces, y);
            layer_norm_row(y, g, beta, sq);
            for (a, b) in x_row.iter_mut().zip(y.iter()) {
                *a += b;
            }
        }
    }
}

/// Rows of a hash table summed per id (`hash_feature`'s four keys).
const HASHES: usize = 4;

/// Working buffers of [`Tok2Vec::forward_concat_into`], kept per thread from one chunk to the next.
#[derive(Default)]
struct Scratch {
    unique: HashMap<TokenFeatures, usize, IdHash>,
    values: HashMap<u64, usize, IdHash>,
    slots: Vec<usize>,
    picks: Vec<usize>,
    partial_picks: Vec<usize>,
    sums: Vec<f32>,
    partials: Vec<f32>,
    pre: Vec<f32>,
    mixed: Vec<f32>,
    layout: Vec<u32>,
    seg: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Output rows the encoder computes at once (bounds its working memory on huge documents).
const SEGMENT_ROWS: usize = 4096;

/// A Tok2Vec model: token features in, `width` floats per token out.
#[derive(Debug)]
pub struct Tok2Vec {
    embeds: Vec<HashEmbed>,
    width: usize,
    mix: Maxout,
    mix_norm: LayerNorm,
    blocks: Vec<(Maxout, LayerNorm)>,
    window: usize,
}

fn attr_u64(node: &Node, name: &str) -> Option<u64> {
    node.attrs.get(name).and_then(|v| v.as_u64())
}

impl Tok2Vec {
    /// Builds the model from the layer nodes of a model file (the first `extract_features`, `hashembed`,
    /// `maxout`, `layernorm` and `expand_window` nodes in file order).
    pub fn from_weights(w: &ModelWeights) -> Result<Tok2Vec, AnalysisError> {
        let columns: Vec<FeatureAttr> = {
            let node = w.nodes_named("extract_features").next().ok_or_else(|| {
                w.unsupported("no extract_features layer (not a MultiHashEmbed tok2vec)")
            })?;
            let cols = node
                .attrs
                .get("columns")
                .and_then(|v| v.as_array())
                .ok_or_else(|| w.unsupported("extract_features without columns"))?;
            cols.iter()
                .map(|c| {
                    c.as_str()
                        .and_then(FeatureAttr::parse)
                        .ok_or_else(|| w.unsupported(format!("unsupported feature column {c}")))
                })
                .collect::<Result<_, _>>()?
        };
        let mut embeds = Vec::new();
        let mut width = 0;
        for node in w.nodes_named("hashembed") {
            let e = w.param(node, "E", &[None, None])?;
            let column = attr_u64(node, "column")
                .ok_or_else(|| w.unsupported("hashembed without column"))?;
            let seed =
                attr_u64(node, "seed").ok_or_else(|| w.unsupported("hashembed without seed"))?;
            let attr = *columns
                .get(column as usize)
                .ok_or_else(|| w.unsupported(format!("hashembed column {column} out of range")))?;
            if width != 0 && e.shape[1] != width {
                return Err(w.unsupported("hashembed tables differ in width"));
            }
            width = e.shape[1];
            embeds.push((attr, seed as u32, e.shape[0], &e.data));
        }
        if embeds.is_empty() || embeds.iter().any(|e| e.2 == 0) {
            return Err(w.unsupported("no usable hashembed tables"));
        }
        let maxouts: Vec<Maxout> = w
            .nodes_named("maxout")
            .map(|n| Maxout::load(w, n))
            .collect::<Result<_, _>>()?;
        let norms: Vec<&Node> = w.nodes_named("layernorm").collect();
        if maxouts.len() < 2 || maxouts.len() != norms.len() {
            return Err(w.unsupported("expected one maxout + layernorm per encoder block"));
        }
        let window = w
            .nodes_named("expand_window")
            .next()
            .and_then(|n| attr_u64(n, "window_size"))
            .unwrap_or(1) as usize;
        let mut maxouts = maxouts.into_iter();
        let mix = maxouts.next().ok_or_else(|| w.unsupported("no maxout"))?;
        if mix.n_in != width * embeds.len() || mix.n_out != width {
            return Err(w.unsupported("embedding maxout does not fit the hash tables"));
        }
        let embeds: Vec<HashEmbed> = embeds
            .into_iter()
            .enumerate()
            .map(|(j, (attr, seed, rows, table))| HashEmbed {
                attr,
                seed,
                rows,
                width,
                table: table.clone(),
                mix_block: mix.column_block(width, j * width),
            })
            .collect();
        let mix_norm = LayerNorm::load(w, norms[0], width)?;
        let mut blocks = Vec::new();
        for (m, norm) in maxouts.zip(&norms[1..]) {
            if m.n_in != width * (2 * window + 1) || m.n_out != width {
                return Err(w.unsupported("encoder maxout does not fit the window"));
            }
            let ln = LayerNorm::load(w, norm, width)?;
            blocks.push((m, ln));
        }
        Ok(Tok2Vec {
            embeds,
            width,
            mix,
            mix_norm,
            blocks,
            window,
        })
    }

    /// Runs the residual window blocks in place over `rows` rows of `padded`, which holds `window` zero rows,
    /// the rows, and `window` zero rows again (rows beyond the buffer count as zero). Each token's window
    /// `[previous, self, next]` is read in place by the matrix product, with overlapping rows; the zero rows
    /// stay zero. `pre` is scratch for the products (used on CPUs without AMX); `y` and `sq` are scratch of
    /// one row's width.
    fn encode(
        &self,
        padded: &mut [f32],
        rows: usize,
        pre: &mut Vec<f32>,
        y: &mut [f32],
        sq: &mut [f32],
    ) {
        let w = self.width;
        let border = self.window;
        for (maxout, norm) in &self.blocks {
            // Each block of the product is finished (maxout, norm, residual) while still in cache; the
            // rows it adds to are read by later blocks' windows only as they were before this layer.
            matmul_weights_blocks(padded, rows, w, &maxout.w, pre, |row, block, padded| {
                let start = (border + row) * w;
                let n_rows = block.len() / (maxout.n_out * maxout.n_pieces);
                finish_block(
                    block,
                    &maxout.b,
                    maxout.n_pieces,
                    &norm.g,
                    &norm.b,
                    &mut padded[start..start + n_rows * w],
                    y,
                    sq,
                );
            });
        }
    }

    /// Output width per token.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Token vectors (`n x width`, row-major) for one document's tokens.
    pub fn forward(&self, feats: &[TokenFeatures]) -> Vec<f32> {
        self.forward_concat(&[feats])
    }

    /// Token vectors for several documents at once, all in one buffer, in order (`n_d x width` rows per
    /// document). The documents are laid out as thinc does, each preceded by `depth * window` zero rows and
    /// the last followed by as many, so that large matrix products serve all of them; the padding is wide
    /// enough that documents cannot see each other.
    pub fn forward_concat(&self, docs: &[&[TokenFeatures]]) -> Vec<f32> {
        let mut out = Vec::new();
        self.forward_concat_into(docs, &mut out);
        out
    }

    /// [`Tok2Vec::forward_concat`] into `out` (replacing its contents), reusing its allocation.
    pub fn forward_concat_into(&self, docs: &[&[TokenFeatures]], out: &mut Vec<f32>) {
        SCRATCH.with_borrow_mut(|s| self.forward_segmented(docs, SEGMENT_ROWS, s, out));
    }

    fn forward_segmented(
        &self,
        docs: &[&[TokenFeatures]],
        segment_rows: usize,
        s: &mut Scratch,
        out: &mut Vec<f32>,
    ) {
        let w = self.width;
        let total: usize = docs.iter().map(|d| d.len()).sum();
        if total == 0 {
            out.clear();
            return;
        }
        // Embed and mix: the bias plus each table's share (below), then maxout and layer norm. The result
        // depends only on the token's features, so each distinct feature row is computed once.
        let mut distinct: Vec<&TokenFeatures> = Vec::new();
        s.unique.clear();
        s.slots.clear();
        for f in docs.iter().flat_map(|d| d.iter()) {
            let slot = *s.unique.entry(*f).or_insert_with(|| {
                distinct.push(f);
                distinct.len() - 1
            });
            s.slots.push(slot);
        }
        if s.unique.capacity() > SEGMENT_ROWS * 4 {
            s.unique = HashMap::default();
        }
        // Each table's share of a row, `(Σ four hashed rows) · W_jᵀ`, depends on one attribute only, and
        // attributes repeat far more than whole rows (a few hundred shapes and prefixes), so each distinct
        // value's share is computed once: its rows summed (the tables are megabytes, read at random),
        // then all of a table's sums projected in one matrix product.
        let pre_width = self.mix.n_out * self.mix.n_pieces;
        let n_tables = self.embeds.len();
        s.picks.clear();
        s.picks.resize(distinct.len() * n_tables, 0);
        let mut used = 0;
        for (t, e) in self.embeds.iter().enumerate() {
            s.values.clear();
            s.partial_picks.clear();
            let first = used / pre_width.max(1);
            for (r, f) in distinct.iter().enumerate() {
                let value = f.get(e.attr);
                let next = s.partial_picks.len() / HASHES;
                let share = *s.values.entry(value).or_insert_with(|| {
                    for key in hash_feature(value, e.seed) {
                        s.partial_picks.push((key as usize % e.rows) * e.width);
                    }
                    next
                });
                s.picks[r * n_tables + t] = (first + share) * pre_width;
            }
            let n_values = s.partial_picks.len() / HASHES;
            let zero = vec![0.0f32; e.width];
            let sums = grown(&mut s.sums, n_values * e.width);
            sum_rows(sums, &zero, &e.table, &s.partial_picks);
            used = (first + n_values) * pre_width;
            let partials = grown(&mut s.partials, used);
            matmul_weights(
                sums,
                n_values,
                e.width,
                &e.mix_block,
                &mut partials[first * pre_width..],
            );
        }
        if s.values.capacity() > SEGMENT_ROWS * 4 {
            s.values = HashMap::default();
        }
        let pre = grown(&mut s.pre, distinct.len() * pre_width);
        sum_rows(pre, &self.mix.b, &s.partials[..used], &s.picks);
        recycle(&mut s.picks);
        recycle(&mut s.partial_picks);
        recycle(&mut s.partials);
        recycle(&mut s.sums);
        let mut sq = vec![0.0f32; w];
        let mut y = vec![0.0f32; w];
        let mixed = grown(&mut s.mixed, distinct.len() * w);
        max_pieces_rows(
            &s.pre[..distinct.len() * pre_width],
            self.mix.n_pieces,
            mixed,
            w,
        );
        recycle(&mut s.pre);
        self.mix_norm.forward(mixed, &mut sq);
        // Lay the documents out: each preceded by `pad` zero rows, the last followed by as many; each
        // segment sits between `border` zero rows more that the in-place windows read.
        let pad = self.blocks.len() * self.window;
        let border = self.window;
        let rows = total + pad * (docs.len() + 1);
        // Layout row -> 1 + its distinct feature row (0: a zero row); the vectors are copied in per segment,
        // so a huge document never holds a second full copy of them.
        let layout = &mut s.layout;
        layout.clear();
        layout.resize(rows, 0);
        let mut starts = Vec::with_capacity(docs.len());
        let mut at = pad;
        let mut slot = s.slots.iter().copied();
        for d in docs {
            starts.push(at);
            for row in &mut layout[at..at + d.len()] {
                *row = slot.next().map_or(0, |u| u as u32 + 1);
            }
            at += d.len() + pad;
        }
        out.resize(total * w, 0.0);
        let (pre, seg) = (&mut s.pre, &mut s.seg);
        let segment_rows = segment_rows.max(1);
        // A huge layout runs over segments of at most `segment_rows` output rows, each with `pad` rows of
        // context on both sides, so memory stays bounded. A row's output depends only on the rows within
        // `pad` of it, and rows beyond the layout are zero as in the unsegmented computation, so the
        // segmented result is the same.
        let mut begin = 0;
        while begin < rows {
            let end = (begin + segment_rows).min(rows);
            let lo = begin.saturating_sub(pad);
            let hi = (end + pad).min(rows);
            // Every row is written (the buffer keeps the last chunk's values): zero borders and padding.
            seg.resize((hi - lo + 2 * border) * w, 0.0);
            seg[..border * w].fill(0.0);
            seg[(border + hi - lo) * w..].fill(0.0);
            for (row, &u) in seg[border * w..].chunks_exact_mut(w).zip(&layout[lo..hi]) {
                if u > 0 {
                    let u = u as usize - 1;
                    row.copy_from_slice(&mixed[u * w..(u + 1) * w]);
                } else {
                    row.fill(0.0);
                }
            }
            self.encode(seg, hi - lo, pre, &mut y, &mut sq);
            let from = (border + begin - lo) * w;
            copy_documents(&seg[from..], begin..end, docs, &starts, w, out);
            begin = end;
        }
        recycle(&mut s.slots);
        recycle(&mut s.mixed);
        recycle(&mut s.layout);
        recycle(&mut s.pre);
        recycle(&mut s.seg);
    }
}

/// Copies the encoded rows of `layout` (the layout rows in `range`, `layout` starting at the first of them)
/// that belong to documents into their place in `out` (documents' rows in order, no padding).
fn copy_documents(
    layout: &[f32],
    range: std::ops::Range<usize>,
    docs: &[&[TokenFeatures]],
    starts: &[usize],
    w: usize,
    out: &mut [f32],
) {
    let mut at = 0;
    for (d, &start) in docs.iter().zip(starts) {
        let lo = start.max(range.start);
        let hi = (start + d.len()).min(range.end);
        if lo < hi {
            let dst = (at + lo - start) * w;
            let src = (lo - range.start) * w;
            out[dst..dst + (hi - lo) * w].copy_from_slice(&layout[src..src + (hi - lo) * w]);
        }
        at += d.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmented_encoding_equals_one_pass() {
        let files = crate::analysis::ModelFiles::embedded();
        let w = ModelWeights::from_msgpack("tok2vec/model", &files.tok2vec).unwrap();
        let t2v = Tok2Vec::from_weights(&w).unwrap();
        let words = [
            "The", "court", "said", "on", "Monday", "that", "2,300", "people", "\n", ".",
        ];
        let doc: Vec<TokenFeatures> = (0..700)
            .map(|i| {
                let word = words[(i * 7 + i / 3) % words.len()];
                TokenFeatures::new(word, &word.to_lowercase(), i % 4 != 0)
            })
            .collect();
        let short: Vec<TokenFeatures> = doc[..5].to_vec();
        let (mut whole, mut pieces) = (Vec::new(), Vec::new());
        let mut scratch = Scratch::default();
        t2v.forward_segmented(&[&doc, &short], 1_000_000, &mut scratch, &mut whole);
        t2v.forward_segmented(&[&doc, &short], 97, &mut scratch, &mut pieces);
        assert_eq!(whole.len(), 705 * t2v.width());
        assert_eq!(whole.len(), pieces.len());
        let max_diff = |a: &[f32], b: &[f32]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0f32, f32::max)
        };
        let worst = max_diff(&whole, &pieces);
        assert!(worst < 1e-5, "segments differ by {worst}");
        // A document alone gives the same vectors as within a batch.
        let alone = t2v.forward(&short);
        let worst = max_diff(&alone, &whole[700 * t2v.width()..]);
        assert!(worst < 1e-5, "batching changes vectors by {worst}");
    }

    #[test]
    fn lane_sum_adds_every_element() {
        // Exact values, so any order gives the same sum; lengths with and without a tail.
        for len in [0usize, 1, 15, 16, 17, 96, 100] {
            let xs: Vec<f32> = (0..len).map(|i| i as f32).collect();
            assert_eq!(
                lane_sum(&xs),
                (len * len.saturating_sub(1) / 2) as f32,
                "length {len}"
            );
        }
    }
}
