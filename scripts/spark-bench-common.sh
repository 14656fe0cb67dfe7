# Sourced by the Spark benchmark scripts (scripts/spark-vs-single.sh, scripts/spark-vs-mllib.sh): the
# benchmark recipe, the corpus copy Spark can split, and the scorer. Expects to run at the repo root.

# The benchmark recipe of ../shared/bench/gensim_train.py (d=100, window 5, K=5, min count 5, subsampling
# 1e-4, 1 epoch), as flags of ./skipgram and ./skipgram-spark.
spark_bench_flags=(--dim 100 --window 5 --negatives 5 --min-count 5 --subsample 1e-4 --epochs 1)
spark_bench_shared="$(cd .. && pwd)/shared"

# corpus_10k CORPUS[.gz] FILE: writes FILE (unless it exists) with the corpus's tokens cut into lines of
# 10,000 (the sentences Corpus.plainText makes of a one-line file such as text8), so that Spark can split it.
corpus_10k() {
  if [ ! -f "$2" ]; then
    zcat -f "$1" | tr -s ' \t\n' '\n\n\n' | grep -v '^$' \
      | awk '{printf "%s", (NR % 10000 == 1 ? (NR == 1 ? "" : "\n") : " ") $0} END {print ""}' > "$2.part"
    mv "$2.part" "$2"
  fi
}

# evaluate VECTORS.bin: one JSON line from ../shared/bench/eval_vectors.py (analogies over the top 30,000
# words of the file, WS-353 Spearman).
evaluate() {
  /usr/bin/python3 "$spark_bench_shared/bench/eval_vectors.py" "$1" "$spark_bench_shared/data/questions-words.txt" \
    "$spark_bench_shared/data/wordsim353.tsv" --binary
}
