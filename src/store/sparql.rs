//! SPARQL over the union of the store's graphs, with the union read as one RDF graph (a set of triples).
//!
//! oxigraph's union default graph matches a triple once per named graph that holds it, and kg states a fact
//! (and an entity's label, class and aliases) in the graph of every document that mentions it: a query over the
//! union would return each answer once per document. Materialising the union as a graph of its own would make
//! every load write each triple twice and every `kg remove` check, triple by triple, whether another document
//! still states it. Instead the query is rewritten: the solutions of its `WHERE` pattern are made distinct before
//! grouping, projection and the rest. Every variable of the pattern is still bound, so two solutions that differ
//! anywhere (another graph in `GRAPH ?g`, another object, another row) both stay; only exact copies, which a set
//! of triples cannot give, go. Two corner cases the SPARQL bag semantics would keep are merged too: a solution
//! that both branches of a `UNION` give, and repeated `VALUES` rows or subquery rows projected to the same
//! values. The `WHERE` pattern itself is evaluated as before (joins, `OPTIONAL` and their optimisation are
//! untouched); the cost is one hash set over its solutions, as with `SELECT DISTINCT`: memory in proportion to
//! the number of solutions (a `COUNT(*)` over every triple of a 10^6-edge store holds them all). That is why
//! `kg query` reads the union this way and the HTTP server does not: its time limit bounds a query's work
//! but not, with such a set, its memory, so `/query` keeps the streaming evaluation and its clients write
//! `DISTINCT` where they want it.

use spargebra::Query;
use spargebra::algebra::GraphPattern;

/// Parses `text` (with the given prefixes) for evaluation over the union of all graphs as one graph: see
/// the module documentation.
pub fn parse_union_query(
    text: &str,
    prefixes: &[(&str, String)],
) -> Result<Query, spargebra::SparqlSyntaxError> {
    let mut parser = spargebra::SparqlParser::new();
    for (name, iri) in prefixes {
        // A prefix IRI that does not parse is left out: a query using the prefix then fails with a clear
        // message.
        if let Ok(with) = parser.clone().with_prefix(*name, iri.clone()) {
            parser = with;
        }
    }
    Ok(union_as_set(parser.parse_query(text)?))
}

/// Rewrites `query` so that the solutions of its `WHERE` pattern are distinct (the union of graphs read as
/// a set of triples).
pub fn union_as_set(query: Query) -> Query {
    match query {
        Query::Select {
            dataset,
            pattern,
            base_iri,
        } => Query::Select {
            dataset,
            pattern: distinct_where(pattern),
            base_iri,
        },
        Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => Query::Construct {
            template,
            dataset,
            pattern: distinct_where(pattern),
            base_iri,
        },
        Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => Query::Describe {
            dataset,
            pattern: distinct_where(pattern),
            base_iri,
        },
        // A boolean does not count solutions.
        ask @ Query::Ask { .. } => ask,
    }
}

/// Wraps the `WHERE` part of a query's pattern in `Distinct`. The parser builds the solution modifiers
/// around it in a fixed order (slice, distinct/reduced, project, order by, the select expressions, having,
/// group); the descent stops at the first pattern that is not one of them, or inside the group.
fn distinct_where(pattern: GraphPattern) -> GraphPattern {
    match pattern {
        GraphPattern::Slice {
            inner,
            start,
            length,
        } => GraphPattern::Slice {
            inner: Box::new(distinct_where(*inner)),
            start,
            length,
        },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct {
            inner: Box::new(distinct_where(*inner)),
        },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced {
            inner: Box::new(distinct_where(*inner)),
        },
        GraphPattern::Project { inner, variables } => GraphPattern::Project {
            inner: Box::new(distinct_where(*inner)),
            variables,
        },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
            inner: Box::new(distinct_where(*inner)),
            expression,
        },
        // Above a group, `Extend` is a select expression and `Filter` a HAVING: the WHERE part is below.
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } if has_group(&inner) => GraphPattern::Extend {
            inner: Box::new(distinct_where(*inner)),
            variable,
            expression,
        },
        GraphPattern::Filter { expr, inner } if has_group(&inner) => GraphPattern::Filter {
            expr,
            inner: Box::new(distinct_where(*inner)),
        },
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } => GraphPattern::Group {
            inner: Box::new(distinct(*inner)),
            variables,
            aggregates,
        },
        other => distinct(other),
    }
}

/// Whether a group is reached through select expressions and HAVING filters alone.
fn has_group(pattern: &GraphPattern) -> bool {
    match pattern {
        GraphPattern::Group { .. } => true,
        GraphPattern::Extend { inner, .. } | GraphPattern::Filter { inner, .. } => has_group(inner),
        _ => false,
    }
}

fn distinct(pattern: GraphPattern) -> GraphPattern {
    match pattern {
        already @ GraphPattern::Distinct { .. } => already,
        other => GraphPattern::Distinct {
            inner: Box::new(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nesting of the rewritten query's pattern, e.g. `project(distinct(bgp))`.
    fn shape(pattern: &GraphPattern) -> String {
        let wrap = |name: &str, inner: &GraphPattern| format!("{name}({})", shape(inner));
        match pattern {
            GraphPattern::Slice { inner, .. } => wrap("slice", inner),
            GraphPattern::Distinct { inner } => wrap("distinct", inner),
            GraphPattern::Reduced { inner } => wrap("reduced", inner),
            GraphPattern::Project { inner, .. } => wrap("project", inner),
            GraphPattern::OrderBy { inner, .. } => wrap("order", inner),
            GraphPattern::Extend { inner, .. } => wrap("extend", inner),
            GraphPattern::Filter { inner, .. } => wrap("filter", inner),
            GraphPattern::Group { inner, .. } => wrap("group", inner),
            GraphPattern::Bgp { .. } => "bgp".to_string(),
            _ => "other".to_string(),
        }
    }

    fn rewritten(text: &str) -> String {
        match parse_union_query(text, &[("ex", "http://e/".to_string())]).unwrap() {
            Query::Select { pattern, .. }
            | Query::Construct { pattern, .. }
            | Query::Describe { pattern, .. }
            | Query::Ask { pattern, .. } => shape(&pattern),
        }
    }

    #[test]
    fn the_where_pattern_is_made_distinct_below_the_modifiers() {
        for (query, expected) in [
            ("SELECT ?s WHERE { ?s ex:p ?o }", "project(distinct(bgp))"),
            (
                "SELECT ?s WHERE { ?s ex:p ?o } ORDER BY ?o LIMIT 2",
                "slice(project(order(distinct(bgp))))",
            ),
            (
                "SELECT DISTINCT ?s WHERE { ?s ex:p ?o }",
                "distinct(project(distinct(bgp)))",
            ),
            (
                "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ex:p ?o FILTER(?o != ex:x) } GROUP BY ?s HAVING (COUNT(*) > 1)",
                "project(extend(filter(group(distinct(filter(bgp))))))",
            ),
            (
                "SELECT ?s ?l WHERE { ?s ex:p ?o BIND(STR(?o) AS ?l) }",
                "project(distinct(extend(bgp)))",
            ),
            (
                "CONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ?o }",
                "project(distinct(bgp))",
            ),
            ("ASK { ?s ex:p ?o }", "project(bgp)"),
        ] {
            assert_eq!(rewritten(query), expected, "{query}");
        }
    }
}
