//! Integration tests, one module per area.

mod analysis_parity;
mod analysis_text;
mod cli;
mod explorer;
mod export;
mod extract;
mod extract_command;
mod fixtures;
mod fuzz;
mod graph;
mod hostile;
mod push;
mod relations;
mod resolve;
mod resolve_names;
mod resolve_national;
mod resolve_variants;
mod server;
mod server_fuzz;
mod server_limits;
mod shared_data;
mod spark;
mod store;
mod written_names;
