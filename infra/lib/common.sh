# Shared helpers for the project's scripts. Source it; it sets ROOT, LOCAL and JAVA_HOME.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"          # everything installed or generated locally; git-ignored
mkdir -p "$LOCAL"

say()  { printf '\033[1m[seoul-learn]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[seoul-learn] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Steps that run side by side: `beside NAME command…` starts one in the background, its output
# into a log of its own under BESIDE_LOGS (default .local/logs); `joined NAME` waits for it,
# prints its log and answers with its exit status.
declare -A BESIDE_PID BESIDE_LOG
BESIDE_LOGS="$LOCAL/logs"
beside() { local name="$1"; shift; mkdir -p "$BESIDE_LOGS"
  BESIDE_LOG[$name]="$BESIDE_LOGS/beside-${name//[^a-zA-Z0-9]/-}.log"
  ( "$@" ) >"${BESIDE_LOG[$name]}" 2>&1 & BESIDE_PID[$name]=$!; }
joined() { local name="$1" rc=0; wait "${BESIDE_PID[$name]}" || rc=$?; cat "${BESIDE_LOG[$name]}" >&2; return "$rc"; }

# Prints the home of a JDK whose major version is >= 21. Looks at SEOUL_LEARN_JAVA_HOME,
# JAVA_HOME, the java on PATH and the JVMs Debian keeps in /usr/lib/jvm (newest first).
find_jdk() {
  local candidates=() c v
  [ -n "${SEOUL_LEARN_JAVA_HOME:-}" ] && candidates+=("$SEOUL_LEARN_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}

use_jdk() {
  local jdk
  jdk="$(find_jdk)" || fail "no JDK 21 or newer found (looked at SEOUL_LEARN_JAVA_HOME, JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+, or point SEOUL_LEARN_JAVA_HOME at it."
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

mvn_cmd() {
  command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is not installed: 'apt-get install maven'"
  mvn -B -ntp "$@"
}
