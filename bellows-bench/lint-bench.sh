#!/usr/bin/env bash
# Whole-process lint timing: `bellows lint` (the CLI jar, JVM start included) against squawk on the same
# ~5,000-statement PostgreSQL workload, with peak resident memory. The commands run interleaved
# (one of each per round, RUNS rounds) so load from other processes hits them alike; medians shown.
# Usage (from the repository root):
#   mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench package -DskipTests
#   bellows-bench/lint-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-9}"
JAR=bellows-bench/target/bellows-bench-all.jar
CLI=bellows-cli/target/dist/lib/bellows-cli.jar  # Main-Class, and the jars of lib/ as its Class-Path
WORK=bellows-bench/target/lint-workload
TIMING=bellows-bench/target/lint-bench.timing
SQUAWK=bellows-bench/squawk/node_modules/.bin/squawk
for j in "$JAR" "$CLI"; do
  [ -f "$j" ] || { echo "missing $j: run mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench package -DskipTests" >&2; exit 2; }
done
rm -rf "$WORK"
java -cp "$JAR" dev.bellows.bench.lint.LintWorkload "$WORK" 50 100
FILES=("$WORK"/*.sql)

NAMES=("bellows lint, default JVM flags"
       "bellows lint, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
       "bellows lint, default flags, -Xmx64m")
CMDS=("java -jar $CLI lint"
      "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $CLI lint"
      "java -Xmx64m -jar $CLI lint")
if [ -x "$SQUAWK" ]; then
  echo "$("$SQUAWK" --version)"
  NAMES+=("squawk"); CMDS+=("$SQUAWK")
else
  echo "squawk not installed: run (cd bellows-bench/squawk && npm install) where npm exists; comparison skipped"
fi

declare -A T R
for run in $(seq "$RUNS"); do
  for i in "${!CMDS[@]}"; do
    # lint exits 1 on findings; only the timing line matters here
    /usr/bin/time -o "$TIMING" -f "%e %M" ${CMDS[$i]} "${FILES[@]}" >/dev/null 2>&1 || true
    read -r secs kb < <(tail -1 "$TIMING")
    T[$i]="${T[$i]:-} $secs"; R[$i]="${R[$i]:-} $kb"
  done
done

median() { printf '%s\n' $1 | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cpus; $RUNS interleaved rounds"
for i in "${!CMDS[@]}"; do
  printf '%-56s median %5.2f s  peak RSS %6.1f MB  (s:%s)\n' "${NAMES[$i]}" "$(median "${T[$i]}")" \
    "$(echo "$(median "${R[$i]}") / 1024" | bc -l)" "${T[$i]}"
done
