//! Integration tests, one module per area.

mod analysis_text;
mod analysis_parity;
mod extract;
mod resolve;
