//! The `kg` binary: parses arguments, runs the command, prints one clear line per failure.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: oxigraph's bulk loader and store reads allocate and free millions of
/// small strings and keys, and glibc's free (chunk coalescing) took a quarter of `kg load`'s time; with
/// mimalloc a load of 10^5 facts with provenance needs ~35% less CPU. Its `override` feature makes it `malloc`
/// too, which is required: oxigraph frees strings that RocksDB allocated (error messages) with the Rust
/// allocator, so both must be the same one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`kg ... | head`) is not a failure.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("kg: error: {}", one_line(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, leaving out a cause whose text an outer message already quotes
/// (library errors often print their cause themselves).
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
