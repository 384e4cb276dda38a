//! The files of a spaCy pipeline directory: the default `en_core_web_sm` 3.8 model embedded in the binary,
//! or another directory of the same architecture read at run time.

use super::AnalysisError;
use std::borrow::Cow;
use std::path::Path;

macro_rules! embedded_file {
    ($path:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/models/en_core_web_sm-3.8.0/",
            $path
        ))
    };
}

/// The bytes of every file the analysis reads.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    /// `config.cfg`.
    pub config: Cow<'static, [u8]>,
    /// `tokenizer`.
    pub tokenizer: Cow<'static, [u8]>,
    /// `vocab/lookups.bin`.
    pub vocab_lookups: Cow<'static, [u8]>,
    /// `tok2vec/model`.
    pub tok2vec: Cow<'static, [u8]>,
    /// `tagger/model`.
    pub tagger: Cow<'static, [u8]>,
    /// `tagger/cfg`.
    pub tagger_cfg: Cow<'static, [u8]>,
    /// `parser/model`.
    pub parser: Cow<'static, [u8]>,
    /// `parser/moves`.
    pub parser_moves: Cow<'static, [u8]>,
    /// `ner/model`.
    pub ner: Cow<'static, [u8]>,
    /// `ner/moves`.
    pub ner_moves: Cow<'static, [u8]>,
    /// `attribute_ruler/patterns`.
    pub attribute_ruler: Cow<'static, [u8]>,
    /// `lemmatizer/lookups/lookups.bin`.
    pub lemmatizer_lookups: Cow<'static, [u8]>,
}

/// The components and layer architectures this implementation runs.
const FACTORIES: &[&str] = &[
    "tok2vec",
    "tagger",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "ner",
];
const ARCHITECTURES: &[&str] = &[
    "spacy.Tok2Vec.v2",
    "spacy.MultiHashEmbed.v2",
    "spacy.MaxoutWindowEncoder.v2",
    "spacy.Tok2VecListener.v1",
    "spacy.Tagger.v2",
    "spacy.TransitionBasedParser.v2",
];

impl ModelFiles {
    /// The model compiled into the binary.
    pub fn embedded() -> ModelFiles {
        ModelFiles {
            config: Cow::Borrowed(embedded_file!("config.cfg")),
            tokenizer: Cow::Borrowed(embedded_file!("tokenizer")),
            vocab_lookups: Cow::Borrowed(embedded_file!("vocab/lookups.bin")),
            tok2vec: Cow::Borrowed(embedded_file!("tok2vec/model")),
            tagger: Cow::Borrowed(embedded_file!("tagger/model")),
            tagger_cfg: Cow::Borrowed(embedded_file!("tagger/cfg")),
            parser: Cow::Borrowed(embedded_file!("parser/model")),
            parser_moves: Cow::Borrowed(embedded_file!("parser/moves")),
            ner: Cow::Borrowed(embedded_file!("ner/model")),
            ner_moves: Cow::Borrowed(embedded_file!("ner/moves")),
            attribute_ruler: Cow::Borrowed(embedded_file!("attribute_ruler/patterns")),
            lemmatizer_lookups: Cow::Borrowed(embedded_file!("lemmatizer/lookups/lookups.bin")),
        }
    }

    /// Reads a pipeline directory; a missing file is an error naming it.
    pub fn from_dir(dir: &Path) -> Result<ModelFiles, AnalysisError> {
        let read = |rel: &str| -> Result<Cow<'static, [u8]>, AnalysisError> {
            let path = dir.join(rel);
            std::fs::read(&path)
                .map(Cow::Owned)
                .map_err(|source| AnalysisError::ModelFile { path, source })
        };
        let files = ModelFiles {
            config: read("config.cfg")?,
            tokenizer: read("tokenizer")?,
            vocab_lookups: read("vocab/lookups.bin")?,
            tok2vec: read("tok2vec/model")?,
            tagger: read("tagger/model")?,
            tagger_cfg: read("tagger/cfg")?,
            parser: read("parser/model")?,
            parser_moves: read("parser/moves")?,
            ner: read("ner/model")?,
            ner_moves: read("ner/moves")?,
            attribute_ruler: read("attribute_ruler/patterns")?,
            lemmatizer_lookups: read("lemmatizer/lookups/lookups.bin")?,
        };
        files.check_config()?;
        Ok(files)
    }

    /// Refuses a `config.cfg` naming components or layer architectures this implementation does not run.
    pub fn check_config(&self) -> Result<(), AnalysisError> {
        let text = std::str::from_utf8(&self.config)
            .map_err(|_| AnalysisError::Unsupported("config.cfg is not UTF-8".to_string()))?;
        check_config_text(text)
    }
}

fn unquote(v: &str) -> &str {
    v.trim().trim_matches('"')
}

fn check_config_text(text: &str) -> Result<(), AnalysisError> {
    let mut section = String::new();
    let mut disabled: Vec<String> = Vec::new();
    let mut lang = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s.to_string();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        if section == "nlp" && key == "disabled" {
            disabled = serde_json::from_str(value).unwrap_or_default();
        }
        if section == "nlp" && key == "lang" {
            lang = Some(unquote(value).to_string());
        }
        let component = section
            .strip_prefix("components.")
            .map(|s| s.split('.').next().unwrap_or(""));
        let Some(component) = component else { continue };
        if disabled.iter().any(|d| d == component) {
            continue;
        }
        if key == "factory" && !FACTORIES.contains(&unquote(value)) {
            return Err(AnalysisError::Unsupported(format!(
                "config.cfg: component `{component}` uses factory {value}, which is not supported"
            )));
        }
        if key == "@architectures" && !ARCHITECTURES.contains(&unquote(value)) {
            return Err(AnalysisError::Unsupported(format!(
                "config.cfg: [{section}] uses architecture {value}, which is not supported"
            )));
        }
        if key == "include_static_vectors" && value == "true" {
            return Err(AnalysisError::Unsupported(format!(
                "config.cfg: [{section}] uses static vectors, which are not supported"
            )));
        }
    }
    match lang.as_deref() {
        Some("en") => Ok(()),
        other => Err(AnalysisError::Unsupported(format!(
            "config.cfg: language {other:?}, only English (\"en\") is supported"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_config_is_supported() {
        ModelFiles::embedded().check_config().unwrap();
    }

    #[test]
    fn unknown_architectures_and_languages_are_named() {
        let cfg = "[nlp]\nlang = \"en\"\ndisabled = []\n[components.tagger.model]\n@architectures = \"spacy.Tagger.v9\"\n";
        let err = check_config_text(cfg).unwrap_err().to_string();
        assert!(err.contains("spacy.Tagger.v9"), "{err}");
        let err = check_config_text("[nlp]\nlang = \"de\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("de"), "{err}");
        let cfg = "[nlp]\nlang = \"en\"\ndisabled = [\"x\"]\n[components.x.model]\n@architectures = \"other\"\n";
        check_config_text(cfg).unwrap();
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = std::env::temp_dir().join("kg-model-files-test-missing");
        let _ = std::fs::create_dir_all(&dir);
        let err = ModelFiles::from_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("config.cfg"), "{err}");
    }
}
