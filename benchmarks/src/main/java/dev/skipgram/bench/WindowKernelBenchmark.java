package dev.skipgram.bench;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.Negatives;
import dev.skipgram.internal.kernels.RowOps;
import dev.skipgram.internal.kernels.WindowHierarchicalSoftmaxUpdate;
import dev.skipgram.internal.kernels.WindowNegativeSamplingUpdate;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.random.RestorableRandom;
import java.util.concurrent.TimeUnit;
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
 * Cost per window of negative sampling, pair by pair (word2vec.c) against the window kernel
 * (HogBatch, SPEC §9), on the same windows: a centre word w_t and its n context words, the radius
 * drawn from 1..5 as the trainer draws it (n = 6 on average).
 *
 * <pre>
 * Shapes: V = 10,000 (Zipf), d = dimension, K = negatives, n ≤ 10 context rows
 *   pairs          n × (draw K negatives, NegativeSamplingUpdate: K+1 dots, 2(K+1) axpys)   today's trainer
 *   pairsShared    draw K negatives once, then n × NegativeSamplingUpdate                   the kernel alone
 *   window         draw K negatives once, WindowNegativeSamplingUpdate:                     the new path
 *                  S = C Oᵀ [n, K+1], ΔC = G O [n, d], ΔO = Gᵀ C [K+1, d], scatter-add
 *   windowVector   the same with the Vector API row arithmetic (RowOps.vector(); the fork adds
 *                  --add-modules=jdk.incubator.vector)
 *   pairsVector    pairs with the Vector API dots
 *   windowSgemm    the window kernel as 3 OpenBLAS sgemm calls on native memory (SgemmWindowNegativeSamplingUpdate)
 *   windowHierarchicalVector  hierarchical softmax's window kernel (WindowHierarchicalSoftmaxUpdate, Vector
 *                  API): the n context rows against the centre word's path in the Huffman tree of the
 *                  Zipf counts, S = C Oᵀ [n, L], the same fused step with the code bits as labels
 * </pre>
 * {@code pairs}, {@code pairsShared} and {@code window} run the scalar row arithmetic
 * ({@link RowOps#scalar()}), which is what a JVM without the incubator module trains with.
 * All three do the same 3·n·(K+1)·d multiply-adds; the window kernel reads and writes each of the
 * K + 1 output rows once instead of n times, and draws K negatives instead of n·K. {@code pairs}
 * against {@code window} is what the trainer gains; {@code pairsShared} against {@code window}
 * separates the kernel from the saved draws.
 *
 * <p>Inputs are built once per trial from {@link SyntheticData#SEED}; windows come from a rotation
 * of 2^14 windows over a Zipf token stream; each step's summed loss is returned to JMH. The
 * parameters drift under SGD (learning rate 0.025), which does not change the arithmetic.
 *
 * <p>With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes one window allocates: 0 for every
 * kernel here. A Vector API kernel that allocates is boxing its vectors, which happens where C2
 * leaves a method that takes or returns a vector as a call (see {@code VectorRowOps.logistic}); it
 * then runs several times slower, and in a Spark executor fills the heap as well.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS,
        "--add-modules=jdk.incubator.vector"})
public class WindowKernelBenchmark {

    static final float LEARNING_RATE = 0.025f;
    static final int WINDOWS = 1 << 14;
    static final int V = 10_000;
    static final int WINDOW_SIZE = 5;

    /** The parameters, windows and kernels of one trial. */
    @State(Scope.Thread)
    public static class Inputs {

        /** d, the embedding dimension. */
        @Param({"100", "300"})
        public int d;

        /** K, negatives per pair (per window for the window kernel). */
        @Param({"5", "15"})
        public int K;

        FloatMatrix centers; // [V, d] input rows
        FloatMatrix outsides; // [V, d] output rows
        int[][] contexts; // window w's context words
        int[] predicted; // window w's centre word
        int position;
        NoiseDistribution noise;
        RestorableRandom rng;
        NegativeSamplingUpdate pairKernel;
        WindowNegativeSamplingUpdate windowKernel;
        WindowNegativeSamplingUpdate vectorKernel;
        NegativeSamplingUpdate vectorPairKernel;
        SgemmWindowNegativeSamplingUpdate sgemmKernel;
        WindowHierarchicalSoftmaxUpdate hierarchicalKernel;
        int[] targets; // the predicted word, then the K negatives

        /** Builds the matrices, the windows and the kernels from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            RestorableRandom random = RestorableRandom.seeded(SyntheticData.SEED);
            centers = FloatMatrix.wrap(SyntheticData.randomMatrix(V, d, random));
            outsides = FloatMatrix.wrap(SyntheticData.randomMatrix(V, d, random));
            NoiseDistribution unigram = SyntheticData.unigram(V);
            int[] tokens = new int[WINDOWS + 2 * WINDOW_SIZE];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = unigram.sample(random);
            }
            contexts = new int[WINDOWS][];
            predicted = new int[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                int t = w + WINDOW_SIZE;
                int radius = 1 + random.nextInt(WINDOW_SIZE);
                contexts[w] = new int[2 * radius];
                for (int j = 1, n = 0; j <= radius; j++) {
                    contexts[w][n++] = tokens[t - j];
                    contexts[w][n++] = tokens[t + j];
                }
                predicted[w] = tokens[t];
            }
            noise = new NoiseDistribution(SyntheticData.zipfCounts(V));
            rng = random.split();
            pairKernel = new NegativeSamplingUpdate(d, RowOps.scalar());
            windowKernel = new WindowNegativeSamplingUpdate(d, 2 * WINDOW_SIZE, K + 1, RowOps.scalar());
            RowOps vector = RowOps.vector().orElseThrow(
                    () -> new IllegalStateException("run with --add-modules=jdk.incubator.vector"));
            vectorKernel = new WindowNegativeSamplingUpdate(d, 2 * WINDOW_SIZE, K + 1, vector);
            vectorPairKernel = new NegativeSamplingUpdate(d, vector);
            sgemmKernel = new SgemmWindowNegativeSamplingUpdate(d, 2 * WINDOW_SIZE, K + 1);
            hierarchicalKernel = new WindowHierarchicalSoftmaxUpdate(HuffmanTree.of(SyntheticData.zipfCounts(V)), d,
                    2 * WINDOW_SIZE, vector);
            targets = new int[K + 1];
        }

        int next() {
            position = (position + 1) & (WINDOWS - 1);
            return position;
        }

        void drawNegatives(int word) {
            targets[0] = word;
            for (int k = 1; k <= K; k++) {
                targets[k] = Negatives.draw(noise, word, V, rng);
            }
        }

        /** Today's trainer: every pair draws its own negatives and steps. */
        double pairs(int w, NegativeSamplingUpdate kernel) {
            double loss = 0.0;
            for (int c : contexts[w]) {
                drawNegatives(predicted[w]);
                loss += kernel.apply(centers, outsides, c, targets, K + 1, LEARNING_RATE);
            }
            return loss;
        }

        /** The per-pair kernel with the window's negatives drawn once. */
        double pairsShared(int w) {
            drawNegatives(predicted[w]);
            double loss = 0.0;
            for (int c : contexts[w]) {
                loss += pairKernel.apply(centers, outsides, c, targets, K + 1, LEARNING_RATE);
            }
            return loss;
        }

        /** The window kernel. */
        double window(int w) {
            drawNegatives(predicted[w]);
            return windowKernel.apply(centers, outsides, contexts[w], contexts[w].length, targets, K + 1,
                    LEARNING_RATE);
        }

        /** The window kernel as three OpenBLAS sgemm calls on native memory. */
        double windowSgemm(int w) {
            drawNegatives(predicted[w]);
            return sgemmKernel.apply(centers, outsides, contexts[w], contexts[w].length, targets, K + 1,
                    LEARNING_RATE);
        }

        /** Hierarchical softmax's window kernel: the window's context rows along the centre word's path. */
        double windowHierarchical(int w) {
            targets[0] = predicted[w];
            return hierarchicalKernel.apply(centers, outsides, contexts[w], contexts[w].length, targets, 1,
                    LEARNING_RATE);
        }

        /** The window kernel with Vector API dots and axpys. */
        double windowVector(int w) {
            drawNegatives(predicted[w]);
            return vectorKernel.apply(centers, outsides, contexts[w], contexts[w].length, targets, K + 1,
                    LEARNING_RATE);
        }
    }

    /**
     * (i) The window's pairs through today's per-pair path, K negatives drawn per pair.
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double pairs(Inputs in) {
        return in.pairs(in.next(), in.pairKernel);
    }

    /**
     * The per-pair path with the Vector API dot products.
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double pairsVector(Inputs in) {
        return in.pairs(in.next(), in.vectorPairKernel);
    }

    /**
     * The per-pair kernel over the window's pairs with one draw of K negatives.
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double pairsShared(Inputs in) {
        return in.pairsShared(in.next());
    }

    /**
     * (ii) The window kernel in plain Java loops, K negatives drawn once.
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double window(Inputs in) {
        return in.window(in.next());
    }

    /**
     * (iii) The window kernel with the Java Vector API row arithmetic ({@link RowOps#vector()}).
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double windowVector(Inputs in) {
        return in.windowVector(in.next());
    }

    /**
     * (iv) The window kernel as OpenBLAS sgemm calls ({@link SgemmWindowNegativeSamplingUpdate}).
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double windowSgemm(Inputs in) {
        return in.windowSgemm(in.next());
    }

    /**
     * (v) Hierarchical softmax's window kernel with the Vector API row arithmetic: the same windows,
     * each along its centre word's path instead of against K + 1 sampled rows.
     *
     * @param in the trial's inputs
     * @return the window's loss, consumed by JMH
     */
    @Benchmark
    public double windowHierarchicalVector(Inputs in) {
        return in.windowHierarchical(in.next());
    }
}
