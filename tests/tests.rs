//! Integration tests, one module per area.

mod analysis_text;
mod analysis_parity;
mod extract;
mod resolve;
mod cli;
mod export;
mod fixtures;
mod graph;
mod store;
mod push;
mod server;
mod spark;
