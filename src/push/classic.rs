//! RDF 1.2 reification rewritten as RDF 1.1 `rdf:Statement` reification, for stores that do not read triple
//! terms: `?r rdf:reifies <<( s p o )>>` becomes `?r a rdf:Statement ; rdf:subject s ; rdf:predicate p ;
//! rdf:object o`. A triple term anywhere else becomes a node (named by the caller) carrying the same four triples.

use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, NamedOrBlankNode, Term, Triple};

/// The RDF 1.1 triples that say what `triple` says; `name` gives the node that stands for a triple term that
/// has no reifier of its own (a statement IRI, or a blank node).
pub fn to_classic(triple: &Triple, name: &dyn Fn(&Triple) -> NamedOrBlankNode) -> Vec<Triple> {
    let mut out = Vec::new();
    match &triple.object {
        Term::Triple(inner) if triple.predicate.as_ref() == rdf::REIFIES => {
            statement(triple.subject.clone(), inner, name, &mut out);
        }
        Term::Triple(inner) => {
            let node = name(inner);
            out.push(Triple::new(
                triple.subject.clone(),
                triple.predicate.clone(),
                node.clone(),
            ));
            statement(node, inner, name, &mut out);
        }
        _ => out.push(triple.clone()),
    }
    out
}

/// `node` as an `rdf:Statement` of `inner` (nested triple terms recursively).
fn statement(
    node: NamedOrBlankNode,
    inner: &Triple,
    name: &dyn Fn(&Triple) -> NamedOrBlankNode,
    out: &mut Vec<Triple>,
) {
    out.push(Triple::new(node.clone(), rdf::TYPE, rdf::STATEMENT));
    out.push(Triple::new(
        node.clone(),
        rdf::SUBJECT,
        inner.subject.clone(),
    ));
    out.push(Triple::new(
        node.clone(),
        rdf::PREDICATE,
        inner.predicate.clone(),
    ));
    match &inner.object {
        Term::Triple(nested) => {
            let object = name(nested);
            out.push(Triple::new(node, rdf::OBJECT, object.clone()));
            statement(object, nested, name, out);
        }
        object => out.push(Triple::new(node, rdf::OBJECT, object.clone())),
    }
}

/// Names triple terms with fresh blank nodes.
pub fn blank(_: &Triple) -> NamedOrBlankNode {
    NamedOrBlankNode::from(BlankNode::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn iri(s: &str) -> NamedNode {
        NamedNode::new(format!("http://e/{s}")).unwrap()
    }

    #[test]
    fn reifiers_become_statements() {
        let fact = Triple::new(iri("russia"), iri("controls"), iri("crimea"));
        let reifier = iri("r1");
        let out = to_classic(
            &Triple::new(reifier.clone(), rdf::REIFIES, fact.clone()),
            &blank,
        );
        assert_eq!(
            out,
            vec![
                Triple::new(reifier.clone(), rdf::TYPE, rdf::STATEMENT),
                Triple::new(reifier.clone(), rdf::SUBJECT, iri("russia")),
                Triple::new(reifier.clone(), rdf::PREDICATE, iri("controls")),
                Triple::new(reifier, rdf::OBJECT, iri("crimea")),
            ]
        );
    }

    #[test]
    fn plain_triples_pass_and_other_triple_terms_get_a_node() {
        let plain = Triple::new(iri("a"), iri("p"), Literal::from("x"));
        assert_eq!(to_classic(&plain, &blank), vec![plain.clone()]);
        let quoted = Triple::new(
            iri("a"),
            iri("says"),
            Triple::new(iri("b"), iri("p"), iri("c")),
        );
        let out = to_classic(&quoted, &blank);
        assert_eq!(out.len(), 5);
        assert!(out.iter().all(|t| !matches!(t.object, Term::Triple(_))));
        let Term::BlankNode(node) = &out[0].object else {
            panic!("expected a blank node, got {}", out[0]);
        };
        assert_eq!(out[1], Triple::new(node.clone(), rdf::TYPE, rdf::STATEMENT));
    }

    #[test]
    fn nested_triple_terms_unfold() {
        let nested = Triple::new(
            iri("a"),
            iri("p"),
            Triple::new(iri("b"), iri("q"), iri("c")),
        );
        let out = to_classic(&Triple::new(iri("r"), rdf::REIFIES, nested), &blank);
        assert_eq!(out.len(), 8);
        assert!(out.iter().all(|t| !matches!(t.object, Term::Triple(_))));
    }
}
