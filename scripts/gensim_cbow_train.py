#!/usr/bin/env python3
"""Train gensim 4.2's CBOW (Debian python3-gensim) on a corpus and save word2vec text vectors: the
CBOW counterpart of ../shared/bench/gensim_train.py (which trains skip-gram), with the same readers,
settings and RESULT line.

usage: /usr/bin/python3 scripts/gensim_cbow_train.py CORPUS OUT.vec THREADS [ns|hs] [DIM] [EPOCHS]
CORPUS: a text8-style file (one long line) or one sentence per line; .gz is read transparently.
Settings: CBOW with the mean of the context (sg=0, cbow_mean=1, gensim's defaults), window 5, K=5
negatives (ns) or hierarchical softmax (hs), min count 5, subsampling 1e-4, learning rate 0.025
(gensim's default for both models) decaying linearly to 1e-4. The seed comes from $SEED (default 1).
Prints one line 'RESULT {json}' with the training time and gensim's own words/s figure.
"""
import gzip, io, json, logging, os, re, sys, time
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence, Text8Corpus

corpus, out, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
loss = sys.argv[4] if len(sys.argv) > 4 else "ns"
dim = int(sys.argv[5]) if len(sys.argv) > 5 else 100
epochs = int(sys.argv[6]) if len(sys.argv) > 6 else 1
if loss not in ("ns", "hs"):
    sys.exit("loss must be ns or hs, got " + loss)

def sentences():
    """gensim's own streaming readers, as ../shared/bench/gensim_train.py chooses them."""
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rb") as f:
        one_line = len(f.readline(1 << 20)) >= (1 << 20)
    if one_line:
        return Text8Corpus(corpus, max_sentence_length=10000)
    return LineSentence(corpus, max_sentence_length=10000)

log = io.StringIO()
handler = logging.StreamHandler(log)
logging.getLogger().setLevel(logging.INFO)
logging.getLogger().addHandler(handler)
model = Word2Vec(vector_size=dim, window=5, min_count=5, sample=1e-4, sg=0, cbow_mean=1, epochs=epochs,
                 alpha=0.025, min_alpha=0.0001, workers=threads, seed=int(os.environ.get("SEED", "1")),
                 hs=1 if loss == "hs" else 0, negative=0 if loss == "hs" else 5)
t0 = time.time()
model.build_vocab(sentences())
t1 = time.time()
model.train(sentences(), total_examples=model.corpus_count, epochs=epochs)
t2 = time.time()
model.wv.save_word2vec_format(out, binary=False)
figures = re.findall(r"training on (\d+) raw words \((\d+) effective words\) took ([\d.]+)s", log.getvalue())
raw = int(figures[-1][0]) if figures else model.corpus_total_words * epochs
print("RESULT " + json.dumps(dict(system="gensim " + __import__("gensim").__version__ + " CBOW", threads=threads,
      loss=loss, vocab=len(model.wv), raw_words=raw, vocab_s=round(t1 - t0, 2), train_s=round(t2 - t1, 2),
      words_per_s=round(raw / max(t2 - t1, 1e-9)))))
