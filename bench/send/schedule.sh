#!/usr/bin/env bash
# npm run bench:schedule — only the planning line of bench:send: a recipient-local campaign planned
# over BENCH_PLAN_CONTACTS (1,000,000) contacts in 300 zones (bench/send/schedule-plan.js).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib/services.sh"
trap stop_started_services EXIT
bench_prepare
cd "$ROOT_DIR"
node --expose-gc bench/send/schedule-plan.js "${BENCH_PLAN_CONTACTS:-1000000}"
