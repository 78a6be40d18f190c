#!/usr/bin/env bash
# npm run bench:boot — times a clean install, the plugin build, the admin build and the boot of the
# playground (until /_health answers), with a Redis of its own when none is configured.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
npm_install
ensure_redis
node "$ROOT_DIR/bench/boot/measure.js"
