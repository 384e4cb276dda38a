//! `kg load`: bulk-load RDF files, all of them in one atomic load.

use super::args::LoadArgs;
use anyhow::{Context, Result, anyhow};
use kg::store::{LoadInput, LoadOptions, StoreError, format_of};
use oxigraph::io::RdfFormat;
use std::time::Instant;

/// Runs `kg load`.
pub fn run(args: &LoadArgs) -> Result<()> {
    let started = Instant::now();
    // Every format is settled before anything is read: a bad name fails the command before the load starts.
    let mut formats = Vec::with_capacity(args.files.len());
    for file in &args.files {
        formats.push(match &args.format {
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
        });
    }
    let size_hint = args
        .files
        .iter()
        .map(|file| {
            if file.as_os_str() == "-" {
                None
            } else {
                std::fs::metadata(file).ok().map(|m| m.len())
            }
        })
        .sum::<Option<u64>>();
    let store = super::open_write(&args.store.store, args.base.as_deref())?;
    // Files are opened one at a time as the load reaches them (a load of many shards holds one open).
    let inputs = args.files.iter().zip(formats).map(|(file, format)| {
        let reader: Box<dyn std::io::Read> = if file.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let handle = std::fs::File::open(file).map_err(|e| {
                StoreError::Io(std::io::Error::new(
                    e.kind(),
                    format!("cannot open {}: {e}", file.display()),
                ))
            })?;
            Box::new(std::io::BufReader::with_capacity(1 << 20, handle))
        };
        Ok(LoadInput {
            name: file.display().to_string(),
            format,
            reader,
        })
    });
    let summary = store
        .load_all(
            inputs,
            LoadOptions {
                lenient: args.lenient,
                size_hint,
            },
        )
        .context("the load failed; the store is unchanged")?;
    let inferred = store.refresh_inferences(super::reasoner(&store)?.as_ref())?;
    super::finish_write(&store)?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kg load: {} statements from {} file{} in {seconds:.2} s ({:.0}/s); {inferred} inferred triples",
        summary.quads,
        args.files.len(),
        if args.files.len() == 1 { "" } else { "s" },
        summary.quads as f64 / seconds.max(1e-9)
    );
    Ok(())
}
