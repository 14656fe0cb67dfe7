#!/usr/bin/env bash
# CBOW side by side with gensim 4.2 on the same corpus: the benchmark recipe of ../shared/bench with
# the model switched (CBOW with the mean, d=100, window 5, K=5 or hierarchical softmax, min count 5,
# subsampling 1e-4, lr 0.025 as gensim's default, 1 epoch), gensim and skipgram interleaved per seed
# so that the machine's load falls on both alike.
#
#   scripts/compare-cbow.sh CORPUS OUTDIR [SEEDS] [THREADS] [LOSS...]
#
# SEEDS (default 2) runs of each system for each LOSS (default: ns hs). gensim's words/s is its own
# figure from its log (scripts/gensim_cbow_train.py), skipgram's the training-phase figure of its
# closing summary; peak RSS from /usr/bin/time; quality from ../shared/bench/eval_vectors.py
# (analogies over the top 30,000 words, WS-353 Spearman); `uptime`'s 1-minute load before each run.
# CPU seconds (user + system, whole process) from /usr/bin/time too: on a loaded machine they show
# the work each system does. SKIPGRAM=path/to/skipgram runs another build (a snapshot, so that
# editing the sources meanwhile does not make the launcher rebuild inside a timed run).
# Prints one JSON line per run, then a table of medians (throughput, CPU, RSS) and means (quality).
set -euo pipefail
corpus=${1:?usage: $0 CORPUS OUTDIR [SEEDS] [THREADS] [LOSS...]}; out=${2:?}; seeds=${3:-2}; threads=${4:-2}
shift $(( $# < 4 ? $# : 4 ))
losses=("$@"); [ ${#losses[@]} -gt 0 ] || losses=(ns hs)
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$(cd "$root/../shared/bench" && pwd)"
data="$(cd "$root/../shared/data" && pwd)"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
results="$out/results.jsonl"; : > "$results"
load() { cut -d' ' -f1 /proc/loadavg; }
evaluate() { /usr/bin/python3 "$bench/eval_vectors.py" "$1" "$data/questions-words.txt" "$data/wordsim353.tsv" ${2:-}; }
rss_mb() { echo $(( $(grep -o 'PEAK_RSS_KB [0-9]*' "$1" | awk '{print $2}') / 1024 )); }
# CPU seconds (user + system) of the whole process, vocabulary pass and start-up included: on a
# loaded machine the work each system does, where its wall time measures mostly the others' load
cpu_s() { grep -o 'CPU_S [0-9.]* [0-9.]*' "$1" | awk '{printf "%.1f", $2 + $3}'; }
TIMEFMT='PEAK_RSS_KB %M CPU_S %U %S'

echo "machine: $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" | tee "$out/machine.txt"
skipgram=${SKIPGRAM:-$root/skipgram}
"$skipgram" --version >/dev/null # builds the jar first if needed, outside any timing
plain="$corpus"
if [[ "$corpus" == *.gz ]]; then plain="$out/corpus.txt"; [ -s "$plain" ] || zcat "$corpus" > "$plain"; fi

for seed in $(seq 1 "$seeds"); do
  for loss in "${losses[@]}"; do
    flag=negative-sampling; [ "$loss" = hs ] && flag=hierarchical-softmax
    before=$(load)
    SEED=$seed /usr/bin/time -f "$TIMEFMT" /usr/bin/python3 "$root/scripts/gensim_cbow_train.py" "$plain" \
        "$out/gensim-$loss-$seed.vec" "$threads" "$loss" 2> "$out/gensim-$loss-$seed.time" \
        | grep '^RESULT' | sed 's/^RESULT //' > "$out/gensim-$loss-$seed.json"
    echo "{\"run\": \"gensim CBOW $loss\", \"seed\": $seed, \"load\": $before, \"peak_rss_mb\": $(rss_mb "$out/gensim-$loss-$seed.time"), \"cpu_s\": $(cpu_s "$out/gensim-$loss-$seed.time")}" \
        "$(cat "$out/gensim-$loss-$seed.json")" "$(evaluate "$out/gensim-$loss-$seed.vec")" >> "$results"
    before=$(load)
    log="$out/skipgram-$loss-$seed.log"
    /usr/bin/time -f "$TIMEFMT" "$skipgram" train --corpus "$corpus" --out "$out/skipgram-$loss-$seed.bin" \
        --model cbow --loss "$flag" --threads "$threads" --dim 100 --window 5 --negatives 5 --epochs 1 \
        --min-count 5 --subsample 1e-4 --learning-rate 0.025 --seed "$seed" > "$log" 2>&1
    rate=$(grep -o 'of training, [0-9.]*[kM]* words/s' "$log" | awk '{print $3}')
    words_per_s=$(/usr/bin/python3 -c 'import sys; r=sys.argv[1]; print(round(float(r[:-1])*(1e3 if r[-1]=="k" else 1e6)) if r[-1] in "kM" else int(r.replace(",","")))' "$rate")
    echo "{\"run\": \"skipgram CBOW $loss\", \"seed\": $seed, \"load\": $before, \"peak_rss_mb\": $(rss_mb "$log"), \"cpu_s\": $(cpu_s "$log"), \"words_per_s\": $words_per_s}" \
        "$(evaluate "$out/skipgram-$loss-$seed.bin" --binary)" >> "$results"
  done
done
cat "$results"
/usr/bin/python3 - "$results" <<'PY'
import json, re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    merged = {}
    for part in re.findall(r"\{.*?\}(?=\s*\{|\s*$)", line.strip()):
        merged.update(json.loads(part))
    runs.setdefault(merged["run"], []).append(merged)
print("\n| system | runs | words/s (median) | CPU s (median) | peak RSS MB (median) | analogy (mean) | WS-353 (mean) | load at start |")
print("|---|---|---|---|---|---|---|---|")
for name, rs in runs.items():
    wps = statistics.median(r["words_per_s"] for r in rs)
    rss = statistics.median(r["peak_rss_mb"] for r in rs)
    ana = statistics.mean(r["total"] for r in rs)
    ws = statistics.mean(r["wordsim353_spearman"] for r in rs)
    loads = ", ".join(str(r["load"]) for r in rs)
    cpu = statistics.median(r.get("cpu_s", float("nan")) for r in rs)
    print(f"| {name} | {len(rs)} | {wps:,.0f} | {cpu:.1f} | {rss:,.0f} | {100*ana:.2f}% | {ws:.3f} | {loads} |")
for name in runs:
    if name.startswith("skipgram"):
        peer = "gensim" + name[len("skipgram"):]
        if peer in runs:
            ours = statistics.median(r["words_per_s"] for r in runs[name])
            theirs = statistics.median(r["words_per_s"] for r in runs[peer])
            print(f"{name}: {ours / theirs:.2f}x {peer}")
PY
