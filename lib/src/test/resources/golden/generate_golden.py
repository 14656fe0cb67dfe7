#!/usr/bin/env python3
"""Independent golden values for the skipgram library's losses, window loss and RNG.

This is a reference implementation written straight from /work/shared/SPEC.md
(section 1 naive softmax, section 2 negative sampling, section 3 window,
section 8 hierarchical softmax, section 10 CBOW) in NumPy float64. It deliberately shares no code or
structure with the Java
sources: the softmax is computed with a max shift and a logsumexp, log-sigmoid
with np.logaddexp, the window gradients in closed form from word counts, the
Huffman tree with a binary heap (heapq) instead of word2vec.c's two queues, and
xoshiro256++ / SplitMix64 with Python integers masked to 64 bits.

Regenerate (from this directory) with:

    python3 generate_golden.py

which rewrites golden.json next to this script. Only numpy is needed.
"""

import heapq
import json
import os

import numpy as np

MASK64 = (1 << 64) - 1


# ---------------------------------------------------------------------------
# SPEC section 1: naive softmax
# ---------------------------------------------------------------------------

def logsumexp(x):
    m = np.max(x)
    return m + np.log(np.sum(np.exp(x - m)))


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def naive_softmax(v, o, U):
    """J = logsumexp(U v) - u_o.v ; dJ/dv = U^T (yhat - y) ; dJ/dU = (yhat - y) v^T."""
    scores = U @ v
    yhat = softmax(scores)
    y = np.zeros(U.shape[0])
    y[o] = 1.0
    loss = logsumexp(scores) - scores[o]
    err = yhat - y
    return loss, U.T @ err, np.outer(err, v)


# ---------------------------------------------------------------------------
# SPEC section 2: negative sampling
# ---------------------------------------------------------------------------

def log_sigmoid(x):
    # log sigma(x) = -log(1 + e^-x) = -logaddexp(0, -x)
    return -np.logaddexp(0.0, -x)


def sigmoid(x):
    return np.exp(log_sigmoid(x))


def negative_sampling(v, o, U, negatives):
    """J = -log s(u_o.v) - sum_k log s(-u_k.v), gradients per SPEC section 2."""
    s_o = U[o] @ v
    loss = -log_sigmoid(s_o)
    grad_v = -(1.0 - sigmoid(s_o)) * U[o]
    grad_U = np.zeros_like(U)
    grad_U[o] += -(1.0 - sigmoid(s_o)) * v
    for k in negatives:  # a word drawn twice counts twice
        s_k = U[k] @ v
        loss -= log_sigmoid(-s_k)
        one_minus = sigmoid(s_k)  # 1 - sigma(-s_k)
        grad_v = grad_v + one_minus * U[k]
        grad_U[k] += one_minus * v
    return loss, grad_v, grad_U


# ---------------------------------------------------------------------------
# SPEC section 8: hierarchical softmax
# ---------------------------------------------------------------------------

def huffman_paths(counts):
    """word2vec.c's tree, built with a heap. The words are ranked by descending count, ties by lower
    index. word2vec.c merges two queues (leaves from the smallest up, inner nodes in creation order)
    and takes a leaf only if its count is strictly smaller than the front inner node's; a heap keyed
    (count, 0 for an inner node / 1 for a leaf, creation order / -rank) pops the same nodes. The
    second node popped by each merge gets bit 1. Returns, per word, its inner nodes from the root and
    their bits."""
    V = len(counts)
    rank = sorted(range(V), key=lambda w: (-counts[w], w))  # rank -> word
    heap = [(counts[w], 1, -r, ("leaf", w)) for r, w in enumerate(rank)]
    heapq.heapify(heap)
    parent = {}  # node -> (inner node index, bit)
    for a in range(V - 1):
        c1, _, _, n1 = heapq.heappop(heap)
        c2, _, _, n2 = heapq.heappop(heap)
        parent[n1] = (a, 0)
        parent[n2] = (a, 1)
        heapq.heappush(heap, (c1 + c2, 0, a, ("inner", a)))
    paths = []
    for w in range(V):
        nodes, bits = [], []
        n = ("leaf", w)
        while n in parent:
            a, b = parent[n]
            nodes.append(a)
            bits.append(b)
            n = ("inner", a)
        paths.append((nodes[::-1], bits[::-1]))
    return paths


def hierarchical_softmax(v, o, U, paths):
    """J = -sum_j log s((1 - 2 b_j) u_{n_j}.v); gradients per SPEC section 8."""
    nodes, bits = paths[o]
    loss = 0.0
    grad_v = np.zeros_like(v)
    grad_U = np.zeros_like(U)
    for n, b in zip(nodes, bits):
        s = U[n] @ v
        loss -= log_sigmoid((1 - 2 * b) * s)
        coef = sigmoid(s) - (1 - b)
        grad_v = grad_v + coef * U[n]
        grad_U[n] += coef * v
    return loss, grad_v, grad_U


def hs_case(name, counts, v, U, o):
    paths = huffman_paths(counts)
    loss, gv, gU = hierarchical_softmax(v, o, U, paths)
    assert np.isfinite(loss) and np.all(np.isfinite(gv)) and np.all(np.isfinite(gU))
    # the leaf probabilities sum to 1 (SPEC section 8)
    total = sum(np.exp(-hierarchical_softmax(v, w, U, paths)[0]) for w in range(len(counts)))
    assert abs(total - 1.0) < 1e-12, total
    return {"name": name, "counts": [int(c) for c in counts], "v": as_list(v), "U": as_list(U), "o": int(o),
            "paths": [p[0] for p in paths], "codes": ["".join(str(b) for b in p[1]) for p in paths],
            "loss": float(loss), "centerGradient": as_list(gv), "outsideGradient": as_list(gU)}


# ---------------------------------------------------------------------------
# SPEC section 3: window (naive softmax), in closed form via counts
# ---------------------------------------------------------------------------

def window_naive_softmax(c, outside, center_vectors, outside_vectors):
    """Sum over outside words o_j of J(v_c, o_j, U), computed as
    n * logsumexp(U v_c) - sum_j s_{o_j}; grads with (n * yhat - counts)."""
    V = outside_vectors.shape[0]
    v = center_vectors[c]
    scores = outside_vectors @ v
    n = len(outside)
    counts = np.bincount(np.asarray(outside, dtype=np.int64), minlength=V).astype(np.float64)
    loss = n * logsumexp(scores) - float(np.sum(scores[outside]))
    err = n * softmax(scores) - counts
    grad_center = np.zeros_like(center_vectors)
    grad_center[c] = outside_vectors.T @ err
    grad_outside = np.outer(err, v)
    return loss, grad_center, grad_outside


# ---------------------------------------------------------------------------
# SPEC section 10: CBOW, one prediction from the mean of the context rows
# ---------------------------------------------------------------------------

def cbow(context, o, center_vectors, outside_vectors, negatives, counts=None):
    """h = mean of the context rows; J = J(h, o, U) (negative sampling with the given negatives,
    hierarchical softmax over the tree of the counts when they are given, else the naive softmax);
    dJ/dv_w = (count of w in the context / n) dJ/dh."""
    n = len(context)
    h = center_vectors[context].sum(axis=0) / n
    if counts is not None:
        loss, grad_h, grad_U = hierarchical_softmax(h, o, outside_vectors, huffman_paths(counts))
    elif negatives is None:
        loss, grad_h, grad_U = naive_softmax(h, o, outside_vectors)
    else:
        loss, grad_h, grad_U = negative_sampling(h, o, outside_vectors, negatives)
    counts = np.bincount(np.asarray(context, dtype=np.int64), minlength=center_vectors.shape[0])
    grad_C = np.outer(counts / n, grad_h)
    return loss, grad_C, grad_U


# ---------------------------------------------------------------------------
# xoshiro256++ and SplitMix64 (Blackman & Vigna)
# ---------------------------------------------------------------------------

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK64


def xoshiro256pp(state, n):
    s = [w & MASK64 for w in state]
    out = []
    for _ in range(n):
        result = (rotl((s[0] + s[3]) & MASK64, 23) + s[0]) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        out.append(result)
    return out


def splitmix64_state(seed, n=4):
    x = seed & MASK64
    out = []
    for _ in range(n):
        x = (x + 0x9E3779B97F4A7C15) & MASK64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        out.append(z ^ (z >> 31))
    return out


def to_signed(u):
    """Unsigned 64-bit -> Java long, as a decimal string."""
    u &= MASK64
    return str(u - (1 << 64) if u >= (1 << 63) else u)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

def as_list(a):
    return np.asarray(a, dtype=np.float64).tolist()


def naive_case(name, v, U, o):
    loss, gv, gU = naive_softmax(v, o, U)
    assert np.isfinite(loss) and np.all(np.isfinite(gv)) and np.all(np.isfinite(gU))
    return {"name": name, "v": as_list(v), "U": as_list(U), "o": int(o),
            "loss": float(loss), "centerGradient": as_list(gv), "outsideGradient": as_list(gU)}


def ns_case(name, center_index, v, U, o, negatives, sampler_draws=None):
    """negatives: the K negative words. If sampler_draws is given, it is what the sampler returns,
    in order, and the negatives are those draws with the outside word rejected (SPEC section 2)."""
    if sampler_draws is not None:
        assert negatives is None
        negatives = [w for w in sampler_draws if w != o]
    assert o not in negatives, "the sampler rejects the outside word"
    loss, gv, gU = negative_sampling(v, o, U, negatives)
    assert np.isfinite(loss) and np.all(np.isfinite(gv)) and np.all(np.isfinite(gU))
    case = {"name": name, "centerIndex": int(center_index), "v": as_list(v), "U": as_list(U),
            "o": int(o), "negatives": [int(k) for k in negatives]}
    if sampler_draws is not None:
        case["samplerDraws"] = [int(k) for k in sampler_draws]
    case.update({"loss": float(loss), "centerGradient": as_list(gv), "outsideGradient": as_list(gU)})
    return case


def window_case(name, c, outside, C, U):
    loss, gC, gU = window_naive_softmax(c, outside, C, U)
    return {"name": name, "c": int(c), "outside": [int(o) for o in outside],
            "centerVectors": as_list(C), "outsideVectors": as_list(U),
            "loss": float(loss), "centerVectorsGradient": as_list(gC),
            "outsideVectorsGradient": as_list(gU)}


def cbow_case(name, context, o, C, U, negatives, counts=None):
    loss, gC, gU = cbow(context, o, C, U, negatives, counts)
    assert np.isfinite(loss) and np.all(np.isfinite(gC)) and np.all(np.isfinite(gU))
    case = {"name": name, "context": [int(c) for c in context], "o": int(o),
            "loss": "hierarchicalSoftmax" if counts is not None
            else "naiveSoftmax" if negatives is None else "negativeSampling"}
    if negatives is not None:
        case["negatives"] = [int(k) for k in negatives]
    if counts is not None:
        case["counts"] = [int(c) for c in counts]
    case.update({"centerVectors": as_list(C), "outsideVectors": as_list(U), "value": float(loss),
                 "centerVectorsGradient": as_list(gC), "outsideVectorsGradient": as_list(gU)})
    return case


def build():
    naive = []
    # 1. hand-chosen, V=3, d=2
    naive.append(naive_case(
        "hand_V3_d2",
        np.array([0.5, -1.0]),
        np.array([[1.0, 0.0], [0.0, 1.0], [-0.5, 0.25]]),
        1))
    # 2. seeded, V=5, d=3
    rng = np.random.default_rng(2024)
    naive.append(naive_case("seeded_V5_d3", rng.normal(size=3), rng.normal(size=(5, 3)), 3))
    # 3. seeded, V=6, d=4, outside word 0
    rng = np.random.default_rng(7)
    naive.append(naive_case("seeded_V6_d4", rng.uniform(-1, 1, size=4), rng.uniform(-1, 1, size=(6, 4)), 0))
    # 4. scores of +-1000: u.v = 1000, -1000, 999.5, 0 ; outside word has score -1000
    v = np.array([10.0, 0.0, 0.0])
    U = np.array([[100.0, 0.0, 1.0], [-100.0, 2.0, 0.0], [99.95, 0.0, 0.0], [0.0, 3.0, -1.0]])
    naive.append(naive_case("large_scores_pm1000", v, U, 1))
    # 5. large scores, outside word is the (near-)maximum
    naive.append(naive_case("large_scores_o_is_max", v, U, 0))

    ns = []
    # 1. hand-chosen, V=4, d=2, distinct negatives
    ns.append(ns_case(
        "hand_V4_d2_K2", 0,
        np.array([0.3, -0.7]),
        np.array([[0.1, 0.2], [1.0, -0.5], [-0.4, 0.9], [0.25, 0.25]]),
        1, [2, 3]))
    # 2. seeded, V=6, d=3, a negative drawn twice
    rng = np.random.default_rng(11)
    ns.append(ns_case("seeded_V6_d3_repeat", 4, rng.normal(size=3), rng.normal(size=(6, 3)), 2, [5, 0, 5, 1]))
    # 3. seeded, V=5, d=4, a negative equal to the centre word (c = 3)
    rng = np.random.default_rng(12)
    ns.append(ns_case("seeded_V5_d4_negative_is_centre", 3, rng.normal(size=4), rng.normal(size=(5, 4)),
                      0, [3, 1, 4]))
    # 4. scores of +-1000: u_o.v = -1000, negatives with u.v = +1000, -1000 and 0.5
    v = np.array([0.0, 20.0])
    U = np.array([[0.0, -50.0], [1.0, 50.0], [2.0, -50.0], [0.0, 0.025], [3.0, 0.0]])
    ns.append(ns_case("large_scores_pm1000", 1, v, U, 0, [1, 2, 3, 1]))
    # 5. scores of +-1000 the other way: u_o.v = +1000, negatives at -1000 and 0.5
    ns.append(ns_case("large_scores_o_plus1000", 1, v, U, 1, [2, 3, 0]))
    # 6. the sampler returns the outside word (o = 2) twice: those draws are rejected and redrawn
    rng = np.random.default_rng(13)
    ns.append(ns_case("sampler_returns_outside_word", 0, rng.normal(size=3), rng.normal(size=(4, 3)),
                      2, None, sampler_draws=[2, 1, 2, 0, 1]))

    window = []
    rng = np.random.default_rng(99)
    window.append(window_case("seeded_V5_d3_repeat", 2, [0, 4, 0, 3],
                              rng.normal(size=(5, 3)), rng.normal(size=(5, 3))))
    rng = np.random.default_rng(100)
    window.append(window_case("seeded_V6_d2_outside_is_centre_twice", 1, [1, 5, 1, 2, 0, 4],
                              rng.uniform(-1, 1, size=(6, 2)), rng.uniform(-1, 1, size=(6, 2))))

    cbow_cases = []
    rng = np.random.default_rng(101)
    cbow_cases.append(cbow_case("ns_V6_d3_repeated_context", [0, 4, 0, 5], 2,
                                rng.normal(size=(6, 3)), rng.normal(size=(6, 3)), [1, 3, 1]))
    rng = np.random.default_rng(102)
    cbow_cases.append(cbow_case("ns_V5_d4_predicted_word_in_context", [3, 1, 3, 0, 2, 4], 3,
                                rng.uniform(-1, 1, size=(5, 4)), rng.uniform(-1, 1, size=(5, 4)), [0, 4]))
    rng = np.random.default_rng(103)
    cbow_cases.append(cbow_case("softmax_V5_d3_one_context_word", [4], 1,
                                rng.normal(size=(5, 3)), rng.normal(size=(5, 3)), None))
    rng = np.random.default_rng(104)
    cbow_cases.append(cbow_case("hs_V7_d3_repeated_context_ties", [6, 0, 6, 3], 5,
                                rng.normal(size=(7, 3)), rng.normal(size=(7, 3)), None,
                                counts=[9, 4, 4, 7, 1, 2, 2]))

    hs = []
    # 1. hand-chosen, V=4, d=2, counts already descending
    hs.append(hs_case("hand_V4_d2", [5, 3, 2, 1], np.array([0.3, -0.7]),
                      np.array([[0.1, 0.2], [1.0, -0.5], [-0.4, 0.9], [0.25, 0.25]]), 3))
    # 2. seeded, V=9, d=3, unsorted counts with ties (and a tie between a leaf and an inner node)
    rng = np.random.default_rng(21)
    hs.append(hs_case("seeded_V9_d3_ties", [2, 7, 2, 1, 4, 3, 1, 2, 5], rng.normal(size=3),
                      rng.normal(size=(9, 3)), 6))
    # 3. seeded, V=12, d=4, Zipf-like counts, outside word the most frequent
    rng = np.random.default_rng(22)
    hs.append(hs_case("seeded_V12_d4_zipf", [1 + 600 // (w + 1) for w in range(12)][::-1],
                      rng.normal(size=4), rng.normal(size=(12, 4)), 11))
    # 4. scores of +-1000 along the path
    v = np.array([0.0, 20.0])
    U = np.array([[0.0, -50.0], [1.0, 50.0], [2.0, -50.0], [0.0, 0.025], [3.0, 0.0]])
    hs.append(hs_case("large_scores_pm1000", [1, 1, 1, 1, 1], v, U, 2))

    raw_state = [1, 2, 3, 4]
    seed = 42
    seed_state = splitmix64_state(seed)
    xoshiro = {
        "rawState": {"state": [to_signed(s) for s in raw_state],
                     "nextLong": [to_signed(x) for x in xoshiro256pp(raw_state, 6)]},
        "seed42": {"seed": to_signed(seed), "state": [to_signed(s) for s in seed_state],
                   "nextLong": [to_signed(x) for x in xoshiro256pp(seed_state, 6)]},
    }

    return {
        "about": "Generated by generate_golden.py (independent NumPy float64 reference from SPEC.md); "
                 "do not edit by hand. numpy " + np.__version__,
        "naiveSoftmax": naive,
        "negativeSampling": ns,
        "window": window,
        "cbow": cbow_cases,
        "hierarchicalSoftmax": hs,
        "xoshiro256pp": xoshiro,
    }


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
