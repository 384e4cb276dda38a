//! Analysis of English text: tokens, tags, lemmas, dependency parse and named entities, computing the same
//! function as spaCy's `en_core_web_sm` 3.8 pipeline from its own weights.

mod doc;
// Statistical core (analysis-neural).
mod gemm;
pub mod hash;
pub mod lexeme;
mod model_files;
pub mod parser;
mod pipeline;
mod symbols;
mod tagger;
mod tok2vec;
pub mod weights;

pub use doc::{Doc, DocJsonError, EntIob, Sentence, Span, Token};
pub use model_files::ModelFiles;
pub use pipeline::Analyzer;
pub use tagger::Tagger;
pub use tok2vec::Tok2Vec;

/// Why a model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// A file of the model directory is missing or unreadable.
    #[error("cannot read model file {path}: {source}")]
    ModelFile {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The model uses something this implementation does not support.
    #[error("unsupported model: {0}")]
    Unsupported(String),
    // --- analysis-neural: model data errors ---
    /// A model file is present but its content is not what it should be.
    #[error("bad model data in {file}: {reason}")]
    BadModelData {
        /// The file, relative to the model directory.
        file: String,
        /// What is wrong.
        reason: String,
    },
}
