#!/usr/bin/env bash
# Scale benchmark (issue 12): build speed, peak memory, bytes per quad and query latency at 1k/10k/50k documents.
# Usage: bench/scale.sh [scale.py options]   e.g. KG=/tmp/kg bench/scale.sh --sizes 1000,10000 --json out.json
# KG=path/to/kg skips cargo; without --corpus the articles are composed from ../shared/eval/dwie (see scale.py).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${KG:-}" ]; then
  cargo build --release --quiet --bin kg --manifest-path "$here/Cargo.toml"
  KG="${CARGO_TARGET_DIR:-$here/target}/release/kg"
fi
exec nice -n 5 python3 "$here/bench/scale.py" --kg "$KG" "$@"
