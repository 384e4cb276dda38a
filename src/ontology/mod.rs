//! The ontology: classes, properties, lexical forms and rules, read from `ontology/kg.ttl`.
