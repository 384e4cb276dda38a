//! Input documents: files, folders, JSON Lines, stdin, one document per line.

/// Why input could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// An I/O error on a named input.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The input.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}
