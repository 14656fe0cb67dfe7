#!/usr/bin/env bash
# The Spark module against Spark MLlib's own ml.feature.Word2Vec in the same setting: 2 partitions on
# local-cluster[2,1,1024] (two executor JVMs of 1 core and 1024 MB), seeds interleaved (MLlib, then ours, for
# each seed) so that the machine's load falls on both alike.
#   scripts/spark-vs-mllib.sh CORPUS.gz OUT_DIR "SEEDS" [master]
# MLlib: vectorSize 100, windowSize 5, minCount 5, maxIter 1, numPartitions 2, its other defaults (step 0.025,
# maxSentenceLength 1000), through scripts/MllibWord2Vec.java, which writes its vectors in descending count
# order. Ours: ./skipgram-spark with the benchmark recipe (scripts/spark-bench-common.sh), --partitions 2
# --threads 1 and the module's default rounds and merge. Both read the same copy of the corpus cut into
# lines of 10,000 tokens, and both drivers get the launcher's JVM options. HS=1 also runs ours with --loss hs
# after ours with negative sampling, for each seed (run "skipgram-spark-hs").
#
# One JSON line per run in OUT_DIR/results.jsonl (and on standard output), then a table:
#   words_per_s        raw tokens of the corpus / training seconds, where training is MLlib's fit and our
#                      SparkSkipGram.train call: both include reading the corpus and counting the vocabulary
#   rounds_words_per_s (ours) the module's own figure: in-vocabulary tokens / seconds of its rounds
#   process_seconds    the whole process: JVM start, Spark session and executors, training, writing
#                      (MLlib's includes compiling MllibWord2Vec.java, and after_fit_seconds: counting the
#                      words for the order, collecting and writing the vectors)
#   peak_rss_mb        the sum of the peak RSS (VmHWM) of the driver and of each executor JVM, sampled every
#                      0.25 s by scripts/tree_peak_rss.py (per process in "processes")
#   load               /proc/loadavg's 1-minute figure when the run starts
#   total, wordsim353_spearman, ...: ../shared/bench/eval_vectors.py (analogies over the top 30,000 words)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: $0 CORPUS.gz OUT_DIR SEEDS [master]}; out=${2:?}; seeds=${3:?}
master=${4:-local-cluster[2,1,1024]}
mkdir -p "$out"; out="$(cd "$out" && pwd)"
# shellcheck source=scripts/spark-bench-common.sh
source scripts/spark-bench-common.sh
lines="$out/corpus-10k.txt"
corpus_10k "$corpus" "$lines"
results="$out/results.jsonl"; : > "$results"
echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" \
  | tee "$out/machine.txt"
./skipgram-spark --version > /dev/null # builds the jar and the class path first, outside any timing

# record RUN SEED LOAD RSS_JSON EVAL_JSON [KEY=NUMBER...]: one JSON object from all of them, into results.jsonl
record() {
  /usr/bin/python3 - "$@" >> "$results" <<'EOF'
import json, sys
run, seed, load, rss, evaluation, *pairs = sys.argv[1:]
line = {"run": run, "seed": int(seed), "load": float(load)}
line.update(json.load(open(rss)))
line.update({k: float(v) for k, v in (p.split("=", 1) for p in pairs)})
line.update(json.loads(open(evaluation).read()))
print(json.dumps(line))
EOF
  tail -1 "$results"
}

for seed in $seeds; do
  name="mllib-$seed"; load=$(cut -d' ' -f1 /proc/loadavg)
  SKIPGRAM_SPARK_MAIN=scripts/MllibWord2Vec.java /usr/bin/python3 scripts/tree_peak_rss.py "$out/$name.rss.json" -- \
    ./skipgram-spark --master "$master" --partitions 2 --corpus "$lines" --out "$out/$name.bin" \
    --dim 100 --window 5 --min-count 5 --epochs 1 --seed "$seed" > "$out/$name.json" 2> "$out/$name.log"
  evaluate "$out/$name.bin" > "$out/$name.eval.json"
  fit=$(/usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))
print(r["fit_seconds"], r["after_fit_seconds"], r["words_per_s"], r["tokens"])' "$out/$name.json")
  read -r fit_seconds after_fit_seconds words_per_s tokens <<< "$fit"
  record mllib "$seed" "$load" "$out/$name.rss.json" "$out/$name.eval.json" train_seconds="$fit_seconds" \
    after_fit_seconds="$after_fit_seconds" words_per_s="$words_per_s" tokens="$tokens"

  for variant in ns ${HS:+hs}; do
  run=skipgram-spark; extra=()
  [ "$variant" = hs ] && { run=skipgram-spark-hs; extra=(--loss hs); }
  name="$run-$seed"; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/python3 scripts/tree_peak_rss.py "$out/$name.rss.json" -- \
    ./skipgram-spark --master "$master" --partitions 2 --threads 1 --corpus "$lines" --out "$out/$name.bin" \
    "${spark_bench_flags[@]}" "${extra[@]}" --seed "$seed" > "$out/$name.log" 2>&1
  evaluate "$out/$name.bin" > "$out/$name.eval.json"
  train_seconds=$(sed -n 's/^Trained .* in \([0-9.]*\) s\.$/\1/p' "$out/$name.log")
  rounds_rate=$(sed -n 's/.*trained in .*rounds [0-9.]* s (\([0-9]*\) words\/s).*/\1/p' "$out/$name.log")
  [ -n "$train_seconds" ] && [ -n "$rounds_rate" ] || { echo "no training figures in $out/$name.log" >&2; exit 1; }
  record "$run" "$seed" "$load" "$out/$name.rss.json" "$out/$name.eval.json" train_seconds="$train_seconds" \
    words_per_s="$(/usr/bin/python3 -c "print(round($tokens / $train_seconds))")" rounds_words_per_s="$rounds_rate" \
    tokens="$tokens"
  done
done

/usr/bin/python3 - "$results" <<'EOF'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    runs.setdefault(r["run"], []).append(r)
print("\n| system | runs | words/s (median) | training s | process s | peak RSS MB, tree (median) | analogy (mean) | WS-353 (mean) | load at start |")
print("|---|---|---|---|---|---|---|---|---|")
median = lambda rs, k: statistics.median(r[k] for r in rs)
for name, rs in runs.items():
    print(f"| {name} | {len(rs)} | {median(rs, 'words_per_s'):,.0f} | {median(rs, 'train_seconds'):.1f}"
          f" | {median(rs, 'process_seconds'):.1f} | {median(rs, 'peak_rss_mb'):,.0f}"
          f" | {100 * statistics.mean(r['total'] for r in rs):.2f}% | {statistics.mean(r['wordsim353_spearman'] for r in rs):.3f}"
          f" | {', '.join(str(r['load']) for r in rs)} |")
for ours in ("skipgram-spark", "skipgram-spark-hs"):
    if "mllib" in runs and ours in runs:
        ratio = median(runs[ours], "words_per_s") / median(runs["mllib"], "words_per_s")
        print(f"{ours}: {ratio:.2f}x MLlib's words/s")
EOF
