#!/usr/bin/env python3
"""Golden Huffman codes for HuffmanTreeTest from gensim 4.2's own tree builder (Debian python3-gensim):
gensim.models.word2vec._assign_binary_codes, the heapq tree that its hierarchical softmax (skip-gram and
CBOW) trains on, applied to a small vocabulary in descending count order.

The counts are chosen so that no two weights in the queue are ever equal: the Huffman tree is then
unique, and word2vec.c's two-queue merge and gensim's heap must give the same codes (the first-taken
child bit 0, the second bit 1) and the same inner-node numbers (merge order, gensim's point = its node
index − V). Refuses counts that tie.

usage: /usr/bin/python3 scripts/huffman_gensim_golden.py > lib/src/test/resources/huffman-gensim.txt
Output: one line per word: index count code points (code as 0/1 digits from the root, points
comma-separated from the root).
"""
import heapq
import sys

import numpy as np
from gensim.models.keyedvectors import KeyedVectors
from gensim.models.word2vec import _assign_binary_codes

COUNTS = [1000, 710, 452, 301, 211, 131, 89, 57, 35, 22, 14, 9, 6, 4]

def no_ties(counts):
    """Whether every pop of the merge sees a strictly smallest and second-smallest weight."""
    heap = list(counts)
    heapq.heapify(heap)
    while len(heap) > 1:
        smallest = heapq.nsmallest(3, heap)
        if smallest[0] == smallest[1] or (len(smallest) > 2 and smallest[1] == smallest[2]):
            return False
        a, b = heapq.heappop(heap), heapq.heappop(heap)
        heapq.heappush(heap, a + b)
    return True

if sorted(COUNTS, reverse=True) != COUNTS or not no_ties(COUNTS):
    sys.exit("the counts must descend and never tie in the merge")
wv = KeyedVectors(vector_size=1)
wv.add_vectors([f"w{i}" for i in range(len(COUNTS))], np.zeros((len(COUNTS), 1), dtype=np.float32))
for i, c in enumerate(COUNTS):
    wv.set_vecattr(i, "count", c)
_assign_binary_codes(wv)
print("# gensim", __import__("gensim").__version__, "_assign_binary_codes; index count code points")
for i, c in enumerate(COUNTS):
    code = "".join(str(int(b)) for b in wv.get_vecattr(i, "code"))
    points = ",".join(str(int(p)) for p in wv.get_vecattr(i, "point"))
    print(i, c, code, points)
