#!/usr/bin/env bash
# CaRB dev score of `kg extract` on spaCy's analysis of the dev sentences (the oracle), printing P/R/F1.
# Usage: bench/carb.sh [ANALYZED_JSONL] [GOLD_TSV]   (defaults: the shared oracle and dev gold)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$here/../shared"
analyzed="${1:-$shared/oracle/carb_dev.jsonl}"
gold="${2:-$shared/eval/carb/gold/dev.tsv}"
scorer="${CARB_SCORER:-$shared/eval/carb_score.py}"
export CARGO_BUILD_BUILD_DIR="${CARGO_BUILD_BUILD_DIR:-$HOME/.cache/kg-target}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
cargo build --release --quiet --bin kg --manifest-path "$here/Cargo.toml"
out="$(mktemp --suffix=.oie)"
trap 'rm -f "$out"' EXIT
"$CARGO_TARGET_DIR/release/kg" extract --analyzed "$analyzed" --format oie > "$out"
echo "triples: $(wc -l < "$out")"
python3 "$scorer" "$gold" "$out"
