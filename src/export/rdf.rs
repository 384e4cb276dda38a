//! RDF exports (N-Triples, N-Quads, Turtle, TriG, RDF/XML, JSON-LD) with oxigraph's serialisers, and the
//! reification modes for consumers that do not read RDF 1.2 yet.

use super::{ExportError, ExportResult, Selection};
use crate::store::KgStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
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
///
/// N-Triples and N-Quads are line formats: their graphs are rendered in parallel (decoding the store's terms is
/// most of the cost) and written in the store's order, so the output is the same as a sequential one.
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
    let statements = Statements::new(store, reification, selection)?;
    if matches!(format, RdfFormat::NTriples | RdfFormat::NQuads) {
        return write_lines(&statements, format, with_ontology, out);
    }
    let ns = store.namespaces();
    let meta = ns.meta_graph();
    let ontology = ns.ontology_graph();
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in store.namespaces().prefixes() {
        serializer = serializer
            .with_prefix(prefix, iri)
            .map_err(|e| ExportError::Serialize(e.to_string()))?;
    }
    // A large buffer of our own: the serialiser makes many small writes, and `out` is behind a `dyn`.
    let mut writer = serializer.for_writer(std::io::BufWriter::with_capacity(1 << 16, out));
    let datasets = format.supports_datasets();
    let mut seen = HashSet::new();
    let mut written = 0;
    let mut batch: Vec<Quad> = Vec::new();
    for quad in store.inner().iter() {
        let quad = quad.map_err(crate::store::StoreError::from)?;
        match &quad.graph_name {
            GraphName::NamedNode(g) if *g == meta => continue,
            GraphName::NamedNode(g) if *g == ontology && !with_ontology => continue,
            _ => {}
        }
        statements.transform(quad, &mut batch);
        for quad in batch.drain(..) {
            if datasets {
                writer.serialize_quad(&quad)?;
                written += 1;
            } else {
                let triple: oxigraph::model::TripleRef<'_> = quad.as_ref().into();
                if seen.insert(statement_hash(triple.to_string().as_bytes())) {
                    writer.serialize_triple(triple)?;
                    written += 1;
                }
            }
        }
    }
    writer
        .finish()?
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    Ok(written)
}

/// What the quads of the store become in an export: the selection filters them, the reification mode
/// rewrites or drops the reifiers.
struct Statements<'a> {
    store: &'a KgStore,
    reification: Reification,
    selection: &'a Selection,
    /// Reifier -> the triple it reifies, to drop or filter the reifiers' other statements. Only built when
    /// needed: it decodes every reifier once more, which a full RDF 1.2 or classic export does without.
    reified: HashMap<NamedOrBlankNode, Triple>,
}

impl<'a> Statements<'a> {
    fn new(
        store: &'a KgStore,
        reification: Reification,
        selection: &'a Selection,
    ) -> ExportResult<Self> {
        let mut reified = HashMap::new();
        if reification == Reification::None || !selection.is_all() {
            for quad in store
                .inner()
                .quads_for_pattern(None, Some(rdf::REIFIES), None, None)
            {
                let quad = quad.map_err(crate::store::StoreError::from)?;
                if let Term::Triple(t) = quad.object {
                    reified.insert(quad.subject, *t);
                }
            }
        }
        Ok(Self {
            store,
            reification,
            selection,
            reified,
        })
    }

    fn keeps_triple(&self, s: &NamedOrBlankNode, p: &NamedNode, o: &Term) -> bool {
        let selection = self.selection;
        if selection.is_all() {
            return true;
        }
        let ns = self.store.namespaces();
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
    }

    /// Pushes onto `out` the statements `quad` becomes (none when it is filtered out).
    fn transform(&self, quad: Quad, out: &mut Vec<Quad>) {
        if let Some(t) = self.reified.get(&quad.subject) {
            if self.reification == Reification::None
                || !self.keeps_triple(&t.subject, &t.predicate, &t.object)
            {
                return;
            }
        } else if !self.keeps_triple(&quad.subject, &quad.predicate, &quad.object) {
            return;
        }
        match (self.reification, &quad.object) {
            (Reification::Rdf12, _)
            | (_, Term::NamedNode(_) | Term::BlankNode(_) | Term::Literal(_)) => out.push(quad),
            (Reification::None, Term::Triple(_)) => {}
            (Reification::Classic, Term::Triple(t)) => {
                if quad.predicate == rdf::REIFIES {
                    describe_statement(&quad.subject, t, &quad.graph_name, self.store, out);
                } else {
                    let statement = NamedOrBlankNode::from(self.store.namespaces().statement(t));
                    describe_statement(&statement, t, &quad.graph_name, self.store, out);
                    out.push(Quad::new(
                        quad.subject.clone(),
                        quad.predicate.clone(),
                        statement,
                        quad.graph_name.clone(),
                    ));
                }
            }
        }
    }
}

/// One graph rendered as N-Triples or N-Quads lines.
#[derive(Default)]
struct RenderedGraph {
    text: Vec<u8>,
    /// For triple formats: each line's end offset in `text` and the hash of its statement (to drop the
    /// statements an earlier graph already had).
    lines: Vec<(usize, u128)>,
}

/// The N-Triples / N-Quads path of [`write_rdf`]: graphs are rendered in parallel, a window at a time (memory
/// stays bounded by the window), and written in order.
fn write_lines(
    statements: &Statements<'_>,
    format: RdfFormat,
    with_ontology: bool,
    out: &mut dyn Write,
) -> ExportResult<usize> {
    let store = statements.store.inner();
    let ns = statements.store.namespaces();
    let meta = ns.meta_graph();
    let ontology = ns.ontology_graph();
    let mut graphs = vec![GraphName::DefaultGraph];
    for graph in store.named_graphs() {
        match graph.map_err(crate::store::StoreError::from)? {
            NamedOrBlankNode::NamedNode(g) if g == meta => {}
            NamedOrBlankNode::NamedNode(g) if g == ontology && !with_ontology => {}
            graph => graphs.push(graph.into()),
        }
    }
    let merge = format == RdfFormat::NTriples;
    let window = rayon::current_num_threads().max(1) * 16;
    let render = |chunk: &[GraphName]| -> Vec<ExportResult<RenderedGraph>> {
        chunk
            .par_iter()
            .map(|graph| render_graph(statements, graph, merge))
            .collect()
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut seen: HashSet<u128, BuildHasherDefault<Prehashed>> = HashSet::default();
    let mut written = 0;
    let mut write = |parts: Vec<ExportResult<RenderedGraph>>| -> ExportResult<()> {
        for part in parts {
            let part = part?;
            if !merge {
                out.write_all(&part.text)?;
                written += part.lines.len();
                continue;
            }
            let mut start = 0;
            for &(end, hash) in &part.lines {
                if seen.insert(hash) {
                    out.write_all(&part.text[start..end])?;
                    written += 1;
                }
                start = end;
            }
        }
        Ok(())
    };
    // The pool renders the next window while this thread writes the last one.
    let mut chunks = graphs.chunks(window);
    let mut pending = chunks.next().map(render).unwrap_or_default();
    loop {
        let next = chunks.next();
        let mut upcoming = Vec::new();
        rayon::in_place_scope(|scope| {
            if let Some(chunk) = next {
                scope.spawn(|_| upcoming = render(chunk));
            }
            write(std::mem::take(&mut pending))
        })?;
        if next.is_none() {
            break;
        }
        pending = upcoming;
    }
    out.into_inner()
        .map_err(std::io::IntoInnerError::into_error)?
        .flush()?;
    Ok(written)
}

/// The hasher of a set of [`statement_hash`]es: they are hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

/// The lines of one graph, as oxigraph's N-Triples / N-Quads serialisers write them (`{statement} .`).
fn render_graph(
    statements: &Statements<'_>,
    graph: &GraphName,
    merge: bool,
) -> ExportResult<RenderedGraph> {
    let mut rendered = RenderedGraph::default();
    let mut batch = Vec::new();
    for quad in statements
        .store
        .inner()
        .quads_for_pattern(None, None, None, Some(graph.as_ref()))
    {
        statements.transform(quad.map_err(crate::store::StoreError::from)?, &mut batch);
        for quad in batch.drain(..) {
            let start = rendered.text.len();
            if merge {
                write!(
                    rendered.text,
                    "{}",
                    oxigraph::model::TripleRef::from(quad.as_ref())
                )?;
                let hash = statement_hash(&rendered.text[start..]);
                rendered.text.extend_from_slice(b" .\n");
                rendered.lines.push((rendered.text.len(), hash));
            } else {
                writeln!(rendered.text, "{quad} .")?;
                rendered.lines.push((rendered.text.len(), 0));
            }
        }
    }
    Ok(rendered)
}

/// A 128-bit hash of a statement's N-Triples text (two differently seeded 64-bit hashes): a set of these
/// drops duplicates in little memory; a collision is astronomically unlikely.
fn statement_hash(text: &[u8]) -> u128 {
    use std::hash::{BuildHasher, Hasher};
    let mut a = std::collections::hash_map::DefaultHasher::new();
    a.write(text);
    let mut b =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .build_hasher();
    b.write_u64(0x9e37_79b9_7f4a_7c15);
    b.write(text);
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
