#!/usr/bin/env bash
# npm run bench:audience — segment count and keyset pages at 1,000,000 contacts on SQLite and
# PostgreSQL. Starts Redis when none answers; needs the built plugin and playground (npm test builds them).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
npm_install
ensure_redis
ensure_postgres || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
[ -d "$ROOT_DIR/dist" ] && [ -d "$ROOT_DIR/playground/dist" ] || { build_plugin; build_playground; }
CONTACTS="${CONTACTS:-1000000}"
results=()
for db in sqlite postgres; do
  node "$ROOT_DIR/bench/audience/segments.js" "$db" "$CONTACTS" | tee "$STATE_DIR/bench-audience-$db.log"
  results+=("$(tail -n 1 "$STATE_DIR/bench-audience-$db.log")")
done
# The slower database's line, as the summary.
printf '%s\n' "${results[@]}" | awk '{ gsub("ms,", "", $3); if ($3 + 0 >= max) { max = $3 + 0; line = $0 } } END { print line }'
