//! The pipeline from input documents to document graphs: analysis -> extraction -> resolution. Used by
//! `kg build` and by the server's ingestion; the store comes after it.

use crate::ingest::Document;
use crate::resolve::DocumentGraph;
use std::path::Path;

/// Why a document could not go through the pipeline.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A stage is not part of this build yet.
    #[error("the {0} stage is not available in this build")]
    Unavailable(&'static str),
}

/// Analysis, extraction and resolution, loaded once and shared by worker threads.
#[derive(Debug)]
pub struct Pipeline {
    _private: (),
}

impl Pipeline {
    /// Loads the stages (the analysis model from `model`, or the embedded one).
    pub fn new(_model: Option<&Path>) -> Result<Self, PipelineError> {
        Ok(Self { _private: () })
    }

    /// One document's graph.
    pub fn process(&self, _doc: &Document) -> Result<DocumentGraph, PipelineError> {
        Err(PipelineError::Unavailable("analysis"))
    }

    /// The ontology as Turtle, for the store's ontology graph.
    pub fn ontology_turtle(&self) -> String {
        String::new()
    }
}
