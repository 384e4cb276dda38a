//! The HTTP server: SPARQL 1.1 Protocol, Graph Store reads, ingestion and the explorer page.
