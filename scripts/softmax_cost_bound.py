#!/usr/bin/env python3
"""Lowest expected training cost any full-softmax skip-gram model can reach with the CS224n recipe.

The cost of one SGD step is the mean over random windows of the window loss
L = sum_j -log p(o_j | c), where c is the window's centre word and o_j its outside words. The windows
of a step are drawn independently of the current parameters, so for ANY conditional distribution
p(.|c) (a softmax of U v_c is one), E[L] = sum_{c,o} w(c,o) * (-log p(o|c)), where w(c,o) is the
expected number of (c, o) pairs in one random window. For each c this is a cross-entropy between the
weights w(c,.) and p(.|c); by Gibbs' inequality it is smallest at p(o|c) = w(c,o) / W(c), with
W(c) = sum_o w(c,o). Hence B = sum_{c,o} w(c,o) * -log(w(c,o) / W(c)) (the weighted conditional
entropy of the training windows) bounds the expected step cost, and so the expected exponentially
smoothed cost, from below, whatever the model, dimension, optimiser or number of steps. w is computed
exactly: for radius m (uniform in 1..5) the window is a sentence chosen uniformly, then a position
chosen uniformly, conditioned on a non-empty context (Cs224nContexts.draw redraws sentence and
position but keeps m), so P(s, i | m) = [ctx_m(s, i) != {}] / (S * L_s * Z_m). Only the subsampling
realisation is random (one per seed). Also printed: the spread of the cost around B at the optimum.

Python 3 + numpy only. Usage: softmax_cost_bound.py [--data PATH] [--seeds K] [--copies 30] [--t 1e-5]
"""
import argparse
import math
import time

import numpy as np

WINDOW = 5            # largest radius; each window draws m uniformly from 1..WINDOW
WINDOWS_PER_STEP = 50
EMA = 0.05            # smoothed = 0.95 * smoothed + 0.05 * cost  (optim/Sgd.java)


def read_corpus(path):
    """Corpus.stanfordSentiment + Vocabulary.inFirstOccurrenceOrder(corpus, "UNK")."""
    index = {}
    sentences = []
    with open(path, encoding="utf-8", errors="replace", newline=None) as f:  # \n, \r, \r\n as Java
        next(f)                                                              # header line
        for line in f:
            toks = line.lower().split()
            if len(toks) > 1:                                                # id plus >= 1 word
                sentences.append([index.setdefault(w, len(index)) for w in toks[1:]])
    index.setdefault("UNK", len(index))                                      # "UNK", count 1
    v = len(index)
    lengths = np.array([len(s) for s in sentences], dtype=np.int64)
    flat = np.fromiter((w for s in sentences for w in s), dtype=np.int64, count=int(lengths.sum()))
    counts = np.bincount(flat, minlength=v).astype(np.float64)
    counts[index["UNK"]] += 1
    return flat, lengths, counts, v


def training_data(flat, lengths, counts, t, copies, rng):
    """Cs224nContexts: `copies` subsampled copies; sentences with < 2 kept tokens dropped."""
    sent_of = np.repeat(np.arange(len(lengths)), lengths)
    if t == 0:
        discard = np.zeros(len(counts))
        copies = 1          # identical copies: same window distribution as one copy
    else:
        discard = np.maximum(0.0, 1.0 - np.sqrt(t * counts.sum() / counts))
    p_tok = discard[flat]
    toks, lens = [], []
    for _ in range(copies):
        keep = rng.random(len(flat)) >= p_tok        # Java: p <= 0 || nextDouble() >= p
        kept_len = np.bincount(sent_of[keep], minlength=len(lengths))
        ok_sent = kept_len >= 2
        toks.append(flat[keep & ok_sent[sent_of]])
        lens.append(kept_len[ok_sent])
    return np.concatenate(toks), np.concatenate(lens)


def bound(tok, lens, v):
    s_count = len(lens)
    t_count = len(tok)
    starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    pos = np.arange(t_count) - np.repeat(starts, lens)       # position within sentence
    slen = np.repeat(lens, lens)
    base = 1.0 / (s_count * slen.astype(np.float64))         # P(sentence, position) before rejection

    def partners(k, sign):
        """(centre index, outside index) pairs at offset sign*k that count as outside words."""
        i = np.nonzero((pos + sign * k >= 0) & (pos + sign * k < slen))[0]
        j = i + sign * k
        ok = tok[j] != tok[i]                                # tokens equal to the centre are skipped
        return i[ok], j[ok]

    # f = distance of the nearest valid outside word; context of radius m is non-empty iff f <= m
    f = np.full(t_count, WINDOW + 1, dtype=np.int64)
    for k in range(WINDOW, 0, -1):
        for sign in (-1, 1):
            i, _ = partners(k, sign)
            f[i] = k
    z = np.array([base[f <= m].sum() for m in range(1, WINDOW + 1)])    # acceptance prob. per m
    # a valid pair at distance k (so f <= k) is in every accepted window of radius m >= k:
    a = np.array([sum(1.0 / (WINDOW * z[m - 1]) for m in range(k, WINDOW + 1))
                  for k in range(1, WINDOW + 1)])

    codes_u = np.zeros(0, dtype=np.int64)
    w_u = np.zeros(0)
    for k in range(1, WINDOW + 1):
        cs, ws = [codes_u], [w_u]
        for sign in (-1, 1):
            i, j = partners(k, sign)
            cs.append(tok[i] * v + tok[j])
            ws.append(base[i] * a[k - 1])
        codes_u, inv = np.unique(np.concatenate(cs), return_inverse=True)
        w_u = np.bincount(inv.ravel(), weights=np.concatenate(ws))
    c, o = codes_u // v, codes_u % v
    w_c = np.bincount(c, weights=w_u, minlength=v)
    w_o = np.bincount(o, weights=w_u, minlength=v)
    en = w_u.sum()
    nll = np.log(w_c[c]) - np.log(w_u)                       # -log p*(o|c) per distinct pair
    b = float(np.dot(w_u, nll))
    q = w_o[w_o > 0] / en
    unigram = float(-np.dot(w_o[w_o > 0], np.log(q)))

    # window loss at the optimum p*, per (position, radius): its mean must equal B; its spread
    # gives the noise of one step's cost and of the smoothed cost around their mean.
    loss_at = np.zeros((WINDOW + 1, t_count))                # loss_at[k, i]: pairs at distance k
    n_at = np.zeros((WINDOW + 1, t_count))
    for k in range(1, WINDOW + 1):
        for sign in (-1, 1):
            i, j = partners(k, sign)
            np.add.at(loss_at[k], i, nll[np.searchsorted(codes_u, tok[i] * v + tok[j])])
            np.add.at(n_at[k], i, 1.0)
    cum_l = np.cumsum(loss_at, axis=0)
    cum_n = np.cumsum(n_at, axis=0)
    m1 = m2 = en_check = 0.0
    for m in range(1, WINDOW + 1):
        pw = base * (f <= m) / (WINDOW * z[m - 1])
        m1 += np.dot(pw, cum_l[m])
        m2 += np.dot(pw, cum_l[m] ** 2)
        en_check += np.dot(pw, cum_n[m])
    sd = math.sqrt(max(0.0, m2 - m1 * m1))
    return dict(sentences=s_count, tokens=t_count, pairs=len(codes_u), en=en, en_check=en_check,
                b=b, b_check=m1, unigram=unigram, uniform=en * math.log(v), sd=sd,
                accept=z)


def report(label, r):
    sd_step = r["sd"] / math.sqrt(WINDOWS_PER_STEP)
    sd_smooth = sd_step * math.sqrt(EMA / (2 - EMA))
    print(f"--- {label}")
    print(f"  training data: {r['sentences']} sentences, {r['tokens']} tokens, "
          f"{r['pairs']} distinct (c,o) pairs; P(non-empty context | m=1..5) = "
          + ", ".join(f"{x:.4f}" for x in r["accept"]))
    print(f"  E[n]  mean outside words per window         = {r['en']:.4f}   (check {r['en_check']:.4f})")
    print(f"  B     minimal expected cost (any p(o|c))     = {r['b']:.4f}   (check {r['b_check']:.4f})")
    print(f"  B/E[n] per (c,o) pair, nats                  = {r['b'] / r['en']:.4f}")
    print(f"  unigram q(o) cost  E[n]*H(q)                 = {r['unigram']:.4f}   "
          f"({r['unigram'] / r['en']:.4f} per pair)")
    print(f"  uniform cost  E[n]*log V                     = {r['uniform']:.4f}")
    print(f"  at p*: sd of one window loss {r['sd']:.3f}; of a {WINDOWS_PER_STEP}-window step cost "
          f"{sd_step:.3f}; of the smoothed cost {sd_smooth:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="/work/shared/data/sst/datasetSentences.txt")
    ap.add_argument("--seeds", type=int, default=1, help="subsampling realisations (seeds 0..K-1)")
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--t", type=float, default=1e-5, help="subsampling threshold")
    args = ap.parse_args()
    t0 = time.time()
    flat, lengths, counts, v = read_corpus(args.data)
    print(f"corpus: {len(lengths)} sentences, {len(flat)} tokens, V = {v} (incl. UNK), "
          f"N = {int(counts.sum())}")
    bs = []
    for seed in range(args.seeds):
        tok, lens = training_data(flat, lengths, counts, args.t, args.copies, np.random.default_rng(seed))
        r = bound(tok, lens, v)
        bs.append(r["b"])
        report(f"subsampled, t={args.t:g}, {args.copies} copies, seed {seed}", r)
    if len(bs) > 1:
        print(f"B over {len(bs)} seeds: mean {np.mean(bs):.4f}, min {min(bs):.4f}, max {max(bs):.4f}")
    tok, lens = training_data(flat, lengths, counts, 0.0, 1, np.random.default_rng(0))
    report("no subsampling (sanity check)", bound(tok, lens, v))
    print(f"runtime {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
