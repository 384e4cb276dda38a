//! spaCy's Tok2Vec.v2 with MultiHashEmbed.v2 and MaxoutWindowEncoder.v2: hashed embeddings of lexical
//! attributes, mixed by a maxout + layer norm, then residual blocks of window-3 maxout + layer norm.

use super::AnalysisError;
use super::gemm::{add_bias, matmul_bt};
use super::hash::hash_feature;
use super::lexeme::{FeatureAttr, TokenFeatures};
use super::weights::{ModelWeights, Node};

/// thinc's `HashEmbed`: each id is hashed four ways into the table and the four rows summed.
#[derive(Debug)]
struct HashEmbed {
    attr: FeatureAttr,
    seed: u32,
    rows: usize,
    table: Vec<f32>,
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
        scratch.clear();
        scratch.resize(n * width, 0.0);
        matmul_bt(x, n, self.n_in, &self.w, width, scratch);
        add_bias(scratch, &self.b);
        out.clear();
        out.reserve(n * self.n_out);
        for pieces in scratch.chunks_exact(self.n_pieces) {
            let mut best = pieces[0];
            for &p in &pieces[1..] {
                if p > best {
                    best = p;
                }
            }
            out.push(best);
        }
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
    pub(crate) fn load(w: &ModelWeights, node: &Node, width: usize) -> Result<LayerNorm, AnalysisError> {
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
            let node = w
                .nodes_named("extract_features")
                .next()
                .ok_or_else(|| w.unsupported("no extract_features layer (not a MultiHashEmbed tok2vec)"))?;
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
            let column = attr_u64(node, "column").ok_or_else(|| w.unsupported("hashembed without column"))?;
            let seed = attr_u64(node, "seed").ok_or_else(|| w.unsupported("hashembed without seed"))?;
            let attr = *columns
                .get(column as usize)
                .ok_or_else(|| w.unsupported(format!("hashembed column {column} out of range")))?;
            if width != 0 && e.shape[1] != width {
                return Err(w.unsupported("hashembed tables differ in width"));
            }
            width = e.shape[1];
            embeds.push(HashEmbed {
                attr,
                seed: seed as u32,
                rows: e.shape[0],
                table: e.data.clone(),
            });
        }
        if embeds.is_empty() || embeds.iter().any(|e| e.rows == 0) {
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

    /// Output width per token.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Token vectors (`n x width`, row-major) for one document's tokens.
    pub fn forward(&self, feats: &[TokenFeatures]) -> Vec<f32> {
        let n = feats.len();
        let w = self.width;
        if n == 0 {
            return Vec::new();
        }
        // Embed: concatenate each table's sum of four hashed rows.
        let cat_width = w * self.embeds.len();
        let mut cat = vec![0.0f32; n * cat_width];
        for (t, f) in feats.iter().enumerate() {
            for (j, e) in self.embeds.iter().enumerate() {
                let out = &mut cat[t * cat_width + j * w..t * cat_width + (j + 1) * w];
                for key in hash_feature(f.get(e.attr), e.seed) {
                    let row = (key as usize % e.rows) * w;
                    for (o, v) in out.iter_mut().zip(&e.table[row..row + w]) {
                        *o += v;
                    }
                }
            }
        }
        let mut scratch = Vec::new();
        let mut sq = Vec::new();
        let mut mixed = Vec::new();
        self.mix.forward(&cat, n, &mut scratch, &mut mixed);
        self.mix_norm.forward(&mut mixed, &mut sq);
        // Encode: thinc pads the sequence with `depth * window` zero rows on each side, and the padding
        // rows pass through the blocks too, so the first and last tokens see them change.
        let pad = self.blocks.len() * self.window;
        let rows = n + 2 * pad;
        let mut x = vec![0.0f32; rows * w];
        x[pad * w..(pad + n) * w].copy_from_slice(&mixed);
        let span = 2 * self.window + 1;
        let mut windows = vec![0.0f32; rows * w * span];
        let mut y = Vec::new();
        for (maxout, norm) in &self.blocks {
            windows.fill(0.0);
            for r in 0..rows {
                for k in 0..span {
                    let src = r as isize + k as isize - self.window as isize;
                    if src >= 0 && (src as usize) < rows {
                        let src = src as usize;
                        let dst = r * w * span + k * w;
                        windows[dst..dst + w].copy_from_slice(&x[src * w..(src + 1) * w]);
                    }
                }
            }
            maxout.forward(&windows, rows, &mut scratch, &mut y);
            norm.forward(&mut y, &mut sq);
            for (a, b) in x.iter_mut().zip(&y) {
                *a += b;
            }
        }
        x[pad * w..(pad + n) * w].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_sum_matches_plain_sum_on_exact_values() {
        let xs: Vec<f32> = (0..96).map(|i| i as f32).collect();
        assert_eq!(numpy_sum(&xs), 4560.0);
        assert_eq!(numpy_sum(&[]), 0.0);
        assert_eq!(numpy_sum(&[2.5]), 2.5);
    }
}
