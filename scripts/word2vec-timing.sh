#!/usr/bin/env bash
# Times the word2vec recipe with the benchmark settings of ../shared/bench/gensim_train.py and
# evaluates the vectors with ../shared/bench/eval_vectors.py (gensim), side by side with peers.sh.
#   scripts/word2vec-timing.sh CORPUS OUT.vec [threads] [epochs] [seed] [max-vocabulary] [negative-sampling|softmax]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: $0 CORPUS OUT.vec [threads] [epochs] [seed] [max-vocabulary] [negative-sampling|softmax]}; out=${2:?}; shift 2
cp_file="$PWD/lib/target/test-classpath.txt"
mvn -B -q -o test-compile -pl lib >/dev/null 2>&1 || mvn -B -q test-compile -pl lib
mvn -B -q -o dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset}, $(java -version 2>&1 | head -1)"
/usr/bin/time -f "PEAK_RSS_KB %M" java -Xmx1g -cp "lib/target/classes:lib/target/test-classes:$(cat "$cp_file")" \
  dev.skipgram.Word2VecTimedRun "$corpus" "$out" "$@"
shared="$(cd .. && pwd)/shared"
if [ -f "$shared/bench/eval_vectors.py" ] && /usr/bin/python3 -c 'import gensim' 2>/dev/null; then
  /usr/bin/python3 "$shared/bench/eval_vectors.py" "$out" "$shared/data/questions-words.txt" "$shared/data/wordsim353.tsv"
fi
