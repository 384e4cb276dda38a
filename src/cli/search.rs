//! `kg search`: entities by name, best match and most documents first.

use super::args::SearchArgs;
use super::listing::{self, Column};
use anyhow::Result;
use std::io::Write;

/// Runs `kg search`.
pub fn run(args: &SearchArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let hits = store.search_entities(&args.text.join(" "), args.limit)?;
    let column = |name, numeric| Column { name, numeric };
    let mut out = super::stdout();
    listing::write(
        &mut out,
        args.format,
        &[
            column("label", false),
            column("class", false),
            column("documents", true),
            column("matched", false),
            column("iri", false),
        ],
        &hits,
        |h| {
            vec![
                h.label.clone(),
                h.class.clone().unwrap_or_default(),
                h.documents.to_string(),
                h.matched.clone(),
                h.iri.clone(),
            ]
        },
        "entities",
    )?;
    out.flush()?;
    Ok(())
}
