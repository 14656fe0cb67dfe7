#!/usr/bin/env python3
"""Faithful numpy port of the Stanford CS224n (2019+) assignment 2 word2vec recipe.

Ported from (memory of) the original a2 files: utils/treebank.py (StanfordSentiment),
word2vec.py, sgd.py and run.py.  Used only as an independent reference for the
training dynamics of the Java reimplementation.

Every call into Python's `random` module happens in exactly the same order as
in the original code (window size, getRandomContext, negative samples per
outside word, ...).  The numeric work is vectorised per minibatch, which is
mathematically identical to the original per-pair accumulation (only the
floating-point summation order differs).

Usage:
  python3 scripts/cs224n_reference.py --loss softmax|negsampling --steps N --report K [--step LR]
"""
import argparse
import random
import sys
import time

import numpy as np

DATA = "/work/shared/data/sst/datasetSentences.txt"


# --------------------------------------------------------------------------
# utils/treebank.py : StanfordSentiment (only the parts used by run.py)
# --------------------------------------------------------------------------
class StanfordSentiment:
    def __init__(self, path=DATA, tablesize=1000000):
        self.path = path
        self.tablesize = tablesize

    def tokens(self):
        if hasattr(self, "_tokens") and self._tokens:
            return self._tokens

        tokens = dict()
        tokenfreq = dict()
        wordcount = 0
        revtokens = []
        idx = 0

        for sentence in self.sentences():
            for w in sentence:
                wordcount += 1
                if w not in tokens:
                    tokens[w] = idx
                    revtokens += [w]
                    tokenfreq[w] = 1
                    idx += 1
                else:
                    tokenfreq[w] += 1

        tokens["UNK"] = idx
        revtokens += ["UNK"]
        tokenfreq["UNK"] = 1
        wordcount += 1

        self._tokens = tokens
        self._tokenfreq = tokenfreq
        self._wordcount = wordcount
        self._revtokens = revtokens
        return self._tokens

    def sentences(self):
        if hasattr(self, "_sentences") and self._sentences:
            return self._sentences

        sentences = []
        with open(self.path, "r", encoding="utf-8") as f:
            first = True
            for line in f:
                if first:
                    first = False
                    continue
                splitted = line.strip().split()[1:]
                sentences += [[w.lower() for w in splitted]]

        self._sentences = sentences
        self._sentlengths = np.array([len(s) for s in sentences])
        self._cumsentlen = np.cumsum(self._sentlengths)
        return self._sentences

    def numSentences(self):
        if hasattr(self, "_numSentences") and self._numSentences:
            return self._numSentences
        self._numSentences = len(self.sentences())
        return self._numSentences

    def allSentences(self):
        if hasattr(self, "_allsentences") and self._allsentences:
            return self._allsentences

        sentences = self.sentences()
        rejectProb = self.rejectProb()
        tokens = self.tokens()
        allsentences = [[w for w in s
                         if 0 >= rejectProb[tokens[w]] or random.random() >= rejectProb[tokens[w]]]
                        for s in sentences * 30]

        allsentences = [s for s in allsentences if len(s) > 1]
        self._allsentences = allsentences
        return self._allsentences

    def getRandomContext(self, C=5):
        # The original is recursive; this loop consumes the RNG identically.
        allsent = self.allSentences()
        while True:
            sentID = random.randint(0, len(allsent) - 1)
            sent = allsent[sentID]
            wordID = random.randint(0, len(sent) - 1)

            context = sent[max(0, wordID - C):wordID]
            if wordID + 1 < len(sent):
                context += sent[wordID + 1:min(len(sent), wordID + C + 1)]

            centerword = sent[wordID]
            context = [w for w in context if w != centerword]

            if len(context) > 0:
                return centerword, context

    def sampleTable(self):
        if hasattr(self, "_sampleTable") and self._sampleTable is not None:
            return self._sampleTable

        nTokens = len(self.tokens())
        samplingFreq = np.zeros((nTokens,))
        self.allSentences()
        i = 0
        for w in range(nTokens):
            w = self._revtokens[i]
            if w in self._tokenfreq:
                freq = 1.0 * self._tokenfreq[w]
                freq = freq ** 0.75
            else:
                freq = 0.0
            samplingFreq[i] = freq
            i += 1

        samplingFreq /= np.sum(samplingFreq)
        samplingFreq = np.cumsum(samplingFreq) * self.tablesize

        # Original:  j = 0; for i in range(tablesize): while i > samplingFreq[j]: j += 1; table[i] = j
        # i.e. table[i] = smallest j with samplingFreq[j] >= i  == searchsorted(..., side='left').
        table = np.searchsorted(samplingFreq, np.arange(self.tablesize, dtype=np.float64), side="left")
        self._sampleTable = table.tolist()
        return self._sampleTable

    def rejectProb(self):
        if hasattr(self, "_rejectProb") and self._rejectProb is not None:
            return self._rejectProb

        threshold = 1e-5 * self._wordcount

        nTokens = len(self.tokens())
        rejectProb = np.zeros((nTokens,))
        for i in range(nTokens):
            w = self._revtokens[i]
            freq = 1.0 * self._tokenfreq[w]
            rejectProb[i] = max(0, 1 - np.sqrt(threshold / freq))

        self._rejectProb = rejectProb
        return self._rejectProb

    def sampleTokenIdx(self):
        return self.sampleTable()[random.randint(0, self.tablesize - 1)]


# --------------------------------------------------------------------------
# word2vec.py
# --------------------------------------------------------------------------
def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """utils/utils.py softmax (row-wise / vector, max-subtracted)."""
    orig_shape = x.shape
    if len(x.shape) > 1:
        tmp = np.max(x, axis=1)
        x = x - tmp.reshape((x.shape[0], 1))
        x = np.exp(x)
        tmp = np.sum(x, axis=1)
        x = x / tmp.reshape((x.shape[0], 1))
    else:
        tmp = np.max(x)
        x = x - tmp
        x = np.exp(x)
        x = x / np.sum(x)
    assert x.shape == orig_shape
    return x


def naiveSoftmaxLossAndGradient(centerWordVec, outsideWordIdx, outsideVectors, dataset):
    """Literal per-pair version (kept for reference / --literal checking)."""
    y_hat = softmax(outsideVectors @ centerWordVec)
    loss = -np.log(y_hat[outsideWordIdx])
    delta = y_hat.copy()
    delta[outsideWordIdx] -= 1.0
    gradCenterVec = outsideVectors.T @ delta
    gradOutsideVecs = np.outer(delta, centerWordVec)
    return loss, gradCenterVec, gradOutsideVecs


def getNegativeSamples(outsideWordIdx, dataset, K):
    negSampleWordIndices = [None] * K
    for k in range(K):
        newidx = dataset.sampleTokenIdx()
        while newidx == outsideWordIdx:
            newidx = dataset.sampleTokenIdx()
        negSampleWordIndices[k] = newidx
    return negSampleWordIndices


def negSamplingLossAndGradient(centerWordVec, outsideWordIdx, outsideVectors, dataset, K=10):
    """Literal per-pair version (kept for reference / --literal checking)."""
    negSampleWordIndices = getNegativeSamples(outsideWordIdx, dataset, K)
    indices = [outsideWordIdx] + negSampleWordIndices

    gradCenterVec = np.zeros(centerWordVec.shape)
    gradOutsideVecs = np.zeros(outsideVectors.shape)

    u_o = outsideVectors[outsideWordIdx]
    z = sigmoid(u_o @ centerWordVec)
    loss = -np.log(z)
    gradCenterVec += (z - 1.0) * u_o
    gradOutsideVecs[outsideWordIdx] += (z - 1.0) * centerWordVec

    for k in range(K):
        samp = indices[k + 1]
        u_k = outsideVectors[samp]
        zk = sigmoid(-u_k @ centerWordVec)
        loss -= np.log(zk)
        gradCenterVec += (1.0 - zk) * u_k
        gradOutsideVecs[samp] += (1.0 - zk) * centerWordVec

    return loss, gradCenterVec, gradOutsideVecs


def skipgram(currentCenterWord, windowSize, outsideWords, word2Ind,
             centerWordVectors, outsideVectors, dataset,
             word2vecLossAndGradient=naiveSoftmaxLossAndGradient):
    """Literal per-pair version (kept for reference / --literal checking)."""
    loss = 0.0
    gradCenterVecs = np.zeros(centerWordVectors.shape)
    gradOutsideVectors = np.zeros(outsideVectors.shape)

    c = word2Ind[currentCenterWord]
    v_c = centerWordVectors[c]
    for w in outsideWords:
        l, gc, go = word2vecLossAndGradient(v_c, word2Ind[w], outsideVectors, dataset)
        loss += l
        gradCenterVecs[c] += gc
        gradOutsideVectors += go
    return loss, gradCenterVecs, gradOutsideVectors


def word2vec_sgd_wrapper_literal(word2vecModel, word2Ind, wordVectors, dataset, windowSize,
                                 word2vecLossAndGradient=naiveSoftmaxLossAndGradient):
    batchsize = 50
    loss = 0.0
    grad = np.zeros(wordVectors.shape)
    N = wordVectors.shape[0]
    centerWordVectors = wordVectors[:int(N / 2), :]
    outsideVectors = wordVectors[int(N / 2):, :]
    for i in range(batchsize):
        windowSize1 = random.randint(1, windowSize)
        centerWord, context = dataset.getRandomContext(windowSize1)

        c, gin, gout = word2vecModel(centerWord, windowSize1, context, word2Ind,
                                     centerWordVectors, outsideVectors, dataset,
                                     word2vecLossAndGradient)
        loss += c / batchsize
        grad[:int(N / 2), :] += gin / batchsize
        grad[int(N / 2):, :] += gout / batchsize
    return loss, grad


def word2vec_sgd_wrapper_fast(lossname, word2Ind, wordVectors, dataset, windowSize, K=10):
    """Vectorised, mathematically identical version of word2vec_sgd_wrapper(skipgram, ...).

    Step 1 draws all random numbers in the original order (window size, context,
    and -- for negative sampling -- K negatives per outside word, drawn right
    after the context of that centre word, before the next centre is drawn).
    Step 2 does the arithmetic for the whole minibatch at once.
    """
    batchsize = 50
    N = wordVectors.shape[0]
    V = int(N / 2)
    centerWordVectors = wordVectors[:V, :]
    outsideVectors = wordVectors[V:, :]

    # ---- RNG phase (order identical to the original) ----
    pair_c = []   # centre index per (centre, outside) pair
    pair_o = []   # outside index per pair
    negs = []     # K negatives per pair
    for i in range(batchsize):
        windowSize1 = random.randint(1, windowSize)
        centerWord, context = dataset.getRandomContext(windowSize1)
        c = word2Ind[centerWord]
        for w in context:
            o = word2Ind[w]
            pair_c.append(c)
            pair_o.append(o)
            if lossname == "negsampling":
                negs.append(getNegativeSamples(o, dataset, K))
    pc = np.asarray(pair_c, dtype=np.int64)
    po = np.asarray(pair_o, dtype=np.int64)
    P = len(pc)

    grad = np.zeros(wordVectors.shape)
    Vc = centerWordVectors[pc]                          # [P, d]

    if lossname == "softmax":
        scores = Vc @ outsideVectors.T                  # [P, V]
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)     # y_hat per pair
        losses = -np.log(scores[np.arange(P), po])
        scores[np.arange(P), po] -= 1.0                 # delta per pair
        gc = scores @ outsideVectors                    # [P, d] = U^T delta
        go = scores.T @ Vc                              # [V, d] = sum_p outer(delta_p, v_c)
        grad[V:, :] += go / batchsize
    else:
        ng = np.asarray(negs, dtype=np.int64)           # [P, K]
        Uo = outsideVectors[po]                         # [P, d]
        z = sigmoid(np.einsum("pd,pd->p", Uo, Vc))
        Un = outsideVectors[ng]                         # [P, K, d]
        zk = sigmoid(-np.einsum("pkd,pd->pk", Un, Vc))
        losses = -np.log(z) - np.log(zk).sum(axis=1)
        gc = (z - 1.0)[:, None] * Uo + np.einsum("pk,pkd->pd", 1.0 - zk, Un)
        go = np.zeros((V, wordVectors.shape[1]))
        np.add.at(go, po, (z - 1.0)[:, None] * Vc)
        np.add.at(go, ng.ravel(),
                  ((1.0 - zk)[:, :, None] * Vc[:, None, :]).reshape(-1, Vc.shape[1]))
        grad[V:, :] += go / batchsize

    gin = np.zeros((V, wordVectors.shape[1]))
    np.add.at(gin, pc, gc)
    grad[:V, :] += gin / batchsize
    loss = losses.sum() / batchsize
    return loss, grad, P


# --------------------------------------------------------------------------
# sgd.py (no saving) + reporting
# --------------------------------------------------------------------------
def sgd(f, x0, step, iterations, report, V, PRINT_EVERY=10):
    ANNEAL_EVERY = 20000
    x = x0
    exploss = None
    t0 = time.time()
    for it in range(1, iterations + 1):
        loss, grad = f(x)
        x -= step * grad
        if it % PRINT_EVERY == 0:
            if not exploss:
                exploss = loss
            else:
                exploss = .95 * exploss + .05 * loss
        if it % report == 0:
            ex = float("nan") if exploss is None else exploss
            print("iter %6d  exploss %.4f  loss %.4f  |centre| %.4f  |outside| %.4f  (%.1fs)"
                  % (it, ex, loss, np.linalg.norm(x[:V]), np.linalg.norm(x[V:]),
                     time.time() - t0), flush=True)
        if it % ANNEAL_EVERY == 0:
            step *= 0.5
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loss", choices=["softmax", "negsampling"], default="negsampling")
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--report", type=int, default=100)
    ap.add_argument("--step", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=None,
                    help="override BOTH training seeds (random.seed(31415), np.random.seed(9265)) "
                         "with this value, for seed-to-seed spread; default = original seeds")
    ap.add_argument("--literal", action="store_true",
                    help="use the literal per-pair code path (slow; for cross-checking)")
    args = ap.parse_args()

    t0 = time.time()
    # run.py
    random.seed(314)
    dataset = StanfordSentiment()
    tokens = dataset.tokens()
    nWords = len(tokens)
    dimVectors = 10
    C = 5
    random.seed(31415 if args.seed is None else args.seed)
    np.random.seed(9265 if args.seed is None else args.seed)

    wordVectors = np.concatenate(
        ((np.random.rand(nWords, dimVectors) - 0.5) / dimVectors,
         np.zeros((nWords, dimVectors))),
        axis=0)
    # NB: allSentences() (which consumes random.random()) is built lazily inside the first
    # getRandomContext call, i.e. AFTER the first randint(1, C) -- exactly as in the original.
    print("nWords %d  wordcount %d  sentences %d  setup %.1fs"
          % (nWords, dataset._wordcount, len(dataset.sentences()), time.time() - t0))
    print("init |centre| %.4f  |outside| %.4f  loss=%s step=%g steps=%d"
          % (np.linalg.norm(wordVectors[:nWords]), np.linalg.norm(wordVectors[nWords:]),
             args.loss, args.step, args.steps), flush=True)

    if args.literal:
        lf = naiveSoftmaxLossAndGradient if args.loss == "softmax" else negSamplingLossAndGradient
        f = lambda vec: word2vec_sgd_wrapper_literal(skipgram, tokens, vec, dataset, C, lf)
    else:
        def f(vec):
            loss, grad, _ = word2vec_sgd_wrapper_fast(args.loss, tokens, vec, dataset, C)
            return loss, grad

    t1 = time.time()
    sgd(f, wordVectors, args.step, args.steps, args.report, nWords, PRINT_EVERY=10)
    print("train time %.1fs (%.3f s/step)  [allSentences %d]"
          % (time.time() - t1, (time.time() - t1) / args.steps, len(dataset.allSentences())))


if __name__ == "__main__":
    main()
