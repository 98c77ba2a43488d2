#!/usr/bin/env bash
# Stops the demo stack's services and staff-web, then the engines (data is kept in .run/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
bash tools/services.sh stop demo
bash tools/services.sh stop test
[ "${1:-}" = "--keep-engines" ] || bash tools/engines.sh stop
