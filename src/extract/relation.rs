//! Relation phrases: the verb group as it reads (auxiliaries, negation, inner adverbs, particle, and a
//! preposition that introduces the object) and its normalised form (lemmas; particles and prepositions kept;
//! auxiliaries and adverbs dropped) for mapping to the ontology's lexical forms.

use super::triple::Relation;
use super::view::View;

/// The words of a relation phrase, by role.
#[derive(Debug, Clone, Default)]
pub(crate) struct RelationWords {
    /// Tokens that only read (auxiliaries, negation, adverbs inside the verb group).
    pub aux: Vec<usize>,
    /// Tokens that carry the meaning (verbs, particles, prepositions, `to`, predicate nouns or adjectives).
    pub core: Vec<usize>,
    /// Whether the main verb is passive.
    pub passive: bool,
}

impl RelationWords {
    /// The relation: text over all words in order, normalised over the core words' lemmas.
    pub fn build(&self, v: &View) -> Relation {
        let mut tokens: Vec<usize> = self.aux.iter().chain(&self.core).copied().collect();
        tokens.sort_unstable();
        tokens.dedup();
        let text = spaced(v, &tokens, |i| v.text(i));
        let mut core = self.core.clone();
        core.sort_unstable();
        core.dedup();
        let normalized = spaced(v, &core, |i| normal_word(v, i));
        Relation {
            text,
            normalized,
            tokens,
            passive: self.passive,
        }
    }

    /// Adds a core word (a preposition, a particle, `to`) once.
    pub fn push_core(&mut self, i: usize) {
        if !self.core.contains(&i) {
            self.core.push(i);
        }
    }
}

/// The words of sorted `tokens` as `word` writes them: one space between words, none inside a hyphenated
/// word (`re-elected`); empty words are skipped.
fn spaced<S: AsRef<str>>(v: &View, tokens: &[usize], word: impl Fn(usize) -> S) -> String {
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    for &i in tokens {
        let w = word(i);
        let w = w.as_ref();
        if w.is_empty() {
            continue;
        }
        if prev.is_some_and(|p| !(p + 1 == i && v.glued(p))) {
            out.push(' ');
        }
        out.push_str(w);
        prev = Some(i);
    }
    out
}

/// The normalised form of one relation word: its lower-cased lemma (a passive participle's lemma too).
fn normal_word(v: &View, i: usize) -> String {
    let lemma = v.lemma(i);
    let word = if lemma.is_empty() || lemma == "-PRON-" {
        v.text(i)
    } else {
        lemma
    };
    word.to_lowercase()
}

/// Auxiliary-like dependents of a verb that read as part of its relation phrase.
const AUX_DEPS: &[&str] = &["aux", "auxpass", "neg"];

/// The verb group of `verb`: auxiliaries and negation, adverbs between the first auxiliary and the verb
/// (`will likely revive`, `has long insisted`), the verb and its particle.
pub(crate) fn verb_group(v: &View, verb: usize) -> RelationWords {
    let mut words = RelationWords::default();
    for c in v.children_with(verb, AUX_DEPS) {
        if c < verb {
            // `to` of an infinitive is kept by the chain that joins it, not here.
            if v.tag(c) == "TO" {
                continue;
            }
            words.aux.push(c);
        } else if v.dep(c) == "neg" {
            words.aux.push(c);
        }
    }
    let first = words.aux.iter().copied().min().unwrap_or(verb);
    for c in v.children_with(verb, &["advmod", "neg"]) {
        if !v.children(c).is_empty() || v.is_relativizer(c) || !v.tag(c).starts_with("RB") {
            continue;
        }
        // Inside the verb group, right before the verb (`strictly maintain`), or right after it
        // (`appeared only incidentally in`).
        let inside = c > first && c < verb;
        let before = c + 1 == verb;
        let after = c > verb && (verb + 1..c).all(|k| v.dep(k) == "advmod" && v.head(k) == verb);
        if inside || before || after {
            words.aux.push(c);
        }
    }
    // A bare participle is passive when it modifies a noun or has an agent (`also claimed by Japan`).
    words.passive = v
        .children_with(verb, &["auxpass", "nsubjpass"])
        .next()
        .is_some()
        || (v.tag(verb) == "VBN"
            && (matches!(v.dep(verb), "acl" | "amod") || v.child(verb, &["agent"]).is_some())
            && v.child(verb, &["aux"]).is_none());
    // The prefix of a hyphenated verb (`re-entered`, `wholly-owned`) reads, like an adverb: the normalised
    // relation is the verb's (`enter`, `own by`), as the ontology's lexical forms write it.
    for &c in v.children(verb) {
        if c < verb && v.glued(c) {
            words.aux.push(c);
        }
    }
    words.core.push(verb);
    for c in v.children_with(verb, &["prt"]) {
        words.core.push(c);
    }
    words
}

/// Whether `verb` is a form of `be` used as a copula (main verb with a predicate, not an auxiliary).
pub(crate) fn is_copula(v: &View, verb: usize) -> bool {
    v.lemma(verb) == "be" && !matches!(v.dep(verb), "aux" | "auxpass")
}
