//! Neo4j: CSV files for `neo4j-admin database import` and a Cypher script for `cypher-shell`.

use super::{ExportResult, Selection};
use crate::graph::Projection;
use std::io::Write;
use std::path::Path;

/// Header of `nodes.csv` (neo4j-admin import format).
pub const NODES_HEADER: &str = "iri:ID,name,class,aliases:string[],:LABEL";
/// Header of `relationships.csv` (neo4j-admin import format).
pub const RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,predicate,confidence:float,kind,documents:string[],sentence";

/// Quotes a CSV field (RFC 4180: double quotes doubled).
fn csv(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A relationship type or label Neo4j accepts unquoted: `controls` -> `CONTROLS`, `revive talk` ->
/// `REVIVE_TALK`.
pub fn relationship_type(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_uppercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    // camelCase ontology names: split before capitals (`partOf` -> `PART_OF`).
    let mut split = String::new();
    let chars: Vec<char> = label.chars().collect();
    if chars.iter().all(|c| c.is_alphanumeric()) {
        for (i, c) in chars.iter().enumerate() {
            if i > 0 && c.is_uppercase() && chars[i - 1].is_lowercase() {
                split.push('_');
            }
            split.extend(c.to_uppercase());
        }
        out = split;
    }
    let out = out.trim_matches('_').to_string();
    match out.chars().next() {
        None => "RELATED_TO".to_string(),
        Some(c) if c.is_ascii_digit() => format!("R_{out}"),
        _ => out,
    }
}

fn node_label(class: Option<&str>) -> String {
    match class {
        Some(c) => format!(
            "Entity;{}",
            relationship_type(c)
                .to_lowercase()
                .split('_')
                .map(capitalise)
                .collect::<String>()
        ),
        None => "Entity".to_string(),
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes `nodes.csv` and `relationships.csv` into `dir` (created if needed). Returns the number of
/// relationships.
pub fn write_neo4j(
    projection: &Projection,
    selection: &Selection,
    dir: &Path,
) -> ExportResult<usize> {
    std::fs::create_dir_all(dir)?;
    let (nodes, edges) = selection.subgraph(projection);
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("nodes.csv"))?);
    writeln!(out, "{NODES_HEADER}")?;
    for n in &nodes {
        let node = &projection.graph[*n];
        writeln!(
            out,
            "{},{},{},{},{}",
            csv(&node.iri),
            csv(&node.label),
            csv(node.class.as_deref().unwrap_or("")),
            csv(&node.aliases.join(";")),
            node_label(node.class.as_deref())
        )?;
    }
    out.flush()?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("relationships.csv"))?);
    writeln!(out, "{RELATIONSHIPS_HEADER}")?;
    for e in &edges {
        let Some((a, b)) = projection.graph.edge_endpoints(*e) else {
            continue;
        };
        let edge = &projection.graph[*e];
        let mut documents: Vec<&str> = edge
            .evidence
            .iter()
            .map(|ev| ev.document.as_str())
            .collect();
        documents.sort();
        documents.dedup();
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            csv(&projection.graph[a].iri),
            csv(&projection.graph[b].iri),
            relationship_type(&edge.label),
            csv(&edge.predicate),
            edge.confidence,
            edge.kind.as_str(),
            csv(&documents.join(";")),
            csv(edge.evidence.first().map_or("", |ev| ev.sentence.as_str()))
        )?;
    }
    out.flush()?;
    Ok(edges.len())
}

/// A Cypher string literal.
fn cypher_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Writes a Cypher script (`MERGE`s, so it can run twice). Returns the number of relationships.
pub fn write_cypher(
    projection: &Projection,
    selection: &Selection,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    let (nodes, edges) = selection.subgraph(projection);
    writeln!(
        out,
        "CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;"
    )?;
    for n in &nodes {
        let node = &projection.graph[*n];
        let labels = node_label(node.class.as_deref()).replace(';', ":");
        let extra = labels.strip_prefix("Entity").unwrap_or("");
        write!(
            out,
            "MERGE (n:Entity {{iri: {}}}) SET n.name = {}",
            cypher_string(&node.iri),
            cypher_string(&node.label)
        )?;
        if let Some(class) = &node.class {
            write!(out, ", n.class = {}", cypher_string(class))?;
        }
        if !extra.is_empty() {
            write!(out, ", n{extra}")?;
        }
        writeln!(out, ";")?;
    }
    for e in &edges {
        let Some((a, b)) = projection.graph.edge_endpoints(*e) else {
            continue;
        };
        let edge = &projection.graph[*e];
        writeln!(
            out,
            "MATCH (a:Entity {{iri: {}}}), (b:Entity {{iri: {}}}) MERGE (a)-[r:{} {{predicate: {}}}]->(b) SET r.confidence = {}, r.kind = {}, r.sentence = {};",
            cypher_string(&projection.graph[a].iri),
            cypher_string(&projection.graph[b].iri),
            relationship_type(&edge.label),
            cypher_string(&edge.predicate),
            edge.confidence,
            cypher_string(edge.kind.as_str()),
            cypher_string(edge.evidence.first().map_or("", |ev| ev.sentence.as_str()))
        )?;
    }
    Ok(edges.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_types() {
        for (label, ty) in [
            ("controls", "CONTROLS"),
            ("partOf", "PART_OF"),
            ("revive talk", "REVIVE_TALK"),
            ("", "RELATED_TO"),
            ("2nd try", "R_2ND_TRY"),
            ("say \"x\"", "SAY_X"),
        ] {
            assert_eq!(relationship_type(label), ty, "{label}");
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(csv("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(cypher_string("it's"), "'it\\'s'");
    }
}
