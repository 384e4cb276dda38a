#!/usr/bin/env python3
"""kg extract as a streaming mapper under Apache Spark (local mode): the corpus (JSON Lines, one document per
record) is split into partitions, each piped through `kg extract --format nq -` with `rdd.pipe`, and the merged
N-Quads must equal a single-process `kg extract` of the same corpus (as sets of quads: deterministic entity IRIs
and one named graph per document make shards merge without coordination).

    python3 tests/spark/extract_pipe.py KG_BINARY CORPUS.jsonl [PARTITIONS] [MERGED_OUT.nq]

With MERGED_OUT, the merged N-Quads are also written there (sorted), for a bulk load into a store.

Exit codes: 0 equal, 1 different or failed, 77 skipped (pyspark, java or `kg extract --format nq` missing).
"""
import json
import os
import shutil
import subprocess
import sys

SKIP = 77


def skip(why):
    print(f"skipped: {why}")
    sys.exit(SKIP)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    kg, corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    merged_out = sys.argv[4] if len(sys.argv) > 4 else None
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError:
        skip("pyspark is not installed (pip install pyspark)")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        skip("no Java runtime for Spark (apt-get install openjdk-17-jre-headless)")
    probe = subprocess.run([kg, "extract", "--format", "nq", "-"], input=b"", capture_output=True)
    if probe.returncode != 0:
        last = (probe.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
        skip(f"`kg extract --format nq -` is not available in this build: {last}")

    with open(corpus, encoding="utf-8") as f:
        records = [line.rstrip("\n") for line in f if line.strip()]
    for line in records:
        json.loads(line)  # a corpus error should fail here, not inside Spark

    single = subprocess.run([kg, "extract", "--format", "nq", "-"], input="\n".join(records).encode() + b"\n",
                            capture_output=True, check=True).stdout.decode()
    expected = {q for q in single.splitlines() if q.strip()}

    spark = (SparkSession.builder.master(f"local[{min(partitions, os.cpu_count() or 2)}]")
             .appName("kg-extract-pipe")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.driver.host", "127.0.0.1")
             .getOrCreate())
    try:
        rdd = spark.sparkContext.parallelize(records, partitions)
        merged = rdd.pipe(f"{kg} extract --format nq -").filter(lambda q: q.strip()).collect()
    finally:
        spark.stop()
    got = set(merged)
    if merged_out:
        with open(merged_out, "w", encoding="utf-8") as out:
            out.writelines(q + "\n" for q in sorted(got))
    report = {"documents": len(records), "partitions": partitions, "quads_single": len(expected),
              "quads_spark": len(got), "only_single": len(expected - got), "only_spark": len(got - expected)}
    print(json.dumps(report))
    if not expected:
        print("the single-process extract produced no quads")
        sys.exit(1)
    sys.exit(0 if got == expected else 1)


if __name__ == "__main__":
    main()
