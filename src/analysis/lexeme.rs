//! Lexeme attributes as spaCy computes them for a token's text: NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE,
//! and the hashed feature row that the tok2vec embeds.
//!
//! Python's `str` predicates (`isalpha`, `isdigit`, `isupper`, `isspace`) are emulated: ASCII is handled
//! directly, other characters through Unicode general categories (`\p{L}`, `\p{Nd}`), which is what
//! CPython uses for letters and decimal digits.

use super::AnalysisError;
use super::hash::string_id;
use std::collections::HashMap;
use std::sync::LazyLock;

/// spaCy's language-independent norm exceptions (`spacy.lang.norm_exceptions.BASE_NORMS`), consulted after
/// the model's `lexeme_norm` table and before lower-casing.
const BASE_NORMS: &[(&str, &str)] = &[
    ("'s", "'s"),
    ("'S", "'s"),
    ("\u{2019}s", "'s"),
    ("\u{2019}S", "'s"),
    ("\u{2019}", "'"),
    ("\u{2018}", "'"),
    ("\u{b4}", "'"),
    ("`", "'"),
    ("\u{201d}", "\""),
    ("\u{201c}", "\""),
    ("''", "\""),
    ("``", "\""),
    ("\u{b4}\u{b4}", "\""),
    ("\u{201e}", "\""),
    ("\u{bb}", "\""),
    ("\u{ab}", "\""),
    ("\u{2018}\u{2018}", "\""),
    ("\u{2019}\u{2019}", "\""),
    ("\u{ff1f}", "?"),
    ("\u{ff01}", "!"),
    ("\u{ff0c}", ","),
    ("\u{ff1b}", ";"),
    ("\u{ff1a}", ":"),
    ("\u{3002}", "."),
    ("\u{964}", "."),
    ("\u{2026}", "..."),
    ("\u{2014}", "-"),
    ("\u{2013}", "-"),
    ("--", "-"),
    ("---", "-"),
    ("\u{2014}\u{2014}", "-"),
    ("\u{20ac}", "$"),
    ("\u{a3}", "$"),
    ("\u{a5}", "$"),
    ("\u{e3f}", "$"),
    ("US$", "$"),
    ("C$", "$"),
    ("A$", "$"),
    ("\u{20ba}", "$"),
    ("\u{20b9}", "$"),
    ("\u{9f3}", "$"),
    ("\u{20a9}", "$"),
    ("Mex$", "$"),
    ("\u{20a3}", "$"),
    ("E\u{a3}", "$"),
];

static LETTER: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^\p{L}$").expect("static regex"));
// Python's isdigit: decimal digits plus the digit-valued superscripts, subscripts and circled digits.
static DIGIT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^[\p{Nd}\x{b2}\x{b3}\x{b9}\x{2070}\x{2074}-\x{2079}\x{2080}-\x{2089}\x{2460}-\x{2468}\x{2474}-\x{247c}\x{2488}-\x{2490}\x{24ea}\x{24f5}-\x{24fd}\x{24ff}\x{2776}-\x{277e}\x{2780}-\x{2788}\x{278a}-\x{2792}\x{1369}-\x{1371}\x{19da}]$",
    )
    .expect("static regex")
});

fn char_str(c: char, buf: &mut [u8; 4]) -> &str {
    c.encode_utf8(buf)
}

/// Python's `str.isalpha` for one character.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let mut buf = [0; 4];
    LETTER.is_match(char_str(c, &mut buf))
}

/// Python's `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let mut buf = [0; 4];
    DIGIT.is_match(char_str(c, &mut buf))
}

/// Python's `str.isspace` for one character (Unicode White_Space plus the ASCII separators 0x1C-0x1F).
pub fn is_space_char(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// spaCy's IS_SPACE flag: a non-empty string of whitespace.
pub fn is_space(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_space_char)
}

/// spaCy's `word_shape`: letters become `X`/`x`, digits `d`, other characters stay; runs longer than four
/// are cut to four; strings of 100 characters or more are `LONG`.
pub fn word_shape(text: &str) -> String {
    if text.chars().count() >= 100 {
        return "LONG".to_string();
    }
    let mut shape = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut seq = 0;
    for c in text.chars() {
        let shape_char = if is_alpha(c) {
            if c.is_uppercase() { 'X' } else { 'x' }
        } else if is_digit(c) {
            'd'
        } else {
            c
        };
        if Some(shape_char) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(shape_char);
        }
        if seq < 4 {
            shape.push(shape_char);
        }
    }
    shape
}

/// spaCy's PREFIX: the first character.
pub fn prefix(text: &str) -> &str {
    match text.char_indices().nth(1) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// spaCy's SUFFIX: the last three characters.
pub fn suffix(text: &str) -> &str {
    match text.char_indices().rev().nth(2) {
        Some((i, _)) => &text[i..],
        None => text,
    }
}

/// The vocabulary's norm table (`vocab/lookups.bin`, table `lexeme_norm`), keyed by string hash.
#[derive(Debug, Default)]
pub struct LexemeNorms {
    table: HashMap<u64, String>,
    base: HashMap<&'static str, &'static str>,
}

impl LexemeNorms {
    /// Reads `vocab/lookups.bin`: a msgpack map from table name to a map from string hash to value.
    /// A file without a `lexeme_norm` table gives an empty table (norms then fall back to lower case).
    pub fn from_msgpack(bytes: &[u8]) -> Result<LexemeNorms, AnalysisError> {
        let bad = |why: &str| AnalysisError::BadModelData {
            file: "vocab/lookups.bin".to_string(),
            reason: why.to_string(),
        };
        let value = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| bad(&e.to_string()))?;
        let tables = value.as_map().ok_or_else(|| bad("not a map of tables"))?;
        let mut table = HashMap::new();
        for (name, content) in tables {
            if name.as_str() != Some("lexeme_norm") {
                continue;
            }
            let entries = content
                .as_map()
                .ok_or_else(|| bad("lexeme_norm is not a map"))?;
            table.reserve(entries.len());
            for (k, v) in entries {
                let key = k
                    .as_u64()
                    .ok_or_else(|| bad("lexeme_norm key is not an integer"))?;
                let norm = v
                    .as_str()
                    .ok_or_else(|| bad("lexeme_norm value is not a string"))?;
                table.insert(key, norm.to_string());
            }
        }
        Ok(LexemeNorms {
            table,
            base: BASE_NORMS.iter().copied().collect(),
        })
    }

    /// The lexeme norm of `text`: the model's table, then spaCy's base norms, then lower case.
    pub fn norm(&self, text: &str) -> String {
        if let Some(n) = self.table.get(&string_id(text)) {
            return n.clone();
        }
        if let Some(n) = self.base.get(text) {
            return (*n).to_string();
        }
        text.to_lowercase()
    }
}

/// The attributes a tok2vec can embed, in spaCy's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureAttr {
    /// Hash of the norm.
    Norm,
    /// Hash of the first character.
    Prefix,
    /// Hash of the last three characters.
    Suffix,
    /// Hash of the word shape.
    Shape,
    /// 1 if whitespace follows the token.
    Spacy,
    /// 1 if the token is whitespace.
    IsSpace,
}

impl FeatureAttr {
    /// Parses spaCy's attribute name.
    pub fn parse(name: &str) -> Option<FeatureAttr> {
        Some(match name {
            "NORM" => FeatureAttr::Norm,
            "PREFIX" => FeatureAttr::Prefix,
            "SUFFIX" => FeatureAttr::Suffix,
            "SHAPE" => FeatureAttr::Shape,
            "SPACY" => FeatureAttr::Spacy,
            "IS_SPACE" => FeatureAttr::IsSpace,
            _ => return None,
        })
    }
}

/// All feature values of one token (every attribute a tok2vec may ask for).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TokenFeatures {
    /// NORM key.
    pub norm: u64,
    /// PREFIX key.
    pub prefix: u64,
    /// SUFFIX key.
    pub suffix: u64,
    /// SHAPE key.
    pub shape: u64,
    /// SPACY flag.
    pub spacy: u64,
    /// IS_SPACE flag.
    pub is_space: u64,
}

impl TokenFeatures {
    /// Computes the features of a token from its text, its norm and whether a space follows.
    pub fn new(text: &str, norm: &str, space_after: bool) -> TokenFeatures {
        TokenFeatures {
            norm: string_id(norm),
            prefix: string_id(prefix(text)),
            suffix: string_id(suffix(text)),
            shape: string_id(&word_shape(text)),
            spacy: u64::from(space_after),
            is_space: u64::from(is_space(text)),
        }
    }

    /// The value of one attribute.
    pub fn get(&self, attr: FeatureAttr) -> u64 {
        match attr {
            FeatureAttr::Norm => self.norm,
            FeatureAttr::Prefix => self.prefix,
            FeatureAttr::Suffix => self.suffix,
            FeatureAttr::Shape => self.shape,
            FeatureAttr::Spacy => self.spacy,
            FeatureAttr::IsSpace => self.is_space,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes_match_spacy() {
        // Values printed by spaCy 3.8's `spacy.lang.lex_attrs.word_shape`.
        let cases: &[(&str, &str)] = &[
            ("Apple", "Xxxxx"),
            ("U.S.", "X.X."),
            ("1990s", "ddddx"),
            ("aaaaaa", "xxxx"),
            ("AAAAAbbbbb", "XXXXxxxx"),
            ("$12.50", "$dd.dd"),
            ("na\u{ef}ve", "xxxx"),
            ("Stra\u{df}e", "Xxxxx"),
            ("\u{c9}COLE", "XXXX"),
            ("x\u{b2}", "xd"),
            ("\u{216b}", "\u{216b}"),
            ("\u{663}\u{664}", "dd"),
            ("\u{4e2d}\u{56fd}", "xx"),
            ("e-mail", "x-xxxx"),
            ("C++", "X++"),
            ("can't", "xxx'x"),
            (
                "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}",
                "\u{1f600}\u{1f600}\u{1f600}\u{1f600}",
            ),
            ("", ""),
            ("\t", "\t"),
        ];
        for &(text, want) in cases {
            assert_eq!(word_shape(text), want, "{text:?}");
        }
        assert_eq!(word_shape(&"a".repeat(100)), "LONG");
        assert_eq!(word_shape(&"a".repeat(99)), "xxxx");
    }

    #[test]
    fn prefix_and_suffix_count_characters() {
        let cases: &[(&str, &str, &str)] = &[
            ("Hello", "H", "llo"),
            ("don't", "d", "n't"),
            ("\u{2019}s", "\u{2019}", "\u{2019}s"),
            ("U.S.", "U", ".S."),
            ("a", "a", "a"),
            ("na\u{ef}ve", "n", "\u{ef}ve"),
            ("", "", ""),
        ];
        for &(text, p, s) in cases {
            assert_eq!(prefix(text), p, "{text:?}");
            assert_eq!(suffix(text), s, "{text:?}");
        }
    }

    #[test]
    fn norms_fall_back_to_base_norms_then_lower_case() {
        let norms = LexemeNorms {
            table: [(string_id("colour"), "color".to_string())]
                .into_iter()
                .collect(),
            base: BASE_NORMS.iter().copied().collect(),
        };
        assert_eq!(norms.norm("colour"), "color");
        assert_eq!(norms.norm("\u{a3}"), "$");
        assert_eq!(norms.norm("\u{2026}"), "...");
        assert_eq!(norms.norm("Apple"), "apple");
        assert_eq!(norms.norm("n't"), "n't");
    }

    #[test]
    fn features_use_spacy_string_ids() {
        // Values printed by spaCy 3.8 for `nlp.vocab["Mark"]` (norm, prefix, suffix, shape).
        let f = TokenFeatures::new("Mark", "mark", true);
        assert_eq!(
            (f.norm, f.prefix, f.suffix, f.shape, f.spacy, f.is_space),
            (
                423,
                3209455878668673793,
                8179384140789734470,
                10887629174180191697,
                1,
                0
            )
        );
        let f = TokenFeatures::new("XM", "xm", false);
        assert_eq!(
            (f.norm, f.prefix, f.suffix, f.shape),
            (
                13397106216993330474,
                101,
                10254383360740299572,
                14968597813295776895
            )
        );
    }

    #[test]
    fn space_flags() {
        assert!(is_space(" "));
        assert!(is_space("\n\n"));
        assert!(is_space("\u{a0}"));
        assert!(!is_space(""));
        assert!(!is_space(" a"));
    }
}
