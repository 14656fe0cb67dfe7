#!/usr/bin/env bash
# One side-by-side run of `./skipgram train` against gensim and fastText on the same corpus, with
# the benchmark recipe of ../shared/bench (skip-gram, d=100, window 5, K=5, min count 5, subsampling
# 1e-4, lr 0.025, 1 epoch), runs interleaved so that the machine's load falls on all of them alike.
#
#   scripts/compare-peers.sh CORPUS OUTDIR [SEEDS] [THREADS] [SHARING...]
#
# SEEDS (default 3) runs of gensim and of skipgram for each SHARING (default: window pair, the
# values of --negative-sharing; append :scalar, as in window:scalar, to run without the Vector API
# module, as an application started without --add-modules does), plus one fastText run (../shared/bench/peers.sh, which also installs
# gensim and fastText when they are missing). Each system is timed by its own figure: gensim's
# words/s from its log, fastText's raw words over its wall time, skipgram's training-phase words/s
# from its closing summary. Peak RSS from /usr/bin/time. Quality from ../shared/bench/eval_vectors.py
# (analogies over the top 30,000 words, WS-353 Spearman). Prints one JSON line per run, then a
# table of medians (throughput, RSS) and means (quality).
#
# LOSS=hs compares hierarchical softmax instead (gensim's hs=1 negative=0, skipgram's --loss
# hierarchical-softmax with each SHARING: window batches a word's context pairs along its path, pair is
# word2vec.c's per-pair update); fastText is then left out.
set -euo pipefail
corpus=${1:?usage: $0 CORPUS OUTDIR [SEEDS] [THREADS] [SHARING...]}; out=${2:?}; seeds=${3:-3}; threads=${4:-2}
shift $(( $# < 4 ? $# : 4 ))
sharings=("$@"); [ ${#sharings[@]} -gt 0 ] || sharings=(window pair)
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$(cd "$root/../shared/bench" && pwd)"
data="$(cd "$root/../shared/data" && pwd)"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
results="$out/results.jsonl"; : > "$results"
load() { cut -d' ' -f1 /proc/loadavg; }
evaluate() { /usr/bin/python3 "$bench/eval_vectors.py" "$1" "$data/questions-words.txt" "$data/wordsim353.tsv" ${2:-}; }
rss_mb() { echo $(( $(grep -o 'PEAK_RSS_KB [0-9]*' "$1" | awk '{print $2}') / 1024 )); }

echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$out/machine.txt"
"$root/skipgram" --version >/dev/null # builds the jar first if needed, outside any timing
# a copy of the jar, so that editing the sources meanwhile cannot make the launcher rebuild inside a
# timed run; run with the launcher's own JVM options for `train`
jar="$out/skipgram-cli.jar"; cp "$root/cli/target/skipgram-cli.jar" "$jar"

loss=${LOSS:-ns}
case "$loss" in
  ns) gensim_loss=ns; skipgram_loss=negative-sampling; tag="" ;;
  hs) gensim_loss=softmax-hs; skipgram_loss=hierarchical-softmax; tag=" hs" ;;
  *) echo "LOSS must be ns or hs, got '$loss'" >&2; exit 2 ;;
esac
plain="$out/peers/corpus.txt"; [[ "$corpus" == *.gz ]] || plain="$corpus"
if [ "$loss" = ns ]; then
  # fastText (and gensim with its default seed) through the shared script, as its authors run it
  bash "$bench/peers.sh" "$corpus" "$out/peers" "$threads" | grep fastText \
    | sed "s/^/{\"run\": \"fasttext\", \"load\": $(load)} /" >> "$results"
elif [[ "$corpus" == *.gz ]]; then
  mkdir -p "$out/peers"; [ -s "$plain" ] || zcat "$corpus" > "$plain"
fi

for seed in $(seq 1 "$seeds"); do
  before=$(load)
  SEED=$seed /usr/bin/time -f 'PEAK_RSS_KB %M' /usr/bin/python3 "$bench/gensim_train.py" "$plain" \
      "$out/gensim-$seed.vec" "$threads" "$gensim_loss" 2> "$out/gensim-$seed.time" | grep '^RESULT' | sed 's/^RESULT //' > "$out/gensim-$seed.json"
  echo "{\"run\": \"gensim$tag\", \"seed\": $seed, \"load\": $before, \"peak_rss_mb\": $(rss_mb "$out/gensim-$seed.time")}" \
      "$(cat "$out/gensim-$seed.json")" "$(evaluate "$out/gensim-$seed.vec")" >> "$results"
  for variant in "${sharings[@]}"; do
    sharing=${variant%%:*}
    jvm=(-XX:+UseSerialGC -Xms16m)
    [[ "$variant" == *:scalar ]] || jvm+=(--add-modules=jdk.incubator.vector)
    name=${variant/:/-}
    before=$(load)
    log="$out/skipgram-$name-$seed.log"
    /usr/bin/time -f 'PEAK_RSS_KB %M' java "${jvm[@]}" -jar "$jar" train --corpus "$corpus" --out "$out/skipgram-$name-$seed.bin" \
        --threads "$threads" --dim 100 --window 5 --negatives 5 --epochs 1 --min-count 5 --subsample 1e-4 \
        --learning-rate 0.025 --seed "$seed" --negative-sharing "$sharing" --loss "$skipgram_loss" > "$log" 2>&1
    rate=$(grep -o 'of training, [0-9.]*[kM]* words/s' "$log" | awk '{print $3}')
    words_per_s=$(/usr/bin/python3 -c 'import sys; r=sys.argv[1]; print(round(float(r[:-1])*(1e3 if r[-1]=="k" else 1e6)) if r[-1] in "kM" else int(r.replace(",","")))' "$rate")
    echo "{\"run\": \"skipgram$tag $variant\", \"seed\": $seed, \"load\": $before, \"peak_rss_mb\": $(rss_mb "$log"), \"words_per_s\": $words_per_s}" \
        "$(evaluate "$out/skipgram-$name-$seed.bin" --binary)" >> "$results"
  done
done
cat "$results"
/usr/bin/python3 - "$results" <<'EOF'
import json, re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    merged = {}
    for part in re.findall(r"\{.*?\}(?=\s*\{|\s*$)", line.strip()):
        merged.update(json.loads(part))
    runs.setdefault(merged["run"], []).append(merged)
def get(r, *keys):
    for k in keys:
        if k in r: return r[k]
    return None
print("\n| system | runs | words/s (median) | peak RSS MB (median) | analogy (mean) | WS-353 (mean) | load at start |")
print("|---|---|---|---|---|---|---|")
gensim = None
for name, rs in runs.items():
    wps = statistics.median(get(r, "words_per_s") for r in rs)
    if name.startswith("gensim"): gensim = wps
    rss = statistics.median(get(r, "peak_rss_mb") for r in rs)
    ana = statistics.mean(get(r, "total") for r in rs)
    ws = statistics.mean(get(r, "wordsim353_spearman") for r in rs)
    loads = ", ".join(str(r["load"]) for r in rs)
    print(f"| {name} | {len(rs)} | {wps:,.0f} | {rss:,.0f} | {100*ana:.2f}% | {ws:.3f} | {loads} |")
if gensim:
    for name, rs in runs.items():
        print(f"{name}: {statistics.median(get(r, 'words_per_s') for r in rs) / gensim:.2f}x gensim")
EOF
