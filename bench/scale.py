#!/usr/bin/env python3
"""Scale benchmark of `kg` (issue 12, item 5): build speed, memory, store size and query latency by corpus size.

    python3 bench/scale.py [--kg target/release/kg] [--corpus news.jsonl] [--sizes 1000,10000,50000]
                           [--repeat 5] [--timeout 600] [--threads N] [--work DIR] [--json OUT]

For each size, the first N records of the corpus are built into a fresh store (`kg build --quiet`): wall time,
documents/s, peak RSS (GNU `/usr/bin/time`, else /proc VmHWM polled), store size on disk and quads (from
`kg stats --format json`), bytes per quad, and the time of the corpus pass within the build (as `kg build`
reports it). Then the p50/p95 wall time, over --repeat runs each (process start
and store opening included, as a user sees them), of: `kg path` between central entities, `kg stats`, a point
query (one entity's facts by label), a neighbourhood query (an entity's one-hop entities with their labels, by
IRI as the explorer page asks) and the union aggregate `SELECT ?p (COUNT(*) AS ?n) WHERE { ?s a ?c ; ?p ?o }
GROUP BY ?p`. Queries use the most central entities of `kg stats`. A command that exceeds --timeout is killed
and reported as a timeout; after a timeout that query kind is not tried again at that size.

Without --corpus, articles are composed (deterministically) from the sentences of
../shared/eval/dwie/train/*.json: 8-30 sentences each (--article-sentences), unique ids, dates spread over 2000-2019 and a title. The
composed corpus and the stores live in --work (default: a temporary directory, removed at the end), never in
the repository. Without ../shared and without --corpus the benchmark prints a message and exits 0.

Markdown (the table, the CPU, the binary, the load average) goes to stdout, raw numbers to --json, progress
to stderr. Python 3 standard library only. The machine is often shared: run it under `nice` and read the
load average printed beside the numbers.
"""

import argparse
import datetime
import glob
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DWIE = os.path.join(ROOT, "..", "shared", "eval", "dwie", "train")
GNU_TIME = "/usr/bin/time"
AGGREGATE = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s a ?c ; ?p ?o } GROUP BY ?p"
# A sentence ends at . ! ? followed by space and a capital or an opening quote: crude, but enough to
# recombine whole sentences.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c\u2018'])")


def log(msg):
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            models = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        return f"{models[0]} x{len(models)}" if models else "unknown"
    except OSError:
        return "unknown"


# ---------------------------------------------------------------------------------------------------------
# Corpus


def dwie_sentences(folder):
    """(titles, sentences) of the DWIE articles: the first line of `content` is the headline."""
    titles, sentences = [], []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as f:
            content = json.load(f).get("content", "")
        lines = [l.strip() for l in content.split("\n") if l.strip()]
        if not lines:
            continue
        titles.append(lines[0])
        for line in lines[1:]:
            for s in SENTENCE_END.split(line):
                s = s.strip()
                # Fragments (captions, bylines) are not sentences worth reusing.
                if len(s.split()) >= 4 and s[-1] in ".!?\"\u201d'":
                    sentences.append(s)
    return titles, sentences


def compose(out_path, n, seed, folder, sentences_range=(8, 30)):
    """Writes n composed articles of sentences_range sentences as JSON Lines; the first k of them do not
    depend on n."""
    titles, sentences = dwie_sentences(folder)
    if not sentences:
        raise SystemExit(f"scale: no sentences in {folder}")
    rng = random.Random(seed)
    start = datetime.date(2000, 1, 1)
    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(n):
            k = rng.randint(*sentences_range)
            body = " ".join(sentences[rng.randrange(len(sentences))] for _ in range(k))
            record = {
                "id": f"scale-{i:06d}",
                "title": titles[rng.randrange(len(titles))],
                "date": (start + datetime.timedelta(days=rng.randrange(20 * 365))).isoformat(),
                "text": body,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    log(f"composed {n} articles from {len(sentences)} DWIE sentences -> {out_path}")


def prefix(corpus, n, out_path):
    """The first n non-empty records of corpus in out_path; returns how many there were."""
    count = 0
    with open(corpus, encoding="utf-8") as src, open(out_path, "w", encoding="utf-8") as out:
        for line in src:
            if count >= n:
                break
            if line.strip():
                out.write(line if line.endswith("\n") else line + "\n")
                count += 1
    return count


# ---------------------------------------------------------------------------------------------------------
# Running commands


class Outcome:
    """One command run: wall seconds, exit status, peak RSS in KB (when known), stdout, a timeout flag."""

    def __init__(self, seconds, code, peak_kb, stdout, stderr, timed_out):
        self.seconds, self.code, self.peak_kb = seconds, code, peak_kb
        self.stdout, self.stderr, self.timed_out = stdout, stderr, timed_out

    @property
    def ok(self):
        return not self.timed_out and self.code == 0

    def problem(self):
        if self.timed_out:
            return "timeout"
        last = [l for l in self.stderr.strip().splitlines() if l.strip()]
        return f"exit {self.code}: {last[-1][:200] if last else ''}"


def poll_hwm(pid, box, stop):
    """Without GNU time: the child's VmHWM, read until it exits."""
    while not stop.is_set():
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        box[0] = max(box[0], int(line.split()[1]))
        except (OSError, ValueError):
            pass
        stop.wait(0.2)


def stop_group(proc):
    """SIGTERM to the child's process group, SIGKILL 10 s later if it is still there."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def run(argv, timeout, work):
    """Runs argv with a timeout (the whole process group is killed then), measuring wall time and peak RSS."""
    time_out = os.path.join(work, "time.out")
    gnu = os.access(GNU_TIME, os.X_OK)
    full = [GNU_TIME, "-o", time_out, "-f", "%M"] + argv if gnu else argv
    so, se = tempfile.TemporaryFile(dir=work), tempfile.TemporaryFile(dir=work)
    t0 = time.monotonic()
    proc = subprocess.Popen(full, stdout=so, stderr=se, stdin=subprocess.DEVNULL, start_new_session=True)
    box, stop = [0], threading.Event()
    poller = None
    if not gnu:
        poller = threading.Thread(target=poll_hwm, args=(proc.pid, box, stop), daemon=True)
        poller.start()
    timed_out = False
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        stop_group(proc)
        code = proc.returncode
    except KeyboardInterrupt:
        # The child runs in its own session: stop it too when the benchmark is stopped.
        stop_group(proc)
        stop.set()
        raise
    seconds = time.monotonic() - t0
    stop.set()
    if poller:
        poller.join()
    peak = box[0] or None
    if gnu:
        try:
            with open(time_out) as f:
                # GNU time writes "Command exited with non-zero status N" before the format's line.
                peak = int(f.read().strip().splitlines()[-1])
        except (OSError, ValueError, IndexError):
            peak = None
    so.seek(0)
    se.seek(0)
    out, err = so.read().decode("utf-8", "replace"), se.read().decode("utf-8", "replace")
    so.close()
    se.close()
    return Outcome(seconds, code, peak, out, err, timed_out)


def disk_bytes(path):
    """Bytes the directory takes on disk (as `du`), and its apparent size."""
    used = apparent = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            used += st.st_blocks * 512
            apparent += st.st_size
    return used, apparent


def percentile(values, q):
    """Nearest-rank percentile (p95 of 5 runs is the slowest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def sparql_literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# ---------------------------------------------------------------------------------------------------------
# One size


def paths_found(stdout):
    """How many paths a `kg path --format json` answer holds."""
    try:
        return len(json.loads(stdout).get("paths", []))
    except (ValueError, AttributeError):
        return None


def rows(stdout):
    """Result rows of a `kg query --format tsv` answer (the header line excluded)."""
    return max(0, len([l for l in stdout.splitlines() if l.strip()]) - 1)


def latency(name, commands, args, work, found=rows):
    """Runs each command (a list, used in turn) --repeat times in all; p50/p95 of the successful runs."""
    runs, problems = [], []
    for i in range(args.repeat):
        argv = commands[i % len(commands)]
        o = run(argv, args.timeout, work)
        entry = {"argv": argv[1:], "seconds": round(o.seconds, 4), "peak_rss_kb": o.peak_kb, "ok": o.ok,
                 "results": found(o.stdout) if o.ok else None}
        if not o.ok:
            entry["problem"] = o.problem()
            problems.append(o.problem())
        log(f"  {name} run {i + 1}/{args.repeat}: {o.seconds:.2f} s, {entry['results']} results"
            + ("" if o.ok else f" ({o.problem()})"))
        runs.append(entry)
        if o.timed_out:
            # Another try would only take --timeout again.
            break
    times = [r["seconds"] for r in runs if r["ok"]]
    return {
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "runs": runs,
        "problems": problems,
        "timed_out": any(p == "timeout" for p in problems),
    }


def bench_size(args, corpus, n, work, result, checkpoint):
    """Fills result (already in the report) phase by phase, calling checkpoint after each."""
    docs_file = os.path.join(work, f"corpus-{n}.jsonl")
    docs = prefix(corpus, n, docs_file)
    if docs < n:
        log(f"the corpus has only {docs} records; size {n} runs with {docs}")
    store = os.path.join(work, f"store-{n}")
    shutil.rmtree(store, ignore_errors=True)
    kg = args.kg
    result.update({"size": n, "docs": docs, "load_before": load_average()})

    build = [kg, "build", "--quiet", "--store", store]
    if args.threads:
        build += ["--threads", str(args.threads)]
    build.append(docs_file)
    log(f"size {n}: kg build of {docs} documents (load {result['load_before']})")
    o = run(build, args.timeout, work)
    result["load_after_build"] = load_average()
    result["build"] = {
        "seconds": round(o.seconds, 3),
        "docs_per_s": round(docs / o.seconds, 2) if o.seconds > 0 else None,
        "peak_rss_kb": o.peak_kb,
        "ok": o.ok,
    }
    # The corpus pass (names of one entity across documents given one IRI), timed by kg build itself.
    corpus = re.search(r"corpus pass: (\d+) of (\d+) names renamed in ([0-9.]+) s", o.stderr or "")
    if corpus:
        result["build"]["corpus_pass"] = {"renamed": int(corpus[1]), "names": int(corpus[2]),
                                          "seconds": float(corpus[3])}
    log(f"  build: {o.seconds:.1f} s, peak {o.peak_kb} KB" + ("" if o.ok else f" ({o.problem()})"))
    checkpoint()
    if not o.ok:
        result["build"]["problem"] = o.problem()
        if o.timed_out or not os.path.isdir(store):
            result["skipped"] = "build did not finish; no queries run"
            shutil.rmtree(store, ignore_errors=True)
            return

    used, apparent = disk_bytes(store)
    result["store_bytes"], result["store_apparent_bytes"] = used, apparent

    # The first stats run also gives the quads and the central entities the other queries use.
    stats_argv = [kg, "stats", "--format", "json", "--top", "8", "--store", store]
    first = run(stats_argv, args.timeout, work)
    central, quads = [], None
    if first.ok:
        try:
            report = json.loads(first.stdout)
            quads = report.get("quads")
            central = [c for c in report.get("central", []) if c.get("iri") and c.get("label")]
            result["entities"], result["relations"] = report.get("entities"), report.get("relations")
            result["documents_in_store"] = report.get("documents")
        except ValueError as e:
            log(f"  kg stats --format json: not JSON ({e})")
    else:
        log(f"  first kg stats: {first.problem()}")
    result["stats_first_seconds"] = round(first.seconds, 3)
    result["quads"] = quads
    result["bytes_per_quad"] = round(used / quads, 1) if quads else None
    result["central"] = [{"label": c["label"], "iri": c["iri"]} for c in central]
    log(f"  store: {used / 2**20:.1f} MB on disk, {quads} quads; first kg stats {first.seconds:.1f} s")
    checkpoint()

    if len(central) < 2:
        log("  fewer than two central entities: path, point and neighbourhood queries skipped")
    else:
        pairs = [(a, b) for i, a in enumerate(central[:4]) for b in central[i + 1 : 4]]
        # Undirected: central entities are seldom linked in the relations' direction, and a search that
        # finds a path is the case worth timing.
        paths = [[kg, "path", a["iri"], b["iri"], "--undirected", "--format", "json", "--store", store]
                 for a, b in pairs]
        result["path"] = latency("path", paths, args, work, found=paths_found)
        checkpoint()
        points, hoods = [], []
        for c in central[:4]:
            label = sparql_literal(c["label"])
            points.append(
                [kg, "query", "--format", "tsv", "--store", store,
                 f"SELECT ?p ?o WHERE {{ ?e rdfs:label {label} ; ?p ?o }}"])
            # By IRI, as the explorer page asks (the same pattern bound through a label join instead runs
            # minutes at 1,000 documents: a planner matter, not what this row measures).
            iri = f"<{c['iri']}>"
            hoods.append(
                [kg, "query", "--format", "tsv", "--store", store,
                 f"SELECT DISTINCT ?n ?l WHERE {{ {{ {iri} ?p ?n }} UNION {{ ?n ?p {iri} }} "
                 f"FILTER(isIRI(?n) && ?p NOT IN (rdf:type, rdf:reifies, rdfs:label, skos:altLabel)) "
                 f"?n rdfs:label ?l }}"])
        result["point"] = latency("point", points, args, work)
        checkpoint()
        result["neighbourhood"] = latency("neighbourhood", hoods, args, work)
        checkpoint()
    result["stats"] = latency("stats", [[kg, "stats", "--store", store]], args, work, found=lambda out: None)
    checkpoint()
    result["aggregate"] = latency(
        "aggregate", [[kg, "query", "--format", "tsv", "--store", store, AGGREGATE]], args, work)
    result["load_after"] = load_average()
    result["done"] = True
    if not args.keep:
        shutil.rmtree(store, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------
# Report


def fmt(value, digits=2):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def pair(r, key):
    q = r.get(key)
    if not q:
        return "-"
    if q["p50"] is None:
        return "timeout" if q["timed_out"] else "failed"
    cell = f"{q['p50']:.2f} / {q['p95']:.2f}"
    if q["timed_out"]:
        cell += " (timeout)"
    elif q["problems"]:
        cell += f" ({len(q['problems'])} failed)"
    return cell


def markdown(report):
    lines = [
        f"kg: `{report['kg']}`  ",
        f"corpus: {report['corpus']}  ",
        f"CPU: {report['cpu']}; load average at start {report['load_start']}, at end {report.get('load_end')}  ",
        f"repeat {report['repeat']}, timeout {report['timeout']} s, threads {report['threads'] or 'all'}; "
        f"latencies in seconds (p50 / p95, process start included)",
        "",
        "| docs | build s | docs/s | peak RSS MB | store MB | quads | bytes/quad | path p50/p95 | stats p50/p95 "
        "| point p50/p95 | neighbourhood p50/p95 | aggregate p50/p95 | load (before/after build) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["sizes"]:
        if "build" not in r:
            lines.append(f"| {r.get('docs', r['size'])} | interrupted |" + " - |" * 11)
            continue
        b = r["build"]
        build_s = fmt(b["seconds"], 1) + ("" if b["ok"] else " (timeout)" if b.get("problem") == "timeout"
                                           else " (failed)")
        peak = fmt(b["peak_rss_kb"] / 1024, 0) if b["peak_rss_kb"] else "-"
        store = fmt(r["store_bytes"] / 2**20, 1) if r.get("store_bytes") is not None else "-"
        lines.append(
            f"| {r['docs']} | {build_s} | {fmt(b['docs_per_s'], 1)} | {peak} | {store} | {fmt(r.get('quads'))} "
            f"| {fmt(r.get('bytes_per_quad'), 0)} | {pair(r, 'path')} | {pair(r, 'stats')} | {pair(r, 'point')} "
            f"| {pair(r, 'neighbourhood')} | {pair(r, 'aggregate')} "
            f"| {r['load_before']} / {r.get('load_after_build', '-')} |")
    notes = []
    for r in report["sizes"]:
        c = (r.get("build") or {}).get("corpus_pass")
        if c:
            notes.append(f"- {r['docs']} docs: corpus pass {c['seconds']:.2f} s of the build "
                         f"({c['names']} names, {c['renamed']} renamed)")
    for r in report["sizes"]:
        runs = (r.get("path") or {}).get("runs", [])
        if runs:
            found = sum(1 for x in runs if x.get("results"))
            notes.append(f"- {r['docs']} docs: `kg path --undirected` found a path in {found} of {len(runs)} runs "
                         f"(pairs of the central entities {', '.join(c['label'] for c in r['central'][:4])})")
    if notes:
        lines += [""] + notes
    problems = []
    for r in report["sizes"]:
        if not r.get("done") and not r.get("skipped"):
            problems.append(f"- {r.get('docs', r['size'])} docs: stopped before the end (`-` = not measured)")
        if "build" not in r:
            continue
        if r.get("skipped"):
            problems.append(f"- {r['docs']} docs: {r['skipped']} ({r['build'].get('problem')})")
        elif not r["build"]["ok"]:
            problems.append(f"- {r['docs']} docs: build {r['build'].get('problem')}")
        for key in ("path", "stats", "point", "neighbourhood", "aggregate"):
            for p in sorted(set((r.get(key) or {}).get("problems", []))):
                problems.append(f"- {r['docs']} docs, {key}: {p}")
    if problems:
        lines += ["", "Problems:"] + problems
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kg", default=os.path.join(ROOT, "target", "release", "kg"), help="the kg binary")
    ap.add_argument("--corpus", help="JSON Lines corpus (default: composed from ../shared/eval/dwie)")
    ap.add_argument("--sizes", default="1000,10000,50000", help="comma-separated document counts")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each query kind")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a command is killed")
    ap.add_argument("--threads", type=int, help="kg build --threads (default: kg's, all cores)")
    ap.add_argument("--seed", type=int, default=12, help="seed of the composed corpus")
    ap.add_argument("--article-sentences", default="8-30", metavar="MIN-MAX",
                    help="sentences per composed article (default 8-30; 4-9 gives newswire-length stories, "
                         "about 140 words as Reuters-21578's)")
    ap.add_argument("--work", help="folder for the composed corpus and the stores (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the stores in --work")
    ap.add_argument("--json", help="write the raw numbers here")
    args = ap.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) <= 0 or args.repeat <= 0:
        ap.error("--sizes must be positive counts and --repeat positive")
    if not (os.path.isfile(args.kg) and os.access(args.kg, os.X_OK)):
        ap.error(f"no kg binary at {args.kg}: build it (cargo build --release) or pass --kg")
    if args.corpus is None and not os.path.isdir(DWIE):
        print(f"scale: skipped: no --corpus and no DWIE articles at {os.path.normpath(DWIE)}")
        return 0
    if args.corpus is not None and not os.path.isfile(args.corpus):
        ap.error(f"no corpus file at {args.corpus}")

    own_work = args.work is None
    work = tempfile.mkdtemp(prefix="kg-scale-") if own_work else os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    kg = os.path.abspath(args.kg)
    args.kg = kg
    report = {
        "kg": kg,
        "cpu": cpu_model(),
        "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "load_start": load_average(),
        "repeat": args.repeat,
        "timeout": args.timeout,
        "threads": args.threads,
        "sizes": [],
    }
    def checkpoint():
        # Written after every phase, so a long run stopped midway keeps what it measured.
        if args.json:
            with open(args.json, "w") as f:
                json.dump(report, f, indent=2)

    try:
        if args.corpus:
            corpus = os.path.abspath(args.corpus)
            report["corpus"] = corpus
        else:
            corpus = os.path.join(work, "composed.jsonl")
            low, _, high = args.article_sentences.partition("-")
            compose(corpus, max(sizes), args.seed, DWIE, (int(low), int(high or low)))
            report["corpus"] = (f"composed from ../shared/eval/dwie/train sentences "
                                f"({args.article_sentences} per article, seed {args.seed})")
        # A SIGTERM (or Ctrl-C) stops the run but still prints the sizes measured so far.
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        for n in sizes:
            result = {"size": n}
            report["sizes"].append(result)
            bench_size(args, corpus, n, work, result, checkpoint)
    except KeyboardInterrupt:
        report["interrupted"] = True
        log("interrupted: reporting what was measured so far")
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
    report["load_end"] = load_average()
    report["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    checkpoint()
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
