#!/usr/bin/env bash
# `kg build` of one generated one-line document of MB megabytes: wall time and peak memory of the build,
# then how long the build takes to stop after a SIGINT sent during the analysis.
# Usage: bench/long_document.sh [MB] [THREADS]   (defaults: 3 MB, 2 threads; KG=path/to/kg to skip cargo).
# Memory grows ~300 MB per MB: mind the machine before asking for 20.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-3}"
threads="${2:-2}"
if [ -z "${KG:-}" ]; then
  cargo build --release --quiet --bin kg --manifest-path "$here/Cargo.toml"
  KG="${CARGO_TARGET_DIR:-$here/target}/release/kg"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$mb" "$work/long.txt" <<'PY'
import sys
sentences = ["Anna Berg met Carl Dahl in Oslo on Monday.", "The Norwegian minister said the talks would resume.",
             "Dahl, who leads the Harbour Party, controls the port of Bergen.", "Berg told reporters that the plan had failed."]
size, out = int(sys.argv[1]) << 20, []
n, k = 0, 0
while n < size:
    s = f"{sentences[k % 4]} Report {k} from Kristiansund said so. "
    out.append(s); n += len(s); k += 1
open(sys.argv[2], "w").write("".join(out))
PY
echo "document: $(stat -c %s "$work/long.txt") bytes on one line"
/usr/bin/time -f "build: %e s wall, %M KB peak RSS, exit %x" \
  "$KG" build --quiet --threads "$threads" --max-document-mb $((mb + 1)) --store "$work/store" "$work/long.txt" || true
rm -rf "$work/store"
"$KG" build --quiet --threads "$threads" --max-document-mb $((mb + 1)) --store "$work/store" "$work/long.txt" 2>"$work/err" &
pid=$!
until [ -e "$work/store/CURRENT" ]; do sleep 0.05; done
sleep 2
start=$(date +%s.%N)
kill -INT "$pid"
wait "$pid" || true
end=$(date +%s.%N)
echo "SIGINT 2 s into the build: stopped after $(python3 -c "print(round($end - $start, 2))") s: $(tail -1 "$work/err")"
