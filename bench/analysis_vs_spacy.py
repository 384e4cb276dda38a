#!/usr/bin/env python3
"""Side-by-side throughput of spaCy 3.8 (en_core_web_sm) and `kg analyze` on the same corpus, in one run.

usage: python3 bench/analysis_vs_spacy.py [--kg target/release/kg] [--model data/models/en_core_web_sm-3.8.0]
                                         [--tokens 200000] [--threads 1,2] [--repeat 3]

The corpus is the text of the seed articles' oracle (tests/data) and of the first 200 CaRB dev sentences
(../shared/oracle/carb_dev.jsonl, read in place; without it, our synthetic sentences), one document per line, repeated until it holds about --tokens tokens. Both sides are timed as whole processes, model load
included: spaCy with nlp.pipe on one thread (BLAS and OpenMP pinned to one thread), kg with --threads 1.
Each measurement is repeated --repeat times, spaCy's and kg's runs interleaved so that a busy spell of a
shared machine falls on both, and the median is reported. Prints tokens/s for both, the ratio (by wall
time, and by CPU time, which a busy shared machine disturbs less), kg's thread scaling and each process's
peak memory (max RSS).
Needs spaCy 3.8 (`pip install 'spacy==3.8.*'`) and a release build of kg.
"""
import argparse, json, os, re, resource, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SPACY_RUN = r"""
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [l.rstrip('\n') for l in open(sys.argv[2], encoding='utf-8')]
n = 0
for doc in nlp.pipe(texts):
    n += len(doc)
print(n)
"""


def run(cmd, env=None):
    """Runs a process; returns (wall seconds, CPU seconds, stdout bytes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return seconds, cpu, out


def peak_rss_mb(cmd, env=None):
    """Peak resident memory of one run, via /usr/bin/time -v when available."""
    if not os.path.exists("/usr/bin/time"):
        return None
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    for line in proc.stderr.decode(errors="replace").splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return None


def build_corpus(path, want_tokens):
    texts = []
    carb = os.path.join(ROOT, "..", "shared", "oracle", "carb_dev.jsonl")
    if not os.path.exists(carb):
        print(f"note: {carb} is absent: using the synthetic sentences instead of CaRB dev", file=sys.stderr)
        carb = os.path.join(ROOT, "tests", "data", "oracle_synthetic_200.jsonl")
    for path in (os.path.join(ROOT, "tests", "data", "oracle_seeds.jsonl"), carb):
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()][:200 if path == carb else None]
        for line in lines:
            d = json.loads(line)
            # kg's line reader takes a leading `date YYYY-MM-DD` line off as metadata; drop it here so
            # both sides see the same text.
            text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", d["text"]).replace("\n", " ")
            texts.append((text, len(d["tokens"])))
    per_round = sum(n for _, n in texts)
    rounds = max(1, -(-want_tokens // per_round))
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(rounds):
            for t, _ in texts:
                f.write(t + "\n")
    return rounds * len(texts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kg", default=os.path.join(ROOT, "target", "release", "kg"))
    ap.add_argument("--model", default=os.path.join(ROOT, "data", "models", "en_core_web_sm-3.8.0"))
    ap.add_argument("--tokens", type=int, default=200_000)
    ap.add_argument("--threads", default=",".join(str(i) for i in range(1, (os.cpu_count() or 1) + 1)))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported")
    args = ap.parse_args()
    one_thread = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                      BLIS_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.txt")
        docs = build_corpus(corpus, args.tokens)
        spacy_cmd = [sys.executable, "-c", SPACY_RUN, args.model, corpus]
        kg_cmd = [args.kg, "analyze", "--lines", corpus, "--format", "jsonl"]
        threads = [int(x) for x in args.threads.split(",") if x]
        spacy_runs, kg_runs = [], {n: [] for n in threads}
        tokens = kg_tokens = None
        for _ in range(max(1, args.repeat)):
            seconds, cpu_s, out = run(spacy_cmd, env=one_thread)
            spacy_runs.append((seconds, cpu_s))
            tokens = int(out.strip())
            for n in threads:
                seconds, cpu_s, out = run(kg_cmd + ["--threads", str(n)])
                kg_runs[n].append((seconds, cpu_s))
                if kg_tokens is None:
                    kg_tokens = sum(len(json.loads(l)["tokens"]) for l in out.splitlines() if l.strip())
        median = lambda xs: sorted(xs)[len(xs) // 2]
        spacy_s = median([s for s, _ in spacy_runs])
        spacy_cpu = median([c for _, c in spacy_runs])
        times = {n: median([s for s, _ in r]) for n, r in kg_runs.items()}
        cpu = {n: median([c for _, c in r]) for n, r in kg_runs.items()}
        spacy_rate = tokens / spacy_s
        kg_rate = kg_tokens / times[min(times)]
        print(f"corpus: {docs} documents, {tokens} tokens (spaCy), {kg_tokens} tokens (kg); "
              f"median of {max(1, args.repeat)} runs each")
        print("  spaCy runs (s wall): " + " ".join(f"{s:.2f}" for s, _ in spacy_runs))
        for n, r in kg_runs.items():
            print(f"  kg runs, {n} thread(s) (s wall): " + " ".join(f"{s:.2f}" for s, _ in r))
        print(f"spaCy 3.8, 1 thread: {spacy_s:8.2f} s wall ({spacy_cpu:.2f} s CPU)  {spacy_rate:10.0f} tokens/s")
        for n, s in sorted(times.items()):
            print(f"kg analyze, {n} thread(s): {s:8.2f} s wall ({cpu[n]:.2f} s CPU)  {kg_tokens / s:10.0f} tokens/s"
                  f"  (scaling x{times[min(times)] / s:.2f})")
        print(f"ratio kg/spaCy (1 thread, whole process incl. model load): {kg_rate / spacy_rate:.1f}x wall, "
              f"{(kg_tokens / cpu[min(cpu)]) / (tokens / spacy_cpu):.1f}x CPU time")
        kg_mem = peak_rss_mb(kg_cmd + ["--threads", "1"])
        spacy_mem = peak_rss_mb(spacy_cmd, env=one_thread)
        if kg_mem is not None and spacy_mem is not None:
            print(f"peak memory: kg {kg_mem:.0f} MB, spaCy {spacy_mem:.0f} MB")


if __name__ == "__main__":
    main()
