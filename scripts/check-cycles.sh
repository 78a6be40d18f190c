#!/usr/bin/env bash
# Fails when any import cycle exists in the server, the shared contracts or the admin. Type imports
# count (madge follows them in TypeScript): a cycle of types today is a cycle of values tomorrow.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
for target in "server/src shared" "admin/src"; do
  # shellcheck disable=SC2086 # each target is a list of folders
  if ! output=$(npx --no-install madge --circular --no-spinner --no-color --extensions ts,tsx $target 2>&1); then
    echo "import cycles in $target:" >&2
    echo "$output" | sed -n '/Found/,$p' >&2
    status=1
  fi
done
exit $status
