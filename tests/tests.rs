//! Integration tests, one module per area.

mod analysis_parity;
mod analysis_text;
mod cli;
mod export;
mod extract;
mod fixtures;
mod graph;
mod push;
mod resolve;
mod server;
mod server_fuzz;
mod server_limits;
mod spark;
mod store;
