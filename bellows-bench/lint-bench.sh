#!/usr/bin/env bash
# Whole-process lint timing: `bellows lint` (JVM start included) against squawk on the same
# ~5,000-statement PostgreSQL workload, median of RUNS runs each, with peak resident memory.
# Usage (from the repository root):
#   mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench package -DskipTests
#   bellows-bench/lint-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
JAR=bellows-bench/target/bellows-bench-all.jar
WORK=bellows-bench/target/lint-workload
SQUAWK=bellows-bench/squawk/node_modules/.bin/squawk
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench package -DskipTests" >&2; exit 2; }
rm -rf "$WORK"
java -cp "$JAR" dev.bellows.bench.lint.LintWorkload "$WORK" 50 100
FILES=("$WORK"/*.sql)
TIMING=bellows-bench/target/lint-bench.timing

# median wall seconds and median peak RSS (MB) of RUNS runs of a command
measure() {
  local name="$1"; shift
  local times=() rss=()
  for _ in $(seq "$RUNS"); do
    local out
    # lint exits 1 on findings; only the timing line matters here
    /usr/bin/time -o "$TIMING" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$TIMING")
    times+=("${out% *}"); rss+=("${out#* }")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '%-44s median %6.2f s   peak RSS %6.1f MB   (runs: %s)\n' "$name" "$mt" "$(echo "$mr / 1024" | bc -l)" "${times[*]}"
}

measure "bellows lint (java, default flags)" java -cp "$JAR" dev.bellows.bench.lint.LintMain "${FILES[@]}"
measure "bellows lint (java -XX:TieredStopAtLevel=1)" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$JAR" dev.bellows.bench.lint.LintMain "${FILES[@]}"
measure "bellows lint (java -Xmx64m)" java -Xmx64m -cp "$JAR" dev.bellows.bench.lint.LintMain "${FILES[@]}"
if [ -x "$SQUAWK" ]; then
  "$SQUAWK" --version
  measure "squawk" "$SQUAWK" "${FILES[@]}"
else
  echo "squawk not installed: run (cd bellows-bench/squawk && npm install) where npm exists; comparison skipped"
fi
