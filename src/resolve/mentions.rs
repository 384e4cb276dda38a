//! The first stage: the named mentions of a document, read from the NER spans and cut where a span is not
//! one name. A span never crosses a line break or a sentence end (`...Blair\nLondon`), a coordination of
//! people is two names (`Both Mr Brown and Mr Blair`), a preposition that cannot stand inside a name ends
//! it (`Commons after Mr Brown`), and a courtesy title starts a new name (`Tanzania Mr Brown`: the word
//! before it is a headline's or another name's, kept only when the gazetteer knows it). Leading
//! punctuation, determiners and non-name words go (`- Blair`, `Both`, `Analysing`). A firm named after two
//! names that NER cut at its `and` is one name again (`American Telephone` | `Telegraph Co`). A credit
//! rating's grade in a sentence about ratings (`raised to BB-plus`) is no name.
//!
//! A pure function of the analysed document and the ontology's word lists.

use super::lexicon::{Lexicon, VALUE_LABELS};
use super::name_edges::{
    DocWords, Owners, breaks_before, capitalised, cut_headline_names, defined_abbreviations,
    given_name_before, hyphen_tail, particle_tail, partners_head, partners_tail, split_name_tail,
    stated_abbreviation, surname_tail,
};
use crate::analysis::Doc;
use std::cell::OnceCell;
use std::collections::HashMap;

mod pieces;
mod ratings;
mod whole_names;

use pieces::{Keep, known_or_tagged, pieces};
use ratings::credit_ratings;
use whole_names::{gazetteer_spans, join_partners_cut_at_and, partners_firm_names};

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
/// Union Chamber of Commerce` stays whole). In a sports report (`sports_report`) a span of club names is
/// one name per club ([`club_lineup`]).
pub(crate) fn name_spans(
    doc: &Doc,
    lex: &Lexicon,
    doc_words: &DocWords,
    sports_report: bool,
) -> Vec<NameSpan> {
    let found = ner_spans(doc, lex, doc_words);
    let ratings = credit_ratings(doc, lex, &found);
    let mut out: Vec<NameSpan> = found
        .into_iter()
        .zip(ratings)
        .filter(|(n, rating)| {
            !rating && !names_a_language(doc, lex, n) && !legal_forms_alone(doc, lex, n)
        })
        .map(|(n, _)| n)
        .collect();
    if sports_report {
        out = out
            .into_iter()
            .flat_map(|s| club_lineup(doc, lex, s))
            .collect();
    }
    let abbreviations: Vec<NameSpan> = out
        .iter()
        .filter_map(|n| stated_abbreviation(doc, n.end).map(|w| NameSpan::token(doc, w, &n.label)))
        .collect();
    out.extend(abbreviations);
    let bodies = body_names(doc, lex, &out);
    out.extend(bodies);
    // Names the text defines by an abbreviation, where NER cut them (`Al Qaeda` | `in the Islamic
    // Maghreb (AQIM)`): the name and the abbreviation replace what overlaps them.
    let defined = defined_abbreviations(doc, &lex.words);
    for &(start, end, word) in &defined {
        out.retain(|s| (s.end <= start || s.start >= end) && !(s.start <= word && word < s.end));
        out.push(NameSpan {
            start,
            end,
            bytes: doc.tokens[start].start..doc.tokens[end - 1].end,
            label: "ORG".into(),
        });
        out.push(NameSpan::token(doc, word, "ORG"));
    }
    out.sort_by_key(|n| (n.start, n.end));
    let mut out = join_partners_cut_at_and(doc, lex, out);
    let firms = partners_firm_names(doc, lex, &out);
    let found = gazetteer_spans(doc, |text| {
        lex.gazetteer_forms()
            .get(text)
            .copied()
            .or_else(|| firms.contains(text).then_some("ORG"))
    });
    if found.is_empty() {
        return out;
    }
    // NER spans without a leading article (`the Organization for Security and Co-operation` | `Europe`
    // is the gazetteer's `Organization for Security and Co-operation in Europe`), and the names the text
    // defines (`Al Qaeda in the Islamic Maghreb` is more than the gazetteer's `Al Qaeda`).
    let spans: Vec<(usize, usize)> = doc
        .ents
        .iter()
        .filter(|s| s.start < s.end && s.end <= doc.tokens.len())
        .map(|s| {
            let article =
                s.end - s.start > 1 && doc.token_text(s.start).eq_ignore_ascii_case("the");
            (s.start + usize::from(article), s.end)
        })
        .chain(defined.iter().map(|&(start, end, _)| (start, end)))
        .collect();
    let mut taken = Vec::new();
    for g in found.into_iter().filter(|g| !names_a_language(doc, lex, g)) {
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

/// Names NER missed that a lower-case noun after them says are an organisation's (`the Fidesz party`,
/// `the Wagner group`; `kg:bodyNouns`): the capitalised proper nouns compounded right before the noun,
/// after an article, a possessive or an adjective, outside the names found so far and NER's spans of any
/// label (`late January group`, a date), that name no place or nationality.
fn body_names(doc: &Doc, lex: &Lexicon, found: &[NameSpan]) -> Vec<NameSpan> {
    let mut out = Vec::new();
    for (h, t) in doc.tokens.iter().enumerate() {
        if t.tag != "NN" || !lex.words.is_body_noun(doc.token_text(h)) {
            continue;
        }
        let proper = |i: usize| {
            let k = &doc.tokens[i];
            k.head == h
                && k.dep == "compound"
                && k.tag == "NNP"
                && capitalised(doc.token_text(i))
                && !found.iter().any(|s| s.start <= i && i < s.end)
                && !doc.ents.iter().any(|s| s.start <= i && i < s.end)
        };
        let start = (0..h).rev().take_while(|&i| proper(i)).last();
        // After an article, a possessive or an adjective (`the Fidesz party`, `Orban's Fidesz party`,
        // `the ruling Fidesz party`), not a sentence's first word (`Bulk movement was`) or another name
        // (`the Hutton LBO group`).
        let Some(start) = start.filter(|&s| {
            s > 0
                && !doc.tokens[s].sent_start
                && matches!(
                    doc.tokens[s - 1].dep.as_str(),
                    "det" | "case" | "poss" | "amod"
                )
        }) else {
            continue;
        };
        let bytes = doc.tokens[start].start..doc.tokens[h - 1].end;
        let text = doc.slice(bytes.clone());
        if lex.demonym(text).is_some() || lex.is_place_name(text) {
            continue;
        }
        out.push(NameSpan {
            start,
            end: h,
            bytes,
            label: "ORG".into(),
        });
    }
    out
}

/// Whether an organisation's name is nothing but legal forms and partners' words (`Corp` of `Bayliner marine
/// Corp`, cut at the lower-case word; `SA` of `Mitsubishi Bank (Europe) SA`; `Co` of `Co-leads`): what is
/// left of a firm's name NER cut, which names no firm of its own. A place keeps its abbreviation (`SA`).
fn legal_forms_alone(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    !matches!(span.label.as_str(), "GPE" | "LOC")
        && (span.start..span.end).all(|i| {
            let text = doc.token_text(i);
            matches!(text, "." | "&" | "and")
                || lex.words.is_written_legal_form(text)
                || lex.words.is_partner_word(text)
        })
        && (span.start..span.end).any(|i| lex.words.is_written_legal_form(doc.token_text(i)))
}

/// Whether a name is a nationality written as a language (`French-speaking Wallonia`, `the Russian
/// language`; `kg:languageWords`): no mention of the country, which would count for the story's country.
fn names_a_language(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    let Some(text) = doc.text.get(span.bytes.clone()) else {
        return false;
    };
    if lex.demonym(text).is_none() {
        return false;
    }
    let hyphen = span.end < doc.tokens.len() && doc.token_text(span.end) == "-";
    let next = span.end + usize::from(hyphen);
    next < doc.tokens.len() && lex.words.is_language_word(doc.token_text(next))
}

/// A span NER drew over the names of two clubs or more in a sports report (`Hertha Berlin Wolfsburg`,
/// `Werder Bremen Borussia Mönchengladbach`: a fixture or a table row), as one span per club; any other
/// span as it is. The span must be no name itself and consist of club names only (the gazetteer's clubs
/// and the names they go by in sports reports), read longest first.
fn club_lineup(doc: &Doc, lex: &Lexicon, span: NameSpan) -> Vec<NameSpan> {
    let club = |start: usize, end: usize| {
        let text = doc.tokens_text(start, end);
        lex.sports_name(text).is_some()
            || lex
                .gazetteer_name(text)
                .is_some_and(|c| lex.is_club_class(&c.class))
    };
    if span.end - span.start < 2 || lex.is_known_name(doc.slice(span.bytes.clone())) {
        return vec![span];
    }
    let mut pieces = Vec::new();
    let mut i = span.start;
    while i < span.end {
        let Some(j) = (i + 1..=span.end).rev().find(|&j| club(i, j)) else {
            return vec![span];
        };
        pieces.push(NameSpan {
            start: i,
            end: j,
            bytes: doc.tokens[i].start..doc.tokens[j - 1].end,
            label: "ORG".into(),
        });
        i = j;
    }
    if pieces.len() < 2 {
        return vec![span];
    }
    pieces
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
                && let Some(found) = lookup(doc.tokens_text(i, end))
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

/// The NER spans cut into names (see the module doc).
fn ner_spans(doc: &Doc, lex: &Lexicon, doc_words: &DocWords) -> Vec<NameSpan> {
    let words = &lex.words;
    let known = |name: &str| lex.gazetteer_name(name).is_some();
    let mut out = Vec::new();
    let owners = Owners { lex, doc_words };
    // The lines of figures of the document's tables, found once where a span opens one.
    let table_rows = OnceCell::new();
    // The end of the last person's name extended over a span NER cut off it.
    let mut covered = 0;
    for span in &doc.ents {
        if span.end > doc.tokens.len()
            || span.start >= span.end
            || span.start < covered
            || VALUE_LABELS.contains(&span.label.as_str())
            || common_word_as_name(doc, lex, doc_words, span)
            || time_zone_after_a_time(doc, lex, span)
            || table_row_label(doc, lex, doc_words, &table_rows, span)
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
                .unwrap_or_else(|| split_name_tail(doc, span.start, span.end)),
            _ => span.end,
        };
        let end = match span.label.as_str() {
            "PERSON" => surname_tail(doc, lex, hyphen_tail(doc, end)),
            _ => end,
        };
        let partners = partners_tail(doc, words, end);
        let end = partners.unwrap_or(end);
        // A lone word NER called anything after a person's noun and a given name is that person's surname
        // (`Bayern coach Pep` | `Guardiola`, tagged ORG; `spokesman Anders` | `Kallin`, tagged GPE).
        let after_person_noun = span.label != "PERSON"
            && span.start >= 2
            && doc.tokens[span.start - 2].tag.starts_with("NN")
            && lex.is_person_noun(&doc.tokens[span.start - 2].lemma);
        // A firm NER took for a person: no one's name ends in a legal form (`Wireless Plc` of `Cable and
        // Wireless Plc said`, `Arthur Andersen and Co`), where every word but the partners' `and` is
        // capitalised (not `Leslie of Discount Corp`).
        let firm = span.label == "PERSON"
            && words.is_written_legal_form(doc.token_text(end - 1))
            && (span.start..end).all(|k| {
                let w = doc.token_text(k);
                capitalised(w) || matches!(w, "and" | "&")
            });
        let start = if span.label == "PERSON" || after_person_noun {
            let start = given_name_before(doc, lex, doc_words, span.start, covered);
            if firm {
                partners_head(doc, words, start, end, covered)
            } else {
                start
            }
        } else if span.label == "ORG" {
            partners_head(doc, words, span.start, end, covered)
        } else {
            span.start
        };
        // `non-OPEC producers`, `post-World War II`: the name starts after the prefix and its hyphen,
        // written in lower case (`Trans-Canada Highway`, `Pre-Paid Legal Services Inc` keep theirs).
        let prefix = doc.token_text(start);
        let start = if start + 2 < end
            && words.is_name_prefix(prefix)
            && prefix.chars().all(char::is_lowercase)
            && doc.token_text(start + 1) == "-"
            && doc.tokens[start + 1].start == doc.tokens[start].end
        {
            start + 2
        } else {
            start
        };
        let label = if partners.is_some() || firm {
            "ORG"
        } else if start < span.start && after_person_noun {
            "PERSON"
        } else {
            span.label.as_str()
        };
        covered = covered.max(end);
        for piece in pieces(doc, words, &owners, start, end, label) {
            let (start, end, label, keep) = piece;
            let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
            let text = doc.slice(bytes.clone());
            let kept = match keep {
                Keep::Always => true,
                Keep::Known => known(text),
                Keep::KnownOrTagged => known_or_tagged(lex, doc_words, text),
            };
            if !kept {
                continue;
            }
            // A person's name written twice, that NER did not call a person's, is two mentions run
            // together (`excuses for Poroshenko` | `Poroshenko forced`, a heading run into its paragraph;
            // `Poroshenko` alone a person elsewhere); a person's name of one word twice is one (`Abdullah
            // Abdullah`).
            if end == start + 2
                && label != "PERSON"
                && doc.token_text(start) == doc.token_text(start + 1)
                && named_alone_as_person(doc, doc.token_text(start))
            {
                out.push(NameSpan::token(doc, start, &label));
                out.push(NameSpan::token(doc, start + 1, &label));
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
    cut_headline_names(doc, &mut out);
    out
}

/// Whether NER calls the one word `name` a person's somewhere in the document.
fn named_alone_as_person(doc: &Doc, name: &str) -> bool {
    doc.ents.iter().any(|e| {
        e.label == "PERSON"
            && e.end == e.start + 1
            && e.end <= doc.tokens.len()
            && doc.token_text(e.start) == name
    })
}

/// A lone capitalised word NER called a person that is a common noun of the document (`Drones` and `the
/// drones`, `Outcry`, `Killings` opening headlines and sentences), or called anything at a sentence's start
/// that the document writes in lower case elsewhere, outside NER's names (`Broadband take-up rose` beside
/// `broadband`, `Digital music sales` beside `digital`; not `Lusinchi said` beside `president jaime
/// lusinchi`, a name written in lower case): no name at all, unless a person's full name of the document
/// has the word or a place or gazetteer entity is called so (or, at a sentence's start, a generic name the
/// gazetteer reads as a country's entity: `Conservatives` beside `conservatives`).
fn common_word_as_name(
    doc: &Doc,
    lex: &Lexicon,
    words: &DocWords,
    span: &crate::analysis::Span,
) -> bool {
    if span.end != span.start + 1 {
        return false;
    }
    let word = doc.token_text(span.start);
    let lower = word.to_lowercase();
    let common = if span.label == "PERSON" {
        words.is_lower_case_noun(&lower)
    } else {
        doc.tokens[span.start].sent_start
            && words.is_common_word(&lower)
            && lex.national_readings(word).next().is_none()
    };
    common && !words.in_full_persons_name(word) && !lex.is_known_name(word)
}

/// A time zone NER tagged a name after the time it tells (`at 1200 GMT`, `9 a.m. EST`, the time a value
/// of its own): no name, where a number or `a.m.`/`p.m.` comes right before it.
fn time_zone_after_a_time(doc: &Doc, lex: &Lexicon, span: &crate::analysis::Span) -> bool {
    span.end == span.start + 1
        && span.start > 0
        && lex.words.is_time_zone(doc.token_text(span.start))
        && {
            let before = &doc.tokens[span.start - 1];
            before.tag == "CD" || matches!(doc.token_text(span.start - 1), "a.m." | "p.m.")
        }
}

/// A word NER called a person or an organisation that labels a row of figures (`Revs 268.8 mln vs 81.7
/// mln`, `Avg shrs 9,245,247`, `Group net 104.8 mln` in an earnings table): no name, when the document has
/// two such rows or more (a table) and writes the word nowhere else, unless a person's full name of the
/// document has the word or the gazetteer knows it (`Lewandowski 25` beside `Robert Lewandowski`).
fn table_row_label(
    doc: &Doc,
    lex: &Lexicon,
    words: &DocWords,
    rows: &OnceCell<Vec<usize>>,
    span: &crate::analysis::Span,
) -> bool {
    // NER's span may run on over the figures (`Revs 17,946,000 vs 9,271,000`): its one word is the first.
    if !matches!(span.label.as_str(), "PERSON" | "ORG")
        || !figures_row(doc, span.start)
        || (span.start + 1..span.end).any(|i| capitalised(doc.token_text(i)))
    {
        return false;
    }
    let word = doc.token_text(span.start);
    let rows = rows.get_or_init(|| {
        (0..doc.tokens.len())
            .filter(|&i| figures_row(doc, i))
            .collect()
    });
    rows.len() >= 2
        && (0..doc.tokens.len())
            .all(|i| doc.token_text(i) != word || rows.binary_search(&i).is_ok())
        && !words.in_full_persons_name(word)
        && !lex.is_known_name(word)
}

/// Most tokens after a row's label: a longer line is a paragraph.
const ROW_TOKENS: usize = 12;

/// Most words between a row's label and its first figure (`Avg shares 29.0 mln`, `Net loss 473,784`).
const ROW_HEAD_WORDS: usize = 2;

/// Whether token `i` is a capitalised word that opens a short line of figures: a number within the first
/// words after it, and nothing capitalised but figures (`Net loss 473,784 vs loss 489,257`, `Shr profit
/// five cts`; not `Devon said its reserves rose 12 pct`).
fn figures_row(doc: &Doc, i: usize) -> bool {
    let line_break = |k: usize| doc.token_text(k).contains('\n');
    let opens_line = i == 0
        || line_break(i - 1)
        || doc
            .text
            .get(doc.tokens[i - 1].end..doc.tokens[i].start)
            .is_some_and(|gap| gap.contains('\n'));
    if !opens_line || !capitalised(doc.token_text(i)) {
        return false;
    }
    let row: Vec<usize> = (i + 1..doc.tokens.len())
        .take_while(|&k| !line_break(k))
        .take(ROW_TOKENS + 1)
        .collect();
    // A number in figures or in words (`Shr profit five cts vs profit four cts`).
    let figure = |k: &usize| {
        doc.tokens[*k].tag == "CD" || doc.token_text(*k).chars().any(|c| c.is_ascii_digit())
    };
    row.len() <= ROW_TOKENS
        && row
            .iter()
            .position(figure)
            .is_some_and(|p| p <= ROW_HEAD_WORDS)
        && !row
            .iter()
            .any(|&k| !figure(&k) && doc.token_text(k).chars().any(char::is_uppercase))
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
/// never matched; the longest form wins. A person's name counts whatever its tag (the tagger takes `Tavares
/// unveiled` and `says Joerges` for plural nouns), unless the document also writes it in lower case.
pub(crate) fn repeated_names(
    doc: &Doc,
    doc_words: &DocWords,
    covered: &[bool],
    forms: &[NameForm],
    is_title: impl Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    use std::collections::HashSet;
    let persons: HashSet<&str> = forms
        .iter()
        .filter(|f| f.person && !doc_words.is_lower_case_word(&f.form.to_lowercase()))
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
    // A capitalised word that is a person's name form, tagged a common noun: opening a sentence (`Tavares
    // unveiled`), or inside one a noun not after a quotation mark (`says Joerges.` read as a plural; not
    // the film `"Milk"`).
    let person_form = |i: usize| {
        let t = &doc.tokens[i];
        let placed = t.sent_start
            || (i > 0
                && t.tag.starts_with("NN")
                && !matches!(doc.tokens[i - 1].tag.as_str(), "``" | "''"));
        placed
            && !is_title(doc.token_text(i))
            && capitalised(doc.token_text(i))
            && persons.contains(doc.token_text(i))
    };
    let covered_at = |i: usize| covered.get(i).copied().unwrap_or(true);
    longest_runs(
        doc,
        1,
        |i| !covered_at(i) && (name_like(i) || person_form(i)),
        covered_at,
        name_like,
        |text| owner.get(text).copied().flatten(),
    )
}
