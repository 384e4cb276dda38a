//! Command-line arguments (clap derive). Doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use std::path::PathBuf;

/// kg: turn articles into a knowledge graph you can query, walk and export.
#[derive(Debug, Parser)]
#[command(name = "kg", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the input documents come from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or folders (recursively: .txt, .md, .jsonl); `-` reads one document from stdin.
    #[arg(value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Read one document per line of FILE (`-` for stdin).
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub lines: Option<PathBuf>,
}

/// The store to use.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// The store directory.
    #[arg(long, env = "KG_STORE", default_value = "./kg-store", value_hint = ValueHint::DirPath)]
    pub store: PathBuf,
}

/// The analysis model to use.
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// A spaCy v3 pipeline directory of en_core_web_sm's architecture (default: the embedded model).
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub model: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse documents: tokens, tags, lemmas, parse, entities.
    Analyze(AnalyzeArgs),
    /// Extract open triples (clause-based Open IE) from documents.
    Extract(ExtractArgs),
}

/// `kg analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Input documents.
    #[command(flatten)]
    pub input: InputArgs,
    /// Model and threads.
    #[command(flatten)]
    pub model: ModelArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Jsonl)]
    pub format: AnalyzeFormat,
}

/// Output formats of `kg analyze`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AnalyzeFormat {
    /// One JSON object per document, in spaCy's field names.
    Jsonl,
    /// CoNLL-U, one sentence per block.
    Conllu,
    /// A readable table per sentence.
    Text,
}

/// `kg extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input documents.
    #[command(flatten)]
    pub input: InputArgs,
    /// Read pre-analysed documents, one JSON object per line in spaCy's oracle form (`-` for stdin), instead
    /// of analysing text.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with_all = ["paths", "lines"])]
    pub analyzed: Option<PathBuf>,
    /// Model and threads.
    #[command(flatten)]
    pub model: ModelArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Oie)]
    pub format: ExtractFormat,
    /// Drop triples below this confidence (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f32,
    /// Run only these constructions (comma-separated: clause, copula, relative, participial, apposition,
    /// participle, possessive, title).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub constructions: Vec<String>,
    /// Coordinated subjects and objects: one triple per conjunct (split), the coordination whole (joined), or
    /// both.
    #[arg(long, value_enum, default_value_t = CoordinationArg::Split)]
    pub coordination: CoordinationArg,
    /// What the first column of `oie` output holds.
    #[arg(long, value_enum, default_value_t = OieContext::Line)]
    pub oie_context: OieContext,
}

/// Output formats of `kg extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Open IE: `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...` (what CaRB scores).
    Oie,
    /// One JSON object per raw triple, with token and byte offsets.
    Jsonl,
    /// Resolved facts as tab-separated values.
    Tsv,
    /// Resolved facts as N-Quads, one named graph per document.
    Nq,
}

/// The first column of `oie` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OieContext {
    /// The input line the sentence is on (CaRB's sentence for one-sentence-per-line input).
    Line,
    /// The sentence alone.
    Sentence,
}

/// `--coordination` of `kg extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoordinationArg {
    /// One triple per conjunct.
    Split,
    /// One triple with the whole coordination.
    Joined,
    /// Both.
    Both,
}
