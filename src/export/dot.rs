//! GraphViz DOT (labels, node colour by class, edge labels; inferred relations dashed) and SVG drawn by rank
//! (`ranked.rs`), so no GraphViz installation is needed.

use super::{ExportResult, Selection};
use crate::graph::Projection;
use crate::store::FactKind;
use std::collections::BTreeMap;
use std::io::Write;

/// Fill colours of the common classes; other classes get one from [`PALETTE`] by a hash of their name.
const CLASS_COLOURS: &[(&str, &str)] = &[
    ("Person", "#fde2a7"),
    ("Country", "#b9d7f0"),
    ("Place", "#c8e6c9"),
    ("Island", "#a5d6a7"),
    ("City", "#dcedc8"),
    ("Organization", "#e1bee7"),
    ("Event", "#ffccbc"),
    ("Position", "#fff9c4"),
];

const PALETTE: &[&str] = &[
    "#d7ccc8", "#cfd8dc", "#f8bbd0", "#b2dfdb", "#f0f4c3", "#c5cae9", "#ffe0b2",
];

/// The fill colour of a class.
pub fn class_colour(class: Option<&str>) -> &'static str {
    let Some(class) = class else {
        return "#eeeeee";
    };
    if let Some((_, c)) = CLASS_COLOURS.iter().find(|(name, _)| *name == class) {
        return c;
    }
    let hash = crate::store::fnv1a128(&[class]);
    PALETTE[(hash % PALETTE.len() as u128) as usize]
}

/// Escapes a string for a double-quoted DOT attribute.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the selected part of the projection as DOT.
fn dot_text(projection: &Projection, selection: &Selection) -> String {
    let (nodes, edges) = selection.subgraph(projection);
    let mut out = String::new();
    out.push_str("digraph kg {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];\n");
    out.push_str(
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    let mut classes = BTreeMap::new();
    for n in &nodes {
        let node = &projection.graph[*n];
        let colour = class_colour(node.class.as_deref());
        if let Some(class) = &node.class {
            classes.insert(class.clone(), colour);
        }
        {
            let tooltip = format!(
                "{} ({})",
                node.iri,
                node.class.as_deref().unwrap_or("untyped")
            );
            out.push_str(&format!(
                "  n{} [label={}, fillcolor={}, tooltip={}];\n",
                n.index(),
                quote(&node.label),
                quote(colour),
                quote(&tooltip)
            ));
        }
    }
    for e in &edges {
        let Some((a, b)) = projection.graph.edge_endpoints(*e) else {
            continue;
        };
        let edge = &projection.graph[*e];
        let style = if edge.kind == FactKind::Inferred {
            ", style=dashed"
        } else {
            ""
        };
        out.push_str(&format!(
            "  n{} -> n{} [label={}{}];\n",
            a.index(),
            b.index(),
            quote(&edge.label),
            style
        ));
    }
    if !classes.is_empty() {
        // A legend of the classes present, so colours read without the tooltip.
        out.push_str("  subgraph cluster_legend {\n    label=\"classes\"; fontname=\"Helvetica\"; style=dashed;\n");
        for (i, (class, colour)) in classes.iter().enumerate() {
            out.push_str(&format!(
                "    legend{i} [label={}, fillcolor={}];\n",
                quote(class),
                quote(colour)
            ));
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// Writes DOT for GraphViz. Returns the number of relations written.
pub fn write_dot(
    projection: &Projection,
    selection: &Selection,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    let text = dot_text(projection, selection);
    out.write_all(text.as_bytes())?;
    Ok(selection.subgraph(projection).1.len())
}

/// Writes SVG laid out by rank (see `ranked.rs`): readable at its natural size. Returns the number of
/// relations drawn.
pub fn write_svg(
    projection: &Projection,
    selection: &Selection,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    let (nodes, _) = selection.subgraph(projection);
    if nodes.is_empty() {
        // An empty picture is the honest answer.
        out.write_all(
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"></svg>\n",
        )?;
        return Ok(0);
    }
    let (svg, drawn) = super::ranked::ranked_svg(projection, selection);
    out.write_all(svg.as_bytes())?;
    Ok(drawn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        for (raw, quoted) in [
            ("a", "\"a\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("a\\b", "\"a\\\\b\""),
            ("a\nb", "\"a b\""),
        ] {
            assert_eq!(quote(raw), quoted);
        }
    }

    #[test]
    fn colours_are_stable() {
        assert_eq!(class_colour(Some("Person")), "#fde2a7");
        assert_eq!(class_colour(Some("Vessel")), class_colour(Some("Vessel")));
        assert_eq!(class_colour(None), "#eeeeee");
    }
}
