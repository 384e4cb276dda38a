//! The rule engine: the ontology's axioms applied to a set of (subject, property, object) IRI triples until
//! nothing new follows.
//!
//! Every axiom compiles to one chain rule `p1 ∘ p2 ∘ … ∘ pn ⊑ q` (a step may be read backwards):
//! `owl:inverseOf` is `p⁻ ⊑ q`, `owl:SymmetricProperty` is `p⁻ ⊑ p`, `owl:TransitiveProperty` is
//! `p ∘ p ⊑ p`, `rdfs:subPropertyOf` is `p ⊑ q`, and `owl:propertyChainAxiom` is itself. Evaluation is
//! semi-naive: facts are processed in order, and each is joined only with facts processed before it (and
//! itself), so every derivation is found once, at its last premise. The set of triples over a finite set of
//! nodes and properties is finite and nothing is derived twice, so it terminates; the work is proportional to
//! the number of rule matches, linear in practice for news graphs. Reflexive conclusions (`x partOf x`) are not
//! drawn: they are never what a reader wants.

use super::model::{ChainStep, Property, local_name};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A (subject, property, object) triple of IRIs.
pub type IriTriple = (String, String, String);

/// A compiled rule: the body chain implies the head property between the chain's two ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// A readable name, e.g. `chain(controls ∘ hasPart ⊑ controls)`, `inverseOf(partOf, hasPart)`.
    pub name: String,
    /// The chain, from the conclusion's subject to its object.
    pub body: Vec<ChainStep>,
    /// The concluded property IRI.
    pub head: String,
}

/// A triple that follows from the asserted ones, with the rule and the premises it was derived from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    /// The inferred triple.
    pub triple: IriTriple,
    /// The rule's name ([`Rule::name`]).
    pub rule: String,
    /// The triples the rule matched, in chain order (asserted or earlier inferred triples).
    pub premises: Vec<IriTriple>,
}

/// Compiles the axioms of the properties into chain rules, in a deterministic order.
pub(crate) fn compile(properties: &BTreeMap<String, Property>) -> Vec<Rule> {
    let step = |p: &str, inverse: bool| ChainStep {
        property: p.to_string(),
        inverse,
    };
    let mut rules = Vec::new();
    for p in properties.values() {
        let name = &p.local;
        for q in &p.inverse_of {
            rules.push(Rule {
                name: format!("inverseOf({name}, {})", local_name(q)),
                body: vec![step(&p.iri, true)],
                head: q.clone(),
            });
        }
        if p.symmetric {
            rules.push(Rule {
                name: format!("symmetric({name})"),
                body: vec![step(&p.iri, true)],
                head: p.iri.clone(),
            });
        }
        if p.transitive {
            rules.push(Rule {
                name: format!("transitive({name})"),
                body: vec![step(&p.iri, false), step(&p.iri, false)],
                head: p.iri.clone(),
            });
        }
        for q in &p.super_properties {
            if q != &p.iri {
                rules.push(Rule {
                    name: format!("subPropertyOf({name}, {})", local_name(q)),
                    body: vec![step(&p.iri, false)],
                    head: q.clone(),
                });
            }
        }
        for chain in &p.chains {
            let steps: Vec<String> = chain
                .iter()
                .map(|s| {
                    let l = local_name(&s.property);
                    if s.inverse { format!("{l}⁻") } else { l }
                })
                .collect();
            rules.push(Rule {
                name: format!("chain({} ⊑ {name})", steps.join(" ∘ ")),
                body: chain.clone(),
                head: p.iri.clone(),
            });
        }
    }
    rules
}

/// Interned triple: (subject, property, object) node ids.
type Fact = (u32, u32, u32);

struct Engine<'r> {
    rules: &'r [Rule],
    names: Vec<String>,
    ids: HashMap<String, u32>,
    facts: Vec<Fact>,
    seen: HashSet<Fact>,
    /// Why each fact beyond the asserted ones holds: (rule index, premise fact indices).
    why: Vec<(usize, Vec<usize>)>,
    /// (property, subject) -> [(object, fact index)] over processed facts.
    by_subject: HashMap<(u32, u32), Vec<(u32, usize)>>,
    /// (property, object) -> [(subject, fact index)] over processed facts.
    by_object: HashMap<(u32, u32), Vec<(u32, usize)>>,
    /// Rule steps by property id: (rule index, step index).
    triggers: HashMap<u32, Vec<(usize, usize)>>,
    /// Rule steps' property ids.
    step_ids: Vec<Vec<u32>>,
    head_ids: Vec<u32>,
}

impl<'r> Engine<'r> {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), id);
        id
    }

    fn new(rules: &'r [Rule]) -> Self {
        let mut e = Engine {
            rules,
            names: Vec::new(),
            ids: HashMap::new(),
            facts: Vec::new(),
            seen: HashSet::new(),
            why: Vec::new(),
            by_subject: HashMap::new(),
            by_object: HashMap::new(),
            triggers: HashMap::new(),
            step_ids: Vec::new(),
            head_ids: Vec::new(),
        };
        for (ri, rule) in rules.iter().enumerate() {
            let ids: Vec<u32> = rule.body.iter().map(|s| e.intern(&s.property)).collect();
            for (si, &p) in ids.iter().enumerate() {
                e.triggers.entry(p).or_default().push((ri, si));
            }
            e.step_ids.push(ids);
            let h = e.intern(&rule.head);
            e.head_ids.push(h);
        }
        e
    }

    /// Runs to the fixpoint. Facts `0..asserted` are the input.
    fn run(&mut self, asserted: usize) {
        let mut next = 0;
        while next < self.facts.len() {
            let fact_index = next;
            next += 1;
            let (s, p, o) = self.facts[fact_index];
            self.by_subject
                .entry((p, s))
                .or_default()
                .push((o, fact_index));
            self.by_object
                .entry((p, o))
                .or_default()
                .push((s, fact_index));
            let Some(triggers) = self.triggers.get(&p).cloned() else {
                continue;
            };
            for (ri, si) in triggers {
                let step = &self.rules[ri].body[si];
                let (from, to) = if step.inverse { (o, s) } else { (s, o) };
                // Bindings: chain nodes x0..xn and the premise per step.
                let mut partial = vec![(vec![from, to], vec![fact_index])];
                // Extend to the left, from step si-1 down to 0.
                for j in (0..si).rev() {
                    let mut grown = Vec::new();
                    for (nodes, prem) in &partial {
                        let x = nodes[0];
                        for (y, f) in self.neighbours(ri, j, x, true) {
                            let mut n = vec![y];
                            n.extend_from_slice(nodes);
                            let mut pr = vec![f];
                            pr.extend_from_slice(prem);
                            grown.push((n, pr));
                        }
                    }
                    partial = grown;
                }
                // Extend to the right, from step si+1 on.
                for j in si + 1..self.step_ids[ri].len() {
                    let mut grown = Vec::new();
                    for (nodes, prem) in &partial {
                        let x = nodes[nodes.len() - 1];
                        for (y, f) in self.neighbours(ri, j, x, false) {
                            let mut n = nodes.clone();
                            n.push(y);
                            let mut pr = prem.clone();
                            pr.push(f);
                            grown.push((n, pr));
                        }
                    }
                    partial = grown;
                }
                for (nodes, premises) in partial {
                    let (a, b) = (nodes[0], nodes[nodes.len() - 1]);
                    if a == b {
                        continue;
                    }
                    let fact = (a, self.head_ids[ri], b);
                    if self.seen.insert(fact) {
                        self.facts.push(fact);
                        self.why.push((ri, premises));
                    }
                }
            }
        }
        debug_assert_eq!(self.facts.len(), asserted + self.why.len());
    }

    /// Nodes reachable over step `j` of rule `ri` from `x`, with the fact used: going left (`x` is the step's
    /// right end) or right (`x` is its left end). Only processed facts are indexed.
    fn neighbours(&self, ri: usize, j: usize, x: u32, left: bool) -> Vec<(u32, usize)> {
        let p = self.step_ids[ri][j];
        let inverse = self.rules[ri].body[j].inverse;
        // A step p goes subject -> object; p⁻ goes object -> subject.
        let use_object_index = left != inverse;
        let index = if use_object_index {
            &self.by_object
        } else {
            &self.by_subject
        };
        index.get(&(p, x)).cloned().unwrap_or_default()
    }

    fn triple(&self, f: usize) -> IriTriple {
        let (s, p, o) = self.facts[f];
        (
            self.names[s as usize].clone(),
            self.names[p as usize].clone(),
            self.names[o as usize].clone(),
        )
    }
}

/// Applies `rules` to `asserted` until nothing new follows; see the module documentation.
pub(crate) fn infer(rules: &[Rule], asserted: &[IriTriple]) -> Vec<Inferred> {
    let mut engine = Engine::new(rules);
    for (s, p, o) in asserted {
        let fact = (engine.intern(s), engine.intern(p), engine.intern(o));
        if engine.seen.insert(fact) {
            engine.facts.push(fact);
        }
    }
    let base = engine.facts.len();
    engine.run(base);
    (0..engine.why.len())
        .map(|k| {
            let (ri, premises) = &engine.why[k];
            Inferred {
                triple: engine.triple(base + k),
                rule: rules[*ri].name.clone(),
                premises: premises.iter().map(|&f| engine.triple(f)).collect(),
            }
        })
        .collect()
}

/// An inferred RDF triple, for stores that hold [`oxigraph::model::Triple`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferredRdf {
    /// The inferred triple.
    pub triple: oxigraph::model::Triple,
    /// The rule's name.
    pub rule: String,
    /// The triples it was derived from.
    pub premises: Vec<oxigraph::model::Triple>,
}

impl super::Ontology {
    /// [`Ontology::infer`](super::Ontology::infer) over RDF triples: only triples between named nodes whose
    /// property some rule reads take part (labels, types and literals are skipped without cost).
    pub fn infer_rdf(&self, asserted: &[oxigraph::model::Triple]) -> Vec<InferredRdf> {
        use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
        let read: HashSet<&str> = self
            .rules()
            .iter()
            .flat_map(|r| r.body.iter().map(|s| s.property.as_str()))
            .collect();
        let input: Vec<IriTriple> = asserted
            .iter()
            .filter(|t| read.contains(t.predicate.as_str()))
            .filter_map(|t| match (&t.subject, &t.object) {
                (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) => Some((
                    s.as_str().to_string(),
                    t.predicate.as_str().to_string(),
                    o.as_str().to_string(),
                )),
                _ => None,
            })
            .collect();
        let to_rdf = |(s, p, o): &IriTriple| {
            Triple::new(
                NamedNode::new_unchecked(s.clone()),
                NamedNode::new_unchecked(p.clone()),
                NamedNode::new_unchecked(o.clone()),
            )
        };
        self.infer(&input)
            .into_iter()
            .map(|i| InferredRdf {
                triple: to_rdf(&i.triple),
                rule: i.rule,
                premises: i.premises.iter().map(to_rdf).collect(),
            })
            .collect()
    }

    /// Everything that follows from `asserted` (subject, property, object IRIs) under the ontology's rules,
    /// each inferred triple once, with its rule and premises. Triples already asserted are not repeated;
    /// triples with properties the ontology does not know pass through untouched (they match no rule).
    /// Pass only asserted facts (not negated or hedged ones).
    ///
    /// ```
    /// let onto = kg::ontology::Ontology::builtin().unwrap();
    /// let kg = |l: &str| onto.iri(l);
    /// let asserted = vec![
    ///     ("ex:Russia".to_string(), kg("controls"), "ex:Kurils".to_string()),
    ///     ("ex:Etorofu".to_string(), kg("partOf"), "ex:Kurils".to_string()),
    /// ];
    /// let inferred = onto.infer(&asserted);
    /// assert!(inferred.iter().any(|i| i.triple == ("ex:Russia".to_string(), kg("controls"), "ex:Etorofu".to_string())));
    /// ```
    pub fn infer(&self, asserted: &[IriTriple]) -> Vec<Inferred> {
        infer(self.rules(), asserted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(name: &str, body: &[(&str, bool)], head: &str) -> Rule {
        Rule {
            name: name.to_string(),
            body: body
                .iter()
                .map(|(p, inverse)| ChainStep {
                    property: p.to_string(),
                    inverse: *inverse,
                })
                .collect(),
            head: head.to_string(),
        }
    }

    fn t(s: &str, p: &str, o: &str) -> IriTriple {
        (s.to_string(), p.to_string(), o.to_string())
    }

    #[test]
    fn transitive_closure_of_a_path_is_complete_and_without_duplicates() {
        let rules = [rule("trans", &[("p", false), ("p", false)], "p")];
        let asserted: Vec<IriTriple> = (0..6)
            .map(|i| t(&format!("n{i}"), "p", &format!("n{}", i + 1)))
            .collect();
        let inferred = infer(&rules, &asserted);
        // A path of 7 nodes has 21 ordered reachable pairs, 6 of them asserted.
        assert_eq!(inferred.len(), 15);
        let set: HashSet<&IriTriple> = inferred.iter().map(|i| &i.triple).collect();
        assert_eq!(set.len(), 15);
        assert!(set.contains(&t("n0", "p", "n6")));
        for i in &inferred {
            assert_eq!(i.premises.len(), 2);
            assert_eq!(i.premises[0].0, i.triple.0);
            assert_eq!(i.premises[1].2, i.triple.2);
        }
    }

    #[test]
    fn chain_with_inverse_step_and_no_reflexive_conclusions() {
        // controls ∘ partOf⁻ ⊑ controls.
        let rules = [
            rule(
                "chain",
                &[("controls", false), ("partOf", true)],
                "controls",
            ),
            rule("sym", &[("met", true)], "met"),
        ];
        let asserted = vec![
            t("russia", "controls", "kurils"),
            t("etorofu", "partOf", "kurils"),
            t("abe", "met", "putin"),
        ];
        let inferred = infer(&rules, &asserted);
        let got: Vec<&IriTriple> = inferred.iter().map(|i| &i.triple).collect();
        assert_eq!(
            got,
            vec![
                &t("russia", "controls", "etorofu"),
                &t("putin", "met", "abe")
            ]
        );
        assert_eq!(
            inferred[0].premises,
            vec![
                t("russia", "controls", "kurils"),
                t("etorofu", "partOf", "kurils")
            ]
        );
    }

    #[test]
    fn unrelated_properties_infer_nothing() {
        let rules = [rule("sym", &[("met", true)], "met")];
        assert!(infer(&rules, &[t("a", "likes", "b"), t("b", "likes", "a")]).is_empty());
    }

    #[test]
    fn cycles_terminate() {
        let rules = [
            rule("trans", &[("p", false), ("p", false)], "p"),
            rule("sym", &[("p", true)], "p"),
        ];
        let asserted = vec![t("a", "p", "b"), t("b", "p", "c"), t("c", "p", "a")];
        let inferred = infer(&rules, &asserted);
        // All 6 ordered pairs of distinct nodes hold; 3 were asserted.
        assert_eq!(inferred.len(), 3);
    }
}
