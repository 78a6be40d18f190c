# Shared by scripts/test.sh and scripts/demo.sh: install what is missing, start what is not running.
# Source it; every function logs to stderr and leaves the caller's environment set up.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="$ROOT_DIR/.tmp"
mkdir -p "$STATE_DIR"

log() { printf '[campaigns] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
# apt_install PACKAGE... : installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# npm_install: installs node_modules from the lockfile when they are missing or older than it.
npm_install() {
  cd "$ROOT_DIR"
  if [ ! -d node_modules/@strapi/strapi ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages (npm ci)"
    # better-sqlite3's prebuilt binaries cannot be downloaded on these machines: the first install
    # compiles it (about two minutes) and keeps the build in npm's cache, where the next one finds
    # it (scripts/lib/native-cache.js).
    if node scripts/lib/native-cache.js has; then
      npm ci --no-audit --no-fund >&2 || return 1
    else
      npm_config_build_from_source=better-sqlite3 npm ci --no-audit --no-fund >&2 || return 1
    fi
    node scripts/lib/native-cache.js keep >&2 || log "the better-sqlite3 build was not kept (the next install compiles it again)"
  fi
}

# free_port: prints a TCP port nothing listens on.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ensure_redis: uses REDIS_URL when set and reachable, else the local 6379, else starts a private
# redis-server on a free port (stopped by stop_started_services). Exports REDIS_URL.
STARTED_PIDFILES=()
ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    if ! node -e 'const u=new URL(process.argv[1]);const s=require("net").connect(Number(u.port||6379),u.hostname,()=>{s.end();process.exit(0)});s.on("error",()=>process.exit(1))' "$REDIS_URL"; then
      log "REDIS_URL=$REDIS_URL does not answer"
      return 1
    fi
    log "using REDIS_URL=$REDIS_URL"
    return 0
  fi
  if port_open 6379 && [ "$(redis_ping 6379)" = PONG ]; then
    export REDIS_URL="redis://127.0.0.1:6379/0"
    log "using the Redis on 127.0.0.1:6379"
    return 0
  fi
  apt_install redis-server
  local port pidfile
  port=$(free_port)
  pidfile="$STATE_DIR/redis-$port.pid"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$pidfile" --logfile "$STATE_DIR/redis-$port.log" >&2
  STARTED_PIDFILES+=("$pidfile")
  for _ in $(seq 1 50); do [ "$(redis_ping "$port")" = PONG ] && break; sleep 0.1; done
  if [ "$(redis_ping "$port")" != PONG ]; then
    log "redis-server did not start on port $port (see $STATE_DIR/redis-$port.log)"
    return 1
  fi
  export REDIS_URL="redis://127.0.0.1:$port/0"
  log "started redis-server on 127.0.0.1:$port"
}

redis_ping() {
  if command -v redis-cli >/dev/null; then redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null
  else node -e 'const s=require("net").connect('"$1"',"127.0.0.1",()=>s.write("PING\r\n"));s.on("data",d=>{console.log(String(d).includes("PONG")?"PONG":"");s.end()});s.on("error",()=>console.log(""))'
  fi
}

stop_started_services() {
  local pidfile
  for pidfile in "${STARTED_PIDFILES[@]}"; do
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  return 0
}

# build_plugin / build_playground: the plugin's dist, then the host app (server and admin bundle).
build_plugin() {
  log "building the plugin (strapi-plugin build)"
  (cd "$ROOT_DIR" && rm -rf dist && npx strapi-plugin build >&2)
}

build_playground() {
  log "building the playground (strapi build)"
  (cd "$ROOT_DIR/playground" && rm -rf dist && npx strapi build >&2)
}

# ensure_postgres / ensure_mysql: succeed when the server answers on its usual local port, starting
# the machine's own server when it is installed but stopped. They never install a database server.
ensure_postgres() {
  local port="${PGPORT:-5432}"
  port_open "$port" && return 0
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "starting the local PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >&2 || true
    for _ in $(seq 1 50); do port_open "$port" && return 0; sleep 0.2; done
  fi
  return 1
}

ensure_mysql() {
  local port="${MYSQL_PORT:-3306}"
  port_open "$port" && return 0
  if [ -x /usr/sbin/mariadbd ]; then
    log "starting the local MariaDB"
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2 || true
    for _ in $(seq 1 50); do port_open "$port" && return 0; sleep 0.2; done
  fi
  return 1
}

# bench_prepare: what every benchmark needs before it boots the playground: npm packages, Redis,
# PostgreSQL, and the plugin and playground builds when either is missing.
bench_prepare() {
  npm_install
  ensure_redis
  ensure_postgres || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
  [ -d "$ROOT_DIR/dist" ] && [ -d "$ROOT_DIR/playground/dist" ] || { build_plugin; build_playground; }
}

# bench_start <name>: an empty $STATE_DIR/<name> for the benchmark's figures, in OUT; then works from
# the repository's root, with the machine's load logged first (figures from a busy machine mean less).
bench_start() {
  OUT="$STATE_DIR/$1"
  rm -rf "$OUT" && mkdir -p "$OUT"
  cd "$ROOT_DIR"
  log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
