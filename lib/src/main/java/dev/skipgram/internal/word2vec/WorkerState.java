package dev.skipgram.internal.word2vec;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.random.RestorableRandom;

/**
 * What one worker thread owns (fastText's {@code State}): its generator, the kept words of the
 * sentence in hand, and the loss and pair sums of the chunk in hand. Confined to its worker.
 */
final class WorkerState {

    final RestorableRandom rng;
    private final float[] keep;
    /** The sentence after subsampling: {@code kept[0, n)}. */
    int[] kept = new int[1024];
    /** Σ pair losses of the chunk in hand. */
    double chunkLoss;
    /** Pairs trained from the chunk in hand. */
    long chunkPairs;

    /**
     * @param rng the worker's generator (restored from a checkpoint on resume)
     * @param keep each word's probability of being kept by subsampling, {@link #keepProbabilities}
     */
    WorkerState(RestorableRandom rng, float[] keep) {
        this.rng = rng;
        this.keep = keep;
    }

    /** Starts a chunk: clears the sums. */
    void startChunk() {
        chunkLoss = 0.0;
        chunkPairs = 0;
    }

    /** Adds the loss and pair count of some trained pairs to the chunk's sums. */
    void record(double loss, long pairs) {
        chunkLoss += loss;
        chunkPairs += pairs;
    }

    /**
     * Copies the tokens of {@code words[from, to)} that subsampling keeps into {@link #kept} (one draw
     * per word whose keep probability is below 1); returns how many.
     */
    int subsample(int[] words, int from, int to) {
        if (kept.length < to - from) {
            kept = new int[to - from];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            int w = words[i];
            float p = keep[w];
            if (p >= 1f || rng.nextFloat() < p) {
                kept[n++] = w;
            }
        }
        return n;
    }

    /**
     * word2vec's subsampling: a token of a word with count f is kept with probability
     * (sqrt(f / (t·N)) + 1)·(t·N)/f, capped at 1; t = 0 keeps everything.
     */
    static float[] keepProbabilities(Vocabulary vocabulary, double threshold) {
        float[] keep = new float[vocabulary.size()];
        double tn = threshold * vocabulary.totalCount();
        for (int w = 0; w < keep.length; w++) {
            double f = vocabulary.count(w);
            keep[w] = threshold == 0 ? 1f : (float) Math.min(1.0, (Math.sqrt(f / tn) + 1) * tn / f);
        }
        return keep;
    }
}
