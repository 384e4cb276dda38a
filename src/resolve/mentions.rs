//! The first stage: the named mentions of a document, read from the NER spans and cut where a span is not
//! one name. A span never crosses a line break or a sentence end (`...Blair\nLondon`), a coordination of
//! people is two names (`Both Mr Brown and Mr Blair`), a preposition that cannot stand inside a name ends
//! it (`Commons after Mr Brown`), and a courtesy title starts a new name (`Tanzania Mr Brown`: the word
//! before it is a headline's or another name's, kept only when the gazetteer knows it). Leading
//! punctuation, determiners and non-name words go (`- Blair`, `Both`, `Analysing`).
//!
//! A pure function of the analysed document and the ontology's word lists.

use super::lexicon::{Lexicon, VALUE_LABELS};
use super::names::NameWords;
use crate::analysis::Doc;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// One named mention: a token range that is one name, with the NER label it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Byte range in the document text.
    pub bytes: std::ops::Range<usize>,
    /// The NER label (`PERSON` for a piece that starts with a courtesy title).
    pub label: String,
}

impl NameSpan {
    /// A name of the one token `i`, with a label.
    pub fn token(doc: &Doc, i: usize, label: &str) -> Self {
        NameSpan {
            start: i,
            end: i + 1,
            bytes: doc.tokens[i].start..doc.tokens[i].end,
            label: label.to_string(),
        }
    }
}

/// The named mentions of a document, in text order, read with the lexicon's word lists, gazetteer and
/// places list. The gazetteer's names of two words or more: an occurrence of one
/// (case and spacing as written) replaces the NER spans inside it, and stands where NER saw nothing
/// (`"Islamic State"` in quotes, tagged `Islamic` NORP), unless an NER span reaches beyond it (`European
/// Union Chamber of Commerce` stays whole).
pub(crate) fn name_spans(doc: &Doc, lex: &Lexicon) -> Vec<NameSpan> {
    let mut out = ner_spans(doc, lex);
    out.extend(stated_abbreviations(doc, &out));
    out.sort_by_key(|n| (n.start, n.end));
    let found = gazetteer_spans(doc, lex.gazetteer_forms());
    if found.is_empty() {
        return out;
    }
    // NER spans without a leading article (`the Organization for Security and Co-operation` | `Europe`
    // is the gazetteer's `Organization for Security and Co-operation in Europe`).
    let spans: Vec<(usize, usize)> = doc
        .ents
        .iter()
        .filter(|s| s.start < s.end && s.end <= doc.tokens.len())
        .map(|s| {
            let article =
                s.end - s.start > 1 && doc.token_text(s.start).eq_ignore_ascii_case("the");
            (s.start + usize::from(article), s.end)
        })
        .collect();
    let mut taken = Vec::new();
    for g in found {
        let overlapping = |(a, b): (usize, usize)| a < g.end && g.start < b;
        let reaches_beyond = |(a, b): (usize, usize)| a < g.start || b > g.end;
        if spans.iter().any(|&s| overlapping(s) && reaches_beyond(s))
            || taken
                .iter()
                .any(|t: &NameSpan| overlapping((t.start, t.end)))
        {
            continue;
        }
        taken.push(g);
    }
    out.retain(|n| !taken.iter().any(|g| n.start < g.end && g.start < n.end));
    out.extend(taken);
    out.sort_by_key(|n| (n.start, n.end));
    out
}

/// Abbreviations in parentheses right after a name that NER left untagged (`Social Democrats (SPD)`,
/// `the Economic Community of West African States (ECOWAS)`): a word of two capitals or more, with the
/// name's label, for the linker to join to it as a name stated for it.
fn stated_abbreviations(doc: &Doc, spans: &[NameSpan]) -> Vec<NameSpan> {
    let tagged = |i: usize| doc.ents.iter().any(|s| s.start <= i && i < s.end);
    spans
        .iter()
        .filter_map(|n| {
            let (open, word, close) = (n.end, n.end + 1, n.end + 2);
            let abbreviation = doc.tokens.get(close).is_some()
                && doc.token_text(open) == "("
                && doc.token_text(close) == ")"
                && capitalised(doc.token_text(word))
                && doc
                    .token_text(word)
                    .chars()
                    .filter(|c| c.is_uppercase())
                    .count()
                    >= 2
                && doc.token_text(word).chars().all(char::is_alphanumeric)
                && !tagged(word);
            abbreviation.then(|| NameSpan::token(doc, word, &n.label))
        })
        .collect()
}

/// Occurrences of the gazetteer's multi-word names, longest first at each token, within one line and
/// sentence, and not inside a longer run of capitalised proper nouns.
fn gazetteer_spans(doc: &Doc, forms: &HashMap<String, &'static str>) -> Vec<NameSpan> {
    let proper = |i: usize| doc.tokens[i].pos == "PROPN" && capitalised(doc.token_text(i));
    longest_runs(
        doc,
        2,
        |i| capitalised(doc.token_text(i)),
        |_| false,
        proper,
        |text| forms.get(text),
    )
    .into_iter()
    .map(|(start, end, label)| NameSpan {
        start,
        end,
        bytes: doc.tokens[start].start..doc.tokens[end - 1].end,
        label: label.to_string(),
    })
    .collect()
}

/// Longest run of tokens a known name may span.
const LONGEST_NAME: usize = 8;

/// Runs of `min_tokens` to [`LONGEST_NAME`] tokens whose text `lookup` knows, the longest at each token,
/// scanning left to right without overlap: each starts where `starts` allows and not right after a name
/// word (`name_word`) of its sentence, stays within one line and sentence and off `blocked` tokens, and is
/// not followed by a name word of its sentence. Returns (first token, end token, what `lookup` gave).
fn longest_runs<T>(
    doc: &Doc,
    min_tokens: usize,
    starts: impl Fn(usize) -> bool,
    blocked: impl Fn(usize) -> bool,
    name_word: impl Fn(usize) -> bool,
    lookup: impl Fn(&str) -> Option<T>,
) -> Vec<(usize, usize, T)> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !starts(i) || (i > 0 && !doc.tokens[i].sent_start && name_word(i - 1)) {
            i += 1;
            continue;
        }
        let mut hit = None;
        let mut end = i + 1;
        while end <= n
            && end - i <= LONGEST_NAME
            && !blocked(end - 1)
            && (end == i + 1 || !breaks_before(doc, end - 1))
        {
            if end - i >= min_tokens
                && let Some(found) = lookup(doc.slice(doc.tokens[i].start..doc.tokens[end - 1].end))
                && (end == n || doc.tokens[end].sent_start || !name_word(end))
            {
                hit = Some((end, found));
            }
            end += 1;
        }
        match hit {
            Some((end, found)) => {
                out.push((i, end, found));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a word starts with a capital letter.
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The NER spans cut into names (see the module doc).
fn ner_spans(doc: &Doc, lex: &Lexicon) -> Vec<NameSpan> {
    let words = &lex.words;
    let known = |name: &str| lex.gazetteer_name(name).is_some();
    let mut out = Vec::new();
    let doc_words = DocWords::new(doc);
    let owners = Owners {
        lex,
        doc_words: &doc_words,
    };
    // The end of the last person's name extended over a span NER cut off it.
    let mut covered = 0;
    for span in &doc.ents {
        if span.end > doc.tokens.len()
            || span.start >= span.end
            || span.start < covered
            || VALUE_LABELS.contains(&span.label.as_str())
        {
            continue;
        }
        // Only where NER cut the name into two spans, the second no organisation's (`Ursula von` |
        // `Leyen` GPE; not `Caisse Nationale du` | `Credit Agricole`, which no span covers).
        let cut_name_after = |end: usize| {
            doc.ents
                .iter()
                .any(|o| o.start > span.start && o.start < end && o.end == end && o.label != "ORG")
        };
        let end = match span.label.as_str() {
            "PERSON" => Some(particle_tail(doc, words, span.start, span.end))
                .filter(|&tail| tail > span.end && cut_name_after(tail))
                .unwrap_or(span.end),
            _ => span.end,
        };
        let end = match span.label.as_str() {
            "PERSON" => hyphen_tail(doc, end),
            _ => end,
        };
        let start = match span.label.as_str() {
            "PERSON" => given_name_before(doc, lex, &doc_words, span.start, covered),
            _ => span.start,
        };
        covered = covered.max(end);
        for piece in pieces(doc, words, &owners, start, end, &span.label) {
            let (start, end, label, needs_known) = piece;
            let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
            if needs_known && !known(doc.slice(bytes.clone())) {
                continue;
            }
            out.push(NameSpan {
                start,
                end,
                bytes,
                label,
            });
        }
    }
    out
}

/// The end of a person's name NER ended inside a hyphenated word (`Moon Jae` | `-in`): past the hyphen
/// and the word glued to it, unless that word is a verb's form (`Juncker-led`, `Munich-born`).
fn hyphen_tail(doc: &Doc, end: usize) -> usize {
    let glued = |i: usize| doc.tokens[i - 1].end == doc.tokens[i].start;
    let mut k = end;
    while k + 1 < doc.tokens.len()
        && k > 0
        && matches!(doc.token_text(k), "-" | "‑")
        && glued(k)
        && glued(k + 1)
        && doc.token_text(k + 1).chars().all(char::is_alphanumeric)
        && !doc.tokens[k + 1].tag.starts_with("VB")
    {
        k += 2;
    }
    k
}

/// The end of a person's name that NER cut at a particle (`Ursula von` | `Leyen` of `Ursula von der
/// Leyen`, `Thomas de` | `Maiziere`): past the lower-case particles a person's name holds
/// (`kg:personNameParticles`) that end the span or follow it, and the capitalised proper nouns after them,
/// within the line and sentence. Any other span ends where NER ended it.
fn particle_tail(doc: &Doc, words: &NameWords, start: usize, end: usize) -> usize {
    let n = doc.tokens.len();
    let particle = |i: usize| {
        let text = doc.token_text(i);
        starts_lower(text) && words.is_person_particle(text)
    };
    let name_word = |i: usize| {
        doc.tokens[i].pos == "PROPN" && capitalised(doc.token_text(i)) && !breaks_before(doc, i)
    };
    let inside = (start + 1..end).rev().take_while(|&i| particle(i)).count();
    let mut k = end;
    while k < n && particle(k) && !breaks_before(doc, k) {
        k += 1;
    }
    // The particles follow a name word or open the span (`von der` | `Leyen`); `von Hein / al Editor` is a
    // byline.
    let before = end - inside - 1;
    let opens = capitalised(doc.token_text(before)) || before == start && particle(before);
    if inside + (k - end) == 0 || !opens || k >= n || !name_word(k) {
        return end;
    }
    while k < n && name_word(k) {
        k += 1;
    }
    k
}

/// The start of a person's name that NER began one word late (`Manfred` | `Schmidt`, `Moses` | `Asonya`
/// at a line's start): the capitalised proper noun right before a one-word span, within its line and sentence
/// and past `covered`, that no span holds, that no word list knows (titles, person nouns, designators,
/// particles), that names no place or gazetteer entity, that the document never writes in lower case, and
/// that opens its sentence or line or follows a word in lower case or a punctuation mark other than a
/// preposition, determiner or conjunction (not `Chief Executive` | `Carlos Tavares`, `the Prophet` |
/// `Muhammad`). Otherwise `start`.
fn given_name_before(
    doc: &Doc,
    lex: &Lexicon,
    doc_words: &DocWords,
    start: usize,
    covered: usize,
) -> usize {
    // Only before a lone word: before two (`Presenter` | `Peter Craven`) the word is far likelier a title
    // or a noun than a given name.
    let lone = doc
        .ents
        .iter()
        .any(|s| s.start == start && s.end == start + 1);
    if !lone || start == 0 || start - 1 < covered || breaks_before(doc, start) {
        return start;
    }
    // A place NER took for a person is no surname (`Recycle Beirut`).
    let surname = doc.token_text(start);
    if lex.is_place_name(surname) || lex.gazetteer_name(surname).is_some() {
        return start;
    }
    let i = start - 1;
    let word = doc.token_text(i);
    let w = &lex.words;
    let plain = doc.tokens[i].pos == "PROPN"
        && capitalised(word)
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic() || c == '-');
    if !plain
        || doc.ents.iter().any(|s| s.start <= i && i < s.end)
        || w.is_title(word)
        || w.is_designator(word)
        || w.is_particle(word)
        || lex.is_person_noun(word)
        || lex.is_place_name(word)
        || lex.gazetteer_name(word).is_some()
        || doc_words.is_lower_case_word(&word.to_lowercase())
    {
        return start;
    }
    let opens = i == 0 || breaks_before(doc, i);
    let after_ok = opens || {
        let prev = &doc.tokens[i - 1];
        let text = doc.token_text(i - 1);
        !capitalised(text) && !matches!(prev.tag.as_str(), "DT" | "IN" | "CC" | "TO" | "POS")
    };
    if after_ok { i } else { start }
}

/// Whether token `i` starts a new segment: a sentence start, a line break before it, or whitespace.
fn breaks_before(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let prev = &doc.tokens[i - 1];
    t.sent_start
        || doc
            .text
            .get(prev.end..t.start)
            .is_some_and(|g| g.contains('\n'))
        || doc.token_text(i).trim().is_empty()
        || doc.token_text(i - 1).trim().is_empty()
}

/// The number of tokens of a match score starting at token `i` (`2-1` as one token, or `2`, `-`, `1`), or 0.
fn score_len(doc: &Doc, i: usize, end: usize) -> usize {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 2;
    let text = doc.token_text(i);
    if let Some((a, b)) = text.split_once(['-', ':', '–'])
        && digits(a)
        && digits(b)
    {
        return 1;
    }
    if i + 2 < end
        && digits(text)
        && matches!(doc.token_text(i + 1), "-" | ":" | "–")
        && digits(doc.token_text(i + 2))
    {
        return 3;
    }
    0
}

/// Whether the bracket at token `i` is glued to letters on both sides (`Bündnis(90)`), so not the start
/// or end of a name in parentheses.
fn attached_word(doc: &Doc, i: usize, start: usize, end: usize) -> bool {
    i > start
        && i + 1 < end
        && doc.tokens[i - 1].end == doc.tokens[i].start
        && doc.tokens[i].end == doc.tokens[i + 1].start
}

fn is_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// The pieces of one NER span: (start, end, label, needs_known).
fn pieces(
    doc: &Doc,
    words: &NameWords,
    owners: &Owners,
    start: usize,
    end: usize,
    label: &str,
) -> Vec<(usize, usize, String, bool)> {
    let person = label == "PERSON";
    let doc_words = owners.doc_words;
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
    // The owners cut off before a possessive, by first token, with the label they name.
    let mut owned: Vec<(usize, &str)> = Vec::new();
    let mut from = start;
    let mut needs_known = false;
    let mut i = start;
    while i < end {
        let text = doc.token_text(i);
        if i > from && breaks_before(doc, i) {
            cuts.push((from, i, needs_known));
            from = i;
            needs_known = false;
            continue;
        }
        // A match score between two names (`Leverkusen 1-1 Schalke`): two names, the score in neither.
        let score = score_len(doc, i, end);
        if score > 0 && i > from && i + score < end {
            cuts.push((from, i, needs_known));
            from = i + score;
            needs_known = false;
            i += score;
            continue;
        }
        // A possessive after a place's, a person's or a known name (`Russia's Bolshoi Theatre`, `Maas'
        // Social Democrat Party`): the owner is a name of its own. `People's Party`, `Workers' Party` stay
        // whole.
        if doc.tokens[i].tag == "POS"
            && i > from
            && i + 1 < end
            && let Some(owner) = owners.label(doc, from, i, label)
        {
            owned.push((from, owner));
            cuts.push((from, i, false));
            from = i + 1;
            needs_known = false;
            i += 1;
            continue;
        }
        // Part of a word with the token before it (`Ki-moon`, `Jae-sung`): never a cut.
        let attached = (i > start && doc.tokens[i - 1].end == doc.tokens[i].start)
            || (i + 1 < end && doc.tokens[i].end == doc.tokens[i + 1].start);
        let lower = text.to_lowercase();
        let coordinator = matches!(lower.as_str(), "and" | "or" | "&");
        let next_title = i + 1 < end && words.is_title(doc.token_text(i + 1));
        let both = matches!(
            doc.token_text(from).to_lowercase().as_str(),
            "both" | "either" | "neither"
        );
        // A coordination of people, or a lower-case word that no name holds, ends the name here.
        if !attached && (coordinator && (person || next_title || both))
            || !attached
                && starts_lower(text)
                && !text.chars().any(char::is_uppercase)
                && is_word(text)
                && !coordinator
                && !(words.is_particle(text) && (!person || words.is_person_particle(text)))
        {
            cuts.push((from, i, needs_known));
            from = i + 1;
            needs_known = false;
            i += 1;
            continue;
        }
        // A capitalised preposition or article no person's name holds ends a person's name: a heading run
        // into the text (`Demonstration in Düsseldorf In Düsseldorf, the turnout ...`), two names in a row
        // (`Mourinho The Football Association`).
        if person
            && i > from
            && !attached
            && !coordinator
            && !starts_lower(text)
            && words.is_particle(text)
            && !words.is_person_particle(text)
        {
            cuts.push((from, i, needs_known));
            from = i + 1;
            needs_known = false;
            i += 1;
            continue;
        }
        // A name in parentheses inside a span (`International Crisis Group (ICG)`) is a name of its own,
        // which the linker joins to the one before it as a name stated for it.
        if matches!(text, "(" | ")") && !attached_word(doc, i, start, end) {
            if i > from {
                cuts.push((from, i, needs_known));
            }
            from = i + 1;
            needs_known = false;
            i += 1;
            continue;
        }
        // A courtesy title inside a span starts a new name.
        if i > from && words.is_honorific(text) {
            cuts.push((from, i, true));
            from = i;
            needs_known = false;
        }
        i += 1;
    }
    cuts.push((from, end, needs_known));
    let mut out = Vec::new();
    for (mut s, mut e, needs_known) in cuts {
        // Leading punctuation, determiners, conjunctions, and (for people) words that are no proper noun.
        while s < e {
            let t = &doc.tokens[s];
            let text = doc.token_text(s);
            let junk = !is_word(text)
                || matches!(t.tag.as_str(), "CC" | "PDT" | "IN" | "TO" | "MD")
                || (t.tag == "DT" && !text.eq_ignore_ascii_case("the"))
                || (person && (t.tag.starts_with("VB") || t.tag == "RB"))
                // A time or number before a person's name (`19:30 Zuckerberg` in a live blog).
                || (person && !text.chars().any(char::is_alphabetic))
                // A sentence's first word that the document also writes in lower case as an adverb,
                // adjective or other function word (`First Goretzka thrashed home`), before a person's
                // name whatever NER called it.
                || (t.sent_start
                    && s + 1 < e
                    && doc.tokens[s].end != doc.tokens[s + 1].start
                    && (person || (s + 1..e).all(|k| doc_words.in_persons_name(doc.token_text(k))))
                    && doc_words.is_function_word(&text.to_lowercase()));
            if !junk {
                break;
            }
            s += 1;
        }
        // Trailing punctuation and particles, and a number after a person's name or marked as a minute
        // (`Goretzka 53'`, a goal's minute in a match report, whatever NER called it).
        while e > s {
            let text = doc.token_text(e - 1);
            let number = (person || minute_mark(doc, e))
                && text.chars().any(|c| c.is_ascii_digit())
                && !text.chars().any(char::is_alphabetic);
            // The end of a hyphenated word stays (`Jae-in`: `in` is no particle there).
            let hyphenated = e - 1 > s
                && matches!(doc.token_text(e - 2), "-" | "‑")
                && doc.tokens[e - 2].end == doc.tokens[e - 1].start;
            let particle = starts_lower(text) && words.is_particle(text) && !hyphenated;
            if is_word(text) && !particle && !number {
                break;
            }
            e -= 1;
        }
        if s >= e || !(s..e).any(|k| doc.token_text(k).chars().any(char::is_uppercase)) {
            continue;
        }
        let label = if words.is_honorific(doc.token_text(s)) {
            "PERSON"
        } else {
            owned
                .iter()
                .find(|&&(first, _)| first == s)
                .map_or(label, |&(_, owner)| owner)
        };
        let label = label.to_string();
        out.push((s, e, label, needs_known));
    }
    out
}

/// Whether token `i` is a minute's mark glued to the number before it (`53'`).
fn minute_mark(doc: &Doc, i: usize) -> bool {
    i < doc.tokens.len()
        && matches!(doc.token_text(i), "'" | "’")
        && doc.tokens[i - 1].end == doc.tokens[i].start
}

/// Who can own what a possessive inside a span names.
struct Owners<'a> {
    lex: &'a Lexicon,
    doc_words: &'a DocWords<'a>,
}

impl Owners<'_> {
    /// The label of tokens `from..to` as the owner before a possessive inside a span labelled `label`: a
    /// place's name is `GPE`; a name of the gazetteer (which gives its class) or of the document's people
    /// keeps the span's label (NER calls places and organisations people too: the linker weighs it);
    /// `None` for any other word (`People's`, `Workers'`).
    fn label<'l>(&self, doc: &Doc, from: usize, to: usize, label: &'l str) -> Option<&'l str> {
        let owner = doc.slice(doc.tokens[from].start..doc.tokens[to - 1].end);
        if self.lex.is_place_name(owner) {
            Some("GPE")
        } else if self.lex.gazetteer_name(owner).is_some()
            || (from..to).all(|k| self.doc_words.in_persons_name(doc.token_text(k)))
        {
            Some(label)
        } else {
            None
        }
    }
}

/// Word sets of a document that a few cuts consult, each built on first use.
struct DocWords<'d> {
    doc: &'d Doc,
    function: OnceCell<HashSet<String>>,
    lower: OnceCell<HashSet<String>>,
    persons: OnceCell<HashSet<String>>,
}

impl<'d> DocWords<'d> {
    fn new(doc: &'d Doc) -> Self {
        DocWords {
            doc,
            function: OnceCell::new(),
            lower: OnceCell::new(),
            persons: OnceCell::new(),
        }
    }

    /// Whether the document writes `word` (lower case) as an adverb, adjective, preposition, conjunction
    /// or determiner (`first`, `then`): capitalised at a sentence's start, it opens no name.
    fn is_function_word(&self, word: &str) -> bool {
        let doc = self.doc;
        self.function
            .get_or_init(|| {
                (0..doc.tokens.len())
                    .filter(|&i| {
                        starts_lower(doc.token_text(i))
                            && matches!(
                                doc.tokens[i].tag.as_str(),
                                "RB" | "JJ" | "IN" | "CC" | "DT"
                            )
                    })
                    .map(|i| doc.token_text(i).to_string())
                    .collect()
            })
            .contains(word)
    }

    /// Whether the document writes `word` (lower case) in lower case anywhere.
    fn is_lower_case_word(&self, word: &str) -> bool {
        let doc = self.doc;
        self.lower
            .get_or_init(|| {
                (0..doc.tokens.len())
                    .map(|i| doc.token_text(i))
                    .filter(|t| starts_lower(t))
                    .map(str::to_string)
                    .collect()
            })
            .contains(word)
    }

    /// Whether `word` is a capitalised word of a name NER called a person's in the document.
    fn in_persons_name(&self, word: &str) -> bool {
        let doc = self.doc;
        capitalised(word)
            && self
                .persons
                .get_or_init(|| {
                    doc.ents
                        .iter()
                        .filter(|s| s.label == "PERSON" && s.end <= doc.tokens.len())
                        .flat_map(|s| s.start..s.end)
                        .map(|i| doc.token_text(i).to_string())
                        .collect()
                })
                .contains(word)
    }
}

/// A name form of an entity of the document, for [`repeated_names`].
#[derive(Debug, Clone)]
pub(crate) struct NameForm {
    /// The name as written.
    pub form: String,
    /// The entity it names.
    pub entity: usize,
    /// Whether the entity is a person.
    pub person: bool,
}

/// Untagged occurrences of known name forms: (first token, end token, entity) for every run of up to eight
/// tokens, outside the `covered` ones and within one line and sentence, whose text is one of `forms` exactly,
/// that starts with a capitalised proper noun and is not part of a longer name (no capitalised proper noun
/// right before or after it, other than a title). A form listed for two different entities is ambiguous and
/// never matched; the longest form wins. A person's name opening a sentence counts whatever its tag (the
/// tagger takes `Tavares unveiled` for a plural noun), unless the document also writes it in lower case.
pub(crate) fn repeated_names(
    doc: &Doc,
    covered: &[bool],
    forms: &[NameForm],
    is_title: impl Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    use std::collections::{HashMap, HashSet};
    let lower: HashSet<&str> = (0..doc.tokens.len())
        .map(|i| doc.token_text(i))
        .filter(|t| starts_lower(t))
        .collect();
    let persons: HashSet<&str> = forms
        .iter()
        .filter(|f| f.person && !lower.contains(f.form.to_lowercase().as_str()))
        .map(|f| f.form.as_str())
        .collect();
    let mut owner: HashMap<&str, Option<usize>> = HashMap::new();
    for NameForm {
        form, entity: e, ..
    } in forms
    {
        if form.is_empty() {
            continue;
        }
        owner
            .entry(form.as_str())
            .and_modify(|o| {
                if *o != Some(*e) {
                    *o = None;
                }
            })
            .or_insert(Some(*e));
    }
    let name_like = |i: usize| {
        doc.tokens[i].pos == "PROPN"
            && capitalised(doc.token_text(i))
            && !is_title(doc.token_text(i))
    };
    // A capitalised word opening a sentence that is a person's name form, tagged a common noun.
    let opens_with_person = |i: usize| {
        doc.tokens[i].sent_start
            && !is_title(doc.token_text(i))
            && capitalised(doc.token_text(i))
            && persons.contains(doc.token_text(i))
    };
    let covered_at = |i: usize| covered.get(i).copied().unwrap_or(true);
    longest_runs(
        doc,
        1,
        |i| !covered_at(i) && (name_like(i) || opens_with_person(i)),
        covered_at,
        name_like,
        |text| owner.get(text).copied().flatten(),
    )
}
