//! `kg stats`: counts by class and predicate, documents, the most central entities.

use super::args::{ReportFormat, StatsArgs};
use anyhow::Result;
use kg::graph::{Projection, page_rank};
use kg::store::FactKind;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;

/// Runs `kg stats`.
pub fn run(args: &StatsArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let projection = Projection::cached(&store)?;
    let counts = store.counts()?;
    let mut by_class: BTreeMap<String, usize> = BTreeMap::new();
    for n in projection.graph.node_indices() {
        *by_class
            .entry(
                projection.graph[n]
                    .class
                    .clone()
                    .unwrap_or_else(|| "(untyped)".to_string()),
            )
            .or_default() += 1;
    }
    let mut by_predicate: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for e in projection.graph.edge_weights() {
        let entry = by_predicate.entry(e.label.clone()).or_default();
        match e.kind {
            FactKind::Extracted => entry.0 += 1,
            FactKind::Inferred => entry.1 += 1,
        }
    }
    let rank = page_rank(&projection, 0.85, 100);
    let mut central: Vec<_> = projection
        .graph
        .node_indices()
        .map(|n| (rank[n.index()], n))
        .collect();
    central.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    central.truncate(args.top);

    let mut classes: Vec<_> = by_class.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut predicates: Vec<_> = by_predicate.into_iter().collect();
    predicates.sort_by(|a, b| (b.1.0 + b.1.1).cmp(&(a.1.0 + a.1.1)).then(a.0.cmp(&b.0)));

    let mut out = super::stdout();
    if args.format == ReportFormat::Json {
        let value = json!({
            "documents": counts.documents,
            "sentences": counts.sentences,
            "entities": projection.node_count(),
            "relations": projection.edge_count(),
            "facts_extracted": counts.facts_extracted,
            "facts_asserted": counts.facts_asserted,
            "triples_inferred": counts.triples_inferred,
            "quads": counts.quads,
            "classes": classes.iter().map(|(c, n)| json!({"class": c, "entities": n})).collect::<Vec<_>>(),
            "predicates": predicates.iter().map(|(p, (e, i))| json!({"predicate": p, "extracted": e, "inferred": i})).collect::<Vec<_>>(),
            "central": central.iter().map(|(r, n)| json!({"label": projection.graph[*n].label, "iri": projection.graph[*n].iri, "pagerank": r})).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        writeln!(out, "documents   {}", counts.documents)?;
        writeln!(out, "sentences   {}", counts.sentences)?;
        writeln!(out, "entities    {}", projection.node_count())?;
        writeln!(
            out,
            "relations   {} between entities",
            projection.edge_count()
        )?;
        writeln!(
            out,
            "facts       {} extracted ({} asserted), {} inferred",
            counts.facts_extracted, counts.facts_asserted, counts.triples_inferred
        )?;
        writeln!(out, "quads       {}", counts.quads)?;
        writeln!(out, "\nentities by class")?;
        for (class, n) in classes.iter().take(args.top) {
            writeln!(out, "  {n:>7}  {class}")?;
        }
        more(&mut out, classes.len(), args.top, "classes")?;
        writeln!(out, "\nrelations by predicate (extracted + inferred)")?;
        for (p, (e, i)) in predicates.iter().take(args.top) {
            writeln!(
                out,
                "  {:>7}  {p}{}",
                e + i,
                if *i > 0 {
                    format!(" ({i} inferred)")
                } else {
                    String::new()
                }
            )?;
        }
        more(&mut out, predicates.len(), args.top, "predicates")?;
        writeln!(out, "\nmost central entities (PageRank)")?;
        for (r, n) in &central {
            let node = &projection.graph[*n];
            writeln!(
                out,
                "  {r:.4}  {} ({})",
                node.label,
                node.class.as_deref().unwrap_or("untyped")
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The line under a list cut at `top` rows, saying how many more there are.
fn more(out: &mut impl Write, len: usize, top: usize, what: &str) -> std::io::Result<()> {
    if len > top {
        writeln!(out, "  ... {} more {what} (--top N lists more)", len - top)?;
    }
    Ok(())
}
