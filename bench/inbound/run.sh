#!/usr/bin/env bash
# npm run bench:inbound — the inbound pipeline and classifier: BENCH_EVENTS unique webhook events
# (delivered, opens, hard and soft bounces, complaints), each replayed once, applied through the
# pipeline on each database of BENCH_INBOUND_DATABASES ("sqlite postgres") with every final count
# checked (bench/inbound/apply.js), then BENCH_MESSAGES bounce messages classified
# (bench/inbound/classify.js), then BENCH_REPLIES replies read and matched against BENCH_DELIVERIES
# deliveries on SQLite (bench/inbound/replies.js: `replies: <N> replies/s, matched <P>%`). Starts Redis
# when none answers; needs the built plugin and playground.
# Figures land in .tmp/bench-inbound/*.json. The last line is
# `inbound: <N> events/s applied, <M> msgs/s classified, counts exact: yes|no`, for the slower database.
#   BENCH_EVENTS (50000 unique: 100000 applied), BENCH_BATCH (500), BENCH_CONCURRENCY (4), BENCH_MESSAGES (10000),
#   BENCH_REPLIES (10000), BENCH_DELIVERIES (1000000).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
bench_start bench-inbound
DATABASES="${BENCH_INBOUND_DATABASES:-sqlite postgres}"
for db in $DATABASES; do
  BENCH_RESULT="$OUT/apply-$db.json" node bench/inbound/apply.js "$db"
done
BENCH_RESULT="$OUT/classify.json" node bench/inbound/classify.js
BENCH_RESULT="$OUT/replies.json" node bench/inbound/replies.js sqlite
node -e '
const fs = require("node:fs");
const [out, ...dbs] = process.argv.slice(1);
const applied = dbs.map((db) => JSON.parse(fs.readFileSync(`${out}/apply-${db}.json`, "utf8")));
const classified = JSON.parse(fs.readFileSync(`${out}/classify.json`, "utf8"));
const slowest = Math.min(...applied.map((a) => a.rate));
const exact = applied.every((a) => a.exact) ? "yes" : "no";
console.log(`inbound: ${Math.round(slowest)} events/s applied, ${Math.round(classified.rate)} msgs/s classified, counts exact: ${exact}`);
' "$OUT" $DATABASES
