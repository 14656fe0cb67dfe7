package dev.skipgram.internal.word2vec;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.CbowUpdate;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.Negatives;
import dev.skipgram.internal.kernels.PairUpdate;
import dev.skipgram.internal.kernels.RowOps;
import dev.skipgram.internal.kernels.SharedTargetsUpdate;
import dev.skipgram.internal.kernels.SoftmaxUpdate;
import dev.skipgram.internal.kernels.WindowHierarchicalSoftmaxUpdate;
import dev.skipgram.internal.kernels.WindowNegativeSamplingUpdate;
import dev.skipgram.internal.kernels.WindowUpdate;
import dev.skipgram.loss.NegativeSampler;

/**
 * How a worker trains the pairs of one subsampled sentence: per pair through a {@link PairUpdate}
 * (negative sampling or hierarchical softmax, word2vec.c), a window at a time through a {@link SharedTargetsUpdate} (negative
 * sampling with the window's negatives shared, HogBatch), or batched by window through a {@link
 * WindowUpdate} (the full softmax); or, for CBOW, one prediction per position through a {@link
 * CbowUpdate} in the shared-targets loop. One instance per worker, with its kernel's scratch.
 *
 * <p>Pair order, as in word2vec.c and gensim: for the word w_t at each position t, a radius r is
 * drawn from 1..windowSize, and every w_{t+j} with 0 &lt; |j| ≤ r pairs with it.
 */
sealed interface SentenceTrainer permits SentenceTrainer.Pairs, SentenceTrainer.SharedNegatives,
        SentenceTrainer.Windows {

    /** Trains the pairs of {@code state.kept[0, n)} at learning rate {@code lr}. */
    void sentence(WorkerState state, int n, float lr);

    /** Trains whatever is batched, at the end of a chunk. */
    void flush(WorkerState state, float lr);

    /** The Huffman tree of {@code vocabulary} when {@code config} trains hierarchical softmax; otherwise null. */
    static HuffmanTree treeOf(SkipGramConfig config, Vocabulary vocabulary) {
        return config.loss() == LossType.HIERARCHICAL_SOFTMAX ? HuffmanTree.of(vocabulary.counts()) : null;
    }

    /**
     * The trainer for {@code config}'s loss over these parameters; {@code tree} is the vocabulary's
     * Huffman tree for hierarchical softmax (shared by the workers), and ignored by the other losses.
     */
    static SentenceTrainer of(SkipGramConfig config, FloatMatrix centerVectors, FloatMatrix outsideVectors,
            NegativeSampler noise, HuffmanTree tree) {
        if (config.model() == Model.CBOW) {
            // one prediction per position: w_i from its context's mean, against w_i's path or K negatives
            int maxContexts = 2 * config.windowSize();
            return config.loss() == LossType.HIERARCHICAL_SOFTMAX
                    ? new SharedNegatives(config.windowSize(), 0, centerVectors, outsideVectors, noise,
                            CbowUpdate.hierarchicalSoftmax(tree, config.dimension(), maxContexts), true)
                    : new SharedNegatives(config.windowSize(), config.negatives(), centerVectors, outsideVectors,
                            noise, CbowUpdate.negativeSampling(config.dimension(), maxContexts, config.negatives()),
                            true);
        }
        return switch (config.loss()) {
            case NAIVE_SOFTMAX -> new Windows(config, new SoftmaxUpdate(centerVectors, outsideVectors,
                    Word2VecTrainer.softmaxRows(centerVectors.rows())));
            // the path, not negatives, picks the output rows: no negatives drawn
            case HIERARCHICAL_SOFTMAX -> config.negativeSharing() == NegativeSharing.WINDOW
                    ? new SharedNegatives(config.windowSize(), 0, centerVectors, outsideVectors, noise,
                            new WindowHierarchicalSoftmaxUpdate(tree, config.dimension(), 2 * config.windowSize()),
                            false)
                    // word2vec.c's per-pair order, the path's rows gathered once per window
                    : new SharedNegatives(config.windowSize(), 0, centerVectors, outsideVectors, noise,
                            WindowHierarchicalSoftmaxUpdate.sequential(tree, config.dimension(),
                                    2 * config.windowSize(), RowOps.fastest()), false);
            case NEGATIVE_SAMPLING -> config.negativeSharing() == NegativeSharing.WINDOW
                    ? new SharedNegatives(config.windowSize(), config.negatives(), centerVectors, outsideVectors, noise,
                            new WindowNegativeSamplingUpdate(config.dimension(), 2 * config.windowSize(),
                                    config.negatives() + 1), false)
                    : new Pairs(config.windowSize(), config.negatives(), centerVectors, outsideVectors, noise,
                            new NegativeSamplingUpdate(config.dimension()));
        };
    }

    /**
     * Sets {@code targets[0]} to the predicted word and {@code targets[1..K]} to K negatives drawn
     * against it from the worker's generator (nothing is drawn when K = 0).
     */
    private static void draw(int[] targets, int predicted, int negatives, NegativeSampler noise, int vocabularySize,
            WorkerState state) {
        targets[0] = predicted;
        for (int t = 1; t <= negatives; t++) {
            targets[t] = Negatives.draw(noise, predicted, vocabularySize, state.rng);
        }
    }

    /**
     * Copies the words of position i's window of radius r, {@code kept[j]} for 0 &lt; |j − i| ≤ r within
     * {@code kept[0, n)}, into {@code contexts} in sentence order; returns how many.
     */
    private static int context(int[] kept, int n, int i, int radius, int[] contexts) {
        int count = 0;
        for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
            if (j != i) {
                contexts[count++] = kept[j];
            }
        }
        return count;
    }

    /**
     * word2vec.c's order: for each position i, every w_j in its window (the input, a centre row)
     * predicts w_i (an outside row), with K negatives drawn against w_i for each pair (none for
     * hierarchical softmax, whose kernel follows w_i's path).
     */
    final class Pairs implements SentenceTrainer {
        private final FloatMatrix centers;
        private final FloatMatrix outsides;
        private final NegativeSampler noise;
        private final PairUpdate update;
        private final int window;
        private final int negatives;
        private final int vocabularySize;
        private final int[] targets;

        Pairs(int window, int negatives, FloatMatrix centers, FloatMatrix outsides, NegativeSampler noise,
                PairUpdate update) {
            this.centers = centers;
            this.outsides = outsides;
            this.noise = noise;
            this.update = update;
            this.window = window;
            this.negatives = negatives;
            this.vocabularySize = centers.rows();
            this.targets = new int[negatives + 1];
        }

        @Override
        public void sentence(WorkerState state, int n, float lr) {
            int[] kept = state.kept;
            double loss = 0.0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                int radius = 1 + state.rng.nextInt(window);
                int predicted = kept[i];
                for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
                    if (j == i) {
                        continue;
                    }
                    draw(targets, predicted, negatives, noise, vocabularySize, state);
                    loss += update.apply(centers, outsides, kept[j], targets, negatives + 1, lr);
                    pairs++;
                }
            }
            state.record(loss, pairs);
        }

        @Override
        public void flush(WorkerState state, float lr) {
            // nothing is batched
        }
    }

    /**
     * word2vec.c's order with the negatives drawn once per position (HogBatch): the n context words
     * w_j of position i (the inputs) all predict w_i against the same K negatives, in one step of the
     * {@link SharedTargetsUpdate}. The same multiset of (input, predicted) pairs as {@link Pairs}, K
     * draws per position instead of n·K. A position with no context word draws nothing. With
     * hierarchical softmax (K = 0) the n context words share w_i's path instead.
     *
     * <p>CBOW (word2vec.c's {@code -cbow 1}) runs the same loop with a {@link CbowUpdate}: the n
     * context words of position i (0 &lt; |j − i| ≤ r) are averaged, and the mean predicts w_i against
     * the position's K negatives or along w_i's path. Its loss counts as one pair in the reports: a
     * position is one prediction.
     */
    final class SharedNegatives implements SentenceTrainer {
        private final FloatMatrix centers;
        private final FloatMatrix outsides;
        private final NegativeSampler noise;
        private final SharedTargetsUpdate update;
        private final int window;
        private final int negatives;
        private final int vocabularySize;
        private final int[] contexts;
        private final int[] targets;
        private final boolean perPosition; // CBOW: a position is one prediction, whatever its n

        SharedNegatives(int window, int negatives, FloatMatrix centers, FloatMatrix outsides, NegativeSampler noise,
                SharedTargetsUpdate update, boolean perPosition) {
            this.centers = centers;
            this.outsides = outsides;
            this.noise = noise;
            this.update = update;
            this.window = window;
            this.negatives = negatives;
            this.vocabularySize = centers.rows();
            if (update.maxInputs() < 2 * window || update.maxTargets() < negatives + 1) {
                throw new IllegalArgumentException("the kernel takes " + update.maxInputs() + " inputs and "
                        + update.maxTargets() + " targets; windowSize " + window + " and K = " + negatives
                        + " need " + 2 * window + " and " + (negatives + 1));
            }
            this.contexts = new int[2 * window];
            this.targets = new int[negatives + 1];
            this.perPosition = perPosition;
        }

        @Override
        public void sentence(WorkerState state, int n, float lr) {
            int[] kept = state.kept;
            double loss = 0.0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                int count = context(kept, n, i, 1 + state.rng.nextInt(window), contexts);
                if (count == 0) {
                    continue;
                }
                draw(targets, kept[i], negatives, noise, vocabularySize, state);
                loss += update.apply(centers, outsides, contexts, count, targets, negatives + 1, lr);
                pairs += perPosition ? 1 : count;
            }
            state.record(loss, pairs);
        }

        @Override
        public void flush(WorkerState state, float lr) {
            // nothing is batched across positions
        }
    }

    /**
     * The softmax groups a position's window the other way round: w_i (the input) predicts every w_j
     * in its window, the same multiset of pairs, so that the window shares one row of scores.
     * Positions are batched {@link WindowUpdate#maxRows()} at a time.
     */
    final class Windows implements SentenceTrainer {
        private final WindowUpdate update;
        private final int window;
        private final int[] inputs; // the batch's pairs, a position's window per run
        private final int[] predicted;
        private int pairs;
        private int rows;

        Windows(SkipGramConfig config, WindowUpdate update) {
            this.update = update;
            this.window = config.windowSize();
            this.inputs = new int[update.maxRows() * 2 * window];
            this.predicted = new int[inputs.length];
        }

        @Override
        public void sentence(WorkerState state, int n, float lr) {
            int[] kept = state.kept;
            for (int i = 0; i < n; i++) {
                int radius = 1 + state.rng.nextInt(window);
                if (rows == update.maxRows()) {
                    flush(state, lr);
                }
                int before = pairs;
                for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
                    if (j != i) {
                        inputs[pairs] = kept[i];
                        predicted[pairs++] = kept[j];
                    }
                }
                if (pairs > before) {
                    rows++;
                }
            }
        }

        @Override
        public void flush(WorkerState state, float lr) {
            state.record(update.apply(inputs, predicted, pairs, lr), pairs);
            pairs = 0;
            rows = 0;
        }
    }
}
