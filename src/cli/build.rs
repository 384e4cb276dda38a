//! `kg build`: documents -> pipeline (analysis, extraction, resolution) -> store, one transaction per
//! batch of documents, then the ontology rules. Documents already built from the same input and ontology
//! are skipped, so that an interrupted build resumes.

use super::args::BuildArgs;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use kg::analysis::Control;
use kg::ingest::{Document, InputSpec};
use kg::ontology::Ontology;
use kg::pipeline::Pipeline;
use kg::resolve::KnownEntity;
use kg::store::{WriteSummary, percent_decode};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Documents analysed together per worker thread before their graphs are written in order: enough for the
/// networks to run over many short documents at once, few enough that writing starts early and an
/// interrupted build loses little.
const BATCH_PER_THREAD: usize = 32;

/// Text bytes at which a batch of documents is cut short, so that memory stays bounded on large inputs.
const BATCH_BYTES: usize = 4 << 20;

/// Crash-test hook: with `KG_ABORT_AFTER_DOCUMENTS=N` the build kills itself with SIGKILL (no clean-up, as
/// `kill -9` or a power cut would) right after committing the batch that holds its N-th document, so that the tests stop a build
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
    // First SIGINT/SIGTERM: stop at the next check (between chunks of the analysis, between documents
    // written); every batch written is complete and the store consistent. A second one exits at once,
    // which is as safe: each batch is written in one transaction.
    let interrupted = interrupt_flag();
    let stop = || interrupted.load(Ordering::SeqCst);
    let spec = InputSpec {
        paths: args.input.paths.clone(),
        lines: args.input.lines.clone(),
        verbatim: false,
    };
    // Every input is read before the store is opened: bad inputs (binary, not UTF-8, not a record, too
    // large) are all named, and refused with the store untouched unless --skip-bad.
    let max_bytes =
        usize::try_from(args.max_document_mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    let mut reader = spec.documents()?.tracking_duplicates();
    let mut documents = Vec::new();
    let mut bad = Vec::new();
    while let Some(item) = reader.next() {
        if stop() {
            bail!("interrupted while reading the input: the store is unchanged");
        }
        match item {
            Ok(doc) if doc.text.len() > max_bytes => bad.push(format!(
                "{} is a {:.1} MB document, over the limit of {} MB: split it into several documents or raise --max-document-mb",
                reader.location(),
                doc.text.len() as f64 / f64::from(1 << 20),
                args.max_document_mb
            )),
            Ok(doc) if doc.text.trim().is_empty() => {}
            Ok(doc) => documents.push(doc),
            Err(e) => bad.push(e.to_string()),
        }
    }
    let duplicates = reader.take_duplicates();
    for duplicate in &duplicates {
        eprintln!("kg: warning: {duplicate}");
    }
    let documents = if duplicates.is_empty() {
        documents
    } else {
        keep_last_of_each_id(documents)
    };
    for line in &bad {
        eprintln!(
            "kg: {}: {line}",
            if args.skip_bad {
                "skipped"
            } else {
                "bad input"
            }
        );
    }
    if !bad.is_empty() && !args.skip_bad {
        bail!(
            "{} bad input{} (listed above): the store is unchanged; fix or remove them, or pass --skip-bad to build the rest",
            bad.len(),
            plural(bad.len())
        );
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
        .context("cannot load the analysis pipeline")?
        .with_min_confidence(args.min_confidence.clamp(0.0, 1.0));
    store
        .set_ontology(pipeline.ontology())
        .context("cannot store the ontology")?;
    // Documents the store holds already from the same input and ontology are skipped: a rebuild after an
    // interruption resumes where it stopped, and a rebuild of an unchanged corpus does nothing.
    let hashes: Vec<String> = documents
        .iter()
        .map(|doc| pipeline.content_hash(doc))
        .collect();
    let mut pending = Vec::new();
    for (doc, hash) in documents.iter().zip(&hashes) {
        if store.content_hash(&doc.id)?.as_deref() != Some(hash.as_str()) {
            pending.push((doc.clone(), hash.clone()));
        }
    }
    let unchanged = documents.len() - pending.len();
    if unchanged > 0 {
        eprintln!(
            "kg build: {unchanged} document{} already in the store unchanged, skipped",
            plural(unchanged)
        );
    }
    let (documents, hashes): (Vec<Document>, Vec<String>) = pending.into_iter().unzip();
    // Entities already in the store, so that new mentions resolve to them and keep their keys.
    let mut pipeline = if store.is_empty()? {
        pipeline
    } else {
        let entity_ns = store.namespaces().entity_ns().to_string();
        let known: Vec<KnownEntity> = store
            .entity_descriptions()?
            .into_iter()
            .filter_map(|entity| {
                let key = entity.iri.strip_prefix(&entity_ns)?;
                Some(KnownEntity {
                    key: percent_decode(key),
                    label: entity.label,
                    aliases: entity.aliases,
                    class: entity.class,
                })
            })
            .collect();
        pipeline.with_known(known)
    };

    if stop() {
        bail!("interrupted before any document was written");
    }
    let total_bytes: u64 = documents.iter().map(|d| d.text.len() as u64).sum();
    let bar = if std::io::stderr().is_terminal() && !args.quiet {
        let bar = ProgressBar::new(total_bytes);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {bar:40} {bytes}/{total_bytes} analysed ({bytes_per_sec}), {msg} {elapsed_precise} (eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    } else {
        ProgressBar::hidden()
    };
    let progress = |bytes: usize| bar.inc(bytes as u64);
    let mut total = WriteSummary::default();
    let mut entities = HashSet::new();
    let mut written = 0usize;
    let abort_after = std::env::var(ABORT_AFTER_DOCUMENTS)
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    bar.set_message(format!("0/{} documents written", documents.len()));
    let batch_size = BATCH_PER_THREAD * rayon::current_num_threads();
    let mut offset = 0;
    for batch in batches(&documents, batch_size, BATCH_BYTES) {
        let batch_hashes = &hashes[offset..offset + batch.len()];
        offset += batch.len();
        // Analysis and extraction in parallel; resolution in document order; one transaction per batch.
        let control = Control {
            stop: Some(interrupted.as_ref()),
            progress: Some(&progress),
        };
        let docs = pipeline.analyze_controlled(batch, control);
        if stop() {
            break;
        }
        let triples: Vec<_> = docs.par_iter().map(|d| pipeline.extract(d)).collect();
        let graphs: Vec<_> = batch
            .iter()
            .zip(docs.iter().zip(&triples))
            .map(|(doc, (analysed, triples))| pipeline.resolve(doc, analysed, triples))
            .collect();
        if stop() {
            break;
        }
        let summaries = store
            .write_documents(
                graphs
                    .iter()
                    .zip(batch_hashes)
                    .map(|(graph, hash)| (graph, Some(hash.as_str()))),
            )
            .with_context(|| {
                format!(
                    "cannot write documents {} to {} to the store",
                    batch[0].id,
                    batch[batch.len() - 1].id
                )
            })?;
        for (graph, summary) in graphs.iter().zip(summaries) {
            entities.extend(graph.entities.iter().map(|e| e.key.clone()));
            total.sentences += summary.sentences;
            total.triples += summary.triples;
            total.facts += summary.facts;
        }
        written += batch.len();
        bar.set_message(format!("{written}/{} documents written", documents.len()));
        if abort_after.is_some_and(|n| written >= n) {
            kill_self();
        }
    }
    bar.finish_and_clear();
    if stop() {
        bail!(
            "interrupted: {written} of {} documents written, each complete; the inferred triples are refreshed by the next kg build, remove or load",
            documents.len()
        );
    }
    let inferred = store
        .refresh_inferences(pipeline.ontology())
        .context("cannot apply the ontology rules")?;
    store.optimize_and_close()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kg build: {written} documents, {} sentences, {} entities, {} triples (+{inferred} inferred) in {seconds:.1} s",
        total.sentences,
        entities.len(),
        total.triples,
    );
    if !bad.is_empty() {
        bail!(
            "{} bad input{} skipped (listed above); the other documents are built",
            bad.len(),
            plural(bad.len())
        );
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A flag set by the first SIGINT or SIGTERM; the second ends the process at once (exit code 130).
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    let _ = ctrlc::set_handler(move || {
        if set.swap(true, Ordering::SeqCst) {
            eprintln!("kg: interrupted again: stopping now; the store is consistent");
            std::process::exit(130);
        }
        eprintln!(
            "kg: interrupted: stopping after the document being written (again to stop at once)"
        );
    });
    flag
}

/// The documents with the last of each id read twice (see [`kg::ingest::DuplicateId`]), in input order.
fn keep_last_of_each_id(documents: Vec<Document>) -> Vec<Document> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in documents.iter().enumerate() {
        last.insert(doc.id.as_str(), i);
    }
    let keep: HashSet<usize> = last.into_values().collect();
    documents
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| keep.contains(&i).then_some(d))
        .collect()
}

/// Consecutive batches of at most `max_docs` documents, cut short once their texts reach `max_bytes`.
fn batches(documents: &[Document], max_docs: usize, max_bytes: usize) -> Vec<&[Document]> {
    let mut out = Vec::new();
    let mut rest = documents;
    while !rest.is_empty() {
        let mut bytes = 0;
        let mut k = 0;
        while k < rest.len() && k < max_docs.max(1) && (k == 0 || bytes < max_bytes) {
            bytes += rest[k].text.len();
            k += 1;
        }
        let (head, tail) = rest.split_at(k);
        out.push(head);
        rest = tail;
    }
    out
}
