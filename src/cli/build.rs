//! `kg build`: documents -> pipeline -> store, one transaction per document.

use super::args::BuildArgs;
use anyhow::Result;

/// Runs `kg build`.
pub fn run(_args: &BuildArgs) -> Result<()> {
    anyhow::bail!(
        "kg build needs the ingest readers and the analysis pipeline, which are not merged yet"
    )
}
