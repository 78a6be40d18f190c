#!/usr/bin/env bash
# npm run bench:audience — segment count and keyset pages at 1,000,000 contacts on SQLite and
# PostgreSQL, then a 200,000-row CSV import through the real job. Starts Redis when none answers;
# needs the built plugin and playground (npm test builds them). Its last two lines are the summaries.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
CONTACTS="${CONTACTS:-1000000}"
results=()
for db in sqlite postgres; do
  node "$ROOT_DIR/bench/audience/segments.js" "$db" "$CONTACTS" | tee "$STATE_DIR/bench-audience-$db.log"
  results+=("$(tail -n 1 "$STATE_DIR/bench-audience-$db.log")")
done
node --expose-gc "$ROOT_DIR/bench/audience/import.js" "${IMPORT_ROWS:-200000}" | tee "$STATE_DIR/bench-audience-import.log"
# The slower database's segment line, then the import line.
printf '%s\n' "${results[@]}" | awk '{ if ($3 + 0 >= max) { max = $3 + 0; line = $0 } } END { print line }'
tail -n 1 "$STATE_DIR/bench-audience-import.log"
