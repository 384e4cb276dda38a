//! `kg build`: documents -> pipeline (analysis, extraction, resolution) -> store, one transaction per
//! batch of documents, then the ontology rules. Documents already built from the same input and ontology
//! are skipped, so that an interrupted build resumes.

use super::args::BuildArgs;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use kg::analysis::Control;
use kg::ingest::{Document, Documents, DuplicateId, InputSpec};
use kg::ontology::Ontology;
use kg::pipeline::Pipeline;
use kg::store::{Descriptions, WriteSummary, WrittenNames};
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
    // large) are all named, and refused with the store untouched unless --skip-bad. Texts are not kept
    // (but stdin's, which cannot be read twice): the build reads the input again, a batch at a time, so
    // that memory does not grow with the corpus.
    let max_bytes =
        usize::try_from(args.max_document_mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    let mut survey = survey_input(&spec, max_bytes, args.max_document_mb, &stop)?;
    for duplicate in &survey.duplicates {
        eprintln!("kg: warning: {duplicate}");
    }
    for line in &survey.bad {
        eprintln!(
            "kg: {}: {line}",
            if args.skip_bad {
                "skipped"
            } else {
                "bad input"
            }
        );
    }
    let bad = survey.bad.len();
    if bad > 0 && !args.skip_bad {
        bail!(
            "{bad} bad input{} (listed above): the store is unchanged; fix or remove them, or pass --skip-bad to build the rest",
            plural(bad)
        );
    }
    if survey.documents == 0 {
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
    // Descriptions an interrupted build left pending are written first. Each document is resolved on its
    // own, never against the entities already in the store: a build resumed after an interruption, or a
    // corpus built in several runs, then ends exactly as one build of it (and as the union of
    // `kg extract` shards); names across documents are the corpus-level pass's to join.
    store
        .settle_descriptions()
        .context("cannot describe the entities an interrupted build left")?;

    if stop() {
        bail!("interrupted before any document was written");
    }
    let bar = if std::io::stderr().is_terminal() && !args.quiet {
        let bar = ProgressBar::new(survey.bytes);
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
    // The names written, for the corpus pass at the end (it reads back only the documents of earlier runs).
    let mut names = WrittenNames::default();
    let (mut written, mut unchanged) = (0usize, 0usize);
    let abort_after = std::env::var(ABORT_AFTER_DOCUMENTS)
        .ok()
        .and_then(|n| n.parse::<usize>().ok());
    bar.set_message(format!("0/{} documents written", survey.documents));
    let batch_size = BATCH_PER_THREAD * rayon::current_num_threads();
    let mut replay = survey.replay(&spec)?;
    loop {
        // The next batch: documents the store does not hold already from the same input and ontology, so
        // that a rebuild after an interruption resumes where it stopped, and a rebuild of an unchanged
        // corpus does nothing.
        let (mut batch, mut hashes, mut bytes) = (Vec::new(), Vec::new(), 0);
        while batch.len() < batch_size && bytes < BATCH_BYTES {
            let Some(document) = replay.next().transpose()? else {
                break;
            };
            let hash = pipeline.content_hash(&document);
            if store.content_hash(&document.id)?.as_deref() == Some(hash.as_str()) {
                unchanged += 1;
                bar.inc(document.text.len() as u64);
                continue;
            }
            bytes += document.text.len();
            batch.push(document);
            hashes.push(hash);
        }
        if batch.is_empty() || stop() {
            break;
        }
        // Analysis and extraction in parallel; resolution in document order; one transaction per batch.
        let control = Control {
            stop: Some(interrupted.as_ref()),
            progress: Some(&progress),
        };
        let docs = pipeline.analyze_controlled(&batch, control);
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
        // Entities are described once at the end (in refresh_inferences), not after every batch.
        let summaries = store
            .write_documents_with(
                graphs
                    .iter()
                    .zip(&hashes)
                    .map(|(graph, hash)| (graph, Some(hash.as_str()))),
                Descriptions::Deferred,
            )
            .with_context(|| {
                format!(
                    "cannot write documents {} to {} to the store",
                    batch[0].id,
                    batch[batch.len() - 1].id
                )
            })?;
        for (graph, summary) in graphs.iter().zip(summaries) {
            names.note(&store, graph);
            entities.extend(graph.entities.iter().map(|e| e.key.clone()));
            total.sentences += summary.sentences;
            total.triples += summary.triples;
            total.facts += summary.facts;
        }
        written += batch.len();
        bar.set_message(format!(
            "{}/{} documents written",
            written + unchanged,
            survey.documents
        ));
        if abort_after.is_some_and(|n| written >= n) {
            kill_self();
        }
    }
    bar.finish_and_clear();
    if unchanged > 0 {
        eprintln!(
            "kg build: {unchanged} document{} already in the store unchanged, skipped",
            plural(unchanged)
        );
    }
    if stop() {
        store
            .settle_descriptions()
            .context("cannot describe the entities of the documents written")?;
        bail!(
            "interrupted: {written} of {} documents written, each complete; the inferred triples are refreshed by the next kg build, remove or load",
            survey.documents - unchanged
        );
    }
    let corpus_started = Instant::now();
    let identities = store
        .settle_identities_after(names)
        .context("cannot give the names of one entity across documents one IRI")?;
    let corpus_seconds = corpus_started.elapsed().as_secs_f64();
    let inferred = store
        .refresh_inferences(pipeline.ontology())
        .context("cannot apply the ontology rules")?;
    super::finish_write(&store)?;
    store.optimize_and_close()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kg build: {written} documents, {} sentences, {} entities, {} triples (+{inferred} inferred) in {seconds:.1} s; corpus pass: {} of {} names renamed in {corpus_seconds:.2} s",
        total.sentences,
        entities.len(),
        total.triples,
        identities.renamed,
        identities.names,
    );
    if bad > 0 {
        bail!(
            "{bad} bad input{} skipped (listed above); the other documents are built",
            plural(bad)
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

/// What a first reading of the input finds: the documents to build (the last of each id read twice, see
/// [`kg::ingest::DuplicateId`]), their bytes, and the bad inputs.
struct InputSurvey {
    /// Documents to build.
    documents: usize,
    /// Their text bytes (the progress bar's total).
    bytes: u64,
    /// One line per bad input (unreadable, not UTF-8, not a record, too large).
    bad: Vec<String>,
    /// Ids read twice.
    duplicates: Vec<DuplicateId>,
    /// Whether the input's n-th item is built.
    keep: Vec<bool>,
    /// The documents to build, when the input cannot be read twice (stdin).
    held: Option<Vec<(usize, Document)>>,
}

/// Reads the input once, keeping no text unless it comes from stdin.
fn survey_input(
    spec: &InputSpec,
    max_bytes: usize,
    max_document_mb: u64,
    stop: &dyn Fn() -> bool,
) -> Result<InputSurvey> {
    let from_stdin = spec
        .paths
        .iter()
        .chain(&spec.lines)
        .any(|p| p.as_os_str() == "-");
    let mut reader = spec.documents()?.tracking_duplicates();
    let mut keep = Vec::new();
    let mut bad = Vec::new();
    let mut held = from_stdin.then(Vec::new);
    // The last item of each id, with its bytes.
    let mut last: HashMap<String, (usize, usize)> = HashMap::new();
    while let Some(item) = reader.next() {
        if stop() {
            bail!("interrupted while reading the input: the store is unchanged");
        }
        let index = keep.len();
        keep.push(false);
        match item {
            Ok(doc) if doc.text.len() > max_bytes => bad.push(format!(
                "{} is a {:.1} MB document, over the limit of {max_document_mb} MB: split it into several documents or raise --max-document-mb",
                reader.location(),
                doc.text.len() as f64 / f64::from(1 << 20),
            )),
            Ok(doc) if doc.text.trim().is_empty() => {}
            Ok(doc) => {
                keep[index] = true;
                if let Some((earlier, _)) = last.insert(doc.id.clone(), (index, doc.text.len())) {
                    keep[earlier] = false;
                }
                if let Some(held) = held.as_mut() {
                    held.push((index, doc));
                }
            }
            Err(e) => bad.push(e.to_string()),
        }
    }
    let kept = last.values().filter(|(index, _)| keep[*index]);
    let bytes = kept.map(|(_, bytes)| *bytes as u64).sum();
    if let Some(held) = held.as_mut() {
        held.retain(|(index, _)| keep[*index]);
    }
    Ok(InputSurvey {
        documents: keep.iter().filter(|k| **k).count(),
        bytes,
        bad,
        duplicates: reader.take_duplicates(),
        keep,
        held,
    })
}

impl InputSurvey {
    /// The documents to build, in input order: read again from the input, or the held ones.
    fn replay(&mut self, spec: &InputSpec) -> Result<Replay> {
        Ok(match self.held.take() {
            Some(held) => Replay::Held(held.into_iter()),
            None => Replay::Reread {
                reader: spec.documents()?,
                keep: std::mem::take(&mut self.keep),
                index: 0,
            },
        })
    }
}

/// The documents a build writes, one at a time.
enum Replay {
    Held(std::vec::IntoIter<(usize, Document)>),
    Reread {
        reader: Documents,
        keep: Vec<bool>,
        index: usize,
    },
}

impl Iterator for Replay {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Replay::Held(held) => held.next().map(|(_, doc)| Ok(doc)),
            Replay::Reread {
                reader,
                keep,
                index,
            } => loop {
                let item = reader.next()?;
                *index += 1;
                if keep.get(*index - 1).copied().unwrap_or(false) {
                    return Some(item.context(
                        "the input changed while it was being built: build again once it is stable",
                    ));
                }
            },
        }
    }
}
