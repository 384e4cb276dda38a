//! Where one NER span holds more than one name: the cuts of [`pieces`] (a line or sentence break, a
//! match score, a repeated word, a possessive after a name, a party's or a nationality's name before a
//! person's, a title after a place's, a preposition the parse hangs outside the span, a list, a
//! parenthesis, a sentence's opening word), and which pieces stay names ([`Keep`]).

use crate::analysis::Doc;
use crate::resolve::lexicon::Lexicon;
use crate::resolve::name_edges::{
    DocWords, Owners, breaks_before, capitalised, is_word, minute_mark,
    proper_noun_sentence_before, starts_lower,
};
use crate::resolve::names::NameWords;

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

/// Whether token `i` is a dash with a space on each side (`Vaughn - Troy`), not a hyphen within a word
/// (`Hewlett-Packard`); token `i` has a token on each side.
fn spaced_dash(doc: &Doc, i: usize) -> bool {
    matches!(doc.token_text(i), "-" | "--" | "–" | "—")
        && doc.tokens[i - 1].end < doc.tokens[i].start
        && doc.tokens[i].end < doc.tokens[i + 1].start
}

/// A country's name or adjective before the plural of a noun that says what kind of organisation or
/// person a thing is, capitalised as some newswires write it (`U.S. Firms`, `Japanese Banks`, `U.K.
/// Officials`): no name but the country's, whose NER label this returns (`GPE` or `NORP`). A designator's
/// plural names a company (`American Airlines`), and so does any other noun (`U.S. Lines`, `British
/// Airways`, `Holland Systems`), or a place (`British Isles`).
fn country_before_common_plural(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> Option<&'static str> {
    if end - start < 2 {
        return None;
    }
    let word = doc.token_text(end - 1);
    let lower = word.to_lowercase();
    let singular = lower
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| lower.strip_suffix('s').map(str::to_string))?;
    let kind = lex.is_organisation_kind_noun(&singular) || lex.is_person_noun(&singular);
    if !capitalised(word) || !kind || lex.words.is_designator(word) || lex.is_known_name(word) {
        return None;
    }
    let head = doc.tokens_text(start, end - 1);
    let country = lex.country_named(head)?;
    // A country's name is a place's, its adjective a nationality's.
    let named = lex
        .gazetteer_name(head)
        .is_some_and(|c| std::ptr::eq(c, country));
    Some(if named { "GPE" } else { "NORP" })
}

/// Whether the bracket at token `i` is glued to letters on both sides (`Bündnis(90)`), so not the start
/// or end of a name in parentheses.
fn attached_word(doc: &Doc, i: usize, start: usize, end: usize) -> bool {
    i > start
        && i + 1 < end
        && doc.tokens[i - 1].end == doc.tokens[i].start
        && doc.tokens[i].end == doc.tokens[i + 1].start
}

/// Whether the coordinator or comma at token `at` of the span `start..end` (its current piece opening at
/// `from`) separates names of a list rather than joining one name's words (`Trinidad and Tobago`,
/// `Securities and Exchange Commission`, `Robertson, Colman and Stephens`): never in a name the ontology
/// knows whole; `or` between names that are no work's title (`Arsenal or Sheffield United`, not `Truth or
/// Dare`); else what follows is a name of its own ([`known_or_tagged`]), and so is what comes before
/// (`Vivendi and Electronic Arts`), or the span continues a list begun before it (its first
/// conjunct a `conj` of a word outside: `Chelsea, Everton and Arsenal`; not `NASA, National Oceanic and
/// Atmospheric Administration`).
fn list_break(
    doc: &Doc,
    owners: &Owners,
    (start, end): (usize, usize),
    from: usize,
    at: usize,
    label: &str,
) -> bool {
    let whole = doc.tokens_text(start, end);
    let word = doc.token_text(at).to_lowercase();
    let words = &owners.lex.words;
    // `&` joins firms' names (`Procter & Gamble`, `Marks & Spencer`) far more often than a list's, and so
    // does a coordination before a legal form or a partners' word (`Merrill Lynch and Co Inc`, `Cable and
    // Wireless Plc`, `Alex. Brown and Sons`).
    let firm = (at + 1..end).any(|k| {
        let w = doc.token_text(k);
        words.is_written_legal_form(w) || words.is_partner_word(w)
    });
    if word == "&" || firm || owners.lex.is_known_name(whole) {
        return false;
    }
    let next_end = list_piece_end(doc, at, end);
    // After a comma: the list's own coordinator is the one in the span (not `Mothercare and consumer
    // products giant Procter & Gamble`, the last of a list).
    let continues_list = start > 0
        && doc.token_text(start - 1) == ","
        && (from..at)
            .any(|k| doc.tokens[k].dep == "conj" && !(start..end).contains(&doc.tokens[k].head));
    let named_after = next_end > at + 1 && named_alone(doc, owners, at + 1, next_end);
    (word == "or" && label != "WORK_OF_ART")
        || named_after && (continues_list || named_alone(doc, owners, from, at))
}

/// The end of the list's piece after token `at`: the next comma or coordinator, or the span's `end`.
fn list_piece_end(doc: &Doc, at: usize, end: usize) -> usize {
    (at + 1..end)
        .find(|&k| {
            matches!(
                doc.token_text(k).to_lowercase().as_str(),
                "," | "and" | "or" | "&"
            )
        })
        .unwrap_or(end)
}

/// Whether the list's piece after the comma at token `comma` (see [`list_piece_end`]) is a country's name
/// the gazetteer knows.
fn country_after_comma(doc: &Doc, lex: &Lexicon, comma: usize, end: usize) -> bool {
    let text = doc.tokens_text(comma + 1, list_piece_end(doc, comma, end));
    let text = text.strip_prefix("the ").unwrap_or(text);
    lex.gazetteer_name(text)
        .is_some_and(|c| c.class == "Country")
}

/// Whether the name `s..e`, opening a sentence, is a name of the document only there: the ontology does not
/// know it whole, no NER span writes it within a sentence, and what follows its first word is a name of its
/// own ([`known_or_tagged`]).
fn opens_sentences_only(
    doc: &Doc,
    lex: &Lexicon,
    doc_words: &DocWords,
    s: usize,
    e: usize,
) -> bool {
    let whole = doc.tokens_text(s, e);
    let rest = doc.tokens_text(s + 1, e);
    !lex.is_known_name(whole)
        && known_or_tagged(lex, doc_words, rest)
        && !doc.ents.iter().any(|o| {
            o.start < doc.tokens.len()
                && !doc.tokens[o.start].sent_start
                && doc.text.get(o.start_byte..o.end_byte) == Some(whole)
        })
}

/// Whether tokens `a..b` are a name of their own ([`known_or_tagged`]).
fn named_alone(doc: &Doc, owners: &Owners, a: usize, b: usize) -> bool {
    let text = doc.tokens_text(a, b);
    known_or_tagged(owners.lex, owners.doc_words, text)
}

/// Whether `text` (a leading `the` aside) is a name the ontology knows (a gazetteer entity's, a place's, a
/// generic name it reads as a country's entity: `Commons`) or one NER tags alone somewhere in the document.
pub(super) fn known_or_tagged(lex: &Lexicon, doc_words: &DocWords, text: &str) -> bool {
    let text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    lex.is_known_name(text)
        || lex.national_readings(text).next().is_some()
        || doc_words.tagged_alone(text)
}

/// Which pieces of a span stay names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// Every one.
    Always,
    /// One the gazetteer knows (the word before a courtesy title: `Tanzania` of `Tanzania Mr Brown`).
    Known,
    /// One the ontology knows or NER tags alone elsewhere in the document ([`known_or_tagged`]: what
    /// follows a preposition the parse attaches outside the span, `Real Madrid` of `a move from Arsenal to
    /// Real Madrid`, not `Monday` of `debated in the Commons on Monday`).
    KnownOrTagged,
}

/// The pieces of one NER span: (start, end, label, which of them stay).
pub(super) fn pieces(
    doc: &Doc,
    words: &NameWords,
    owners: &Owners,
    start: usize,
    end: usize,
    label: &str,
) -> Vec<(usize, usize, String, Keep)> {
    // Not a person's name (`Jordan Banks`).
    if label != "PERSON"
        && let Some(country) = country_before_common_plural(doc, owners.lex, start, end)
    {
        return vec![(start, end - 1, country.to_string(), Keep::Always)];
    }
    let person = label == "PERSON";
    let doc_words = owners.doc_words;
    let mut cuts: Vec<(usize, usize, Keep)> = Vec::new();
    // The owners cut off before a possessive, by first token, with the label they name.
    let mut owned: Vec<(usize, &str)> = Vec::new();
    let mut from = start;
    let mut keep = Keep::Always;
    let mut i = start;
    while i < end {
        let text = doc.token_text(i);
        if i > from && breaks_before(doc, i) && !proper_noun_sentence_before(doc, i) {
            cuts.push((from, i, keep));
            from = i;
            keep = Keep::Always;
            continue;
        }
        // A match score between two names (`Leverkusen 1-1 Schalke`): two names, the score in neither.
        let score = score_len(doc, i, end);
        if score > 0 && i > from && i + score < end {
            cuts.push((from, i, keep));
            from = i + score;
            keep = Keep::Always;
            i += score;
            continue;
        }
        // A dash with a space on each side between two names NER ran together (`Matthew Vaughn - Troy`, a
        // director and his film; `WASHINGTON - Federal Reserve Board`, a dateline and its story): the name
        // ends before it, and what follows stays only if it is a name of its own (see [`Keep`]). A work's
        // title keeps its subtitle (`Coming Home - India`, `Mockingjay - Part 1`).
        if label != "WORK_OF_ART" && i > from && i + 1 < end && spaced_dash(doc, i) {
            cuts.push((from, i, keep));
            from = i + 1;
            keep = Keep::KnownOrTagged;
            i += 1;
            continue;
        }
        // A capitalised word repeated before more of the name (`Otto Otto Rehhagel`, `Julie Christie
        // Christie's`: a caption run into the text) starts the name again; `Abdullah Abdullah` and the
        // initials of `S. S. Rao` are names.
        if i > from
            && i + 1 < end
            && capitalised(text)
            && !text.ends_with('.')
            && doc.token_text(i - 1) == text
            && doc.tokens[i - 1].end < doc.tokens[i].start
        {
            cuts.push((from, i, keep));
            from = i;
            keep = Keep::Always;
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
            cuts.push((from, i, Keep::Always));
            from = i + 1;
            keep = Keep::Always;
            i += 1;
            continue;
        }
        // A party's or another organisation's name the gazetteer knows, or a nationality's, of one or two
        // words, that opens a person's name of two words or more (`Tory Neil Hamilton`, `Lib Dem Norman
        // Baker`, `Spaniard Conchita Martinez`): the party or the nationality is a name of its own, the
        // person's starts after it; not `Tory Burch` or `Dane Bowers`, one word after, nor `BBC Sport
        // Wales`, whose next word the document writes in lower case, no given name.
        let opener = || {
            let lex = owners.lex;
            let words = doc.tokens_text(from, i);
            if lex.demonym(words).is_some() {
                Some("NORP")
            } else {
                // Not `Oscar S. Wyatt`: a given name may be an award's; nor a place's name, even one
                // a club goes by (`Werder`, a town).
                (owners.office_owner(doc, from, i) == Some("ORG")
                    && lex
                        .gazetteer_name(words)
                        .is_some_and(|c| lex.is_organisation_class(&c.class)))
                .then_some("ORG")
            }
        };
        if person
            && from == start
            && (1..=2).contains(&(i - from))
            && end - i >= 2
            && (i..end).all(|k| {
                capitalised(doc.token_text(k))
                    || doc.token_text(k) == "-"
                    || k + 1 == end && doc.tokens[k].tag == "POS"
            })
            && !doc_words.is_lower_case_word(&text.to_lowercase())
            && let Some(owner) = opener()
        {
            owned.push((from, owner));
            owned.push((i, "PERSON"));
            cuts.push((from, i, Keep::Always));
            from = i;
            keep = Keep::Always;
        }
        // A title after a place's or an organisation's name inside a person's name (`Bavaria Governor Horst
        // Seehofer`), or an office only a person holds before a name of two words or more inside any
        // name (`St Petersburg Mayor Anatoly Sobchak`, tagged a place): the owner of the office is a name
        // of its own; the person's starts at the title, which the linker strips.
        let office_then_name = || {
            owners.lex.is_person_noun(text)
                && end - i > 2
                && (i + 1..end).all(|k| capitalised(doc.token_text(k)))
        };
        if i > from
            && i + 1 < end
            && capitalised(text)
            && words.is_title(text)
            && (person || office_then_name())
            && let Some(owner) = owners.office_owner(doc, from, i)
        {
            owned.push((from, owner));
            owned.push((i, "PERSON"));
            cuts.push((from, i, Keep::Always));
            from = i;
            keep = Keep::Always;
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
        // A preposition NER ran into a name, that the parse attaches outside the span, next to a name of
        // its own ([`known_or_tagged`]: `a move from Arsenal to Real Madrid`, `debated in the Commons on
        // Monday`): the name ends before it, and what follows stays only if it is such a name (see
        // [`Keep`]). `Department for Transport`, whose `for` hangs on `Department`, stays whole, and so
        // does a name with no such name on either side (`Commission for Racial Equality`, `Mutiny on the
        // Bounty`), where the parser errs more often, and one joined by `of`, which the parser hangs
        // outside a title's name (`Gangs of New York`).
        if !person
            && !attached
            && i > from
            && i + 1 < end
            && starts_lower(text)
            && words.is_particle(text)
            && lower != "of"
            && matches!(doc.tokens[i].tag.as_str(), "IN" | "TO")
            && !(start..end).contains(&doc.tokens[i].head)
            && (named_alone(doc, owners, from, i) || named_alone(doc, owners, i + 1, end))
        {
            cuts.push((from, i, keep));
            from = i + 1;
            keep = Keep::KnownOrTagged;
            i += 1;
            continue;
        }
        // A list NER ran into one name: a coordination or comma between names of their own (`Everton and
        // Arsenal` of `Chelsea, Everton and Arsenal`, `Arsenal or Sheffield United`); see [`list_break`].
        // A comma in a place's name joins it to its region (`Paris, Texas`), not to a country, which no
        // place is named with (`Auckland, New Zealand`, `the Czech Republic, South Africa`); the comma is
        // written on to the word before it.
        let place = matches!(label, "GPE" | "LOC" | "FAC");
        let country_after = text == "," && place && country_after_comma(doc, owners.lex, i, end);
        if !person
            && (!attached && (coordinator || text == "," && !place) || country_after)
            && i > from
            && i + 1 < end
            && list_break(doc, owners, (start, end), from, i, label)
        {
            cuts.push((from, i, keep));
            from = i + 1;
            keep = Keep::Always;
            i += 1;
            continue;
        }
        // A coordination of people, or a lower-case word that no name holds, ends the name here.
        if !attached && (coordinator && (person || next_title || both))
            || !attached
                && starts_lower(text)
                && !text.chars().any(char::is_uppercase)
                && is_word(text)
                && !coordinator
                && !(words.is_particle(text) && (!person || words.is_person_particle(text)))
        {
            cuts.push((from, i, keep));
            from = i + 1;
            keep = Keep::Always;
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
            cuts.push((from, i, keep));
            from = i + 1;
            keep = Keep::Always;
            i += 1;
            continue;
        }
        // A name in parentheses inside a span (`International Crisis Group (ICG)`) is a name of its own,
        // which the linker joins to the one before it as a name stated for it; not before the legal form
        // that ends the name (`Industrial Equity (Pacific) Ltd`, `BOT International (HK) Ltd`).
        if text == "("
            && let Some(close) = (i + 1..end).find(|&k| doc.token_text(k) == ")")
            && close + 1 < end
            && (close + 1..end).all(|k| words.is_written_legal_form(doc.token_text(k)))
        {
            i = close + 1;
            continue;
        }
        if matches!(text, "(" | ")") && !attached_word(doc, i, start, end) {
            if i > from {
                cuts.push((from, i, keep));
            }
            from = i + 1;
            keep = Keep::Always;
            i += 1;
            continue;
        }
        // A courtesy title inside a span starts a new name.
        if i > from && words.is_honorific(text) {
            cuts.push((from, i, Keep::Known));
            from = i;
            keep = Keep::Always;
        }
        i += 1;
    }
    cuts.push((from, end, keep));
    let mut out = Vec::new();
    for (mut s, mut e, keep) in cuts {
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
                    && doc_words.is_function_word(&text.to_lowercase()))
                // Or, before a name no person's (whose given name may be a common word: `Bill Lund`),
                // any word it writes in lower case, before a name it tags alone or the ontology knows,
                // where it writes the whole only at a sentence's start (`Injured Chelsea winger` beside
                // `Chelsea` and `the injured winger`, `Latest Opera` beside `Opera`; not `New Labour`
                // written within a sentence too, nor a name the ontology knows whole, `New York`).
                || (!person
                    && t.sent_start
                    && s + 1 < e
                    && doc.tokens[s].end != doc.tokens[s + 1].start
                    && doc_words.is_common_word(&text.to_lowercase())
                    && opens_sentences_only(doc, owners.lex, doc_words, s, e));
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
        out.push((s, e, label, keep));
    }
    out
}
