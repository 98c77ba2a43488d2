#!/usr/bin/env bash
# Starts and stops Waypoint's own processes (the NestJS services, the journey worker and
# staff-web) in the background, with logs in .run/logs and pid files in .run/<stack>/.
#
#   tools/services.sh start|stop|status [demo|test]
#
# Two stacks can run side by side on the same engines:
#   demo: ports 3000 (gateway), 3101-3106, 4200 (staff-web); no namespace
#   test: ports 3900, 3901-3906, 4900; namespace `test` (own databases, topics, groups)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

cmd=${1:-status}
stack=${2:-demo}
case "$stack" in
  demo) gateway_port=3000; svc_base=3100; web=4200; ns="" ;;
  test) gateway_port=3900; svc_base=3900; web=4900; ns="test" ;;
  *) fail "unknown stack '$stack' (demo or test)" ;;
esac
PID_DIR="$RUN_DIR/$stack/pids"
LOG_DIR="$RUN_DIR/logs"
mkdir -p "$PID_DIR" "$LOG_DIR"

# name → port, in start order (journey last: its bundle build is the slowest start).
SERVICES=(intake planning training matching followup gateway journey)
port_of() {
  case "$1" in
    gateway) echo "$gateway_port" ;;
    intake) echo $((svc_base + 1)) ;; planning) echo $((svc_base + 2)) ;; training) echo $((svc_base + 3)) ;;
    matching) echo $((svc_base + 4)) ;; followup) echo $((svc_base + 5)) ;; journey) echo $((svc_base + 6)) ;;
    web) echo "$web" ;;
  esac
}
health_url() { # service
  if [ "$1" = gateway ]; then echo "http://127.0.0.1:$(port_of gateway)/api/health"
  elif [ "$1" = web ]; then echo "http://127.0.0.1:$web/"
  else echo "http://127.0.0.1:$(port_of "$1")/health"; fi
}
running() { local f="$PID_DIR/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

service_env() {
  local up; up=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  echo "WCM_NAMESPACE=$ns ${up}_PORT=$(port_of "$1") INTAKE_URL=http://127.0.0.1:$(port_of intake) PLANNING_URL=http://127.0.0.1:$(port_of planning) SEED_DEMO_USERS=true TS_NODE_PROJECT=tsconfig.json KAFKAJS_NO_PARTITIONER_WARNING=1"
}

start_one() {
  local svc=$1 log="$LOG_DIR/$stack-$1.log"
  if running "$svc"; then echo "  $svc already running (pid $(cat "$PID_DIR/$svc.pid"))"; return; fi
  if [ "$svc" = web ]; then
    WCM_GATEWAY_URL="http://127.0.0.1:$(port_of gateway)" nohup node_modules/.bin/vite preview \
      --config apps/staff-web/vite.config.ts --port "$web" --strictPort >"$log" 2>&1 &
  else
    # shellcheck disable=SC2046
    env $(service_env "$svc") nohup node -r ts-node/register/transpile-only -r tsconfig-paths/register \
      "apps/$svc/src/main.ts" >"$log" 2>&1 &
  fi
  echo $! > "$PID_DIR/$svc.pid"
}

# SIGTERM to every process at once (graceful shutdown closes consumers and the worker),
# then SIGKILL whatever is still running after 15 s.
stop_all() {
  local pids=() svc f
  for svc in "$@"; do
    f="$PID_DIR/$svc.pid"
    [ -f "$f" ] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then kill -TERM "$(cat "$f")" 2>/dev/null && pids+=("$(cat "$f")"); fi
    rm -f "$f"
  done
  for _ in $(seq 1 60); do
    local alive=0 pid
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 1 ] || return 0
    sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

case "$cmd" in
  start)
    t=$(date +%s)
    [ -f dist/apps/staff-web/index.html ] || fail "staff-web is not built: run 'npx vite build --config apps/staff-web/vite.config.ts'"
    say "starting the $stack stack"
    for svc in "${SERVICES[@]}" web; do start_one "$svc"; done
    for svc in "${SERVICES[@]}" web; do
      wait_http "$(health_url "$svc")" 180 "$svc" "$LOG_DIR/$stack-$svc.log" "$(cat "$PID_DIR/$svc.pid")"
      echo "  $svc healthy on port $(port_of "$svc")"
    done
    say "$stack stack up in $(elapsed "$t")s"
    ;;
  stop)
    stop_all web "${SERVICES[@]}"
    say "$stack stack stopped"
    ;;
  status)
    ok=0
    for svc in "${SERVICES[@]}" web; do
      if running "$svc" && curl -fsS -o /dev/null --max-time 2 "$(health_url "$svc")"; then
        printf '  %-10s up    port %s\n' "$svc" "$(port_of "$svc")"
      else
        printf '  %-10s DOWN  port %s\n' "$svc" "$(port_of "$svc")"; ok=1
      fi
    done
    exit $ok
    ;;
  *) fail "usage: tools/services.sh start|stop|status [demo|test]" ;;
esac
