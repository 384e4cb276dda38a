//! The command-line interface: arguments, then one file per command. A thin layer over the library.

pub mod args;
mod push;
mod serve;

use anyhow::Result;
use args::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Analyze(_args) => anyhow::bail!("kg analyze is not built yet"),
        Command::Serve(args) => serve::run(args),
        Command::Push(args) => push::run(args),
    }
}
