//! Entity resolution and relation canonicalisation: from open triples to a document graph of entities and
//! ontology properties.

mod graph;

pub use graph::{DocumentGraph, Entity, Fact, Node, Predicate, SentenceText};
