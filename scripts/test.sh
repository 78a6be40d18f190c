#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite, PostgreSQL and MariaDB, the packed tarball in a fresh
# host, the mail catcher and the Chromium end-to-end tests. Installs and starts what it needs.
# Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`). Ends with the ten slowest test
# files, then "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib/services.sh"
trap stop_started_services EXIT
cd "$ROOT_DIR"

started=$(date +%s)
npm_install || exit 1
# redis-server and redis-tools' redis-cli start the private Redis Cluster and Sentinel of the
# redis-cluster and redis-sentinel tests, even when REDIS_URL names a Redis elsewhere; the mailbox
# tests start their own Dovecot (tests/helpers/dovecot.ts).
apt_install chromium spamassassin redis-server redis-tools dovecot-imapd || exit 1
if [ "${CAMPAIGNS_SKIP_BUILD:-}" != 1 ] || [ ! -d dist ] || [ ! -d playground/dist/build ]; then
  build_plugin || exit 1
  build_playground || exit 1
fi
ensure_redis || exit 1

databases=sqlite
for db in postgres mysql; do
  if "ensure_$db"; then
    databases="$databases,$db"
  elif [ -n "${CI:-}" ]; then
    log "$db is not reachable: CI runs the integration suite on SQLite, PostgreSQL and MariaDB"
    exit 1
  else
    log "$db is not reachable here: skipping its integration run"
  fi
done
export CAMPAIGNS_TEST_DATABASES="$databases"
log "integration databases: $databases; setup took $(( $(date +%s) - started ))s"

log "type-checking server, admin and tests"
if ! npm run --silent typecheck >&2; then
  log "the type check failed (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi

log "looking for import cycles"
if ! bash scripts/check-cycles.sh; then
  log "import cycles found (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi

log "linting (ESLint, Prettier)"
if ! npm run --silent lint >&2; then
  log "lint failed (see above; npm run format fixes what it can)"
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p reports
rm -f reports/jest.json reports/jest-projects.json
npx jest --maxWorkers=2 --json --outputFile=reports/jest.json --reporters=default --reporters=./scripts/jest-projects-reporter.js "$@"
jest_status=$?
log "whole run took $(( $(date +%s) - started ))s"
# The summary line must be the last thing printed: CI reads it.
node scripts/jest-summary.js reports/jest.json
summary_status=$?
[ "$jest_status" -eq 0 ] && [ "$summary_status" -eq 0 ]
