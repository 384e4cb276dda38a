//! `kg explain S P O`: why a fact is in the graph.

use super::args::{ExplainArgs, ReportFormat};
use anyhow::{Result, bail};
use kg::graph::{Projection, edit_distance};
use kg::store::{Explanation, KgStore, Support};
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use serde_json::json;
use std::io::Write;

/// Runs `kg explain`.
pub fn run(args: &ExplainArgs) -> Result<()> {
    let store = super::open_read(&args.store.store)?;
    let projection = Projection::cached(&store)?;
    let subject = projection.find(&args.subject)?;
    let subject = NamedNode::new(projection.graph[subject].iri.clone())?;
    let predicate = resolve_predicate(&store, &projection, &args.predicate)?;
    let object: Term = match projection.find(&args.object) {
        Ok(n) => NamedNode::new(projection.graph[n].iri.clone())?.into(),
        Err(_) => Literal::new_simple_literal(args.object.trim()).into(),
    };
    let triple = Triple::new(subject, predicate, object);
    let explanation = store.explain(&triple)?;
    if !explanation.holds && explanation.supports.is_empty() {
        let s = projection.entity_label(triple.subject.to_string().trim_matches(['<', '>']));
        let mut known = Vec::new();
        if let (Some(a), Term::NamedNode(o)) = (
            projection.node(&projection_iri(&triple.subject.to_string())),
            &triple.object,
        ) && let Some(b) = projection.node(o.as_str())
        {
            for e in projection.edges_between(a, b) {
                known.push(format!(
                    "{s} {} {}",
                    projection.graph[e].label, projection.graph[b].label
                ));
            }
            for e in projection.edges_between(b, a) {
                known.push(format!(
                    "{} {} {s}",
                    projection.graph[b].label, projection.graph[e].label
                ));
            }
        }
        if known.is_empty() {
            bail!(
                "the graph does not state or infer \"{} {} {}\"",
                args.subject,
                args.predicate,
                args.object
            );
        }
        bail!(
            "the graph does not state or infer \"{} {} {}\"; it does say: {}",
            args.subject,
            args.predicate,
            args.object,
            known.join("; ")
        );
    }
    let mut out = super::stdout();
    if args.format == ReportFormat::Json {
        serde_json::to_writer_pretty(&mut out, &to_json(&projection, &explanation))?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &projection, &explanation, 0)?;
    }
    out.flush()?;
    Ok(())
}

fn projection_iri(term: &str) -> String {
    term.trim_matches(['<', '>']).to_string()
}

/// A predicate by IRI, `kg:`/`rel:` name, local name or label.
fn resolve_predicate(store: &KgStore, projection: &Projection, name: &str) -> Result<NamedNode> {
    let ns = store.namespaces();
    let name = name.trim();
    let bare = name.trim_start_matches('<').trim_end_matches('>');
    if bare.starts_with("http://") || bare.starts_with("https://") || bare.starts_with("urn:") {
        return Ok(NamedNode::new(bare)?);
    }
    if let Some(local) = bare.strip_prefix("kg:") {
        return Ok(ns.term(local));
    }
    if let Some(slug) = bare.strip_prefix("rel:") {
        return Ok(ns.open_relation(&slug.replace('_', " ")));
    }
    let mut known: Vec<(String, String)> = projection
        .graph
        .edge_weights()
        .map(|e| (e.predicate.clone(), e.label.clone()))
        .collect();
    for fact in store.facts()? {
        let iri = fact.predicate.as_str().to_string();
        let label = projection.predicate_label(&iri);
        known.push((iri, label));
    }
    known.sort();
    known.dedup();
    let wanted = bare.to_lowercase();
    for (iri, label) in &known {
        let local = ns.local_name(iri).to_lowercase();
        if label.to_lowercase() == wanted || local == wanted || local == wanted.replace('_', " ") {
            return Ok(NamedNode::new(iri.clone())?);
        }
    }
    let mut labels: Vec<&String> = known.iter().map(|(_, l)| l).collect();
    labels.sort_by_key(|l| edit_distance(&wanted, &l.to_lowercase()));
    labels.dedup();
    labels.truncate(5);
    if labels.is_empty() {
        bail!("no relation named {name:?}: the graph has no relations yet");
    }
    bail!(
        "no relation named {name:?}; did you mean {}?",
        labels
            .iter()
            .map(|l| format!("{l:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn triple_text(projection: &Projection, t: &Triple) -> String {
    let term = |term: &Term| match term {
        Term::NamedNode(n) => projection.entity_label(n.as_str()),
        Term::Literal(l) => format!("\"{}\"", l.value()),
        other => other.to_string(),
    };
    format!(
        "{} {} {}",
        projection.entity_label(&projection_iri(&t.subject.to_string())),
        projection.predicate_label(t.predicate.as_str()),
        term(&t.object)
    )
}

fn write_text(
    out: &mut dyn Write,
    projection: &Projection,
    e: &Explanation,
    depth: usize,
) -> Result<()> {
    let pad = "  ".repeat(depth);
    writeln!(
        out,
        "{pad}{}{}",
        triple_text(projection, &e.triple),
        if e.holds { "" } else { "  (not asserted)" }
    )?;
    if e.supports.is_empty() && depth == 0 {
        writeln!(
            out,
            "{pad}  stated in the graph without recorded provenance (e.g. bulk-loaded)"
        )?;
    }
    for support in &e.supports {
        match support {
            Support::Extracted {
                document,
                sentence,
                bytes,
                rule,
                confidence,
                modality,
                attributed_to,
            } => {
                let mut details = vec![format!("rule {rule}")];
                if let Some(c) = confidence {
                    details.push(format!("confidence {c:.2}"));
                }
                if let Some((s, end)) = bytes {
                    details.push(format!("bytes {s}..{end}"));
                }
                if modality != "asserted" {
                    details.push(modality.clone());
                }
                if let Some(Term::NamedNode(n)) = attributed_to {
                    details.push(format!(
                        "according to {}",
                        projection.entity_label(n.as_str())
                    ));
                }
                writeln!(
                    out,
                    "{pad}  extracted from {document} ({}):",
                    details.join(", ")
                )?;
                writeln!(out, "{pad}    \"{}\"", sentence.trim())?;
            }
            Support::Inferred {
                rule,
                confidence,
                premises,
            } => {
                let confidence =
                    confidence.map_or(String::new(), |c| format!(" (confidence {c:.2})"));
                writeln!(out, "{pad}  inferred by rule {rule}{confidence} from:")?;
                for p in premises {
                    write_text(out, projection, p, depth + 2)?;
                }
            }
        }
    }
    Ok(())
}

fn to_json(projection: &Projection, e: &Explanation) -> serde_json::Value {
    let supports: Vec<serde_json::Value> = e
        .supports
        .iter()
        .map(|s| match s {
            Support::Extracted { document, sentence, bytes, rule, confidence, modality, attributed_to } => json!({
                "kind": "extracted", "document": document, "sentence": sentence,
                "bytes": bytes.map(|(a, b)| vec![a, b]), "rule": rule, "confidence": confidence,
                "modality": modality, "attributed_to": attributed_to.as_ref().map(|t| t.to_string()),
            }),
            Support::Inferred { rule, confidence, premises } => json!({
                "kind": "inferred", "rule": rule, "confidence": confidence,
                "premises": premises.iter().map(|p| to_json(projection, p)).collect::<Vec<_>>(),
            }),
        })
        .collect();
    json!({
        "triple": triple_text(projection, &e.triple),
        "subject": projection_iri(&e.triple.subject.to_string()),
        "predicate": e.triple.predicate.as_str(),
        "object": e.triple.object.to_string(),
        "holds": e.holds,
        "supports": supports,
    })
}
