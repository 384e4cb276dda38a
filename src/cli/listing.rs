//! Listings of records (`kg documents`, `kg search`) as an aligned table, TSV with a header, or JSON Lines.

use super::args::ListFormat;
use serde::Serialize;
use std::io::Write;

/// One column of a listing.
pub struct Column {
    /// The header.
    pub name: &'static str,
    /// Numbers are right-aligned in the table.
    pub numeric: bool,
}

/// Writes `records` in `format`: `cells` gives a record's cells in the order of `columns` (table and TSV);
/// JSON Lines serialises the record itself. The table ends with a count of `what`.
pub fn write<T: Serialize>(
    out: &mut dyn Write,
    format: ListFormat,
    columns: &[Column],
    records: &[T],
    cells: impl Fn(&T) -> Vec<String>,
    what: &str,
) -> anyhow::Result<()> {
    let clean = |text: String| text.replace(['\t', '\n', '\r'], " ");
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| cells(r).into_iter().map(clean).collect())
        .collect();
    match format {
        ListFormat::Jsonl => {
            for record in records {
                serde_json::to_writer(&mut *out, record)?;
                writeln!(out)?;
            }
        }
        ListFormat::Tsv => {
            let header: Vec<&str> = columns.iter().map(|c| c.name).collect();
            writeln!(out, "{}", header.join("\t"))?;
            for row in &rows {
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
        ListFormat::Table => {
            let mut widths: Vec<usize> = columns.iter().map(|c| c.name.len()).collect();
            for row in &rows {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |cells: &[String]| {
                let mut text = String::new();
                for ((cell, width), column) in cells.iter().zip(&widths).zip(columns) {
                    let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
                    if column.numeric {
                        text.push_str(&format!("{pad}{cell}  "));
                    } else {
                        text.push_str(&format!("{cell}{pad}  "));
                    }
                }
                text.trim_end().to_string()
            };
            let header: Vec<String> = columns.iter().map(|c| c.name.to_string()).collect();
            writeln!(out, "{}", line(&header))?;
            for row in &rows {
                writeln!(out, "{}", line(row))?;
            }
            writeln!(out, "({} {what})", rows.len())?;
        }
    }
    Ok(())
}
