# Shared helpers for the tools/*.sh scripts. Source it; don't run it.
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUN_DIR=${WCM_RUN_DIR:-$REPO_ROOT/.run}

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# Seconds since an epoch timestamp, for the timings the scripts print.
elapsed() { echo $(( $(date +%s) - $1 )); }

# Waits until a URL answers 2xx; prints the tail of a log file and fails if it doesn't.
wait_http() { # url timeout_seconds name logfile [pid]
  local url=$1 timeout=$2 name=$3 log=$4 pid=${5:-} start
  start=$(date +%s)
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      echo "---- last lines of $log ----" >&2; tail -n 40 "$log" >&2 || true
      fail "$name exited during start-up (log: $log)"
    fi
    if [ "$(elapsed "$start")" -ge "$timeout" ]; then
      echo "---- last lines of $log ----" >&2; tail -n 40 "$log" >&2 || true
      fail "$name did not become healthy at $url within ${timeout}s (log: $log)"
    fi
    sleep 1
  done
}
