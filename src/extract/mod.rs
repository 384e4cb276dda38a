//! Extractors: clause-based Open IE over the dependency parse, one construction per file.

mod triple;

pub use triple::{Argument, Modality, Qualifier, QualifierKind, RawTriple, Relation};
