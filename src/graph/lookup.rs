//! Finding entities by IRI, key, label or alias, with the closest labels as suggestions for unknown names.

use super::Projection;
use petgraph::stable_graph::NodeIndex;

/// Why an entity could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// No entity has this name.
    #[error("no entity named {name:?}{}", suggestion_text(.suggestions))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// The closest labels.
        suggestions: Vec<String>,
    },
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; the graph has no entity with a similar label (try `kg stats` to see the main entities)"
            .to_string()
    } else {
        format!(
            "; did you mean {}?",
            suggestions
                .iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl Projection {
    /// The entity called `name`: an IRI (with or without `<>`), an entity key, a label or an alias
    /// (case-insensitive). Among entities sharing a name, the most connected one.
    pub fn find(&self, name: &str) -> Result<NodeIndex, GraphError> {
        let trimmed = name.trim();
        let bare = trimmed.trim_start_matches('<').trim_end_matches('>');
        if let Some(n) = self.node(bare) {
            return Ok(n);
        }
        let key_iri = format!(
            "{}{}",
            self.namespaces().entity_ns(),
            crate::store::percent_encode(bare)
        );
        if let Some(n) = self.node(&key_iri) {
            return Ok(n);
        }
        if let Some(candidates) = self.names.get(&trimmed.to_lowercase())
            && let Some(&best) = candidates.iter().max_by_key(|&&n| {
                (
                    self.graph.neighbors_undirected(n).count(),
                    std::cmp::Reverse(n.index()),
                )
            })
        {
            return Ok(best);
        }
        Err(GraphError::UnknownEntity {
            name: trimmed.to_string(),
            suggestions: self.suggest(trimmed, 5),
        })
    }

    /// Up to `limit` labels closest to `name`: by edit distance (case-insensitive), names containing it first.
    pub fn suggest(&self, name: &str, limit: usize) -> Vec<String> {
        let wanted = name.to_lowercase();
        let max_distance = (wanted.chars().count() / 2).max(2);
        let mut scored: Vec<(usize, usize, String)> = Vec::new();
        for n in self.graph.node_indices() {
            let node = &self.graph[n];
            let mut best: Option<usize> = None;
            for candidate in std::iter::once(&node.label).chain(node.aliases.iter()) {
                let lower = candidate.to_lowercase();
                let d = if lower.contains(&wanted) || (!lower.is_empty() && wanted.contains(&lower))
                {
                    0
                } else {
                    edit_distance(&wanted, &lower)
                };
                best = Some(best.map_or(d, |b| b.min(d)));
            }
            if let Some(d) = best
                && d <= max_distance
            {
                let degree = self.graph.neighbors_undirected(n).count();
                scored.push((d, usize::MAX - degree, node.label.clone()));
            }
        }
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, label) in scored {
            if !out.contains(&label) {
                out.push(label);
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }
}

/// Levenshtein distance between two strings, by characters.
///
/// # Complexity
/// O(|a| · |b|) time, O(|b|) space.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn levenshtein() {
        for (a, b, d) in [
            ("", "", 0),
            ("putin", "putin", 0),
            ("putn", "putin", 1),
            ("kitten", "sitting", 3),
            ("", "abc", 3),
            ("é", "e", 1),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} / {b}");
            assert_eq!(edit_distance(b, a), d, "{b} / {a}");
        }
    }
}
