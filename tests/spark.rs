//! `kg extract` as a Spark streaming mapper: tests/spark/extract_pipe.py pipes a corpus through
//! `kg extract --format nq -` with `rdd.pipe` in Spark's local mode and compares the merged N-Quads with one
//! single-process run; then the merged shards, bulk-loaded with `kg load` (which derives the entities and
//! facts graphs and runs the corpus pass that gives names of one entity in different shards one IRI), must give
//! the store `kg build` gives. Skipped, with the script's message, where python3, pyspark, Java or the N-Quads
//! output of `kg extract` is missing (`.ci/run` installs Java and pyspark).

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
        // A short name in one shard that the corpus pass gives the full name of another (the two
        // documents share Oslo, as the corpus pass asks of a surname and its full name).
        "Mr Lindqvist said in Oslo on Monday that the talks would go on.",
        "Prime Minister Erik Lindqvist arrived in Oslo on Sunday.",
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
        .arg(corpus.path().join("merged.nq"))
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
    // The merged shards, loaded, are the store one build makes.
    let kg = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(args)
            .output()
            .expect("kg runs");
        assert!(
            output.status.success(),
            "kg {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let (loaded, built) = (corpus.path().join("loaded"), corpus.path().join("built"));
    let merged = corpus.path().join("merged.nq");
    let store_arg = |dir: &std::path::Path| dir.to_str().expect("UTF-8 path").to_string();
    kg(&[
        "load",
        "--store",
        &store_arg(&loaded),
        merged.to_str().unwrap(),
    ]);
    kg(&[
        "build",
        "--store",
        &store_arg(&built),
        path.to_str().unwrap(),
    ]);
    let quads = |dir: &std::path::Path| {
        let mut lines: Vec<String> = kg(&["export", "--store", &store_arg(dir), "--format", "nq"])
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    let (from_shards, from_build) = (quads(&loaded), quads(&built));
    // The corpus pass ran on both: the short name's document names the full name's entity.
    let renamed = |qs: &[String]| {
        qs.iter()
            .any(|q| q.contains("keyInDocument") && q.contains("entity/erik_lindqvist"))
    };
    assert!(
        renamed(&from_shards) && renamed(&from_build),
        "the corpus pass did not give `Lindqvist` the full name's entity"
    );
    let only = |a: &[String], b: &[String]| a.iter().filter(|q| !b.contains(q)).count();
    assert!(
        from_shards == from_build,
        "{} quads only in the loaded shards, {} only in the build; first: {:?}",
        only(&from_shards, &from_build),
        only(&from_build, &from_shards),
        from_shards.iter().find(|q| !from_build.contains(q))
    );
}
