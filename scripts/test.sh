#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite, PostgreSQL and MariaDB, the packed tarball in a fresh
# host, the mail catcher and the Chromium end-to-end tests. Installs and starts what it needs.
# Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`). Ends with the ten slowest test
# files, then "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib/services.sh"
trap stop_started_services EXIT
cd "$ROOT_DIR"

# static_checks DIR: the type check, the import cycles and the linters, one after the other, each
# one's output in DIR/<name>.log and the name of the first that failed in DIR/failed.
static_checks() {
  local dir=$1 name
  for name in typecheck cycles lint; do
    case $name in
      typecheck) npm run --silent typecheck ;;
      cycles) bash scripts/check-cycles.sh ;;
      lint) npm run --silent lint ;;
    esac >"$dir/$name.log" 2>&1 || { echo "$name" >"$dir/failed"; return 1; }
  done
}

started=$(date +%s)
npm_install || exit 1
# The checks need only the packages: they run beside the Debian installs and the builds, which
# leave the second core mostly idle (about two minutes saved on two cores).
checks_dir=$(mktemp -d)
log "type-checking, looking for import cycles and linting, beside the setup"
static_checks "$checks_dir" &
checks_pid=$!
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

wait "$checks_pid"
if [ -s "$checks_dir/failed" ]; then
  failed=$(cat "$checks_dir/failed")
  cat "$checks_dir/$failed.log" >&2
  case $failed in
    typecheck) log "the type check failed (see above)" ;;
    cycles) log "import cycles found (see above)" ;;
    lint) log "lint failed (see above; npm run format fixes what it can)" ;;
  esac
  echo "0 passed, 1 failed"
  exit 1
fi
log "type check, import cycles and lint passed; ready to test after $(( $(date +%s) - started ))s"

mkdir -p reports
rm -f reports/jest.json reports/jest-projects.json
# One jest worker more than the cores: the integration files wait on databases, Redis, SMTP and
# worker processes for a fifth of their time, so with one worker per core the cores sat 19% idle
# (integration on SQLite: 215 s on two workers, 171 s on three, two cores).
workers=$(( $(nproc) + 1 ))
npx jest --maxWorkers="$workers" --json --outputFile=reports/jest.json --reporters=default --reporters=./scripts/jest-projects-reporter.js "$@"
jest_status=$?
log "whole run took $(( $(date +%s) - started ))s"
# The summary line must be the last thing printed: CI reads it.
node scripts/jest-summary.js reports/jest.json
summary_status=$?
[ "$jest_status" -eq 0 ] && [ "$summary_status" -eq 0 ]
