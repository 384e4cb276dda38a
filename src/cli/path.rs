//! `kg path`: the k shortest paths between two entities, each hop with its predicate and sentence.

use super::args::{PathArgs, PathFormat};
use anyhow::{Context, Result, bail};
use kg::graph::{Path, PathFinder, PathOptions, Projection};
use serde_json::json;
use std::io::Write;
use std::time::Instant;

/// Runs `kg path`.
pub fn run(args: &PathArgs) -> Result<()> {
    if args.k == 0 {
        bail!("--k must be at least 1");
    }
    let started = Instant::now();
    let store = super::open_read(&args.store.store)?;
    let mut projection = Projection::cached(&store)?;
    let loaded = started.elapsed();
    if projection.node_count() == 0 {
        bail!("the graph has no entities yet: build it first with `kg build PATH...`");
    }
    let options = PathOptions {
        k: args.k,
        max_len: args.max_len,
        undirected: args.undirected,
    };
    let pairs: Vec<(String, String)> = match (&args.pairs, &args.from, &args.to) {
        (Some(file), _, _) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let mut parts = l.splitn(2, '\t');
                    let from = parts.next().unwrap_or("").trim().to_string();
                    let to = parts.next().unwrap_or("").trim().to_string();
                    (from, to)
                })
                .collect()
        }
        (None, Some(from), Some(to)) => vec![(from.clone(), to.clone())],
        _ => bail!("give FROM and TO, or --pairs FILE"),
    };
    // Paths are found on the projection without evidence; then the sentences of the relations between
    // consecutive entities of those paths are read (index look-ups), and the paths are laid out again
    // with them, so that each hop reports its best-supported relation.
    let mut found = Vec::with_capacity(pairs.len());
    let mut durations = Vec::with_capacity(pairs.len());
    {
        let mut finder = PathFinder::new(&projection);
        for (from, to) in &pairs {
            let a = projection.find(from)?;
            let b = projection.find(to)?;
            let t = Instant::now();
            let paths = finder.k_shortest(a, b, &options);
            durations.push(t.elapsed());
            found.push((a, b, paths));
        }
    }
    let mut edges = Vec::new();
    for path in found.iter().flat_map(|(_, _, paths)| paths) {
        for pair in path.nodes.windows(2) {
            edges.extend(projection.edges_between(pair[0], pair[1]));
            edges.extend(projection.edges_between(pair[1], pair[0]));
        }
    }
    projection.attach_evidence(&store, &edges)?;
    let mut finder = PathFinder::new(&projection);
    let mut out = super::stdout();
    let mut json_results = Vec::new();
    let single = pairs.len() == 1;
    for ((from, to), (a, b, _)) in pairs.iter().zip(found) {
        let paths = finder.k_shortest(a, b, &options);
        match args.format {
            PathFormat::Text => write_text(&mut out, &projection, from, to, &paths, &options)?,
            PathFormat::Json => json_results.push(to_json(&projection, from, to, &paths)),
            PathFormat::Dot => write_dot(&mut out, &projection, &paths)?,
        }
    }
    if args.format == PathFormat::Json {
        let value = if single {
            json_results.remove(0)
        } else {
            serde_json::Value::Array(json_results)
        };
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    }
    out.flush()?;
    if args.timings {
        durations.sort();
        let median = durations[durations.len() / 2];
        let mean = durations.iter().sum::<std::time::Duration>() / durations.len() as u32;
        eprintln!(
            "kg path: {} queries on {} entities and {} relations: median {:.1} µs, mean {:.1} µs (projection loaded in {:.0} ms)",
            durations.len(),
            projection.node_count(),
            projection.edge_count(),
            median.as_secs_f64() * 1e6,
            mean.as_secs_f64() * 1e6,
            loaded.as_secs_f64() * 1e3
        );
    }
    // No path is an answer, not an error: the output says so and the exit status stays 0.
    Ok(())
}

fn describe_limits(options: &PathOptions) -> String {
    let mut s = String::new();
    if let Some(l) = options.max_len {
        s.push_str(&format!(" within {l} hops"));
    }
    if !options.undirected {
        s.push_str(" following relations in their direction (try --undirected)");
    }
    s
}

fn write_text(
    out: &mut dyn Write,
    projection: &Projection,
    from: &str,
    to: &str,
    paths: &[Path],
    options: &PathOptions,
) -> Result<()> {
    let (a, b) = (projection.find(from)?, projection.find(to)?);
    let (la, lb) = (&projection.graph[a].label, &projection.graph[b].label);
    if paths.is_empty() {
        writeln!(
            out,
            "No path from {la} to {lb}{}.",
            describe_limits(options)
        )?;
        return Ok(());
    }
    for (i, path) in paths.iter().enumerate() {
        writeln!(
            out,
            "Path {} ({} hop{}): {}",
            i + 1,
            path.len(),
            if path.len() == 1 { "" } else { "s" },
            path.nodes
                .iter()
                .map(|n| projection.graph[*n].label.as_str())
                .collect::<Vec<_>>()
                .join(" -> ")
        )?;
        for hop in &path.hops {
            let edge = &projection.graph[hop.edge];
            let (from_label, to_label) = (
                &projection.graph[hop.from].label,
                &projection.graph[hop.to].label,
            );
            if hop.reversed {
                writeln!(out, "  {from_label} <-[{}]- {to_label}", edge.label)?;
            } else {
                writeln!(out, "  {from_label} -[{}]-> {to_label}", edge.label)?;
            }
            match edge.evidence.first() {
                Some(ev) => writeln!(
                    out,
                    "      \"{}\" ({}, confidence {:.2})",
                    ev.sentence.trim(),
                    ev.document,
                    edge.confidence
                )?,
                None => match &edge.rule {
                    Some(rule) => writeln!(
                        out,
                        "      (inferred by rule {rule}; `kg explain` shows the premises)"
                    )?,
                    None => writeln!(out, "      (no recorded sentence)")?,
                },
            }
        }
    }
    Ok(())
}

fn to_json(projection: &Projection, from: &str, to: &str, paths: &[Path]) -> serde_json::Value {
    let entity = |n: petgraph::stable_graph::NodeIndex| {
        let node = &projection.graph[n];
        json!({"iri": node.iri, "label": node.label, "class": node.class})
    };
    let paths: Vec<serde_json::Value> = paths
        .iter()
        .map(|p| {
            let hops: Vec<serde_json::Value> = p
                .hops
                .iter()
                .map(|h| {
                    let edge = &projection.graph[h.edge];
                    json!({
                        "from": entity(h.from),
                        "to": entity(h.to),
                        "predicate": {"iri": edge.predicate, "label": edge.label},
                        "reversed": h.reversed,
                        "kind": edge.kind.as_str(),
                        "confidence": edge.confidence,
                        "rule": edge.rule,
                        "evidence": edge.evidence.iter().map(|ev| json!({
                            "document": ev.document, "sentence": ev.sentence, "rule": ev.rule, "confidence": ev.confidence
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({"length": p.len(), "hops": hops})
        })
        .collect();
    json!({"from": from, "to": to, "paths": paths})
}

fn write_dot(out: &mut dyn Write, projection: &Projection, paths: &[Path]) -> Result<()> {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    writeln!(
        out,
        "digraph paths {{\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eeeeee\"];"
    )?;
    let mut nodes: Vec<_> = paths.iter().flat_map(|p| p.nodes.iter().copied()).collect();
    nodes.sort();
    nodes.dedup();
    for n in nodes {
        writeln!(
            out,
            "  n{} [label={}];",
            n.index(),
            quote(&projection.graph[n].label)
        )?;
    }
    let mut edges: Vec<_> = paths
        .iter()
        .flat_map(|p| p.hops.iter().map(|h| h.edge))
        .collect();
    edges.sort();
    edges.dedup();
    for e in edges {
        if let Some((a, b)) = projection.graph.edge_endpoints(e) {
            writeln!(
                out,
                "  n{} -> n{} [label={}];",
                a.index(),
                b.index(),
                quote(&projection.graph[e].label)
            )?;
        }
    }
    writeln!(out, "}}")?;
    Ok(())
}
