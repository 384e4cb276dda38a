//! Integration tests, one module per area.

mod analysis_parity;
mod analysis_text;
mod cli;
mod export;
mod extract;
mod fixtures;
mod fuzz;
mod graph;
mod hostile;
mod push;
mod resolve;
mod server;
mod spark;
mod store;
