#!/usr/bin/env bash
# Installs what a fresh clone is missing: npm dependencies (when the lockfile changed),
# optionally Debian's Chromium for the browser test, and the engines (cached).
#   tools/setup.sh [--browser]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"

stamp=node_modules/.waypoint-lock-hash
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm dependencies (npm ci)"
  t=$(date +%s)
  npm ci --no-audit --no-fund --loglevel=error || fail "step 'npm ci' failed"
  echo "$lock_hash" > "$stamp"
  say "npm dependencies installed in $(elapsed "$t")s"
else
  say "npm dependencies up to date"
fi

if $want_browser && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  say "installing Debian's chromium for the browser test"
  command -v apt-get >/dev/null || fail "chromium is missing and apt-get is not available; set CHROMIUM_PATH"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || fail "step 'apt-get install chromium' failed"
fi

say "installing the engines (cached after the first time)"
bash tools/engines.sh install
