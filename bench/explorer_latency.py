#!/usr/bin/env python3
"""Latency of the explorer's JSON endpoints on a running `kg serve`: type-ahead search, the entity page and
the neighbourhood view, one request at a time on a keep-alive connection (what one person typing sees).

    kg serve --store STORE --bind 127.0.0.1:7878 &
    python3 bench/explorer_latency.py [--url http://127.0.0.1:7878] [--entities 50] [--json]

Search: every prefix (1 to 12 characters) of the labels of `--entities` entities, as typed, half of them the
most central and half drawn at random from the search index; the entity page and the neighbourhood (default
bound, then with a confidence filter) of the same entities. Prints p50, p95 and max per endpoint, in ms. The
targets of issue 14 (20,000 articles): search p95 < 50 ms, entity page < 300 ms, neighbourhood < 500 ms.
Only the given URL is contacted.
"""

import argparse
import http.client
import json
import random
import sys
import time
import urllib.parse


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, int(round(q / 100 * (len(ordered) - 1)))))
    return ordered[k]


class Client:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def get(self, path):
        """(status, decoded JSON or text, milliseconds)."""
        started = time.perf_counter()
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            body = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            body = response.read()
        ms = (time.perf_counter() - started) * 1000
        if response.status == 200 and "json" in (response.getheader("Content-Type") or ""):
            return response.status, json.loads(body), ms
        return response.status, body.decode("utf-8", "replace"), ms


def q(value):
    return urllib.parse.quote(value, safe="")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7878")
    parser.add_argument("--entities", type=int, default=50, help="entities to look at (default 50)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    client = Client(args.url)

    # The first request waits for the server's snapshot of the store.
    started = time.perf_counter()
    while True:
        status, overview, ms = client.get("/api/overview")
        if status == 200:
            break
        if status != 503 or time.perf_counter() - started > 600:
            sys.exit(f"/api/overview answered {status}: {overview}")
        time.sleep(1)
    ready_s = time.perf_counter() - started
    print(f"store: {overview['documents']} documents, {overview['entities']} entities, "
          f"{overview['relations']} relations (snapshot ready after {ready_s:.1f} s, overview {ms:.0f} ms)",
          file=sys.stderr)

    status, top, _ = client.get(f"/api/search?q=&limit=200")
    if status != 200 or not top["results"]:
        sys.exit("the store has no entities to search")
    pool = top["results"]
    rng = random.Random(args.seed)
    half = args.entities // 2
    chosen = pool[:half] + rng.sample(pool[half:], min(len(pool) - half, args.entities - half))
    # Random entities beyond the 200 most important: one-letter and two-letter searches reach them.
    for letters in ["a", "e", "ma", "st", "ch"]:
        status, found, _ = client.get(f"/api/search?limit=50&q={letters}")
        if status == 200:
            chosen += rng.sample(found["results"], min(2, len(found["results"])))

    timings = {"search": [], "entity": [], "neighbourhood": [], "neighbourhood_filtered": []}
    errors = []
    for hit in chosen:
        label = hit["label"]
        for n in range(1, min(len(label), 12) + 1):
            status, body, ms = client.get(f"/api/search?limit=12&q={q(label[:n])}")
            (timings["search"] if status == 200 else errors).append(ms if status == 200 else (status, body))
        for key, path in [
            ("entity", f"/api/entity?iri={q(hit['id'])}"),
            ("neighbourhood", f"/api/neighbourhood?node={q(hit['id'])}"),
            ("neighbourhood_filtered", f"/api/neighbourhood?node={q(hit['id'])}&min_confidence=0.5&limit=50"),
        ]:
            status, body, ms = client.get(path)
            if status == 200:
                timings[key].append(ms)
            else:
                errors.append((status, path, str(body)[:200]))

    figures = {
        key: {
            "requests": len(values),
            "p50_ms": round(percentile(values, 50), 2),
            "p95_ms": round(percentile(values, 95), 2),
            "max_ms": round(max(values), 2) if values else None,
        }
        for key, values in timings.items()
    }
    figures["store"] = {k: overview[k] for k in ("documents", "entities", "relations", "extractions")}
    figures["snapshot_ready_s"] = round(ready_s, 1)
    figures["errors"] = len(errors)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{'endpoint':<24}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for key in timings:
            f = figures[key]
            print(f"{key:<24}{f['requests']:>9}{f['p50_ms']:>9}{f['p95_ms']:>9}{f['max_ms']!s:>9}")
        print(f"errors: {len(errors)}")
    for error in errors[:5]:
        print("error:", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
