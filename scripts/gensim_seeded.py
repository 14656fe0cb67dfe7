#!/usr/bin/env python3
"""Runs ../shared/bench/gensim_train.py with another seed, for a less noisy quality reference.

usage: /usr/bin/python3 scripts/gensim_seeded.py SEED CORPUS OUT.vec THREADS [ns|softmax-hs] [DIM] [EPOCHS]

gensim_train.py fixes seed=1; this wrapper replaces that one argument of gensim's Word2Vec and runs
the script unchanged, so every other setting stays the benchmark's. (With several worker threads
gensim is not deterministic anyway; the seed changes the initial vectors and the sampling streams.)
"""
import os
import runpy
import sys

from gensim.models import Word2Vec

seed = int(sys.argv[1])
original_init = Word2Vec.__init__


def seeded_init(self, *args, **kwargs):
    kwargs["seed"] = seed
    original_init(self, *args, **kwargs)


Word2Vec.__init__ = seeded_init
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench", "gensim_train.py")
sys.argv = [script] + sys.argv[2:]
runpy.run_path(script, run_name="__main__")
