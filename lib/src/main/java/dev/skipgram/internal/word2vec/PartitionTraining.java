package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.random.RestorableRandom;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The word2vec recipe's training of one share of a corpus, for a trainer that splits the corpus
 * itself (the Spark module: one share per partition and round). The same pieces as
 * {@link Word2VecTrainer}: {@link ChunkFeeder}'s chunks, one {@link WorkerState} and
 * {@link SentenceTrainer} per thread, the {@link WorkerPool}, and the linear learning-rate schedule
 * over the words of all epochs, decided by the run's global progress.
 *
 * <p>With one share holding the whole corpus, one thread, the generators split from the seed as
 * {@code Word2VecTrainer} splits them, and every chunk trained in order, this trains exactly what
 * {@code Word2VecTrainer} trains.
 *
 * <p>Internal: no compatibility promise.
 */
public final class PartitionTraining {

    private PartitionTraining() {}

    /**
     * A share of the corpus encoded and cut into chunks as {@link Word2VecTrainer} cuts its corpus:
     * words not in the vocabulary dropped, a chunk closed by the sentence that brings it to
     * {@value ChunkFeeder#CHUNK_WORDS} words. Immutable once made; serializable so that a cluster can
     * cache or ship it.
     */
    public static final class Chunks implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int[][] words;
        private final int[][] ends;
        private final long[] raw;
        private final boolean anyPair;

        private Chunks(List<Chunk> chunks, boolean anyPair) {
            int n = chunks.size();
            this.words = new int[n][];
            this.ends = new int[n][];
            this.raw = new long[n];
            for (int i = 0; i < n; i++) {
                words[i] = chunks.get(i).words();
                ends[i] = chunks.get(i).ends();
                raw[i] = chunks.get(i).raw();
            }
            this.anyPair = anyPair;
        }

        /**
         * The number of chunks.
         *
         * @return ≥ 0
         */
        public int count() {
            return raw.length;
        }

        /**
         * The in-vocabulary words of chunks {@code [from, to)}, before subsampling: what progress counts.
         *
         * @param from the first chunk
         * @param to one past the last
         * @return the sum
         */
        public long words(int from, int to) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += raw[i];
            }
            return sum;
        }

        /**
         * Whether some sentence of the share has two words of the vocabulary: a pair to train.
         *
         * @return true if so
         */
        public boolean anyPair() {
            return anyPair;
        }

        Chunk chunk(int i) {
            return new Chunk(words[i], ends[i], raw[i]);
        }
    }

    /**
     * What training a range of chunks did.
     *
     * @param loss Σ pair losses
     * @param pairs pairs trained
     * @param words in-vocabulary words of the chunks, before subsampling
     */
    public record Outcome(double loss, long pairs, long words) {}

    /**
     * Cuts a share of the corpus, already encoded, into chunks.
     *
     * @param sentences the share's sentences in order, as vocabulary indices (the words not in the
     *     vocabulary dropped: {@link dev.skipgram.corpus.Corpus#encodedSentences},
     *     {@link dev.skipgram.corpus.CountedSentences#encodedSentences})
     * @param vocabulary the run's vocabulary
     * @return the chunks
     */
    public static Chunks cut(Iterator<int[]> sentences, Vocabulary vocabulary) {
        List<Chunk> chunks = new ArrayList<>();
        ChunkFeeder feeder = new ChunkFeeder(vocabulary);
        try {
            feeder.feedEncoded(sentences, 0, (chunk, index) -> chunks.add(chunk));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("encoding was interrupted", e);
        }
        return new Chunks(chunks, feeder.anyPair());
    }

    /**
     * What training a share needs besides the parameters and the chunks, built from the run's
     * settings and vocabulary alone: the noise distribution, the subsampling's keep probabilities
     * and, for hierarchical softmax, the Huffman tree (null otherwise). Building them takes 3 ms
     * (negative sampling) to 7 ms (hierarchical softmax, the tree) for V = 51,351 on a warm JVM,
     * 1–3% of a Spark round's training on gut8, so a task that trains many rounds builds them once
     * ({@link #tables}) and passes them to every round. The workers share them and only read them
     * ({@code keep} is not copied).
     *
     * @param noise the negatives' distribution
     * @param keep each word's probability of surviving subsampling
     * @param tree the vocabulary's Huffman tree, or null unless the loss is hierarchical softmax
     */
    public record Tables(NoiseDistribution noise, float[] keep, HuffmanTree tree) {
        /**
         * @throws NullPointerException if {@code noise} or {@code keep} is null
         */
        public Tables {
            Objects.requireNonNull(noise, "noise");
            Objects.requireNonNull(keep, "keep");
        }
    }

    /**
     * The tables of a run: what {@link #train} would build for these settings and vocabulary.
     *
     * @param config the run's settings (loss, noise exponent, subsampling threshold)
     * @param vocabulary the run's vocabulary
     * @return the tables
     */
    public static Tables tables(SkipGramConfig config, Vocabulary vocabulary) {
        return new Tables(new NoiseDistribution(vocabulary.counts(), config.noiseExponent()),
                WorkerState.keepProbabilities(vocabulary, config.subsampleThreshold()),
                SentenceTrainer.treeOf(config, vocabulary));
    }

    /**
     * Trains chunks {@code [from, to)} of a share into {@code centerVectors} and
     * {@code outsideVectors} with {@code config.threads()} workers, Hogwild, as
     * {@link Word2VecTrainer} trains an epoch. A chunk's learning rate is the run's schedule (linear
     * over {@code vocabulary.totalCount() · epochs} words) at the global progress
     * {@code wordsBefore + ⌊wordsHere · scale⌋}, where wordsHere counts the words of this range's
     * chunks trained so far: the other shares of the round advance at the same pace, so
     * {@code scale} is the round's words over this share's.
     *
     * @param config the run's settings (threads, loss, window, negatives, subsampling, rates)
     * @param vocabulary the run's vocabulary
     * @param centerVectors X [V, d], updated in place
     * @param outsideVectors U [V, d], updated in place
     * @param workerRandom one generator per thread, advanced in place
     * @param chunks the share
     * @param from the first chunk to train
     * @param to one past the last
     * @param wordsBefore words of the whole run processed before this round
     * @param scale ≥ 1: the round's words per word of this range
     * @return the loss, pairs and words of the range
     * @throws IllegalArgumentException if the generators are not one per thread, or the range is out
     *     of bounds
     */
    public static Outcome train(SkipGramConfig config, Vocabulary vocabulary, FloatMatrix centerVectors,
            FloatMatrix outsideVectors, RestorableRandom[] workerRandom, Chunks chunks, int from, int to,
            long wordsBefore, double scale) {
        return train(config, vocabulary, tables(config, vocabulary), centerVectors, outsideVectors, workerRandom,
                chunks, from, to, wordsBefore, scale);
    }

    /**
     * {@link #train(SkipGramConfig, Vocabulary, FloatMatrix, FloatMatrix, RestorableRandom[], Chunks, int, int,
     * long, double)} with the run's tables built beforehand ({@link #tables}), for a task that trains
     * many rounds.
     *
     * @param config the run's settings
     * @param vocabulary the run's vocabulary
     * @param tables {@link #tables}{@code (config, vocabulary)}
     * @param centerVectors X [V, d], updated in place
     * @param outsideVectors U [V, d], updated in place
     * @param workerRandom one generator per thread, advanced in place
     * @param chunks the share
     * @param from the first chunk to train
     * @param to one past the last
     * @param wordsBefore words of the whole run processed before this round
     * @param scale ≥ 1: the round's words per word of this range
     * @return the loss, pairs and words of the range
     * @throws IllegalArgumentException if the generators are not one per thread, or the range is out
     *     of bounds
     */
    public static Outcome train(SkipGramConfig config, Vocabulary vocabulary, Tables tables,
            FloatMatrix centerVectors, FloatMatrix outsideVectors, RestorableRandom[] workerRandom, Chunks chunks,
            int from, int to, long wordsBefore, double scale) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(chunks, "chunks");
        if (workerRandom.length != config.threads()) {
            throw new IllegalArgumentException(workerRandom.length + " generators for " + config.threads()
                    + " threads");
        }
        if (from < 0 || to > chunks.count() || from > to) {
            throw new IllegalArgumentException("chunks [" + from + ", " + to + ") are outside [0, "
                    + chunks.count() + ")");
        }
        WorkerState[] states = new WorkerState[workerRandom.length];
        SentenceTrainer[] trainers = new SentenceTrainer[workerRandom.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = new WorkerState(workerRandom[i], tables.keep());
            trainers[i] = SentenceTrainer.of(config, centerVectors, outsideVectors, tables.noise(), tables.tree());
        }
        Word2VecSchedule schedule = Word2VecSchedule.of(config, vocabulary.totalCount() * config.epochs());
        Progress progress = new Progress();
        Worker.LearningRate rate = here -> schedule.learningRate(wordsBefore + (long) (here * scale));
        try (WorkerPool pool = new WorkerPool(states, trainers, progress, rate, () -> { })) {
            for (int i = from; i < to; i++) {
                pool.put(chunks.chunk(i));
            }
            pool.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        }
        double[] lossAndPairs = progress.drain();
        return new Outcome(lossAndPairs[0], (long) lossAndPairs[1], progress.words());
    }
}
