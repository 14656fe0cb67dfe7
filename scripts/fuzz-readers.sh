#!/usr/bin/env bash
# Fuzzes the two vector-file readers (Word2VecFormat, text and binary) with N mutated files and prints
# a summary: outcomes by kind and message class, time, heap per read, the largest single allocation,
# the largest matrix an accepted header allocated, and any violation of the property (vectors or an
# IOException naming the source; bounded heap; no hang). Exit code 1 on a violation (inputs saved to
# lib/target/fuzz-failures), 2 on a hang. See docs/reliability.md.
#   scripts/fuzz-readers.sh [N=100000] [seed=1]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; seed=${2:-1}
cp_file="$PWD/lib/target/test-classpath.txt"
mvn -B -q -o test-compile -pl lib >/dev/null 2>&1 || mvn -B -q test-compile -pl lib
mvn -B -q -o dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
# A fixed 64 KiB TLAB: every larger object is allocated outside a TLAB, or opens one, so JFR sees it.
exec java -Xmx512m -XX:TLABSize=64k -XX:-ResizeTLAB \
  -cp "lib/target/classes:lib/target/test-classes:$(cat "$cp_file")" \
  dev.skipgram.io.Word2VecFormatFuzz "$n" "$seed" lib/target/fuzz-failures
