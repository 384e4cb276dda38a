#!/usr/bin/env python3
"""Load test of `kg serve` beside oxigraph's own server on the same store, on loopback.

N concurrent clients (default 32), each on its own keep-alive connection, send a mix of SPARQL queries for a
bounded time; the script prints requests/s, p50 and p99 latency, errors (non-200 answers) and dropped
connections for each server, side by side.

    python3 bench/serve_load.py [--kg target/release/kg] [--store DIR] [--entities 20000] [--seconds 10]

Without --store a synthetic store is generated (entities with labels, classes, relations and RDF 1.2 reifiers
carrying a sentence) and loaded with `oxigraph load`. Needs `pip install oxigraph` for the comparison (and for
generating the store); without it only kg is measured (pass --store). Only 127.0.0.1 is ever contacted.
"""

import argparse
import http.client
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

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
E = "http://kg.bench/e/"
O = "http://kg.bench/o/"
CLASSES = ["Person", "Country", "Organization", "Place", "Event"]
PREDICATES = ["controls", "claims", "partOf", "locatedIn", "memberOf", "met", "supports", "opposes"]


def facts(entities, seed=7):
    """The synthetic relations (subject, predicate, object, k), the same for every call."""
    rng = random.Random(seed)
    return [(i, PREDICATES[rng.randrange(len(PREDICATES))], rng.randrange(entities), k)
            for i in range(entities) for k in range(3)]


def generate(path, entities):
    """Writes a synthetic N-Quads store: one named graph per 50 entities ("documents")."""
    relations = facts(entities)
    with open(path, "w") as out:
        for i in range(entities):
            g = f"<http://kg.bench/doc/{i // 50}>"
            s = f"<{E}{i}>"
            out.write(f'{s} <{RDFS}label> "Entity {i}" {g} .\n')
            out.write(f"{s} <{RDF}type> <{O}{CLASSES[i % len(CLASSES)]}> {g} .\n")
            for (_, name, j, k) in relations[3 * i:3 * i + 3]:
                p = f"<{O}{name}>"
                out.write(f"{s} {p} <{E}{j}> {g} .\n")
                r = f"<http://kg.bench/r/{i}-{k}>"
                out.write(f"{r} <{RDF}reifies> <<( {s} {p} <{E}{j}> )>> {g} .\n")
                out.write(f'{r} <{O}sentence> "Entity {i} and entity {j} appear in sentence {k} of document {i // 50}." {g} .\n')


def query_mix(entities, relations, rng):
    """One query of the mix: point lookups, neighbourhoods, provenance of a fact (its reifier's sentence, as the
    explorer asks it), a label scan and an aggregate."""
    i = rng.randrange(entities)
    roll = rng.random()
    if roll < 0.35:
        return f"SELECT ?l WHERE {{ <{E}{i}> <{RDFS}label> ?l }}"
    if roll < 0.70:
        return f"SELECT ?p ?o WHERE {{ <{E}{i}> ?p ?o }} LIMIT 50"
    if roll < 0.90:
        (s, p, o, _) = relations[rng.randrange(len(relations))]
        return f"SELECT ?text WHERE {{ ?r <{RDF}reifies> <<( <{E}{s}> <{O}{p}> <{E}{o}> )>> ; <{O}sentence> ?text }}"
    if roll < 0.97:
        return f'SELECT ?e WHERE {{ ?e <{RDFS}label> ?l FILTER(STRSTARTS(?l, "Entity {i // 10}")) }} LIMIT 20'
    return f"SELECT ?c (COUNT(*) AS ?n) WHERE {{ ?e <{RDF}type> ?c }} GROUP BY ?c"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port, proc, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/query?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                         headers={"Accept": "application/sparql-results+json"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not become ready")


def run_load(port, clients, seconds, entities, relations):
    """Runs the clients; returns (latencies in ms, errors, dropped connections, requests)."""
    stop = time.time() + seconds
    lock = threading.Lock()
    latencies, counters = [], {"errors": 0, "dropped": 0}

    def client(n):
        rng = random.Random(1000 + n)
        mine, errors, dropped = [], 0, 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.time() < stop:
            target = "/query?query=" + urllib.parse.quote(query_mix(entities, relations, rng))
            started = time.perf_counter()
            try:
                conn.request("GET", target, headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                response.read()
                elapsed = (time.perf_counter() - started) * 1000
                if response.status != 200:
                    errors += 1
                else:
                    mine.append(elapsed)
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            except (OSError, http.client.HTTPException):
                dropped += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)
            counters["errors"] += errors
            counters["dropped"] += dropped

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, counters["errors"], counters["dropped"]


def measure(name, cmd, port, args, entities, relations):
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, proc)
        run_load(port, args.clients, 1.0, entities, relations)  # warm-up
        latencies, errors, dropped = run_load(port, args.clients, args.seconds, entities, relations)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    latencies.sort()
    pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
    return {
        "server": name,
        "requests": len(latencies) + errors,
        "rps": (len(latencies) + errors) / args.seconds,
        "p50": pct(0.50),
        "p99": pct(0.99),
        "mean": statistics.fmean(latencies) if latencies else float("nan"),
        "errors": errors,
        "dropped": dropped,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kg", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "kg"))
    parser.add_argument("--store", help="an existing store directory (default: generate one)")
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, help="kg serve --workers")
    args = parser.parse_args()

    oxigraph = shutil.which("oxigraph")
    work = tempfile.mkdtemp(prefix="kg-serve-load-")
    try:
        store = args.store
        entities = args.entities
        if store is None:
            if not oxigraph:
                sys.exit("skipped: generating the store needs `oxigraph` (pip install oxigraph), or pass --store")
            store = os.path.join(work, "store")
            data = os.path.join(work, "data.nq")
            generate(data, entities)
            subprocess.run([oxigraph, "load", "--location", store, "--file", data], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        relations = facts(entities)
        quads = 11 * entities
        print(f"store: {store} (~{quads} quads, {entities} entities), {args.clients} clients, "
              f"{args.seconds:.0f} s per server, loopback", flush=True)
        results = []
        port = free_port()
        cmd = [args.kg, "serve", "--store", store, "--bind", f"127.0.0.1:{port}"]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        results.append(measure("kg serve", cmd, port, args, entities, relations))
        if oxigraph:
            port = free_port()
            cmd = [oxigraph, "serve-read-only", "--location", store, "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"]
            results.append(measure("oxigraph serve-read-only", cmd, port, args, entities, relations))
        else:
            print("oxigraph not installed: no comparison (pip install oxigraph)")
        print(f"{'server':<26} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} "
              f"{'errors':>7} {'dropped':>8}")
        for r in results:
            print(f"{r['server']:<26} {r['requests']:>9} {r['rps']:>8.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
                  f"{r['mean']:>8.2f} {r['errors']:>7} {r['dropped']:>8}")
        if len(results) == 2 and results[1]["rps"] > 0:
            print(f"kg/oxigraph throughput ratio: {results[0]['rps'] / results[1]['rps']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
