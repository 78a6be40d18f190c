#!/usr/bin/env bash
# Tries send concurrencies and batch sizes on one database and prints a line per pair:
#   bash bench/send/tune.sh <sqlite|postgres> [contacts] ["concurrencies"] ["batch sizes"]
#   e.g. bash bench/send/tune.sh postgres 10000 "5 10 20 40" "50 100 500"
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
ensure_redis
DB="${1:-sqlite}"
CONTACTS="${2:-10000}"
OUT="$STATE_DIR/bench-send-tune"
mkdir -p "$OUT"
cd "$ROOT_DIR"
for c in ${3:-5 10 20 40}; do
  for b in ${4:-100}; do
    CAMPAIGNS_SEND_CONCURRENCY="$c" CAMPAIGNS_BATCH_SIZE="$b" BENCH_RESULT="$OUT/$DB-$c-$b.json" \
      node bench/send/e2e.js "$DB" "$CONTACTS" > "$OUT/$DB-$c-$b.log" 2>&1 || { echo "concurrency $c batch $b: failed (see $OUT/$DB-$c-$b.log)"; continue; }
    node -e 'const r=require(process.argv[1]);console.log(`${r.db} concurrency ${r.concurrency} batch ${r.batchSize}: ${r.rate} msg/s, app CPU ${Math.round(r.appCpu*100)}% (${r.appCpuMsPerMessage.toFixed(2)} ms a message), peak RSS ${r.peakRssMb} MB, load ${require("os").loadavg()[0].toFixed(1)}`)' "$OUT/$DB-$c-$b.json"
  done
done
