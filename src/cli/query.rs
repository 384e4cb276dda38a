//! `kg query`: SPARQL 1.1 over the union of all graphs.

use super::args::{QueryArgs, QueryFormat};
use anyhow::{Context, Result, bail};
use kg::store::KgStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::io::{Read, Write};

/// Runs `kg query`.
pub fn run(args: &QueryArgs) -> Result<()> {
    let text = match (&args.query, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) if f.as_os_str() == "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("cannot read the query from stdin")?;
            s
        }
        (None, Some(f)) => {
            std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?
        }
        (None, None) => bail!("give a query or --file FILE"),
    };
    let store = super::open_read(&args.store.store)?;
    let mut out = super::stdout();
    execute(&store, &text, args.format, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Parses and runs `text` on `store`, writing results in `format`.
pub fn execute(
    store: &KgStore,
    text: &str,
    format: QueryFormat,
    out: &mut dyn Write,
) -> Result<()> {
    // The union of all graphs read as one graph: a fact stated by several documents matches once.
    let query = match kg::store::parse_union_query(text, &store.namespaces().prefixes()) {
        Ok(q) => q,
        Err(e) => bail!("{}", syntax_error(text, &e)),
    };
    let mut prepared = SparqlEvaluator::new().for_query(query);
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared
        .on_store(store.inner())
        .execute()
        .context("the query failed")?;
    let short = store.namespaces().prefixes();
    match results {
        QueryResults::Solutions(solutions) => {
            let results_format = match format {
                QueryFormat::Table => {
                    let variables: Vec<String> = solutions
                        .variables()
                        .iter()
                        .map(|v| v.as_str().to_string())
                        .collect();
                    let mut rows = Vec::new();
                    for solution in solutions {
                        let solution = solution?;
                        rows.push(
                            solution
                                .values()
                                .iter()
                                .map(|v| {
                                    v.as_ref()
                                        .map_or(String::new(), |t| display_term(t, &short))
                                })
                                .collect::<Vec<_>>(),
                        );
                    }
                    write_table(out, &variables, &rows)?;
                    return Ok(());
                }
                QueryFormat::Csv => QueryResultsFormat::Csv,
                QueryFormat::Tsv => QueryResultsFormat::Tsv,
                QueryFormat::Json => QueryResultsFormat::Json,
                QueryFormat::Xml => QueryResultsFormat::Xml,
                QueryFormat::Nt | QueryFormat::Ttl => {
                    bail!(
                        "a SELECT query gives solutions: use --format table, csv, tsv, json or xml"
                    )
                }
            };
            let mut writer = QueryResultsSerializer::from_format(results_format)
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for solution in solutions {
                writer.serialize(&solution?)?;
            }
            writer.finish()?;
        }
        QueryResults::Boolean(value) => {
            let results_format = match format {
                QueryFormat::Table => {
                    writeln!(out, "{value}")?;
                    return Ok(());
                }
                QueryFormat::Csv => QueryResultsFormat::Csv,
                QueryFormat::Tsv => QueryResultsFormat::Tsv,
                QueryFormat::Json => QueryResultsFormat::Json,
                QueryFormat::Xml => QueryResultsFormat::Xml,
                QueryFormat::Nt | QueryFormat::Ttl => {
                    bail!("an ASK query gives a boolean: use --format table, csv, tsv, json or xml")
                }
            };
            QueryResultsSerializer::from_format(results_format)
                .serialize_boolean_to_writer(out, value)?;
        }
        QueryResults::Graph(triples) => {
            let rdf_format = match format {
                QueryFormat::Nt => RdfFormat::NTriples,
                QueryFormat::Ttl | QueryFormat::Table => RdfFormat::Turtle,
                _ => bail!("a CONSTRUCT or DESCRIBE query gives a graph: use --format ttl or nt"),
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            if rdf_format == RdfFormat::Turtle {
                for (name, iri) in &short {
                    serializer = serializer.with_prefix(*name, iri.clone())?;
                }
            }
            let mut writer = serializer.for_writer(out);
            for triple in triples {
                writer.serialize_triple(&triple?)?;
            }
            writer.finish()?;
        }
    }
    Ok(())
}

/// The one-line error (`SPARQL syntax error at line 1, column 8 ...`), then the offending line and a caret
/// under the column.
fn syntax_error(query: &str, err: &kg::store::SparqlTextError) -> String {
    match err.position() {
        Some((line, column)) => {
            let source = query.lines().nth(line.saturating_sub(1)).unwrap_or("");
            let caret = " ".repeat(
                source
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(|c| if c == '\t' { 4 } else { 1 })
                    .sum(),
            );
            format!("{err}\n  {source}\n  {caret}^")
        }
        None => err.to_string(),
    }
}

/// A term for the table: IRIs shortened by the known prefixes, literals by their value.
fn display_term(term: &Term, prefixes: &[(&str, String)]) -> String {
    match term {
        Term::NamedNode(n) => {
            for (name, iri) in prefixes {
                if let Some(local) = n.as_str().strip_prefix(iri.as_str())
                    && !local.is_empty()
                    && local
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '%'))
                {
                    return format!("{name}:{local}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// An aligned table; long cells are cut at 60 characters.
fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 60;
    let cut = |s: &str| -> String {
        let clean = s.replace(['\n', '\r', '\t'], " ");
        if clean.chars().count() > MAX {
            let mut t: String = clean.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            clean
        }
    };
    let header: Vec<String> = header.iter().map(|h| format!("?{h}")).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect::<Vec<_>>()
            .join(" | ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&header))?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
