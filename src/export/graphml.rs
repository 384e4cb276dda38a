//! GraphML for yEd, Gephi, Cytoscape and networkx (`networkx.read_graphml`).

use super::{ExportResult, Selection};
use crate::graph::Projection;
use std::io::Write;

/// Escapes XML text and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes the selected part of the projection as GraphML. Returns the number of relations written.
pub fn write_graphml(
    projection: &Projection,
    selection: &Selection,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    let (nodes, edges) = selection.subgraph(projection);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, name, kind) in [
        ("label", "node", "label", "string"),
        ("class", "node", "class", "string"),
        ("iri", "node", "iri", "string"),
        ("aliases", "node", "aliases", "string"),
        ("predicate", "edge", "predicate", "string"),
        ("elabel", "edge", "label", "string"),
        ("confidence", "edge", "confidence", "double"),
        ("kind", "edge", "kind", "string"),
        ("documents", "edge", "documents", "string"),
        ("sentence", "edge", "sentence", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{kind}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="kg" edgedefault="directed">"#)?;
    for n in &nodes {
        let node = &projection.graph[*n];
        writeln!(out, r#"    <node id="n{}">"#, n.index())?;
        writeln!(
            out,
            r#"      <data key="label">{}</data>"#,
            xml_escape(&node.label)
        )?;
        if let Some(class) = &node.class {
            writeln!(
                out,
                r#"      <data key="class">{}</data>"#,
                xml_escape(class)
            )?;
        }
        writeln!(
            out,
            r#"      <data key="iri">{}</data>"#,
            xml_escape(&node.iri)
        )?;
        if !node.aliases.is_empty() {
            writeln!(
                out,
                r#"      <data key="aliases">{}</data>"#,
                xml_escape(&node.aliases.join("; "))
            )?;
        }
        writeln!(out, "    </node>")?;
    }
    for e in &edges {
        let Some((a, b)) = projection.graph.edge_endpoints(*e) else {
            continue;
        };
        let edge = &projection.graph[*e];
        writeln!(
            out,
            r#"    <edge id="e{}" source="n{}" target="n{}">"#,
            e.index(),
            a.index(),
            b.index()
        )?;
        writeln!(
            out,
            r#"      <data key="predicate">{}</data>"#,
            xml_escape(&edge.predicate)
        )?;
        writeln!(
            out,
            r#"      <data key="elabel">{}</data>"#,
            xml_escape(&edge.label)
        )?;
        writeln!(
            out,
            r#"      <data key="confidence">{}</data>"#,
            edge.confidence
        )?;
        writeln!(
            out,
            r#"      <data key="kind">{}</data>"#,
            edge.kind.as_str()
        )?;
        let mut documents: Vec<&str> = edge
            .evidence
            .iter()
            .map(|ev| ev.document.as_str())
            .collect();
        documents.sort();
        documents.dedup();
        if !documents.is_empty() {
            writeln!(
                out,
                r#"      <data key="documents">{}</data>"#,
                xml_escape(&documents.join("; "))
            )?;
        }
        if let Some(ev) = edge.evidence.first() {
            writeln!(
                out,
                r#"      <data key="sentence">{}</data>"#,
                xml_escape(&ev.sentence)
            )?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(edges.len())
}
