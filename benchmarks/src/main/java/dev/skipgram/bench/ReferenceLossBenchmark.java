package dev.skipgram.bench;

import dev.skipgram.LossType;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.loss.NaiveSoftmaxLoss;
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
 * Cost per (centre, outside) pair of the reference {@link Loss} implementations: one call of {@link
 * Loss#lossAndGradient}, with the allocation of its result arrays, which is what the reference
 * kernels cost.
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, K = negatives
 *   outsideVectors  [V, d] FLOAT           U, read only
 *   centre vector   [d] FLOAT              v_c, one pre-built array per pair of the rotation
 *   result          loss, ∂J/∂v_c [d], ∂J/∂U [V, d]  (dense for both losses: the Loss contract)
 * </pre>
 * Expected: the softmax grows as V·d. Negative sampling does O(K·d) arithmetic, but its reference
 * implementation also allocates and zeroes the dense {@code [V, d]} gradient its contract returns,
 * so it grows with V·d too, with a smaller constant. The fast kernels ({@code
 * dev.skipgram.KernelLossBenchmark}) do not. K does not enter the softmax: its two K values are two
 * measurements of the same thing, which shows the run-to-run noise.
 *
 * <p>Inputs are built once per trial from {@link SyntheticData#SEED}; the loss's result is returned
 * to JMH, which consumes it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class ReferenceLossBenchmark {

    /** Pairs in the rotation; each has its own centre-vector array, built in the setup. */
    static final int PAIRS = 1024;

    /** The inputs of one trial. */
    @State(Scope.Thread)
    public static class Inputs extends LossGrid {

        Loss pairLoss;
        INDArray outsideVectors; // [V, d]
        INDArray[] centerVectors; // PAIRS × [d]
        PairRotation pairs;
        RestorableRandom rng;

        /** Builds the matrices, the pairs and the loss from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            RestorableRandom random = RestorableRandom.seeded(SyntheticData.SEED);
            INDArray centers = SyntheticData.randomMatrix(V, d, random); // [V, d]
            outsideVectors = SyntheticData.randomMatrix(V, d, random);
            pairs = SyntheticData.pairs(PAIRS, V, random);
            centerVectors = new INDArray[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                centerVectors[i] = centers.getRow(pairs.center(i)).dup().reshape(d); // [d]
            }
            pairLoss = switch (loss) {
                case NAIVE_SOFTMAX -> new NaiveSoftmaxLoss();
                case NEGATIVE_SAMPLING -> new NegativeSamplingLoss(new NoiseDistribution(SyntheticData.zipfCounts(V)), K);
                case HIERARCHICAL_SOFTMAX -> new HierarchicalSoftmaxLoss(SyntheticData.zipfCounts(V));
            };
            rng = random.split();
        }
    }

    /**
     * One pair's loss and gradients.
     *
     * @param in the trial's inputs
     * @return the result, consumed by JMH
     */
    @Benchmark
    public LossAndGradient lossAndGradient(Inputs in) {
        int i = in.pairs.next();
        return in.pairLoss.lossAndGradient(in.centerVectors[i], in.pairs.outside(i), in.outsideVectors, in.rng);
    }
}
