//! Extractors: clause-based Open IE over the dependency parse, one construction per file.
//!
//! [`Extractor::extract`] walks each sentence once per construction and returns [`RawTriple`]s over token
//! spans with byte offsets. Constructions: verbal clauses, active and passive, with prepositional and clausal
//! objects ([`Construction::Clause`]); copulas; relative and participial clauses; appositions; hyphenated
//! participles (`Russian-held`); possessives and naming `of` phrases; titles and roles. Coordination,
//! reported speech, negation and modality, and time and place qualifiers apply across them; a hyphenated
//! word the parser split (`co-founder`) is read whole in all of them.
//!
//! ```
//! use kg::extract::Extractor;
//! let doc = kg::analysis::Doc::default();
//! assert!(Extractor::default().extract(&doc).is_empty());
//! ```

mod apposition;
mod clause;
mod coordination;
mod copula;
mod credit;
mod hyphenated;
mod locative;
mod modality;
pub mod oie;
mod participle;
mod phrase;
mod possessive;
mod qualifier;
mod relation;
mod relative;
mod speech;
mod title;
mod triple;
mod view;

use crate::analysis::Doc;
use std::collections::HashMap;
use view::View;

pub use credit::{credit_lines, in_credit};
pub use triple::{Argument, Modality, Qualifier, QualifierKind, RawTriple, Relation};

/// A construction the extractor can read triples from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Construction {
    /// Verbal clauses, active and passive, with direct, prepositional and clausal objects.
    Clause,
    /// Copular clauses (`X is Y`, `X is close to Y`).
    Copula,
    /// Relative clauses (`islands that Russia controls`).
    Relative,
    /// Participial clauses (`islands seized by Soviet forces`).
    Participial,
    /// Appositions (`Etorofu, the largest island`).
    Apposition,
    /// Hyphenated adjectival participles (`Russian-held islands`).
    Participle,
    /// Possessives and naming `of` phrases (`Japan's northern island of Hokkaido`).
    Possessive,
    /// Titles and roles before names (`Prime Minister Shinzo Abe`).
    Title,
    /// Prepositional modifiers of nouns (`Caird Hall in Scotland`).
    Locative,
}

impl Construction {
    /// Every construction.
    pub const ALL: [Construction; 9] = [
        Construction::Clause,
        Construction::Copula,
        Construction::Relative,
        Construction::Participial,
        Construction::Apposition,
        Construction::Participle,
        Construction::Possessive,
        Construction::Title,
        Construction::Locative,
    ];

    /// The construction's name (`clause`, `copula`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Construction::Clause => "clause",
            Construction::Copula => "copula",
            Construction::Relative => "relative",
            Construction::Participial => "participial",
            Construction::Apposition => "apposition",
            Construction::Participle => "participle",
            Construction::Possessive => "possessive",
            Construction::Title => "title",
            Construction::Locative => "locative",
        }
    }

    /// The construction with this name, if any.
    pub fn from_name(name: &str) -> Option<Construction> {
        Construction::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// What to do with coordinated subjects and objects (`Japan and Russia`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coordination {
    /// One triple per conjunct (what the graph needs).
    #[default]
    Split,
    /// One triple with the whole coordination.
    Joined,
    /// Both: the conjuncts, and the coordination whole (Open IE annotators do both).
    Both,
}

/// What the constructions read from one extractor's configuration.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    clause: bool,
    copula: bool,
    relative: bool,
    participial: bool,
    coordination: Coordination,
}

/// The configurable extractor: which constructions run, the minimum confidence, and whether coordinated
/// subjects and objects are split into one triple per conjunct.
#[derive(Debug, Clone)]
pub struct Extractor {
    constructions: Vec<Construction>,
    min_confidence: f32,
    coordination: Coordination,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            constructions: Construction::ALL.to_vec(),
            min_confidence: 0.0,
            coordination: Coordination::Split,
        }
    }
}

impl Extractor {
    /// An extractor with every construction, no confidence floor, and coordination split.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs only these constructions.
    pub fn with_constructions(mut self, constructions: &[Construction]) -> Self {
        self.constructions = constructions.to_vec();
        self
    }

    /// Drops triples below this confidence.
    pub fn with_min_confidence(mut self, min_confidence: f32) -> Self {
        self.min_confidence = min_confidence;
        self
    }

    /// What to do with coordinated subjects and objects (`Japan and Russia`).
    pub fn with_coordination(mut self, coordination: Coordination) -> Self {
        self.coordination = coordination;
        self
    }

    fn runs(&self, c: Construction) -> bool {
        self.constructions.contains(&c)
    }

    /// Extracts the triples of every sentence of `doc`, in sentence order, without duplicates.
    pub fn extract(&self, doc: &Doc) -> Vec<RawTriple> {
        let settings = Settings {
            clause: self.runs(Construction::Clause),
            copula: self.runs(Construction::Copula),
            relative: self.runs(Construction::Relative),
            participial: self.runs(Construction::Participial),
            coordination: self.coordination,
        };
        let credits = credit_lines(doc);
        let mut out = Vec::new();
        for (index, sentence) in doc.sentences().into_iter().enumerate() {
            let v = View::new(doc, index, sentence);
            let mut found = Vec::new();
            clause::extract(&v, &settings, &mut found);
            if self.runs(Construction::Apposition) {
                apposition::extract(&v, &mut found);
            }
            if self.runs(Construction::Participle) {
                participle::extract(&v, &mut found);
            }
            if self.runs(Construction::Possessive) {
                possessive::extract(&v, &mut found);
            }
            if self.runs(Construction::Title) {
                title::extract(&v, &mut found);
            }
            if self.runs(Construction::Locative) {
                locative::extract(&v, &mut found);
            }
            found.retain(|t| {
                t.confidence >= self.min_confidence
                    && usable(t)
                    && !credited(&credits, &t.subject)
                    && !credited(&credits, &t.object)
            });
            dedup(&mut found);
            out.extend(found);
        }
        out
    }
}

/// Whether an argument lies in a credit line (see [`credit_lines`]).
fn credited(credits: &[std::ops::Range<usize>], a: &Argument) -> bool {
    a.tokens.iter().any(|&t| in_credit(credits, t))
}

/// Whether both arguments have words and differ, and neither is a lone capital said of a name as its title
/// or apposition: an initial (`G` of `G Easterby` in a team sheet) or a party's letter, alone or with a
/// state's abbreviated name (`D` of `Lawton Chiles (D-Fla.)`, `D-Vt` of `Patrick Leahy (D-Vt.)`; not a
/// name such as `C-Murder`). A grade stays (`raised to A`: no title).
fn usable(t: &RawTriple) -> bool {
    let capital = |s: &str| s.chars().count() == 1 && s.chars().all(char::is_uppercase);
    let initial = |a: &Argument| {
        let letters = a.text.trim_end_matches('.');
        let abbreviated = a.text.ends_with('.') || letters.chars().count() <= 6;
        capital(letters)
            || abbreviated
                && letters.split_once('-').is_some_and(|(party, state)| {
                    capital(party)
                        && state.chars().next().is_some_and(char::is_uppercase)
                        && state.chars().all(|c| c.is_alphabetic() || c == '.')
                })
    };
    !t.subject.tokens.is_empty()
        && !t.object.tokens.is_empty()
        && t.subject.tokens != t.object.tokens
        && !(matches!(t.rule, "title" | "apposition")
            && (initial(&t.subject) || initial(&t.object)))
}

/// Keeps the first, most confident of triples with the same subject, relation and object.
fn dedup(triples: &mut Vec<RawTriple>) {
    let mut keep = vec![true; triples.len()];
    {
        type Key<'a> = (&'a [usize], &'a str, &'a [usize]);
        let mut best: HashMap<Key, usize> = HashMap::with_capacity(triples.len());
        for (k, t) in triples.iter().enumerate() {
            let key = (
                t.subject.tokens.as_slice(),
                t.relation.text.as_str(),
                t.object.tokens.as_slice(),
            );
            match best.get(&key) {
                Some(&j) if triples[j].confidence >= t.confidence => keep[k] = false,
                Some(&j) => {
                    keep[j] = false;
                    best.insert(key, k);
                }
                None => {
                    best.insert(key, k);
                }
            }
        }
    }
    let mut k = 0;
    triples.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// A relation the text implies but does not spell, as a reader would phrase it: `has` follows the tense of the
/// sentence's main verb and the number of its subject (`had`, `have`); `is` stays in the present, as CaRB's
/// annotators write it for appositions and titles (measured: tensed forms lose 0.8 F1 points on dev).
pub(crate) fn tensed(v: &View, subject: usize, text: &str) -> String {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if first != "has" {
        return text.to_string();
    }
    let plural = matches!(v.tag(subject), "NNS" | "NNPS") || v.child(subject, &["conj"]).is_some();
    let past = v.tokens().any(|i| {
        v.is_root(i)
            && (v.tag(i) == "VBD"
                || v.children_with(i, &["aux", "auxpass"])
                    .any(|a| v.tag(a) == "VBD"))
    });
    let word = match (past, plural) {
        (false, false) => "has",
        (false, true) => "have",
        (true, _) => "had",
    };
    if rest.is_empty() {
        word.to_string()
    } else {
        format!("{word} {rest}")
    }
}

/// A two-place triple whose relation has no tokens of its own (`is`, `has`), asserted, without qualifiers.
pub(crate) fn fixed_triple(
    v: &View,
    subject: Argument,
    text: &str,
    normalized: &str,
    object: Argument,
    rule: &'static str,
    confidence: f32,
) -> RawTriple {
    RawTriple {
        sentence: v.index,
        relation: Relation {
            text: tensed(v, subject.head, text),
            normalized: normalized.to_string(),
            tokens: Vec::new(),
            passive: false,
        },
        subject,
        object,
        extra: Vec::new(),
        qualifiers: Vec::new(),
        modality: Modality::Asserted,
        attributed_to: None,
        rule,
        confidence,
    }
}
