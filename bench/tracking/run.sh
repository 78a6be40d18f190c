#!/usr/bin/env bash
# npm run bench:tracking — the open pixel and the click redirect under keep-alive load, mixed half and
# half (bench/tracking/tracking.js), on each database of BENCH_TRACKING_DATABASES ("sqlite postgres"),
# beside a bare Node http server doing the same token check and answer on this machine. Starts Redis
# when none answers; needs the built plugin and playground. Figures land in .tmp/bench-tracking/<db>.json
# too. Last line: `tracking: <N> req/s, p99 <L> ms, <R> of bare node, events lost <K>`, for the slower
# database (the events lost summed over all). SQLite keeps Strapi's setup (rollback journal, an fsync
# per commit); one more SQLite pass runs in WAL (DATABASE_SQLITE_WAL=true, playground/src/index.ts).
#   BENCH_DELIVERIES (100000), BENCH_CONCURRENCY (50), BENCH_SECONDS (10).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
bench_start bench-tracking
for db in ${BENCH_TRACKING_DATABASES:-sqlite postgres}; do
  BENCH_RESULT="$OUT/$db.json" node --expose-gc bench/tracking/tracking.js "$db"
done
# SQLite in WAL with synchronous NORMAL (README: Throughput), for comparison: not in the last line.
if [[ " ${BENCH_TRACKING_DATABASES:-sqlite} " == *" sqlite "* ]]; then
  DATABASE_SQLITE_WAL=true node --expose-gc bench/tracking/tracking.js sqlite | sed 's/^\(strapi\|event loop\|recorded\|tracking\|cpu strapi\|cpu ratio\) sqlite/\1 sqlite-wal/'
fi
node -e '
  const fs = require("node:fs");
  const runs = process.argv.slice(1).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
  const rate = (r) => r.result.requests / r.result.seconds;
  const slowest = runs.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  const lost = runs.reduce((sum, r) => sum + r.lost, 0);
  console.log(`tracking: ${Math.round(rate(slowest))} req/s, p99 ${slowest.result.p99.toFixed(1)} ms, ${slowest.ratio.toFixed(2)} of bare node, events lost ${lost}`);
' "$OUT"/*.json
