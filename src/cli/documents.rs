//! `kg documents`: the store's documents with their dates and what each contributes.

use super::args::{DocumentsArgs, ListFormat};
use anyhow::Result;
use std::io::Write;

/// Columns of the table and TSV output.
const HEADER: [&str; 6] = ["id", "date", "sentences", "facts", "entities", "title"];

/// Runs `kg documents`.
pub fn run(args: &DocumentsArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let documents = store.document_summaries()?;
    let mut out = super::stdout();
    let cell = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let rows: Vec<[String; 6]> = documents
        .iter()
        .map(|d| {
            [
                cell(&d.id),
                d.date.clone().unwrap_or_default(),
                d.sentences.to_string(),
                d.facts.to_string(),
                d.entities.to_string(),
                cell(d.title.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    match args.format {
        ListFormat::Jsonl => {
            for d in &documents {
                serde_json::to_writer(&mut out, d)?;
                writeln!(out)?;
            }
        }
        ListFormat::Tsv => {
            writeln!(out, "{}", HEADER.join("\t"))?;
            for row in &rows {
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
        ListFormat::Table => {
            let mut widths = HEADER.map(str::len);
            for row in &rows {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |cells: &[String]| {
                let mut text = String::new();
                for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                    // Counts are right-aligned, the last column is not padded.
                    let pad = w.saturating_sub(c.chars().count());
                    match i {
                        2..=4 => text.push_str(&format!("{}{c}  ", " ".repeat(pad))),
                        5 => text.push_str(c),
                        _ => text.push_str(&format!("{c}{}  ", " ".repeat(pad))),
                    }
                }
                text.trim_end().to_string()
            };
            writeln!(out, "{}", line(&HEADER.map(String::from)))?;
            for row in &rows {
                writeln!(out, "{}", line(row))?;
            }
            writeln!(out, "({} documents)", rows.len())?;
        }
    }
    out.flush()?;
    Ok(())
}
