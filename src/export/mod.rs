//! Exports: RDF serialisations, TSV, GraphML, Neo4j CSV, Cypher and GraphViz.
