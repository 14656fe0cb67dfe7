#!/usr/bin/env python3
"""Predicts the Spark module's training rate (words/s) at more executors from per-round costs
measured on gut8 with 2 executors (docs/distributed.md, "Scale on paper"). One round is

    T_round(P) = t_launch + B/bw * ceil(log2(P + 1))      broadcast of X and U (torrent: a tree of copies)
               + n / r_exec                               the share's training, n = N / (P R) tokens
               + P * c(n) * (4d + 4) / bw                 the changed rows, all into the driver's link
               + P * c(n) / m                             the driver's merge, row by row

for the broadcast exchange, and for the direct exchange (--exchange direct: no broadcast, no job a round)

    T_round(P) = t_launch + n / r_exec
               + P * c(n) * (4d + 4) / bw                 the changed rows, into the driver's link
               + P * (u(n) - o(n)) * (4d + 4) / bw        the merged rows each task lacks, out of it
               + P * c(n) / m

where u = 2V (1 - (1 - f)^P) is the rows any share changed and o = 2V f (1 - f)^(P - 1) those only
one share changed (f = c / 2V, shares taken as independent),
with c(n) = 2V (1 - exp(-(n / n0)^beta)) the rows (of X and U) a share of n tokens changes, n0 and
beta fitted to two measured fractions (the negatives spread the changes far beyond the share's own
words, so c grows more slowly than the distinct words do). words/s = N / (R T_round). Every constant is an argument; the defaults are the measured
ones (see docs/distributed.md for where each comes from).

usage: scripts/spark_scaling.py [--rounds R] [--bw BYTES_PER_S] [--r-exec WORDS_PER_S] ...
"""
import argparse
import math

p = argparse.ArgumentParser()
p.add_argument("--tokens", type=float, default=18.88e6, help="N, in-vocabulary tokens per epoch")
p.add_argument("--vocab", type=float, default=51351, help="V")
p.add_argument("--dim", type=float, default=100, help="d")
p.add_argument("--rounds", type=int, default=32, help="R, rounds per epoch")
p.add_argument("--r-exec", type=float, default=50e3, help="training rate of one 1-core executor, words/s")
p.add_argument("--launch", type=float, default=1.0, help="fixed cost of a round's job, s")
p.add_argument("--bw", type=float, default=50e6, help="bytes/s of one link (broadcast and results)")
p.add_argument("--merge-rate", type=float, default=1e6, help="rows merged per second by the driver")
p.add_argument("--measured", default="2.36e6:0.85,2.99e5:0.58",
               help="two SHARE_TOKENS:FRACTION points: the fraction of the 2V rows a share changed")
p.add_argument("--executors", default="2,4,16,64")
p.add_argument("--exchange", choices=["broadcast", "direct"], default="broadcast")
a = p.parse_args()

B = 2 * a.vocab * a.dim * 4
(n1, f1), (n2, f2) = [tuple(float(x) for x in pt.split(":")) for pt in a.measured.split(",")]
beta = math.log(math.log(1 - f1) / math.log(1 - f2)) / math.log(n1 / n2)
n0 = n1 / (-math.log(1 - f1)) ** (1 / beta)
print(f"B = {B / 1e6:.1f} MB per broadcast, R = {a.rounds}, r_exec = {a.r_exec:,.0f} words/s, "
      f"link {a.bw / 1e6:.0f} MB/s, n0 = {n0:,.0f} tokens, beta = {beta:.3f}")
direct = a.exchange == "direct"
print(f"| executors | share (tokens) | rows back per share | {'rows out per task' if direct else 'broadcast s'} | "
      f"{'rows out s | ' if direct else ''}train s | results s | merge s | round s | words/s |")
print("|---|---|---|---|---|---|---|---|---|" + ("---|" if direct else ""))
for P in [int(x) for x in a.executors.split(",")]:
    n = a.tokens / (P * a.rounds)
    c = 2 * a.vocab * (1 - math.exp(-(n / n0) ** beta))
    train = n / a.r_exec
    results = P * c * (4 * a.dim + 4) / a.bw
    merge = P * c / a.merge_rate
    if direct:
        f = c / (2 * a.vocab)
        lacked = 2 * a.vocab * ((1 - (1 - f) ** P) - f * (1 - f) ** (P - 1))
        out = P * lacked * (4 * a.dim + 4) / a.bw
        t = a.launch + out + train + results + merge
        print(f"| {P} | {n:,.0f} | {c:,.0f} | {lacked:,.0f} | {out:.2f} | {train:.2f} | {results:.2f} | {merge:.2f} | "
              f"{t:.2f} | {a.tokens / (a.rounds * t):,.0f} |")
        continue
    bcast = B / a.bw * math.ceil(math.log2(P + 1))
    t = a.launch + bcast + train + results + merge
    print(f"| {P} | {n:,.0f} | {c:,.0f} | {bcast:.2f} | {train:.2f} | {results:.2f} | {merge:.2f} | {t:.2f} | "
          f"{a.tokens / (a.rounds * t):,.0f} |")
