//! The crate error: one variant per module's error type.

/// Any error from the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading input documents failed.
    #[error(transparent)]
    Ingest(#[from] crate::ingest::IngestError),
    /// Loading or running the analysis model failed.
    #[error(transparent)]
    Analysis(#[from] crate::analysis::AnalysisError),
    /// Loading the ontology failed.
    #[error(transparent)]
    Ontology(#[from] crate::ontology::OntologyError),
    /// A document could not go through the pipeline.
    #[error(transparent)]
    Pipeline(#[from] crate::pipeline::PipelineError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The graph projection failed (unknown entity, store error).
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    /// An export failed.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// The HTTP server failed.
    #[error(transparent)]
    Server(#[from] crate::server::ServerError),
    /// Pushing to an external store failed.
    #[error(transparent)]
    Push(#[from] crate::push::PushError),
    /// An I/O error outside a module's own handling.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
