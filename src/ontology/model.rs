//! The ontology as Rust data, read from Turtle: classes, properties with their lexical forms and rules, and the
//! gazetteer of known entities.

use super::rules::{self, Rule};
use super::{BUILTIN_SOURCES, NAMESPACE, OntologyError};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";

/// An ontology class.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Class {
    /// Full IRI.
    pub iri: String,
    /// Local name (`Island`).
    pub local: String,
    /// `rdfs:label`.
    pub label: String,
    /// `rdfs:comment`.
    pub comment: String,
    /// Direct super-classes (IRIs).
    pub super_classes: Vec<String>,
    /// NER labels whose mentions default to this class (`GPE`).
    pub ner_labels: Vec<String>,
    /// Common nouns whose phrases denote members (`island`).
    pub head_nouns: Vec<String>,
}

/// One step of a property chain: a property, possibly read backwards (`owl:inverseOf` in the chain).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChainStep {
    /// The property IRI.
    pub property: String,
    /// Whether the step goes from object to subject.
    pub inverse: bool,
}

/// An ontology property.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Property {
    /// Full IRI.
    pub iri: String,
    /// Local name (`controls`).
    pub local: String,
    /// `rdfs:label`.
    pub label: String,
    /// `rdfs:comment`.
    pub comment: String,
    /// `rdfs:domain` (class IRI).
    pub domain: Option<String>,
    /// `rdfs:range` (class IRI).
    pub range: Option<String>,
    /// Relation phrases expressing it subject first (`control`, `be part of`).
    pub lexical_forms: Vec<String>,
    /// Relation phrases expressing it object first (`include` for part of).
    pub inverse_lexical_forms: Vec<String>,
    /// Participles in hyphenated compounds (`held` in `Russian-held`).
    pub adjectival_forms: Vec<String>,
    /// Role nouns relating a person to a country or organisation (`prime minister`).
    pub role_nouns: Vec<String>,
    /// Phrases (verb and object head lemmas) that, with a coordinated subject, state the property between
    /// the conjuncts (`hold talk`: `Abe and Putin held talks` gives Abe met Putin).
    pub reciprocal_forms: Vec<String>,
    /// Inverse properties (IRIs).
    pub inverse_of: Vec<String>,
    /// Direct super-properties (IRIs), including ontology properties declared equivalent.
    pub super_properties: Vec<String>,
    /// `owl:SymmetricProperty`.
    pub symmetric: bool,
    /// `owl:TransitiveProperty`.
    pub transitive: bool,
    /// `owl:propertyChainAxiom`s whose conclusion is this property.
    pub chains: Vec<Vec<ChainStep>>,
    /// External alignments (`owl:equivalentProperty`, `skos:closeMatch`, ...), e.g. Wikidata properties.
    pub alignments: Vec<String>,
}

/// A known entity from the gazetteer (`Russia`, demonym `Russian`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GazetteerEntry {
    /// Its IRI in the gazetteer.
    pub iri: String,
    /// The canonical label (fixes the entity key).
    pub label: String,
    /// Class IRI.
    pub class: String,
    /// Other names of the same entity.
    pub alt_labels: Vec<String>,
    /// Adjectives and nouns of nationality.
    pub demonyms: Vec<String>,
    /// ISO 3166-1 alpha-2 code of a country (`kg:countryCode`).
    pub country_code: Option<String>,
    /// Generic names that stand for this entity in the news of one country (`kg:nationalName`: `Social
    /// Democrats` for the SPD in German news).
    pub national_names: Vec<String>,
    /// The ISO code of that country (`kg:nationalNameIn`).
    pub national_country: Option<String>,
    /// What the gazetteer states of it with the ontology's properties: (property IRI, gazetteer entity IRI),
    /// such as `kg:country kge:germany` for the Bundestag.
    pub facts: Vec<(String, String)>,
    /// Names that stand for this entity in sports reports only (`kg:sportsName`: `Dortmund` for Borussia
    /// Dortmund; elsewhere `Dortmund` is the town).
    pub sports_names: Vec<String>,
    /// Place names that stand for this organisation where a document names it otherwise too and the place
    /// name is no place where something happens (`kg:agentName`: `Europe` in `Europe must act` beside the
    /// EU; `refugees reached Europe` is the continent).
    pub agent_names: Vec<String>,
    /// Names it goes by that stand for it only in a document that names it otherwise too (`kg:nickname`:
    /// `Foals` for Borussia Mönchengladbach; `Red Devils` is two clubs').
    pub nicknames: Vec<String>,
    /// A country's: nicknames of its national team (`kg:teamNickname`: `Albiceleste` for Argentina's).
    pub team_nicknames: Vec<String>,
    /// A state's: names it shares with a better-known entity (`kg:stateName`: `Washington`), read as the
    /// state where a document makes it one.
    pub state_names: Vec<String>,
}

/// A city or region of the places list (`ontology/places.ttl`): its names and the country it lies in. Entity
/// resolution does not read these names; relation extraction places a named city in its country with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// Its names (`kg:placeName`), the first the main one.
    pub names: Vec<String>,
    /// `city` or `region` (`kg:placeKind`).
    pub kind: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country_code: String,
}

/// The loaded ontology.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    classes: BTreeMap<String, Class>,
    properties: BTreeMap<String, Property>,
    gazetteer: Vec<GazetteerEntry>,
    places: Vec<Place>,
    rules: Vec<Rule>,
    word_lists: BTreeMap<String, Vec<String>>,
    triples: Vec<Triple>,
    sources: Vec<(String, String)>,
}

impl Ontology {
    /// The built-in ontology and gazetteer.
    ///
    /// # Errors
    /// Only if the embedded Turtle is broken (a test guards against it).
    pub fn builtin() -> Result<Self, OntologyError> {
        Self::from_sources(&BUILTIN_SOURCES)
    }

    /// The built-in ontology plus the given Turtle files (`--ontology FILE`), whose classes, properties,
    /// lexical forms, rules and gazetteer entries are added to it.
    ///
    /// # Errors
    /// When a file cannot be read or is not valid Turtle, naming the file and position.
    pub fn with_files<P: AsRef<Path>>(files: &[P]) -> Result<Self, OntologyError> {
        let mut texts = Vec::with_capacity(files.len());
        for file in files {
            let path = file.as_ref();
            let text = std::fs::read_to_string(path).map_err(|source| OntologyError::Io {
                path: path.display().to_string(),
                source,
            })?;
            texts.push((path.display().to_string(), text));
        }
        Self::with_extensions(&texts)
    }

    /// The built-in ontology plus extension texts, as `(name, Turtle)` pairs in the order they apply (the
    /// form a store keeps them in, see [`Ontology::extensions`]).
    ///
    /// # Errors
    /// When a text is not valid Turtle, naming it and the position.
    pub fn with_extensions(extensions: &[(String, String)]) -> Result<Self, OntologyError> {
        let mut sources: Vec<(&str, &str)> = BUILTIN_SOURCES.to_vec();
        sources.extend(extensions.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        Self::from_sources(&sources)
    }

    /// The texts added to the built-in ontology (`--ontology FILE`), as `(name, Turtle)`; empty for the
    /// built-in ontology alone.
    pub fn extensions(&self) -> &[(String, String)] {
        let builtin = BUILTIN_SOURCES.len();
        let starts_builtin = self.sources.len() >= builtin
            && self
                .sources
                .iter()
                .zip(BUILTIN_SOURCES)
                .all(|((n, t), (bn, bt))| n == bn && t == bt);
        if starts_builtin {
            &self.sources[builtin..]
        } else {
            &self.sources
        }
    }

    /// Reads an ontology from named Turtle texts (the names appear in error messages).
    ///
    /// # Errors
    /// When a text is not valid Turtle or a property chain is malformed.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Self, OntologyError> {
        let mut triples = Vec::new();
        for (name, text) in sources {
            parse_turtle(name, text, &mut triples)?;
        }
        let mut onto = Ontology {
            sources: sources
                .iter()
                .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
                .collect(),
            ..Ontology::default()
        };
        onto.read(&triples, sources.last().map_or("", |s| s.0))?;
        onto.rules = rules::compile(&onto.properties);
        onto.triples = triples;
        Ok(onto)
    }

    /// The words of a `kg:WordList` by local name (`honorifics`), lower case; empty when there is no such list.
    pub fn word_list(&self, name: &str) -> &[String] {
        self.word_lists.get(name).map_or(&[], Vec::as_slice)
    }

    /// Full IRI of a kg local name (`controls` -> `https://kg.example.org/ontology#controls`).
    pub fn iri(&self, local: &str) -> String {
        format!("{NAMESPACE}{local}")
    }

    /// A property by IRI or local name.
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties
            .get(name)
            .or_else(|| self.properties.get(&self.iri(name)))
    }

    /// A class by IRI or local name.
    pub fn class(&self, name: &str) -> Option<&Class> {
        self.classes
            .get(name)
            .or_else(|| self.classes.get(&self.iri(name)))
    }

    /// All properties, by IRI.
    pub fn properties(&self) -> impl Iterator<Item = &Property> {
        self.properties.values()
    }

    /// All classes, by IRI.
    pub fn classes(&self) -> impl Iterator<Item = &Class> {
        self.classes.values()
    }

    /// The gazetteer of known entities.
    pub fn gazetteer(&self) -> &[GazetteerEntry] {
        &self.gazetteer
    }

    /// The cities and regions of the places list, with their countries.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The compiled rules [`Ontology::infer`] applies.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Every triple of the ontology and gazetteer, for the store's ontology graph.
    pub fn triples(&self) -> &[Triple] {
        &self.triples
    }

    /// The Turtle sources, as (name, text).
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// Whether class `sub` is `sup` or one of its descendants (both IRIs or local names).
    pub fn is_subclass_of(&self, sub: &str, sup: &str) -> bool {
        let (Some(sub), Some(sup)) = (self.class(sub), self.class(sup)) else {
            return false;
        };
        let mut stack = vec![sub.iri.as_str()];
        let mut seen = Vec::new();
        while let Some(c) = stack.pop() {
            if c == sup.iri {
                return true;
            }
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            if let Some(class) = self.classes.get(c) {
                stack.extend(class.super_classes.iter().map(String::as_str));
            }
        }
        false
    }

    /// Whether property `sub` is `sup` or one of its sub-properties (both IRIs or local names).
    pub fn is_subproperty_of(&self, sub: &str, sup: &str) -> bool {
        let (Some(sub), Some(sup)) = (self.property(sub), self.property(sup)) else {
            return false;
        };
        let mut stack = vec![sub.iri.as_str()];
        let mut seen = Vec::new();
        while let Some(p) = stack.pop() {
            if p == sup.iri {
                return true;
            }
            if seen.contains(&p) {
                continue;
            }
            seen.push(p);
            if let Some(prop) = self.properties.get(p) {
                stack.extend(prop.super_properties.iter().map(String::as_str));
            }
        }
        false
    }

    /// Fills classes, properties and the gazetteer from parsed triples.
    fn read(&mut self, triples: &[Triple], last_source: &str) -> Result<(), OntologyError> {
        let mut by_subject: HashMap<String, Vec<(&str, &Term)>> = HashMap::new();
        for t in triples {
            by_subject
                .entry(subject_key(&t.subject))
                .or_default()
                .push((t.predicate.as_str(), &t.object));
        }
        let types = |s: &str| -> Vec<String> {
            by_subject
                .get(s)
                .map(|ps| {
                    ps.iter()
                        .filter(|(p, _)| *p == RDF_TYPE)
                        .filter_map(|(_, o)| named(o))
                        .collect()
                })
                .unwrap_or_default()
        };
        // Classes and properties first (the gazetteer needs to know which IRIs are classes).
        let mut subjects: Vec<&String> = by_subject.keys().collect();
        subjects.sort();
        for s in &subjects {
            let ts = types(s);
            if ts.iter().any(|t| t == &format!("{OWL}Class")) {
                self.classes.entry((*s).clone()).or_insert_with(|| Class {
                    iri: (*s).clone(),
                    local: local_name(s),
                    ..Class::default()
                });
            }
            let property_types = ["ObjectProperty", "DatatypeProperty", "TransitiveProperty"];
            if ts.iter().any(|t| {
                property_types
                    .iter()
                    .chain(["SymmetricProperty"].iter())
                    .any(|k| t == &format!("{OWL}{k}"))
            }) {
                self.properties
                    .entry((*s).clone())
                    .or_insert_with(|| Property {
                        iri: (*s).clone(),
                        local: local_name(s),
                        ..Property::default()
                    });
            }
        }
        for s in &subjects {
            let Some(pairs) = by_subject.get(*s) else {
                continue;
            };
            if let Some(class) = self.classes.get_mut(*s) {
                for (p, o) in pairs {
                    let p = *p;
                    match (p, literal(o), named(o)) {
                        (_, Some(v), _) if p == format!("{RDFS}label") => class.label = v,
                        (_, Some(v), _) if p == format!("{RDFS}comment") => class.comment = v,
                        (_, _, Some(v)) if p == format!("{RDFS}subClassOf") => {
                            push_unique(&mut class.super_classes, v)
                        }
                        (_, Some(v), _) if p == format!("{NAMESPACE}nerLabel") => {
                            push_unique(&mut class.ner_labels, v)
                        }
                        (_, Some(v), _) if p == format!("{NAMESPACE}headNoun") => {
                            push_unique(&mut class.head_nouns, v.to_lowercase())
                        }
                        _ => {}
                    }
                }
            }
            if self.properties.contains_key(*s) {
                let mut chains = Vec::new();
                for (p, o) in pairs {
                    if *p == format!("{OWL}propertyChainAxiom") {
                        chains.push(read_chain(&by_subject, o).ok_or_else(|| {
                            OntologyError::Invalid {
                                source_name: last_source.to_string(),
                                message: format!(
                                    "property chain of <{s}> is not a list of properties"
                                ),
                            }
                        })?);
                    }
                }
                let ts = types(s);
                let Some(prop) = self.properties.get_mut(*s) else {
                    continue;
                };
                prop.symmetric |= ts.contains(&format!("{OWL}SymmetricProperty"));
                prop.transitive |= ts.contains(&format!("{OWL}TransitiveProperty"));
                for chain in chains {
                    if !prop.chains.contains(&chain) {
                        prop.chains.push(chain);
                    }
                }
                for (p, o) in pairs {
                    let p = *p;
                    let lit = literal(o);
                    let iri = named(o);
                    let kg = |name: &str| p.strip_prefix(NAMESPACE) == Some(name);
                    match (lit, iri) {
                        (Some(v), _) if p == format!("{RDFS}label") => prop.label = v,
                        (Some(v), _) if p == format!("{RDFS}comment") => prop.comment = v,
                        (Some(v), _) if kg("lexicalForm") => {
                            push_unique(&mut prop.lexical_forms, v.to_lowercase())
                        }
                        (Some(v), _) if kg("inverseLexicalForm") => {
                            push_unique(&mut prop.inverse_lexical_forms, v.to_lowercase())
                        }
                        (Some(v), _) if kg("adjectivalForm") => {
                            push_unique(&mut prop.adjectival_forms, v.to_lowercase())
                        }
                        (Some(v), _) if kg("reciprocalForm") => {
                            push_unique(&mut prop.reciprocal_forms, v.to_lowercase())
                        }
                        (Some(v), _) if kg("roleNoun") => {
                            push_unique(&mut prop.role_nouns, v.to_lowercase())
                        }
                        (_, Some(v)) if p == format!("{RDFS}domain") => prop.domain = Some(v),
                        (_, Some(v)) if p == format!("{RDFS}range") => prop.range = Some(v),
                        (_, Some(v)) if p == format!("{OWL}inverseOf") => {
                            push_unique(&mut prop.inverse_of, v)
                        }
                        (_, Some(v)) if p == format!("{RDFS}subPropertyOf") => {
                            push_unique(&mut prop.super_properties, v)
                        }
                        (_, Some(v))
                            if p == format!("{OWL}equivalentProperty")
                                || p == format!("{SKOS}closeMatch")
                                || p == format!("{SKOS}exactMatch") =>
                        {
                            push_unique(&mut prop.alignments, v)
                        }
                        _ => {}
                    }
                }
            }
        }
        // owl:inverseOf is symmetric; equivalence between two ontology properties is mutual sub-property.
        let pairs: Vec<(String, String, bool)> = self
            .properties
            .values()
            .flat_map(|p| {
                let inv = p
                    .inverse_of
                    .iter()
                    .map(|q| (p.iri.clone(), q.clone(), true));
                let eq = p
                    .alignments
                    .iter()
                    .map(|q| (p.iri.clone(), q.clone(), false));
                inv.chain(eq).collect::<Vec<_>>()
            })
            .collect();
        for (p, q, inverse) in pairs {
            if !self.properties.contains_key(&q) {
                continue;
            }
            if let Some(other) = self.properties.get_mut(&q) {
                if inverse {
                    push_unique(&mut other.inverse_of, p.clone());
                } else {
                    push_unique(&mut other.super_properties, p.clone());
                }
            }
            if !inverse && let Some(this) = self.properties.get_mut(&p) {
                push_unique(&mut this.super_properties, q);
            }
        }
        // Word lists: members of kg:WordList with their kg:word literals.
        let word_list_type = format!("{NAMESPACE}WordList");
        for s in &subjects {
            if !types(s).contains(&word_list_type) {
                continue;
            }
            let words = self.word_lists.entry(local_name(s)).or_default();
            for (p, o) in by_subject.get(*s).into_iter().flatten() {
                if p.strip_prefix(NAMESPACE) == Some("word")
                    && let Some(v) = literal(o)
                {
                    push_unique(words, v.to_lowercase());
                }
            }
        }
        // The gazetteer: labelled individuals typed with an ontology class.
        for s in &subjects {
            if self.classes.contains_key(*s) || self.properties.contains_key(*s) {
                continue;
            }
            let Some(class) = types(s).into_iter().find(|t| self.classes.contains_key(t)) else {
                continue;
            };
            let mut entry = GazetteerEntry {
                iri: (*s).clone(),
                class,
                ..GazetteerEntry::default()
            };
            for (p, o) in by_subject.get(*s).into_iter().flatten() {
                if let Term::NamedNode(object) = o
                    && self.properties.contains_key(*p)
                {
                    entry
                        .facts
                        .push((p.to_string(), object.as_str().to_string()));
                }
                let Some(v) = literal(o) else { continue };
                if *p == format!("{RDFS}label") {
                    entry.label = v;
                } else if *p == format!("{SKOS}altLabel") {
                    push_unique(&mut entry.alt_labels, v);
                } else if p.strip_prefix(NAMESPACE) == Some("demonym") {
                    push_unique(&mut entry.demonyms, v);
                } else if p.strip_prefix(NAMESPACE) == Some("countryCode") {
                    entry.country_code = Some(v);
                } else if p.strip_prefix(NAMESPACE) == Some("nationalName") {
                    push_unique(&mut entry.national_names, v);
                } else if p.strip_prefix(NAMESPACE) == Some("nationalNameIn") {
                    entry.national_country = Some(v);
                } else if p.strip_prefix(NAMESPACE) == Some("sportsName") {
                    push_unique(&mut entry.sports_names, v);
                } else if p.strip_prefix(NAMESPACE) == Some("agentName") {
                    push_unique(&mut entry.agent_names, v);
                } else if p.strip_prefix(NAMESPACE) == Some("nickname") {
                    push_unique(&mut entry.nicknames, v);
                } else if p.strip_prefix(NAMESPACE) == Some("teamNickname") {
                    push_unique(&mut entry.team_nicknames, v);
                } else if p.strip_prefix(NAMESPACE) == Some("stateName") {
                    push_unique(&mut entry.state_names, v);
                }
            }
            if !entry.label.is_empty() {
                self.gazetteer.push(entry);
            }
        }
        // The places list: subjects with kg:placeName and kg:countryCode.
        let place_name = format!("{NAMESPACE}placeName");
        for s in &subjects {
            let mut place = Place::default();
            for (p, o) in by_subject.get(*s).into_iter().flatten() {
                let Some(v) = literal(o) else { continue };
                if *p == place_name {
                    push_unique(&mut place.names, v);
                } else if p.strip_prefix(NAMESPACE) == Some("placeKind") {
                    place.kind = v;
                } else if p.strip_prefix(NAMESPACE) == Some("countryCode") {
                    place.country_code = v;
                }
            }
            if !place.names.is_empty() && !place.country_code.is_empty() {
                self.places.push(place);
            }
        }
        Ok(())
    }
}

/// Parses one Turtle text, appending its triples.
fn parse_turtle(name: &str, text: &str, out: &mut Vec<Triple>) -> Result<(), OntologyError> {
    let parser = RdfParser::from_format(RdfFormat::Turtle)
        .rename_blank_nodes()
        .for_slice(text);
    for quad in parser {
        match quad {
            Ok(q) => out.push(Triple::new(q.subject, q.predicate, q.object)),
            Err(e) => {
                let (line, column) = e
                    .location()
                    .map_or((0, 0), |r| (r.start.line + 1, r.start.column + 1));
                return Err(OntologyError::Syntax {
                    source_name: name.to_string(),
                    line,
                    column,
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Reads an RDF list of properties (or `[ owl:inverseOf p ]`) into chain steps.
fn read_chain(
    by_subject: &HashMap<String, Vec<(&str, &Term)>>,
    head: &Term,
) -> Option<Vec<ChainStep>> {
    let mut steps = Vec::new();
    let mut node = term_key(head)?;
    // A list longer than the ontology itself would be a cycle.
    for _ in 0..=by_subject.len() {
        if node == RDF_NIL {
            return (!steps.is_empty()).then_some(steps);
        }
        let pairs = by_subject.get(&node)?;
        let first = pairs.iter().find(|(p, _)| *p == RDF_FIRST)?.1;
        let rest = pairs.iter().find(|(p, _)| *p == RDF_REST)?.1;
        match first {
            Term::NamedNode(n) => steps.push(ChainStep {
                property: n.as_str().to_string(),
                inverse: false,
            }),
            Term::BlankNode(_) => {
                let inner = by_subject.get(&term_key(first)?)?;
                let inv = inner
                    .iter()
                    .find(|(p, _)| *p == format!("{OWL}inverseOf"))?;
                steps.push(ChainStep {
                    property: named(inv.1)?,
                    inverse: true,
                });
            }
            _ => return None,
        }
        node = term_key(rest)?;
    }
    None
}

fn subject_key(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn term_key(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

fn named(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn literal(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

fn push_unique(v: &mut Vec<String>, x: String) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// The local name of an IRI: after the kg namespace, else after the last `#` or `/`.
pub fn local_name(iri: &str) -> String {
    if let Some(l) = iri.strip_prefix(NAMESPACE) {
        return l.to_string();
    }
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_string()
}
