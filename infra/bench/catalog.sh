#!/usr/bin/env bash
# Catalog benchmark: starts a local cloud of its own with a generated catalogue (default
# 20,000 courses), waits until the catalogue is written, then runs browse and search pages
# (kr.seoullearn.local.tools.CatalogBench): DynamoDB calls and items read per page (counted by an
# SDK interceptor) and latency through the local gateway, against GET /api/health as baseline.
# Prints Markdown tables (docs/performance.md, "Catalog", explains them).
#
#   infra/bench/catalog.sh [--size N] [--pages N] [--repeat N] [--stock-moto] [--build]
#                            [--port P] [--moto-port M]
#
#   --size N       courses to generate (default 20000; LOCAL_CLOUD_CATALOGUE_SIZE of the cloud)
#   --pages N      pages per scenario, following `next` (default 5)
#   --repeat N     times each page is fetched through the gateway (default 5)
#   --stock-moto   run moto's own Query (MOTO_STOCK_QUERY=1), which walks the whole table on
#                  every Query - moto's cost, not DynamoDB's. By default moto runs as infra/up
#                  runs it (infra/moto_server.py: a Query reads only its partition; docs/adr/0008)
#   --build        mvn -q -DskipTests package first (default: use the jars already built)
#   --port P       the local cloud's port (S3Proxy takes P+1); --moto-port M. Default: free ports
#                  picked at start. A port in use is refused, never shared.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

SIZE=20000; PAGES=5; REPEAT=5; STOCK=0; BUILD=0; PORT=""; MOTO_PORT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size|--pages|--repeat|--port|--moto-port) [ $# -ge 2 ] || fail "$1 needs a value" ;;&
    --size) SIZE="$2"; shift ;;
    --pages) PAGES="$2"; shift ;;
    --repeat) REPEAT="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --moto-port) MOTO_PORT="$2"; shift ;;
    --stock-moto) STOCK=1 ;;
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
  shift
done

use_jdk
VENV="$LOCAL/venv-moto"
[ -x "$VENV/bin/python" ] || fail "moto is not installed in $VENV (infra/setup installs it)"
if [ "$BUILD" = 1 ]; then
  say "building (mvn -q -DskipTests package)"
  (cd "$ROOT" && mvn_cmd -q -DskipTests package)
fi
CLOUD_JAR=$(ls "$ROOT"/infra/local-cloud/target/local-cloud-*-all.jar 2>/dev/null | head -1)
[ -n "$CLOUD_JAR" ] || fail "infra/local-cloud is not built: run with --build"
# a copy, so that a build running meanwhile cannot swap the jar under the benchmark
WORK=$(mktemp -d -t catalogue-bench.XXXXXX)
cp "$CLOUD_JAR" "$WORK/local-cloud.jar"; CLOUD_JAR="$WORK/local-cloud.jar"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if [ -z "$MOTO_PORT" ]; then MOTO_PORT=$(free_port); fi
if [ -z "$PORT" ]; then
  for _ in $(seq 1 20); do PORT=$(free_port); port_free $((PORT + 1)) && [ "$PORT" != "$MOTO_PORT" ] && break; done
fi
for p in "$MOTO_PORT" "$PORT" $((PORT + 1)); do
  port_free "$p" || fail "port $p is in use: choose others with --port / --moto-port"
done

MOTO_SCRIPT="$ROOT/infra/moto_server.py"; MOTO_KIND="moto as infra/up runs it: a Query reads only its partition (infra/moto_server.py)"
export MOTO_STOCK_QUERY=0
if [ "$STOCK" = 1 ]; then MOTO_STOCK_QUERY=1; MOTO_KIND="moto's own Query, walking the whole table (MOTO_STOCK_QUERY=1)"; fi
mkdir -p "$LOCAL/logs"
MOTO_LOG="$LOCAL/logs/bench-catalogue-moto-$MOTO_PORT.log"
"$VENV/bin/python" "$MOTO_SCRIPT" -H 127.0.0.1 -p "$MOTO_PORT" >"$MOTO_LOG" 2>&1 &
MOTO_PID=$!
cleanup() {
  "$ROOT/infra/down" "$PORT" >/dev/null 2>&1 || true
  kill "$MOTO_PID" 2>/dev/null || true
  wait "$MOTO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
for _ in $(seq 1 100); do
  kill -0 "$MOTO_PID" 2>/dev/null || { cat "$MOTO_LOG" >&2; fail "moto did not start"; }
  curl -fsS -o /dev/null "http://127.0.0.1:$MOTO_PORT/moto-api/" 2>/dev/null && break
  sleep 0.2
done
sleep 0.5
kill -0 "$MOTO_PID" 2>/dev/null || { cat "$MOTO_LOG" >&2; fail "moto did not start (is port $MOTO_PORT taken?)"; }

say "starting a local cloud on port $PORT with $SIZE courses ($MOTO_KIND)"
START=$(date +%s.%N)
LOCAL_CLOUD_PORT="$PORT" AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" LOCAL_CLOUD_CATALOGUE_SIZE="$SIZE" \
  "$ROOT/infra/up" --background --no-build >/dev/null || fail "the local cloud did not start (.local/logs/local-cloud-$PORT.log)"
READY=$(date +%s.%N)
say "gateway ready after $(awk "BEGIN{printf \"%.1f\", $READY - $START}") s; waiting for the catalogue"

export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local-secret
"$JAVA_HOME/bin/java" -Dseoul.learn.root="$ROOT" -cp "$CLOUD_JAR" kr.seoullearn.local.tools.CatalogBench \
  --url "http://localhost:$PORT" --size "$SIZE" --pages "$PAGES" --repeat "$REPEAT"
echo
echo "Seeding, from the local cloud's log: $(grep -E 'seeded a catalogue|catalogue ready|already seeded' "$LOCAL/logs/local-cloud-$PORT.log" | tail -1 | sed 's/^ *//')"
echo "Gateway ready $(awk "BEGIN{printf \"%.1f\", $READY - $START}") s after start; AWS endpoint: $MOTO_KIND."
