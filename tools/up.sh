#!/usr/bin/env bash
# The run command: installs what is missing, starts the engines, the services and
# staff-web, seeds demo users and participants, and prints where everything is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
t0=$(date +%s)

bash tools/setup.sh
bash tools/engines.sh start

say "building staff-web"
node_modules/.bin/vite build --config apps/staff-web/vite.config.ts --logLevel warn || fail "step 'vite build' failed"

bash tools/services.sh start demo

say "seeding demo data"
TS_NODE_PROJECT=tsconfig.json node -r ts-node/register/transpile-only tools/seed/seed-demo.ts http://127.0.0.1:3000 40 \
  || fail "step 'seed demo participants' failed"

cat <<MSG

Waypoint is running (ready in $(elapsed "$t0")s).

  Staff web        http://127.0.0.1:4200
  API docs         http://127.0.0.1:3000/api/docs
  Temporal UI      http://127.0.0.1:8233
  Logs             .run/logs/

  Demo sign-ins (password for all: Waypoint-demo-1)
    intake.worker   intake worker      case.manager    case manager
    supervisor      supervisor         job.developer   job developer
    trainer         trainer            admin           administrator

  Stop everything: npm run stop
MSG
