#!/usr/bin/env bash
# Start-up of the CLI as users run it (the distribution's bin/bellows launcher, class-data sharing archive
# included) against `java -version` and squawk: whole processes, interleaved rounds, medians of wall and CPU.
# Usage (from the repository root):
#   mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench -am package -DskipTests
#   bellows-bench/startup-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-15}"
JAR=bellows-bench/target/bellows-bench-all.jar
BELLOWS=bellows-cli/target/dist/bin/bellows
WORK=bellows-bench/target/startup-workload
TIMING=bellows-bench/target/startup-bench.timing
SQUAWK=bellows-bench/squawk/node_modules/.bin/squawk
[ -x "$SQUAWK" ] || SQUAWK=$(command -v squawk || true)
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
for f in "$JAR" "$BELLOWS"; do
  [ -e "$f" ] || { echo "missing $f: run mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench -am package -DskipTests" >&2; exit 2; }
done
rm -rf "$WORK"
mkdir -p "$WORK/one"
echo "CREATE INDEX CONCURRENTLY books_isbn ON books (isbn);" > "$WORK/one/one.sql"
# 2,500 statements: 25 files of 100 (the lint speed workload), linted in one process by each tool
java -cp "$JAR" dev.bellows.bench.lint.LintWorkload "$WORK/history" 25 100 >/dev/null
HISTORY=$(ls "$WORK"/history/*.sql | tr '\n' ' ')

NAMES=("java -version" "bellows --help" "bellows lint (1 statement)" "bellows lint (2,500 statements)"
       "bellows --help, BELLOWS_CDS=off" "bellows lint (1 statement), BELLOWS_CDS=off")
CMDS=("java -version" "$BELLOWS --help" "$BELLOWS lint $WORK/one/one.sql" "$BELLOWS lint $HISTORY"
      "env BELLOWS_CDS=off $BELLOWS --help" "env BELLOWS_CDS=off $BELLOWS lint $WORK/one/one.sql")
if [ -n "$SQUAWK" ]; then
  NAMES+=("squawk $("$SQUAWK" --version | awk '{print $NF}') (2,500 statements)"); CMDS+=("$SQUAWK $HISTORY")
else
  echo "squawk not installed (npm install -g squawk-cli, or cd bellows-bench/squawk && npm install): not compared"
fi
if [ -x "$JDK25/bin/java" ]; then
  NAMES+=("JDK 25: java -version" "JDK 25: bellows --help (AOT cache)" "JDK 25: bellows lint (1 statement)")
  CMDS+=("$JDK25/bin/java -version" "env JAVA_HOME=$JDK25 $BELLOWS --help"
         "env JAVA_HOME=$JDK25 $BELLOWS lint $WORK/one/one.sql")
fi

# Warm-up: makes the class-data sharing archives (the first run with each JDK) and fills the page cache.
for i in "${!CMDS[@]}"; do ${CMDS[$i]} >/dev/null 2>&1 || true; ${CMDS[$i]} >/dev/null 2>&1 || true; done

PERF=
if command -v perf >/dev/null 2>&1 && perf stat -x, -e task-clock -o "$TIMING" true >/dev/null 2>&1; then PERF=perf; fi
declare -A W C
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M')
for run in $(seq "$RUNS"); do
  for i in "${!CMDS[@]}"; do
    # lint exits 1 on findings; only the timing line matters
    # wall to the millisecond, of the command alone; then CPU (all threads, user + system) of a second run, from
    # perf's task-clock (microseconds) when perf works here, else from GNU time (hundredths of a second)
    start=$(date +%s%N)
    ${CMDS[$i]} >/dev/null 2>&1 || true
    end=$(date +%s%N)
    if [ -n "$PERF" ]; then
      perf stat -x, -e task-clock -o "$TIMING" ${CMDS[$i]} >/dev/null 2>&1 || true
      cpu=$(awk -F, '/task-clock/ {print $1 / 1000}' "$TIMING")
    else
      /usr/bin/time -o "$TIMING" -f "%e %U %S" ${CMDS[$i]} >/dev/null 2>&1 || true
      read -r _ user sys < <(tail -1 "$TIMING"); cpu=$(echo "$user + $sys" | bc -l)
    fi
    W[$i]="${W[$i]:-} $(echo "($end - $start) / 1000000000" | bc -l)"; C[$i]="${C[$i]:-} $cpu"
  done
done

median() { printf '%s\n' $1 | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
spread() { printf '%s\n' $1 | sort -n | sed -n '1p;$p' | xargs printf '%.3f-%.3f'; }
echo "$STARTED-$(date -u '+%H:%M') UTC; load average $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end, on $(nproc) cpus"
echo "$RUNS interleaved rounds; medians (wall: lowest-highest); cpu from ${PERF:-GNU time}"
declare -A MW MC
for i in "${!CMDS[@]}"; do
  MW[$i]=$(median "${W[$i]}"); MC[$i]=$(median "${C[$i]}")
  printf '%-48s wall %6.3f s (%s)  cpu %6.3f s\n' "${NAMES[$i]}" "${MW[$i]}" "$(spread "${W[$i]}")" "${MC[$i]}"
done
ratio() { printf '%.1f' "$(echo "$1 / $2" | bc -l)"; }
echo "ratios, wall (cpu):"
echo "  bellows --help / java -version               $(ratio "${MW[1]}" "${MW[0]}")x ($(ratio "${MC[1]}" "${MC[0]}")x)   target <= 2.5x"
echo "  bellows lint, 1 statement / java -version    $(ratio "${MW[2]}" "${MW[0]}")x ($(ratio "${MC[2]}" "${MC[0]}")x)   target <= 3x"
if [ -n "$SQUAWK" ]; then
  echo "  bellows lint / squawk, 2,500 statements      $(ratio "${MW[3]}" "${MW[6]}")x ($(ratio "${MC[3]}" "${MC[6]}")x)   target <= 4x"
fi
if [ -x "$JDK25/bin/java" ]; then
  n=${#CMDS[@]}
  echo "  JDK 25: bellows --help / java -version       $(ratio "${MW[$((n-2))]}" "${MW[$((n-3))]}")x ($(ratio "${MC[$((n-2))]}" "${MC[$((n-3))]}")x)"
  echo "  JDK 25: bellows lint, 1 / java -version      $(ratio "${MW[$((n-1))]}" "${MW[$((n-3))]}")x ($(ratio "${MC[$((n-1))]}" "${MC[$((n-3))]}")x)"
fi
