//! `kg analyze`: tokens, tags, lemmas, parse and entities for each input document, as JSON Lines, CoNLL-U
//! or a readable table.
//!
//! Documents are read lazily and analysed in batches on a pool of `--threads` workers; each batch is
//! written in input order before the next is read, so memory stays bounded on any stream. The pipeline is
//! spaCy's order: tokenizer, the statistical components (tok2vec, tagger, parser, NER; run over chunks of
//! documents together), then attribute ruler and lemmatizer.

use super::args::{AnalyzeArgs, AnalyzeFormat};
use anyhow::{Context, Result};
use kg::analysis::{Analyzer, Doc, output};
use kg::ingest::{Document, InputSpec};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};

/// Documents per worker thread in one batch.
const BATCH_PER_THREAD: usize = 64;

/// Runs `kg analyze`.
pub fn run(args: AnalyzeArgs) -> Result<()> {
    let (pool, threads) = super::worker_pool(args.model.threads)?;
    let analyzer = match &args.model.model {
        Some(dir) => Analyzer::from_dir(dir)
            .with_context(|| format!("cannot load the model in {}", dir.display()))?,
        None => Analyzer::embedded().context("cannot load the embedded model")?,
    };
    let spec = InputSpec {
        paths: args.input.paths.clone(),
        lines: args.input.lines.clone(),
        verbatim: true,
    };
    let mut documents = spec.documents()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    loop {
        let mut batch: Vec<Document> = Vec::with_capacity(threads * BATCH_PER_THREAD);
        for item in documents.by_ref() {
            match item {
                Ok(doc) => batch.push(doc),
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {e}");
                }
            }
            if batch.len() == threads * BATCH_PER_THREAD {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let rendered: Vec<Vec<u8>> = pool.install(|| {
            let docs = analyzer.analyze_owned(batch.into_iter().map(|d| (d.id, d.text)).collect());
            docs.par_iter().map(|d| render(d, args.format)).collect()
        });
        for chunk in rendered {
            if let Err(e) = out.write_all(&chunk) {
                return quiet_on_broken_pipe(e);
            }
        }
    }
    if let Err(e) = out.flush() {
        return quiet_on_broken_pipe(e);
    }
    if failed > 0 {
        anyhow::bail!("{failed} input document(s) could not be read (see the errors above)");
    }
    Ok(())
}

/// Formats one analysed document.
fn render(doc: &Doc, format: AnalyzeFormat) -> Vec<u8> {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = match format {
        AnalyzeFormat::Jsonl => output::write_jsonl(doc, &mut buf),
        AnalyzeFormat::Conllu => output::write_conllu(doc, &mut buf),
        AnalyzeFormat::Text => output::write_text(doc, &mut buf),
    };
    buf
}

/// A reader that closed the pipe (`kg analyze ... | head`) is not an error.
fn quiet_on_broken_pipe(e: io::Error) -> Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e).context("cannot write the output")
    }
}
