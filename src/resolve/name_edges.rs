//! Where NER drew a name's edges wrong, and the word sets of the document those repairs read: a person's
//! name NER ended at a particle (`Ursula von` | `Leyen`) or inside a hyphenated word (`Moon Jae` | `-in`), or
//! began one word late (`Manfred` | `Schmidt`); an abbreviation in parentheses it left untagged (`Social
//! Democrats (SPD)`), or the name before one it cut (`Al Qaeda` | `in the Islamic Maghreb (AQIM)`); the
//! owner before a possessive inside a span (`Maas' Social Democrat Party`); a person's name cut into two
//! (`Abed Rabbo` | `Mansour Hadi`); a firm's name cut before its partners' legal form (`J.P. Morgan and` |
//! `Co Inc`); a goal's minute after a name (`Goretzka 53'`); a headline's words run on after a name
//! (`Merkel Tries`). Used by [`super::mentions`]; pure functions of the analysed document and the lexicon.

use super::document::glued_hyphen;
use super::lexicon::{Lexicon, VALUE_LABELS};
use super::names::{NameWords, spells_initials};
use crate::analysis::Doc;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// The abbreviation in parentheses right after a name that ends before token `end`, when NER left it
/// untagged (`Social Democrats (SPD)`, `the Economic Community of West African States (ECOWAS)`): a word
/// of two capitals or more, for the linker to join to the name as a name stated for it.
pub(super) fn stated_abbreviation(doc: &Doc, end: usize) -> Option<usize> {
    let (open, word, close) = (end, end + 1, end + 2);
    doc.tokens.get(close)?;
    let text = doc.token_text(word);
    let abbreviation = doc.token_text(open) == "("
        && doc.token_text(close) == ")"
        && capitalised(text)
        && text.chars().filter(|c| c.is_uppercase()).count() >= 2
        && text.chars().all(char::is_alphanumeric)
        && !doc.ents.iter().any(|s| s.start <= word && word < s.end);
    abbreviation.then_some(word)
}

/// Whether a word starts with a capital letter.
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The end of a person's name NER cut into two names side by side (`Abed Rabbo` | `Mansour Hadi`, `Zine El`
/// | `Abidine Ben Ali`): past the second, when the first has two words or more, all capitalised, and nothing
/// stands between them. A one-word first span is more often a word before a name than a name of its own
/// (`Finn` | `Kimi Raikkonen`); a possessive or a title inside the joined span would be cut out of it again
/// by [`super::mentions`] as in any span (`Richard Wagner's` | `Siegfried`).
pub(super) fn split_name_tail(doc: &Doc, start: usize, end: usize) -> usize {
    let capitalised_words = (start..end).all(|i| capitalised(doc.token_text(i)));
    match doc
        .ents
        .iter()
        .find(|s| s.start == end && s.label == "PERSON" && s.end <= doc.tokens.len())
    {
        Some(next) if end - start >= 2 && capitalised_words && !breaks_before(doc, end) => next.end,
        _ => end,
    }
}

/// The end of a firm's name NER cut before the partners' legal form (`J.P. Morgan` | `and` | `Co Inc`,
/// `Merrill Lynch and` | `Co. Ltd`, `Alex. Brown and` | `Sons Inc`): past the span after `and` or `&` that
/// is nothing but legal forms and partners' words (`kg:legalFormDesignators`, `kg:partnerWords`), which
/// names no firm of its own; or, where NER's span itself ends with the `and` (a name never does), past the
/// organisation's span right after it that ends with a legal form (`Cable and` | `Wireless Plc`; not after
/// a legal form: `Meridian Energy Inc and` | `Castone Development Corp` are two firms). `None` where no
/// such span follows.
pub(super) fn partners_tail(doc: &Doc, words: &NameWords, end: usize) -> Option<usize> {
    let after_and = |i: usize| i > 0 && matches!(doc.token_text(i - 1), "and" | "&");
    let legal_form = |i: usize| words.is_written_legal_form(doc.token_text(i));
    // `Co Inc`, `Sons Inc`: legal forms and partners' words only.
    let partners_only = |s: &crate::analysis::Span| {
        (s.start..s.end).all(|i| {
            let text = doc.token_text(i);
            text == "." || legal_form(i) || words.is_partner_word(text)
        })
    };
    // `Cable and` | `Wireless Plc`: the `and` inside NER's span, no legal form before it.
    let cut_after_and = |s: &crate::analysis::Span| {
        s.start == end
            && s.label == "ORG"
            && s.end > s.start + 1
            && legal_form(s.end - 1)
            && !word_before(doc, end - 1).is_some_and(|t| words.is_written_legal_form(t))
    };
    let form = doc.ents.iter().find(|s| {
        (s.start == end && after_and(end) || s.start == end + 1 && after_and(end + 1))
            && s.end <= doc.tokens.len()
            && (partners_only(s) || cut_after_and(s))
    })?;
    Some(form.end)
}

/// The last word before token `i`, past punctuation (`Inc` of `<Meridian Energy Inc> and`).
fn word_before(doc: &Doc, i: usize) -> Option<&str> {
    (0..i).rev().map(|k| doc.token_text(k)).find(|t| is_word(t))
}

/// The start of a firm's name NER began after the `and` of its founders' names (`Standard and` | `Poor's
/// Corp`, `Standard` tagged nothing): before the `and` or `&` and the proper nouns right before it that no
/// span holds, when the span ends with a legal form and no legal form ends the words before the `and`
/// (`Ease Inc and` | `Foxcroft Shirt Ltd` are two firms) and the first proper noun is glued to no token
/// before it (`Norge A/S and`); no earlier than `floor`, never across a sentence or line break. `start`
/// where nothing is to be added.
pub(super) fn partners_head(
    doc: &Doc,
    words: &NameWords,
    start: usize,
    end: usize,
    floor: usize,
) -> usize {
    if start < 2
        || start <= floor
        || end < start + 2
        || !words.is_written_legal_form(doc.token_text(end - 1))
        || !matches!(doc.token_text(start - 1), "and" | "&")
        || breaks_before(doc, start)
        || breaks_before(doc, start - 1)
        || word_before(doc, start - 1).is_some_and(|w| words.is_written_legal_form(w))
    {
        return start;
    }
    let in_span = |i: usize| doc.ents.iter().any(|s| s.start <= i && i < s.end);
    let mut k = start - 1;
    // A sentence's first word is a proper noun where capitalised, whatever the tagger made it (`Cable and`
    // | `Wireless Plc said`, `Cable` a common noun).
    let proper = |i: usize| {
        doc.tokens[i].tag == "NNP" || doc.tokens[i].sent_start && capitalised(doc.token_text(i))
    };
    while k > floor
        && proper(k - 1)
        && is_word(doc.token_text(k - 1))
        && !in_span(k - 1)
        && !breaks_before(doc, k)
    {
        k -= 1;
    }
    // Words glued to the one before them end another name (`Norge A/S and` | `Amerada Hess Corp`).
    let glued = k > 0 && doc.tokens[k - 1].end == doc.tokens[k].start;
    if k == start - 1 || glued { start } else { k }
}

/// The end of a person's name NER ended inside a hyphenated word (`Moon Jae` | `-in`): past the hyphen
/// and the word glued to it, unless that word is a verb's form (`Juncker-led`, `Munich-born`).
pub(super) fn hyphen_tail(doc: &Doc, end: usize) -> usize {
    let mut k = end;
    while glued_hyphen(doc, k)
        && doc.token_text(k + 1).chars().all(char::is_alphanumeric)
        && !doc.tokens[k + 1].tag.starts_with("VB")
    {
        k += 2;
    }
    k
}

/// The end of a person's name NER cut before its surname (`Demetris` | `Christofias`): past the proper
/// noun the name's last word depends on as a compound, when no span holds it, no word list or gazetteer
/// knows it, and the document names it again (`Christofias said`): a title or a noun after a name
/// (`Merkel Chancellor`, `Editor`, `Trump Tower`) is no surname the document repeats alone.
pub(super) fn surname_tail(doc: &Doc, lex: &Lexicon, end: usize) -> usize {
    let Some(next) = doc.tokens.get(end) else {
        return end;
    };
    let last = &doc.tokens[end - 1];
    let word = doc.token_text(end);
    let w = &lex.words;
    let surname = last.dep == "compound"
        && last.head == end
        && next.tag == "NNP"
        && capitalised(word)
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !doc.ents.iter().any(|s| s.start <= end && end < s.end)
        && !breaks_before(doc, end)
        && !(w.is_title(word)
            || w.is_designator(word)
            || w.is_particle(word)
            || lex.is_person_noun(word)
            || lex.is_known_name(word));
    let named_again = || (0..doc.tokens.len()).any(|i| i != end && doc.token_text(i) == word);
    if surname && named_again() {
        end + 1
    } else {
        end
    }
}

/// The end of a person's name that NER cut at a particle (`Ursula von` | `Leyen` of `Ursula von der
/// Leyen`, `Thomas de` | `Maiziere`): past the lower-case particles a person's name holds
/// (`kg:personNameParticles`) that end the span or follow it, and the capitalised proper nouns after them,
/// within the line and sentence. Any other span ends where NER ended it.
pub(super) fn particle_tail(doc: &Doc, words: &NameWords, start: usize, end: usize) -> usize {
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
/// (or a sentence of its own that is no text's: [`proper_noun_sentence_before`]) and past `covered`, that no
/// span holds, that no word list knows (titles, person nouns, designators, particles), that names no place
/// or gazetteer entity, that the document never writes in lower case, and that opens its sentence or line or
/// follows a word in lower case or a punctuation mark other than a preposition, determiner or conjunction
/// (not `Chief Executive` | `Carlos Tavares`, `the Prophet` | `Muhammad`). Otherwise `start`.
pub(super) fn given_name_before(
    doc: &Doc,
    lex: &Lexicon,
    doc_words: &DocWords,
    start: usize,
    covered: usize,
) -> usize {
    // Before a lone word; before two (`Presenter` | `Peter Craven`) the word is far likelier a title or a
    // noun than a given name, unless it opens its sentence or line or follows a comma (`, Jan` | `Henrik
    // Fahlbusch,`), where a title would have a determiner or a name of its own before it.
    let Some(words) = doc
        .ents
        .iter()
        .find(|s| s.start == start && (s.label == "PERSON" || s.end == start + 1))
        .map(|s| s.end - s.start)
    else {
        return start;
    };
    if words > 2 || start == 0 || start - 1 < covered {
        return start;
    }
    if breaks_before(doc, start) && !proper_noun_sentence_before(doc, start) {
        return start;
    }
    // A place NER took for a person is no surname (`Recycle Beirut`).
    let surname = doc.token_text(start);
    if lex.is_known_name(surname) {
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
        || lex.is_known_name(word)
        || doc_words.is_lower_case_word(&word.to_lowercase())
    {
        return start;
    }
    let opens = i == 0 || breaks_before(doc, i);
    if words == 2 && !(opens || doc.token_text(i - 1) == ",") {
        return start;
    }
    // A full name opening the headline that the document names again without the word is whole already:
    // the word is the headline's (`New Harry Potter tops book chart` beside `Harry Potter's sixth year`;
    // not `Elmer Funke Kupper had been CEO` beside `Funke Kupper told`, in the body).
    if words == 2 && opens_headline(doc, i) && named_without(doc, start, start + 2, word) {
        return start;
    }
    // A nationality NER tagged may stand before the name (`Serbian Gojko` | `Kacar`), where it does not
    // make a known name with the word (`the European Parliament` | `Georgieva`, `European` tagged NORP).
    let after_nationality = doc.ents.iter().any(|s| {
        s.end == i && s.label == "NORP" && !lex.is_known_name(doc.tokens_text(s.start, i + 1))
    });
    let after_ok = opens || after_nationality || {
        let prev = &doc.tokens[i - 1];
        let text = doc.token_text(i - 1);
        !capitalised(text) && !matches!(prev.tag.as_str(), "DT" | "IN" | "CC" | "TO" | "POS")
    };
    if after_ok { i } else { start }
}

/// Whether the sentence before token `i`, which starts one, is one proper noun a space before it: the
/// parser's, not the text's (the first word after a headline: `Serena` | `Williams will go on to face
/// Kerber`), so no end of a name.
pub(super) fn proper_noun_sentence_before(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.tokens[i].sent_start
        && doc.tokens[i - 1].sent_start
        && doc.tokens[i - 1].tag == "NNP"
        && capitalised(doc.token_text(i - 1))
        && doc.text.get(doc.tokens[i - 1].end..doc.tokens[i].start) == Some(" ")
}

/// Whether token `i` starts a new segment: a sentence start, a line break before it, or whitespace.
pub(super) fn breaks_before(doc: &Doc, i: usize) -> bool {
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

pub(super) fn is_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

pub(super) fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether token `i` is a minute's mark glued to the number before it (`53'`).
pub(super) fn minute_mark(doc: &Doc, i: usize) -> bool {
    i < doc.tokens.len()
        && matches!(doc.token_text(i), "'" | "’")
        && doc.tokens[i - 1].end == doc.tokens[i].start
}

/// Who can own what a possessive inside a span names.
pub(super) struct Owners<'a> {
    /// The gazetteer and the places list.
    pub(super) lex: &'a Lexicon,
    /// The document's word sets.
    pub(super) doc_words: &'a DocWords<'a>,
}

impl Owners<'_> {
    /// The label of tokens `from..to` as the owner before a possessive inside a span labelled `label`: a
    /// place's name is `GPE`; a name of the gazetteer (which gives its class) or of the document's people
    /// keeps the span's label (NER calls places and organisations people too: the linker weighs it), as
    /// does a name NER tagged on its own elsewhere (`Apple's OS` beside `Apple`); `None` for any other
    /// word (`People's`, `Workers'`).
    pub(super) fn label<'l>(
        &self,
        doc: &Doc,
        from: usize,
        to: usize,
        label: &'l str,
    ) -> Option<&'l str> {
        let owner = doc.tokens_text(from, to);
        if self.lex.is_place_name(owner) {
            Some("GPE")
        } else if self.lex.gazetteer_name(owner).is_some()
            || (from..to).all(|k| self.doc_words.in_persons_name(doc.token_text(k)))
            || self.doc_words.tagged_alone(owner)
        {
            Some(label)
        } else {
            None
        }
    }

    /// The label of tokens `from..to` as the place or organisation whose office a title after them names
    /// inside a person's name (`St Petersburg` of `St Petersburg Mayor Anatoly Sobchak`): `GPE` for a
    /// place, `ORG` for an organisation of the gazetteer; `None` for anything else, a person's given
    /// names among them (`Martin Luther` of `Martin Luther King Jr`).
    pub(super) fn office_owner(&self, doc: &Doc, from: usize, to: usize) -> Option<&'static str> {
        let owner = doc.tokens_text(from, to);
        if self.lex.is_place_name(owner) {
            return Some("GPE");
        }
        let known = self.lex.gazetteer_name(owner)?;
        match known.class.as_str() {
            "Person" => None,
            class if self.lex.is_place_class(class) => Some("GPE"),
            _ => Some("ORG"),
        }
    }
}

/// How a document uses a word it writes in lower case.
#[derive(Debug, Clone, Copy, Default)]
struct LowerUse {
    /// As a common noun (`the drones`).
    noun: bool,
    /// As an adverb, adjective, preposition, conjunction or determiner (`first`, `then`).
    function: bool,
    /// Outside every name NER tagged (not `jaime lusinchi`, a name a story wrote in lower case).
    outside_names: bool,
}

/// Word sets of a document that a few cuts consult, each built on first use.
pub(super) struct DocWords<'d> {
    doc: &'d Doc,
    /// Every word the document writes in lower case, with how it uses it.
    lower: OnceCell<HashMap<String, LowerUse>>,
    /// Every word of a name NER called a person's -> the most capitalised words of such a name it is in.
    persons: OnceCell<HashMap<String, usize>>,
    /// The text of every span NER tagged a name (any label but a value's).
    spans: OnceCell<HashSet<String>>,
}

impl<'d> DocWords<'d> {
    pub(super) fn new(doc: &'d Doc) -> Self {
        DocWords {
            doc,
            lower: OnceCell::new(),
            persons: OnceCell::new(),
            spans: OnceCell::new(),
        }
    }

    fn lower(&self) -> &HashMap<String, LowerUse> {
        let doc = self.doc;
        self.lower.get_or_init(|| {
            let mut out: HashMap<String, LowerUse> = HashMap::new();
            for (i, t) in doc.tokens.iter().enumerate() {
                let text = doc.token_text(i);
                if !starts_lower(text) {
                    continue;
                }
                let entry = out.entry(text.to_string()).or_default();
                entry.noun |= t.pos == "NOUN";
                entry.function |= matches!(t.tag.as_str(), "RB" | "JJ" | "IN" | "CC" | "DT");
                entry.outside_names |= t.ent_type.is_empty();
            }
            out
        })
    }

    fn persons(&self) -> &HashMap<String, usize> {
        let doc = self.doc;
        self.persons.get_or_init(|| {
            let mut out: HashMap<String, usize> = HashMap::new();
            for s in doc
                .ents
                .iter()
                .filter(|s| s.label == "PERSON" && s.end <= doc.tokens.len())
            {
                // Words, not tokens: NER's span may run on over figures (`Revs 17,946,000 vs 9,271,000`).
                let words = (s.start..s.end)
                    .filter(|&i| capitalised(doc.token_text(i)))
                    .count();
                for i in s.start..s.end {
                    let longest = out.entry(doc.token_text(i).to_string()).or_default();
                    *longest = (*longest).max(words);
                }
            }
            out
        })
    }

    /// Whether NER tagged `name` on its own somewhere in the document, as a name of any kind.
    pub(super) fn tagged_alone(&self, name: &str) -> bool {
        let doc = self.doc;
        self.spans
            .get_or_init(|| {
                doc.ents
                    .iter()
                    .filter(|s| !VALUE_LABELS.contains(&s.label.as_str()))
                    .map(|s| doc.slice(s.start_byte..s.end_byte).to_string())
                    .collect()
            })
            .contains(name)
    }

    /// Whether the document writes `word` (lower case) as an adverb, adjective, preposition, conjunction
    /// or determiner (`first`, `then`): capitalised at a sentence's start, it opens no name.
    pub(super) fn is_function_word(&self, word: &str) -> bool {
        self.lower().get(word).is_some_and(|u| u.function)
    }

    /// Whether the document writes `word` (lower case) in lower case anywhere.
    pub(super) fn is_lower_case_word(&self, word: &str) -> bool {
        self.lower().contains_key(word)
    }

    /// Whether the document writes `word` (lower case) in lower case outside every name NER tagged: a
    /// common word of the document (`broadband`), not a name it wrote in lower case (`jaime lusinchi`).
    pub(super) fn is_common_word(&self, word: &str) -> bool {
        self.lower().get(word).is_some_and(|u| u.outside_names)
    }

    /// Whether the document writes `word` (lower case) in lower case as a common noun (`the drones`).
    pub(super) fn is_lower_case_noun(&self, word: &str) -> bool {
        self.lower().get(word).is_some_and(|u| u.noun)
    }

    /// Whether `word` is a word of a name of two words or more that NER called a person's.
    pub(super) fn in_full_persons_name(&self, word: &str) -> bool {
        self.persons().get(word).is_some_and(|&n| n >= 2)
    }

    /// Whether `word` is a capitalised word of a name NER called a person's in the document.
    pub(super) fn in_persons_name(&self, word: &str) -> bool {
        capitalised(word) && self.persons().contains_key(word)
    }
}

/// The most tokens of a name a headline may open with.
const HEADLINE_NAME_WORDS: usize = 8;

/// Cuts names a headline ran on with its own words (`Merkel Tries`, `Chirac Launches Development Aid
/// Foundation`, `Rainer Schüttler Tastes Victory`): a span on a title-case line whose first words are a name
/// the rest of the document tags on its own, not as a nationality, ends after those words, with that name's
/// label.
pub(super) fn cut_headline_names(doc: &Doc, spans: &mut [super::mentions::NameSpan]) {
    let text = doc.text.as_str();
    // Every word of four letters or more capitalised, and some such word: a headline's casing. Read once
    // per line.
    let title_case = |line: &str| {
        let mut long = line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .peekable();
        long.peek().is_some() && long.all(capitalised)
    };
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let headline_lines: Vec<bool> = line_starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = line_starts.get(i + 1).map_or(text.len(), |&next| next - 1);
            title_case(&text[start..end])
        })
        .collect();
    let headline: Vec<bool> = spans
        .iter()
        .map(|s| headline_lines[line_starts.partition_point(|&l| l <= s.bytes.start) - 1])
        .collect();
    let body: HashMap<&str, String> = spans
        .iter()
        .zip(&headline)
        // A nationality opening a headline's name modifies it (`German Criminal Police Chief`).
        .filter(|(s, h)| !**h && s.label != "NORP")
        .map(|(s, _)| (doc.slice(s.bytes.clone()), s.label.clone()))
        .collect();
    if body.is_empty() {
        return;
    }
    for (span, _) in spans.iter_mut().zip(&headline).filter(|(_, h)| **h) {
        let cut = (span.start + 1..span.end.min(span.start + HEADLINE_NAME_WORDS))
            .rev()
            .find_map(|end| {
                let prefix = doc.slice(span.bytes.start..doc.tokens[end - 1].end);
                body.get(prefix).map(|label| (end, label.clone()))
            });
        if let Some((end, label)) = cut {
            span.end = end;
            span.bytes = span.bytes.start..doc.tokens[end - 1].end;
            span.label = label;
        }
    }
}

/// The most words of a name an abbreviation in parentheses may stand for.
const ABBREVIATED_NAME_WORDS: usize = 12;

/// A name the text defines by its abbreviation in parentheses where NER split or missed part of it (`Al
/// Qaeda` | `in the Islamic Maghreb (AQIM)`, `Liberation Tigers of Tamil Eelam (LTTE)`): the longest run
/// of capitalised words and name particles before `(ABBR)` whose initials the abbreviation spells, with or
/// without its particles, when NER tagged a word of it or the abbreviation. Returns (name's first token,
/// its end token, the abbreviation's token), for names NER did not tag whole.
pub(super) fn defined_abbreviations(doc: &Doc, words: &NameWords) -> Vec<(usize, usize, usize)> {
    let n = doc.tokens.len();
    let tagged = |i: usize| doc.ents.iter().any(|s| s.start <= i && i < s.end);
    let mut out = Vec::new();
    for open in 1..n.saturating_sub(2) {
        let (word, close) = (open + 1, open + 2);
        if doc.token_text(open) != "(" || doc.token_text(close) != ")" {
            continue;
        }
        let Some(letters) = super::names::acronym_letters(doc.token_text(word)) else {
            continue;
        };
        // The run before the parenthesis: capitalised words and particles, within the sentence and line.
        let mut first = open;
        while first > 0 && open - first < ABBREVIATED_NAME_WORDS && !breaks_before(doc, first) {
            let text = doc.token_text(first - 1);
            if !(capitalised(text) || words.is_particle(text)) {
                break;
            }
            first -= 1;
        }
        let spells = |start: usize| {
            let name = doc.tokens_text(start, open);
            spells_initials(&letters, name, words)
        };
        // Not from an article (`The Alliance of ...`).
        let Some(start) = (first..open)
            .find(|&s| capitalised(doc.token_text(s)) && doc.tokens[s].tag != "DT" && spells(s))
        else {
            continue;
        };
        let whole = doc.ents.iter().any(|s| s.start == start && s.end == open);
        if !whole && (tagged(word) || (start..open).any(tagged)) {
            out.push((start, open, word));
        }
    }
    out
}

/// Whether token `i` opens the document's first line and that line is a headline: more text follows it
/// and it ends in no full stop. Reads the first line only for the document's first word.
fn opens_headline(doc: &Doc, i: usize) -> bool {
    let text = doc.text.as_str();
    let line_start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .len();
    if doc.tokens[i].start != line_start {
        return false;
    }
    text.split_once('\n')
        .is_some_and(|(first, rest)| !first.trim_end().ends_with('.') && !rest.trim().is_empty())
}

/// Whether NER tags the words `start..end` as a person's name elsewhere in the document, with no `word`
/// right before them.
fn named_without(doc: &Doc, start: usize, end: usize, word: &str) -> bool {
    let name = doc.tokens_text(start, end);
    doc.ents.iter().any(|s| {
        s.start != start
            && s.label == "PERSON"
            && s.end <= doc.tokens.len()
            && s.end - s.start == end - start
            && doc.tokens_text(s.start, s.end) == name
            && (s.start == 0 || doc.token_text(s.start - 1) != word)
    })
}
