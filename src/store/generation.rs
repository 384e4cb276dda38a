//! The store's generation: a token that every write replaces, in the write's own transaction, so that
//! what is computed from the store and kept elsewhere (the persisted projection of
//! [`crate::graph`]) knows whether it is still current.

use super::iri::{Namespaces, vocab};
use super::{KgStore, StoreResult};
use oxigraph::model::{GraphNameRef, Literal, NamedOrBlankNode, Quad, QuadRef, Term};
use oxigraph::store::{StorageError, Transaction};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A token no other write (of this or another process) has used: the time in nanoseconds, the process id
/// and a counter.
fn fresh_token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!(
        "{nanos:x}-{:x}-{:x}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Replaces the generation token inside `tx`: call it in every transaction that changes the store.
pub(crate) fn advance(tx: &mut Transaction<'_>, ns: &Namespaces) -> Result<(), StorageError> {
    let (meta, prop) = (ns.meta_graph(), ns.term(vocab::GENERATION));
    let old = tx
        .quads_for_pattern(
            Some(meta.as_ref().into()),
            Some(prop.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(meta.as_ref())),
        )
        .collect::<Result<Vec<Quad>, _>>()?;
    for quad in &old {
        tx.remove(quad);
    }
    let token = Literal::new_simple_literal(fresh_token());
    tx.insert(QuadRef::new(&meta, &prop, &token, &meta));
    Ok(())
}

impl KgStore {
    /// The token the last write left (see [`crate::store`]'s generation): equal tokens, equal stores. `None`
    /// for a store no write has touched since this scheme began.
    pub fn generation(&self) -> StoreResult<Option<String>> {
        let (meta, prop) = (self.ns.meta_graph(), self.ns.term(vocab::GENERATION));
        for quad in self.store.quads_for_pattern(
            Some(NamedOrBlankNode::from(meta.clone()).as_ref()),
            Some(prop.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(meta.as_ref())),
        ) {
            if let Term::Literal(l) = quad?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// Replaces the generation token on its own, after a write that could not do it in its transaction (a
    /// SPARQL update, a bulk load).
    pub fn advance_generation(&self) -> StoreResult<()> {
        let mut tx = self.store.start_transaction()?;
        advance(&mut tx, &self.ns)?;
        tx.commit()?;
        Ok(())
    }
}

/// A value saved beside the store with the generation it was computed at.
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved<T> {
    generation: String,
    value: T,
}

impl KgStore {
    /// The value saved in the file `name` of the store's folder by [`KgStore::save_beside`], if it was
    /// computed at the store's current generation (`None` otherwise, or for a store in memory, or when the
    /// file is missing or unreadable).
    pub fn load_beside<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
    ) -> StoreResult<Option<T>> {
        let (Some(dir), Some(generation)) = (self.path(), self.generation()?) else {
            return Ok(None);
        };
        let Ok(text) = std::fs::read(dir.join(name)) else {
            return Ok(None);
        };
        Ok(serde_json::from_slice::<Saved<T>>(&text)
            .ok()
            .filter(|saved| saved.generation == generation)
            .map(|saved| saved.value))
    }

    /// Saves `value`, computed from the store as it is now, in the file `name` of the store's folder
    /// (through a temporary file renamed over it, so that a reader never sees half a file). Nothing for a
    /// store in memory.
    ///
    /// # Errors
    /// When the file cannot be written (a read-only folder).
    pub fn save_beside<T: serde::Serialize>(&self, name: &str, value: &T) -> StoreResult<()> {
        let (Some(dir), Some(generation)) = (self.path(), self.generation()?) else {
            return Ok(());
        };
        let file = dir.join(name);
        let temporary = dir.join(format!("{name}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&temporary)?);
            serde_json::to_writer(&mut out, &Saved { generation, value })?;
            std::io::Write::flush(&mut out)?;
            drop(out);
            std::fs::rename(&temporary, &file)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        Ok(result?)
    }
}
