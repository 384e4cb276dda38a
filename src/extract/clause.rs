//! Verbal clauses: active and passive (`controlled by Russia`), verbs with prepositional objects (`deployed on
//! Etorofu`), clausal objects (`said that ...`), complement chains (`will keep discussing`, `pledged to
//! resolve`), and the clauses that borrow their subject: coordinated verbs, relative and participial clauses.

use super::coordination::{conjuncts, inherited_object};
use super::copula;
use super::modality::modality;
use super::phrase::{Cut, phrase};
use super::qualifier::qualifiers;
use super::relation::{RelationWords, is_copula, verb_group};
use super::relative::{antecedent, is_relative_subject, relativized_object};
use super::speech::{reported_clause, speech_head};
use super::triple::{Argument, Modality, RawTriple};
use super::view::View;
use super::{Coordination, Settings};

/// How a clause got its subject; borrowed subjects are less certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectVia {
    /// The verb's own `nsubj`.
    Own,
    /// From the first of coordinated verbs.
    Conj,
    /// The antecedent of a relative clause.
    Relative,
    /// The noun a participial clause modifies.
    Participial,
    /// From the governing verb (`xcomp`, participial `advcl`).
    Control,
}

/// The subject token of the clause headed by `verb`, and how it was found.
pub(crate) fn subject_of(v: &View, verb: usize) -> Option<(usize, SubjectVia)> {
    let mut cur = verb;
    let mut via = SubjectVia::Own;
    for _ in 0..10 {
        if let Some(s) = v.child(cur, &["nsubj", "nsubjpass", "csubj", "csubjpass"]) {
            if is_relative_subject(v, cur, s) {
                return antecedent(v, cur).map(|a| (a, SubjectVia::Relative));
            }
            if v.is_relativizer(s) {
                // `which Russia thinks is ...`: the relativiser stands for the noun the enclosing relative
                // clause modifies.
                return enclosing_relative(v, cur)
                    .and_then(|r| antecedent(v, r))
                    .map(|a| (a, SubjectVia::Relative));
            }
            return Some((s, via));
        }
        let head = v.head(cur);
        if head == cur {
            return None;
        }
        match v.dep(cur) {
            "conj" if v.is_verb(head) => {
                if let Some(p) = misattached_participle(v, cur, head) {
                    return antecedent(v, p).map(|a| (a, SubjectVia::Participial));
                }
                via = worse(via, SubjectVia::Conj)
            }
            "xcomp" => {
                // Object control: `allowed employees to dress`.
                if let Some(o) = v.child(head, &["dobj"]) {
                    return Some((o, SubjectVia::Control));
                }
                via = worse(via, SubjectVia::Control);
            }
            "advcl" if v.child(cur, &["mark"]).is_none() => via = worse(via, SubjectVia::Control),
            // `Abe said in welcoming Putin`: a gerund after a preposition of the verb shares its subject.
            "pcomp" if is_stated_gerund(v, cur) => {
                via = worse(via, SubjectVia::Control);
                cur = v.head(head);
                continue;
            }
            "relcl" => return antecedent(v, cur).map(|a| (a, SubjectVia::Relative)),
            "acl" if v.is_verb(cur) && matches!(v.tag(cur), "VBN" | "VBG") => {
                return antecedent(v, cur).map(|a| (a, SubjectVia::Participial));
            }
            _ => return None,
        }
        cur = head;
    }
    None
}

/// Prepositions after which a gerund states what the subject did (`in welcoming`, `after meeting`,
/// `by deploying`); `without`, `before` or `for` do not.
const STATING_PREPOSITIONS: &[&str] = &[
    "in", "after", "by", "while", "upon", "on", "since", "through",
];

/// Prepositions after which a gerund did not happen, or not yet (`without consulting`, `before signing`).
const NON_STATING_PREPOSITIONS: &[&str] = &["without", "before", "instead", "despite", "against"];

/// A gerund that is the complement of a stating preposition attached to a verb.
fn is_stated_gerund(v: &View, gerund: usize) -> bool {
    let prep = v.head(gerund);
    v.tag(gerund) == "VBG"
        && v.dep(gerund) == "pcomp"
        && v.dep(prep) == "prep"
        && v.lemma_in(prep, STATING_PREPOSITIONS)
        && v.head(prep) != prep
        && v.is_verb(v.head(prep))
}

/// The relative clause enclosing `verb` (itself included), climbing through complements.
fn enclosing_relative(v: &View, verb: usize) -> Option<usize> {
    let mut cur = verb;
    for _ in 0..6 {
        if v.dep(cur) == "relcl" {
            return Some(cur);
        }
        let head = v.head(cur);
        if head == cur || !matches!(v.dep(cur), "ccomp" | "xcomp" | "conj") {
            return None;
        }
        cur = head;
    }
    None
}

/// A bare participle (`... controlled by Russia but also claimed by Japan`) that the parser coordinated with
/// the main verb, though it continues a participial clause in between: returns that participle.
fn misattached_participle(v: &View, verb: usize, head: usize) -> Option<usize> {
    if v.tag(verb) != "VBN" || v.tag(head) == "VBN" || v.child(verb, &["aux", "auxpass"]).is_some()
    {
        return None;
    }
    (head + 1..verb)
        .rev()
        .find(|&p| v.tag(p) == "VBN" && v.dep(p) == "acl")
}

fn worse(a: SubjectVia, b: SubjectVia) -> SubjectVia {
    if a == SubjectVia::Own { b } else { a }
}

/// What fills the object slot of a clause.
pub(crate) struct ObjectSlot {
    /// The object phrases (several for split coordination).
    pub args: Vec<Argument>,
    /// The construction name.
    pub rule: &'static str,
    /// Base confidence of the construction.
    pub confidence: f32,
    /// The head token of the object, for modality (`no sign`).
    pub head: Option<usize>,
    /// Preposition tokens the relation took, not to be repeated as qualifiers.
    pub used: Vec<usize>,
}

impl ObjectSlot {
    /// A slot over the conjuncts of `head` (split), or the single phrase when splitting is off.
    pub fn nominal(
        v: &View,
        head: usize,
        rule: &'static str,
        confidence: f32,
        split: bool,
    ) -> Self {
        ObjectSlot {
            args: coordinated(v, head, split),
            rule,
            confidence,
            head: Some(head),
            used: Vec::new(),
        }
    }
}

/// The phrases of the conjuncts of `head` (`Japan and Russia`: two), or the one phrase keeping them when
/// `split` is off.
fn coordinated(v: &View, head: usize, split: bool) -> Vec<Argument> {
    if split {
        conjuncts(v, head)
            .into_iter()
            .map(|h| phrase(v, h, Cut::default(), &[]))
            .collect()
    } else {
        let keep = Cut {
            keep_conj: true,
            ..Cut::default()
        };
        vec![phrase(v, head, keep, &[])]
    }
}

/// Extends a verb group through complement chains (`keep discussing`, `pledged to resolve`) while the verb has
/// no object of its own; returns the last verb of the chain.
fn follow_chain(v: &View, verb: usize, words: &mut RelationWords) -> usize {
    let mut cur = verb;
    for _ in 0..4 {
        if v.child(cur, &["dobj", "attr", "ccomp", "oprd"]).is_some() {
            break;
        }
        let next = v
            .child(cur, &["xcomp"])
            .filter(|&x| v.is_verb(x) && x > cur)
            .map(|x| (x, None))
            .or_else(|| {
                // `are likely to clinch`: the complement hangs off the predicate adjective.
                let a = v.child(cur, &["acomp"])?;
                v.child(a, &["xcomp"])
                    .filter(|&x| v.is_verb(x))
                    .map(|x| (x, Some(a)))
            });
        let next = next.or_else(|| {
            // `pledged to work toward concluding a treaty`: a gerund with an object after a preposition.
            v.children_with(cur, &["prep"])
                .filter(|&p| p > cur && !v.lemma_in(p, NON_STATING_PREPOSITIONS))
                .find_map(|p| {
                    let g = v.child(p, &["pcomp"])?;
                    (v.tag(g) == "VBG" && v.child(g, &["dobj"]).is_some()).then_some((g, Some(p)))
                })
        });
        let Some((x, adjective)) = next else { break };
        if let Some(a) = adjective {
            words.push_core(a);
        }
        for c in v.children_with(x, &["aux", "neg"]) {
            if v.tag(c) == "TO" {
                words.push_core(c);
            } else {
                words.aux.push(c);
            }
        }
        words.push_core(x);
        for p in v.children_with(x, &["prt"]) {
            words.push_core(p);
        }
        words.passive = v.child(x, &["auxpass"]).is_some();
        cur = x;
    }
    cur
}

/// The object slot of a verbal clause whose last verb is `verb`; may add a preposition or `that` to `words`.
fn object_slot(
    v: &View,
    clause: usize,
    verb: usize,
    words: &mut RelationWords,
    split: bool,
) -> Option<ObjectSlot> {
    if let Some(rel) = relativized_object(v, clause) {
        let a = antecedent(v, clause)?;
        let mut slot = ObjectSlot::nominal(v, a, "relative", 0.75, false);
        slot.used.push(rel);
        return Some(slot);
    }
    if let Some(o) = v.child(verb, &["dobj"]) {
        return Some(ObjectSlot::nominal(
            v,
            o,
            if words.passive { "passive" } else { "active" },
            0.9,
            split,
        ));
    }
    if is_copula(v, verb) {
        return copula::object_slot(v, verb, words, split);
    }
    if let Some(o) = v.child(verb, &["attr", "oprd"]) {
        return Some(ObjectSlot::nominal(v, o, "active", 0.8, split));
    }
    if let Some(c) = v.child(verb, &["ccomp"]) {
        if let Some(m) = v
            .child(c, &["mark"])
            .filter(|&m| v.lemma_in(m, &["that", "whether", "if"]))
        {
            words.push_core(m);
        }
        let mut arg = phrase(
            v,
            c,
            Cut {
                keep_conj: true,
                keep_clauses: true,
                ..Cut::default()
            },
            &[],
        );
        // The `that` is in the relation already.
        if let Some(&first) = arg.tokens.first()
            && v.dep(first) == "mark"
        {
            arg.tokens.remove(0);
            arg = super::phrase::argument(v, c, arg.tokens);
        }
        return Some(ObjectSlot {
            args: vec![arg],
            rule: "clausal",
            confidence: 0.75,
            head: None,
            used: Vec::new(),
        });
    }
    if let Some(arg) = reported_clause(v, verb) {
        return Some(ObjectSlot {
            args: vec![arg],
            rule: "clausal",
            confidence: 0.75,
            head: None,
            used: Vec::new(),
        });
    }
    if let Some(slot) = prepositional_slot(v, verb, words, split) {
        return Some(slot);
    }
    if let Some(a) = v.child(verb, &["acomp"]) {
        return Some(ObjectSlot::nominal(v, a, "active", 0.7, false));
    }
    inherited_object(v, verb).map(|o| ObjectSlot::nominal(v, o, "coordination", 0.7, split))
}

/// A verb's prepositional object: the agent of a passive (`controlled by Russia`), else the first prepositional
/// phrase after the verb (`deployed on Etorofu`); the preposition joins the relation.
pub(crate) fn prepositional_slot(
    v: &View,
    verb: usize,
    words: &mut RelationWords,
    split: bool,
) -> Option<ObjectSlot> {
    let prep = v
        .children_with(verb, &["agent"])
        .find(|&p| v.child(p, &["pobj"]).is_some())
        .or_else(|| {
            v.children_with(verb, &["prep"])
                .find(|&p| p > verb && v.child(p, &["pobj"]).is_some())
        })?;
    let obj = v.child(prep, &["pobj"])?;
    words.push_core(prep);
    let rule = if words.passive {
        "passive"
    } else {
        "prepositional"
    };
    let mut slot = ObjectSlot::nominal(v, obj, rule, 0.8, split);
    slot.used.push(prep);
    Some(slot)
}

/// Extracts every verbal clause of the sentence.
pub(crate) fn extract(v: &View, settings: &Settings, out: &mut Vec<RawTriple>) {
    for verb in v.tokens() {
        if !v.is_verb(verb)
            || matches!(v.dep(verb), "aux" | "auxpass" | "amod" | "csubj")
            || (v.dep(verb) == "pcomp" && !is_stated_gerund(v, verb))
        {
            continue;
        }
        // Complement verbs are read as part of their governor's chain.
        if v.dep(verb) == "xcomp" && !v.is_root(verb) {
            let h = v.head(verb);
            if v.is_verb(h) || v.dep(h) == "acomp" {
                continue;
            }
        }
        if v.dep(verb) == "relcl" && !settings.relative {
            continue;
        }
        if v.dep(verb) == "acl" && !settings.participial {
            continue;
        }
        let copular = is_copula(v, verb);
        if (copular && !settings.copula) || (!copular && !settings.clause) {
            continue;
        }
        if v.child(verb, &["expl"]).is_some() {
            continue;
        }
        clause(v, verb, settings, out);
    }
}

/// Extracts the triples of the clause headed by `verb`.
fn clause(v: &View, verb: usize, settings: &Settings, out: &mut Vec<RawTriple>) {
    let Some((subj, via)) = subject_of(v, verb) else {
        return;
    };
    let mut words = verb_group(v, verb);
    let last = follow_chain(v, verb, &mut words);
    let Some(slot) = object_slot(
        v,
        verb,
        last,
        &mut words,
        settings.coordination != Coordination::Joined,
    ) else {
        return;
    };
    let subjects = coordinated(v, subj, settings.coordination != Coordination::Joined);
    let mut quals = qualifiers(v, verb, &slot.used);
    if last != verb {
        quals.extend(qualifiers(v, last, &slot.used));
    }
    let relation = words.build(v);
    let modality = modality(v, last, slot.head, &relation.tokens);
    let attributed_to = speech_head(v, verb).and_then(|h| {
        let (s, _) = subject_of(v, h)?;
        Some(phrase(v, s, Cut::default(), &[]))
    });
    let rule = match via {
        SubjectVia::Relative if slot.rule != "relative" => "relative",
        SubjectVia::Participial => "participial",
        _ => slot.rule,
    };
    let mut confidence = slot.confidence
        - match via {
            SubjectVia::Own => 0.0,
            SubjectVia::Conj => 0.05,
            SubjectVia::Relative => 0.1,
            SubjectVia::Participial => 0.15,
            SubjectVia::Control => 0.2,
        };
    if modality != Modality::Asserted {
        confidence -= 0.05;
    }
    let split = subjects.len() > 1 || slot.args.len() > 1;
    let mut pairs: Vec<(&Argument, &Argument, bool)> = Vec::new();
    for s in &subjects {
        for o in &slot.args {
            pairs.push((s, o, split));
        }
    }
    // With `Both`, the coordination also stays whole, as many annotators keep it.
    let joined_subject = phrase(
        v,
        subj,
        Cut {
            keep_conj: true,
            ..Cut::default()
        },
        &[],
    );
    let joined_object = slot.head.filter(|_| slot.args.len() > 1).map(|o| {
        phrase(
            v,
            o,
            Cut {
                keep_conj: true,
                ..Cut::default()
            },
            &[],
        )
    });
    if settings.coordination == Coordination::Both && split {
        let o = joined_object.as_ref().unwrap_or(&slot.args[0]);
        if slot.args.len() == 1 || joined_object.is_some() {
            pairs.push((&joined_subject, o, false));
        }
    }
    for (s, o, split) in pairs {
        {
            let mut c = confidence;
            if v.is_pronoun(s.head) {
                c -= 0.1;
            }
            if split {
                c -= 0.05;
            }
            if s.tokens.len() + o.tokens.len() > 20 {
                c -= 0.1;
            }
            out.push(RawTriple {
                sentence: v.index,
                subject: s.clone(),
                relation: relation.clone(),
                object: o.clone(),
                extra: Vec::new(),
                qualifiers: quals.clone(),
                modality,
                attributed_to: attributed_to.clone(),
                rule,
                confidence: c.clamp(0.05, 1.0),
            });
        }
    }
}
