//! # kg: a knowledge-graph builder
//!
//! Text in; a clean, queryable graph out. The modules follow the pipeline, top to bottom; each reads only
//! from the ones above it:
//!
//! - [`ingest`]: documents from files, folders, JSON Lines and stdin.
//! - [`analysis`]: tokens, tags, parse and entities (spaCy's `en_core_web_sm` pipeline, natively).
//! - [`ontology`]: the vocabulary, its lexical forms and rules, read from Turtle.
//! - [`extract`]: clause-based Open IE over the parse: open triples with provenance.
//! - [`resolve`]: entity resolution and mapping of relations to ontology properties.
//! - [`pipeline`]: analysis, extraction and resolution of one document, in one call.
//! - [`store`]: the persistent RDF store: one named graph per document, provenance on every triple,
//!   inference.
//! - [`graph`]: the petgraph projection for paths and centrality.
//! - [`export`]: RDF, CSV, GraphML, Neo4j and GraphViz exports.
//! - [`server`]: the SPARQL HTTP endpoint and the browser explorer.
//! - [`push`]: sending the store to external SPARQL 1.1 stores.

pub mod analysis;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod ontology;
pub mod pipeline;
pub mod push;
pub mod resolve;
pub mod server;
pub mod store;

pub use error::{Error, Result};
