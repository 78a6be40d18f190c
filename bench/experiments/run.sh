#!/usr/bin/env bash
# npm run bench:experiments — A/B tests: the decision for BENCH_VARIANTS (8) variants over
# BENCH_RECIPIENTS (1,000,000) recipients under both rules (bench/experiments/decide.js: pure
# statistics compiled from source, no build and no service needed).
# Then the dispatch with a 4-variant test against the same campaign without one
# (bench/experiments/dispatch.js: the built playground on SQLite and Redis, BENCH_DISPATCH_CONTACTS, 20,000).
# Figures land in .tmp/bench-experiments/*.json. The last line is
# `experiments: decide <T> ms, dispatch with variants <R> of plain`.
#   BENCH_VARIANTS (8), BENCH_RECIPIENTS (1000000), BENCH_RUNS (7).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
bench_start bench-experiments
BENCH_RESULT="$OUT/decide.json" node bench/experiments/decide.js
trap stop_started_services EXIT
bench_prepare
BENCH_RESULT="$OUT/dispatch.json" node bench/experiments/dispatch.js
node -e '
const [decide, dispatch] = process.argv.slice(1).map((file) => JSON.parse(require("fs").readFileSync(file, "utf8")));
console.log(`experiments: decide ${decide.decideMs.toFixed(1)} ms, dispatch with variants ${dispatch.ratio.toFixed(2)} of plain`);
' "$OUT/decide.json" "$OUT/dispatch.json"
