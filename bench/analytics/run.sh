#!/usr/bin/env bash
# npm run bench:analytics — a campaign's report at a million deliveries and three million events
# (bench/analytics/analytics.js), on each database of BENCH_ANALYTICS_DATABASES ("sqlite postgres").
# Starts Redis when none answers; needs the built plugin and playground. Figures land in
# .tmp/bench-analytics/<db>.json too. Last line: `analytics: p50 <A> ms, p99 <B> ms at <N> deliveries,
# rollup cost <C>%`, the slower database's report and the larger rollup cost.
#   BENCH_DELIVERIES (1000000), BENCH_EVENTS (3000000), BENCH_REPORTS (100), BENCH_RECORDED (50000).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
bench_start bench-analytics
for db in ${BENCH_ANALYTICS_DATABASES:-sqlite postgres}; do
  BENCH_RESULT="$OUT/$db.json" node --expose-gc bench/analytics/analytics.js "$db"
done
node -e '
  const fs = require("node:fs");
  const runs = process.argv.slice(1).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
  const slowest = runs.reduce((a, b) => (b.report.p50 > a.report.p50 ? b : a));
  const cost = Math.max(...runs.map((r) => r.rollupCost));
  console.log(`analytics: p50 ${slowest.report.p50.toFixed(1)} ms, p99 ${slowest.report.p99.toFixed(1)} ms at ${slowest.deliveries} deliveries, rollup cost ${(cost * 100).toFixed(1)}%`);
' "$OUT"/*.json
