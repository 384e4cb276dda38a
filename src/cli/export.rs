//! `kg export`.

use super::args::{ExportArgs, ExportFormat, ReificationMode};
use anyhow::{Context, Result, bail};
use kg::export::{self, Reification, Selection};
use kg::graph::Projection;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use std::io::Write;

/// Runs `kg export`.
pub fn run(args: &ExportArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let rdf_format = match args.format {
        ExportFormat::Nt => Some(RdfFormat::NTriples),
        ExportFormat::Nq => Some(RdfFormat::NQuads),
        ExportFormat::Ttl => Some(RdfFormat::Turtle),
        ExportFormat::Trig => Some(RdfFormat::TriG),
        ExportFormat::Rdfxml => Some(RdfFormat::RdfXml),
        ExportFormat::Jsonld => Some(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
        _ => None,
    };
    // The projection (a full pass over the store) is built only when something needs it: an RDF export of
    // the whole store streams straight from the quads.
    let selecting = args.around.is_some() || !args.predicates.is_empty();
    let projection = if rdf_format.is_none() || selecting {
        Projection::from_store_with_evidence(&store)?
    } else {
        Projection::default()
    };
    let selection = if selecting {
        Selection::new(
            &projection,
            args.around.as_deref(),
            args.depth,
            &args.predicates,
        )?
    } else {
        Selection::all()
    };
    if let Some(format) = rdf_format {
        let reification = match args.reification {
            Some(ReificationMode::Rdf12) => Reification::Rdf12,
            Some(ReificationMode::Classic) => Reification::Classic,
            Some(ReificationMode::None) => Reification::None,
            // RDF/XML and JSON-LD readers rarely know RDF 1.2 triple terms yet.
            None if matches!(args.format, ExportFormat::Rdfxml | ExportFormat::Jsonld) => {
                Reification::Classic
            }
            None => Reification::Rdf12,
        };
        let mut out = super::output(args.out.as_deref())?;
        export::write_rdf(
            &store,
            format,
            reification,
            &selection,
            args.with_ontology,
            &mut out,
        )?;
        out.flush()?;
        return Ok(());
    }
    if args.reification.is_some() {
        bail!("--reification applies to RDF formats (nt, nq, ttl, trig, rdfxml, jsonld)");
    }
    match args.format {
        ExportFormat::Neo4j => {
            let Some(dir) = &args.out else {
                bail!(
                    "--format neo4j writes nodes.csv and relationships.csv: give the directory with --out DIR"
                );
            };
            let n = export::write_neo4j(&projection, &selection, dir)
                .with_context(|| format!("cannot write the Neo4j files into {}", dir.display()))?;
            eprintln!(
                "kg export: wrote {} and {} ({n} relationships); import with: neo4j-admin database import full --nodes={} --relationships={}",
                dir.join("nodes.csv").display(),
                dir.join("relationships.csv").display(),
                dir.join("nodes.csv").display(),
                dir.join("relationships.csv").display()
            );
        }
        format => {
            let mut selection = selection;
            if matches!(format, ExportFormat::Dot | ExportFormat::Svg) && args.max_nodes > 0 {
                let total = selection.keep_most_central(&projection, args.max_nodes);
                if total > args.max_nodes {
                    eprintln!(
                        "kg export: drew the {} most central of {total} entities (--max-nodes N changes it, 0 draws all)",
                        args.max_nodes
                    );
                }
            }
            let mut out = super::output(args.out.as_deref())?;
            match format {
                ExportFormat::Dot => export::write_dot(&projection, &selection, &mut out)?,
                ExportFormat::Svg => export::write_svg(&projection, &selection, &mut out)?,
                ExportFormat::Graphml => export::write_graphml(&projection, &selection, &mut out)?,
                ExportFormat::Cypher => export::write_cypher(&projection, &selection, &mut out)?,
                ExportFormat::Tsv => export::write_tsv(&store, &projection, &selection, &mut out)?,
                _ => 0,
            };
            out.flush()?;
        }
    }
    Ok(())
}
