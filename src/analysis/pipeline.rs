//! The analysis pipeline: spaCy's `en_core_web_sm` components in spaCy's order, run natively.

use super::doc::{Doc, EntIob};
use super::lexeme::{LexemeNorms, TokenFeatures, is_space};
use super::model_files::ModelFiles;
use super::parser::{ArcEager, Biluo, ParserModel, TokenFlags, keep_biluo_move, read_moves};
use super::tagger::Tagger;
use super::tok2vec::Tok2Vec;
use super::weights::ModelWeights;
use super::AnalysisError;
use rayon::prelude::*;
use std::path::Path;

/// A loaded pipeline. Immutable after loading, so one instance serves many threads.
#[derive(Debug)]
pub struct Analyzer {
    norms: LexemeNorms,
    tok2vec: Tok2Vec,
    tagger: Tagger,
    parser_model: ParserModel,
    parser: ArcEager,
    ner_tok2vec: Tok2Vec,
    ner_model: ParserModel,
    ner: Biluo,
}

impl Analyzer {
    /// The default model, compiled into the binary.
    pub fn embedded() -> Result<Analyzer, AnalysisError> {
        Analyzer::from_files(&ModelFiles::embedded())
    }

    /// A spaCy pipeline directory of the same architecture as `en_core_web_sm` 3.8.
    pub fn from_dir(dir: &Path) -> Result<Analyzer, AnalysisError> {
        Analyzer::from_files(&ModelFiles::from_dir(dir)?)
    }

    /// Builds the pipeline from the bytes of its files.
    pub fn from_files(files: &ModelFiles) -> Result<Analyzer, AnalysisError> {
        files.check_config()?;
        let norms = LexemeNorms::from_msgpack(&files.vocab_lookups)?;
        let t2v_weights = ModelWeights::from_msgpack("tok2vec/model", &files.tok2vec)?;
        let tok2vec = Tok2Vec::from_weights(&t2v_weights)?;
        drop(t2v_weights);
        let tagger_weights = ModelWeights::from_msgpack("tagger/model", &files.tagger)?;
        let tagger = Tagger::new(&tagger_weights, &files.tagger_cfg, tok2vec.width())?;
        let parser_weights = ModelWeights::from_msgpack("parser/model", &files.parser)?;
        let parser_model = ParserModel::from_weights(&parser_weights, tok2vec.width())?;
        let parser = ArcEager::new(&read_moves("parser/moves", &files.parser_moves, |_, _| true)?)?;
        check_classes("parser", parser_model.n_classes(), parser.n_classes())?;
        let ner_weights = ModelWeights::from_msgpack("ner/model", &files.ner)?;
        let ner_tok2vec = Tok2Vec::from_weights(&ner_weights)?;
        let ner_model = ParserModel::from_weights(&ner_weights, ner_tok2vec.width())?;
        drop(ner_weights);
        let ner = Biluo::new(&read_moves("ner/moves", &files.ner_moves, keep_biluo_move)?)?;
        check_classes("ner", ner_model.n_classes(), ner.n_classes())?;
        Ok(Analyzer {
            norms,
            tok2vec,
            tagger,
            parser_model,
            parser,
            ner_tok2vec,
            ner_model,
            ner,
        })
    }

    /// Runs the statistical components over an already tokenized document: fills each token's norm (when
    /// the tokenizer left it empty), tag, head, dependency label and sentence start, and the entities.
    pub fn annotate(&self, doc: &mut Doc) {
        let n = doc.tokens.len();
        doc.ents.clear();
        if n == 0 {
            return;
        }
        let mut feats = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        for t in doc.tokens.iter_mut() {
            let text = doc.text.get(t.start..t.end).unwrap_or("");
            if t.norm.is_empty() {
                t.norm = self.norms.norm(text);
            }
            feats.push(TokenFeatures::new(text, &t.norm, t.space_after));
            flags.push(TokenFlags {
                is_space: is_space(text),
                sent_start: false,
            });
        }
        let tokvecs = self.tok2vec.forward(&feats);
        for (t, tag) in doc.tokens.iter_mut().zip(self.tagger.predict(&tokvecs, n)) {
            t.tag = tag.to_string();
        }
        let state = self.parser_model.parse(&self.parser, &tokvecs, &flags);
        let is_space: Vec<bool> = flags.iter().map(|f| f.is_space).collect();
        let parse = self.parser.finish(&state, &is_space);
        for (i, t) in doc.tokens.iter_mut().enumerate() {
            t.head = parse.heads[i];
            t.dep.clone_from(&parse.deps[i]);
            t.sent_start = parse.sent_starts[i];
            flags[i].sent_start = parse.sent_starts[i];
        }
        let ner_vecs = self.ner_tok2vec.forward(&feats);
        let state = self.ner_model.parse(&self.ner, &ner_vecs, &flags);
        for t in doc.tokens.iter_mut() {
            t.ent_iob = EntIob::Outside;
            t.ent_type.clear();
        }
        for (start, end, label) in self.ner.entities(&state) {
            for (k, t) in doc.tokens[start..end.min(n)].iter_mut().enumerate() {
                t.ent_iob = if k == 0 { EntIob::Begin } else { EntIob::Inside };
                t.ent_type = label.to_string();
            }
        }
        doc.ents_from_iob();
    }

    /// Annotates many tokenized documents on `threads` threads (0: all cores), keeping their order.
    pub fn annotate_batch(&self, docs: &mut [Doc], threads: usize) {
        let run = |docs: &mut [Doc]| docs.par_iter_mut().for_each(|d| self.annotate(d));
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| run(docs)),
            Err(_) => docs.iter_mut().for_each(|d| self.annotate(d)),
        }
    }
}

fn check_classes(component: &str, model: usize, moves: usize) -> Result<(), AnalysisError> {
    if model == moves {
        Ok(())
    } else {
        Err(AnalysisError::Unsupported(format!(
            "{component}: the model scores {model} classes but the moves file defines {moves}"
        )))
    }
}
