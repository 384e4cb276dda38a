//! The ontology: classes, properties, lexical forms and rules, read from `ontology/kg.ttl` (embedded) plus any
//! Turtle files a user adds with `--ontology FILE`.
//!
//! [`Ontology`] is the vocabulary as Rust data; [`Ontology::infer`] applies its rules (property chains,
//! inverses, symmetric, transitive and sub-properties) to a fixpoint, returning each inferred triple with the
//! rule and premises it came from.
//!
//! ```
//! let onto = kg::ontology::Ontology::builtin().unwrap();
//! let controls = onto.iri("controls");
//! assert_eq!(onto.property(&controls).unwrap().label, "controls");
//! ```

mod model;
mod rules;

pub use model::{ChainStep, Class, GazetteerEntry, Ontology, Place, Property, local_name};
pub use rules::{Inferred, InferredRdf, IriTriple, Rule};

/// The namespace of the kg ontology (prefix `kg:`).
pub const NAMESPACE: &str = "https://kg.example.org/ontology#";

/// The namespace the built-in gazetteer gives its entities (prefix `kge:`); entity keys are the local names.
pub const ENTITY_NAMESPACE: &str = "https://kg.example.org/entity/";

/// The built-in ontology, in Turtle.
pub const BUILTIN_TURTLE: &str = include_str!("../../ontology/kg.ttl");

/// The built-in gazetteer (countries, demonyms, capitals), in Turtle.
pub const BUILTIN_GAZETTEER: &str = include_str!("../../ontology/gazetteer.ttl");

/// The built-in places (cities and regions with their countries, from GeoNames; `scripts/make_places.py`), in
/// Turtle.
pub const BUILTIN_PLACES: &str = include_str!("../../ontology/places.ttl");

/// The built-in Turtle texts with their names, in the order they are read.
pub const BUILTIN_SOURCES: [(&str, &str); 3] = [
    ("ontology/kg.ttl", BUILTIN_TURTLE),
    ("ontology/gazetteer.ttl", BUILTIN_GAZETTEER),
    ("ontology/places.ttl", BUILTIN_PLACES),
];

/// Why an ontology could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OntologyError {
    /// An ontology file could not be read.
    #[error("cannot read ontology file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid Turtle.
    #[error("{source_name}:{line}:{column}: invalid Turtle: {message}")]
    Syntax {
        /// The file (or `builtin`).
        source_name: String,
        /// 1-based line of the error.
        line: u64,
        /// 1-based column of the error.
        column: u64,
        /// The parser's message.
        message: String,
    },
    /// The Turtle is valid but does not describe a usable ontology (e.g. a malformed property chain).
    #[error("{source_name}: {message}")]
    Invalid {
        /// The file (or `builtin`).
        source_name: String,
        /// What is wrong.
        message: String,
    },
}
