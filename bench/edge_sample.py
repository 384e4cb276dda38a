#!/usr/bin/env python3
"""Draws a random sample of the asserted edges between entities of a store, each with one sentence that
states it, for judging by hand (the measure of precision that issue 11 asks for).

    python3 bench/edge_sample.py --kg target/release/kg --store STORE [--seed 20261206] [--size 100]

Prints one line per edge: number, subject, predicate, object, document, sentence (tab-separated). An
edge is a triple of the facts graph whose subject and object are both entities; it is drawn once,
whatever the number of sentences behind it, and shown with the first of them. The draw depends only
on the store's edges and the seed.
"""

import argparse
import random
import subprocess

BASE = "https://kg.example.org/"
QUERY = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <{BASE}ontology#>
SELECT ?doc ?sl ?p ?ol ?text WHERE {{
  GRAPH <{BASE}graph/facts> {{ ?s ?p ?o }}
  FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{BASE}entity/") && STRSTARTS(STR(?s), "{BASE}entity/"))
  GRAPH ?doc {{ ?r rdf:reifies <<( ?s ?p ?o )>> ; kg:sentence ?text }}
  GRAPH <{BASE}graph/entities> {{ ?s rdfs:label ?sl . ?o rdfs:label ?ol }}
}}"""


def short(iri):
    return iri.strip("<>").rsplit("/", 1)[-1].split("#")[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kg", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--size", type=int, default=100)
    a = ap.parse_args()
    out = subprocess.run(
        [a.kg, "query", "--store", a.store, "--format", "tsv", QUERY],
        check=True, capture_output=True, text=True,
    ).stdout
    edges = {}
    for line in out.splitlines()[1:]:
        row = line.split("\t")
        if len(row) >= 5:
            edges.setdefault((row[1], row[2], row[3]), row)
    keys = sorted(edges)
    random.seed(a.seed)
    for n, k in enumerate(random.sample(keys, min(a.size, len(keys))), 1):
        doc, s, p, o, text = edges[k][:5]
        print(f"{n}\t{s}\t{short(p)}\t{o}\t{short(doc)}\t{text}")


if __name__ == "__main__":
    main()
