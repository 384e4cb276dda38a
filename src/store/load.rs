//! Bulk loading of RDF files (e.g. the N-Quads shards of `kg extract --format nq`) through oxigraph's bulk
//! loader: sorted runs written as SST files and ingested at commit, so an interrupted load leaves the store as
//! it was.

use super::{KgStore, StoreError, StoreResult};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::LoaderError;
use std::io::Read;

/// What a load did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Quads read (duplicates included).
    pub quads: u64,
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
        let mut quads = 0u64;
        let mut loader = self.store.bulk_loader();
        // Blank nodes are renamed per load so that two files' `_:b0` stay apart, as oxigraph's own loader does.
        let mut parser = RdfParser::from_format(format).rename_blank_nodes();
        if lenient {
            parser = parser.lenient();
        }
        let parsed = parser.for_reader(reader).inspect(|_| quads += 1);
        loader
            .load_ok_quads::<oxigraph::io::RdfParseError, LoaderError>(parsed)
            .map_err(|e| match e {
                LoaderError::Parsing(p) => StoreError::Parse(p.to_string()),
                LoaderError::Storage(s) => StoreError::Storage(s),
                other => StoreError::Parse(other.to_string()),
            })?;
        loader.commit()?;
        self.store.insert(self.stale_marker().as_ref())?;
        Ok(LoadSummary { quads })
    }
}

/// The RDF format of a file name's extension (`.nq`, `.nt`, `.ttl`, `.trig`, `.rdf`, `.jsonld`, ...).
pub fn format_of(path: &std::path::Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    RdfFormat::from_extension(&ext)
}
