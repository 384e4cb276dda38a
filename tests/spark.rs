//! `kg extract` as a Spark streaming mapper: tests/spark/extract_pipe.py pipes a corpus through
//! `kg extract --format nq -` with `rdd.pipe` in Spark's local mode and compares the merged N-Quads with one
//! single-process run. Skipped, with the script's message, where python3, pyspark, Java or the N-Quads output
//! of `kg extract` is missing.

use std::process::Command;

#[test]
fn spark_shards_merge_to_the_single_process_output() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = tempfile::tempdir().expect("temp dir");
    let path = corpus.path().join("corpus.jsonl");
    // Documents that share entities across shards, so that merging relies on deterministic IRIs.
    let texts = [
        "Russia annexed Crimea in 2014.",
        "Ukraine says Crimea is part of Ukraine.",
        "Vladimir Putin met Xi Jinping in Beijing.",
        "China claims the Spratly Islands.",
        "The Philippines also claims the Spratly Islands.",
        "Xi Jinping visited Moscow and met Vladimir Putin.",
        "NATO supports Ukraine.",
        "Japan controls the Senkaku Islands, which China claims.",
    ];
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("corpus written");
    let output = match Command::new("python3")
        .arg(root.join("tests/spark/extract_pipe.py"))
        .arg(env!("CARGO_BIN_EXE_kg"))
        .arg(&path)
        .arg("4")
        .output()
    {
        Ok(output) => output,
        Err(err) => {
            eprintln!(
                "skipped spark_shards_merge_to_the_single_process_output: no python3 ({err})"
            );
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.code() == Some(77) {
        eprintln!(
            "skipped spark_shards_merge_to_the_single_process_output: {}",
            stdout.trim()
        );
        return;
    }
    assert!(
        output.status.success(),
        "Spark shards differ from the single-process extract:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
