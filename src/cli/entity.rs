//! `kg entity NAME`: the entity page in the terminal.

use super::args::{EntityArgs, ReportFormat};
use anyhow::Result;
use kg::graph::{EntityProfile, Projection};
use std::io::Write;

/// Sentences are cut to this many characters in the text output.
const SENTENCE_CHARS: usize = 100;

/// Runs `kg entity`.
pub fn run(args: &EntityArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let projection = Projection::cached(&store)?;
    let node = projection.find(&args.name)?;
    let profile = EntityProfile::build(&store, &projection, node, args.limit)?;
    let mut out = super::stdout();
    if args.format == ReportFormat::Json {
        serde_json::to_writer_pretty(&mut out, &profile)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &profile, args.limit)?;
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut dyn Write, p: &EntityProfile, limit: usize) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({})  <{}>",
        p.label,
        p.class.as_deref().unwrap_or("untyped"),
        p.iri
    )?;
    if !p.aliases.is_empty() {
        writeln!(out, "also: {}", p.aliases.join(", "))?;
    }
    writeln!(
        out,
        "\nfacts ({}; ontology properties first)",
        p.facts.len()
    )?;
    for f in p.facts.iter().take(limit) {
        let source = if f.inferred {
            "inferred".to_string()
        } else {
            let plural = if f.documents == 1 { "" } else { "s" };
            format!("{} document{plural}", f.documents)
        };
        let statement = if f.outgoing {
            format!("{} {} {}", p.label, f.property, f.other)
        } else {
            format!("{} {} {}", f.other, f.property, p.label)
        };
        writeln!(out, "  {statement}  [{source}, {:.2}]", f.confidence)?;
        if let Some(sentence) = &f.sentence {
            let mut cut: String = sentence.trim().chars().take(SENTENCE_CHARS).collect();
            if sentence.trim().chars().count() > SENTENCE_CHARS {
                cut.push('…');
            }
            writeln!(out, "      \"{}\"", cut.replace('\n', " "))?;
        }
    }
    if p.facts.len() > limit {
        writeln!(out, "  ... {} more (--limit N)", p.facts.len() - limit)?;
    }
    writeln!(out, "\ndocuments ({})", p.documents.len())?;
    for d in &p.documents {
        writeln!(
            out,
            "  {:<10}  {}",
            d.date.as_deref().unwrap_or("-"),
            d.document
        )?;
    }
    writeln!(out, "\nmentioned with")?;
    for n in &p.co_mentioned {
        writeln!(out, "  {:>4}  {}", n.shared_documents, n.label)?;
    }
    Ok(())
}
