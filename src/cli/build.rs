//! `kg build`: documents -> pipeline (analysis, extraction, resolution) -> store, one transaction per
//! document, then the ontology rules.

use super::args::BuildArgs;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use kg::graph::Projection;
use kg::ingest::InputSpec;
use kg::ontology::Ontology;
use kg::pipeline::Pipeline;
use kg::resolve::KnownEntity;
use kg::store::{WriteSummary, percent_decode};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Documents analysed together per worker thread before their graphs are written in order: enough for the
/// networks to run over many short documents at once, few enough that writing starts early and an
/// interrupted build loses little.
const BATCH_PER_THREAD: usize = 32;

/// Crash-test hook: with `KG_ABORT_AFTER_DOCUMENTS=N` the build kills itself with SIGKILL (no clean-up, as
/// `kill -9` or a power cut would) right after committing its N-th document, so that the tests stop a build
/// at a known point instead of racing a timer.
const ABORT_AFTER_DOCUMENTS: &str = "KG_ABORT_AFTER_DOCUMENTS";

/// Ends the process at once, as `kill -9` does.
fn kill_self() -> ! {
    #[cfg(target_os = "linux")]
    #[allow(unsafe_code)]
    // SAFETY: raise() with a valid signal number has no memory-safety preconditions.
    unsafe {
        libc::raise(libc::SIGKILL);
    }
    std::process::abort()
}

/// Runs `kg build`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    let spec = InputSpec {
        paths: args.input.paths.clone(),
        lines: args.input.lines.clone(),
        verbatim: false,
    };
    // Every input is read before the store is opened: a binary or non-UTF-8 file is refused with the store
    // untouched.
    let mut documents = Vec::new();
    for doc in spec.documents()? {
        let doc = doc?;
        if !doc.text.trim().is_empty() {
            documents.push(doc);
        }
    }
    if documents.is_empty() {
        bail!(
            "the input holds no text: nothing to build (give .txt, .md or .jsonl files with content)"
        );
    }
    // Extension files are read before the store is opened, so that a bad one leaves it untouched.
    let extension = (!args.ontologies.is_empty())
        .then(|| Ontology::with_files(&args.ontologies))
        .transpose()
        .context("cannot load the --ontology files")?;
    if let Some(threads) = args.model.threads {
        // Ignored when a pool exists already (tests calling twice in one process).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let store = super::open_write(&args.store.store, args.base.as_deref())?;
    let ontology = super::build_ontology(&store, extension)?;
    let pipeline = Pipeline::with_ontology(args.model.model.as_deref(), ontology)
        .context("cannot load the analysis pipeline")?;
    store
        .set_ontology(pipeline.ontology())
        .context("cannot store the ontology")?;
    // Entities already in the store, so that new mentions resolve to them and keep their keys.
    let mut pipeline = if store.is_empty()? {
        pipeline
    } else {
        let projection = Projection::from_store(&store)?;
        let entity_ns = store.namespaces().entity_ns().to_string();
        let known: Vec<KnownEntity> = projection
            .graph
            .node_weights()
            .filter_map(|node| {
                let key = node.iri.strip_prefix(&entity_ns)?;
                Some(KnownEntity {
                    key: percent_decode(key),
                    label: node.label.clone(),
                    aliases: node.aliases.clone(),
                    class: node.class.clone().unwrap_or_default(),
                })
            })
            .collect();
        pipeline.with_known(known)
    };

    // Ctrl-C stops after the document being written; the store stays consistent and inferences are refreshed.
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    let bar = if std::io::stderr().is_terminal() && !args.quiet {
        let bar = ProgressBar::new(documents.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {bar:40} {pos}/{len} documents {elapsed_precise} (eta {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut total = WriteSummary::default();
    let mut entities = HashSet::new();
    let mut written = 0usize;
    let abort_after = std::env::var(ABORT_AFTER_DOCUMENTS)
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    let batch_size = BATCH_PER_THREAD * rayon::current_num_threads();
    'batches: for batch in documents.chunks(batch_size) {
        // Analysis and extraction in parallel; resolution in document order.
        let docs = pipeline.analyze_batch(batch);
        let triples: Vec<_> = docs.par_iter().map(|d| pipeline.extract(d)).collect();
        let analysed = docs.into_iter().zip(triples);
        for (doc, (analysed, triples)) in batch.iter().zip(analysed) {
            if interrupted.load(Ordering::SeqCst) {
                break 'batches;
            }
            let graph = pipeline.resolve(doc, &analysed, &triples);
            let summary = store
                .write_document(&graph)
                .with_context(|| format!("cannot write {} to the store", doc.id))?;
            entities.extend(graph.entities.iter().map(|e| e.key.clone()));
            total.sentences += summary.sentences;
            total.triples += summary.triples;
            total.facts += summary.facts;
            written += 1;
            bar.inc(1);
            if abort_after == Some(written) {
                kill_self();
            }
        }
    }
    bar.finish_and_clear();
    let inferred = store
        .refresh_inferences(pipeline.ontology())
        .context("cannot apply the ontology rules")?;
    store.optimize()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kg build: {written} documents, {} sentences, {} entities, {} triples (+{inferred} inferred) in {seconds:.1} s{}",
        total.sentences,
        entities.len(),
        total.triples,
        if interrupted.load(Ordering::SeqCst) {
            " (interrupted: the documents written are complete)"
        } else {
            ""
        }
    );
    Ok(())
}
