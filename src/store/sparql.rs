//! Parsing SPARQL for the store: the store's prefixes predeclared, and a text that does not parse answered
//! with one line saying what and where ([`SparqlTextError`]): an update sent as a query (or the reverse) and a
//! misspelt query form are named as such, not as the parser's list of expected tokens.
//!
//! Queries run over the union of the store's graphs. The store states each entity's description once (the
//! entities graph) and each asserted fact once (the facts graph); document graphs hold only what is theirs
//! (metadata, evidence, reifiers). So the union is read as oxigraph reads it, with no rewrite: a fact matches
//! once however many documents state it. `kg query` and the HTTP endpoint both parse with
//! [`parse_union_query`], so they give the same answers.

use super::sparql_text::Expected;
pub use super::sparql_text::SparqlTextError;
use spargebra::Query;

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

/// Parses `text` (with the given prefixes) for evaluation over the union of all graphs.
pub fn parse_union_query(
    text: &str,
    prefixes: &[(&str, String)],
) -> Result<Query, SparqlTextError> {
    parser_with(prefixes)
        .parse_query(text)
        .map_err(|err| SparqlTextError::explain(text, &err, Expected::Query))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
