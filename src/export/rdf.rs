//! RDF exports (N-Triples, N-Quads, Turtle, TriG, RDF/XML, JSON-LD) with oxigraph's serialisers, and the
//! reification modes for consumers that do not read RDF 1.2 yet.

use super::{ExportError, ExportResult, Selection};
use crate::store::{DCTERMS, KgStore, SKOS};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// How reified facts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reification {
    /// As stored: `?r rdf:reifies <<( s p o )>>` (RDF 1.2).
    #[default]
    Rdf12,
    /// RDF 1.1 reification: the reifier is an `rdf:Statement` with `rdf:subject`, `rdf:predicate`,
    /// `rdf:object`; other triple terms (premises) become statement resources described the same way.
    Classic,
    /// Plain triples only: reifiers and triple terms are left out.
    None,
}

/// Writes the store (without its settings graph; the ontology graph only if `with_ontology`) in `format`.
/// Triple formats get the union of all graphs, without duplicates. Returns the number of statements written.
pub fn write_rdf(
    store: &KgStore,
    format: RdfFormat,
    reification: Reification,
    selection: &Selection,
    with_ontology: bool,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    if reification == Reification::Rdf12 && matches!(format, RdfFormat::JsonLd { .. }) {
        return Err(ExportError::Serialize(
            "JSON-LD cannot carry RDF 1.2 triple terms yet: use --reification classic (the default for jsonld) or none"
                .to_string(),
        ));
    }
    let ns = store.namespaces();
    let meta = ns.meta_graph();
    let ontology = ns.ontology_graph();

    // Reifier -> the triple it reifies, to filter and transform reifiers' other statements.
    let mut reified: HashMap<NamedOrBlankNode, Triple> = HashMap::new();
    for quad in store
        .inner()
        .quads_for_pattern(None, Some(rdf::REIFIES), None, None)
    {
        let quad = quad.map_err(crate::store::StoreError::from)?;
        if let Term::Triple(t) = quad.object {
            reified.insert(quad.subject, *t);
        }
    }

    let keeps_triple = |s: &NamedOrBlankNode, p: &NamedNode, o: &Term| -> bool {
        if selection.is_all() {
            return true;
        }
        let s_iri = match s {
            NamedOrBlankNode::NamedNode(n) => n.as_str(),
            NamedOrBlankNode::BlankNode(_) => return selection.entities.is_none(),
        };
        if s_iri.starts_with(ns.doc_ns()) {
            return true;
        }
        if s_iri.starts_with(ns.rel_ns()) {
            return selection.keeps_predicate(s_iri);
        }
        if ns.is_relation(p.as_str()) {
            let object_ok = match o {
                Term::NamedNode(n) => selection.keeps_entity(n.as_str()),
                _ => true,
            };
            return selection.keeps_predicate(p.as_str())
                && selection.keeps_entity(s_iri)
                && object_ok;
        }
        selection.keeps_entity(s_iri)
    };

    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in prefixes(store) {
        serializer = serializer
            .with_prefix(prefix, iri)
            .map_err(|e| ExportError::Serialize(e.to_string()))?;
    }
    let mut writer = serializer.for_writer(out);
    let datasets = format.supports_datasets();
    // Triple formats merge the graphs: a statement in several graphs is written once. A 128-bit hash per
    // statement keeps the memory small; a collision is astronomically unlikely.
    let mut seen: HashSet<u128> = HashSet::new();
    let mut written = 0;
    let mut batch: Vec<Quad> = Vec::new();
    for quad in store.inner().iter() {
        let quad = quad.map_err(crate::store::StoreError::from)?;
        match &quad.graph_name {
            GraphName::NamedNode(g) if *g == meta => continue,
            GraphName::NamedNode(g) if *g == ontology && !with_ontology => continue,
            _ => {}
        }
        if let Some(t) = reified.get(&quad.subject) {
            if reification == Reification::None
                || !keeps_triple(&t.subject, &t.predicate, &t.object)
            {
                continue;
            }
        } else if !keeps_triple(&quad.subject, &quad.predicate, &quad.object) {
            continue;
        }
        match (reification, &quad.object) {
            (Reification::Rdf12, _)
            | (_, Term::NamedNode(_) | Term::BlankNode(_) | Term::Literal(_)) => {
                batch.push(quad);
            }
            (Reification::None, Term::Triple(_)) => {}
            (Reification::Classic, Term::Triple(t)) => {
                if quad.predicate == rdf::REIFIES {
                    let r = quad.subject.clone();
                    describe_statement(&r, t, &quad.graph_name, store, &mut batch);
                } else {
                    let statement = NamedOrBlankNode::from(store.namespaces().statement(t));
                    describe_statement(&statement, t, &quad.graph_name, store, &mut batch);
                    batch.push(Quad::new(
                        quad.subject.clone(),
                        quad.predicate.clone(),
                        statement,
                        quad.graph_name.clone(),
                    ));
                }
            }
        }
        for quad in batch.drain(..) {
            if datasets {
                writer.serialize_quad(&quad)?;
                written += 1;
            } else {
                let triple: oxigraph::model::TripleRef<'_> = quad.as_ref().into();
                if seen.insert(triple_hash(triple)) {
                    writer.serialize_triple(triple)?;
                    written += 1;
                }
            }
        }
    }
    writer.finish()?;
    Ok(written)
}

/// A 128-bit hash of a triple (two differently seeded 64-bit hashes).
fn triple_hash(triple: oxigraph::model::TripleRef<'_>) -> u128 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut a = std::collections::hash_map::DefaultHasher::new();
    triple.hash(&mut a);
    let mut b =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .build_hasher();
    0x9e37_79b9_7f4a_7c15_u64.hash(&mut b);
    triple.hash(&mut b);
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
}

/// `r a rdf:Statement; rdf:subject s; rdf:predicate p; rdf:object o` (nested triple terms recursively).
fn describe_statement(
    r: &NamedOrBlankNode,
    t: &Triple,
    graph: &GraphName,
    store: &KgStore,
    quads: &mut Vec<Quad>,
) {
    quads.push(Quad::new(
        r.clone(),
        rdf::TYPE,
        rdf::STATEMENT,
        graph.clone(),
    ));
    quads.push(Quad::new(
        r.clone(),
        rdf::SUBJECT,
        t.subject.clone(),
        graph.clone(),
    ));
    quads.push(Quad::new(
        r.clone(),
        rdf::PREDICATE,
        t.predicate.clone(),
        graph.clone(),
    ));
    let object = match &t.object {
        Term::Triple(inner) => {
            let nested = NamedOrBlankNode::from(store.namespaces().statement(inner));
            describe_statement(&nested, inner, graph, store, quads);
            Term::from(nested)
        }
        other => other.clone(),
    };
    quads.push(Quad::new(r.clone(), rdf::OBJECT, object, graph.clone()));
}

/// The prefixes Turtle-family outputs declare.
fn prefixes(store: &KgStore) -> Vec<(&'static str, String)> {
    let ns = store.namespaces();
    vec![
        ("kg", ns.ontology_ns().to_string()),
        ("ent", ns.entity_ns().to_string()),
        ("rel", ns.rel_ns().to_string()),
        ("doc", ns.doc_ns().to_string()),
        ("fact", ns.fact_ns().to_string()),
        (
            "rdf",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#".to_string(),
        ),
        (
            "rdfs",
            rdfs::LABEL.as_str().trim_end_matches("label").to_string(),
        ),
        (
            "xsd",
            xsd::STRING.as_str().trim_end_matches("string").to_string(),
        ),
        ("skos", SKOS.to_string()),
        ("dcterms", DCTERMS.to_string()),
    ]
}
