//! Command-line arguments (clap derive). Doc comments are the help text.

use super::examples;
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
    #[command(after_help = examples::ANALYZE)]
    Analyze(AnalyzeArgs),
    /// Extract open triples (clause-based Open IE) from documents.
    #[command(after_help = examples::EXTRACT)]
    Extract(ExtractArgs),
    /// Build or update the knowledge graph from documents (idempotent per document).
    #[command(after_help = examples::BUILD)]
    Build(BuildArgs),
    /// Remove documents (and everything only they said) from the store.
    #[command(after_help = examples::REMOVE)]
    Remove(RemoveArgs),
    /// Everything about one entity: names, facts by property, documents with dates, who else they mention.
    #[command(after_help = examples::ENTITY)]
    Entity(EntityArgs),
    /// Find entities by name: whole names, prefixes and word starts, most documents first.
    #[command(after_help = examples::SEARCH)]
    Search(SearchArgs),
    /// List the store's documents: id, date, title, sentences, facts and entities.
    #[command(after_help = examples::DOCUMENTS)]
    Documents(DocumentsArgs),
    /// Run a SPARQL 1.1 query over all graphs (documents, inferred, ontology).
    #[command(after_help = examples::QUERY)]
    Query(QueryArgs),
    /// Find the k shortest paths between two entities.
    #[command(after_help = examples::PATH)]
    Path(PathArgs),
    /// Export the graph: RDF, TSV, GraphViz, SVG, GraphML, Neo4j, Cypher.
    #[command(after_help = examples::EXPORT)]
    Export(ExportArgs),
    /// Counts by class and predicate, documents, the most central entities.
    #[command(after_help = examples::STATS)]
    Stats(StatsArgs),
    /// Explain why a fact is in the graph: its sentences, or the rule and premises it was inferred from.
    #[command(after_help = examples::EXPLAIN)]
    Explain(ExplainArgs),
    /// Bulk-load RDF files (e.g. `kg extract --format nq` shards) into the store.
    #[command(after_help = examples::LOAD)]
    Load(LoadArgs),
    /// Serve the store over HTTP: SPARQL endpoint, Graph Store reads and the explorer page.
    #[command(after_help = examples::SERVE)]
    Serve(ServeArgs),
    /// Send the store, or some documents, to an external SPARQL 1.1 store.
    #[command(after_help = examples::PUSH)]
    Push(PushArgs),
}

/// `kg build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input documents.
    #[command(flatten)]
    pub input: InputArgs,
    /// Model and threads.
    #[command(flatten)]
    pub model: ModelArgs,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Base IRI of a new store's entities, documents and facts.
    #[arg(long, env = "KG_BASE", value_name = "IRI")]
    pub base: Option<String>,
    /// Extra ontology Turtle files (classes, properties, lexical forms, rules, gazetteer); repeatable.
    #[arg(long = "ontology", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ontologies: Vec<PathBuf>,
    /// Hide the progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Build the good documents when some inputs are bad (binary, not UTF-8, not a record, too large): list
    /// what was skipped and exit non-zero. Without it a bad input stops the build with the store unchanged.
    #[arg(long)]
    pub skip_bad: bool,
    /// The largest document accepted, in MB (a larger one is a bad input: split it into several documents).
    /// Long documents are analysed in bounded pieces, but a document is extracted, resolved and written
    /// whole: about 300 MB of memory per MB of text (a 4 MB one-line document peaks at ~1.2 GB).
    #[arg(long, value_name = "MB", default_value_t = 4)]
    pub max_document_mb: u64,
    /// Leave facts below this confidence (0 to 1) out of the graph. The default, 0.3, keeps what constructions
    /// state, the defaults read from context and hedged readings, and drops the weakest (`be at`, `have` with
    /// a description);
    /// `kg extract --format oie` still shows every triple.
    #[arg(long, value_name = "X", default_value_t = kg::pipeline::DEFAULT_MIN_CONFIDENCE)]
    pub min_confidence: f32,
}

/// `kg remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Ids of the documents to remove.
    #[arg(required = true, value_name = "DOC")]
    pub ids: Vec<String>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `kg entity`.
#[derive(Debug, Args)]
pub struct EntityArgs {
    /// The entity: a label, alias, key or IRI.
    pub name: String,
    /// How many facts and co-mentioned entities to list (documents are all listed).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `kg search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The name or its beginning (`tony bl`, `merkel`).
    #[arg(required = true, num_args = 1.., value_name = "TEXT")]
    pub text: Vec<String>,
    /// How many entities to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `kg documents`.
#[derive(Debug, Args)]
pub struct DocumentsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns.
    Table,
    /// Tab-separated values with a header.
    Tsv,
    /// One JSON object per line.
    Jsonl,
}

/// `kg query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SPARQL query (prefixes kg:, ent:, rel:, doc:, rdf:, rdfs:, skos:, xsd:, owl:, dcterms: are predeclared).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from FILE (`-` for stdin).
    #[arg(long, short, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of `kg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned table (graphs: Turtle).
    Table,
    /// SPARQL CSV results.
    Csv,
    /// SPARQL TSV results.
    Tsv,
    /// SPARQL JSON results.
    Json,
    /// SPARQL XML results.
    Xml,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Nt,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Ttl,
}

/// `kg path`.
#[derive(Debug, Args)]
#[command(override_usage = "kg path [OPTIONS] FROM TO\n       kg path [OPTIONS] --pairs FILE")]
pub struct PathArgs {
    /// The start entity: a label, alias, key or IRI.
    #[arg(required_unless_present = "pairs")]
    pub from: Option<String>,
    /// The end entity.
    #[arg(required_unless_present = "pairs")]
    pub to: Option<String>,
    /// How many paths, shortest first.
    #[arg(long, short, default_value_t = 1, value_name = "N")]
    pub k: usize,
    /// The longest path, in hops.
    #[arg(long, value_name = "L")]
    pub max_len: Option<usize>,
    /// Walk relations in both directions.
    #[arg(long)]
    pub undirected: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PathFormat::Text)]
    pub format: PathFormat,
    /// Answer many queries on one projection: FILE has one `FROM<TAB>TO` per line.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["from", "to"], value_hint = ValueHint::FilePath)]
    pub pairs: Option<PathBuf>,
    /// Print query timings on stderr (load, median and mean per query).
    #[arg(long)]
    pub timings: bool,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of `kg path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathFormat {
    /// One hop per line with its sentence.
    Text,
    /// JSON.
    Json,
    /// GraphViz DOT of the paths.
    Dot,
}

/// `kg export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// How facts' provenance is written in RDF formats (default: rdf12; classic for rdfxml).
    #[arg(long, value_enum)]
    pub reification: Option<ReificationMode>,
    /// Only the neighbourhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub around: Option<String>,
    /// Draw at most N entities (dot, svg): the --around entity and the most central ones; 0 draws all.
    #[arg(long, default_value_t = 60, value_name = "N")]
    pub max_nodes: usize,
    /// Hops around --around.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Only these relations (IRI, kg: name or label); repeatable.
    #[arg(long = "predicate", value_name = "P")]
    pub predicates: Vec<String>,
    /// Include the ontology graph (RDF formats).
    #[arg(long)]
    pub with_ontology: bool,
    /// Write to FILE (a directory for neo4j) instead of stdout.
    #[arg(long, short, value_name = "PATH", value_hint = ValueHint::AnyPath)]
    pub out: Option<PathBuf>,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Formats of `kg export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// N-Triples (all graphs merged).
    Nt,
    /// N-Quads (named graphs kept).
    Nq,
    /// Turtle (all graphs merged).
    Ttl,
    /// TriG (named graphs kept).
    Trig,
    /// RDF/XML (all graphs merged).
    Rdfxml,
    /// JSON-LD (named graphs kept).
    Jsonld,
    /// GraphViz DOT.
    Dot,
    /// SVG, laid out without GraphViz.
    Svg,
    /// GraphML (yEd, Gephi, networkx).
    Graphml,
    /// nodes.csv and relationships.csv for neo4j-admin import (into --out DIR).
    Neo4j,
    /// A Cypher script.
    Cypher,
    /// Facts with labels, confidence, kind, document and sentence.
    Tsv,
}

/// `--reification`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReificationMode {
    /// RDF 1.2 reifiers (`rdf:reifies`).
    Rdf12,
    /// RDF 1.1 `rdf:Statement`s.
    Classic,
    /// Plain triples only.
    None,
}

/// `kg stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many rows of each list (classes, predicates, central entities) the text shows; JSON lists
    /// every class and predicate.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of `kg stats` and `kg explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Readable text.
    Text,
    /// One JSON object.
    Json,
}

/// `kg explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Subject: an entity label, key or IRI.
    pub subject: String,
    /// Predicate: an IRI, kg: name or label.
    pub predicate: String,
    /// Object: an entity, or else a literal value.
    pub object: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// `kg load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// RDF files (`-` for stdin); the format comes from the extension unless --format is given.
    #[arg(required = true, value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// The RDF format (nq, nt, ttl, trig, rdf, jsonld).
    #[arg(long, value_name = "EXT")]
    pub format: Option<String>,
    /// Base IRI of a new store.
    #[arg(long, env = "KG_BASE", value_name = "IRI")]
    pub base: Option<String>,
    /// Skip IRI and literal validation: faster, for trusted input such as `kg extract --format nq` shards.
    #[arg(long)]
    pub lenient: bool,
    /// The store.
    #[command(flatten)]
    pub store: StoreArgs,
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
    /// Base IRI of the entities, documents and facts of `nq` output (as `kg build --base`), so that shards
    /// merge with a store built with it.
    #[arg(long, env = "KG_BASE", value_name = "IRI")]
    pub base: Option<String>,
    /// Extra ontology Turtle files for resolution (as `kg build --ontology`); repeatable.
    #[arg(long = "ontology", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ontologies: Vec<PathBuf>,
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
    /// Memory one query may add to the server's resident size before it is stopped (suffixes K, M, G; 0: no
    /// limit). Default: 1G, or a quarter of the machine's memory if less.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub query_memory: Option<usize>,
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
#[command(group = clap::ArgGroup::new("target").required(true).multiple(false))]
pub struct PushArgs {
    /// The store to read.
    #[command(flatten)]
    pub store: StoreArgs,
    /// A SPARQL 1.1 Update endpoint: each document graph is dropped and inserted, in batches.
    #[arg(long, value_name = "URL", group = "target")]
    pub endpoint: Option<String>,
    /// A Graph Store HTTP Protocol endpoint: each document graph is sent with one idempotent PUT.
    #[arg(long, value_name = "URL", group = "target")]
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
