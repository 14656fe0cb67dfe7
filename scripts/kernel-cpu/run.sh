#!/usr/bin/env bash
# Per-call CPU time of the CBOW / HS pair / NS kernels, an old jar against a new one, one thread:
#   scripts/kernel-cpu/run.sh OLD.jar NEW.jar
# OLD.jar is a skipgram-cli.jar from before issue 15's RowOps change (CbowUpdate with an OutputStep),
# NEW.jar one from after (CbowUpdate.negativeSampling / hierarchicalSoftmax). Each figure is the best
# of 15 repetitions of the current thread's CPU time (ThreadMXBean), so other processes' load shows
# less than in wall-clock rates. V = 30,000 rows of d = 100, words ~ 1/rank, random rows: cache misses
# included, as in training.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
old="$1"; new="$2"; work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new"
javac -cp "$old" -d "$work/old" "$here/KB.java" "$here/WB.java" "$here/CbOld.java"
javac -cp "$new" -d "$work/new" "$here/KB.java" "$here/WB.java" "$here/CbNew.java"
run() { java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp "$1:$work/$2" "${@:3}" 2>&1 | grep 'ns/'; }
for what in sghs cbowns cbowhs; do
  run "$old" old KB "$what" old; run "$new" new KB "$what" new
done
run "$old" old WB old; run "$new" new WB new
