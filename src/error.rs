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
