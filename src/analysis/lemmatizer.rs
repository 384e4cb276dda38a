//! spaCy's English rule lemmatizer (mode `rule`): suffix rules, an exception list and an index of known
//! base forms per universal POS, read from `lemmatizer/lookups/lookups.bin`, plus the English check for
//! forms that are already base forms. A token whose lemma is already set (by the attribute ruler) keeps it.

use super::matcher::py_is_alpha;
use super::{AnalysisError, Doc, Token};
use rmpv::Value;
use std::collections::{HashMap, HashSet};

/// The tables of one universal POS.
#[derive(Debug, Clone, Default)]
struct PosTables {
    /// `(old suffix, new suffix)` in order.
    rules: Vec<(String, String)>,
    /// Irregular forms.
    exceptions: HashMap<String, Vec<String>>,
    /// Known base forms.
    index: HashSet<String>,
    has_rules: bool,
    has_exceptions: bool,
    has_index: bool,
}

/// The rule lemmatizer of a spaCy English pipeline.
#[derive(Debug, Clone)]
pub struct Lemmatizer {
    tables: HashMap<String, PosTables>,
}

fn bad(what: impl Into<String>) -> AnalysisError {
    AnalysisError::Lemmatizer(what.into())
}

/// The key spaCy's lookup tables use for a string (its symbol number or string hash).
fn table_key(name: &str) -> u64 {
    super::hash::string_id(name)
}

/// The lower-case universal POS names a table can be kept under.
const UNIV_POS: [&str; 19] = [
    "adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part", "pron",
    "propn", "punct", "sconj", "sym", "verb", "x", "space",
];

fn key_of(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| v.as_str().map(table_key))
}

fn str_of(v: &Value) -> Result<String, AnalysisError> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| bad("expected a string in the tables"))
}

/// Reads one table (a map from POS key to content) into `tables` via `put`.
fn read_table(
    root: &[(Value, Value)],
    name: &str,
    by_key: &HashMap<u64, &'static str>,
    tables: &mut HashMap<String, PosTables>,
    mut put: impl FnMut(&mut PosTables, &Value) -> Result<(), AnalysisError>,
) -> Result<(), AnalysisError> {
    let Some((_, table)) = root.iter().find(|(k, _)| k.as_str() == Some(name)) else {
        return Ok(());
    };
    let table = table
        .as_map()
        .ok_or_else(|| bad(format!("{name} is not a map")))?;
    for (k, v) in table {
        // Tables under keys that are no POS name could never be consulted.
        let Some(pos) = key_of(k).and_then(|key| by_key.get(&key)) else {
            continue;
        };
        put(tables.entry(pos.to_string()).or_default(), v)?;
    }
    Ok(())
}

impl Lemmatizer {
    /// Loads the tables from `lookups.bin` (msgpack).
    ///
    /// # Errors
    /// When the file is not msgpack of spaCy's lookups shape.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Self, AnalysisError> {
        let value = rmpv::decode::read_value(&mut &bytes[..])
            .map_err(|e| bad(format!("not msgpack: {e}")))?;
        let root = value.as_map().ok_or_else(|| bad("lookups are not a map"))?;
        let by_key: HashMap<u64, &'static str> =
            UNIV_POS.iter().map(|p| (table_key(p), *p)).collect();
        let mut tables: HashMap<String, PosTables> = HashMap::new();
        read_table(root, "lemma_rules", &by_key, &mut tables, |t, v| {
            for pair in v.as_array().ok_or_else(|| bad("rules are not a list"))? {
                let pair = pair
                    .as_array()
                    .filter(|p| p.len() == 2)
                    .ok_or_else(|| bad("rule is not a pair"))?;
                t.rules.push((str_of(&pair[0])?, str_of(&pair[1])?));
            }
            t.has_rules = !t.rules.is_empty();
            Ok(())
        })?;
        read_table(root, "lemma_exc", &by_key, &mut tables, |t, v| {
            for (form, lemmas) in v.as_map().ok_or_else(|| bad("exceptions are not a map"))? {
                let lemmas = lemmas
                    .as_array()
                    .ok_or_else(|| bad("exception is not a list"))?;
                t.exceptions.insert(
                    str_of(form)?,
                    lemmas.iter().map(str_of).collect::<Result<_, _>>()?,
                );
            }
            t.has_exceptions = !t.exceptions.is_empty();
            Ok(())
        })?;
        read_table(root, "lemma_index", &by_key, &mut tables, |t, v| {
            for form in v.as_array().ok_or_else(|| bad("index is not a list"))? {
                t.index.insert(str_of(form)?);
            }
            t.has_index = !t.index.is_empty();
            Ok(())
        })?;
        Ok(Lemmatizer { tables })
    }

    /// Sets the lemma of every token that has none yet.
    pub fn apply(&self, doc: &mut Doc) {
        for i in 0..doc.tokens.len() {
            if doc.tokens[i].lemma.is_empty() {
                let text = doc
                    .text
                    .get(doc.tokens[i].start..doc.tokens[i].end)
                    .unwrap_or("");
                let lemma = self.lemmatize(text, &doc.tokens[i]);
                doc.tokens[i].lemma = lemma;
            }
        }
    }

    /// The lemma of one token, from its text, POS and morphology.
    pub fn lemmatize(&self, text: &str, token: &Token) -> String {
        let pos = token.pos.to_lowercase();
        if pos.is_empty() || pos == "eol" || pos == "space" {
            return text.to_lowercase();
        }
        if is_base_form(&pos, &token.morph) {
            return text.to_lowercase();
        }
        let Some(t) = self
            .tables
            .get(&pos)
            .filter(|t| t.has_rules || t.has_exceptions || t.has_index)
        else {
            return if pos == "propn" {
                text.to_string()
            } else {
                text.to_lowercase()
            };
        };
        let string = text.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov_forms: Vec<String> = Vec::new();
        for (old, new) in &t.rules {
            if let Some(stem) = string.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if t.index.contains(&form) {
                    forms.insert(0, form);
                } else if !py_is_alpha(&form) {
                    forms.push(form);
                } else {
                    oov_forms.push(form);
                }
            }
        }
        // Remove duplicates, keeping the first occurrence.
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(exc) = t.exceptions.get(&string) {
            for form in exc {
                if !forms.contains(form) {
                    forms.insert(0, form.clone());
                }
            }
        }
        if forms.is_empty() {
            forms = oov_forms;
        }
        forms.into_iter().next().unwrap_or_else(|| text.to_string())
    }
}

/// The value of one morphological feature in a `Feat=Val|...` string.
fn feature<'a>(morph: &'a str, name: &str) -> Option<&'a str> {
    morph
        .split('|')
        .filter_map(|f| f.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// spaCy's `EnglishLemmatizer.is_base_form`.
fn is_base_form(pos: &str, morph: &str) -> bool {
    let verb_form = feature(morph, "VerbForm");
    let degree = feature(morph, "Degree");
    (pos == "noun" && feature(morph, "Number") == Some("Sing"))
        || (pos == "verb" && verb_form == Some("Inf"))
        || (pos == "verb"
            && verb_form == Some("Fin")
            && feature(morph, "Tense") == Some("Pres")
            && feature(morph, "Number").is_none())
        || (pos == "adj" && degree == Some("Pos"))
        || verb_form == Some("Inf")
        || verb_form == Some("None")
        || degree == Some("Pos")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn model() -> &'static Lemmatizer {
        static L: OnceLock<Lemmatizer> = OnceLock::new();
        L.get_or_init(|| {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/models/en_core_web_sm-3.8.0/lemmatizer/lookups/lookups.bin"
            );
            Lemmatizer::from_msgpack(&std::fs::read(path).expect("vendored lookups"))
                .expect("loads")
        })
    }

    #[test]
    fn hashes_find_the_pos_tables() {
        // The table keys in en_core_web_sm's lookups.bin.
        assert_eq!(table_key("punct"), 445);
        assert_eq!(table_key("adj"), 12401032943472870168);
        assert_eq!(table_key("noun"), 16833663260455505849);
        assert_eq!(table_key("verb"), 6360137228241296794);
        assert_eq!(table_key("adv"), 10054248821341768113);
    }

    #[test]
    fn lemmas_by_pos_and_morph() {
        let cases = [
            ("talks", "NOUN", "Number=Plur", "talk"),
            (
                "talks",
                "VERB",
                "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
                "talk",
            ),
            ("went", "VERB", "Tense=Past|VerbForm=Fin", "go"),
            ("children", "NOUN", "Number=Plur", "child"),
            ("Talks", "NOUN", "Number=Sing", "talks"),
            ("Japan", "PROPN", "Number=Sing", "Japan"),
            ("better", "ADJ", "Degree=Cmp", "well"),
            (
                "running",
                "VERB",
                "Aspect=Prog|Tense=Pres|VerbForm=Part",
                "run",
            ),
            ("The", "DET", "Definite=Def|PronType=Art", "the"),
            ("\n\n", "SPACE", "", "\n\n"),
            ("studies", "NOUN", "Number=Plur", "study"),
        ];
        for (text, pos, morph, want) in cases {
            let token = Token {
                pos: pos.into(),
                morph: morph.into(),
                ..Token::default()
            };
            assert_eq!(
                model().lemmatize(text, &token),
                want,
                "{text} {pos} {morph}"
            );
        }
    }
}
