//! Analysis of English text: tokens, tags, lemmas, dependency parse and named entities, computing the same
//! function as spaCy's `en_core_web_sm` 3.8 pipeline from its own weights.

mod doc;

pub use doc::{Doc, DocJsonError, EntIob, Sentence, Span, Token};

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
}
