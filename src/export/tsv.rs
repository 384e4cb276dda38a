//! A TSV of facts with readable labels: one row per extracted or inferred asserted fact, its entities
//! named as its document names them.

use super::{ExportResult, Selection};
use crate::graph::Projection;
use crate::store::{FactKind, KgStore};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::io::Write;

/// The header row.
pub const TSV_HEADER: &str = "subject\tpredicate\tobject\tconfidence\tkind\tdocument\tsentence";

/// A TSV cell: tabs and line breaks would break the row, so they become spaces.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Writes the facts (only asserted ones: negated and hedged facts are not facts of the graph) as TSV with
/// the header [`TSV_HEADER`]. Returns the number of rows.
pub fn write_tsv(
    store: &KgStore,
    projection: &Projection,
    selection: &Selection,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    writeln!(out, "{TSV_HEADER}")?;
    // A row's names are those of its document (`US` where the sentence's document writes no `United
    // States`), so that a reader finds them in the sentence; inferred rows take the entities' labels.
    let names = store.names_in_documents()?;
    let label = |iri: &str, document: Option<&String>| {
        document
            .and_then(|d| names.get(d)?.get(iri))
            .cloned()
            .unwrap_or_else(|| projection.entity_label(iri))
    };
    let mut rows = 0;
    for fact in store.facts()? {
        if fact.modality != "asserted" || !selection.keeps_predicate(fact.predicate.as_str()) {
            continue;
        }
        let subject = match &fact.subject {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
            NamedOrBlankNode::BlankNode(b) => b.to_string(),
        };
        if !selection.keeps_entity(&subject) {
            continue;
        }
        let object = match &fact.object {
            Term::NamedNode(n) => {
                if !selection.keeps_entity(n.as_str()) {
                    continue;
                }
                label(n.as_str(), fact.document.as_ref())
            }
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            cell(&label(&subject, fact.document.as_ref())),
            cell(&projection.predicate_label(fact.predicate.as_str())),
            cell(&object),
            fact.confidence,
            fact.kind.as_str(),
            cell(fact.document.as_deref().unwrap_or("")),
            cell(&match fact.kind {
                FactKind::Extracted => fact.sentence.clone().unwrap_or_default(),
                FactKind::Inferred => format!("(inferred by rule {})", fact.rule),
            })
        )?;
        rows += 1;
    }
    Ok(rows)
}
