//! `kg extract`: documents in, open triples out, one document at a time (memory stays bounded by the
//! largest document).

use super::args::{CoordinationArg, ExtractArgs, ExtractFormat, OieContext};
use anyhow::{Context, Result, bail};
use kg::analysis::Doc;
use kg::extract::{Construction, Coordination, Extractor, oie};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

/// Runs `kg extract`.
pub fn run(args: &ExtractArgs) -> Result<()> {
    let extractor = extractor(args)?;
    if matches!(args.format, ExtractFormat::Tsv | ExtractFormat::Nq) {
        bail!(
            "--format {} needs entity resolution and the store's RDF mapping, which are not built yet; use --format oie or jsonl",
            if args.format == ExtractFormat::Tsv {
                "tsv"
            } else {
                "nq"
            }
        );
    }
    let Some(path) = &args.analyzed else {
        bail!(
            "extracting from text needs the native analysis and document input (kg::analysis, kg::ingest), which are not built yet; pass pre-analysed documents with --analyzed FILE"
        );
    };
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        Box::new(BufReader::new(file))
    };
    let context = match args.oie_context {
        OieContext::Line => oie::Context::Line,
        OieContext::Sentence => oie::Context::Sentence,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let doc =
            Doc::from_json(&value).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let triples = extractor.extract(&doc);
        match args.format {
            ExtractFormat::Oie => oie::write(&mut out, &doc, &triples, context)?,
            _ => {
                for t in &triples {
                    serde_json::to_writer(&mut out, &t.to_json(&doc.id))?;
                    out.write_all(b"\n")?;
                }
            }
        }
    }
    out.flush()?;
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
