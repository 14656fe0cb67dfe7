package dev.skipgram.bench;

// In package dev.skipgram because SoftmaxUpdate is package-private; see KernelLossBenchmark.

import dev.skipgram.bench.BenchmarkJvm;
import dev.skipgram.bench.SyntheticData;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.SoftmaxUpdate;
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
 * The batched full softmax: one {@link SoftmaxUpdate#apply} step over {@code batch} pairs, each
 * product one {@code gemm} into buffers the kernel allocated once. No two consecutive pairs share
 * their input word, so each pair is one row of every product (the kernel would merge such a run into
 * one row, which is how the trainer shares a window's scores; that saving is not measured here).
 *
 * <pre>
 * Shapes: V = vocabulary, d = dimension, B = batch
 *   inputVectors, outputVectors  [V, d] FLOAT, updated in place
 *   scores  [B, V] = inputs [B, d] · outputVectorsᵀ;  softmax per row;  gradients by two gemms
 *   cost    O(B·V·d) a step
 * </pre>
 * JMH's score is the time of one step of B pairs; the cost per pair is that divided by B (the report
 * generator divides). Batching does not change the arithmetic per pair; it turns B matrix-vector
 * products into one matrix-matrix product, which BLAS runs closer to peak. d is fixed at 100 (the
 * word2vec preset); pass {@code -p d=10,100,300} to vary it.
 *
 * <p>64 batches are drawn once per trial from {@link SyntheticData#SEED}, by word frequency, and
 * used in rotation; the step's summed loss is returned to JMH, which consumes it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class BatchedSoftmaxBenchmark {

    static final float LEARNING_RATE = 0.025f;
    static final int BATCHES = 64;

    /** The parameters, batches and kernel of one trial. */
    @State(Scope.Thread)
    public static class Inputs {

        /** B, pairs per step (per gemm). */
        @Param({"1", "50", "500"})
        public int batch;

        /** V, the vocabulary size. */
        @Param({"1000", "10000", "100000"})
        public int V;

        /** d, the embedding dimension. */
        @Param({"100"})
        public int d;

        INDArray inputVectors; // [V, d], kept reachable for the kernel
        INDArray outputVectors; // [V, d]
        SoftmaxUpdate softmax;
        int[][] inputs; // BATCHES × [batch]
        int[][] targets; // BATCHES × [batch]
        int next;

        /** Builds the matrices, the batches and the kernel from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            RestorableRandom random = RestorableRandom.seeded(SyntheticData.SEED);
            inputVectors = SyntheticData.randomMatrix(V, d, random);
            outputVectors = SyntheticData.randomMatrix(V, d, random);
            NoiseDistribution unigram = SyntheticData.unigram(V);
            inputs = new int[BATCHES][batch];
            targets = new int[BATCHES][batch];
            for (int b = 0; b < BATCHES; b++) {
                for (int i = 0; i < batch; i++) {
                    // The kernel merges consecutive pairs with the same input into one row; redrawing
                    // such repeats keeps every pair its own row, so a batch is `batch` rows of each gemm.
                    int input;
                    do {
                        input = unigram.sample(random);
                    } while (i > 0 && input == inputs[b][i - 1]);
                    inputs[b][i] = input;
                    targets[b][i] = unigram.sample(random);
                }
            }
            softmax = new SoftmaxUpdate(FloatMatrix.wrap(inputVectors), FloatMatrix.wrap(outputVectors), batch);
        }
    }

    /**
     * One SGD step on the next batch.
     *
     * @param in the trial's inputs
     * @return the batch's summed loss, consumed by JMH
     */
    @Benchmark
    public double step(Inputs in) {
        int b = in.next;
        in.next = (b + 1) & (BATCHES - 1);
        return in.softmax.apply(in.inputs[b], in.targets[b], in.batch, LEARNING_RATE);
    }
}
