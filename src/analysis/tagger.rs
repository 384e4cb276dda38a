//! spaCy's Tagger.v2: a softmax layer over the shared token vectors; the tag is the highest-scoring label.

use super::AnalysisError;
use super::gemm::{Weights, add_bias, argmax, matmul_weights};
use super::weights::ModelWeights;

/// The part-of-speech tagger.
#[derive(Debug)]
pub struct Tagger {
    labels: Vec<String>,
    n_in: usize,
    w: Weights,
    b: Vec<f32>,
}

impl Tagger {
    /// Reads `tagger/model` and the label list of `tagger/cfg` (JSON with a `labels` array).
    pub fn new(w: &ModelWeights, cfg: &[u8], n_in: usize) -> Result<Tagger, AnalysisError> {
        let cfg: serde_json::Value =
            serde_json::from_slice(cfg).map_err(|e| AnalysisError::BadModelData {
                file: "tagger/cfg".to_string(),
                reason: e.to_string(),
            })?;
        let labels: Vec<String> = cfg
            .get("labels")
            .and_then(|l| l.as_array())
            .ok_or_else(|| AnalysisError::BadModelData {
                file: "tagger/cfg".to_string(),
                reason: "no labels list".to_string(),
            })?
            .iter()
            .map(|l| l.as_str().unwrap_or_default().to_string())
            .collect();
        let node = w
            .nodes_named("softmax")
            .next()
            .ok_or_else(|| w.unsupported("no softmax output layer"))?;
        let wt = w.param(node, "W", &[Some(labels.len()), Some(n_in)])?;
        let b = w.param(node, "b", &[Some(labels.len())])?;
        let w = Weights::new(wt.data.clone(), labels.len(), n_in);
        Ok(Tagger {
            labels,
            n_in,
            w,
            b: b.data.clone(),
        })
    }

    /// The tag of each of the `n` tokens whose vectors are `tokvecs`.
    pub fn predict(&self, tokvecs: &[f32], n: usize) -> Vec<&str> {
        let k = self.labels.len();
        let mut scores = vec![0.0f32; n * k];
        matmul_weights(tokvecs, n, self.n_in, &self.w, &mut scores);
        add_bias(&mut scores, &self.b);
        scores
            .chunks_exact(k.max(1))
            .map(|row| self.labels.get(argmax(row)).map_or("", String::as_str))
            .collect()
    }
}
