package dev.skipgram.internal.cs224n;

import dev.skipgram.LossType;
import dev.skipgram.SkipGram;
import dev.skipgram.TestData;
import dev.skipgram.WindowLossAndGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.NaiveSoftmaxLoss;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fast training objectives (fused float kernels, batched GEMM softmax) against the reference:
 * the same windows and negatives, fed to {@link SkipGram#windowLossAndGradient} with the reference
 * losses in double precision, must give the same loss and gradient within float tolerance.
 */
class Cs224nObjectiveTest {

    private static final int V = 15;
    private static final int D = 6;
    private static final int WINDOW = 3;
    private static final int BATCH = 8;
    private static final int K = 4;
    private static final long[] COUNTS = {9, 1, 4, 2, 7, 3, 3, 5, 1, 2, 8, 1, 6, 2, 1};

    private static Cs224nContexts contexts() {
        RestorableRandom rng = RestorableRandom.seeded(10);
        int[][] sentences = new int[12][];
        for (int s = 0; s < sentences.length; s++) {
            sentences[s] = new int[2 + rng.nextInt(9)];
            for (int i = 0; i < sentences[s].length; i++) {
                sentences[s][i] = rng.nextInt(V);
            }
        }
        return new Cs224nContexts(sentences, new double[V], rng);
    }

    private static NoiseDistribution noise() {
        return new NoiseDistribution(COUNTS);
    }

    private static Cs224nObjective fast(boolean softmax, Cs224nContexts contexts) {
        return fast(softmax ? LossType.NAIVE_SOFTMAX : LossType.NEGATIVE_SAMPLING, contexts);
    }

    private static Cs224nObjective fast(LossType type, Cs224nContexts contexts) {
        return switch (type) {
            case NAIVE_SOFTMAX -> new Cs224nSoftmaxObjective(contexts, V, D, WINDOW, BATCH);
            case NEGATIVE_SAMPLING -> new Cs224nNegativeSamplingObjective(contexts, V, D, WINDOW, BATCH, noise(), K);
            case HIERARCHICAL_SOFTMAX -> new Cs224nHierarchicalSoftmaxObjective(contexts, V, D, WINDOW, BATCH,
                    HuffmanTree.of(COUNTS));
        };
    }

    private static Loss reference(LossType type) {
        return switch (type) {
            case NAIVE_SOFTMAX -> new NaiveSoftmaxLoss();
            case NEGATIVE_SAMPLING -> new NegativeSamplingLoss(noise(), K);
            case HIERARCHICAL_SOFTMAX -> new HierarchicalSoftmaxLoss(COUNTS);
        };
    }

    /** The mean window loss and gradient by the reference path, drawing exactly what the fast one draws. */
    private static ValueAndGradient reference(Loss loss, Cs224nContexts contexts, INDArray x, RestorableRandom rng) {
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray centers = xd.get(NDArrayIndex.interval(0, V), NDArrayIndex.all()).dup();
        INDArray outsides = xd.get(NDArrayIndex.interval(V, 2 * V), NDArrayIndex.all()).dup();
        WindowBatch batch = new WindowBatch(BATCH, WINDOW);
        batch.draw(contexts, BATCH, WINDOW, rng);
        double loss_ = 0;
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 2 * V, D);
        for (int b = 0; b < batch.windows(); b++) {
            WindowLossAndGradient w = SkipGram.windowLossAndGradient(batch.center(b), batch.outsideWords(b),
                    centers, outsides, loss, rng);
            loss_ += w.loss();
            gradient.get(NDArrayIndex.interval(0, V), NDArrayIndex.all()).addi(w.centerVectorsGradient());
            gradient.get(NDArrayIndex.interval(V, 2 * V), NDArrayIndex.all()).addi(w.outsideVectorsGradient());
        }
        return new ValueAndGradient(loss_ / BATCH, gradient.divi(BATCH));
    }

    private static INDArray parameters(long seed, double scale) {
        return TestData.gaussian(RestorableRandom.seeded(seed), scale, 2 * V, D).castTo(DataType.FLOAT);
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void fastObjectiveEqualsTheReferenceOnRandomCases(LossType type) {
        Cs224nContexts contexts = contexts();
        Cs224nObjective objective = fast(type, contexts);
        Loss loss = reference(type);
        for (long seed = 1; seed <= 5; seed++) {
            // Several evaluations in a row on one objective: the reused gradient buffer must be cleared.
            INDArray x = parameters(seed, 0.5);
            ValueAndGradient f = objective.evaluate(x, RestorableRandom.seeded(seed));
            ValueAndGradient r = reference(loss, contexts, x, RestorableRandom.seeded(seed));
            assertEquals(r.value(), f.value(), 1e-5 * Math.max(1, r.value()), "loss, seed " + seed);
            double diff = TestData.maxAbsDifference(r.gradient(), f.gradient());
            assertTrue(diff < 1e-5, "gradient differs by " + diff + " (seed " + seed + ")");
        }
    }

    @Test
    void softmaxStaysExactWhenProbabilitiesUnderflowInFloat() {
        // Vectors of norm ~40 give score gaps of several hundred: ŷ_o underflows float32 for most
        // pairs, and the fast path must fall back to logsumexp − score.
        Cs224nContexts contexts = contexts();
        INDArray x = parameters(3, 16.0);
        ValueAndGradient f = fast(true, contexts).evaluate(x, RestorableRandom.seeded(3));
        ValueAndGradient r = reference(new NaiveSoftmaxLoss(), contexts, x, RestorableRandom.seeded(3));
        assertTrue(Double.isFinite(f.value()) && f.value() > 100, "loss " + f.value());
        assertEquals(r.value(), f.value(), 1e-5 * r.value());
        double scale = r.gradient().amaxNumber().doubleValue();
        assertTrue(TestData.maxAbsDifference(r.gradient(), f.gradient()) < 1e-5 * scale);
    }

    /**
     * The CS224n recipe is single-threaded: the softmax objective does not fork work (it used to split
     * its rows over the common ForkJoinPool). Called from a worker of a pool that creates threads on
     * demand, any forked task would make the pool start a second worker.
     */
    @Test
    void theSoftmaxObjectiveRunsOnTheCallingThreadOnly() throws Exception {
        AtomicInteger started = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(4, p -> {
            started.incrementAndGet();
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        }, null, false);
        Cs224nContexts contexts = contexts();
        INDArray x = parameters(5, 0.3);
        try {
            ValueAndGradient f = pool.submit(() -> fast(true, contexts).evaluate(x, RestorableRandom.seeded(2))).get();
            assertTrue(Double.isFinite(f.value()));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, started.get(), "worker threads started: the caller's, and one per forked task");
    }

    @Test
    void theSameGeneratorGivesTheSameEvaluation() {
        Cs224nContexts contexts = contexts();
        INDArray x = parameters(4, 0.3);
        float[] a = fast(false, contexts).evaluate(x, RestorableRandom.seeded(8)).gradient().data().asFloat();
        float[] b = fast(false, contexts).evaluate(x, RestorableRandom.seeded(8)).gradient().data().asFloat();
        assertTrue(java.util.Arrays.equals(a, b));
    }

    @Test
    void parametersOfTheWrongShapeOrTypeAreRefused() {
        Cs224nObjective objective = fast(false, contexts());
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(parameters(1, 1).castTo(DataType.DOUBLE), RestorableRandom.seeded(1)));
        assertThrows(IllegalArgumentException.class,
                () -> objective.evaluate(Nd4j.zeros(DataType.FLOAT, 2 * V, D + 1), RestorableRandom.seeded(1)));
    }

    @Test
    void windowsNeverContainTheCentreWordAndRespectTheRadius() {
        RestorableRandom rng = RestorableRandom.seeded(1);
        int[][] sentences = {{0, 1, 0, 2, 0, 3, 0}, {4, 4, 4, 5}};
        Cs224nContexts contexts = new Cs224nContexts(sentences, new double[6], rng);
        WindowBatch batch = new WindowBatch(4, 2);
        for (int i = 0; i < 500; i++) {
            batch.draw(contexts, 4, 2, rng);
            for (int b = 0; b < batch.windows(); b++) {
                int[] outside = batch.outsideWords(b);
                assertTrue(outside.length >= 1 && outside.length <= 4);
                for (int o : outside) {
                    assertTrue(o != batch.center(b));
                }
            }
        }
    }

    @Test
    void aCorpusWithoutAnyContextIsRefusedInsteadOfLoopingForever() {
        int[][] sentences = {{0, 0, 0}, {1}, {2, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cs224nContexts(sentences, new double[3], RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("no sentence has two different words"), e.getMessage());
    }
}
