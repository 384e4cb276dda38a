//! Relation canonicalisation: a normalised relation phrase (plus voice and the argument classes) to an
//! ontology property, through the lexical forms of `ontology/kg.ttl`. Unmapped phrases stay open relations.

use crate::analysis::Doc;
use crate::extract::Relation;
use crate::ontology::Ontology;
use std::collections::HashMap;

/// A property a phrase can express, and whether the phrase puts the property's object first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Property IRI.
    pub property: String,
    /// Whether subject and object swap (inverse lexical form, or a passive with its agent).
    pub swap: bool,
}

/// Lexical forms of the ontology, indexed for lookup.
#[derive(Debug, Clone, Default)]
pub struct RelationMapper {
    forms: HashMap<String, Vec<Candidate>>,
    /// Role nouns with their property IRI and their space-padded form, longest first.
    roles: Vec<(String, String, String)>,
    /// Every word of a role noun, to reject phrases without one cheaply.
    role_words: std::collections::HashSet<String>,
    /// Reciprocal phrases -> property IRI.
    reciprocal: HashMap<String, String>,
}

impl RelationMapper {
    /// Indexes the lexical, inverse, adjectival forms and role nouns of every property.
    pub fn new(onto: &Ontology) -> Self {
        let mut forms: HashMap<String, Vec<Candidate>> = HashMap::new();
        let mut add = |form: &str, property: &str, swap: bool| {
            let form = normalise_phrase(form);
            let list = forms.entry(form).or_default();
            let c = Candidate {
                property: property.to_string(),
                swap,
            };
            if !list.contains(&c) {
                list.push(c);
            }
        };
        let mut roles = Vec::new();
        let mut reciprocal = HashMap::new();
        for p in onto.properties() {
            for f in &p.reciprocal_forms {
                reciprocal
                    .entry(normalise_phrase(f))
                    .or_insert_with(|| p.iri.clone());
            }
            for f in p.lexical_forms.iter().chain(&p.adjectival_forms) {
                add(f, &p.iri, false);
            }
            for f in &p.inverse_lexical_forms {
                add(f, &p.iri, true);
            }
            for r in &p.role_nouns {
                for pattern in ["be {} of", "be {} in", "{} of", "be {} for"] {
                    add(&pattern.replace("{}", r), &p.iri, false);
                }
                roles.push((r.clone(), p.iri.clone(), format!(" {r} ")));
            }
        }
        roles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        let role_words = roles
            .iter()
            .flat_map(|(r, _, _)| r.split_whitespace().map(str::to_string))
            .collect();
        RelationMapper {
            forms,
            roles,
            role_words,
            reciprocal,
        }
    }

    /// The properties an exact normalised phrase expresses.
    pub fn lookup(&self, phrase: &str) -> &[Candidate] {
        self.forms
            .get(&normalise_phrase(phrase))
            .map_or(&[], Vec::as_slice)
    }

    /// The longest role noun in a lower-case phrase, as whole words, with its property IRI.
    pub fn role_in(&self, phrase: &str) -> Option<(&str, &str)> {
        // Hyphenated role nouns come as three tokens (`Secretary - General`).
        let phrase = phrase.replace(" - ", "-");
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if !words.iter().any(|w| self.role_words.contains(*w)) {
            return None;
        }
        let text = format!(" {} ", words.join(" "));
        self.roles
            .iter()
            .find(|(_, _, padded)| text.contains(padded.as_str()))
            .map(|(r, p, _)| (r.as_str(), p.as_str()))
    }

    /// The property a reciprocal phrase states between coordinated subjects (`hold talk` -> met).
    pub fn reciprocal(&self, phrase: &str) -> Option<&str> {
        self.reciprocal
            .get(&normalise_phrase(phrase))
            .map(String::as_str)
    }

    /// The candidates for a relation, trying the phrase variants in order (see [`phrase_variants`]); a
    /// passive relation ending in `by` is looked up without it and swaps its arguments.
    pub fn candidates(&self, doc: &Doc, relation: &Relation) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        for (variant, passive_agent) in phrase_variants(doc, relation) {
            for c in self.lookup(&variant) {
                let c = Candidate {
                    property: c.property.clone(),
                    swap: c.swap != passive_agent,
                };
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            if !out.is_empty() {
                break;
            }
        }
        // `be prime minister prime minister of`: a role noun before a final `of`.
        if out.is_empty() && !relation.passive {
            let phrase = normalise_phrase(&relation.normalized);
            if let Some(stem) = phrase.strip_suffix(" of")
                && let Some((noun, p)) = self.role_in(stem)
                && role_stem_is_the_role(stem, noun)
            {
                out.push(Candidate {
                    property: p.to_string(),
                    swap: false,
                });
            }
        }
        out
    }
}

/// Whether a title before `of` is the role itself (`prime minister`) or a portfolio minister (`finance
/// minister`), not an office of something else (`football president`) or a lesser one (`deputy prime minister`).
fn role_stem_is_the_role(stem: &str, noun: &str) -> bool {
    let portfolio = matches!(noun, "minister" | "ministers" | "secretary")
        && stem.ends_with(noun)
        && !stem
            .split_whitespace()
            .any(|w| matches!(w, "deputy" | "vice" | "acting"));
    stem == noun || portfolio
}

/// Lower case, single spaces.
fn normalise_phrase(p: &str) -> String {
    p.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The phrases to look a relation up by, most specific first, each with whether it is a passive whose
/// object is the agent (`control by` -> `control`, swapped):
/// the normalised phrase; the same rebuilt from the relation's tokens without adverbs, negation,
/// determiners and possessives; each with a leading `be` dropped or added; and with superlatives as `jjs`
/// (`be largest of` -> `be jjs of`).
pub fn phrase_variants(doc: &Doc, relation: &Relation) -> Vec<(String, bool)> {
    let mut bases = vec![normalise_phrase(&relation.normalized)];
    let content: Vec<usize> = relation
        .tokens
        .iter()
        .copied()
        .filter(|&i| {
            doc.tokens.get(i).is_some_and(|t| {
                !matches!(
                    t.dep.as_str(),
                    "aux" | "auxpass" | "neg" | "det" | "poss" | "advmod"
                ) && !matches!(
                    t.tag.as_str(),
                    "RB" | "RBR" | "RBS" | "DT" | "PRP$" | "MD" | "POS"
                )
            })
        })
        .collect();
    let lemma = |i: usize| doc.tokens[i].lemma.to_lowercase();
    if !content.is_empty() {
        bases.push(
            content
                .iter()
                .map(|&i| lemma(i))
                .collect::<Vec<_>>()
                .join(" "),
        );
        let jjs: Vec<String> = content
            .iter()
            .map(|&i| {
                if doc.tokens[i].tag == "JJS" {
                    "jjs".to_string()
                } else {
                    lemma(i)
                }
            })
            .collect();
        bases.push(jjs.join(" "));
        if relation
            .normalized
            .split_whitespace()
            .any(|w| w.ends_with("est"))
        {
            let rebuilt: Vec<String> = relation
                .normalized
                .split_whitespace()
                .map(|w| {
                    if w.ends_with("est") && w.len() > 4 {
                        "jjs".into()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect();
            bases.push(rebuilt.join(" "));
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: String, agent: bool| {
        let s = normalise_phrase(&s);
        if !s.is_empty() && !out.iter().any(|(x, a)| x == &s && *a == agent) {
            out.push((s, agent));
        }
    };
    for b in &bases {
        let (phrase, agent) = match b.strip_suffix(" by") {
            Some(stem) if relation.passive => (stem.to_string(), true),
            _ => (b.clone(), false),
        };
        push(phrase.clone(), agent);
        if let Some(rest) = phrase.strip_prefix("be ") {
            push(rest.to_string(), agent);
        } else {
            push(format!("be {phrase}"), agent);
        }
    }
    out
}

/// Copular, possessive and reporting verbs that say nothing about how two entities relate (`Kevin Campbell be
/// Dennis Bergkamp` from a line-up, `Liam Fox have party`, `Blair tell Brown`): unmapped, they stay out of
/// the graph between two entities (`kg extract --format oie` still shows them, and the provenance keeps the
/// sentence).
const LIGHT_RELATIONS: &[&str] = &[
    "be",
    "have",
    "tell",
    "say",
    "be with",
    "be from",
    "become",
    "have with",
    "say to",
    "tell to",
];

/// Ontology properties of what is said: between two entities they are a misread clause (`McGraw-Hill said
/// Medecines et Sciences` from `said it bought Medecines et Sciences`), the statement being a clause.
const REPORTING_PROPERTIES: &[&str] = &["said"];

/// Whether a fact is an unmapped light relation, or a reporting property, between two entities (left out of
/// the graph).
pub(crate) fn is_light_between(
    predicate: &super::Predicate,
    subject: &super::Node,
    object: &super::Node,
) -> bool {
    let (super::Node::Entity(_), super::Node::Entity(_)) = (subject, object) else {
        return false;
    };
    match predicate {
        super::Predicate::Open(p) => LIGHT_RELATIONS.contains(&p.as_str()),
        super::Predicate::Ontology(p) => REPORTING_PROPERTIES.contains(&p.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapper() -> RelationMapper {
        RelationMapper::new(&Ontology::builtin().unwrap())
    }

    fn rel(normalized: &str, passive: bool) -> Relation {
        Relation {
            text: normalized.into(),
            normalized: normalized.into(),
            tokens: vec![],
            passive,
        }
    }

    #[test]
    fn a_statement_read_as_an_entity_stays_out_of_the_graph() {
        use super::super::{Node, Predicate};
        let said = Predicate::Ontology("said".into());
        assert!(is_light_between(&said, &Node::Entity(0), &Node::Entity(1)));
        let content = Node::Literal("it bought Nordlys Forlag".into());
        assert!(!is_light_between(&said, &Node::Entity(0), &content));
        let open = Predicate::Open("criticise".into());
        assert!(!is_light_between(&open, &Node::Entity(0), &Node::Entity(1)));
    }

    fn local(c: &[Candidate]) -> Vec<(String, bool)> {
        c.iter()
            .map(|c| {
                (
                    c.property.rsplit('#').next().unwrap_or("").to_string(),
                    c.swap,
                )
            })
            .collect()
    }

    #[test]
    fn verbs_passives_and_inverse_forms_map() {
        let m = mapper();
        let doc = Doc::default();
        assert_eq!(
            local(&m.candidates(&doc, &rel("control", false))),
            vec![("controls".into(), false)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("control by", true))),
            vec![("controls".into(), true)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("claim by", true))),
            vec![("claims".into(), true)]
        );
        // `include` names parts or members; the arguments' classes choose between them.
        assert_eq!(
            local(&m.candidates(&doc, &rel("include", false))),
            vec![("memberOf".into(), true), ("partOf".into(), true)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("annex", false))),
            vec![("annexed".into(), false)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("held", false))),
            vec![("controls".into(), false)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("be prime minister of", false))),
            vec![("headOfGovernmentOf".into(), false)]
        );
        assert_eq!(
            local(&m.candidates(&doc, &rel("be largest of", false))),
            vec![("partOf".into(), false)]
        );
        // A passive without an agent keeps its arguments: `systems were deployed on Etorofu`.
        assert_eq!(
            local(&m.candidates(&doc, &rel("deploy on", true))),
            vec![("deployedTo".into(), false)]
        );
    }

    #[test]
    fn unknown_phrases_map_to_nothing() {
        let m = mapper();
        let doc = Doc::default();
        assert!(m.candidates(&doc, &rel("revive talk", false)).is_empty());
        assert!(m.candidates(&doc, &rel("by", true)).is_empty());
    }

    #[test]
    fn roles_match_longest_whole_words() {
        let m = mapper();
        assert_eq!(
            m.role_in("russian defense minister").map(|r| r.0),
            Some("defense minister")
        );
        assert_eq!(
            m.role_in("japanese prime minister").map(|r| r.0),
            Some("prime minister")
        );
        assert_eq!(m.role_in("the ministers").map(|r| r.0), Some("ministers"));
        assert_eq!(m.role_in("administration"), None);
    }
}
