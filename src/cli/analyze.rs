//! `kg analyze`: tokens, tags, lemmas, parse and entities for each input document, as JSON Lines, CoNLL-U
//! or a readable table.
//!
//! Documents are read lazily and analysed in batches on a pool of `--threads` workers; each batch is
//! written in input order before the next is read, so memory stays bounded on any stream. The pipeline is
//! spaCy's order: tokenizer, the statistical components (tok2vec, tagger, parser, NER; run over chunks of
//! documents together), then attribute ruler and lemmatizer.

use super::args::{AnalyzeArgs, AnalyzeFormat};
use anyhow::{Context, Result};
use kg::analysis::{Analyzer, AttributeRuler, Doc, Lemmatizer, ModelFiles, Tokenizer, output};
use kg::ingest::{Document, InputSpec};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};

/// Documents per worker thread in one batch.
const BATCH_PER_THREAD: usize = 64;

/// The loaded components.
struct Components {
    tokenizer: Tokenizer,
    analyzer: Analyzer,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
}

impl Components {
    fn load(files: &ModelFiles) -> Result<Self> {
        Ok(Components {
            tokenizer: Tokenizer::from_msgpack(&files.tokenizer)?,
            analyzer: Analyzer::from_files(files)?,
            ruler: AttributeRuler::from_msgpack(&files.attribute_ruler)?,
            lemmatizer: Lemmatizer::from_msgpack(&files.lemmatizer_lookups)?,
        })
    }

    fn tokenize(&self, d: Document) -> Doc {
        let tokens = self.tokenizer.tokenize(&d.text);
        Doc {
            id: d.id,
            text: d.text,
            tokens,
            ents: Vec::new(),
        }
    }

    /// Analyses a batch on the current rayon pool, keeping the order.
    fn analyze(&self, batch: Vec<Document>) -> Vec<Doc> {
        let mut docs: Vec<Doc> = batch.into_par_iter().map(|d| self.tokenize(d)).collect();
        chunks(&mut docs)
            .into_par_iter()
            .for_each(|c| self.analyzer.annotate_chunk(c));
        docs.par_iter_mut().for_each(|d| {
            self.ruler.apply(d);
            self.lemmatizer.apply(d);
        });
        docs
    }
}

/// Tokens in one chunk of documents annotated together (large matrix products without much padding).
const CHUNK_TOKENS: usize = 2048;

/// Groups documents into runs of about [`CHUNK_TOKENS`] tokens, annotated together.
fn chunks(mut docs: &mut [Doc]) -> Vec<&mut [Doc]> {
    let mut out = Vec::new();
    while !docs.is_empty() {
        let (mut tokens, mut k) = (0, 0);
        while k < docs.len() && (k == 0 || tokens + docs[k].tokens.len() <= CHUNK_TOKENS) {
            tokens += docs[k].tokens.len();
            k += 1;
        }
        let (head, tail) = docs.split_at_mut(k);
        out.push(head);
        docs = tail;
    }
    out
}

/// Runs `kg analyze`.
pub fn run(args: AnalyzeArgs) -> Result<()> {
    let threads = match args.model.threads {
        Some(0) | None => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n) => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;
    let components = match &args.model.model {
        Some(dir) => ModelFiles::from_dir(dir)
            .map_err(anyhow::Error::from)
            .and_then(|files| Components::load(&files))
            .with_context(|| format!("cannot load the model in {}", dir.display()))?,
        None => {
            Components::load(&ModelFiles::embedded()).context("cannot load the embedded model")?
        }
    };
    let spec = InputSpec {
        paths: args.input.paths.clone(),
        lines: args.input.lines.clone(),
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
            let docs = components.analyze(batch);
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
