//! `kg extract`: documents in, open triples out, in batches of documents written in input order
//! (memory stays bounded by the batch).

use super::args::{CoordinationArg, ExtractArgs, ExtractFormat, OieContext};
use anyhow::{Context, Result, bail};
use kg::analysis::Doc;
use kg::export::TSV_HEADER;
use kg::extract::{Construction, Coordination, Extractor, oie};
use kg::ingest::{Document, InputSpec};
use kg::ontology::Ontology;
use kg::pipeline::Pipeline;
use kg::resolve::{DocumentGraph, Node, Predicate};
use kg::store::{DEFAULT_BASE, DEFAULT_ONTOLOGY, Namespaces, content_hash_quad, document_quads};
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

/// Documents per worker thread in one batch, and the text bytes at which a batch is cut short.
const BATCH_PER_THREAD: usize = 64;
const BATCH_BYTES: usize = 4 << 20;

/// Runs `kg extract`.
pub fn run(args: &ExtractArgs) -> Result<()> {
    let extractor = extractor(args)?;
    let context = match args.oie_context {
        OieContext::Line => oie::Context::Line,
        OieContext::Sentence => oie::Context::Sentence,
    };
    // Resolution is only needed for the resolved formats; the analysis only for text input.
    let needs_resolution = matches!(args.format, ExtractFormat::Tsv | ExtractFormat::Nq);
    let pipeline = if args.analyzed.is_none() || needs_resolution {
        Some(
            Pipeline::new(args.model.model.as_deref(), &args.ontologies)
                .context("cannot load the analysis model and the ontology")?,
        )
    } else {
        None
    };
    let namespaces = Namespaces::new(
        args.base.as_deref().unwrap_or(DEFAULT_BASE),
        DEFAULT_ONTOLOGY,
    );
    let mut out = BufWriter::new(io::stdout().lock());
    if args.format == ExtractFormat::Tsv {
        writeln!(out, "{TSV_HEADER}")?;
    }
    let render = |document: &Document, doc: &Doc| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        let triples = extractor.extract(doc);
        match (args.format, pipeline.as_ref()) {
            (ExtractFormat::Oie, _) => oie::write(&mut buf, doc, &triples, context)?,
            (ExtractFormat::Jsonl, _) => {
                for t in &triples {
                    serde_json::to_writer(&mut buf, &t.to_json(&doc.id))?;
                    buf.write_all(b"\n")?;
                }
            }
            (ExtractFormat::Tsv, Some(p)) => {
                let graph = p.resolve(document, doc, &triples);
                write_tsv_rows(&mut buf, &graph, p.ontology())?;
            }
            (ExtractFormat::Nq, Some(p)) => {
                let graph = p.resolve(document, doc, &triples);
                let (mut quads, _) = document_quads(&graph, &namespaces);
                // Stamped as `kg build` stamps it: a store loaded from shards skips these documents
                // when the same corpus is built into it.
                quads.push(content_hash_quad(
                    &namespaces,
                    &graph.doc_id,
                    &p.content_hash(document),
                ));
                let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut buf);
                for quad in &quads {
                    writer.serialize_quad(quad)?;
                }
                writer.finish()?;
            }
            (_, None) => bail!("internal: resolution requested without a pipeline"),
        }
        Ok(buf)
    };
    if let Some(path) = &args.analyzed {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            Box::new(BufReader::new(file))
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(&line).with_context(|| {
                format!(
                    "{} line {}: not JSON (give one analysed document per line)",
                    path.display(),
                    n + 1
                )
            })?;
            let doc = Doc::from_json(&value).with_context(|| {
                let record = value
                    .get("id")
                    .and_then(serde_json::Value::as_str)
                    .map(|id| format!(" (record {id:?})"))
                    .unwrap_or_default();
                format!(
                    "{} line {}{record}: refused, fix or drop this record",
                    path.display(),
                    n + 1
                )
            })?;
            let document = Document {
                id: doc.id.clone(),
                text: doc.text.clone(),
                ..Document::default()
            };
            out.write_all(&render(&document, &doc)?)?;
        }
    } else {
        let Some(p) = pipeline.as_ref() else {
            bail!("internal: text input without a pipeline");
        };
        let (pool, threads) = super::worker_pool(args.model.threads)?;
        let spec = InputSpec {
            paths: args.input.paths.clone(),
            lines: args.input.lines.clone(),
            verbatim: false,
        };
        // Batches of documents: the analysis runs over many at once (much faster on short documents), and
        // each batch is written, in input order, before the next is read, so memory stays bounded.
        let mut documents = spec.documents()?;
        while let Some(batch) = documents.next_batch(threads * BATCH_PER_THREAD, BATCH_BYTES) {
            let batch = batch.into_iter().collect::<Result<Vec<_>, _>>()?;
            let rendered: Vec<Result<Vec<u8>>> = pool.install(|| {
                let docs = p.analyze_batch(&batch);
                batch
                    .par_iter()
                    .zip(&docs)
                    .map(|(document, doc)| render(document, doc))
                    .collect()
            });
            for chunk in rendered {
                out.write_all(&chunk?)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes a document graph's asserted facts as `kg export --format tsv` rows (kind `extracted`).
fn write_tsv_rows(out: &mut dyn Write, graph: &DocumentGraph, ontology: &Ontology) -> Result<()> {
    let cell = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let node = |n: &Node| match n {
        Node::Entity(i) => graph
            .entities
            .get(*i)
            .map_or_else(String::new, |e| e.written_name().to_string()),
        Node::Literal(text) => text.clone(),
    };
    for fact in graph.facts.iter().filter(|f| f.modality == "asserted") {
        let predicate = match &fact.predicate {
            Predicate::Ontology(local) => ontology
                .property(local)
                .map_or_else(|| local.clone(), |p| p.label.clone()),
            Predicate::Open(phrase) => fact.wording.clone().unwrap_or_else(|| phrase.clone()),
        };
        let sentence = graph
            .sentences
            .get(fact.sentence)
            .map_or("", |s| s.text.as_str());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\textracted\t{}\t{}",
            cell(&node(&fact.subject)),
            cell(&predicate),
            cell(&node(&fact.object)),
            fact.confidence,
            cell(&graph.doc_id),
            cell(sentence)
        )?;
    }
    Ok(())
}

/// The extractor the options ask for.
fn extractor(args: &ExtractArgs) -> Result<Extractor> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!(
            "--min-confidence must be between 0 and 1, not {}",
            args.min_confidence
        );
    }
    let mut extractor = Extractor::new()
        .with_min_confidence(args.min_confidence)
        .with_coordination(match args.coordination {
            CoordinationArg::Split => Coordination::Split,
            CoordinationArg::Joined => Coordination::Joined,
            CoordinationArg::Both => Coordination::Both,
        });
    if !args.constructions.is_empty() {
        let mut chosen = Vec::new();
        for name in &args.constructions {
            let names: Vec<&str> = Construction::ALL.iter().map(|c| c.name()).collect();
            let c = Construction::from_name(name).with_context(|| {
                format!(
                    "unknown construction {name:?} (known: {})",
                    names.join(", ")
                )
            })?;
            chosen.push(c);
        }
        extractor = extractor.with_constructions(&chosen);
    }
    Ok(extractor)
}
