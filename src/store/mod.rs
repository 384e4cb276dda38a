//! The persistent store: oxigraph with one named graph per document and provenance on every triple.
