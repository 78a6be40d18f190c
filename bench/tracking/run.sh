#!/usr/bin/env bash
# npm run bench:tracking — the open pixel and the click redirect under keep-alive load (bench/tracking/
# tracking.js) on each database of BENCH_TRACKING_DATABASES ("sqlite postgres"), beside a bare Node
# http server's rate on this machine. Starts Redis when none answers; needs the built plugin and
# playground. Figures land in .tmp/bench-tracking/<db>.json too.
#   BENCH_DELIVERIES (20000), BENCH_CONCURRENCY (50), BENCH_SECONDS (10 per endpoint).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
bench_start bench-tracking
for db in ${BENCH_TRACKING_DATABASES:-sqlite postgres}; do
  BENCH_RESULT="$OUT/$db.json" node bench/tracking/tracking.js "$db"
done
