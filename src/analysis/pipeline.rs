//! The analysis pipeline: spaCy's `en_core_web_sm` components in spaCy's order, run natively.

use super::AnalysisError;
use super::attribute_ruler::AttributeRuler;
use super::doc::{Doc, EntIob};
use super::gemm::recycle;
use super::lemmatizer::Lemmatizer;
use super::lexeme::{LexemeNorms, TokenFeatures, is_space};
use super::model_files::ModelFiles;
use super::parser::{
    ArcEager, Biluo, DecodeBuffers, ParserModel, TokenFlags, keep_biluo_move, read_moves,
};
use super::tagger::Tagger;
use super::tok2vec::Tok2Vec;
use super::tokenizer::Tokenizer;
use super::weights::ModelWeights;
use rayon::prelude::*;
use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// A loaded pipeline: tokenizer -> tok2vec -> tagger -> parser -> attribute ruler -> lemmatizer -> ner,
/// spaCy's order. Immutable after loading, so one instance serves many threads.
pub struct Analyzer {
    tokenizer: Tokenizer,
    attribute_ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
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
        let tokenizer = Tokenizer::from_msgpack(&files.tokenizer)?;
        let attribute_ruler = AttributeRuler::from_msgpack(&files.attribute_ruler)?;
        let lemmatizer = Lemmatizer::from_msgpack(&files.lemmatizer_lookups)?;
        let norms = LexemeNorms::from_msgpack(&files.vocab_lookups)?;
        let t2v_weights = ModelWeights::from_msgpack("tok2vec/model", &files.tok2vec)?;
        let tok2vec = Tok2Vec::from_weights(&t2v_weights)?;
        drop(t2v_weights);
        let tagger_weights = ModelWeights::from_msgpack("tagger/model", &files.tagger)?;
        let tagger = Tagger::new(&tagger_weights, &files.tagger_cfg, tok2vec.width())?;
        let parser_weights = ModelWeights::from_msgpack("parser/model", &files.parser)?;
        let parser_model = ParserModel::from_weights(&parser_weights, tok2vec.width())?;
        let parser = ArcEager::new(&read_moves("parser/moves", &files.parser_moves, |_, _| {
            true
        })?)?;
        check_classes("parser", parser_model.n_classes(), parser.n_classes())?;
        let ner_weights = ModelWeights::from_msgpack("ner/model", &files.ner)?;
        let ner_tok2vec = Tok2Vec::from_weights(&ner_weights)?;
        let ner_model = ParserModel::from_weights(&ner_weights, ner_tok2vec.width())?;
        drop(ner_weights);
        let ner = Biluo::new(&read_moves("ner/moves", &files.ner_moves, keep_biluo_move)?)?;
        check_classes("ner", ner_model.n_classes(), ner.n_classes())?;
        Ok(Analyzer {
            tokenizer,
            attribute_ruler,
            lemmatizer,
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

    /// Analyses one document: tokens with byte offsets into `text`, tags, POS, morphology, lemmas, the
    /// dependency parse, sentences and entities.
    pub fn analyze(&self, id: impl Into<String>, text: impl Into<String>) -> Doc {
        let mut doc = self.tokenized(id.into(), text.into());
        self.annotate(&mut doc);
        doc
    }

    /// Analyses many documents `(id, text)` on `threads` threads (0: all cores); the result is in input
    /// order. Documents are annotated in chunks of about [`CHUNK_TOKENS`] tokens, which is much faster than
    /// one [`Analyzer::analyze`] call per document.
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, docs: &[(S, S)], threads: usize) -> Vec<Doc> {
        let owned = || {
            docs.iter()
                .map(|(id, text)| (id.as_ref().to_string(), text.as_ref().to_string()))
                .collect()
        };
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| self.analyze_owned(owned())),
            Err(_) => self.analyze_owned(owned()),
        }
    }

    /// Analyses documents `(id, text)` on the current rayon pool, keeping their order; like
    /// [`Analyzer::analyze_batch`] without copying the texts or building a pool.
    pub fn analyze_owned(&self, docs: Vec<(String, String)>) -> Vec<Doc> {
        let inputs = docs
            .into_iter()
            .map(|(id, text)| AnalysisInput {
                id,
                text,
                sentence_starts: Vec::new(),
            })
            .collect();
        self.analyze_controlled(inputs, Control::default())
    }

    /// Analyses documents on the current rayon pool, keeping their order, with sentence starts forced at
    /// given offsets, a stop flag checked before each chunk (a stopped analysis leaves the remaining
    /// documents tokenized only: the caller discards them) and progress reported per chunk.
    pub fn analyze_controlled(&self, docs: Vec<AnalysisInput>, control: Control<'_>) -> Vec<Doc> {
        let mut out: Vec<Doc> = docs
            .into_par_iter()
            .map(|input| {
                let mut doc = self.tokenized(input.id, input.text);
                force_sentence_starts(&mut doc, &input.sentence_starts);
                doc
            })
            .collect();
        let stopped = || control.stop.is_some_and(|s| s.load(Ordering::Relaxed));
        split_chunks(&mut out).into_par_iter().for_each(|c| {
            if stopped() {
                return;
            }
            self.annotate_preset(c, true);
            if let Some(progress) = control.progress {
                progress(c.iter().map(|d| d.text.len()).sum());
            }
        });
        out
    }

    fn tokenized(&self, id: String, text: String) -> Doc {
        let tokens = self.tokenizer.tokenize(&text);
        Doc {
            id,
            text,
            tokens,
            ents: Vec::new(),
        }
    }

    /// Runs every component after the tokenizer over an already tokenized document: fills each token's
    /// norm (when the tokenizer left it empty), tag, POS, morphology, lemma, head, dependency label and
    /// sentence start, and the entities. Earlier annotations are replaced.
    pub fn annotate(&self, doc: &mut Doc) {
        self.annotate_chunk(std::slice::from_mut(doc));
    }

    /// Annotates several tokenized documents together: the token-level networks run once over all of
    /// them (large matrix products), the decoders per document.
    pub fn annotate_chunk(&self, docs: &mut [Doc]) {
        self.annotate_preset(docs, false);
    }

    /// [`Analyzer::annotate_chunk`]; with `preset`, the tokens' `sent_start` flags (after the first token)
    /// are sentence starts the parser must keep, as spaCy's parser keeps boundaries set before it runs.
    fn annotate_preset(&self, docs: &mut [Doc], preset: bool) {
        let mut feats: Vec<Vec<TokenFeatures>> = Vec::with_capacity(docs.len());
        let mut flags: Vec<Vec<TokenFlags>> = Vec::with_capacity(docs.len());
        for doc in docs.iter_mut() {
            doc.ents.clear();
            let mut f = Vec::with_capacity(doc.tokens.len());
            let mut fl = Vec::with_capacity(doc.tokens.len());
            for (i, t) in doc.tokens.iter_mut().enumerate() {
                let text = doc.text.get(t.start..t.end).unwrap_or("");
                t.pos.clear();
                t.morph.clear();
                t.lemma.clear();
                if t.norm.is_empty() {
                    t.norm = self.norms.norm(text);
                }
                f.push(TokenFeatures::new(text, &t.norm, t.space_after));
                fl.push(TokenFlags {
                    is_space: is_space(text),
                    sent_start: preset && i > 0 && t.sent_start,
                });
            }
            feats.push(f);
            flags.push(fl);
        }
        let feat_refs: Vec<&[TokenFeatures]> = feats.iter().map(Vec::as_slice).collect();
        let total: usize = feats.iter().map(Vec::len).sum();
        // Shared tok2vec -> tagger and parser; the token-level products run once over the whole chunk.
        BUFFERS.with_borrow_mut(|b| self.annotate_features(docs, &feat_refs, &mut flags, total, b));
    }

    /// The networks and decoders of [`Analyzer::annotate_chunk`], over the documents' token features.
    fn annotate_features(
        &self,
        docs: &mut [Doc],
        feat_refs: &[&[TokenFeatures]],
        flags: &mut [Vec<TokenFlags>],
        total: usize,
        buffers: &mut ChunkBuffers,
    ) {
        let ChunkBuffers {
            tokvecs,
            parser,
            ner,
        } = buffers;
        let lengths: Vec<usize> = docs.iter().map(|d| d.tokens.len()).collect();
        self.tok2vec.forward_concat_into(feat_refs, tokvecs);
        let tags = self.tagger.predict(tokvecs, total);
        self.parser_model
            .for_each_document(tokvecs, &lengths, parser, |d, offset, cache| {
                let (doc, fl) = (&mut docs[d], &mut flags[d]);
                let n = doc.tokens.len();
                for (t, tag) in doc.tokens.iter_mut().zip(&tags[offset..offset + n]) {
                    t.tag.clear();
                    t.tag.push_str(tag);
                }
                let state = self.parser_model.parse(&self.parser, cache, fl);
                let is_space: Vec<bool> = fl.iter().map(|f| f.is_space).collect();
                let parse = self.parser.finish(&state, &is_space);
                for (i, t) in doc.tokens.iter_mut().enumerate() {
                    t.head = parse.heads[i];
                    t.dep.clear();
                    t.dep.push_str(parse.deps[i]);
                    t.sent_start = parse.sent_starts[i];
                    fl[i].sent_start = parse.sent_starts[i];
                }
                self.attribute_ruler.apply(doc);
                self.lemmatizer.apply(doc);
            });
        // The entity recogniser has its own tok2vec.
        self.ner_tok2vec.forward_concat_into(feat_refs, tokvecs);
        self.ner_model
            .for_each_document(tokvecs, &lengths, ner, |d, _, cache| {
                let (doc, fl) = (&mut docs[d], &flags[d]);
                let n = doc.tokens.len();
                let state = self.ner_model.parse(&self.ner, cache, fl);
                for t in doc.tokens.iter_mut() {
                    t.ent_iob = EntIob::Outside;
                    t.ent_type.clear();
                }
                for (start, end, label) in self.ner.entities(&state) {
                    for (k, t) in doc.tokens[start..end.min(n)].iter_mut().enumerate() {
                        t.ent_iob = if k == 0 {
                            EntIob::Begin
                        } else {
                            EntIob::Inside
                        };
                        t.ent_type = label.to_string();
                    }
                }
                doc.ents_from_iob();
            });
        recycle(tokvecs);
    }

    /// Annotates many tokenized documents on `threads` threads (0: all cores), keeping their order.
    /// Documents are grouped into chunks of about [`CHUNK_TOKENS`] tokens; chunks run in parallel.
    pub fn annotate_batch(&self, docs: &mut [Doc], threads: usize) {
        let chunks = split_chunks(docs);
        let run =
            |chunks: Vec<&mut [Doc]>| chunks.into_par_iter().for_each(|c| self.annotate_chunk(c));
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| run(chunks)),
            Err(_) => chunks.into_iter().for_each(|c| self.annotate_chunk(c)),
        }
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("parser_classes", &self.parser.n_classes())
            .field("ner_classes", &self.ner.n_classes())
            .finish_non_exhaustive()
    }
}

/// A document to analyse, with the byte offsets where a sentence must start (the end of a headline).
#[derive(Debug, Clone, Default)]
pub struct AnalysisInput {
    /// The document's identifier.
    pub id: String,
    /// The text.
    pub text: String,
    /// Byte offsets into `text`: the first word at or after each starts a sentence.
    pub sentence_starts: Vec<usize>,
}

/// What a caller can ask of a long analysis: to stop early, and to hear of progress.
#[derive(Clone, Copy, Default)]
pub struct Control<'a> {
    /// Checked before each chunk of documents; once set, the remaining chunks are skipped.
    pub stop: Option<&'a AtomicBool>,
    /// Called with the text bytes of each chunk annotated (from the worker threads).
    pub progress: Option<&'a (dyn Fn(usize) + Sync)>,
}

impl std::fmt::Debug for Control<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("stop", &self.stop)
            .finish_non_exhaustive()
    }
}

/// Marks the first non-space token at or after each offset (not the document's first) as a sentence start.
fn force_sentence_starts(doc: &mut Doc, offsets: &[usize]) {
    for &offset in offsets {
        let first = doc.tokens.partition_point(|t| t.start < offset);
        let word = (first..doc.tokens.len()).find(|&i| {
            !is_space(
                doc.text
                    .get(doc.tokens[i].start..doc.tokens[i].end)
                    .unwrap_or(""),
            )
        });
        if let Some(i) = word.filter(|&i| i > 0) {
            doc.tokens[i].sent_start = true;
        }
    }
}

/// The large buffers of one chunk, kept per thread for the next (see `gemm::recycle`).
#[derive(Default)]
struct ChunkBuffers {
    tokvecs: Vec<f32>,
    parser: DecodeBuffers,
    ner: DecodeBuffers,
}

thread_local! {
    static BUFFERS: RefCell<ChunkBuffers> = RefCell::new(ChunkBuffers::default());
}

/// Token budget of one chunk of documents annotated together.
pub const CHUNK_TOKENS: usize = 2048;

fn split_chunks(mut docs: &mut [Doc]) -> Vec<&mut [Doc]> {
    let mut out = Vec::new();
    while !docs.is_empty() {
        let mut tokens = 0;
        let mut k = 0;
        while k < docs.len() && (k == 0 || tokens + docs[k].tokens.len() <= CHUNK_TOKENS) {
            tokens += docs[k].tokens.len();
            k += 1;
        }
        let (head, tail) = docs.split_at_mut(k);
        out.push(head);
        docs = tail;
    }
    out
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
