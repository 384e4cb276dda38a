//! `kg remove`.

use super::args::RemoveArgs;
use anyhow::Result;

/// Runs `kg remove`: each document in its own transaction, then one inference refresh.
pub fn run(args: &RemoveArgs) -> Result<()> {
    // Removing from a store that does not exist must not create one.
    kg::store::check_store_path(&args.store.store, false)?;
    let store = super::open_write(&args.store.store, None)?;
    for id in &args.ids {
        if !store.contains_document(id)? {
            let known = store.documents()?;
            let mut close: Vec<&String> = known.iter().collect();
            close.sort_by_key(|k| kg::graph::edit_distance(id, k));
            close.truncate(3);
            if close.is_empty() {
                anyhow::bail!("no document {id:?} in the store (it is empty)");
            }
            anyhow::bail!(
                "no document {id:?} in the store; closest ids: {}",
                close
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    for id in &args.ids {
        store.remove_document(id)?;
    }
    let inferred = store.refresh_inferences(super::reasoner(&store)?.as_ref())?;
    super::finish_write(&store)?;
    eprintln!(
        "kg remove: removed {} document{}; {} inferred triples",
        args.ids.len(),
        if args.ids.len() == 1 { "" } else { "s" },
        inferred
    );
    Ok(())
}
