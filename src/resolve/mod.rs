//! Entity resolution and relation canonicalisation: from open triples to a document graph of entities and
//! ontology properties.
//!
//! [`Resolver::resolve`] takes one analysed document and its extracted triples and returns the
//! [`DocumentGraph`] the store writes: named mentions clustered into entities with stable keys (name variants,
//! partial names, titles stripped, demonyms, aliases stated in the text, the gazetteer and entities known from
//! earlier documents), definite descriptions and pronouns resolved where the antecedent is clear (otherwise the
//! triple is dropped, never emitted with `it`), relations mapped to ontology properties through their lexical
//! forms (unmapped ones kept as open relations), and roles read from titles as facts.

mod affiliation;
mod assemble;
mod cluster;
pub mod corpus;
mod defaults;
mod document;
mod graph;
mod lexicon;
mod linking;
mod membership;
mod mentions;
mod name_context;
mod name_edges;
pub mod names;
mod national;
mod of_phrases;
mod pronouns;
mod relations;
mod roles;
mod states;
mod teams;
mod variants;

use affiliation::Kind;
use assemble::{DraftFact, DraftNode, class_of};
pub use assemble::{combine_confidence, retain_confident};
pub use graph::{DocumentGraph, Entity, Fact, Node, Predicate, SentenceText};
pub use lexicon::KnownEntity;
pub use relations::{Candidate, RelationMapper, phrase_variants};

use crate::analysis::Doc;
use crate::extract::{Argument, Modality, QualifierKind, RawTriple, Relation};
use crate::ontology::{Ontology, local_name};
use document::{DocEntities, Resolution, Via, conjuncts};
use lexicon::Lexicon;

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// Title.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Source URL.
    pub url: Option<String>,
}

impl From<&crate::ingest::Document> for DocMeta {
    fn from(d: &crate::ingest::Document) -> Self {
        DocMeta {
            title: d.title.clone(),
            date: d.date.clone(),
            url: d.url.clone(),
        }
    }
}

/// Resolves documents against an ontology and the entities already known.
#[derive(Debug, Clone)]
pub struct Resolver {
    onto: Ontology,
    lex: Lexicon,
}

impl Resolver {
    /// A resolver for the ontology, knowing no entities yet.
    pub fn new(onto: &Ontology) -> Self {
        Resolver {
            onto: onto.clone(),
            lex: Lexicon::new(onto),
        }
    }

    /// Adds entities known from the store, so mentions in new documents (`Putin`) resolve to them
    /// (`Vladimir Putin`) and keep their keys.
    pub fn with_known(mut self, known: impl IntoIterator<Item = KnownEntity>) -> Self {
        for k in known {
            self.lex.learn(k);
        }
        self
    }

    /// Remembers the named entities of a resolved document for the documents that follow (descriptions,
    /// whose keys are scoped to their document, are not carried over).
    pub fn learn(&mut self, graph: &DocumentGraph) {
        for e in &graph.entities {
            if e.key.contains("__") {
                continue;
            }
            self.lex.learn(KnownEntity {
                key: e.key.clone(),
                label: e.label.clone(),
                aliases: e.aliases.clone(),
                class: e.class.clone(),
            });
        }
    }

    /// Resolves several documents in order, each seeing the entities of those before it.
    pub fn resolve_all<'d>(
        &mut self,
        docs: impl IntoIterator<Item = (&'d Doc, &'d [RawTriple], &'d DocMeta)>,
    ) -> Vec<DocumentGraph> {
        let mut out = Vec::new();
        for (doc, triples, meta) in docs {
            let g = self.resolve(doc, triples, meta);
            self.learn(&g);
            out.push(g);
        }
        out
    }

    /// Resolves one document's triples into its graph.
    pub fn resolve(&self, doc: &Doc, triples: &[RawTriple], meta: &DocMeta) -> DocumentGraph {
        let mut de = DocEntities::new(doc, &self.lex);
        let mut roles = de.titles();
        roles.extend(de.memberships(self.onto.iri("partOf")));
        roles.extend(de.locatives(crate::ontology::NAMESPACE));
        roles.extend(de.remaining_members(&self.onto.iri("partOf")));
        let affiliations = de.affiliations(crate::ontology::NAMESPACE, &roles);
        roles.extend(affiliations);
        let mut drafts: Vec<DraftFact> = Vec::new();
        for t in triples {
            self.resolve_triple(&mut de, t, &mut drafts);
        }
        for r in roles {
            drafts.push(DraftFact {
                subject: DraftNode::Entity(r.subject),
                predicate: Predicate::Ontology(local_name(&r.property)),
                object: DraftNode::Entity(r.object),
                sentence: r.sentence,
                bytes: r.bytes,
                rule: r.rule.to_string(),
                confidence: r.confidence,
                modality: "asserted".into(),
                attributed_to: None,
                qualifiers: Vec::new(),
                wording: None,
            });
        }
        self.finish(&de, drafts, meta)
    }

    /// Resolves the arguments of one triple and maps its relation; pushes zero or more facts.
    fn resolve_triple(&self, de: &mut DocEntities<'_>, t: &RawTriple, out: &mut Vec<DraftFact>) {
        // A locative phrase inside one name is part of it (`Organization for Security and Co-operation in
        // Europe`, whose name the gazetteer knows where NER cut it).
        if t.rule == "locative"
            && de.entity_at(t.subject.head).is_some()
            && de.entity_at(t.subject.head) == de.entity_at(t.object.head)
        {
            return;
        }
        let speaker =
            t.attributed_to
                .as_ref()
                .and_then(|a| match de.resolve_head(a.head, None, 0) {
                    Resolution::Entities(es, _) if es.len() == 1 => Some(es[0]),
                    _ => None,
                });
        let Some(subjects) = resolve_argument(de, &t.subject, speaker) else {
            return;
        };
        let Some(objects) = resolve_argument(de, &t.object, speaker) else {
            return;
        };
        let candidates = self.lex.mapper.candidates(de.doc, &t.relation);
        self.reciprocal(de, t, &subjects, &objects, out);
        // `Russia's foreign minister` as a possessive: the role fact already says it.
        let possessive = t.relation.normalized.trim() == "have";
        let modality = match t.modality {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Possible => "possible",
        };
        let qualifiers: Vec<(String, String)> = t
            .qualifiers
            .iter()
            .map(|q| {
                let kind = match q.kind {
                    QualifierKind::Time => "time".to_string(),
                    QualifierKind::Place => "place".to_string(),
                    QualifierKind::Other => q.preposition.clone().unwrap_or_else(|| "other".into()),
                };
                (kind, q.value.text.clone())
            })
            .collect();
        let mut lo = t.subject.bytes.start.min(t.object.bytes.start);
        let mut hi = t.subject.bytes.end.max(t.object.bytes.end);
        for &i in &t.relation.tokens {
            if let Some(tok) = de.doc.tokens.get(i) {
                lo = lo.min(tok.start);
                hi = hi.max(tok.end);
            }
        }
        // `the islands, known in Japan as ...`: the naming is read as aliases, not as a fact.
        let rel = t.relation.normalized.trim().to_lowercase();
        if t.relation.passive && (rel.starts_with("know ") || rel == "know") {
            return;
        }
        self.prepositional(de, t, &subjects, &objects, modality, lo..hi, out);
        for (s, sv) in &subjects {
            for (o, ov) in &objects {
                if s == o || (possessive && *ov == Via::Role) {
                    continue;
                }
                let (mut predicate, mut swap) =
                    self.choose(de, &candidates, s, o, &t.relation.normalized);
                let mut s = s.clone();
                // `isles in the western Pacific controlled by Russia`: a participle the parse hangs on the
                // object of a preposition, when the property rules that noun out, belongs to the noun above.
                if matches!(predicate, Predicate::Open(_))
                    && !candidates.is_empty()
                    && let Some(noun) = reattach(de.doc, t.subject.head)
                    && let Resolution::Entities(es, _) = de.resolve_head(noun, speaker, 0)
                    && let [e] = es.as_slice()
                {
                    let n = DraftNode::Entity(*e);
                    if let (Predicate::Ontology(p), sw) =
                        self.choose(de, &candidates, &n, o, &t.relation.normalized)
                    {
                        predicate = Predicate::Ontology(p);
                        swap = sw;
                        s = n;
                    }
                }
                let (subject, object) = if swap {
                    (o.clone(), s.clone())
                } else {
                    (s.clone(), o.clone())
                };
                if t.rule == "locative"
                    && matches!(predicate, Predicate::Ontology(_))
                    && matches!(subject, DraftNode::Entity(e) if de.bare_description(e))
                {
                    continue;
                }
                // A role no property names is one of a country (`former chancellor of West Germany`); of
                // a city or a party it says something else (`New York investor X` is no investor of New
                // York, `Republican Congressman X` none of the Republicans): left to Open IE.
                if t.rule == "role"
                    && matches!(predicate, Predicate::Open(_))
                    && !matches!(object, DraftNode::Entity(e) if de.kind(e) == Kind::Country)
                {
                    continue;
                }
                let confidence = t.confidence.clamp(0.0, 1.0) * via_factor(*sv) * via_factor(*ov);
                out.push(DraftFact {
                    subject,
                    predicate,
                    object,
                    sentence: t.sentence,
                    bytes: lo..hi,
                    rule: t.rule.to_string(),
                    confidence,
                    modality: modality.into(),
                    attributed_to: speaker.map(DraftNode::Entity),
                    qualifiers: qualifiers.clone(),
                    wording: Some(wording(de.doc, &t.relation)),
                });
            }
        }
    }

    /// A verb's prepositional qualifier completes a property: `impose sanctions on Moscow` (verb, object
    /// noun and preposition: the subject imposed sanctions on Moscow), `deploy a division to the islands`
    /// (verb and preposition, said of the object: the division is deployed to the islands).
    #[allow(clippy::too_many_arguments)]
    fn prepositional(
        &self,
        de: &mut DocEntities<'_>,
        t: &RawTriple,
        subjects: &[(DraftNode, Via)],
        objects: &[(DraftNode, Via)],
        modality: &str,
        bytes: std::ops::Range<usize>,
        out: &mut Vec<DraftFact>,
    ) {
        let doc = de.doc;
        let (rel, object_lemma) = relation_and_object_lemma(doc, t);
        for q in &t.qualifiers {
            let Some(prep) = q.preposition.as_deref().map(str::to_lowercase) else {
                continue;
            };
            if matches!(q.kind, QualifierKind::Time) || t.relation.passive {
                continue;
            }
            let Resolution::Entities(targets, _) = de.resolve_head(q.value.head, None, 0) else {
                continue;
            };
            let with_object = self
                .lex
                .mapper
                .lookup(&format!("{rel} {object_lemma} {prep}"))
                .to_vec();
            let (candidates, said_of): (Vec<Candidate>, &[(DraftNode, Via)]) =
                if !with_object.is_empty() {
                    (with_object, subjects)
                } else {
                    (
                        self.lex.mapper.lookup(&format!("{rel} {prep}")).to_vec(),
                        objects,
                    )
                };
            if candidates.is_empty() {
                continue;
            }
            for (x, _) in said_of {
                for &target in &targets {
                    let y = DraftNode::Entity(target);
                    if *x == y {
                        continue;
                    }
                    let (Predicate::Ontology(p), swap) = self.choose(de, &candidates, x, &y, &rel)
                    else {
                        continue;
                    };
                    let (subject, object) = if swap {
                        (y.clone(), x.clone())
                    } else {
                        (x.clone(), y.clone())
                    };
                    out.push(DraftFact {
                        subject,
                        predicate: Predicate::Ontology(p),
                        object,
                        sentence: t.sentence,
                        bytes: bytes.start..bytes.end.max(q.value.bytes.end),
                        rule: format!("{}+prepositional", t.rule),
                        confidence: t.confidence.clamp(0.0, 1.0) * 0.9,
                        modality: modality.into(),
                        attributed_to: None,
                        qualifiers: Vec::new(),
                        wording: None,
                    });
                }
            }
        }
    }

    /// `Abe and Putin held talks`: a reciprocal phrase with a coordinated subject states the property (met)
    /// between the conjuncts, whether or not the extractor split the coordination.
    fn reciprocal(
        &self,
        de: &mut DocEntities<'_>,
        t: &RawTriple,
        subjects: &[(DraftNode, Via)],
        objects: &[(DraftNode, Via)],
        out: &mut Vec<DraftFact>,
    ) {
        let doc = de.doc;
        let (rel, object_lemma) = relation_and_object_lemma(doc, t);
        // `met at a mountainside inn`: the place or time after the verb does not change what it states.
        let bare = rel
            .rsplit_once(' ')
            .filter(|(_, last)| self.lex.reciprocal_adjuncts.contains(*last))
            .map(|(verb, _)| verb);
        let Some(property) = self
            .lex
            .mapper
            .reciprocal(&format!("{rel} {object_lemma}"))
            .or_else(|| self.lex.mapper.reciprocal(&rel))
            .or_else(|| bare.and_then(|b| self.lex.mapper.reciprocal(b)))
        else {
            return;
        };
        if t.relation.passive
            || objects
                .iter()
                .any(|(o, _)| subjects.iter().any(|(s, _)| s == o))
        {
            return;
        }
        let mut root = t.subject.head;
        while root < doc.tokens.len()
            && doc.tokens[root].dep == "conj"
            && doc.tokens[root].head != root
        {
            root = doc.tokens[root].head;
        }
        let mut members: Vec<usize> = Vec::new();
        for c in conjuncts(doc, root) {
            if let Resolution::Entities(es, Via::Name) = de.resolve_head(c, None, 0) {
                for e in es {
                    let e = de.find(e);
                    if !members.contains(&e) {
                        members.push(e);
                    }
                }
            }
        }
        if members.len() < 2 {
            // `The two met`, `They will meet`: the subject resolved to a group named before.
            members = subjects
                .iter()
                .filter_map(|(s, _)| match s {
                    DraftNode::Entity(e) => Some(de.find(*e)),
                    DraftNode::Literal(_) => None,
                })
                .collect();
            members.dedup();
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                out.push(DraftFact {
                    subject: DraftNode::Entity(a),
                    predicate: Predicate::Ontology(local_name(property)),
                    object: DraftNode::Entity(b),
                    sentence: t.sentence,
                    bytes: t.subject.bytes.start..t.object.bytes.end.max(t.subject.bytes.end),
                    rule: "reciprocal-coordination".into(),
                    confidence: t.confidence.clamp(0.0, 1.0) * 0.9,
                    modality: match t.modality {
                        Modality::Asserted => "asserted",
                        Modality::Negated => "negated",
                        Modality::Possible => "possible",
                    }
                    .into(),
                    attributed_to: None,
                    qualifiers: Vec::new(),
                    wording: None,
                });
            }
        }
    }

    /// How a class fits a property's domain or range: 1 when it is the class or narrower, 0 when it is
    /// unknown or only more general (a `Place` where a `LandArea` is expected: possible), -10 when it rules
    /// the property out (an `Organization` where a `Person` is expected).
    fn class_fit(&self, class: Option<&str>, expected: Option<&str>) -> i32 {
        match (class, expected) {
            (Some(c), Some(x)) if c != "Concept" => {
                if self.onto.is_subclass_of(c, x) {
                    1
                } else if self.onto.is_subclass_of(x, c) {
                    0
                } else {
                    -10
                }
            }
            _ => 0,
        }
    }

    /// The property that fits the arguments' classes best among the candidates (domain and range: a known,
    /// incompatible class rules a property out); none fitting leaves the open relation.
    fn choose(
        &self,
        de: &DocEntities<'_>,
        candidates: &[Candidate],
        s: &DraftNode,
        o: &DraftNode,
        phrase: &str,
    ) -> (Predicate, bool) {
        let class_of = |n: &DraftNode| match n {
            DraftNode::Entity(e) => Some(class_of(de, *e, &self.lex)),
            DraftNode::Literal(_) => None,
        };
        let fit = |class: Option<&String>, expected: Option<&String>| {
            self.class_fit(class.map(String::as_str), expected.map(String::as_str))
        };
        let mut best: Option<(i32, &Candidate)> = None;
        for c in candidates {
            let Some(p) = self.onto.property(&c.property) else {
                continue;
            };
            let (cs, co) = if c.swap { (o, s) } else { (s, o) };
            // A plain phrase (`the feud`) is no member of a class, nor is a set of things (`other firms`
            // of `other firms include Yamaha`): a property with a domain or range would make a typed
            // claim about a string or a set, so the relation stays open.
            let literal = |n: &DraftNode, class: Option<&String>| {
                let classless = match n {
                    DraftNode::Literal(_) => true,
                    DraftNode::Entity(e) => de.drafts[de.find(*e)].set,
                };
                classless && class.is_some_and(|c| !c.ends_with("#Entity"))
            };
            if literal(cs, p.domain.as_ref()) || literal(co, p.range.as_ref()) {
                continue;
            }
            let score = fit(class_of(cs).as_ref(), p.domain.as_ref())
                + fit(class_of(co).as_ref(), p.range.as_ref());
            // Of two that fit as well, the narrower range (`acquired` an organisation, not `seized` any
            // entity, for `took over Imperial Group`).
            let narrower = |b: &Candidate| {
                let range = |c: &Candidate| self.onto.property(&c.property)?.range.clone();
                matches!((range(c), range(b)), (Some(x), Some(y)) if x != y && self.onto.is_subclass_of(&x, &y))
            };
            if score >= 0 && best.is_none_or(|(b, bc)| score > b || score == b && narrower(bc)) {
                best = Some((score, c));
            }
        }
        match best {
            Some((_, c)) => (Predicate::Ontology(local_name(&c.property)), c.swap),
            None => (Predicate::Open(phrase.trim().to_lowercase()), false),
        }
    }
}

/// How the sentence words a relation, as a label: its text, with the capitals of words that are no names
/// dropped (a sentence's first word, a headline's: `Adding to`, `Opens Up`), not a name's (`Nato chief`).
fn wording(doc: &Doc, relation: &Relation) -> String {
    let is_name = |word: &str| {
        relation
            .tokens
            .iter()
            .filter_map(|&i| doc.tokens.get(i).map(|t| (i, t)))
            .any(|(i, t)| doc.token_text(i) == word && t.pos == "PROPN")
    };
    relation
        .text
        .split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(c)
                    if c.is_uppercase()
                        && !chars.as_str().chars().any(char::is_uppercase)
                        && !is_name(word) =>
                {
                    c.to_lowercase().chain(chars).collect()
                }
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves an argument to its nodes (several for a coordination), or `None` when a pronoun or
/// description has no clear antecedent.
fn resolve_argument(
    de: &mut DocEntities<'_>,
    arg: &Argument,
    speaker: Option<usize>,
) -> Option<Vec<(DraftNode, Via)>> {
    let doc = de.doc;
    if arg.head >= doc.tokens.len() {
        return None;
    }
    let heads: Vec<usize> = conjuncts(doc, arg.head)
        .into_iter()
        .filter(|c| *c == arg.head || arg.tokens.contains(c))
        .collect();
    let mut out = Vec::new();
    for h in heads {
        match de.resolve_head(h, speaker, 0) {
            Resolution::Entities(es, via) => {
                out.extend(es.into_iter().map(|e| (DraftNode::Entity(e), via)))
            }
            Resolution::Literal(text) => {
                // The words the extractor chose (`growing threat`, without the owner it cut off).
                let text = if h == arg.head && out.is_empty() && !has_other_conjuncts(doc, arg) {
                    names::clean_phrase(strip_determiner(&arg.text))
                } else {
                    let own = de.phrase(h, &document::subtree_np(doc, h, &arg.tokens));
                    if own.is_empty() { text } else { own }
                };
                // A phrase of no letter or digit says nothing (the stop left of `Ann Fry (D-Vt.)`).
                if !text.chars().any(char::is_alphanumeric) || names::is_pronoun(&text) {
                    return None;
                }
                out.push((DraftNode::Literal(text), Via::Name));
            }
            Resolution::Unresolved => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A triple's normalised relation and its object's head lemma, lower case: the keys under which the
/// ontology lists phrases such as `impose sanction on` and `hold talk`.
fn relation_and_object_lemma(doc: &Doc, t: &RawTriple) -> (String, String) {
    let rel = t.relation.normalized.trim().to_lowercase();
    let object_lemma = doc
        .tokens
        .get(t.object.head)
        .map(|o| o.lemma.to_lowercase())
        .unwrap_or_default();
    (rel, object_lemma)
}

/// The noun a participle's subject hangs from through a preposition (`isles` in `isles in the Pacific`), when
/// the subject is the object of that preposition.
fn reattach(doc: &Doc, subject: usize) -> Option<usize> {
    let t = doc.tokens.get(subject)?;
    if t.dep != "pobj" {
        return None;
    }
    let prep = t.head;
    let noun = doc.tokens.get(prep)?.head;
    let n = doc.tokens.get(noun)?;
    (noun != prep && matches!(n.pos.as_str(), "NOUN" | "PROPN")).then_some(noun)
}

fn has_other_conjuncts(doc: &Doc, arg: &Argument) -> bool {
    conjuncts(doc, arg.head).len() > 1
}

fn strip_determiner(text: &str) -> &str {
    let t = text.trim();
    for d in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = t.strip_prefix(d) {
            return rest;
        }
    }
    t
}

fn via_factor(v: Via) -> f32 {
    match v {
        Via::Name => 1.0,
        Via::Description | Via::Role => 0.9,
        Via::Pronoun => 0.8,
    }
}
