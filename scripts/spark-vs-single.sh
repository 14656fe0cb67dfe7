#!/usr/bin/env bash
# The Spark module against the single-machine trainer on the same cores, with the benchmark recipe of
# ../shared/bench/gensim_train.py (d=100, window 5, K=5, min count 5, subsampling 1e-4, 1 epoch), seeds
# interleaved so that the load falls on both alike; each run's vectors scored by eval_vectors.py.
#   scripts/spark-vs-single.sh CORPUS.gz OUT_DIR "SEEDS" [rounds] [merge] [master]
# Spark reads a copy of the corpus cut into lines of 10,000 tokens (the sentences Corpus.plainText
# makes of a one-line file such as text8), so that Spark can split it. SPARK_ONLY=1 skips the
# single-machine runs (the Spark vectors do not depend on the load, so several settings can run at once);
# EXCHANGE=broadcast|direct picks the module's exchange (default auto), LOSS=hs hierarchical softmax for both.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: $0 CORPUS.gz OUT_DIR SEEDS [rounds] [merge] [master]}; out=${2:?}; seeds=${3:?}
rounds=${4:-4}; merge=${5:-by-loss}; master=${6:-local-cluster[2,1,1024]}
mkdir -p "$out"
# shellcheck source=scripts/spark-bench-common.sh
source scripts/spark-bench-common.sh
lines="$out/corpus-10k.txt"
corpus_10k "$corpus" "$lines"
flags=("${spark_bench_flags[@]}")
[ "${LOSS:-ns}" = hs ] && flags+=(--loss hs)
exchange=${EXCHANGE:-auto}
for seed in $seeds; do
  if [ "${SPARK_ONLY:-0}" != 1 ]; then
  echo "single seed $seed load $(cut -d' ' -f1-3 /proc/loadavg)"
  ./skipgram train --corpus "$corpus" --out "$out/single-$seed-${LOSS:-ns}.bin" "${flags[@]}" --threads 2 --seed "$seed" \
    2>&1 | grep -E "^Trained" || true
  evaluate "$out/single-$seed-${LOSS:-ns}.bin"
  fi
  echo "spark seed $seed rounds $rounds merge $merge exchange $exchange master $master load $(cut -d' ' -f1-3 /proc/loadavg)"
  name="spark-$seed-$rounds-$merge-$exchange-${LOSS:-ns}"
  ./skipgram-spark --master "$master" --partitions 2 --rounds "$rounds" --merge "$merge" --exchange "$exchange" \
    --corpus "$lines" --out "$out/$name.bin" "${flags[@]}" --threads 1 --seed "$seed" 2>&1 \
    | grep -E "trained in|round|^Trained" || true
  evaluate "$out/$name.bin"
done
