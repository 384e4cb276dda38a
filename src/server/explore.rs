//! The JSON behind the explorer page: entity search by label and an entity's neighbourhood (edges with labels
//! and the source sentence of each edge, read from its RDF 1.2 reifier).

use super::http::Response;
use super::routes::Params;
use super::sparql::{QueryLimits, Watchdog};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};

const PREFIXES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
";

/// Writes `text` as a SPARQL string literal.
fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Runs a SELECT over the union of all graphs, collecting at most `limits.max_results` rows.
fn select(
    store: &Store,
    query: &str,
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Result<Vec<HashMap<String, Term>>, Response> {
    let ticket = watchdog.register(limits.timeout);
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(ticket.token.clone())
        .parse_query(query)
        .map_err(|e| Response::text(500, format!("explorer query does not parse: {e}")))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let failed = |e: oxigraph::sparql::QueryEvaluationError| match e {
        oxigraph::sparql::QueryEvaluationError::Cancelled => {
            Response::text(503, "the explorer query exceeded the time limit")
        }
        e => Response::text(500, format!("explorer query failed: {e}")),
    };
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().map_err(failed)?
    else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for solution in solutions.take(limits.max_results) {
        let solution = solution.map_err(failed)?;
        rows.push(
            solution
                .iter()
                .map(|(v, t)| (v.as_str().to_string(), t.clone()))
                .collect(),
        );
    }
    Ok(rows)
}

/// A term as the page shows it: IRIs as IRIs, literals as their lexical form.
fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// The last segment of an IRI, for a readable fallback label.
fn local_name(iri: &str) -> String {
    let tail = iri.rsplit(['#', '/']).next().unwrap_or(iri);
    if tail.is_empty() {
        iri.to_string()
    } else {
        tail.replace('_', " ")
    }
}

fn json_response(value: &Value) -> Response {
    Response::new(200, "application/json", value.to_string())
}

/// `GET /api/search?q=TEXT`: entities whose label or alias contains TEXT (any entity when empty), shortest
/// label first among the first 500 matches (the cap keeps a one-letter search cheap on a large store).
pub(crate) fn search(
    store: &Store,
    params: &Params,
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Response {
    let q = params.get("q").unwrap_or("").trim();
    let query = format!(
        "{PREFIXES}SELECT ?e (MIN(?lab) AS ?label) (MIN(?c) AS ?class) WHERE {{
           {{ SELECT DISTINCT ?e WHERE {{
               ?e rdfs:label|skos:altLabel ?name .
               FILTER(isIRI(?e) && CONTAINS(LCASE(STR(?name)), LCASE({})))
           }} LIMIT 500 }}
           FILTER NOT EXISTS {{ ?e a ?meta . FILTER(STRSTARTS(STR(?meta), STR(owl:)) || ?meta = rdfs:Class) }}
           OPTIONAL {{ ?e rdfs:label ?lab }}
           OPTIONAL {{ ?e a ?c }}
         }} GROUP BY ?e ORDER BY STRLEN(STR(MIN(?lab))) ?e LIMIT 25",
        string_literal(q)
    );
    match select(store, &query, limits, watchdog) {
        Ok(rows) => {
            let hits: Vec<Value> = rows
                .iter()
                .filter_map(|row| {
                    let id = term_text(row.get("e")?);
                    let label = row.get("label").map_or_else(|| local_name(&id), term_text);
                    let class = row.get("class").map(|c| local_name(&term_text(c)));
                    Some(json!({"id": id, "label": label, "class": class}))
                })
                .collect();
            json_response(&json!({ "results": hits }))
        }
        Err(response) => response,
    }
}

/// The sentence an edge was extracted from: the longest text literal on a reifier of the edge (the store records
/// the sentence there beside the document, offsets and rule name, which are shorter or not text). Read straight
/// from the indexes: a SPARQL pattern on a triple term with variables inside scans every reifier.
fn source_sentence(store: &Store, s: &Term, p: &Term, o: &Term) -> Option<String> {
    let subject = match s {
        Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
        Term::BlankNode(b) => NamedOrBlankNode::from(b.clone()),
        _ => return None,
    };
    let Term::NamedNode(predicate) = p else {
        return None;
    };
    let edge = Term::from(Triple::new(subject, predicate.clone(), o.clone()));
    let mut best: Option<String> = None;
    for quad in store
        .quads_for_pattern(None, Some(rdf::REIFIES), Some(edge.as_ref()), None)
        .take(16)
    {
        let reifier = quad.ok()?.subject;
        for fact in store
            .quads_for_pattern(Some(reifier.as_ref()), None, None, None)
            .take(64)
        {
            if let Ok(Quad {
                object: Term::Literal(text),
                ..
            }) = fact
                && text.value().chars().count() > 20
                && best.as_ref().is_none_or(|b| text.value().len() > b.len())
            {
                best = Some(text.value().to_string());
            }
        }
    }
    best
}

/// `GET /api/neighbourhood?node=IRI&limit=N`: the edges in and out of an entity, each with its predicate label
/// and the sentence it was extracted from, plus the labels and classes of the nodes at the other ends.
pub(crate) fn neighbourhood(
    store: &Store,
    params: &Params,
    limits: &QueryLimits,
    watchdog: &Watchdog,
) -> Response {
    let Some(node) = params.get("node") else {
        return Response::text(400, "missing `node` parameter");
    };
    // Validating the IRI also guarantees it cannot break out of `<...>` in the query text.
    let node = match NamedNode::new(node) {
        Ok(node) => node,
        Err(e) => return Response::text(400, format!("invalid node IRI {node:?}: {e}")),
    };
    let limit = params
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(60)
        .clamp(1, 500);
    let iri = node.as_str();
    let query = format!(
        "{PREFIXES}SELECT ?s ?p ?o (SAMPLE(?pl) AS ?plabel) WHERE {{
           {{ <{iri}> ?p ?o . BIND(<{iri}> AS ?s) }} UNION {{ ?s ?p <{iri}> . BIND(<{iri}> AS ?o) }}
           FILTER(?p NOT IN (rdf:type, rdfs:label, skos:altLabel, rdf:reifies, rdfs:comment))
           FILTER((isIRI(?o) || isLiteral(?o)) && isIRI(?s))
           FILTER NOT EXISTS {{ ?s rdf:reifies ?x }}
           OPTIONAL {{ ?p rdfs:label ?pl }}
         }} GROUP BY ?s ?p ?o LIMIT {}",
        limit + 1
    );
    let rows = match select(store, &query, limits, watchdog) {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    let truncated = rows.len() > limit;
    let mut nodes: BTreeMap<String, Value> = BTreeMap::new();
    nodes.insert(iri.to_string(), json!({"id": iri, "literal": false}));
    let mut edges = Vec::new();
    for row in rows.iter().take(limit) {
        let (Some(s), Some(p), Some(o)) = (row.get("s"), row.get("p"), row.get("o")) else {
            continue;
        };
        let (source, target) = (term_text(s), term_text(o));
        let literal = matches!(o, Term::Literal(_));
        // Literal objects become leaf nodes of their own, one per edge.
        let target_id = if literal {
            format!("literal:{}:{}", edges.len(), target)
        } else {
            target.clone()
        };
        for (id, is_literal, label) in
            [(&source, false, None), (&target_id, literal, Some(&target))]
        {
            nodes.entry(id.clone()).or_insert_with(|| {
                json!({"id": id, "literal": is_literal, "label": if is_literal { label.cloned() } else { None }})
            });
        }
        let predicate = term_text(p);
        edges.push(json!({
            "source": source,
            "target": target_id,
            "predicate": predicate,
            "label": row.get("plabel").map_or_else(|| local_name(&predicate), term_text),
            "sentence": source_sentence(store, s, p, o),
        }));
    }
    // Labels and classes of the entity nodes, in one query.
    let entity_ids: Vec<&String> = nodes
        .iter()
        .filter(|(_, v)| v["literal"] == false)
        .map(|(k, _)| k)
        .collect();
    let values: String = entity_ids.iter().map(|id| format!("<{id}> ")).collect();
    let query = format!(
        "{PREFIXES}SELECT ?n (MIN(?l) AS ?label) (MIN(?c) AS ?class) WHERE {{
           VALUES ?n {{ {values} }}
           OPTIONAL {{ ?n rdfs:label ?l }} OPTIONAL {{ ?n a ?c }}
         }} GROUP BY ?n"
    );
    let labels = match select(store, &query, limits, watchdog) {
        Ok(rows) => rows,
        Err(response) => return response,
    };
    for row in labels {
        let Some(id) = row.get("n").map(term_text) else {
            continue;
        };
        if let Some(node) = nodes.get_mut(&id) {
            node["label"] = json!(row.get("label").map_or_else(|| local_name(&id), term_text));
            node["class"] = json!(row.get("class").map(|c| local_name(&term_text(c))));
        }
    }
    json_response(&json!({
        "center": iri,
        "nodes": nodes.into_values().collect::<Vec<_>>(),
        "edges": edges,
        "truncated": truncated,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped() {
        let cases = [
            ("putin", "\"putin\""),
            ("a\"b", "\"a\\\"b\""),
            ("a\\b", "\"a\\\\b\""),
            ("x\n} DROP ALL {", "\"x\\n} DROP ALL {\""),
        ];
        for (text, literal) in cases {
            assert_eq!(string_literal(text), literal);
        }
    }

    #[test]
    fn local_names_read_well() {
        assert_eq!(
            local_name("http://kg.example/entity/vladimir_putin"),
            "vladimir putin"
        );
        assert_eq!(
            local_name("http://kg.example/ontology#controls"),
            "controls"
        );
        assert_eq!(local_name("http://kg.example/"), "http://kg.example/");
    }
}
