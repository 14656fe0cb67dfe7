#!/usr/bin/env bash
# Times the CS224n recipe (SPEC §6) on the Stanford Sentiment Treebank.
#   scripts/cs224n-timing.sh PATH/TO/datasetSentences.txt [negative-sampling|softmax] [steps] [seed]
# Prints the smoothed cost as it trains, the wall time, the final cost and a few neighbours, and
# (through /usr/bin/time) the peak resident memory. Builds the library first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
sst=${1:?usage: $0 PATH/TO/datasetSentences.txt [negative-sampling|softmax] [steps] [seed]}
shift
mvn -B -q -o test-compile -pl lib >/dev/null 2>&1 || mvn -B -q test-compile -pl lib
cp_file="$PWD/lib/target/test-classpath.txt"
mvn -B -q -o dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="lib/target/classes:lib/target/test-classes:$(cat "$cp_file")"
echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset}, $(java -version 2>&1 | head -1)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak RSS: %M KB" java -cp "$classpath" dev.skipgram.Cs224nTimedRun "$sst" "$@"
else
  java -cp "$classpath" dev.skipgram.Cs224nTimedRun "$sst" "$@"
fi
