#!/usr/bin/env python3
"""Golden answers for WordVectors' gensim-compatible queries (issue 14).

Two independent steps, neither touching the Java sources:

1. the fixture: 300 words x 24 dimensions, drawn with NumPy from a fixed seed, with planted
   structure (12 families of 5 roles, word = family + role + noise, so analogies such as
   fam00_a : fam00_b :: fam01_a : ? have an answer) and 240 filler words; written as a word2vec
   text file with six decimals, so Java and gensim read the same float32 values;
2. gensim 4's answers, from KeyedVectors.load_word2vec_format on that file: most_similar,
   most_similar_cosmul, doesnt_match, n_similarity, similarity, distance, rank,
   similar_by_vector and evaluate_word_pairs (Pearson and Spearman).

Writes, next to WordVectorsGoldenTest's resources:
    lib/src/test/resources/queries/vectors.txt   the fixture
    lib/src/test/resources/queries/pairs.tsv     word pairs with made-up human scores
    lib/src/test/resources/queries/golden.tsv    one line per query: method, arguments, answer

Run from the repository root with /usr/bin/python3 (NumPy and gensim, e.g. apt's python3-gensim):
    /usr/bin/python3 scripts/query_golden.py
Never edit the outputs by hand. The script refuses a fixture whose ranked answers hold two scores
closer than 1e-5, where float32 rounding could order them either way.
"""
import logging
import os
import sys

import numpy as np
import gensim
from gensim.models import KeyedVectors

OUT = os.path.join("lib", "src", "test", "resources", "queries")
SEED = 14
DIM = 24
FAMILIES = 12
ROLES = "abcde"
FILLERS = 240
GAP = 1e-5


def fixture():
    rng = np.random.RandomState(SEED)
    families = rng.normal(size=(FAMILIES, DIM))
    roles = rng.normal(size=(len(ROLES), DIM))
    words, rows = [], []
    for f in range(FAMILIES):
        for r, role in enumerate(ROLES):
            words.append("fam%02d_%s" % (f, role))
            rows.append(families[f] + roles[r] + 0.3 * rng.normal(size=DIM))
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "be", "do", "fe", "gi", "ho", "ju"]
    for i in range(FILLERS):
        words.append(syllables[i % 15] + syllables[(i // 15) % 15] + "%03d" % i)
        rows.append(rng.normal(size=DIM))
    # a frequency-like order: the vocabulary order is the file order
    order = rng.permutation(len(words))
    words = [words[i] for i in order]
    rows = np.array([rows[i] for i in order])
    return words, rows


def write_vectors(path, words, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("%d %d\n" % rows.shape)
        for w, r in zip(words, rows):
            f.write(w + " " + " ".join("%.6f" % x for x in r) + "\n")


def write_pairs(path, words, rng):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# word1<TAB>word2<TAB>score: made-up scores for the fixture\n")
        for i in range(40):
            a, b = rng.choice(len(words), 2, replace=False)
            f.write("%s\t%s\t%.2f\n" % (words[a], words[b], rng.uniform(0, 10)))
        f.write("%s\tnotaword\t5.00\n" % words[0])


def check_gaps(name, ranked):
    scores = [s for _, s in ranked]
    for x, y in zip(scores, scores[1:]):
        if x - y < GAP:
            sys.exit("%s: two scores %r and %r are closer than %g; change SEED" % (name, x, y, GAP))


def ranked(result):
    return " ".join("%s:%.9f" % (w, s) for w, s in result)


def main():
    words, rows = fixture()
    os.makedirs(OUT, exist_ok=True)
    vectors_path = os.path.join(OUT, "vectors.txt")
    pairs_path = os.path.join(OUT, "pairs.tsv")
    write_vectors(vectors_path, words, rows)
    write_pairs(pairs_path, words, np.random.RandomState(SEED + 1))
    kv = KeyedVectors.load_word2vec_format(vectors_path, binary=False)
    V = len(kv)
    rng = np.random.RandomState(SEED + 2)
    fam = lambda f, r: "fam%02d_%s" % (f, r)
    lines = ["# gensim %s, numpy %s; written by scripts/query_golden.py" % (gensim.__version__, np.__version__)]

    def add(*fields):
        lines.append("\t".join(str(x) for x in fields))

    # most_similar: one word, several, analogies, only negatives, n beyond the vocabulary
    queries = [([w], [], 10) for w in [words[0], words[7], fam(3, "c"), words[150]]]
    queries += [([fam(f, "b"), fam(f + 1, "a")], [fam(f, "a")], 5) for f in range(0, 10, 3)]
    queries += [([fam(2, "a"), fam(2, "b"), fam(2, "c")], [], 8),
                ([], [fam(5, "d")], 6),
                ([fam(1, "a"), fam(1, "a")], [fam(4, "e")], 7),
                ([words[10]], [], V + 5)]
    for pos, neg, n in queries:
        result = kv.most_similar(positive=pos, negative=neg, topn=n)
        check_gaps("most_similar %s %s" % (pos, neg), result)
        add("most_similar", ",".join(pos), ",".join(neg), n, ranked(result))
    # most_similar_cosmul
    cosmul = [([fam(f, "b"), fam(f + 1, "a")], [fam(f, "a")], 5) for f in range(0, 10, 3)]
    cosmul += [([words[3]], [], 10), ([fam(6, "c"), fam(7, "d")], [fam(8, "e"), words[20]], 6)]
    for pos, neg, n in cosmul:
        result = kv.most_similar_cosmul(positive=pos, negative=neg, topn=n)
        check_gaps("most_similar_cosmul %s %s" % (pos, neg), result)
        add("most_similar_cosmul", ",".join(pos), ",".join(neg), n, ranked(result))
    # doesnt_match: a family and an intruder; an unknown word (ignored with a warning)
    logging.disable(logging.WARNING)
    for group in [[fam(0, r) for r in "abcd"] + [words[200]],
                  [fam(9, "a"), fam(9, "b"), fam(9, "e"), fam(3, "a")],
                  [words[1], words[2], words[3], "notaword"]]:
        add("doesnt_match", ",".join(group), "", "", kv.doesnt_match(group))
    logging.disable(logging.NOTSET)
    # n_similarity
    for a, b in [([fam(0, "a"), fam(0, "b")], [fam(0, "c")]),
                 ([words[5], words[6], words[7]], [words[8], words[9]]),
                 ([fam(4, "e")], [fam(4, "e"), fam(5, "e")])]:
        add("n_similarity", ",".join(a), ",".join(b), "", "%.9f" % kv.n_similarity(a, b))
    # similarity, distance, rank
    for _ in range(8):
        a, b = rng.choice(V, 2, replace=False)
        a, b = words[a], words[b]
        add("similarity", a, b, "", "%.9f" % kv.similarity(a, b))
        add("distance", a, b, "", "%.9f" % kv.distance(a, b))
        cos = kv.cosine_similarities(kv[a], kv.vectors)
        ranks = np.abs(np.delete(cos, [kv.get_index(a), kv.get_index(b)]) - cos[kv.get_index(b)])
        if ranks.min() < GAP:
            sys.exit("rank %s %s: a word ties with %s; change SEED" % (a, b, b))
        add("rank", a, b, "", kv.rank(a, b))
    add("rank", fam(2, "a"), fam(2, "b"), "", kv.rank(fam(2, "a"), fam(2, "b")))
    # similar_by_vector: the raw sum of two words' vectors (float32, as Java adds them)
    for a, b, n in [(words[11], words[12], 10), (fam(7, "a"), fam(7, "c"), 4)]:
        result = kv.similar_by_vector(kv[a] + kv[b], topn=n)
        check_gaps("similar_by_vector %s+%s" % (a, b), result)
        add("similar_by_vector", a, b, n, ranked(result))
    # evaluate_word_pairs: Pearson, Spearman, out-of-vocabulary share
    logging.disable(logging.WARNING)
    pearson, spearman, oov = kv.evaluate_word_pairs(pairs_path)
    logging.disable(logging.NOTSET)
    add("evaluate_word_pairs", "pairs.tsv", "", "", "%.12f %.12f %.9f" % (pearson[0], spearman[0], oov))
    with open(os.path.join(OUT, "golden.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d golden lines to %s" % (len(lines) - 1, OUT))


if __name__ == "__main__":
    main()
