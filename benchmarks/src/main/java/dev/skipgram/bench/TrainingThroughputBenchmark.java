package dev.skipgram.bench;

import dev.skipgram.LossType;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.random.RestorableRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Words per second of {@link SkipGram#train} with the word2vec recipe, for one epoch over a
 * synthetic corpus the benchmark generates itself (Zipf-distributed tokens, {@link
 * SyntheticData#corpus}), with 1 and 2 worker threads and both losses.
 *
 * <p>Each call is a whole {@code train} call: the vocabulary pass, the initialisation and one epoch.
 * The secondary metric {@code words} counts the corpus's tokens (all of them are in the vocabulary,
 * since {@code minCount} is 1), so its score is words/s; the primary score is epochs/s. The other
 * settings are the word2vec preset's: d = 100, window 5, K = 5, subsampling 1e-3, learning rate
 * 0.025.
 *
 * <p>The full softmax costs O(V·d) a pair, so its corpus is smaller: {@value #SOFTMAX_TOKENS} tokens
 * over {@value #SOFTMAX_VOCABULARY} words, against {@value #NS_TOKENS} tokens over {@value
 * #NS_VOCABULARY} words for negative sampling. Both epochs take about a second or less, so the two
 * words/s figures are comparable as rates, not as times.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class TrainingThroughputBenchmark {

    /** Words in the negative-sampling corpus's vocabulary. */
    static final int NS_VOCABULARY = 10_000;
    /** Tokens in the negative-sampling corpus. */
    static final int NS_TOKENS = 200_000;
    /** Words in the softmax corpus's vocabulary. */
    static final int SOFTMAX_VOCABULARY = 1_000;
    /** Tokens in the softmax corpus. */
    static final int SOFTMAX_TOKENS = 20_000;

    /** The corpus and settings of one trial. */
    @State(Scope.Benchmark)
    public static class Training {

        /** The loss. */
        @Param({"NAIVE_SOFTMAX", "NEGATIVE_SAMPLING"})
        public LossType loss;

        /** Worker threads of the trainer. */
        @Param({"1", "2"})
        public int threads;

        Corpus corpus;
        int tokens;
        SkipGramConfig config;

        /** Generates the corpus from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            boolean softmax = loss == LossType.NAIVE_SOFTMAX;
            int vocabularySize = softmax ? SOFTMAX_VOCABULARY : NS_VOCABULARY;
            tokens = softmax ? SOFTMAX_TOKENS : NS_TOKENS;
            corpus = Corpus.of(SyntheticData.corpus(vocabularySize, tokens, RestorableRandom.seeded(SyntheticData.SEED)));
            config = SkipGramConfig.word2vec()
                    .loss(loss)
                    .epochs(1)
                    .minCount(1)
                    .threads(threads)
                    .seed(SyntheticData.SEED)
                    .reportInterval(Duration.ofHours(1))
                    .build();
        }
    }

    /** The words trained since the start of the iteration; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Words {

        /** Tokens of the corpus trained in this iteration. */
        public long words;

        /** Resets the count before every iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            words = 0;
        }
    }

    /**
     * Trains one epoch.
     *
     * @param t the corpus and settings
     * @param counter counts the corpus's tokens
     * @return the trained vectors, consumed by JMH
     */
    @Benchmark
    public WordVectors trainOneEpoch(Training t, Words counter) {
        WordVectors vectors = SkipGram.train(t.corpus, t.config);
        counter.words += t.tokens;
        return vectors;
    }
}
