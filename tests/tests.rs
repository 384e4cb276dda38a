//! Integration tests, one module per area.

mod cli;
mod export;
mod fixtures;
mod graph;
mod store;
