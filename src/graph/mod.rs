//! The petgraph projection of the entity graph, for paths and centrality.
