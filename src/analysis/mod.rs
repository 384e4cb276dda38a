//! Analysis of English text: tokens, tags, lemmas, dependency parse and named entities, computing the same
//! function as spaCy's `en_core_web_sm` 3.8 pipeline from its own weights.

mod attribute_ruler;
mod doc;
mod lemmatizer;
mod matcher;
pub mod output;
mod tokenizer;
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

pub use attribute_ruler::AttributeRuler;
pub use doc::{Doc, DocJsonError, EntIob, Sentence, Span, Token};
pub use gemm::{MatrixUnits, matrix_units};
pub use lemmatizer::Lemmatizer;
pub use model_files::ModelFiles;
pub use pipeline::{AnalysisInput, Analyzer, Control};
pub use tagger::Tagger;
pub use tok2vec::Tok2Vec;
pub use tokenizer::Tokenizer;

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
    // --- analysis-text: tokenizer, attribute ruler, lemmatizer ---
    /// The `tokenizer` file cannot be read or one of its patterns cannot be translated.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The `attribute_ruler/patterns` file cannot be read or uses unsupported pattern syntax.
    #[error("attribute ruler: {0}")]
    AttributeRuler(String),
    /// The lemmatizer's `lookups.bin` cannot be read.
    #[error("lemmatizer: {0}")]
    Lemmatizer(String),
    // --- end analysis-text ---
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
