//! `kg load`: bulk-load RDF files.

use super::args::LoadArgs;
use anyhow::{Context, Result, anyhow};
use kg::store::format_of;
use oxigraph::io::RdfFormat;
use std::time::Instant;

/// Runs `kg load`.
pub fn run(args: &LoadArgs) -> Result<()> {
    let started = Instant::now();
    let store = super::open_write(&args.store.store, args.base.as_deref())?;
    let mut total = 0;
    for file in &args.files {
        let format = match &args.format {
            Some(ext) => RdfFormat::from_extension(ext)
                .or_else(|| RdfFormat::from_media_type(ext))
                .ok_or_else(|| {
                    anyhow!("unknown RDF format {ext:?} (use nq, nt, ttl, trig, rdf or jsonld)")
                })?,
            None if file.as_os_str() == "-" => RdfFormat::NQuads,
            None => format_of(file).ok_or_else(|| {
                anyhow!(
                    "cannot tell the RDF format of {} from its extension: pass --format",
                    file.display()
                )
            })?,
        };
        let summary = if file.as_os_str() == "-" {
            store.load_with(format, std::io::stdin().lock(), args.lenient)
        } else {
            let reader = std::fs::File::open(file)
                .with_context(|| format!("cannot open {}", file.display()))?;
            store.load_with(
                format,
                std::io::BufReader::with_capacity(1 << 20, reader),
                args.lenient,
            )
        }
        .with_context(|| format!("cannot load {}", file.display()))?;
        total += summary.quads;
    }
    let inferred = store.refresh_inferences(super::reasoner(&store)?.as_ref())?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kg load: {total} statements from {} file{} in {seconds:.2} s ({:.0}/s); {inferred} inferred triples",
        args.files.len(),
        if args.files.len() == 1 { "" } else { "s" },
        total as f64 / seconds.max(1e-9)
    );
    Ok(())
}
