//! The corpus pass applied to the store: the entities that documents named apart, and that the whole
//! corpus shows to be one ([`CorpusNames::canonical_keys`]), are given one IRI in every document graph.
//!
//! Each document graph is written with the keys its own resolution chose. The pass reads every document's
//! names (`kg:labelInDocument`, `kg:altLabelInDocument`, `kg:classInDocument`), computes the canonical key
//! of each, and renames the entity in the document graphs whose key is not canonical; such an entity keeps
//! its document's own key in `kg:keyInDocument`, so that the pass can undo or redo the renaming when
//! documents are added or removed and the corpus decides otherwise. The result is a function of the set
//! of documents alone: one build, several builds, or shards loaded with `kg load` end alike.
//!
//! Two entities of one document never end on one IRI: when a document keeps two names apart (two people
//! called Kim), the corpus does not merge them there. The gazetteer's entities (those the ontology graph
//! types) keep their IRI: other names may join them, they join nothing.

use super::derived::{self, Descriptions, Touched};
use super::iri::vocab;
use super::{KgStore, StoreResult};
use crate::resolve::DocumentGraph;
use crate::resolve::corpus::{CorpusNames, NameRecord};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple,
};
use oxigraph::store::Transaction;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Quads changed per transaction, about: bounds the memory of one transaction.
const QUADS_PER_TRANSACTION: usize = 50_000;

/// What one run of the corpus pass changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IdentitySummary {
    /// Entities (document, name) the corpus pass read.
    pub names: usize,
    /// Entities given another IRI in their document by this run (renamed or given back their own).
    pub renamed: usize,
    /// Document graphs rewritten.
    pub documents: usize,
}

/// The names of the documents one run wrote, gathered as it writes them, so that the corpus pass reads back
/// only the other documents of the store ([`KgStore::settle_identities_after`]): what a document graph says
/// of its entities' names, taken from the graph before it is written.
#[derive(Debug, Default)]
pub struct WrittenNames {
    corpus: CorpusNames,
    /// Document graph -> its entities' key ids in `corpus`.
    documents: HashMap<NamedNode, Vec<u32>>,
    /// A document written twice in the run: its first names were counted, so the pass reads everything.
    rewritten: bool,
}

impl WrittenNames {
    /// Notes the names of a document graph written (or about to be) to `store`, as the store will hold
    /// them (see [`KgStore::names_in`]).
    pub fn note(&mut self, store: &KgStore, doc: &DocumentGraph) {
        let ns = &store.ns;
        let mut ids = Vec::with_capacity(doc.entities.len());
        for entity in doc.entities.iter().filter(|e| !e.label.is_empty()) {
            // The key as the entity's IRI gives it back.
            let record = NameRecord {
                key: ns.local_name(ns.entity(&entity.key).as_str()),
                ..NameRecord::from(entity)
            };
            ids.push(self.corpus.add(&record));
        }
        if self
            .documents
            .insert(ns.doc_graph(&doc.doc_id), ids)
            .is_some()
        {
            self.rewritten = true;
        }
    }
}

impl KgStore {
    /// Runs the corpus pass (see the module doc): reads every document's names once, computes the canonical
    /// keys, and rewrites the document graphs whose entities change IRI, bringing the derived graphs up to
    /// date for them (descriptions deferred to [`KgStore::settle_descriptions`]). Cheap when nothing
    /// changes: one pass over the names. Time grows linearly with the names of the corpus; memory with its
    /// distinct names (the entities), plus four bytes per name.
    ///
    /// Runs only when documents were written, removed or loaded since it last ran (a mark in the meta
    /// graph, set in the same transaction as the documents); a pass that dies half-way leaves the mark and
    /// runs again in full.
    pub fn settle_identities(&self) -> StoreResult<IdentitySummary> {
        self.settle_identities_after(WrittenNames::default())
    }

    /// [`KgStore::settle_identities`] after a run that wrote documents and noted their names in `written`:
    /// those documents' names are not read back (the same result, without reading a build's own output).
    pub fn settle_identities_after(&self, written: WrittenNames) -> StoreResult<IdentitySummary> {
        if !self
            .store
            .contains(self.identities_stale_marker().as_ref())?
        {
            return Ok(IdentitySummary::default());
        }
        let ns = &self.ns;
        let WrittenNames {
            mut corpus,
            documents: mut noted,
            rewritten,
        } = written;
        if rewritten {
            (corpus, noted) = Default::default();
        }
        // Per document: its graph and its entities' key ids; the few entities the pass renamed before keep
        // their present IRI aside (documents written in this run carry their own keys).
        let mut documents: Vec<(NamedNode, Vec<u32>)> = Vec::new();
        let mut renamed_before: HashMap<(usize, u32), NamedNode> = HashMap::new();
        let mut summary = IdentitySummary::default();
        for graph in self.document_graphs()? {
            if let Some(ids) = noted.remove(&graph) {
                summary.names += ids.len();
                documents.push((graph, ids));
                continue;
            }
            let mut ids = Vec::new();
            for (iri, name) in self.names_in(&graph)? {
                let id = corpus.add(&name);
                if iri != ns.entity(&name.key) {
                    renamed_before.insert((documents.len(), id), iri);
                }
                ids.push(id);
                summary.names += 1;
            }
            documents.push((graph, ids));
        }
        self.fix_gazetteer_keys(&mut corpus)?;
        for class in self.place_classes()? {
            corpus.place_class(&class);
        }
        corpus.legal_forms(self.word_list("legalFormDesignators")?);
        let mut designators = self.word_list("organisationDesignators")?;
        designators.extend(self.word_list("stateBodyWords")?);
        corpus.designators(designators);
        corpus.monarch_titles(self.word_list("monarchTitles")?);
        let canonical = corpus.canonical_keys();
        let named: Vec<&[u32]> = documents.iter().map(|(_, ids)| ids.as_slice()).collect();
        let strangers = corpus.out_of_context(&canonical, &named);
        let mut rewrite = Rewrite::new(self);
        for (d, (graph, ids)) in documents.iter().enumerate() {
            let entities: Vec<(NamedNode, &str)> = ids
                .iter()
                .map(|&id| {
                    let key = corpus.key(id);
                    let iri = renamed_before
                        .get(&(d, id))
                        .cloned()
                        .unwrap_or_else(|| ns.entity(key));
                    (iri, key)
                })
                .collect();
            let keys: Vec<&str> = entities.iter().map(|(_, key)| *key).collect();
            let stay: HashSet<&str> = ids
                .iter()
                .filter(|&&id| strangers.contains(&(d, id)))
                .map(|&id| corpus.key(id))
                .collect();
            let wanted = targets(&keys, &canonical, &stay);
            let renames: HashMap<NamedNode, (NamedNode, String)> = entities
                .iter()
                .filter_map(|(iri, key)| {
                    let target = ns.entity(wanted[key]);
                    (target != *iri).then(|| (iri.clone(), (target, key.to_string())))
                })
                .collect();
            if renames.is_empty() {
                continue;
            }
            summary.renamed += renames.len();
            summary.documents += 1;
            rewrite.rename(graph, &renames)?;
        }
        rewrite.commit()?;
        self.store.remove(self.identities_stale_marker().as_ref())?;
        Ok(summary)
    }

    pub(crate) fn identities_stale_marker(&self) -> Quad {
        self.meta_mark(vocab::IDENTITIES_STALE)
    }

    /// The document graphs (each states its document's id).
    fn document_graphs(&self) -> StoreResult<Vec<NamedNode>> {
        let id = self.ns.term(vocab::DOCUMENT_ID);
        let mut graphs = Vec::new();
        for quad in self
            .store
            .quads_for_pattern(None, Some(id.as_ref()), None, None)
        {
            if let GraphName::NamedNode(graph) = quad?.graph_name
                && graph.as_str().starts_with(self.ns.doc_ns())
            {
                graphs.push(graph);
            }
        }
        graphs.sort();
        graphs.dedup();
        Ok(graphs)
    }

    /// Fixes in `corpus` the keys of the gazetteer's entities: those the ontology graph (built-in and
    /// extension files) types.
    fn fix_gazetteer_keys(&self, corpus: &mut CorpusNames) -> StoreResult<()> {
        let ns = &self.ns;
        let graph = ns.ontology_graph();
        for quad in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            if let NamedOrBlankNode::NamedNode(iri) = quad?.subject
                && iri.as_str().starts_with(ns.entity_ns())
            {
                corpus.fix(&ns.local_name(iri.as_str()));
            }
        }
        Ok(())
    }

    /// The words of a `kg:WordList` (`legalFormDesignators`), as the ontology graph (extension files
    /// included) states them.
    fn word_list(&self, list: &str) -> StoreResult<Vec<String>> {
        let ns = &self.ns;
        let graph = ns.ontology_graph();
        let mut words = Vec::new();
        for quad in self.store.quads_for_pattern(
            Some(ns.term(list).as_ref().into()),
            Some(ns.term("word").as_ref()),
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            if let Term::Literal(word) = quad?.object {
                words.push(word.value().to_lowercase());
            }
        }
        Ok(words)
    }

    /// The local names of `kg:Place` and the classes under it, as the ontology graph (extension files
    /// included) states them.
    fn place_classes(&self) -> StoreResult<BTreeSet<String>> {
        let ns = &self.ns;
        let graph = ns.ontology_graph();
        let mut narrower: HashMap<NamedNode, Vec<NamedNode>> = HashMap::new();
        for quad in self.store.quads_for_pattern(
            None,
            Some(rdfs::SUB_CLASS_OF),
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            let quad = quad?;
            if let (NamedOrBlankNode::NamedNode(sub), Term::NamedNode(sup)) =
                (quad.subject, quad.object)
            {
                narrower.entry(sup).or_default().push(sub);
            }
        }
        let mut found = BTreeSet::new();
        let mut stack = vec![ns.term("Place")];
        while let Some(class) = stack.pop() {
            if found.insert(ns.local_name(class.as_str())) {
                stack.extend(narrower.remove(&class).unwrap_or_default());
            }
        }
        Ok(found)
    }

    /// The entities of one document graph with the names it gives them (open relations left out).
    fn names_in(&self, graph: &NamedNode) -> StoreResult<BTreeMap<NamedNode, NameRecord>> {
        let ns = &self.ns;
        let mut names: BTreeMap<NamedNode, NameRecord> = BTreeMap::new();
        for local in [
            vocab::LABEL_IN_DOCUMENT,
            vocab::ALT_LABEL_IN_DOCUMENT,
            vocab::CLASS_IN_DOCUMENT,
            vocab::KEY_IN_DOCUMENT,
        ] {
            let predicate = ns.term(local);
            for quad in self.store.quads_for_pattern(
                None,
                Some(predicate.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            ) {
                let quad = quad?;
                let NamedOrBlankNode::NamedNode(iri) = quad.subject else {
                    continue;
                };
                if !iri.as_str().starts_with(ns.entity_ns()) {
                    continue;
                }
                let value = match quad.object {
                    Term::Literal(l) => l.value().to_string(),
                    Term::NamedNode(n) => ns.local_name(n.as_str()),
                    _ => continue,
                };
                let name = names.entry(iri).or_default();
                match local {
                    vocab::LABEL_IN_DOCUMENT => name.label = value,
                    vocab::ALT_LABEL_IN_DOCUMENT => name.aliases.push(value),
                    vocab::CLASS_IN_DOCUMENT => name.class = value,
                    _ => name.key = value,
                }
            }
        }
        // An entity not renamed carries its document's key in its IRI.
        for (iri, name) in names.iter_mut() {
            if name.key.is_empty() {
                name.key = ns.local_name(iri.as_str());
            }
        }
        names.retain(|_, name| !name.label.is_empty());
        Ok(names)
    }
}

/// Renames entities in document graphs, in transactions of bounded size: only the quads that change are
/// written, and only the terms and facts they touch are refreshed.
struct Rewrite<'s> {
    store: &'s KgStore,
    tx: Option<Transaction<'s>>,
    touched: Touched,
    /// Quads removed and inserted in the open transaction.
    written: usize,
}

impl<'s> Rewrite<'s> {
    fn new(store: &'s KgStore) -> Self {
        Self {
            store,
            tx: None,
            touched: Touched::default(),
            written: 0,
        }
    }

    /// Maps each entity IRI of `renames` to its new IRI in `graph`; an entity away from its document's own
    /// key (the second member) carries that key in `kg:keyInDocument`.
    fn rename(
        &mut self,
        graph: &NamedNode,
        renames: &HashMap<NamedNode, (NamedNode, String)>,
    ) -> StoreResult<()> {
        let ns = &self.store.ns;
        let key_in_document = ns.term(vocab::KEY_IN_DOCUMENT);
        let old = self.quads_naming(graph, renames)?;
        let tx = match &mut self.tx {
            Some(tx) => tx,
            None => self.tx.insert(self.store.store.start_transaction()?),
        };
        let rename = |n: &NamedNode| renames.get(n).map_or_else(|| n.clone(), |r| r.0.clone());
        let mut new: HashSet<Quad> = HashSet::with_capacity(old.len());
        for quad in &old {
            if quad.predicate == key_in_document {
                // The renamed entities' keys are written below.
                if !is_renamed(&quad.subject, renames) {
                    new.insert(quad.clone());
                }
                continue;
            }
            new.insert(Quad::new(
                rename_subject(&quad.subject, &rename),
                quad.predicate.clone(),
                rename_term(&quad.object, &rename),
                quad.graph_name.clone(),
            ));
        }
        for (target, key) in renames.values() {
            if *target != ns.entity(key) {
                new.insert(Quad::new(
                    target.clone(),
                    key_in_document.clone(),
                    Literal::new_simple_literal(key),
                    GraphName::NamedNode(graph.clone()),
                ));
            }
        }
        let before: HashSet<&Quad> = old.iter().collect();
        let removed: Vec<Quad> = old.iter().filter(|q| !new.contains(*q)).cloned().collect();
        let added: Vec<Quad> = new
            .iter()
            .filter(|q| !before.contains(q))
            .cloned()
            .collect();
        for quad in &removed {
            tx.remove(quad);
        }
        for quad in &added {
            tx.insert(quad);
        }
        self.written += removed.len() + added.len();
        let new: Vec<Quad> = new.into_iter().collect();
        self.touched
            .collect_replacement(&old, &new, &[removed, added].concat(), ns);
        if self.written >= QUADS_PER_TRANSACTION {
            self.commit()?;
        }
        Ok(())
    }

    /// The quads of `graph` that a renaming of the entities `renames` names changes, with the modality of
    /// each reifier among them (the derived graphs need it): the entities' own statements, the statements
    /// about them and the reifiers of their facts. Read outside the transaction, which is faster: no other
    /// rename of this pass touches this graph.
    fn quads_naming(
        &self,
        graph: &NamedNode,
        renames: &HashMap<NamedNode, (NamedNode, String)>,
    ) -> StoreResult<Vec<Quad>> {
        let store = &self.store.store;
        let in_graph = Some(GraphNameRef::NamedNode(graph.as_ref()));
        let mut quads: HashSet<Quad> = HashSet::new();
        for iri in renames.keys() {
            for quad in store.quads_for_pattern(Some(iri.as_ref().into()), None, None, in_graph) {
                quads.insert(quad?);
            }
            for quad in store.quads_for_pattern(None, None, Some(iri.as_ref().into()), in_graph) {
                quads.insert(quad?);
            }
        }
        let modality = self.store.ns.term(vocab::MODALITY);
        for quad in store.quads_for_pattern(None, Some(rdf::REIFIES), None, in_graph) {
            let quad = quad?;
            let Term::Triple(triple) = &quad.object else {
                continue;
            };
            let object_named =
                matches!(&triple.object, Term::NamedNode(n) if renames.contains_key(n));
            if !(is_renamed(&triple.subject, renames) || object_named) {
                continue;
            }
            for m in store.quads_for_pattern(
                Some(quad.subject.as_ref()),
                Some(modality.as_ref()),
                None,
                in_graph,
            ) {
                quads.insert(m?);
            }
            quads.insert(quad);
        }
        Ok(quads.into_iter().collect())
    }

    /// Refreshes the derived graphs for what the open transaction changed, and commits it.
    fn commit(&mut self) -> StoreResult<()> {
        let Some(mut tx) = self.tx.take() else {
            return Ok(());
        };
        let ns = &self.store.ns;
        let touched = std::mem::take(&mut self.touched);
        derived::refresh(&mut tx, ns, &touched, Descriptions::Deferred)?;
        super::generation::advance(&mut tx, ns)?;
        tx.commit()?;
        self.store
            .wrote(std::mem::take(&mut self.written) + touched.quads())?;
        Ok(())
    }
}

/// The key each entity of one document takes: its canonical key, unless it is among `stay` (a surname out
/// of its full name's context there: [`CorpusNames::out_of_context`]) or that would put two of the
/// document's entities on one key (then both keep their own).
fn targets<'a>(
    keys: &[&'a str],
    canonical: &'a BTreeMap<String, String>,
    stay: &HashSet<&str>,
) -> HashMap<&'a str, &'a str> {
    let mut wanted: HashMap<&'a str, &'a str> = keys
        .iter()
        .map(|key| match canonical.get(*key) {
            Some(target) if !stay.contains(key) => (*key, target.as_str()),
            _ => (*key, *key),
        })
        .collect();
    // Keeping a key may collide with another's target: repeat until no two share one.
    for _ in 0..keys.len() + 1 {
        let mut users: HashMap<&str, Vec<&str>> = HashMap::new();
        for (key, target) in &wanted {
            users.entry(*target).or_default().push(*key);
        }
        let clashes: Vec<&str> = users
            .into_values()
            .filter(|keys| keys.len() > 1)
            .flatten()
            .collect();
        if clashes.is_empty() {
            break;
        }
        for key in clashes {
            wanted.insert(key, key);
        }
    }
    wanted
}

/// Whether `subject` is one of the entities `renames` renames.
fn is_renamed(
    subject: &NamedOrBlankNode,
    renames: &HashMap<NamedNode, (NamedNode, String)>,
) -> bool {
    matches!(subject, NamedOrBlankNode::NamedNode(n) if renames.contains_key(n))
}

fn rename_subject(
    subject: &NamedOrBlankNode,
    rename: &impl Fn(&NamedNode) -> NamedNode,
) -> NamedOrBlankNode {
    match subject {
        NamedOrBlankNode::NamedNode(n) => rename(n).into(),
        other => other.clone(),
    }
}

fn rename_term(term: &Term, rename: &impl Fn(&NamedNode) -> NamedNode) -> Term {
    match term {
        Term::NamedNode(n) => rename(n).into(),
        Term::Triple(t) => Term::Triple(Box::new(Triple::new(
            rename_subject(&t.subject, rename),
            t.predicate.clone(),
            rename_term(&t.object, rename),
        ))),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::Entity;

    fn entity(key: &str, label: &str, aliases: &[&str], class: &str) -> Entity {
        Entity {
            key: key.into(),
            label: label.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            class: class.into(),
            mentions: std::iter::once(0..4).collect(),
            name_in_document: None,
        }
    }

    #[test]
    fn names_noted_while_writing_are_the_names_read_back() {
        let store = KgStore::in_memory(None).unwrap();
        let doc = DocumentGraph {
            doc_id: "noted".into(),
            title: None,
            date: None,
            url: None,
            sentences: Vec::new(),
            entities: vec![
                // Repeated aliases, an alias equal to the label, no class, a key outside ASCII, no label.
                entity(
                    "erik_lindqvist",
                    "Erik Lindqvist",
                    &["Lindqvist", "Lindqvist"],
                    "Person",
                ),
                entity(
                    "nordbank_capital",
                    "Nordbank Capital",
                    &["Nordbank Capital", "NB"],
                    "",
                ),
                entity("южные_курилы", "Южные Курилы", &[], "Region"),
                entity("nameless", "", &["x"], "Concept"),
            ],
            facts: Vec::new(),
        };
        store.write_document(&doc).unwrap();
        let mut noted = WrittenNames::default();
        noted.note(&store, &doc);
        let graph = store.ns.doc_graph("noted");
        let ids = &noted.documents[&graph];
        let read: Vec<NameRecord> = store.names_in(&graph).unwrap().into_values().collect();
        assert_eq!(ids.len(), read.len());
        let mut read_back = CorpusNames::default();
        for record in &read {
            let id = read_back.add(record);
            assert_eq!(read_back.key(id), record.key);
        }
        let mut noted_keys: Vec<&str> = ids.iter().map(|&id| noted.corpus.key(id)).collect();
        let mut read_keys: Vec<&str> = read.iter().map(|r| r.key.as_str()).collect();
        noted_keys.sort();
        read_keys.sort();
        assert_eq!(noted_keys, read_keys);
        // The same records: the same canonical keys once other documents name the surname and the alias.
        for (key, label, class) in [("lindqvist", "Lindqvist", "Person"), ("nb", "NB", "")] {
            let other = NameRecord {
                key: key.into(),
                label: label.into(),
                aliases: Vec::new(),
                class: class.into(),
            };
            noted.corpus.add(&other);
            read_back.add(&other);
        }
        let canonical = noted.corpus.canonical_keys();
        assert_eq!(canonical, read_back.canonical_keys());
        assert_eq!(
            canonical.get("nb").map(String::as_str),
            Some("nordbank_capital")
        );
        assert_eq!(
            canonical.get("lindqvist").map(String::as_str),
            Some("erik_lindqvist")
        );
    }

    #[test]
    fn two_entities_of_one_document_never_share_a_key() {
        let canonical: BTreeMap<String, String> = [("bush", "gorg_w_bush"), ("kim", "kim_jong_un")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let wanted = targets(&["bush", "gorg_w_bush", "kim"], &canonical, &HashSet::new());
        assert_eq!(wanted["bush"], "bush");
        assert_eq!(wanted["gorg_w_bush"], "gorg_w_bush");
        assert_eq!(wanted["kim"], "kim_jong_un");
        let alone = targets(&["bush"], &canonical, &HashSet::new());
        assert_eq!(alone["bush"], "gorg_w_bush");
    }
}
