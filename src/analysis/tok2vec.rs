//! spaCy's Tok2Vec.v2 with MultiHashEmbed.v2 and MaxoutWindowEncoder.v2: hashed embeddings of lexical
//! attributes, mixed by a maxout + layer norm, then residual blocks of window-3 maxout + layer norm.

use super::AnalysisError;
use super::gemm::{add_bias, matmul_bt};
use super::hash::hash_feature;
use super::lexeme::{FeatureAttr, TokenFeatures};
use super::weights::{ModelWeights, Node};
use std::collections::HashMap;

/// thinc's `HashEmbed`: each id is hashed four ways into the table and the four rows summed. The rows are
/// stored already multiplied by this table's slice of the mixing maxout's weights (`E_j · W_jᵀ`), since the
/// maxout is linear before its max: a token's pre-activation is then the bias plus 4 x (tables) cached rows.
#[derive(Debug)]
struct HashEmbed {
    attr: FeatureAttr,
    seed: u32,
    rows: usize,
    projected: Vec<f32>,
}

/// thinc's `Maxout`: `nO` outputs, each the maximum of `nP` affine pieces.
#[derive(Debug)]
pub(crate) struct Maxout {
    pub(crate) n_out: usize,
    pub(crate) n_pieces: usize,
    pub(crate) n_in: usize,
    /// (nO * nP) x nI, row-major.
    w: Vec<f32>,
    /// nO * nP.
    b: Vec<f32>,
}

impl Maxout {
    /// `table (rows x width) · W[:, offset..offset + width]ᵀ`: the pre-activations one block of the input
    /// contributes.
    fn project_block(&self, table: &[f32], rows: usize, width: usize, offset: usize) -> Vec<f32> {
        let out_width = self.n_out * self.n_pieces;
        let mut block_w = Vec::with_capacity(out_width * width);
        for row in self.w.chunks_exact(self.n_in) {
            block_w.extend_from_slice(&row[offset..offset + width]);
        }
        let mut out = vec![0.0f32; rows * out_width];
        matmul_bt(table, rows, width, &block_w, out_width, &mut out);
        out
    }

    /// Maxout over pieces of pre-activations already including the bias.
    fn max_pieces(&self, pre: &[f32], out: &mut Vec<f32>) {
        out.clear();
        out.reserve(pre.len() / self.n_pieces);
        for pieces in pre.chunks_exact(self.n_pieces) {
            let mut best = pieces[0];
            for &p in &pieces[1..] {
                if p > best {
                    best = p;
                }
            }
            out.push(best);
        }
    }

    pub(crate) fn load(w: &ModelWeights, node: &Node) -> Result<Maxout, AnalysisError> {
        let wt = w.param(node, "W", &[None, None, None])?;
        let (n_out, n_pieces, n_in) = (wt.shape[0], wt.shape[1], wt.shape[2]);
        let b = w.param(node, "b", &[Some(n_out), Some(n_pieces)])?;
        Ok(Maxout {
            n_out,
            n_pieces,
            n_in,
            w: wt.data.clone(),
            b: b.data.clone(),
        })
    }

    /// Applies the layer to `n` rows of `x`, writing `n x nO` into `out`; `scratch` is reused.
    fn forward(&self, x: &[f32], n: usize, scratch: &mut Vec<f32>, out: &mut Vec<f32>) {
        let width = self.n_out * self.n_pieces;
        // The product overwrites every element (beta = 0), so stale contents need no clearing.
        scratch.resize(n * width, 0.0);
        scratch.truncate(n * width);
        matmul_bt(x, n, self.n_in, &self.w, width, scratch);
        add_bias(scratch, &self.b);
        self.max_pieces(scratch, out);
    }
}

/// thinc's `LayerNorm`: normalise each row to zero mean and unit variance, then scale and shift.
#[derive(Debug)]
pub(crate) struct LayerNorm {
    g: Vec<f32>,
    b: Vec<f32>,
}

/// numpy's float32 sum along a contiguous axis: the first element, plus the pairwise sum of the rest
/// (eight accumulators for blocks up to 128 elements).
fn numpy_sum(xs: &[f32]) -> f32 {
    fn pairwise(a: &[f32]) -> f32 {
        let n = a.len();
        if n < 8 {
            let mut res = 0.0f32;
            for &x in a {
                res += x;
            }
            res
        } else if n <= 128 {
            let mut r = [0.0f32; 8];
            r.copy_from_slice(&a[..8]);
            let full = n - n % 8;
            let mut i = 8;
            while i < full {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for &x in &a[full..] {
                res += x;
            }
            res
        } else {
            let half = (n / 2) - (n / 2) % 8;
            pairwise(&a[..half]) + pairwise(&a[half..])
        }
    }
    match xs.split_first() {
        None => 0.0,
        Some((first, rest)) => *first + pairwise(rest),
    }
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

    fn forward(&self, rows: &mut [f32], sq: &mut Vec<f32>) {
        let width = self.g.len();
        let n = width as f32;
        for row in rows.chunks_exact_mut(width) {
            let mu = numpy_sum(row) / n;
            sq.clear();
            sq.extend(row.iter().map(|&x| (x - mu) * (x - mu)));
            let var = numpy_sum(sq) / n + 1e-8;
            let scale = var.powf(-0.5);
            for ((x, g), b) in row.iter_mut().zip(&self.g).zip(&self.b) {
                *x = ((*x - mu) * scale) * g + b;
            }
        }
    }
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
                projected: mix.project_block(table, rows, width, j * width),
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

    /// Runs the residual window blocks over `rows` rows of `x` in place; rows beyond `x` count as zero.
    fn encode(
        &self,
        x: &mut [f32],
        rows: usize,
        windows: &mut Vec<f32>,
        scratch: &mut Vec<f32>,
        y: &mut Vec<f32>,
        sq: &mut Vec<f32>,
    ) {
        let w = self.width;
        let span = 2 * self.window + 1;
        // Every element is written below (copied or zeroed), so stale contents need no clearing.
        windows.resize(rows * w * span, 0.0);
        windows.truncate(rows * w * span);
        for (maxout, norm) in &self.blocks {
            for r in 0..rows {
                for k in 0..span {
                    let dst = r * w * span + k * w;
                    let src = r as isize + k as isize - self.window as isize;
                    if src >= 0 && (src as usize) < rows {
                        let src = src as usize;
                        windows[dst..dst + w].copy_from_slice(&x[src * w..(src + 1) * w]);
                    } else {
                        windows[dst..dst + w].fill(0.0);
                    }
                }
            }
            maxout.forward(windows, rows, scratch, y);
            norm.forward(y, sq);
            for (a, b) in x.iter_mut().zip(y.iter()) {
                *a += b;
            }
        }
    }

    /// Output width per token.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Token vectors (`n x width`, row-major) for one document's tokens.
    pub fn forward(&self, feats: &[TokenFeatures]) -> Vec<f32> {
        self.forward_batch(&[feats]).pop().unwrap_or_default()
    }

    /// Token vectors for several documents at once (one `n_d x width` block per document). The documents
    /// are laid out as thinc does, each preceded by `depth * window` zero rows and the last followed by as
    /// many, so that large matrix products serve all of them; the padding is wide enough that documents
    /// cannot see each other.
    pub fn forward_batch(&self, docs: &[&[TokenFeatures]]) -> Vec<Vec<f32>> {
        let all = self.forward_concat(docs);
        let w = self.width;
        let mut at = 0;
        docs.iter()
            .map(|d| {
                let v = all[at * w..(at + d.len()) * w].to_vec();
                at += d.len();
                v
            })
            .collect()
    }

    /// Like [`Tok2Vec::forward_batch`], with all documents' token vectors in one buffer, in order.
    pub fn forward_concat(&self, docs: &[&[TokenFeatures]]) -> Vec<f32> {
        self.forward_segmented(docs, SEGMENT_ROWS)
    }

    fn forward_segmented(&self, docs: &[&[TokenFeatures]], segment_rows: usize) -> Vec<f32> {
        let w = self.width;
        let total: usize = docs.iter().map(|d| d.len()).sum();
        if total == 0 {
            return Vec::new();
        }
        // Embed and mix: bias plus the cached projections of the hashed rows, then maxout and layer norm.
        // The result depends only on the token's features, so each distinct feature row is computed once.
        let mut unique: HashMap<TokenFeatures, usize> = HashMap::new();
        let mut distinct: Vec<&TokenFeatures> = Vec::new();
        let slots: Vec<usize> = docs
            .iter()
            .flat_map(|d| d.iter())
            .map(|f| {
                *unique.entry(*f).or_insert_with(|| {
                    distinct.push(f);
                    distinct.len() - 1
                })
            })
            .collect();
        let pre_width = self.mix.n_out * self.mix.n_pieces;
        let mut pre = vec![0.0f32; distinct.len() * pre_width];
        for (row, f) in pre.chunks_exact_mut(pre_width).zip(&distinct) {
            row.copy_from_slice(&self.mix.b);
            for e in &self.embeds {
                for key in hash_feature(f.get(e.attr), e.seed) {
                    let r = (key as usize % e.rows) * pre_width;
                    for (o, v) in row.iter_mut().zip(&e.projected[r..r + pre_width]) {
                        *o += v;
                    }
                }
            }
        }
        let mut mixed = Vec::new();
        let mut sq = Vec::new();
        self.mix.max_pieces(&pre, &mut mixed);
        drop(pre);
        self.mix_norm.forward(&mut mixed, &mut sq);
        // Encode over the padded layout.
        let pad = self.blocks.len() * self.window;
        let rows = total + pad * (docs.len() + 1);
        let mut x = vec![0.0f32; rows * w];
        let mut starts = Vec::with_capacity(docs.len());
        let mut at = pad;
        let mut slot = slots.iter();
        for d in docs {
            starts.push(at);
            for row in x[at * w..(at + d.len()) * w].chunks_exact_mut(w) {
                let u = slot.next().copied().unwrap_or(0);
                row.copy_from_slice(&mixed[u * w..(u + 1) * w]);
            }
            at += d.len() + pad;
        }
        drop(mixed);
        // The encoder runs over segments of at most SEGMENT_ROWS output rows, each with `pad` rows of
        // context on both sides, so memory stays bounded on a huge document. A row's output depends only
        // on the rows within `pad` of it, and rows beyond the layout are zero as in the unsegmented
        // computation, so the segmented result is the same.
        let mut encoded = vec![0.0f32; rows * w];
        let mut seg = Vec::new();
        let mut windows = Vec::new();
        let mut scratch = Vec::new();
        let mut y = Vec::new();
        let mut begin = 0;
        while begin < rows {
            let end = (begin + segment_rows.max(1)).min(rows);
            let lo = begin.saturating_sub(pad);
            let hi = (end + pad).min(rows);
            seg.clear();
            seg.extend_from_slice(&x[lo * w..hi * w]);
            self.encode(
                &mut seg,
                hi - lo,
                &mut windows,
                &mut scratch,
                &mut y,
                &mut sq,
            );
            encoded[begin * w..end * w].copy_from_slice(&seg[(begin - lo) * w..(end - lo) * w]);
            begin = end;
        }
        let x = encoded;
        let mut out = Vec::with_capacity(total * w);
        for (d, s) in docs.iter().zip(starts) {
            out.extend_from_slice(&x[s * w..(s + d.len()) * w]);
        }
        out
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
        let whole = t2v.forward_segmented(&[&doc, &short], 1_000_000);
        let pieces = t2v.forward_segmented(&[&doc, &short], 97);
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
    fn numpy_sum_matches_plain_sum_on_exact_values() {
        let xs: Vec<f32> = (0..96).map(|i| i as f32).collect();
        assert_eq!(numpy_sum(&xs), 4560.0);
        assert_eq!(numpy_sum(&[]), 0.0);
        assert_eq!(numpy_sum(&[2.5]), 2.5);
    }
}
