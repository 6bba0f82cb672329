#!/usr/bin/env bash
# The catalogue's cost per page and index size, before and after: runs the cost half of the
# catalogue benchmark (kr.seoullearn.local.tools.CatalogBench --emulator-only: the catalogue
# seeded into a table of the template's on a fresh moto, every scenario's pages read in-process
# through the Catalog port with the SDK calls and items read counted) on this worktree and on
# an earlier commit, one after the other, on the same machine with the same generator and seed.
# The earlier commit is exported (git archive) to a temporary directory and built there with
# this worktree's CatalogBench (and CatalogBenchCalls) copied in (it reaches the port's newer calls by reflection and
# writes "—" where the older code had none); nothing of it is installed into the Maven repository.
# Prints both outputs (Markdown), for docs/performance.md.
#
#   infra/bench/catalog-compare.sh --before <commit> [--size N] [--pages N] [--moto-port M] [--no-build]
#
#   --before C     the commit to compare with (e.g. the last one before a change was merged)
#   --size N       courses (default 20000); --pages N pages per scenario (default 3)
#   --moto-port M  the port of the emulator (default: a free one); a port in use is refused
#   --no-build     use this worktree's jars as they are (the earlier commit is always built)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

BEFORE=""; SIZE=20000; PAGES=3; MOTO_PORT=""; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --before|--size|--pages|--moto-port) [ $# -ge 2 ] || fail "$1 needs a value" ;;&
    --before) BEFORE="$2"; shift ;;
    --size) SIZE="$2"; shift ;;
    --pages) PAGES="$2"; shift ;;
    --moto-port) MOTO_PORT="$2"; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
  shift
done
[ -n "$BEFORE" ] || fail "--before <commit> is required"
git -C "$ROOT" rev-parse --verify -q "$BEFORE^{commit}" >/dev/null || fail "no such commit: $BEFORE"

use_jdk
VENV="$LOCAL/venv-moto"
[ -x "$VENV/bin/python" ] || fail "moto is not installed in $VENV (infra/setup installs it)"
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "$MOTO_PORT" ]; then
  MOTO_PORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
port_free "$MOTO_PORT" || fail "port $MOTO_PORT is in use: choose another with --moto-port"

WORK=$(mktemp -d -t catalog-compare.XXXXXX)
MOTO_PID=""
stop_moto() {
  if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; MOTO_PID=""; fi
}
trap 'stop_moto; rm -rf "$WORK"' EXIT INT TERM

# the earlier commit, with this worktree's benchmark class
say "exporting $BEFORE to $WORK/before"
mkdir -p "$WORK/before"
git -C "$ROOT" archive "$BEFORE" | tar -x -C "$WORK/before"
TOOLS=infra/local-cloud/src/main/java/kr/seoullearn/local/tools
cp "$ROOT/$TOOLS"/CatalogBench*.java "$WORK/before/$TOOLS/"
# before the rename of the catalog context (ADR 19: kr.seoullearn.catalogue, Catalogue* types), the
# copied benchmark names that commit's package and types
if [ -d "$WORK/before/shared/src/main/java/kr/seoullearn/catalogue" ]; then
  perl -pi -e 's/\bkr\.seoullearn\.catalog\b/kr.seoullearn.catalogue/g; s/\bCatalog(?!Bench)(?=[A-Z]|\b)/Catalogue/g' \
    "$WORK/before/$TOOLS"/CatalogBench*.java
fi
say "building $BEFORE (package, no tests; nothing installed)"
(cd "$WORK/before" && mvn_cmd -q -o -DskipTests -Dmaven.javadoc.skip=true package -pl infra/local-cloud -am) \
  || fail "the earlier commit did not build"
if [ "$BUILD" = 1 ]; then
  say "building this worktree (package, no tests)"
  (cd "$ROOT" && mvn_cmd -q -o -DskipTests package -pl infra/local-cloud -am) || fail "this worktree did not build"
fi

run() { # <label> <root>
  local label="$1" root="$2" jar
  jar=$(ls "$root"/infra/local-cloud/target/local-cloud-*-all.jar | head -1)
  cp "$jar" "$WORK/$label.jar"
  "$VENV/bin/python" "$ROOT/infra/moto_server.py" -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto-$label.log" 2>&1 &
  MOTO_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$MOTO_PORT/moto-api/" 2>/dev/null && break
    kill -0 "$MOTO_PID" 2>/dev/null || { cat "$WORK/moto-$label.log" >&2; fail "moto did not start"; }
    sleep 0.2
  done
  say "$label: $SIZE courses, $PAGES pages per scenario (moto on $MOTO_PORT)"
  echo "## $label ($(git -C "$ROOT" rev-parse --short "${3:-HEAD}")$([ "$label" = after ] && ! git -C "$ROOT" diff --quiet && echo ', with uncommitted changes'))"
  # from the tree's root: the table is the template's of that tree (TestStack finds template.yaml upwards)
  (cd "$root" && AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" AWS_REGION=ap-northeast-2 AWS_ACCESS_KEY_ID=local \
    AWS_SECRET_ACCESS_KEY=local-secret "$JAVA_HOME/bin/java" -Dseoul.learn.root="$root" -cp "$WORK/$label.jar" \
    kr.seoullearn.local.tools.CatalogBench --emulator-only --size "$SIZE" --pages "$PAGES")
  echo
  stop_moto
}

run before "$WORK/before" "$BEFORE"
run after "$ROOT" HEAD
