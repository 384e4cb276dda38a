//! `kg documents`: the store's documents with their dates and what each contributes.

use super::args::DocumentsArgs;
use super::listing::{self, Column};
use anyhow::Result;
use std::io::Write;

/// Runs `kg documents`.
pub fn run(args: &DocumentsArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let documents = store.document_summaries()?;
    let column = |name, numeric| Column { name, numeric };
    let mut out = super::stdout();
    listing::write(
        &mut out,
        args.format,
        &[
            column("id", false),
            column("date", false),
            column("sentences", true),
            column("facts", true),
            column("entities", true),
            column("title", false),
        ],
        &documents,
        |d| {
            vec![
                d.id.clone(),
                d.date.clone().unwrap_or_default(),
                d.sentences.to_string(),
                d.facts.to_string(),
                d.entities.to_string(),
                d.title.clone().unwrap_or_default(),
            ]
        },
        "documents",
    )?;
    out.flush()?;
    Ok(())
}
