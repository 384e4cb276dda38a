//! `kg serve`: opens the store and runs the HTTP server until Ctrl-C.

use super::args::ServeArgs;
use anyhow::{Context, Result, bail};
use kg::pipeline::Pipeline;
use kg::server::{ServeOptions, Server, ingest};
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Runs `kg serve`.
pub fn run(args: ServeArgs) -> Result<()> {
    let dir = &args.store.store;
    if !dir.join("CURRENT").exists() {
        bail!(
            "no store at {} (build one with `kg build`, or pass --store DIR)",
            dir.display()
        );
    }
    // Read-write by default: the store's lock then keeps any other writer out while we serve, which
    // oxigraph requires of read-only openings (a concurrent writer under a read-only reader is undefined),
    // and documents posted to /documents are visible at once. Other kg commands can still read the store.
    let store = if args.read_only {
        super::open_read(dir)?
    } else {
        super::open_write(dir, None)?
    };
    let store = Arc::new(store);
    for (flag, value) in [
        ("--timeout", args.timeout),
        ("--client-timeout", args.client_timeout),
    ] {
        if !(value > 0.0 && value.is_finite()) {
            bail!("{flag} must be a positive number of seconds");
        }
    }
    let client_timeout = Duration::from_secs_f64(args.client_timeout);
    let defaults = ServeOptions::default();
    let options = ServeOptions {
        bind: args.bind.clone(),
        query: kg::server::sparql::QueryLimits {
            timeout: Duration::from_secs_f64(args.timeout),
            max_results: args.max_results,
            max_memory: match args.query_memory {
                None => defaults.query.max_memory,
                Some(0) => None,
                Some(bytes) => Some(bytes as u64),
            },
        },
        http: kg::server::http::HttpLimits {
            max_body: args.max_body,
            max_connections: args.max_connections.max(1),
            head_timeout: client_timeout,
            body_timeout: client_timeout,
            write_timeout: client_timeout,
            ..defaults.http.clone()
        },
        workers: args.workers.unwrap_or(defaults.workers).max(1),
        update_token: args.update_token.clone(),
        read_only: args.read_only,
        ingest: None,
        prefixes: store.namespaces().prefixes(),
        explorer: Some(store.clone()),
    };
    let options = if options.update_token.is_some() && !args.read_only {
        let ontology = super::build_ontology(&store, None)?;
        let pipeline =
            Pipeline::with_ontology(None, ontology).context("cannot load the analysis pipeline")?;
        ServeOptions {
            ingest: Some(ingest::ingestor(
                store.clone(),
                pipeline,
                super::reasoner(&store)?,
            )),
            ..options
        }
    } else {
        options
    };
    let writes = options.update_token.is_some();
    let server = Server::new(store.inner().clone(), options)?;
    let handle = server.shutdown_handle();
    ctrlc::set_handler(move || handle.shutdown()).context("cannot install the Ctrl-C handler")?;
    // The address goes to stdout (scripts read it, e.g. with --bind 127.0.0.1:0); the rest to stderr.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{}", server.local_addr())?;
    stdout.flush()?;
    eprintln!(
        "kg serve: store {}, writes {}; Ctrl-C stops",
        dir.display(),
        if writes {
            "enabled (bearer token)"
        } else {
            "disabled"
        }
    );
    server.run()?;
    eprintln!("kg serve: stopped");
    Ok(())
}
