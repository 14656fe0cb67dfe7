#!/usr/bin/env bash
# Runs the JMH benchmark suite, records the machine, and generates the report.
#
#   benchmarks/run-all.sh                       # everything, about 13 minutes on 2 cores
#   benchmarks/run-all.sh KernelLoss -p V=1000  # a subset: arguments go to JMH (a regex, then options)
#
# Writes, with STAMP = the start time (YYYY-MM-DD-HHMM):
#   benchmarks/results/STAMP.json   JMH's results (-rf json)
#   benchmarks/results/STAMP.env    date, CPU, cores, load before and after, OMP_NUM_THREADS, commit, duration
#   benchmarks/results/STAMP.md     the tables (Report), also printed
#   docs/img/cost-per-pair.png, docs/img/cost-per-pair-reference.png   the plots (Report)
#
# Environment:
#   OMP_NUM_THREADS  OpenBLAS threads in the forked JVMs; default 1, so that every cost per pair is a
#                    single-core figure (and see docs/benchmarks.md: one thread is faster for these thin
#                    products on 2 cores). It is recorded in STAMP.env and in the JSON's jvmArgs.
#   RESULTS_DIR      where the results go (default benchmarks/results)
#   IMAGE_DIR        where the plots go (default docs/img)
#   SKIP_BUILD=1     use the existing benchmarks/target/benchmarks.jar instead of rebuilding it
set -euo pipefail

cd "$(dirname "$0")/.."
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
results="${RESULTS_DIR:-benchmarks/results}"
images="${IMAGE_DIR:-docs/img}"
jar=benchmarks/target/benchmarks.jar

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # clean: the jar must hold exactly the library and benchmarks of this checkout
  mvn -B -q -pl benchmarks -am clean package -DskipTests
fi
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -B -pl benchmarks -am package -DskipTests" >&2; exit 1; }

mkdir -p "$results"
stamp="$(date +%Y-%m-%d-%H%M)"
json="$results/$stamp.json"
env="$results/$stamp.env"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit (modified)"
fi
{
  echo "# written by benchmarks/run-all.sh"
  echo "date=$(date '+%Y-%m-%d %H:%M %Z')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(getconf _NPROCESSORS_ONLN)"  # not nproc: it obeys OMP_NUM_THREADS
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "OMP_NUM_THREADS=$OMP_NUM_THREADS"
  echo "commit=$commit"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "jmh_args=$*"
} > "$env"

start=$(date +%s)
# -jvmArgsPrepend only records OMP_NUM_THREADS in the JSON; the forked JVMs inherit the variable itself.
java -jar "$jar" -rf json -rff "$json" -jvmArgsPrepend "-Dskipgram.bench.OMP_NUM_THREADS=$OMP_NUM_THREADS" "$@"
{
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "seconds=$(( $(date +%s) - start ))"
} >> "$env"

java -cp "$jar" dev.skipgram.bench.report.Report "$json" "$images"
