//! SVG drawn by rank: a layered layout readable at its natural size. The centre (the `--around` entity, else
//! the most central one) is the first column; entities one hop away come next, then two hops, and so on; within
//! a layer entities are ordered by PageRank and wrapped into columns of at most [`ROWS`], so a star of sixty
//! neighbours is six short columns instead of one column sixty boxes tall. Relations between the same two
//! entities share one line with their labels joined.

use super::Selection;
use super::dot::class_colour;
use crate::graph::{Projection, page_rank};
use crate::store::FactKind;
use petgraph::stable_graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Write;

/// The most boxes in one column.
const ROWS: usize = 10;
const ROW_HEIGHT: f64 = 56.0;
const COLUMN_WIDTH: f64 = 250.0;
const BOX_HEIGHT: f64 = 26.0;
const MARGIN: f64 = 30.0;
/// Where along a line its label sits: near the far end, where lines from one box have spread apart.
const LABEL_AT: f64 = 0.72;
/// Labels are cut to this many characters.
const LABEL_CHARS: usize = 28;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Box width for a label, in px (about 7 px a character at 12 px Helvetica).
fn box_width(label: &str) -> f64 {
    (label.chars().count() as f64 * 7.0 + 18.0).min(COLUMN_WIDTH - 40.0)
}

/// The drawing of the selected part of `projection`, and the number of relations drawn.
pub(crate) fn ranked_svg(projection: &Projection, selection: &Selection) -> (String, usize) {
    let (nodes, edges) = selection.subgraph(projection);
    let g = &projection.graph;
    let rank = page_rank(projection, 0.85, 40);
    let score = |n: NodeIndex| rank.get(n.index()).copied().unwrap_or(0.0);
    let kept: BTreeSet<NodeIndex> = nodes.iter().copied().collect();
    let mut neighbours: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for e in &edges {
        if let Some((a, b)) = g.edge_endpoints(*e) {
            neighbours.entry(a).or_default().push(b);
            neighbours.entry(b).or_default().push(a);
        }
    }
    // Layers: hop distance from the centre; each unreached part starts its own layers from its most central.
    let mut order: Vec<NodeIndex> = nodes.clone();
    order.sort_by(|a, b| score(*b).total_cmp(&score(*a)).then(a.cmp(b)));
    let centre = selection
        .center
        .as_deref()
        .and_then(|iri| projection.node(iri))
        .filter(|n| kept.contains(n));
    let mut layer: HashMap<NodeIndex, usize> = HashMap::new();
    let mut base = 0;
    for start in centre.into_iter().chain(order.iter().copied()) {
        if layer.contains_key(&start) {
            continue;
        }
        let mut queue = VecDeque::from([start]);
        layer.insert(start, base);
        let mut deepest = base;
        while let Some(n) = queue.pop_front() {
            for &m in neighbours.get(&n).into_iter().flatten() {
                if kept.contains(&m) && !layer.contains_key(&m) {
                    let d = layer[&n] + 1;
                    deepest = deepest.max(d);
                    layer.insert(m, d);
                    queue.push_back(m);
                }
            }
        }
        base = deepest + 1;
    }
    let mut layers: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for &n in &order {
        layers.entry(layer[&n]).or_default().push(n);
    }
    // Columns: each layer wrapped every ROWS boxes, centred vertically.
    let mut position: HashMap<NodeIndex, (f64, f64)> = HashMap::new();
    let mut column = 0usize;
    let tallest = layers
        .values()
        .map(|l| l.len().min(ROWS))
        .max()
        .unwrap_or(1);
    for members in layers.values() {
        for chunk in members.chunks(ROWS) {
            let offset = (tallest - chunk.len()) as f64 * ROW_HEIGHT / 2.0;
            for (row, &n) in chunk.iter().enumerate() {
                let x = MARGIN + column as f64 * COLUMN_WIDTH;
                let y = MARGIN + 20.0 + offset + row as f64 * ROW_HEIGHT;
                position.insert(n, (x, y));
            }
            column += 1;
        }
    }
    let mut classes: BTreeMap<String, &str> = BTreeMap::new();
    for &n in &nodes {
        if let Some(class) = &g[n].class {
            classes.insert(class.clone(), class_colour(Some(class)));
        }
    }
    let width = MARGIN * 2.0 + column.max(1) as f64 * COLUMN_WIDTH;
    let height = MARGIN * 2.0 + 40.0 + tallest as f64 * ROW_HEIGHT;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#777\"/></marker></defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    // One line per pair and direction, with the labels of its relations.
    let mut lines: BTreeMap<(NodeIndex, NodeIndex), (Vec<String>, bool)> = BTreeMap::new();
    for e in &edges {
        if let Some((a, b)) = g.edge_endpoints(*e)
            && a != b
        {
            let entry = lines.entry((a, b)).or_insert((Vec::new(), true));
            if !entry.0.contains(&g[*e].label) {
                entry.0.push(g[*e].label.clone());
            }
            entry.1 &= g[*e].kind == FactKind::Inferred;
        }
    }
    for ((a, b), (labels, inferred)) in &lines {
        let (Some(&(ax, ay)), Some(&(bx, by))) = (position.get(a), position.get(b)) else {
            continue;
        };
        let (wa, wb) = (box_width(&g[*a].label), box_width(&g[*b].label));
        // From the side of one box to the side of the other, so lines do not cross their own boxes.
        let (x1, x2) = if bx > ax + 1.0 {
            (ax + wa, bx)
        } else if bx + 1.0 < ax {
            (ax, bx + wb)
        } else {
            (ax + wa / 2.0, bx + wb / 2.0)
        };
        let (y1, y2) = if (bx - ax).abs() < 1.0 {
            let down = by > ay;
            (
                ay + if down { BOX_HEIGHT } else { 0.0 },
                by + if down { 0.0 } else { BOX_HEIGHT },
            )
        } else {
            (ay + BOX_HEIGHT / 2.0, by + BOX_HEIGHT / 2.0)
        };
        let dash = if *inferred {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let label = cut(&labels.join(", "), 30);
        let _ = writeln!(
            svg,
            "<g><line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#888\" \
             stroke-width=\"1.2\"{dash} marker-end=\"url(#arrow)\"/><text x=\"{:.1}\" y=\"{:.1}\" \
             font-size=\"10\" fill=\"#444\" text-anchor=\"middle\" stroke=\"#fff\" stroke-width=\"3\" \
             paint-order=\"stroke\">{}</text></g>",
            x1 + (x2 - x1) * LABEL_AT,
            y1 + (y2 - y1) * LABEL_AT - 3.0,
            escape(&label)
        );
    }
    for &n in &nodes {
        let (x, y) = position[&n];
        let node = &g[n];
        let label = cut(&node.label, LABEL_CHARS);
        let w = box_width(&label);
        let stroke = if Some(n) == centre { "#111" } else { "#999" };
        let _ = writeln!(
            svg,
            "<g><title>{} ({})</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{BOX_HEIGHT}\" \
             rx=\"6\" fill=\"{}\" stroke=\"{stroke}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" \
             text-anchor=\"middle\">{}</text></g>",
            escape(&node.iri),
            escape(node.class.as_deref().unwrap_or("untyped")),
            class_colour(node.class.as_deref()),
            x + w / 2.0,
            y + 17.0,
            escape(&label)
        );
    }
    // The legend: the classes present, so colours read without tooltips.
    let mut x = MARGIN;
    let y = height - MARGIN;
    for (class, colour) in &classes {
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" rx=\"3\" fill=\"{colour}\" stroke=\"#999\"/>\
             <text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"11\" fill=\"#333\">{}</text>",
            y - 10.0,
            x + 16.0,
            escape(class)
        );
        x += 26.0 + class.chars().count() as f64 * 6.5;
    }
    svg.push_str("</svg>\n");
    (svg, edges.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_cut() {
        assert_eq!(escape("AT&T <x> \"q\""), "AT&amp;T &lt;x&gt; &quot;q&quot;");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
        assert!(box_width(&"x".repeat(200)) < COLUMN_WIDTH);
    }
}
