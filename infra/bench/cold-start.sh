#!/usr/bin/env bash
# Cold-start benchmark: JVM launch to first handled event for each function, paired with the
# floor (infra/bench-floor: plain Java, one DynamoDB GetItem), against a private moto server.
# Prints Markdown tables (docs/performance.md explains them).
#
#   infra/bench/cold-start.sh [--build] [--pairs N] [--flags lambda|default|both]
#                             [--functions all|health,me,...] [--contents] [--raw FILE]
#
#   --build      run 'mvn -q -DskipTests package' first (default: use the jars already built)
#   --pairs N    floor/function pairs per function and flag set (default 10); 0 times nothing
#                (only the priming check, and the class counts with --classes)
#   --flags      JVM flag set(s): Lambda-like (C1 only, SerialGC, 1 CPU, 1 GiB), JVM defaults, or both
#                (default both)
#   --classes    also count the classes each function loads up to its first answer (one extra
#                run each, not timed: a count that does not depend on how busy the machine is)
#   --contents   also list the largest artifacts inside each shaded jar (needs ~/.m2)
#   --functions  which functions (names in cold_start.py; default all: every function of template.yaml)
#   --raw FILE   write every single measurement to FILE (JSON), after every pair
#   --from-raw FILE  measure nothing: print the tables of a run saved with --raw
#
# Needs only a JDK >= 21 (found by infra/lib/common.sh) and the repo's moto venv
# (.local/venv-moto, installed by the local cloud's setup).
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

build=false
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true ;;
    --pairs|--flags|--functions|--raw|--from-raw) [ $# -ge 2 ] || fail "$1 needs a value"; args+=("$1" "$2"); shift ;;
    --contents|--classes) args+=("$1") ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
  shift
done

use_jdk
VENV="$LOCAL/venv-moto"
[ -x "$VENV/bin/moto_server" ] && [ -x "$VENV/bin/python" ] \
  || fail "moto is not installed in $VENV (the local cloud's setup installs it)"

if $build; then
  say "building (mvn -q -DskipTests package)"
  (cd "$ROOT" && mvn_cmd -q -DskipTests package)
fi

port="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
moto_log="$(mktemp -t cold-start-moto.XXXXXX.log)"
"$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$moto_log" 2>&1 &
moto_pid=$!
cleanup() {
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  rm -f "$moto_log"
}
trap cleanup EXIT INT TERM

endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen('$endpoint/moto-api/', timeout=1)" 2>/dev/null; then
    break
  fi
  kill -0 "$moto_pid" 2>/dev/null || { cat "$moto_log" >&2; fail "moto did not start"; }
  sleep 0.2
done

say "moto on $endpoint; java $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'); $(nproc) CPUs"
"$VENV/bin/python" "$ROOT/infra/bench/cold_start.py" --root "$ROOT" --endpoint "$endpoint" \
  --java "$JAVA_HOME/bin/java" "${args[@]}"
