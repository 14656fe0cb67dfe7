package dev.skipgram.internal.word2vec;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.ModelAtEpochEnd;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.random.RestorableRandom;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The word2vec recipe (SPEC §7, §10): skip-gram (negative sampling, hierarchical softmax or the
 * full softmax) or CBOW (negative sampling or hierarchical softmax) over a streamed corpus, several epochs, the learning rate decaying linearly from {@code learningRate} to
 * {@code minLearningRate} over all of them, and {@code threads} workers updating the shared
 * parameters without locks.
 *
 * <pre>
 * Data flow per epoch (each box a class of this package):
 *   calling thread:  corpus.encodedSentences (indices; words not in the vocabulary dropped) ─► ChunkFeeder (~10,000-word chunks) ─► queue
 *   worker i:        queue ─► Worker ─► WorkerState.subsample (own RNG) ─► SentenceTrainer:
 *                      Pairs:   dynamic window, K negatives per pair ─► PairUpdate (NegativeSamplingUpdate), Hogwild
 *                      SharedNegatives: a position's window, K negatives for it ─► SharedTargetsUpdate
 *                               (WindowNegativeSamplingUpdate, HogBatch), Hogwild
 *                      Windows: up to 64 positions' windows ─► WindowUpdate (SoftmaxUpdate: three GEMMs)
 *                      CBOW:    the shared-negatives loop, a position's context averaged, K negatives or w_t's
 *                               path ─► CbowUpdate (WindowNegativeSamplingUpdate's mean form), Hogwild
 *                    ─► Progress (loss, pairs, words; merged in double)
 *   calling thread:  Reporter every reportInterval and at each epoch's end; Checkpointing between chunks
 *                    (every checkpointEvery words, once the queued chunks are trained) and at each epoch's end
 * </pre>
 *
 * <p>Over the corpus both losses train the same multiset of (input, predicted) pairs; see
 * {@link SentenceTrainer} for the order of each. Negative sampling takes word2vec.c's order (each
 * context word predicts the centre), which on gut8 gives analogy accuracy about 1.3 points higher
 * than the other order (docs/benchmarks.md); the softmax takes the other, so that a window shares
 * one row of scores.
 *
 * <p>Randomness: the root generator (seeded by {@code config.seed()}) is split into the initialisation
 * generator and one generator per worker, in that order. Chunks are handed out in corpus order, so
 * with one thread two runs with the same seed give identical vectors; with more, the interleaving of
 * lock-free updates makes runs differ slightly, as in word2vec.c and gensim.
 *
 * <p>Internal: no compatibility promise.
 */
public final class Word2VecTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Word2VecTrainer.class);
    private Word2VecTrainer() {}

    /**
     * Trains word vectors with the word2vec recipe; what {@link dev.skipgram.SkipGram#train} runs for
     * {@link dev.skipgram.Recipe#WORD2VEC}, with the errors it documents.
     *
     * @param corpus the sentences, read once for the vocabulary and once per epoch
     * @param config the settings
     * @param listener receives the reports on this thread
     * @return the trained vectors with their outside vectors
     */
    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener) {
        return train(corpus, config, listener, MatrixMemory.ofThisProcess());
    }

    /**
     * As {@link #train(Corpus, SkipGramConfig, TrainingListener)}, checking the parameters' size
     * against {@code memory}'s budget and seeing them through its views: tests refuse a model without
     * allocating it, or train through many small views.
     *
     * @param corpus the sentences
     * @param config the settings
     * @param listener receives the reports on this thread
     * @param memory the budget and the view size
     * @return the trained vectors with their outside vectors
     */
    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener,
            MatrixMemory memory) {
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.byCount(corpus, config.minCount(), config.maxVocabularySize());
        int v = vocabulary.size();
        if (v == 0) {
            throw new IllegalArgumentException("no word occurs at least minCount = " + config.minCount()
                    + " times: the corpus is empty or too small");
        }
        if (v == 1) {
            throw new IllegalArgumentException("the vocabulary has a single word ('" + vocabulary.word(0)
                    + "', minCount = " + config.minCount() + "): skip-gram needs at least two different words");
        }
        if (config.loss() == LossType.NEGATIVE_SAMPLING && config.negatives() >= v) {
            throw new IllegalArgumentException("negatives (K = " + config.negatives()
                    + ") must be smaller than the vocabulary size (V = " + v + ")");
        }
        int d = config.dimension();
        FloatMatrix.requireIndexable(v, d);
        requireMemory(memory, v, d, config.checkpointDirectory() != null);
        LOG.info("word2vec recipe: {} {} words, {} tokens per epoch, {} epochs, d={}, {}, {} threads",
                config.model() == Model.CBOW ? "CBOW," : "skip-gram,", v, vocabulary.totalCount(), config.epochs(), d,
                switch (config.loss()) {
                    case NEGATIVE_SAMPLING -> "K=" + config.negatives() + " per "
                            + config.negativeSharing().name().toLowerCase(Locale.ROOT);
                    case NAIVE_SOFTMAX -> "full softmax";
                    case HIERARCHICAL_SOFTMAX -> "hierarchical softmax";
                },
                config.threads());

        RestorableRandom root = RestorableRandom.seeded(config.seed());
        FloatMatrix centerVectors = memory.zeros(v, d); // [V, d], uniform: see initialWidth
        centerVectors.fillUniformRows(v, initialWidth(config.model()), root.split());
        FloatMatrix outsideVectors = memory.zeros(v, d); // [V, d], zero
        RestorableRandom[] workerRandom = new RestorableRandom[config.threads()];
        for (int i = 0; i < workerRandom.length; i++) {
            workerRandom[i] = root.split();
        }
        new Run(corpus, config, listener, vocabulary, centerVectors, outsideVectors, workerRandom, started).epochs();
        LOG.info("trained in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
        // not copied: nobody else holds them
        return FreshVectors.adopt(vocabulary, centerVectors.array(), outsideVectors.array(), memory.maxViewFloats());
    }

    /**
     * The width of the centre vectors' uniform initialisation, in units of 1/d: skip-gram starts in
     * [−0.5/d, 0.5/d) as word2vec.c does; CBOW in [−1/d, 1/d) as gensim 4 does ({@code prep_vectors}),
     * whose CBOW it is measured against. On full gut8 (1 epoch) gensim's range raised CBOW's analogy
     * accuracy with negative sampling from 2.7% to 3.3%, gensim's level (with hierarchical softmax
     * by 0.2 points, within the noise; docs/benchmarks.md, issue 15): the mean of n
     * context rows is √n times smaller than one row, and with the output layer starting at zero the
     * first steps scale with it. The distributed trainer draws its X with the same width.
     *
     * @param model the model trained
     * @return the width w: values uniform in [−w/(2d), w/(2d))
     */
    public static double initialWidth(Model model) {
        return model == Model.CBOW ? 2.0 : 1.0;
    }

    /**
     * Refuses, before anything is allocated, parameters the memory budget cannot hold: X and U
     * (2·V·d floats), and as much again for checkpoints (the copy a save makes, or the checkpoint a
     * resume reads).
     */
    static void requireMemory(MatrixMemory memory, int v, int d, boolean checkpoints) {
        long parameters = 2L * v * d * Float.BYTES;
        memory.shortfall(checkpoints ? 2 * parameters : parameters, "the parameters of V = " + v + " words of d = "
                        + d + " dimensions (2·V·d floats" + (checkpoints ? ", twice with checkpoints)" : ")"))
                .ifPresent(message -> {
                    throw new IllegalArgumentException(message + "; or lower dimension, minCount or"
                            + " maxVocabularySize");
                });
    }

    /**
     * Rows of one softmax step: at most this many positions, and {@value #SOFTMAX_SCORE_FLOATS} floats
     * of scores ([rows, V], 16 MB) per worker.
     */
    static int softmaxRows(int vocabularySize) {
        return Math.max(1, Math.min(64, SOFTMAX_SCORE_FLOATS / vocabularySize));
    }

    private static final int SOFTMAX_SCORE_FLOATS = 4_000_000;

    /** One training run: the epochs, the worker threads, the chunk queue, and when to checkpoint. */
    private static final class Run {
        private final Corpus corpus;
        private final SkipGramConfig config;
        private final Vocabulary vocabulary;
        private final FloatMatrix centerVectors; // [V, d]
        private final FloatMatrix outsideVectors; // [V, d]
        private final RestorableRandom[] workerRandom;
        private final WorkerState[] workerStates; // one per worker thread, kept across epochs
        private final SentenceTrainer[] trainers; // likewise: each owns its kernel's buffers
        private final Progress progress = new Progress();
        private final Word2VecSchedule schedule;
        private final Reporter reporter;
        private final TrainingListener listener;
        private final Checkpointing checkpointing;
        private int firstEpoch = 1;
        private long chunksToSkip; // chunks of firstEpoch trained before a resume
        private long wordsSinceCheckpoint;

        Run(Corpus corpus, SkipGramConfig config, TrainingListener listener, Vocabulary vocabulary,
                FloatMatrix centerVectors, FloatMatrix outsideVectors, RestorableRandom[] workerRandom, long started) {
            this.corpus = corpus;
            this.config = config;
            this.listener = listener;
            this.vocabulary = vocabulary;
            this.centerVectors = centerVectors;
            this.outsideVectors = outsideVectors;
            this.workerRandom = workerRandom;
            NoiseDistribution noise = new NoiseDistribution(vocabulary.counts(), config.noiseExponent());
            // built once, shared read-only by the workers' kernels
            HuffmanTree tree = SentenceTrainer.treeOf(config, vocabulary);
            float[] keep = WorkerState.keepProbabilities(vocabulary, config.subsampleThreshold());
            this.workerStates = new WorkerState[workerRandom.length];
            this.trainers = new SentenceTrainer[workerRandom.length];
            for (int i = 0; i < workerRandom.length; i++) {
                workerStates[i] = new WorkerState(workerRandom[i], keep);
                trainers[i] = SentenceTrainer.of(config, centerVectors, outsideVectors, noise, tree);
            }
            this.schedule = Word2VecSchedule.of(config, vocabulary.totalCount() * config.epochs());
            this.checkpointing = new Checkpointing(config, vocabulary);
            this.reporter = new Reporter(config, listener, progress, schedule, started, checkpointing::note);
            checkpointing.resume(centerVectors, outsideVectors, workerRandom, schedule.wordsTotal())
                    .ifPresent(p -> {
                        progress.restore(p.wordsProcessed(), p.chunksTrained());
                        reporter.resumedAt(p.wordsProcessed());
                        firstEpoch = p.epoch();
                        chunksToSkip = p.chunksDone();
                    });
        }

        void epochs() {
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                int e = epoch;
                try (WorkerPool pool = new WorkerPool(workerStates, trainers, progress, schedule::learningRate,
                        () -> reporter.maybeReport(e))) {
                    ChunkFeeder feeder = new ChunkFeeder(vocabulary);
                    long skip = epoch == firstEpoch ? chunksToSkip : 0;
                    long trainedBefore = progress.chunks(); // chunks of earlier epochs
                    try (Stream<int[]> sentences = corpus.encodedSentences(vocabulary)) {
                        feeder.feedEncoded(sentences.iterator(), skip,
                                (chunk, index) -> queueChunk(pool, chunk, e, index, trainedBefore + index - skip));
                    }
                    if (!feeder.anyPair()) {
                        throw noPair(config);
                    }
                    pool.finish();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("training was interrupted", ex);
                }
                TrainingReport endOfEpoch = reporter.report(epoch, true);
                if (checkpointing.enabled()) {
                    checkpoint(epoch + 1, 0); // refuses non-finite parameters
                } else {
                    checkpointing.requireFinite(centerVectors, epoch);
                    checkpointing.requireFinite(outsideVectors, epoch);
                }
                // the workers have stopped: the listener sees the model as this epoch left it
                ModelAtEpochEnd.notify(listener, endOfEpoch, vocabulary, centerVectors.array(),
                        outsideVectors.array());
            }
        }

        /**
         * Queues chunk number {@code indexInEpoch} (from 1) of the epoch, and checkpoints when it is
         * time, once the workers have trained {@code trainedAfter} chunks in all.
         */
        private void queueChunk(WorkerPool pool, Chunk chunk, int epoch, long indexInEpoch, long trainedAfter)
                throws InterruptedException {
            pool.put(chunk);
            wordsSinceCheckpoint += chunk.raw();
            if (checkpointing.enabled() && wordsSinceCheckpoint >= config.checkpointEvery()) {
                pool.awaitChunks(trainedAfter);
                checkpoint(epoch, indexInEpoch);
            }
        }

        private void checkpoint(int epoch, long chunksDone) {
            wordsSinceCheckpoint = 0;
            checkpointing.save(centerVectors, outsideVectors, workerRandom, epoch, chunksDone, progress);
        }
    }

    /** The error when no sentence has two words of the vocabulary. */
    static IllegalArgumentException noPair(SkipGramConfig config) {
        return new IllegalArgumentException("no sentence of the corpus has two words that are in the"
                + " vocabulary (minCount = " + config.minCount() + "), so there is no pair to train:"
                + " the corpus is too small, or its sentences are single words");
    }
}
