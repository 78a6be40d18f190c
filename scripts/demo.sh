#!/usr/bin/env bash
# npm run demo: installs what is missing, builds, starts Redis and a local mail catcher, then runs
# the playground with demo data (an admin, 1,000 contacts, two segments, a draft campaign).
#
#   PORT                        the admin's port (default 1337)
#   CAMPAIGNS_DEMO_SKIP_BUILD=1 reuse dist/ and playground/dist/ when both exist
#   CAMPAIGNS_DEMO_ADMIN_EMAIL, CAMPAIGNS_DEMO_ADMIN_PASSWORD   the admin the first start creates
#   REDIS_URL                   a Redis to use instead of the local 6379 or a private one
set -euo pipefail
SETUP_STARTED_AT=$(date +%s)

source "$(dirname "$0")/lib/services.sh"

PLAYGROUND_DIR="$ROOT_DIR/playground"
CATCHER_PID=""
STRAPI_PID=""

# Seconds as "42 s" or "5 min 31 s".
duration() {
  if [ "$1" -lt 60 ]; then echo "$1 s"; else echo "$(($1 / 60)) min $(($1 % 60)) s"; fi
}

# Waits up to $2 tenths of a second for process $1 to end; false if it is still running.
wait_for_exit() {
  for _ in $(seq 1 "$2"); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  ! kill -0 "$1" 2>/dev/null
}

# Asks Strapi to stop (it destroys itself on SIGTERM: queues closed, database released), and kills
# it if it has not stopped after 20 seconds.
stop_strapi() {
  [ -n "$STRAPI_PID" ] && kill -0 "$STRAPI_PID" 2>/dev/null || return 0
  log "stopping Strapi (pid $STRAPI_PID)"
  kill -TERM "$STRAPI_PID" 2>/dev/null || true
  wait_for_exit "$STRAPI_PID" 200 || { log "Strapi did not stop in 20 s: killing it"; kill -KILL "$STRAPI_PID" 2>/dev/null || true; }
  wait "$STRAPI_PID" 2>/dev/null || true
}

cleanup() {
  trap - EXIT INT TERM
  stop_strapi
  if [ -n "$CATCHER_PID" ] && kill -0 "$CATCHER_PID" 2>/dev/null; then
    kill -TERM "$CATCHER_PID" 2>/dev/null || true
    wait_for_exit "$CATCHER_PID" 50 || kill -KILL "$CATCHER_PID" 2>/dev/null || true
    wait "$CATCHER_PID" 2>/dev/null || true
  fi
  # `|| true` also turns off errexit inside: one pidfile whose process is gone must not stop the rest.
  stop_started_services || true
}
trap cleanup EXIT
# Background jobs of a script ignore SIGINT, so Ctrl-C reaches only this shell: it stops the rest.
trap 'trap "" INT TERM; exit 130' INT
trap 'trap "" INT TERM; exit 143' TERM

command -v node >/dev/null || { log "Node.js 20 to 24 is needed (https://nodejs.org)"; exit 1; }
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" -lt 20 ] || [ "$NODE_MAJOR" -gt 24 ]; then
  log "Node.js 20 to 24 is needed, this is $(node --version)"
  exit 1
fi

# The demo is a development setup: npm installs the dev tools (builders, the mail catcher), and
# the plugin does not demand production secrets.
export NODE_ENV=development
# Neither Strapi nor its admin in the browser calls home: the demo stays on this machine.
export STRAPI_TELEMETRY_DISABLED=true
export PORT="${PORT:-1337}"
if port_open "$PORT"; then
  log "port $PORT is already in use: stop what listens there, or run with PORT=<another port>"
  exit 1
fi

npm_install

if [ "${CAMPAIGNS_DEMO_SKIP_BUILD:-}" = 1 ] && [ -f "$ROOT_DIR/dist/server/index.js" ] && [ -f "$ROOT_DIR/dist/admin/index.js" ] \
  && [ -f "$PLAYGROUND_DIR/dist/src/index.js" ] && [ -f "$PLAYGROUND_DIR/dist/build/index.html" ]; then
  log "CAMPAIGNS_DEMO_SKIP_BUILD=1: using the existing dist/ and playground/dist/"
else
  [ "${CAMPAIGNS_DEMO_SKIP_BUILD:-}" = 1 ] && log "CAMPAIGNS_DEMO_SKIP_BUILD=1, but a build is missing: building"
  build_plugin
  build_playground
fi

ensure_redis

SMTP_PORT=1025
HTTP_PORT=1080
port_open "$SMTP_PORT" && SMTP_PORT=$(free_port)
port_open "$HTTP_PORT" && HTTP_PORT=$(free_port)
CATCHER_LOG="$STATE_DIR/mail-catcher.log"
MAIL_CATCHER_HOST=127.0.0.1 MAIL_CATCHER_SMTP_PORT="$SMTP_PORT" MAIL_CATCHER_HTTP_PORT="$HTTP_PORT" \
  node "$ROOT_DIR/tools/mail-catcher/index.js" >"$CATCHER_LOG" 2>&1 &
CATCHER_PID=$!
for _ in $(seq 1 100); do
  if ! kill -0 "$CATCHER_PID" 2>/dev/null; then
    log "the mail catcher did not start:"
    cat "$CATCHER_LOG" >&2
    exit 1
  fi
  port_open "$SMTP_PORT" && port_open "$HTTP_PORT" && break
  sleep 0.1
done
port_open "$HTTP_PORT" || { log "the mail catcher did not answer within 10 s (see $CATCHER_LOG)"; exit 1; }
log "mail catcher: SMTP 127.0.0.1:$SMTP_PORT, web http://127.0.0.1:$HTTP_PORT/"

export SMTP_HOST=127.0.0.1 SMTP_PORT CAMPAIGNS_DEMO_SEED=true
export CAMPAIGNS_DEMO_ADMIN_EMAIL="${CAMPAIGNS_DEMO_ADMIN_EMAIL:-admin@example.com}"
export CAMPAIGNS_DEMO_ADMIN_PASSWORD="${CAMPAIGNS_DEMO_ADMIN_PASSWORD:-Campaigns-Demo-1}"
# A database and queue prefix of the demo's own: `npm run develop` data in playground/.tmp/data.db
# stays untouched, and queued jobs never point at rows of the other database.
export CAMPAIGNS_REDIS_PREFIX="${CAMPAIGNS_REDIS_PREFIX:-campaigns-demo}"
# The raw-mail endpoint is closed without a secret: the demo makes one, so a bounce can be posted to it.
RAW_MAIL_SECRET_FILE="$PLAYGROUND_DIR/.tmp/demo-raw-mail.secret"
mkdir -p "$(dirname "$RAW_MAIL_SECRET_FILE")"
[ -s "$RAW_MAIL_SECRET_FILE" ] || openssl rand -hex 24 > "$RAW_MAIL_SECRET_FILE"
export CAMPAIGNS_INBOUND="${CAMPAIGNS_INBOUND:-{\"rawMail\":{\"secret\":\"$(cat "$RAW_MAIL_SECRET_FILE")\"}}}"
if [ "${DATABASE_CLIENT:-sqlite}" = sqlite ]; then
  export DATABASE_FILENAME="${DATABASE_FILENAME:-$PLAYGROUND_DIR/.tmp/demo.db}"
  mkdir -p "$(dirname "$DATABASE_FILENAME")"
  DATABASE_DESCRIPTION="SQLite $DATABASE_FILENAME"
else
  DATABASE_DESCRIPTION="$DATABASE_CLIENT ${DATABASE_NAME:-strapi} on ${DATABASE_HOST:-127.0.0.1}"
fi

log "starting Strapi on port $PORT (the first start also seeds the demo data)"
STARTED_AT=$(date +%s)
SETUP_SECONDS=$((STARTED_AT - SETUP_STARTED_AT))
# The strapi binary itself rather than npx: npm exec does not pass SIGTERM on to its child.
STRAPI_BIN="$ROOT_DIR/node_modules/.bin/strapi"
[ -x "$PLAYGROUND_DIR/node_modules/.bin/strapi" ] && STRAPI_BIN="$PLAYGROUND_DIR/node_modules/.bin/strapi"
(cd "$PLAYGROUND_DIR" && exec "$STRAPI_BIN" start) &
STRAPI_PID=$!

# Strapi listens only once bootstrap (and so the seed) is done: an open port means ready.
until port_open "$PORT"; do
  if ! kill -0 "$STRAPI_PID" 2>/dev/null; then
    status=0
    wait "$STRAPI_PID" || status=$?
    log "Strapi exited with status $status before it was ready"
    exit "$status"
  fi
  sleep 0.2
done

cat <<EOF

  ─────────────────────────────────────────────────────────────────────────
   Campaigns demo is ready: setup $(duration "$SETUP_SECONDS") (install, builds, Redis, mail catcher),
   then Strapi's start $(duration $(($(date +%s) - STARTED_AT)))

   Admin panel    http://localhost:$PORT/admin
   Admin login    $CAMPAIGNS_DEMO_ADMIN_EMAIL  /  $CAMPAIGNS_DEMO_ADMIN_PASSWORD   (created by the first start)
   Mail catcher   http://127.0.0.1:$HTTP_PORT/   (SMTP 127.0.0.1:$SMTP_PORT, log $CATCHER_LOG)
   Redis          $REDIS_URL   (key prefix $CAMPAIGNS_REDIS_PREFIX)
   Database       $DATABASE_DESCRIPTION

   Bounces        bin/campaigns-post-mail.sh http://localhost:$PORT/api/campaigns/inbound/mail \\
                    $RAW_MAIL_SECRET_FILE < tests/fixtures/bounces/messages/<a bounce>.eml
                  (then Bounces & complaints in the admin; an address never mailed stays unmatched)

   Every mail the plugin sends lands in the mail catcher, none leaves this machine.
   Ctrl-C stops Strapi, the mail catcher and any Redis this script started.
  ─────────────────────────────────────────────────────────────────────────

EOF

status=0
wait "$STRAPI_PID" || status=$?
STRAPI_PID=""
log "Strapi exited with status $status"
exit "$status"
