#!/usr/bin/env bash
# Trains a fixed set of single-threaded, seeded runs and prints the MD5 of each vector file, so a
# refactoring can show that it changes no bit of what training produces: run it before and after,
# and diff the two outputs. Covers the word2vec recipe (negative sampling, the full softmax, with
# checkpoints) and the CS224n recipe (both losses). Needs ../shared/data/sst for the CS224n runs.
#
# usage: scripts/reference-vectors.sh OUTDIR
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$1
rm -rf "$out" && mkdir -p "$out"
sst="$here/../shared/data/sst"
cd "$here"
./skipgram train --threads 1 --seed 7 --epochs 2 --out "$out/ns.bin" > "$out/ns.log" 2>&1
./skipgram train --threads 1 --seed 7 --epochs 1 --loss softmax --dim 20 --out "$out/sm.bin" > "$out/sm.log" 2>&1
./skipgram train --threads 1 --seed 7 --epochs 1 --checkpoint-dir "$out/ck" --out "$out/ck.bin" > "$out/ck.log" 2>&1
./skipgram cs224n --sst "$sst" --steps 3000 --seed 7 --checkpoint-dir "$out/cs-ck" --out "$out/cs.txt" \
  --plot "$out/cs.png" > "$out/cs.log" 2>&1
./skipgram cs224n --sst "$sst" --steps 200 --loss softmax --seed 7 --checkpoint-dir "$out/cssm-ck" \
  --out "$out/cssm.txt" --plot "$out/cssm.png" > "$out/cssm.log" 2>&1
(cd "$out" && md5sum ns.bin sm.bin ck.bin cs.txt cssm.txt)
