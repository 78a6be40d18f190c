#!/usr/bin/env bash
# npm run bench:send — a 100,000-contact campaign (bench/send/newsletter.mjml) sent end to end
# through the real pipeline on SQLite and PostgreSQL into an SMTP sink in a child process, this
# machine's raw SMTP limit for the same message, then the same campaign to 20,000 contacts (peak RSS
# should not grow with the audience). Starts Redis when none answers; needs the built plugin and
# playground. The last line is `send: <N> msg/s, <R> of raw SMTP limit, peak RSS <M> MB` for the
# slower database. SQLite keeps Strapi's setup; one more pass at the small size measures it in WAL
# (DATABASE_SQLITE_WAL=true, see playground/src/index.ts). Last, bench/send/schedule-plan.js plans
# a recipient-local campaign over BENCH_PLAN_CONTACTS (1,000,000) contacts in 300 zones and prints
# `schedule: plan <T> ms for <N> contacts, peak RSS <M> MB` (BENCH_PLAN_CONTACTS=0 skips it).
#   BENCH_CONTACTS (100000), BENCH_SMALL_CONTACTS (20000), BENCH_RAW_MESSAGES (20000),
#   CAMPAIGNS_SEND_CONCURRENCY / CAMPAIGNS_BATCH_SIZE (20 and 500: the best pair found with
#   bench/send/tune.sh here; the plugin's defaults are 10 and 100),
#   BENCH_PROFILE=1 adds a profiled SQLite pass of BENCH_PROFILE_CONTACTS (20000), printed before the summary.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
CONTACTS="${BENCH_CONTACTS:-100000}"
SMALL="${BENCH_SMALL_CONTACTS:-20000}"
OUT="$STATE_DIR/bench-send"
export CAMPAIGNS_SEND_CONCURRENCY="${CAMPAIGNS_SEND_CONCURRENCY:-20}" CAMPAIGNS_BATCH_SIZE="${CAMPAIGNS_BATCH_SIZE:-500}"
STARTED=$SECONDS
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$ROOT_DIR"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

BENCH_SAMPLE="$OUT/message.eml" BENCH_RESULT="$OUT/sqlite-$CONTACTS.json" node --expose-gc bench/send/e2e.js sqlite "$CONTACTS"
BENCH_RESULT="$OUT/raw.json" node bench/send/raw.js "$OUT/message.eml" "${BENCH_RAW_MESSAGES:-20000}"
BENCH_RESULT="$OUT/postgres-$CONTACTS.json" node --expose-gc bench/send/e2e.js postgres "$CONTACTS"
results=("$OUT/sqlite-$CONTACTS.json" "$OUT/postgres-$CONTACTS.json")
if [ "$SMALL" != "$CONTACTS" ] && [ "$SMALL" != 0 ]; then
  for db in sqlite postgres; do
    BENCH_RESULT="$OUT/$db-$SMALL.json" node --expose-gc bench/send/e2e.js "$db" "$SMALL"
    results+=("$OUT/$db-$SMALL.json")
  done
  # SQLite in WAL with synchronous NORMAL (README: Throughput), for comparison.
  DATABASE_SQLITE_WAL=true BENCH_RESULT="$OUT/sqlite-wal-$SMALL.json" node --expose-gc bench/send/e2e.js sqlite "$SMALL"
  results+=("$OUT/sqlite-wal-$SMALL.json")
fi
if [ -n "${BENCH_PROFILE:-}" ]; then
  BENCH_PROFILE_FILE="$OUT/send-sqlite.cpuprofile" BENCH_STATEMENTS=1 node --expose-gc bench/send/e2e.js sqlite "${BENCH_PROFILE_CONTACTS:-20000}"
  node bench/send/profile-summary.js "$OUT/send-sqlite.cpuprofile" 20
fi
PLAN_CONTACTS="${BENCH_PLAN_CONTACTS:-1000000}"
if [ "$PLAN_CONTACTS" != 0 ]; then
  BENCH_RESULT="$OUT/schedule-plan.json" node --expose-gc bench/send/schedule-plan.js "$PLAN_CONTACTS" | tee "$OUT/schedule-plan.txt"
fi
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $((SECONDS - STARTED)) s in all"
[ -f "$OUT/schedule-plan.txt" ] && tail -n 1 "$OUT/schedule-plan.txt"
node bench/send/summary.js "$OUT/raw.json" "${results[@]}"
