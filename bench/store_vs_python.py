#!/usr/bin/env python3
"""kg's store and projection side by side with the Python stack a user would otherwise use.

For generated graphs of 10^4..10^6 edges, in one run:
  load      rdflib (in-memory Dataset: rdflib has no bundled persistent store that is faster),
            oxigraph's own RocksDB bulk loader (pyoxigraph, same Rust code and RocksDB as kg),
            `kg load` (persistent, RocksDB) on the same plain file, and on the file with provenance
            (every edge reified with rdf:reifies, document, sentence, rule, confidence: what
            `kg extract --format nq` writes);
  export    rdflib serialize N-Triples and N-Quads vs `kg export --format nt` and `--format nq`;
  paths     networkx shortest_path (bidirectional BFS) vs `kg path --pairs` on the petgraph projection,
            median latency per query (projection/graph loading excluded on both sides).
Edges use open relations (`{base}rel/...`), to which no ontology rule applies. Prints a table and the ratios.
Usage:
  cargo build --release && python3 bench/store_vs_python.py [--sizes 10000,100000,1000000] [--kg target/release/kg]
      [--repeat N]   (best of N runs of each load and export, for a machine shared with other work)
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BASE = "https://kg.example.org/"
ONTO = BASE + "ontology#"
# Open relations (no ontology rules apply): on a random graph, transitive properties such as partOf would make
# the benchmark measure the size of a transitive closure, not the store.
PREDICATES = ["signed_deal_with", "visited", "criticised", "traded_with", "hosted", "warned", "praised", "sued"]


def generate(edges, directory, seed=7):
    """Writes plain.nq (edges in document graphs) and prov.nq (the same with RDF 1.2 reifiers)."""
    rng = random.Random(seed)
    nodes = max(10, edges // 4)
    plain_path = os.path.join(directory, "plain.nq")
    prov_path = os.path.join(directory, "prov.nq")
    pairs = []
    plain_count = prov_count = 0
    with open(plain_path, "w") as plain, open(prov_path, "w") as prov:
        for i in range(nodes):
            line = f'<{BASE}entity/n{i}> <http://www.w3.org/2000/01/rdf-schema#label> "node {i}" <{BASE}doc/d{i % 1000}> .\n'
            plain.write(line)
            prov.write(line)
            plain_count += 1
            prov_count += 1
        for e in range(edges):
            a, b = rng.randrange(nodes), rng.randrange(nodes)
            p = PREDICATES[e % len(PREDICATES)]
            g = f"<{BASE}doc/d{e % 1000}>"
            triple = f"<{BASE}entity/n{a}> <{BASE}rel/{p}> <{BASE}entity/n{b}>"
            plain.write(f"{triple} {g} .\n")
            plain_count += 1
            r = f"<{BASE}fact/{e:032x}>"
            prov.write(
                f"{triple} {g} .\n"
                f"{r} <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( {triple} )>> {g} .\n"
                f"{r} <{ONTO}document> {g} {g} .\n"
                f'{r} <{ONTO}sentence> "Node {a} {p} node {b} in sentence {e}." {g} .\n'
                f'{r} <{ONTO}rule> "svo" {g} .\n'
                f'{r} <{ONTO}confidence> "0.9"^^<http://www.w3.org/2001/XMLSchema#double> {g} .\n'
            )
            prov_count += 6
    for _ in range(200):
        pairs.append((rng.randrange(nodes), rng.randrange(nodes)))
    return plain_path, plain_count, prov_path, prov_count, pairs, nodes


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


REPEAT = 1


def best(fn, setup=None):
    """The shortest of REPEAT runs of fn (setup before each, untimed): on a shared machine the shortest run is
    the one least disturbed by other processes."""
    times = []
    for _ in range(REPEAT):
        if setup:
            setup()
        seconds, _ = timed(fn)
        times.append(seconds)
    return min(times)


def run_kg(kg, args, store, stdout=subprocess.DEVNULL):
    env = dict(os.environ, KG_STORE=store)
    proc = subprocess.run([kg] + args, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"kg {' '.join(args)} failed: {proc.stderr}")
    return proc


def bench(size, kg, directory, rdflib_limit):
    import networkx as nx

    plain, plain_n, prov, prov_n, pairs, nodes = generate(size, directory)
    row = {"edges": size}

    # rdflib: parse (in memory) and serialize.
    if plain_n <= rdflib_limit:
        import rdflib

        parsed = {}

        def rdflib_load():
            parsed["ds"] = rdflib.Dataset()
            parsed["ds"].parse(plain, format="nquads")

        seconds = best(rdflib_load)
        ds = parsed.pop("ds")
        row["rdflib_load"] = plain_n / seconds
        seconds = best(lambda: ds.serialize(destination=os.path.join(directory, "rdflib.nq"), format="nquads"))
        row["rdflib_export_nq"] = plain_n / seconds
        graph = rdflib.Graph()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            graph.add((s, p, o))
        seconds = best(lambda: graph.serialize(destination=os.path.join(directory, "rdflib.nt"), format="nt"))
        row["rdflib_export"] = len(graph) / seconds
        del ds, graph

    # oxigraph's own bulk loader, persistent.
    try:
        import pyoxigraph

        ox_dir = os.path.join(directory, "ox")
        def ox_load():
            store = pyoxigraph.Store(ox_dir)
            store.bulk_load(path=plain, format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            del store
        seconds = best(ox_load, setup=lambda: shutil.rmtree(ox_dir, ignore_errors=True))
        row["oxigraph_load"] = plain_n / seconds
        shutil.rmtree(ox_dir, ignore_errors=True)
    except ImportError:
        pass

    # kg load, persistent: plain, then with provenance.
    store = os.path.join(directory, "kg-plain")
    seconds = best(lambda: run_kg(kg, ["load", plain], store), setup=lambda: shutil.rmtree(store, ignore_errors=True))
    row["kg_load"] = plain_n / seconds
    store_prov = os.path.join(directory, "kg-prov")
    seconds = best(lambda: run_kg(kg, ["load", prov], store_prov), setup=lambda: shutil.rmtree(store_prov, ignore_errors=True))
    row["kg_load_prov"] = prov_n / seconds
    shutil.rmtree(store_prov, ignore_errors=True)

    # kg export N-Triples.
    def kg_export(fmt):
        with open(os.path.join(directory, f"kg.{fmt}"), "w") as out:
            run_kg(kg, ["export", "--format", fmt], store, stdout=out)

    seconds = best(lambda: kg_export("nt"))
    row["kg_export"] = plain_n / seconds
    seconds = best(lambda: kg_export("nq"))
    row["kg_export_nq"] = plain_n / seconds

    # Paths: networkx vs the projection.
    g = nx.DiGraph()
    with open(plain) as f:
        for line in f:
            parts = line.split(" ")
            if "/entity/" in parts[2]:
                g.add_edge(parts[0], parts[2])
    times = []
    for a, b in pairs:
        s, t = f"<{BASE}entity/n{a}>", f"<{BASE}entity/n{b}>"
        start = time.perf_counter()
        try:
            nx.shortest_path(g, s, t)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            pass
        times.append(time.perf_counter() - start)
    row["nx_path_us"] = statistics.median(times) * 1e6
    pairs_file = os.path.join(directory, "pairs.tsv")
    with open(pairs_file, "w") as f:
        for a, b in pairs:
            f.write(f"n{a}\tn{b}\n")
    proc = run_kg(kg, ["path", "--pairs", pairs_file, "--timings"], store)
    match = re.search(r"median ([0-9.]+) µs", proc.stderr)
    row["kg_path_us"] = float(match.group(1)) if match else float("nan")
    shutil.rmtree(store, ignore_errors=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--kg", default=os.environ.get("KG_BIN", "target/release/kg"))
    parser.add_argument("--rdflib-limit", type=int, default=400_000, help="skip rdflib above this many triples")
    parser.add_argument("--repeat", type=int, default=1, help="time each load and export N times, keep the best")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as directory:
            row = bench(size, args.kg, directory, args.rdflib_limit)
        rows.append(row)
        print(row, file=sys.stderr, flush=True)

    def fmt(v, unit=""):
        return "-" if v is None else f"{v:,.0f}{unit}"

    print(f"{'edges':>9} | {'rdflib load/s':>13} | {'oxigraph bulk/s':>15} | {'kg load/s':>10} | {'kg load+prov/s':>14} | "
          f"{'rdflib nt/s':>11} | {'kg export nt/s':>14} | {'rdflib nq/s':>11} | {'kg export nq/s':>14} | "
          f"{'networkx µs':>11} | {'kg path µs':>10}")
    for r in rows:
        print(f"{r['edges']:>9} | {fmt(r.get('rdflib_load')):>13} | {fmt(r.get('oxigraph_load')):>15} | {fmt(r['kg_load']):>10} | "
              f"{fmt(r['kg_load_prov']):>14} | {fmt(r.get('rdflib_export')):>11} | {fmt(r['kg_export']):>14} | "
              f"{fmt(r.get('rdflib_export_nq')):>11} | {fmt(r['kg_export_nq']):>14} | "
              f"{r['nx_path_us']:>11.1f} | {r['kg_path_us']:>10.1f}")
    print("\nratios (goal: load >= 5x rdflib and >= 0.8x oxigraph's bulk loader; paths >= 10x networkx)")
    for r in rows:
        parts = [f"edges {r['edges']}:"]
        if "rdflib_load" in r:
            parts.append(f"kg load / rdflib = {r['kg_load'] / r['rdflib_load']:.1f}x")
            parts.append(f"kg load+prov / rdflib = {r['kg_load_prov'] / r['rdflib_load']:.1f}x")
            parts.append(f"kg export nt / rdflib = {r['kg_export'] / r['rdflib_export']:.1f}x")
            parts.append(f"kg export nq / rdflib = {r['kg_export_nq'] / r['rdflib_export_nq']:.1f}x")
        if "oxigraph_load" in r:
            parts.append(f"kg load / oxigraph bulk = {r['kg_load'] / r['oxigraph_load']:.2f}")
            parts.append(f"kg load+prov / oxigraph bulk = {r['kg_load_prov'] / r['oxigraph_load']:.2f}")
        parts.append(f"path: networkx / kg = {r['nx_path_us'] / r['kg_path_us']:.0f}x")
        print("  ".join(parts))


if __name__ == "__main__":
    main()
