//! Bulk loading of RDF files (e.g. the N-Quads shards of `kg extract --format nq`) through oxigraph's bulk
//! loader: sorted runs written as SST files and ingested at commit, so an interrupted load leaves the store as
//! it was. All the inputs of one load are committed together.

use super::{KgStore, StoreError, StoreResult};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use oxigraph::store::LoaderError;
use std::io::Read;

/// What a load did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Quads read (duplicates included).
    pub quads: u64,
    /// Inputs read.
    pub inputs: usize,
}

/// How to load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// IRIs and literals are not validated (faster, for trusted input such as `kg extract --format nq`
    /// shards).
    pub lenient: bool,
    /// The total size of the inputs in bytes, when known: it sets the loader's batch size.
    pub size_hint: Option<u64>,
}

/// One input of a load.
pub struct LoadInput<'a> {
    /// A name for messages (the file name, `-` for stdin).
    pub name: String,
    /// Its RDF format.
    pub format: RdfFormat,
    /// The bytes.
    pub reader: Box<dyn Read + 'a>,
}

impl std::fmt::Debug for LoadInput<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadInput")
            .field("name", &self.name)
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

/// Quads per batch of the bulk loader when the input size is unknown, and the bounds of the batch size.
const UNKNOWN_SIZE_BATCH: usize = 250_000;
const MIN_BATCH: usize = 50_000;
const MAX_BATCH: usize = 1_000_000;
/// A generous estimate of an N-Quads line's length (kg's provenance quads average ~150-190 bytes): too small
/// an estimate only makes batches smaller.
const BYTES_PER_QUAD: u64 = 150;
/// How many batches an input of known size is cut into, at least.
const TARGET_BATCHES: u64 = 4;

/// The bulk loader's batch size (quads) for an input of `size_hint` bytes.
///
/// oxigraph's loader parses on the calling thread and hands every full batch to a worker thread, which
/// encodes, sorts and writes it as SST files (most of the work). Its default batch of a million quads holds a
/// whole file of 10^5 facts with provenance, so parsing and writing would run one after the other on one core
/// each. Cutting the input into about four batches lets parsing and two workers overlap; keeping the batches
/// large otherwise keeps the number of SST files small, which every later read has to consult until RocksDB
/// compacts them.
fn batch_size(size_hint: Option<u64>) -> usize {
    match size_hint {
        Some(bytes) => {
            let quads = bytes / BYTES_PER_QUAD / TARGET_BATCHES;
            usize::try_from(quads)
                .unwrap_or(MAX_BATCH)
                .clamp(MIN_BATCH, MAX_BATCH)
        }
        None => UNKNOWN_SIZE_BATCH,
    }
}

impl KgStore {
    /// Loads RDF in `format` from `reader`; triples of triple formats go to the default graph. The load is
    /// atomic; afterwards the inferred graph is marked stale.
    pub fn load(&self, format: RdfFormat, reader: impl Read) -> StoreResult<LoadSummary> {
        self.load_with(format, reader, false)
    }

    /// [`KgStore::load`], optionally `lenient`: IRIs and literals are not validated (faster, for trusted input
    /// such as `kg extract --format nq` shards).
    pub fn load_with(
        &self,
        format: RdfFormat,
        reader: impl Read,
        lenient: bool,
    ) -> StoreResult<LoadSummary> {
        let input = LoadInput {
            name: "input".to_string(),
            format,
            reader: Box::new(reader),
        };
        self.load_all(
            [Ok(input)],
            LoadOptions {
                lenient,
                size_hint: None,
            },
        )
    }

    /// Loads every input in one atomic bulk load: either all of them get into the store or, on any error (a
    /// parse error, an input that cannot be opened) or interruption, none does. The derived graphs
    /// (entities, facts) are then recomputed from the document graphs. Triples of triple formats go
    /// to the default graph; blank nodes are renamed per input, so two files' `_:b0` stay apart. The inferred
    /// graph is marked stale before the load commits.
    pub fn load_all<'a>(
        &self,
        inputs: impl IntoIterator<Item = StoreResult<LoadInput<'a>>>,
        options: LoadOptions,
    ) -> StoreResult<LoadSummary> {
        // Marked stale before the load (and before the loader exists: oxigraph's in-memory loader holds the
        // store's write lock): should the process die after the commit, the next writer recomputes the
        // inferences. A load that fails takes the mark back.
        // The marks: inferences, derived graphs and the corpus pass are all stale after a load.
        let marks = [
            self.stale_marker(),
            self.derived_stale_marker(),
            self.identities_stale_marker(),
        ];
        let mut were_set = Vec::with_capacity(marks.len());
        for mark in &marks {
            were_set.push(self.store.contains(mark.as_ref())?);
            self.store.insert(mark.as_ref())?;
        }
        self.advance_generation()?;
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let batch = batch_size(options.size_hint);
        // oxigraph derives its batch size from a memory budget: budget (MB) * 1000 / threads quads.
        let loader = self
            .store
            .bulk_loader()
            .with_num_threads(threads)
            .with_max_memory_size_in_megabytes((batch * threads).div_ceil(1000));
        let result = self.bulk_load(loader, inputs, options.lenient);
        if result.is_err() {
            for (mark, was_set) in marks.iter().zip(were_set) {
                if !was_set {
                    self.store.remove(mark.as_ref())?;
                }
            }
            return result;
        }
        // Loaded document graphs (shards) bring evidence and reifiers; the derived graphs follow from them.
        self.refresh_derived()?;
        result
    }

    fn bulk_load<'a>(
        &self,
        mut loader: oxigraph::store::BulkLoader<'_>,
        inputs: impl IntoIterator<Item = StoreResult<LoadInput<'a>>>,
        lenient: bool,
    ) -> StoreResult<LoadSummary> {
        let count = std::cell::Cell::new(0u64);
        let mut input_count = 0;
        let quads = inputs.into_iter().flat_map(|input| {
            let parsed: Box<dyn Iterator<Item = StoreResult<Quad>>> = match input {
                Err(e) => Box::new(std::iter::once(Err(e))),
                Ok(input) => {
                    input_count += 1;
                    let mut parser = RdfParser::from_format(input.format).rename_blank_nodes();
                    if lenient {
                        parser = parser.lenient();
                    }
                    let name = input.name;
                    Box::new(parser.for_reader(input.reader).map(move |quad| {
                        quad.map_err(|e| StoreError::Parse(format!("{name}: {e}")))
                    }))
                }
            };
            parsed
        });
        let counted = quads.inspect(|_| count.set(count.get() + 1));
        loader
            .load_ok_quads::<StoreError, LoadFailure>(counted)
            .map_err(|LoadFailure(e)| e)?;
        loader.commit()?;
        Ok(LoadSummary {
            quads: count.get(),
            inputs: input_count,
        })
    }
}

/// The loader's error type: oxigraph wants one convertible from both the input's and the storage's errors.
struct LoadFailure(StoreError);

impl From<StoreError> for LoadFailure {
    fn from(e: StoreError) -> Self {
        Self(e)
    }
}

impl From<oxigraph::store::StorageError> for LoadFailure {
    fn from(e: oxigraph::store::StorageError) -> Self {
        Self(StoreError::Storage(e))
    }
}

impl From<LoaderError> for LoadFailure {
    fn from(e: LoaderError) -> Self {
        Self(match e {
            LoaderError::Parsing(p) => StoreError::Parse(p.to_string()),
            LoaderError::Storage(s) => StoreError::Storage(s),
            other => StoreError::Parse(other.to_string()),
        })
    }
}

/// The RDF format of a file name's extension (`.nq`, `.nt`, `.ttl`, `.trig`, `.rdf`, `.jsonl`, ...).
pub fn format_of(path: &std::path::Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    RdfFormat::from_extension(&ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_cut_known_inputs_in_about_four() {
        for (size, batch) in [
            (None, UNKNOWN_SIZE_BATCH),
            (Some(0), MIN_BATCH),
            // 10^5 facts with provenance: ~117 MB, 625k quads.
            (Some(117_000_000), 195_000),
            (Some(10_000_000_000), MAX_BATCH),
        ] {
            assert_eq!(batch_size(size), batch, "{size:?}");
        }
    }
}
