//! Public benchmark data read from `../shared` beside the project (CaRB, spaCy's oracle analyses): it stays
//! there under its own licence and is never copied into the project. A test that needs it and finds it
//! absent prints why it skips and passes.

use std::path::PathBuf;

/// `../shared/<relative>` from the crate root, or `None` after printing that `test` skips without it.
pub fn shared_file(relative: &str, test: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped {test}: {} is absent", path.display());
        None
    }
}

/// spaCy 3.8's analysis of the 641 CaRB dev sentences.
pub fn oracle_carb_dev(test: &str) -> Option<PathBuf> {
    shared_file("oracle/carb_dev.jsonl", test)
}

/// CaRB's gold tuples for its dev sentences.
pub fn carb_dev_gold(test: &str) -> Option<PathBuf> {
    shared_file("eval/carb/gold/dev.tsv", test)
}
