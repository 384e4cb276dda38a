//! `kg push`: sends the store, or some documents, to an external SPARQL 1.1 store.

use super::args::{PushArgs, Reification};
use anyhow::{Result, bail};
use kg::push::{self, Auth, PushOptions, PushTarget};
use std::time::{Duration, Instant};

/// Runs `kg push`.
pub fn run(args: PushArgs) -> Result<()> {
    let dir = &args.store.store;
    let store = super::open_read(dir)?;
    let auth = match (&args.auth, &args.bearer) {
        (Some(spec), _) => Some(Auth::basic(spec)?),
        (None, Some(token)) => Some(Auth::Bearer(token.clone())),
        (None, None) => None,
    };
    let target = match (&args.endpoint, &args.graph_store) {
        (_, Some(url)) => PushTarget::GraphStore(url.clone()),
        (Some(url), None) => PushTarget::Update(url.clone()),
        (None, None) => bail!("give --endpoint URL (SPARQL Update) or --graph-store URL"),
    };
    let options = PushOptions {
        target,
        auth,
        reification: match args.reification {
            Reification::Rdf12 => push::Reification::Rdf12,
            Reification::Classic => push::Reification::Classic,
        },
        batch: args.batch.max(1),
        retries: args.retries,
        backoff: Duration::from_millis(500),
        timeout: Duration::from_secs(300),
    };
    let graphs = push::select_graphs(&store, &args.docs)?;
    if graphs.is_empty() {
        bail!("the store {} has no graphs to push", dir.display());
    }
    let started = Instant::now();
    let report = push::push(&store, &graphs, &options, |line| {
        eprintln!("kg push: {line}")
    })?;
    eprintln!(
        "kg push: {} graph(s), {} triples in {} request(s), {} retried, {:.1} s",
        report.graphs,
        report.triples,
        report.requests,
        report.retries,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
