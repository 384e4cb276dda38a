//! The derived graphs, each a function of the document graphs alone:
//! - `graph/entities` describes every entity and open relation once (class, label, other names, counts of
//!   documents and mentions), from what the document graphs say of it (`kg:labelInDocument`, ...);
//! - `graph/facts` holds every asserted fact once as a plain triple, for as long as a reifier in some
//!   document graph asserts it.
//!
//! A union query therefore sees each description and each fact once, and the result does not depend on the
//! order or the batches in which documents arrive. Writes and removals bring the derived graphs up to date in
//! their own transaction, for the terms and triples they touched; [`KgStore::refresh_derived`] recomputes
//! them all (after a bulk load of document graphs).

use super::iri::{Namespaces, SKOS, vocab};
use super::{KgStore, StoreResult};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, Triple,
};
use oxigraph::store::{StorageError, Transaction};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Terms per transaction when everything is recomputed: bounds the memory of one transaction.
const TERMS_PER_TRANSACTION: usize = 2_000;
/// Fact triples per transaction when everything is recomputed.
const FACTS_PER_TRANSACTION: usize = 20_000;

/// What a change to document graphs may have changed in the derived graphs.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Entities and open relations whose evidence changed.
    terms: BTreeSet<NamedNode>,
    /// Triples asserted by a changed document, before or after the change.
    asserted: HashSet<Triple>,
}

/// Quads a description holds, about: what a refresh counts toward a flush ([`KgStore::wrote`]).
const QUADS_PER_DESCRIPTION: usize = 8;

impl Touched {
    /// About how many quads refreshing what this names writes.
    pub(crate) fn quads(&self) -> usize {
        self.terms.len() * QUADS_PER_DESCRIPTION + self.asserted.len()
    }

    /// Notes what the document graph `graph` holds now in `tx` (call before replacing or removing it).
    pub(crate) fn collect_graph(
        &mut self,
        tx: &Transaction<'_>,
        ns: &Namespaces,
        graph: &NamedNode,
    ) -> Result<(), StorageError> {
        let quads = tx
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .collect::<Result<Vec<_>, _>>()?;
        self.collect_quads(&quads, ns);
        Ok(())
    }

    /// Notes what replacing the quads `old` of one document graph by `new` touches, `changed` being the
    /// quads on one side only: the terms whose evidence changed, and the triples asserted on one side and
    /// not the other.
    pub(crate) fn collect_replacement(
        &mut self,
        old: &[Quad],
        new: &[Quad],
        changed: &[Quad],
        ns: &Namespaces,
    ) {
        let (mut before, mut after) = (Touched::default(), Touched::default());
        before.collect_quads(old, ns);
        after.collect_quads(new, ns);
        self.asserted.extend(
            before
                .asserted
                .symmetric_difference(&after.asserted)
                .cloned(),
        );
        let mut terms = Touched::default();
        terms.collect_quads(changed, ns);
        self.terms.extend(terms.terms);
    }

    /// Notes what the quads of one document graph touch.
    pub(crate) fn collect_quads(&mut self, quads: &[Quad], ns: &Namespaces) {
        let evidence: Vec<NamedNode> = vocab::EVIDENCE.iter().map(|p| ns.term(p)).collect();
        let modality = ns.term(vocab::MODALITY);
        let mut reified: HashMap<&NamedOrBlankNode, &Triple> = HashMap::new();
        let mut asserted = Vec::new();
        for quad in quads {
            if evidence.contains(&quad.predicate) {
                if let NamedOrBlankNode::NamedNode(term) = &quad.subject {
                    self.terms.insert(term.clone());
                }
            } else if quad.predicate == rdf::REIFIES {
                if let Term::Triple(triple) = &quad.object {
                    reified.insert(&quad.subject, triple);
                }
            } else if quad.predicate == modality
                && matches!(&quad.object, Term::Literal(l) if l.value() == "asserted")
            {
                asserted.push(&quad.subject);
            }
        }
        for reifier in asserted {
            if let Some(triple) = reified.get(reifier) {
                self.asserted.insert((*triple).clone());
            }
        }
    }
}

/// When a write brings the entities graph up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Descriptions {
    /// In the write's own transaction: every reader sees descriptions that match the documents.
    #[default]
    Now,
    /// Later, in [`KgStore::settle_descriptions`]: the write only marks the terms it touched (in the meta
    /// graph, in its own transaction, so that a crash loses no mark). A bulk build uses it: describing an
    /// entity reads the evidence of every document that mentions it, so describing the most mentioned
    /// entities after every batch would cost time quadratic in the size of the corpus; once at the end it is
    /// one pass over the evidence.
    Deferred,
}

/// Brings the derived graphs up to date for what `touched` names, inside `tx`.
pub(crate) fn refresh(
    tx: &mut Transaction<'_>,
    ns: &Namespaces,
    touched: &Touched,
    descriptions: Descriptions,
) -> Result<(), StorageError> {
    match descriptions {
        Descriptions::Now => {
            for term in &touched.terms {
                describe(tx, ns, term)?;
            }
        }
        Descriptions::Deferred => {
            let pending = ns.term(vocab::DESCRIPTION_PENDING);
            let meta = ns.meta_graph();
            let yes = Literal::from(true);
            for term in &touched.terms {
                tx.insert(QuadRef::new(term, &pending, &yes, &meta));
            }
        }
    }
    for triple in &touched.asserted {
        settle_fact(tx, ns, triple)?;
    }
    Ok(())
}

/// Rewrites the entities graph's description of `term` from the evidence of every document graph (or
/// removes it when no document speaks of the term any more).
fn describe(
    tx: &mut Transaction<'_>,
    ns: &Namespaces,
    term: &NamedNode,
) -> Result<(), StorageError> {
    let key_in_document = ns.term(vocab::KEY_IN_DOCUMENT);
    let mut renamed_in: BTreeSet<NamedNode> = BTreeSet::new();
    for quad in tx.quads_for_pattern(
        Some(term.as_ref().into()),
        Some(key_in_document.as_ref()),
        None,
        None,
    ) {
        if let GraphName::NamedNode(graph) = quad?.graph_name {
            renamed_in.insert(graph);
        }
    }
    // Labels of the documents that chose this key, and of those the corpus pass renamed to it.
    let mut labels: BTreeMap<String, usize> = BTreeMap::new();
    let mut renamed_labels: BTreeMap<String, usize> = BTreeMap::new();
    let mut other_names: BTreeSet<String> = BTreeSet::new();
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    let mut documents: BTreeSet<NamedNode> = BTreeSet::new();
    let mut mentions = 0usize;
    for local in vocab::EVIDENCE {
        let predicate = ns.term(local);
        for quad in tx.quads_for_pattern(
            Some(term.as_ref().into()),
            Some(predicate.as_ref()),
            None,
            None,
        ) {
            let quad = quad?;
            let GraphName::NamedNode(graph) = quad.graph_name else {
                continue;
            };
            if !graph.as_str().starts_with(ns.doc_ns()) {
                continue;
            }
            let value = match &quad.object {
                Term::Literal(l) => l.value().to_string(),
                Term::NamedNode(n) => n.as_str().to_string(),
                _ => continue,
            };
            match *local {
                vocab::LABEL_IN_DOCUMENT => {
                    let counts = if renamed_in.contains(&graph) {
                        &mut renamed_labels
                    } else {
                        &mut labels
                    };
                    *counts.entry(value).or_default() += 1;
                    documents.insert(graph);
                }
                vocab::ALT_LABEL_IN_DOCUMENT => {
                    other_names.insert(value);
                }
                vocab::CLASS_IN_DOCUMENT => *classes.entry(value).or_default() += 1,
                _ => mentions += value.split_whitespace().count(),
            }
        }
    }
    // Documents where the corpus pass gave the term its IRI name it more briefly (`Bush` for `George W
    // Bush`): their labels name it only when no document that chose this key itself does.
    if !renamed_labels.is_empty() {
        if labels.is_empty() {
            labels = renamed_labels;
        } else {
            other_names.extend(
                renamed_labels
                    .into_keys()
                    .filter(|l| !labels.contains_key(l)),
            );
        }
    }
    let graph = ns.entities_graph();
    let old = tx
        .quads_for_pattern(
            Some(term.as_ref().into()),
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        )
        .collect::<Result<Vec<_>, _>>()?;
    for quad in &old {
        tx.remove(quad);
    }
    // The most frequent label names the term; on a tie the longer (fuller) name, then the first in order.
    let Some(label) = labels
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.chars().count().cmp(&b.0.chars().count()))
                .then(b.0.cmp(a.0))
        })
        .map(|(l, _)| l.clone())
    else {
        return Ok(());
    };
    let mut add = |p: NamedNode, o: Term| tx.insert(QuadRef::new(term, &p, &o, &graph));
    if let Some((class, _)) = classes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
    {
        add(rdf::TYPE.into(), NamedNode::new_unchecked(class).into());
    }
    add(
        rdfs::LABEL.into(),
        Literal::new_simple_literal(&label).into(),
    );
    let alt_label = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
    for name in labels.keys().chain(&other_names) {
        if *name != label {
            add(alt_label.clone(), Literal::new_simple_literal(name).into());
        }
    }
    add(
        ns.term(vocab::DOCUMENT_COUNT),
        count_literal(documents.len()).into(),
    );
    if mentions > 0 {
        add(
            ns.term(vocab::MENTION_COUNT),
            count_literal(mentions).into(),
        );
    }
    Ok(())
}

fn count_literal(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// Whether some document graph asserts `triple`: a reifier of it there with the modality `asserted`.
fn asserted_somewhere(
    tx: &Transaction<'_>,
    ns: &Namespaces,
    triple: &Triple,
) -> Result<bool, StorageError> {
    let modality = ns.term(vocab::MODALITY);
    let asserted = Literal::new_simple_literal("asserted");
    let object = Term::Triple(Box::new(triple.clone()));
    for quad in tx.quads_for_pattern(None, Some(rdf::REIFIES), Some(object.as_ref()), None) {
        let quad = quad?;
        let GraphName::NamedNode(graph) = &quad.graph_name else {
            continue;
        };
        if graph.as_str().starts_with(ns.doc_ns())
            && tx.contains(QuadRef::new(&quad.subject, &modality, &asserted, graph))?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Puts `triple` in the facts graph when a document asserts it, and takes it out otherwise.
fn settle_fact(
    tx: &mut Transaction<'_>,
    ns: &Namespaces,
    triple: &Triple,
) -> Result<(), StorageError> {
    let graph = ns.facts_graph();
    let quad = QuadRef::new(&triple.subject, &triple.predicate, &triple.object, &graph);
    if asserted_somewhere(tx, ns, triple)? {
        tx.insert(quad);
    } else {
        tx.remove(quad);
    }
    Ok(())
}

impl KgStore {
    /// Recomputes both derived graphs from all document graphs' evidence and reifiers, in transactions of
    /// bounded size, and clears the mark [`KgStore::derived_stale`] reads. Used after a bulk load of
    /// document graphs (such as the shards of `kg extract --format nq`); costs one pass over the evidence
    /// and the reifiers.
    pub fn refresh_derived(&self) -> StoreResult<()> {
        let ns = &self.ns;
        let mut terms = BTreeSet::new();
        for local in [vocab::LABEL_IN_DOCUMENT, vocab::CLASS_IN_DOCUMENT] {
            let predicate = ns.term(local);
            for quad in self
                .store
                .quads_for_pattern(None, Some(predicate.as_ref()), None, None)
            {
                if let NamedOrBlankNode::NamedNode(term) = quad?.subject {
                    terms.insert(term);
                }
            }
        }
        let terms: Vec<_> = terms.into_iter().collect();
        for chunk in terms.chunks(TERMS_PER_TRANSACTION) {
            let mut tx = self.store.start_transaction()?;
            for term in chunk {
                describe(&mut tx, ns, term)?;
            }
            super::generation::advance(&mut tx, ns)?;
            tx.commit()?;
            self.wrote(chunk.len() * QUADS_PER_DESCRIPTION)?;
        }
        // Facts: every triple a document graph reifies, settled in bounded chunks. A facts graph that came
        // with the loaded data is kept: only what a reifier supports is added.
        let mut pending = HashSet::new();
        let sources = self
            .store
            .quads_for_pattern(None, Some(rdf::REIFIES), None, None)
            .filter_map(|q| match q {
                Ok(Quad {
                    object: Term::Triple(t),
                    graph_name: GraphName::NamedNode(g),
                    ..
                }) if g.as_str().starts_with(ns.doc_ns()) => Some(Ok(*t)),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            });
        for triple in sources {
            pending.insert(triple?);
            if pending.len() >= FACTS_PER_TRANSACTION {
                self.settle_facts(&std::mem::take(&mut pending))?;
            }
        }
        self.settle_facts(&pending)?;
        // Every term is described anew: no description is pending any more.
        for mark in self.pending_marks(usize::MAX)? {
            self.store.remove(&mark)?;
        }
        self.store.remove(self.derived_stale_marker().as_ref())?;
        Ok(())
    }

    /// Describes the terms whose description a [`Descriptions::Deferred`] write left pending, in
    /// transactions of bounded size, each removing the marks it settled. Cheap when none is pending.
    pub fn settle_descriptions(&self) -> StoreResult<()> {
        let ns = &self.ns;
        loop {
            let marks = self.pending_marks(TERMS_PER_TRANSACTION)?;
            if marks.is_empty() {
                return Ok(());
            }
            let mut tx = self.store.start_transaction()?;
            for mark in &marks {
                if let NamedOrBlankNode::NamedNode(term) = &mark.subject {
                    describe(&mut tx, ns, term)?;
                }
                tx.remove(mark);
            }
            super::generation::advance(&mut tx, ns)?;
            tx.commit()?;
            self.wrote(marks.len() * (QUADS_PER_DESCRIPTION + 1))?;
        }
    }

    /// At most `limit` of the marks a [`Descriptions::Deferred`] write leaves.
    fn pending_marks(&self, limit: usize) -> StoreResult<Vec<Quad>> {
        let pending = self.ns.term(vocab::DESCRIPTION_PENDING);
        let meta = self.ns.meta_graph();
        Ok(self
            .store
            .quads_for_pattern(
                None,
                Some(pending.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(meta.as_ref())),
            )
            .take(limit)
            .collect::<Result<Vec<_>, _>>()?)
    }

    fn settle_facts(&self, triples: &HashSet<Triple>) -> StoreResult<()> {
        let mut tx = self.store.start_transaction()?;
        for triple in triples {
            settle_fact(&mut tx, &self.ns, triple)?;
        }
        super::generation::advance(&mut tx, &self.ns)?;
        tx.commit()?;
        self.wrote(triples.len())?;
        Ok(())
    }

    pub(crate) fn derived_stale_marker(&self) -> Quad {
        self.meta_mark(vocab::DERIVED_STALE)
    }

    /// Whether document graphs were loaded without their derived graphs being recomputed yet (a load was
    /// interrupted after its commit); the next writer recomputes them.
    pub fn derived_stale(&self) -> StoreResult<bool> {
        Ok(self.store.contains(self.derived_stale_marker().as_ref())?)
    }
}

/// An entity as the entities graph describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityDescription {
    /// The entity's IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its other names, sorted.
    pub aliases: Vec<String>,
    /// Its class's local name (empty when untyped).
    pub class: String,
}

impl KgStore {
    /// Every entity of the entities graph, sorted by IRI: one pass over that graph (not the documents).
    pub fn entity_descriptions(&self) -> StoreResult<Vec<EntityDescription>> {
        let graph = self.ns.entities_graph();
        let alt_label = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
        let mut entities: BTreeMap<String, EntityDescription> = BTreeMap::new();
        for quad in self.store.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            let quad = quad?;
            let NamedOrBlankNode::NamedNode(subject) = quad.subject else {
                continue;
            };
            if !subject.as_str().starts_with(self.ns.entity_ns()) {
                continue;
            }
            let entry = entities
                .entry(subject.as_str().to_string())
                .or_insert_with(|| EntityDescription {
                    iri: subject.into_string(),
                    ..EntityDescription::default()
                });
            match quad.object {
                Term::Literal(l) if quad.predicate == rdfs::LABEL => {
                    entry.label = l.value().to_string();
                }
                Term::Literal(l) if quad.predicate == alt_label => {
                    entry.aliases.push(l.value().to_string());
                }
                Term::NamedNode(class) if quad.predicate == rdf::TYPE => {
                    entry.class = self.ns.local_name(class.as_str());
                }
                _ => {}
            }
        }
        Ok(entities.into_values().collect())
    }
}
