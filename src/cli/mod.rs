//! The command-line interface: arguments, then one file per command. A thin layer over the library.

mod analyze;
pub mod args;
mod build;
mod documents;
mod entity;
mod examples;
mod explain;
mod export;
mod extract;
mod listing;
mod load;
mod path;
mod push;
mod query;
mod remove;
mod search;
mod serve;
mod stats;

use anyhow::{Context, Result};
use args::{Cli, Command};
use kg::store::{KgStore, Reasoner, StoreError};
use std::io::Write;
use std::path::Path;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Build(args) => build::run(&args),
        Command::Remove(args) => remove::run(&args),
        Command::Documents(args) => documents::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Entity(args) => entity::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Path(args) => path::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Load(args) => load::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Serve(args) => serve::run(args),
        Command::Push(args) => push::run(args),
    }
}

/// Opens the store for reading.
/// A pool of `threads` workers (`None` or 0: one per core) and its size.
fn worker_pool(threads: Option<usize>) -> Result<(rayon::ThreadPool, usize)> {
    let threads = match threads {
        Some(0) | None => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n) => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;
    Ok((pool, threads))
}

fn open_read(dir: &Path) -> Result<KgStore> {
    KgStore::open_read_only(dir).with_context(|| format!("cannot open the store {}", dir.display()))
}

/// Opens (creating) the store for writing; a store left with stale inferences by an interrupted build is
/// brought up to date first.
fn open_write(dir: &Path, base: Option<&str>) -> Result<KgStore> {
    let store = KgStore::open_with(dir, base).map_err(|e| match e {
        StoreError::Locked { .. } => anyhow::Error::new(e),
        other => {
            anyhow::Error::new(other).context(format!("cannot open the store {}", dir.display()))
        }
    })?;
    if store.inferences_stale()? && !store.is_empty()? {
        store.refresh_inferences(reasoner(&store)?.as_ref())?;
    }
    Ok(store)
}

/// A writer's last step, for the readers that come next: writes RocksDB's in-memory tables to disk (else
/// every reader would replay the write-ahead log when it opens the store: a second for a newswire
/// archive) and saves what readers would otherwise compute from the whole store on every call (the
/// projection for `kg path`, `kg stats`, `kg entity` and `kg explain`, and the store's counts).
fn finish_write(store: &KgStore) -> Result<()> {
    store
        .flush()
        .context("cannot write the store's tables to disk")?;
    kg::graph::Projection::save_for(store)
        .and_then(|()| store.save_counts())
        .context("cannot save the projection and counts beside the store")
}

/// The rule engine of the ontology the store was built with (the built-in one for a store without one).
fn reasoner(store: &KgStore) -> Result<Box<dyn Reasoner + Send>> {
    let stored = store.ontology_turtle()?;
    let ontology = if stored.trim().is_empty() {
        kg::ontology::Ontology::builtin()?
    } else {
        kg::ontology::Ontology::from_sources(&[("the store's ontology graph", stored.as_str())])?
    };
    Ok(Box::new(ontology))
}

/// The ontology a build or ingestion into `store` uses: the `--ontology` files when given (saying so when
/// they replace other extensions the store was built with), else the extensions the store keeps, so that a
/// second build without `--ontology` does not silently drop them.
fn build_ontology(
    store: &KgStore,
    requested: Option<kg::ontology::Ontology>,
) -> Result<kg::ontology::Ontology> {
    let stored = store
        .ontology_extensions()
        .context("cannot read the store's ontology extensions")?;
    let names = |exts: &[(String, String)]| {
        exts.iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match requested {
        Some(ontology) => {
            if !stored.is_empty() && stored.as_slice() != ontology.extensions() {
                eprintln!(
                    "note: the store's ontology extensions ({}) are replaced by --ontology {}",
                    names(&stored),
                    names(ontology.extensions())
                );
            }
            Ok(ontology)
        }
        None => kg::ontology::Ontology::with_extensions(&stored)
            .context("cannot read the ontology extensions kept in the store"),
    }
}

/// Buffered stdout.
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// A writer to `--out FILE` or stdout.
fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) if p != Path::new("-") => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        _ => Box::new(stdout()),
    })
}
