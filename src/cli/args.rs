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
    /// Serve the store over HTTP: SPARQL endpoint, Graph Store reads and the explorer page.
    Serve(ServeArgs),
    /// Send the store, or some documents, to an external SPARQL 1.1 store.
    Push(PushArgs),
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

/// `kg serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store to serve.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub bind: String,
    /// Bearer token that enables `/update` and `POST /documents` (without it both answer 401).
    #[arg(
        long,
        env = "KG_UPDATE_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub update_token: Option<String>,
    /// Time limit of one query, in seconds.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Rows (SELECT) or triples (CONSTRUCT, graph reads) one response may hold.
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    pub max_results: usize,
    /// Largest request body, in bytes (suffixes K, M, G).
    #[arg(long, default_value = "16M", value_name = "SIZE", value_parser = parse_size)]
    pub max_body: usize,
    /// Queries evaluated at once (default: four per core, at least 16).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Seconds a client has to send a request head or body, or to read a response.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub client_timeout: f64,
    /// Open connections at most; more are refused with 503.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub max_connections: usize,
    /// Open the store read-only (no lock: several servers may share a store nothing writes to).
    #[arg(long, conflicts_with = "update_token")]
    pub read_only: bool,
}

/// `kg push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The store to read.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The SPARQL 1.1 Update endpoint (used when no --graph-store is given).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The Graph Store HTTP Protocol endpoint: each document graph is sent with one idempotent PUT.
    #[arg(long, value_name = "URL")]
    pub graph_store: Option<String>,
    /// HTTP basic authentication.
    #[arg(long, value_name = "USER:PASS", conflicts_with = "bearer")]
    pub auth: Option<String>,
    /// Bearer token authentication.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "KG_PUSH_TOKEN",
        hide_env_values = true
    )]
    pub bearer: Option<String>,
    /// Send only this document's graph (repeatable; default: every graph in the store).
    #[arg(long = "doc", value_name = "ID")]
    pub docs: Vec<String>,
    /// How statements about triples are written: RDF 1.2 triple terms, or rdf:Statement for older stores.
    #[arg(long, value_enum, default_value_t = Reification::Rdf12)]
    pub reification: Reification,
    /// Graphs per SPARQL Update request.
    #[arg(long, default_value_t = 16, value_name = "N")]
    pub batch: usize,
    /// Retries of a failed request (with exponential backoff).
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub retries: u32,
}

/// How reification is written for external stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Reification {
    /// RDF 1.2: `rdf:reifies` and triple terms.
    Rdf12,
    /// RDF 1.1: `rdf:Statement` with `rdf:subject`, `rdf:predicate`, `rdf:object`.
    Classic,
}

/// Parses a size like `16M` or `1048576`.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, factor) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 1usize << 10),
        Some((i, 'm' | 'M')) => (&text[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&text[..i], 1 << 30),
        _ => (text, 1),
    };
    digits
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("not a size: {text:?} (e.g. 16M)"))
}
