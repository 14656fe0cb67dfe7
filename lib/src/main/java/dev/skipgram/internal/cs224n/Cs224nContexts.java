package dev.skipgram.internal.cs224n;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The training data of the CS224n recipe and its window sampler (the assignment's
 * {@code allSentences} and {@code getRandomContext}).
 *
 * <p>The corpus is repeated {@link #COPIES} times; in each copy every token of word w is discarded
 * independently with probability {@code max(0, 1 − sqrt(t·N / count(w)))}; sentences left with fewer
 * than two tokens are dropped. A window picks a sentence uniformly, then a position in it uniformly;
 * its context is the tokens within the radius on both sides, without the tokens equal to the centre
 * word. A window with an empty context is drawn again.
 *
 * <p>Immutable after construction; {@link #draw} only reads.
 */
final class Cs224nContexts {

    /** How many independently subsampled copies of the corpus make the training data. */
    static final int COPIES = 30;

    private final int[] tokens; // the kept tokens of all sentences, concatenated
    private final int[] starts; // sentence s is tokens[starts[s] .. starts[s + 1])

    /**
     * @param sentences the corpus as word indices
     * @param discardProbability per word, the probability of discarding one of its tokens
     * @param rng decides which tokens are discarded
     * @throws IllegalArgumentException if no sentence keeps two different words (no window could ever
     *     have a context)
     */
    Cs224nContexts(int[][] sentences, double[] discardProbability, RandomGenerator rng) {
        long total = 0;
        for (int[] s : sentences) {
            total += s.length;
        }
        int[] kept = new int[(int) Math.min(Integer.MAX_VALUE - 8, total * COPIES)];
        int[] sentenceStarts = new int[sentences.length * COPIES + 1];
        int n = 0;
        int count = 0;
        boolean anyContext = false;
        for (int copy = 0; copy < COPIES; copy++) {
            for (int[] sentence : sentences) {
                int start = n;
                for (int w : sentence) {
                    double p = discardProbability[w];
                    if (p <= 0 || rng.nextDouble() >= p) {
                        kept[n++] = w;
                    }
                }
                if (n - start > 1) {
                    anyContext |= hasTwoWords(kept, start, n);
                    sentenceStarts[count++] = start;
                    sentenceStarts[count] = n;
                } else {
                    n = start;
                }
            }
        }
        if (!anyContext) {
            throw new IllegalArgumentException("no sentence has two different words after subsampling,"
                    + " so no window has a context: the corpus is too small or subsampleThreshold too low");
        }
        this.tokens = Arrays.copyOf(kept, n);
        this.starts = Arrays.copyOf(sentenceStarts, count + 1);
    }

    private static boolean hasTwoWords(int[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (a[i] != a[from]) {
                return true;
            }
        }
        return false;
    }

    /** The number of sentences in the training data. */
    int sentences() {
        return starts.length - 1;
    }

    /** The number of tokens in the training data. */
    int tokens() {
        return tokens.length;
    }

    /**
     * Draws one window of the given radius and appends it to {@code batch}.
     *
     * @param radius m ≥ 1
     */
    void draw(int radius, RandomGenerator rng, WindowBatch batch) {
        while (true) {
            int s = rng.nextInt(sentences());
            int start = starts[s];
            int length = starts[s + 1] - start;
            int position = rng.nextInt(length);
            int center = tokens[start + position];
            batch.beginWindow(center);
            int from = Math.max(0, position - radius);
            int to = Math.min(length, position + radius + 1);
            for (int i = from; i < to; i++) {
                int w = tokens[start + i];
                if (i != position && w != center) {
                    batch.addOutside(w);
                }
            }
            if (batch.endWindow()) {
                return;
            }
        }
    }
}
