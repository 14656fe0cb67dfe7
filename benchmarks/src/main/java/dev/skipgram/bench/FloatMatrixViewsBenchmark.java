package dev.skipgram.bench;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.Negatives;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What seeing the parameters through several NIO views costs the negative-sampling step (issue 14):
 * the same kernel, pairs and matrices as {@link KernelLossBenchmark}, the matrices wrapped once as one
 * view (every model under 2^29 floats) and once as views of 2^20 floats (10 or 29 views here; a
 * GoogleNews-sized model has 2 per matrix). Row methods test the first view first, so {@code one}
 * pays a comparison per row and {@code many} a division and a remainder as well.
 *
 * <pre>
 * Shapes: V = 100,000 words, d = dimension, K = 5 negatives
 *   centers, outsides  [V, d] FLOAT, through 1 view or through ⌈V·d / 2^20⌉ views of whole rows
 *   one step           K + 1 dots and 2(K + 1) axpys of length d, 2(K + 2) row copies
 * </pre>
 *
 * <p>Run {@code -p views=one} and {@code -p views=many} alternately on a busy machine: the ratio of
 * the two is the figure, not either time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class FloatMatrixViewsBenchmark {

    static final int V = 100_000;
    static final int K = 5;
    static final int PAIRS = 1 << 16;
    static final float LEARNING_RATE = 0.025f;

    /** The parameters, pairs and kernel of one trial. */
    @State(Scope.Thread)
    public static class Inputs {

        /** d, the embedding dimension. */
        @Param({"100", "300"})
        public int d;

        /** {@code one} view, or {@code many} views of 2^20 floats. */
        @Param({"one", "many"})
        public String views;

        FloatMatrix centers;
        FloatMatrix outsides;
        PairRotation pairs;
        NoiseDistribution noise;
        RestorableRandom rng;
        NegativeSamplingUpdate kernel;
        final int[] targets = new int[K + 1];

        /** Builds the matrices, the pairs and the kernel from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            RestorableRandom random = RestorableRandom.seeded(SyntheticData.SEED);
            INDArray centerVectors = SyntheticData.randomMatrix(V, d, random);
            INDArray outsideVectors = SyntheticData.randomMatrix(V, d, random);
            int maxViewFloats = views.equals("one") ? FloatMatrix.MAX_VIEW_FLOATS : 1 << 20;
            centers = FloatMatrix.wrap(centerVectors, maxViewFloats);
            outsides = FloatMatrix.wrap(outsideVectors, maxViewFloats);
            pairs = SyntheticData.pairs(PAIRS, V, random);
            rng = random.split();
            noise = new NoiseDistribution(SyntheticData.zipfCounts(V));
            kernel = new NegativeSamplingUpdate(d);
        }
    }

    /**
     * One SGD step on the next pair, K negatives drawn as the trainer draws them.
     *
     * @param in the trial's inputs
     * @return the pair's loss, consumed by JMH
     */
    @Benchmark
    public double update(Inputs in) {
        int i = in.pairs.next();
        int o = in.pairs.outside(i);
        in.targets[0] = o;
        for (int k = 1; k <= K; k++) {
            in.targets[k] = Negatives.draw(in.noise, o, V, in.rng);
        }
        return in.kernel.apply(in.centers, in.outsides, in.pairs.center(i), in.targets, K + 1, LEARNING_RATE);
    }
}
