#!/usr/bin/env bash
# Not a test: loads a synthetic GoogleNews-sized binary vector file (3,000,000 words × 300
# dimensions, 900M floats, 3.6 GB: larger than one 2^29-float view) with skipgram's reader and with
# gensim's KeyedVectors.load_word2vec_format(binary=True), alternating, and prints the load time
# (measured inside each process, after start-up) and the peak RSS (/usr/bin/time -f %M) side by side.
# The file is written to a temporary directory and deleted at the end.
# skipgram runs twice a round: with the JVM's default collector (G1) and with the serial one, whose
# heap stays closer to its live set; both with -Xmx1g (the default maxphysicalbytes, 4 × -Xmx, then
# allows 4 GB, enough for the 3.6 GB matrix; with -Xmx768m the reader refuses the file, naming
# -Dorg.bytedeco.javacpp.maxphysicalbytes).
# Then, in the same processes, QUERIES most-similar queries (top 10; the words at every
# (V/QUERIES)-th index): gensim's most_similar one at a time, ours one at a time and as one batch
# (WordVectors.mostSimilar(List<Query>, n)), with a digest of the answers to show they agree.
#   scripts/googlenews-scale.sh [rounds=2] [queries=0]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
queries=${2:-0}
# With -Xmx1g JavaCPP allows 4 × 1 GB of physical memory, which the 3.6 GB matrix and the heap fill:
# a query's scratch ([V] floats of scores) then fails to allocate. Queries get room to work.
query_limit=""; [ "$queries" -gt 0 ] && query_limit="-Dorg.bytedeco.javacpp.maxphysicalbytes=6g"
work=$(mktemp -d "${TMPDIR:-/tmp}/googlenews-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
file="$work/synthetic-googlenews.bin"

cp_file="$PWD/lib/target/test-classpath.txt"
mvn -B -q -o test-compile -pl lib >/dev/null
mvn -B -q -o dependency:build-classpath -pl lib -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null

/usr/bin/python3 - "$file" <<'PY'
import sys
import numpy as np
V, D, CHUNK = 3_000_000, 300, 100_000
record = np.dtype([("word", "S8"), ("space", "S1"), ("vector", "<f4", (D,)), ("newline", "S1")])
rng = np.random.default_rng(1)
with open(sys.argv[1], "wb") as f:
    f.write(b"%d %d\n" % (V, D))
    for start in range(0, V, CHUNK):
        n = min(CHUNK, V - start)
        r = np.empty(n, dtype=record)
        r["word"] = np.char.mod("w%07d", np.arange(start, start + n)).astype("S8")
        r["space"] = b" "
        r["vector"] = rng.standard_normal((n, D), dtype=np.float32) * 0.1
        r["newline"] = b"\n"
        f.write(r.tobytes())
PY
bytes=$(stat -c %s "$file")
echo "file: $bytes bytes; raw matrix 3000000 × 300 × 4 = 3600000000 bytes"
echo "machine: $(nproc --all) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), gensim $(/usr/bin/python3 -c 'import gensim; print(gensim.__version__)')"

ours() {
  /usr/bin/time -f "PEAK_RSS_KB %M" java -Xmx1g $query_limit "$@" -cp "lib/target/classes:lib/target/test-classes:$(cat "$cp_file")" \
    dev.skipgram.io.VectorLoadTimedRun "$file" "$queries" 2>&1 | grep -E "LOAD_SECONDS|QUERY_SECONDS|PEAK_RSS_KB|Exception|refused|need"
}
theirs() {
  /usr/bin/time -f "PEAK_RSS_KB %M" /usr/bin/python3 -c '
import sys, time
from gensim.models import KeyedVectors
t = time.perf_counter()
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True)
s = time.perf_counter() - t
a, b = kv.index_to_key[0], kv.index_to_key[-1]
print("LOAD_SECONDS %.2f words %d d %d similarity(%s, %s) %.4f" % (s, len(kv), kv.vector_size, a, b, kv.similarity(a, b)))
q = int(sys.argv[2])
if q:
    import hashlib
    v = len(kv)
    words = [kv.index_to_key[i * v // q] for i in range(q)]
    t = time.perf_counter()
    answers = [kv.most_similar(w, topn=10) for w in words]
    single = time.perf_counter() - t
    digest = hashlib.sha256("".join(" ".join(w for w, _ in a) + "\n" for a in answers).encode()).hexdigest()[:16]
    print("QUERY_SECONDS %d queries: one at a time %.2f s; answers %s" % (q, single, digest))
' "$file" "$queries" 2>&1 | grep -E "LOAD_SECONDS|QUERY_SECONDS|PEAK_RSS_KB|Error"
}
for round in $(seq "$rounds"); do
  echo "round $round skipgram (-Xmx1g, G1): $(ours | tr '\n' ' ')"
  echo "round $round skipgram (-Xmx1g, -XX:+UseSerialGC): $(ours -XX:+UseSerialGC | tr '\n' ' ')"
  echo "round $round gensim: $(theirs | tr '\n' ' ')"
done
