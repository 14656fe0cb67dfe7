package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.loss.NaiveSoftmaxLoss;
import dev.skipgram.optim.Objective;
import dev.skipgram.optim.Sgd;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SPEC §4: maximum likelihood with the full softmax makes p(o | c) the empirical frequency
 * #(c, o) / Σ_o' #(c, o'), and a pair that never occurs keeps a probability above zero.
 */
class OptimumTest {

    // Word indices; window radius 1. Word 3 never appears next to word 0.
    private static final int[] CORPUS = {0, 1, 0, 2, 1, 2, 3, 1, 1, 0, 2, 2, 3, 2, 1, 0, 1};
    private static final int V = 4;
    private static final int D = 4; // d ≥ V: the softmax can represent any conditional distribution
    // Gradient descent on this mean loss converges for steps up to about 1.5 (a numpy model of the same
    // objective reaches a max error of 5e-4 after 300 steps of 1.0; 2.0 oscillates).
    private static final double STEP = 1.0;
    private static final int STEPS = 400;

    @Test
    void fullSoftmaxApproachesTheEmpiricalConditionalFrequencies() {
        double[][] counts = new double[V][V];
        for (int t = 0; t < CORPUS.length; t++) {
            for (int j = Math.max(0, t - 1); j <= Math.min(CORPUS.length - 1, t + 1); j++) {
                if (j != t) {
                    counts[CORPUS[t]][CORPUS[j]]++;
                }
            }
        }
        // The whole corpus as one deterministic objective of x = [centre; outside]: the mean over all
        // windows of the window loss. Grouping the windows by centre word gives the same sum with one
        // windowLossAndGradient call per word (its outside words concatenated, repeats kept).
        int[][] outsideByCenter = new int[V][];
        for (int c = 0; c < V; c++) {
            int n = 0;
            for (int o = 0; o < V; o++) {
                n += (int) counts[c][o];
            }
            outsideByCenter[c] = new int[n];
            int k = 0;
            for (int o = 0; o < V; o++) {
                for (int r = 0; r < counts[c][o]; r++) {
                    outsideByCenter[c][k++] = o;
                }
            }
        }
        NaiveSoftmaxLoss loss = new NaiveSoftmaxLoss();
        Objective corpusLoss = (x, rng) -> {
            INDArray v = x.get(NDArrayIndex.interval(0, V), NDArrayIndex.all());
            INDArray u = x.get(NDArrayIndex.interval(V, 2 * V), NDArrayIndex.all());
            INDArray gradient = Nd4j.zeros(DataType.DOUBLE, 2 * V, D);
            double total = 0;
            for (int c = 0; c < V; c++) {
                WindowLossAndGradient w = SkipGram.windowLossAndGradient(c, outsideByCenter[c], v, u, loss, rng);
                total += w.loss();
                gradient.get(NDArrayIndex.interval(0, V), NDArrayIndex.all()).addi(w.centerVectorsGradient());
                gradient.get(NDArrayIndex.interval(V, 2 * V), NDArrayIndex.all()).addi(w.outsideVectorsGradient());
            }
            return new ValueAndGradient(total / CORPUS.length, gradient.divi(CORPUS.length));
        };
        INDArray x0 = TestData.gaussian(RestorableRandom.seeded(1), 0.1, 2 * V, D);
        INDArray x = Sgd.builder().stepSize(STEP).steps(STEPS).build()
                .minimize(corpusLoss, x0, RestorableRandom.seeded(2));

        INDArray v = x.get(NDArrayIndex.interval(0, V), NDArrayIndex.all());
        INDArray u = x.get(NDArrayIndex.interval(V, 2 * V), NDArrayIndex.all());
        INDArray p = Transforms.softmax(v.mmul(u.transpose()), true); // p[c][o]
        for (int c = 0; c < V; c++) {
            double rowTotal = 0;
            for (int o = 0; o < V; o++) {
                rowTotal += counts[c][o];
            }
            for (int o = 0; o < V; o++) {
                double empirical = counts[c][o] / rowTotal;
                double model = p.getDouble(c, o);
                assertTrue(Math.abs(model - empirical) < 0.01,
                        "p(" + o + "|" + c + ") = " + model + ", empirical " + empirical);
                if (empirical == 0) {
                    assertTrue(model > 0, "a pair never seen still has probability > 0: " + model);
                }
            }
        }
    }
}
