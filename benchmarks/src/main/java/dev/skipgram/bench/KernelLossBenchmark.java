package dev.skipgram.bench;

// This class is in package dev.skipgram, not dev.skipgram.bench, because the fast kernels it
// measures (NegativeSamplingUpdate, SoftmaxUpdate) are package-private and should stay so: the
// benchmark calls them as the trainer does, without widening the library's API. The package is
// therefore split between the library jar and this module. The class path allows that (and the
// shaded benchmarks.jar merges both into one jar); the module path would not, and this module is
// only ever run from the class path.

import dev.skipgram.bench.BenchmarkJvm;
import dev.skipgram.bench.LossGrid;
import dev.skipgram.bench.PairRotation;
import dev.skipgram.bench.SyntheticData;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HierarchicalSoftmaxUpdate;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.Negatives;
import dev.skipgram.internal.kernels.SoftmaxUpdate;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.random.RestorableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per (centre, outside) pair of the fast training kernels: one in-place SGD step on one pair,
 * as the word2vec recipe takes it. No INDArray is created per pair.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, K = negatives
 *   centerVectors   [V, d] FLOAT    input rows v_w, updated in place
 *   outsideVectors  [V, d] FLOAT    output rows u_w, updated in place
 *   NEGATIVE_SAMPLING  draw K negatives (alias method, redrawing o), then
 *                      NegativeSamplingUpdate: K+1 dots and 2(K+1) axpys of length d   O(K·d)
 *   NAIVE_SOFTMAX      SoftmaxUpdate with a batch of 1: three gemms with one row,
 *                      s = v_c Uᵀ [1, V], softmax over V, dv = g U [1, d], U += −η gᵀ v_c   O(V·d)
 *   HIERARCHICAL_SOFTMAX  HierarchicalSoftmaxUpdate (word2vec.c's per-pair step): along o's path in
 *                      the Huffman tree of the Zipf counts, L dots and 2L axpys of length d   O(L·d)
 * </pre>
 * Pairs are drawn by word frequency, so the mean path length L is the Huffman code's expected length,
 * about the entropy of the Zipf distribution: it grows like log V.
 * The softmax step reads U twice and writes all of it, so at large V it is bound by memory
 * bandwidth; at small V, by the fixed cost of three native calls. {@code BatchedSoftmaxBenchmark}
 * shows what batching pairs into one gemm saves.
 *
 * <p>This is the measured form of the claim that negative sampling costs O(K·d) a pair, the softmax
 * O(V·d) and hierarchical softmax O(d·log V): the first should be flat in V, the second linear, the
 * third grow by a constant for every tenfold V. K does not enter the softmax: its two K
 * values are two measurements of the same thing, which shows the run-to-run noise.
 *
 * <p>Inputs are built once per trial from {@link SyntheticData#SEED}; pairs come from a rotation of
 * 2^16 pairs drawn by word frequency; the step's loss is returned to JMH, which consumes it. The
 * parameters drift as SGD updates them (learning rate 0.025, word2vec's), which does not change the
 * arithmetic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class KernelLossBenchmark {

    static final float LEARNING_RATE = 0.025f;
    static final int PAIRS = 1 << 16;

    /** The parameters, pairs and kernels of one trial. */
    @State(Scope.Thread)
    public static class Inputs extends LossGrid {

        INDArray centerVectors; // [V, d]
        INDArray outsideVectors; // [V, d]
        FloatMatrix centers; // the same storage, for the kernels
        FloatMatrix outsides;
        PairRotation pairs;
        NoiseDistribution noise;
        RestorableRandom rng;
        NegativeSamplingUpdate negativeSampling;
        int[] targets; // o, then the K negatives
        SoftmaxUpdate softmax;
        HierarchicalSoftmaxUpdate hierarchical;
        final int[] softmaxInput = new int[1];
        final int[] softmaxTarget = new int[1];

        /** Builds the matrices, the pairs and the kernel from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            RestorableRandom random = RestorableRandom.seeded(SyntheticData.SEED);
            centerVectors = SyntheticData.randomMatrix(V, d, random);
            outsideVectors = SyntheticData.randomMatrix(V, d, random);
            centers = FloatMatrix.wrap(centerVectors);
            outsides = FloatMatrix.wrap(outsideVectors);
            pairs = SyntheticData.pairs(PAIRS, V, random);
            rng = random.split();
            switch (loss) {
                case NEGATIVE_SAMPLING -> {
                    noise = new NoiseDistribution(SyntheticData.zipfCounts(V));
                    negativeSampling = new NegativeSamplingUpdate(d);
                    targets = new int[K + 1];
                }
                case NAIVE_SOFTMAX -> softmax = new SoftmaxUpdate(centers, outsides, 1);
                case HIERARCHICAL_SOFTMAX -> {
                    hierarchical = new HierarchicalSoftmaxUpdate(HuffmanTree.of(SyntheticData.zipfCounts(V)), d);
                    targets = new int[1];
                }
            }
        }

        /** Negative sampling: draws the K negatives of pair i, as the trainer does, and steps. */
        double negativeSamplingStep(int i) {
            int o = pairs.outside(i);
            targets[0] = o;
            for (int k = 1; k <= K; k++) {
                targets[k] = Negatives.draw(noise, o, V, rng);
            }
            return negativeSampling.apply(centers, outsides, pairs.center(i), targets, K + 1, LEARNING_RATE);
        }

        /** Hierarchical softmax: one step along the outside word's path. */
        double hierarchicalSoftmaxStep(int i) {
            targets[0] = pairs.outside(i);
            return hierarchical.apply(centers, outsides, pairs.center(i), targets, 1, LEARNING_RATE);
        }

        /** Full softmax: one step on a batch of one pair. */
        double softmaxStep(int i) {
            softmaxInput[0] = pairs.center(i);
            softmaxTarget[0] = pairs.outside(i);
            return softmax.apply(softmaxInput, softmaxTarget, 1, LEARNING_RATE);
        }
    }

    /**
     * One SGD step on the next pair.
     *
     * @param in the trial's inputs
     * @return the pair's loss, consumed by JMH
     */
    @Benchmark
    public double update(Inputs in) {
        int i = in.pairs.next();
        return switch (in.loss) {
            case NEGATIVE_SAMPLING -> in.negativeSamplingStep(i);
            case NAIVE_SOFTMAX -> in.softmaxStep(i);
            case HIERARCHICAL_SOFTMAX -> in.hierarchicalSoftmaxStep(i);
        };
    }
}
