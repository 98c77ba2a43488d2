#!/usr/bin/env bash
# The test command: installs what is missing, starts the real engines, then runs every
# check: type check, lint, all Jest projects (unit + integration against the engines +
# the system test across processes), and the browser test against a running stack.
# Ends with its own summary line: `N passed, N failed`.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
mkdir -p test-output
t0=$(date +%s)

passed=0
failed=0
failures=()
record() { # name status(0=pass) [passed failed]
  local name=$1 status=$2 p=${3:-} f=${4:-}
  if [ -n "$p" ]; then
    passed=$((passed + p)); failed=$((failed + f))
    [ "$f" -gt 0 ] || [ "$status" -ne 0 ] && failures+=("$name")
    # A runner that failed without counting a failure still counts as one.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  elif [ "$status" -eq 0 ]; then passed=$((passed + 1))
  else failed=$((failed + 1)); failures+=("$name"); fi
}
summary() {
  echo
  say "finished in $(elapsed "$t0")s"
  [ ${#failures[@]} -eq 0 ] || echo "failed: ${failures[*]}"
  echo "$passed passed, $failed failed"
}
trap summary EXIT

step() { say "$1"; }

step "setup"
if ! bash tools/setup.sh --browser; then record "setup" 1; exit 1; fi
if ! bash tools/engines.sh start; then record "engines" 1; exit 1; fi

step "type check (tsc)"
node_modules/.bin/tsc -p tsconfig.json --noEmit; record "typecheck" $?

if [ -f eslint.config.mjs ]; then
  step "lint (eslint, module boundaries)"
  node_modules/.bin/eslint . --max-warnings 0; record "lint" $?
fi

step "jest: unit, integration and system tests against the real engines"
rm -f test-output/jest-results.json
node_modules/.bin/jest --ci --json --outputFile=test-output/jest-results.json
jest_status=$?
if [ -f test-output/jest-results.json ]; then
  read -r jp jf < <(node -e '
    const r = require("./test-output/jest-results.json");
    const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);')
  record "jest" "$jest_status" "$jp" "$jf"
else
  record "jest" 1
fi

step "browser test: staff-web in headless Chromium against a running stack"
if node_modules/.bin/vite build --config apps/staff-web/vite.config.ts --logLevel warn && bash tools/services.sh start test; then
  WCM_WEB_URL=http://127.0.0.1:4900 TS_NODE_PROJECT=apps/staff-web-e2e/tsconfig.json \
    node -r ts-node/register/transpile-only apps/staff-web-e2e/src/register-participant.e2e.ts | tee test-output/e2e.log
  e2e_status=${PIPESTATUS[0]}
  line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' test-output/e2e.log | tail -n1)
  if [ -n "$line" ]; then
    ep=$(echo "$line" | sed -E 's/^e2e: ([0-9]+) passed, ([0-9]+) failed$/\1/')
    ef=$(echo "$line" | sed -E 's/^e2e: ([0-9]+) passed, ([0-9]+) failed$/\2/')
    record "e2e" "$e2e_status" "$ep" "$ef"
  else
    record "e2e" 1
  fi
else
  record "e2e stack start" 1
fi
bash tools/services.sh stop test >/dev/null 2>&1 || true

[ "$failed" -eq 0 ]
