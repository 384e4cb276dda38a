//! Integration tests, one module per area.

mod push;
mod server;
