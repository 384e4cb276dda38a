#!/usr/bin/env python3
"""Time and memory limits of `kg serve` under hostile queries, and what the guarded evaluation costs.

    python3 bench/query_limits.py [--kg target/release/kg] [--triples 3000] [--timeout 5] [--memory 1G]

Builds a store from generated N-Quads (`kg load`: TRIPLES triples over 10 document graphs, a third of them
stated by two documents), starts `kg serve --timeout T --query-memory M`, and for each hostile query prints the
status, the seconds to the answer, the overshoot past the time limit, and the growth of the server's resident
memory (sampled every 10 ms). Then it checks the server still answers, and times ordinary queries on the
endpoint (guarded evaluation) against `kg query` (oxigraph's own evaluation; its start-up, measured with a
trivial ASK, subtracted). Only 127.0.0.1 is contacted.
"""

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

E = "http://kg.bench/e/"
O = "http://kg.bench/o/"

HOSTILE = [
    ("cartesian COUNT(*)", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
    (
        "cartesian ASK + FILTER",
        'ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), "x")) }',
    ),
    ("ORDER BY over a 2-pattern join", "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?b DESC(?d)"),
    (
        "GROUP BY over a 2-pattern join",
        "SELECT ?b ?d (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d } GROUP BY ?b ?d",
    ),
    (
        "VALUES product",
        "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?a { %s } VALUES ?b { %s } VALUES ?c { %s } }"
        % tuple([" ".join(str(i) for i in range(1500))] * 3),
    ),
]

ORDINARY = [
    ("labels", "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 1000"),
    ("count all", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    (
        "2-hop join",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a <%slinks> ?b . ?b <%slinks> ?c }" % (O, O),
    ),
    (
        "group by",
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)",
    ),
]


def generate(path, triples, seed=13):
    rng = random.Random(seed)
    entities = max(10, triples // 3)
    with open(path, "w") as out:
        for i in range(triples):
            s = rng.randrange(entities)
            if i % 3 == 0:
                line = f'<{E}{s}> <http://www.w3.org/2000/01/rdf-schema#label> "Entity {s}"'
            else:
                line = f"<{E}{s}> <{O}links> <{E}{rng.randrange(entities)}>"
            graphs = [i % 10] + ([(i + 1) % 10] if i % 3 == 1 else [])
            for g in graphs:
                out.write(f"{line} <http://kg.bench/doc/d{g}> .\n")


def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


def post(port, query, timeout=600):
    body = query.encode()
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(
        (
            f"POST /query HTTP/1.1\r\nHost: b\r\nContent-Type: application/sparql-query\r\n"
            f"Accept: text/csv\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        + body
    )
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data.split(b"\r\n\r\n", 1)[-1].decode(errors="replace").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kg", default=os.environ.get("KG", "target/release/kg"))
    ap.add_argument("--triples", type=int, default=3000)
    ap.add_argument("--timeout", type=float, default=5)
    ap.add_argument("--give-up", type=float, default=120, help="seconds to wait for an answer")
    ap.add_argument("--memory", default="1G", help="--query-memory, or `none` for a kg without the flag")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="kg-limits-")
    try:
        nq = os.path.join(tmp, "data.nq")
        store = os.path.join(tmp, "store")
        generate(nq, args.triples)
        subprocess.run([args.kg, "load", "--store", store, nq], check=True, capture_output=True)
        # Ordinary queries on kg query first (the server then holds the store's lock).
        def cli(q):
            t = time.perf_counter()
            subprocess.run([args.kg, "query", "--store", store, "--format", "csv", q], check=True,
                           capture_output=True)
            return time.perf_counter() - t
        startup = statistics.median(cli("ASK { }") for _ in range(5))
        native = {name: max(0.0, statistics.median(cli(q) for _ in range(5)) - startup) for name, q in ORDINARY}
        memory = [] if args.memory == "none" else ["--query-memory", args.memory]
        server = subprocess.Popen(
            [args.kg, "serve", "--store", store, "--bind", "127.0.0.1:0", "--timeout", str(args.timeout)]
            + memory,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = int(server.stdout.readline().strip().rsplit(":", 1)[1])
        base = rss(server.pid)
        print(f"store: {args.triples} triples; kg serve --timeout {args.timeout} --query-memory {args.memory}; "
              f"server resident at start {base / 2**20:.0f} MB")
        print(f"{'hostile query':34} {'status':>6} {'seconds':>8} {'over limit':>10} {'peak growth':>12}  answer")
        for name, query in HOSTILE:
            peak = [rss(server.pid)]
            start_rss = peak[0]
            done = threading.Event()

            def sample():
                while not done.is_set():
                    peak[0] = max(peak[0], rss(server.pid))
                    time.sleep(0.01)

            sampler = threading.Thread(target=sample)
            sampler.start()
            t = time.perf_counter()
            try:
                status, body = post(port, query, timeout=args.give_up)
            except OSError as e:
                status, body = 0, f"no answer ({e})"
            took = time.perf_counter() - t
            done.set()
            sampler.join()
            over = took - args.timeout
            print(f"{name:34} {status:>6} {took:>8.2f} {over:>+10.2f} {(peak[0] - start_rss) / 2**20:>9.0f} MB  "
                  f"{body[:70]}")
        if server.poll() is not None:
            print(f"the server exited with {server.returncode}")
            return 1
        status, body = post(port, "ASK { ?s ?p ?o }")
        print(f"afterwards: ASK -> {status} {body}; server resident {rss(server.pid) / 2**20:.0f} MB")
        print(f"\n{'ordinary query':20} {'endpoint (guarded)':>18} {'kg query (native)':>18}")
        for name, query in ORDINARY:
            times = []
            for _ in range(5):
                t = time.perf_counter()
                status, _ = post(port, query)
                times.append(time.perf_counter() - t)
                assert status == 200, (name, status)
            print(f"{name:20} {statistics.median(times) * 1000:>15.1f} ms {native[name] * 1000:>15.1f} ms")
        server.terminate()
        server.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
