//! National teams in sports reports: a country a sports report names as a side of a match (`Germany beat
//! Argentina`, `against Portugal`, `Spain midfielder Andres Iniesta`, `Germany's win`) is its
//! national team wherever the report names it, except where something happens in the country (`fans in
//! Germany`) and before an office's title (`Italy Prime Minister`); elsewhere, and in any other news, the
//! country stays the country.
//!
//! Pure functions of the analysed document and the lexicon's word lists (`kg:sideVerbs`,
//! `kg:sidePrepositions`, `kg:matchPrepositions`, `kg:sideTitleWords`, `kg:playerWords`, `kg:sideNouns`);
//! the linker interns what they return.

use super::document::{attachment, first_conjunct, span_root};
use super::lexicon::{Canonical, Lexicon};
use crate::analysis::Doc;

/// Whether the mention of a country over tokens `start..end` names a side of a match: the subject or object
/// of a side verb, the object of a side preposition or of a match preposition after a side verb or noun
/// (`a win over Nigeria`, `playing for Peru`), the country before a player's or coach's title, or the owner
/// of a match's win, goal or squad (`Germany's win`, `his Germany debut`); a conjunct of such a mention as
/// well (`France` of `against Italy and France`).
pub(crate) fn names_a_side(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    // A conjunct plays the part of the first one (`France` of `against Italy and France`).
    let first = first_conjunct(doc, span_root(doc, start, end));
    let Some((tok, head)) = attachment(doc, first, first + 1) else {
        return false;
    };
    let lemma = head.lemma.to_lowercase();
    // What the preposition of a prepositional object attaches to (`win` of `a win over Nigeria`).
    let attached = || {
        let above = &doc.tokens[head.head];
        let lemma = above.lemma.to_lowercase();
        head.head != tok.head
            && (lex.side_verbs.contains(&lemma) || lex.side_nouns.contains(&lemma))
    };
    match tok.dep.as_str() {
        "nsubj" | "nsubjpass" | "dobj" => lex.side_verbs.contains(&lemma),
        "pobj" => {
            lex.side_prepositions.contains(&lemma)
                || lex.match_prepositions.contains(&lemma) && attached()
        }
        "poss" | "compound" => {
            lex.side_title_words.contains(&lemma) || lex.side_nouns.contains(&lemma)
        }
        _ => false,
    }
}

/// Whether the mention of a country over tokens `start..end` names the state before an office's title
/// (`Former Italy Prime Minister Matteo Renzi`), which a sports report's national team holds none of.
pub(crate) fn names_an_office_holders_country(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> bool {
    let Some((tok, head)) = attachment(doc, start, end) else {
        return false;
    };
    // A title, not any person's noun: `Germany fans` are the team's.
    matches!(tok.dep.as_str(), "compound" | "poss")
        && lex.words.is_title(doc.token_text(tok.head))
        && !lex.side_title_words.contains(&head.lemma.to_lowercase())
}

/// The national team of a country, as an entity of its own: `Germany national team`, or `Germany women's
/// national team` in a report on women's sport. Its key is the country's with a suffix, so every document
/// names the same team the same way.
pub(crate) fn national_team(country: &Canonical, women: bool) -> Canonical {
    let (key, label) = if women {
        ("women_national_team", "women's national team")
    } else {
        ("national_team", "national team")
    };
    Canonical {
        key: format!("{}_{key}", country.key),
        label: format!("{} {label}", country.label),
        class: "SportsClub".to_string(),
    }
}

/// Whether a sports report is about women's sport: it says `women's` (`the women's World Cup`); a woman
/// in the crowd of a men's match does not make it one.
pub(crate) fn about_women(doc: &Doc) -> bool {
    (1..doc.tokens.len()).any(|i| {
        doc.token_text(i - 1).eq_ignore_ascii_case("women")
            && matches!(doc.token_text(i), "'s" | "’s")
    })
}
