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
//! the number of solutions (a `COUNT(*)` over every triple of a 10^6-edge store holds them all). `kg query`
//! and the HTTP endpoint both parse with [`parse_union_query`], so they give the same answers; the endpoint
//! bounds that memory with its per-query memory limit (see [`super::guard`]).
//!
//! A text that does not parse gets one line saying what and where ([`SparqlTextError`]): an update sent as a
//! query (or the reverse) and a misspelt query form are named as such, not as the parser's list of expected
//! tokens.

use super::sparql_text::Expected;
pub use super::sparql_text::SparqlTextError;
use spargebra::Query;
use spargebra::algebra::GraphPattern;
use spargebra::term::{BlankNode, TermPattern, TriplePattern, Variable};
use std::collections::HashMap;

/// A SPARQL parser with `prefixes` predeclared. A prefix IRI that does not parse is left out: a text using
/// the prefix then fails with a clear message.
fn parser_with(prefixes: &[(&str, String)]) -> spargebra::SparqlParser {
    let mut parser = spargebra::SparqlParser::new();
    for (name, iri) in prefixes {
        if let Ok(with) = parser.clone().with_prefix(*name, iri.clone()) {
            parser = with;
        }
    }
    parser
}

/// Parses `text` (with the given prefixes) for evaluation over the union of all graphs as one graph: see
/// the module documentation.
pub fn parse_union_query(
    text: &str,
    prefixes: &[(&str, String)],
) -> Result<Query, SparqlTextError> {
    match parser_with(prefixes).parse_query(text) {
        Ok(query) => Ok(union_as_set(query)),
        Err(err) => Err(SparqlTextError::explain(text, &err, Expected::Query)),
    }
}

/// Parses a SPARQL update with the given prefixes predeclared.
pub fn parse_update(
    text: &str,
    prefixes: &[(&str, String)],
) -> Result<spargebra::Update, SparqlTextError> {
    parser_with(prefixes)
        .parse_update(text)
        .map_err(|err| SparqlTextError::explain(text, &err, Expected::Update))
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

/// `Distinct` over a projection on every in-scope variable of `pattern` (its blank nodes made variables first,
/// so that solutions differing only there stay apart, as SPARQL counts them). The projection changes no
/// solution; it is there because spareval sizes a `Distinct`'s hash set from its input's lower size bound, and
/// a cartesian product of `VALUES` (or of sorted rows) has an exact one: three `VALUES` of 3,000 values asked
/// for 2.7 * 10^10 buckets at once, which aborts the process. A projection's bound is 0.
fn distinct(pattern: GraphPattern) -> GraphPattern {
    match pattern {
        already @ GraphPattern::Distinct { .. } => already,
        other => {
            let other = blank_nodes_as_variables(other, &mut HashMap::new());
            let mut variables: Vec<Variable> = Vec::new();
            other.on_in_scope_variable(|v| {
                if !variables.contains(v) {
                    variables.push(v.clone());
                }
            });
            GraphPattern::Distinct {
                inner: Box::new(GraphPattern::Project {
                    inner: Box::new(other),
                    variables,
                }),
            }
        }
    }
}

/// Replaces the blank nodes of triple patterns by variables `?_kg_bnode_N` (one per label), outside
/// subqueries and `SERVICE`, where they do not bind anything in scope.
fn blank_nodes_as_variables(
    pattern: GraphPattern,
    names: &mut HashMap<BlankNode, Variable>,
) -> GraphPattern {
    fn term(pattern: TermPattern, names: &mut HashMap<BlankNode, Variable>) -> TermPattern {
        match pattern {
            TermPattern::BlankNode(node) => {
                let next = names.len();
                let variable = names
                    .entry(node)
                    .or_insert_with(|| Variable::new_unchecked(format!("_kg_bnode_{next}")));
                TermPattern::Variable(variable.clone())
            }
            TermPattern::Triple(triple) => TermPattern::Triple(Box::new(TriplePattern {
                subject: term(triple.subject, names),
                predicate: triple.predicate,
                object: term(triple.object, names),
            })),
            other => other,
        }
    }
    let mut sub = |p: Box<GraphPattern>| Box::new(blank_nodes_as_variables(*p, names));
    match pattern {
        GraphPattern::Bgp { patterns } => GraphPattern::Bgp {
            patterns: patterns
                .into_iter()
                .map(|t| TriplePattern {
                    subject: term(t.subject, names),
                    predicate: t.predicate,
                    object: term(t.object, names),
                })
                .collect(),
        },
        GraphPattern::Path {
            subject,
            path,
            object,
        } => GraphPattern::Path {
            subject: term(subject, names),
            path,
            object: term(object, names),
        },
        GraphPattern::Join { left, right } => GraphPattern::Join {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => GraphPattern::LeftJoin {
            left: sub(left),
            right: sub(right),
            expression,
        },
        GraphPattern::Lateral { left, right } => GraphPattern::Lateral {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
            expr,
            inner: sub(inner),
        },
        GraphPattern::Union { left, right } => GraphPattern::Union {
            left: sub(left),
            right: sub(right),
        },
        GraphPattern::Graph { name, inner } => GraphPattern::Graph {
            name,
            inner: sub(inner),
        },
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: sub(inner),
            variable,
            expression,
        },
        GraphPattern::Minus { left, right } => GraphPattern::Minus {
            left: sub(left),
            right,
        },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
            inner: sub(inner),
            expression,
        },
        // Subqueries (a projection and what is above it), VALUES and SERVICE keep theirs.
        other => other,
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
    fn refused_texts_say_what_and_where_in_one_line() {
        let query = |text: &str| parse_union_query(text, &[]).unwrap_err();
        assert_eq!(
            query("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"),
            SparqlTextError::UpdateNotQuery {
                keyword: "INSERT".into()
            }
        );
        assert_eq!(
            query("# hi\nPREFIX e: <http://e/>\nBASE <http://b/>\n  selec * {}").to_string(),
            "SPARQL syntax error at line 4, column 3: expected SELECT, CONSTRUCT, ASK, DESCRIBE, found \"selec\""
        );
        let err = query("SELECT ?s WHERE { ?s ?p ?o . FILTER( }");
        assert_eq!(err.position(), Some((1, 39)));
        assert!(
            err.to_string().starts_with(
                "SPARQL syntax error at line 1, column 39 (at the end of the text): expected one of"
            ),
            "{err}"
        );
        assert!(
            query("SELECT * WHERE { ?s nope:p ?o }")
                .to_string()
                .ends_with(": undeclared prefix \"nope:\" (declare it with PREFIX)"),
        );
        let err = query("SELECT ?s WHERE { ?s ?p ?o } LIMIT x");
        assert!(
            err.to_string()
                .starts_with("SPARQL syntax error at line 1, column 36 near \"x\": expected"),
            "{err}"
        );
        assert!(err.to_string().len() < 300, "{err}");
        assert!(!err.to_string().contains('\n'));
        let update = |text: &str| parse_update(text, &[]).unwrap_err();
        assert_eq!(
            update("ask {}"),
            SparqlTextError::QueryNotUpdate {
                keyword: "ASK".into()
            }
        );
        assert!(matches!(
            update("INSRT DATA {}"),
            SparqlTextError::UnknownForm {
                line: 1,
                column: 1,
                ..
            }
        ));
        // Odd texts never panic.
        for text in [
            "",
            "PREFIX",
            "PREFIX e: <",
            "#",
            "é",
            "SELECT \u{0}",
            "\n\n}",
        ] {
            let _ = query(text).to_string();
            let _ = parse_update(text, &[]).map_err(|e| e.to_string());
        }
    }

    #[test]
    fn blank_nodes_of_the_pattern_keep_solutions_apart() {
        use oxigraph::sparql::{QueryResults, SparqlEvaluator};
        let store = oxigraph::store::Store::new().unwrap();
        store
            .load_from_slice(
                oxigraph::io::RdfFormat::NQuads,
                "<http://e/s> <http://e/p> <http://e/a> <http://e/g1> .\n<http://e/s> <http://e/p> <http://e/b> <http://e/g1> .\n<http://e/s> <http://e/p> <http://e/a> <http://e/g2> .\n",
            )
            .unwrap();
        let rows = |text: &str| {
            let mut prepared =
                SparqlEvaluator::new().for_query(parse_union_query(text, &[]).unwrap());
            prepared.dataset_mut().set_default_graph_as_union();
            match prepared.on_store(&store).execute().unwrap() {
                QueryResults::Solutions(s) => s.count(),
                _ => 0,
            }
        };
        // Two objects (a stated twice): two solutions, as `?o` would give.
        assert_eq!(rows("SELECT ?s WHERE { ?s <http://e/p> [] }"), 2);
        assert_eq!(
            rows("SELECT ?s WHERE { ?s <http://e/p> _:x . _:x ?q ?r }"),
            0
        );
        assert_eq!(rows("SELECT ?s WHERE { ?s <http://e/p> ?o }"), 2);
    }

    #[test]
    fn the_where_pattern_is_made_distinct_below_the_modifiers() {
        for (query, expected) in [
            (
                "SELECT ?s WHERE { ?s ex:p ?o }",
                "project(distinct(project(bgp)))",
            ),
            (
                "SELECT ?s WHERE { ?s ex:p ?o } ORDER BY ?o LIMIT 2",
                "slice(project(order(distinct(project(bgp)))))",
            ),
            (
                "SELECT DISTINCT ?s WHERE { ?s ex:p ?o }",
                "distinct(project(distinct(project(bgp))))",
            ),
            (
                "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ex:p ?o FILTER(?o != ex:x) } GROUP BY ?s HAVING (COUNT(*) > 1)",
                "project(extend(filter(group(distinct(project(filter(bgp)))))))",
            ),
            (
                "SELECT ?s ?l WHERE { ?s ex:p ?o BIND(STR(?o) AS ?l) }",
                "project(distinct(project(extend(bgp))))",
            ),
            (
                "CONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ?o }",
                "project(distinct(project(bgp)))",
            ),
            ("ASK { ?s ex:p ?o }", "project(bgp)"),
        ] {
            assert_eq!(rewritten(query), expected, "{query}");
        }
    }
}
