package dev.skipgram.loss;

import dev.skipgram.internal.kernels.LogisticMath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.TestData;
import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NegativeSamplingLossTest extends LossContractTest {

    @Override
    Loss loss(int vocabularySize) {
        long[] counts = new long[vocabularySize];
        for (int w = 0; w < vocabularySize; w++) {
            counts[w] = 1 + 3L * w;
        }
        return new NegativeSamplingLoss(new NoiseDistribution(counts), 4);
    }

    /** A sampler that answers a fixed sequence, recording how often it was called. */
    static final class Scripted implements NegativeSampler {
        final int[] answers;
        int calls;

        Scripted(int... answers) {
            this.answers = answers;
        }

        @Override
        public int sample(java.util.random.RandomGenerator rng) {
            return answers[calls++];
        }
    }

    @Test
    void drawsOfTheOutsideWordAreRedrawnAndCentreDrawsAreKept() {
        // o = 2, centre word index 0 (its outside row u_0 is an ordinary negative).
        Scripted sampler = new Scripted(2, 0, 2, 2, 5, 0);
        INDArray v = center(1);
        INDArray u = outside(1);
        LossAndGradient r = new NegativeSamplingLoss(sampler, 3).lossAndGradient(v, 2, u, RestorableRandom.seeded(0));
        assertEquals(6, sampler.calls, "three redraws of o, then negatives 0, 5, 0");
        LossAndGradient expected = byHand(v, u, 2, new int[] {0, 5, 0});
        assertEquals(expected.loss(), r.loss(), 1e-12);
        assertTrue(TestData.maxAbsDifference(expected.centerGradient(), r.centerGradient()) < 1e-12);
        assertTrue(TestData.maxAbsDifference(expected.outsideGradient(), r.outsideGradient()) < 1e-12);
    }

    @Test
    void aWordDrawnTwiceCountsTwice() {
        INDArray v = center(2);
        INDArray u = outside(2);
        LossAndGradient twice = new NegativeSamplingLoss(new Scripted(4, 4), 2).lossAndGradient(v, 1, u, null);
        LossAndGradient once = new NegativeSamplingLoss(new Scripted(4), 1).lossAndGradient(v, 1, u, null);
        double s = u.getRow(4).mul(v).sumNumber().doubleValue(); // u_4ᵀ v
        // Row 4's gradient doubles; the loss gains the negative's term a second time.
        assertEquals(2 * once.outsideGradient().getRow(4).getDouble(0), twice.outsideGradient().getRow(4).getDouble(0), 1e-12);
        assertEquals(once.loss() + LogisticMath.softplus(s), twice.loss(), 1e-12);
        assertEquals(LogisticMath.sigmoid(s) * 2 * v.getDouble(0), twice.outsideGradient().getDouble(4, 0), 1e-12);
    }

    @Test
    void onlyTheOutsideAndNegativeRowsAreNonZero() {
        LossAndGradient r = new NegativeSamplingLoss(new Scripted(3, 6), 2)
                .lossAndGradient(center(3), 1, outside(3), null);
        List<Integer> nonZero = new ArrayList<>();
        for (int w = 0; w < V; w++) {
            if (r.outsideGradient().getRow(w).amaxNumber().doubleValue() > 0) {
                nonZero.add(w);
            }
        }
        assertEquals(List.of(1, 3, 6), nonZero);
    }

    @Test
    void handComputedValuesAtZero() {
        // v = 0: every score is 0 and σ(0) = 1/2, so J = (K + 1) log 2, ∂J/∂v = −u_o/2 + Σ_k u_k/2,
        // and ∂J/∂U = 0 (every row is a multiple of v = 0).
        INDArray v = Nd4j.zeros(DataType.DOUBLE, D);
        INDArray u = outside(4);
        LossAndGradient r = new NegativeSamplingLoss(new Scripted(0, 5), 2).lossAndGradient(v, 3, u, null);
        assertEquals(3 * Math.log(2), r.loss(), 1e-15);
        INDArray expected = u.getRow(0).add(u.getRow(5)).sub(u.getRow(3)).mul(0.5);
        assertTrue(TestData.maxAbsDifference(expected, r.centerGradient()) < 1e-15);
        assertEquals(0.0, r.outsideGradient().amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void exactAtScoresOfPlusMinusAThousand() {
        // d = 1, v = 1000, u_o = −1, u_k = +1: s_o = −1000, s_k = 1000, both terms at their worst.
        // J = softplus(1000) + softplus(1000) = 2000; ∂J/∂v = −σ(1000)·(−1) + σ(1000)·1 = 2;
        // ∂J/∂u_o = −σ(1000)·1000 = −1000, ∂J/∂u_k = σ(1000)·1000 = 1000.
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray v = Nd4j.createFromArray(1000.0).castTo(type);
            INDArray u = Nd4j.createFromArray(new double[][] {{-1}, {1}}).castTo(type);
            LossAndGradient r = new NegativeSamplingLoss(new Scripted(1), 1).lossAndGradient(v, 0, u, null);
            assertEquals(2000.0, r.loss(), 0.0);
            assertEquals(2.0, r.centerGradient().getDouble(0), 0.0);
            assertEquals(-1000.0, r.outsideGradient().getDouble(0, 0), 0.0);
            assertEquals(1000.0, r.outsideGradient().getDouble(1, 0), 0.0);
        }
    }

    @Test
    void aSamplerThatOnlyReturnsTheOutsideWordIsAnErrorNotAHang() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NegativeSamplingLoss(
                rng -> 2, 1).lossAndGradient(center(1), 2, outside(1), null));
        assertTrue(e.getMessage().contains("outside word 2"), e.getMessage());
    }

    @Test
    void aSamplerOutOfRangeIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NegativeSamplingLoss(
                rng -> V, 1).lossAndGradient(center(1), 2, outside(1), null));
        assertTrue(e.getMessage().contains(String.valueOf(V)), e.getMessage());
    }

    @Test
    void constructorRefusesNoNegatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NegativeSamplingLoss(rng -> 0, 0));
        assertTrue(e.getMessage().contains("0"));
    }

    /** The SPEC §2 formulas, element by element in plain Java. */
    static LossAndGradient byHand(INDArray v, INDArray u, int o, int[] negatives) {
        int d = (int) v.length();
        double[] vc = v.toDoubleVector();
        double[] gc = new double[d];
        double[][] gu = new double[(int) u.rows()][d];
        double so = u.getRow(o).mul(v).sumNumber().doubleValue();
        double loss = -Math.log(1 / (1 + Math.exp(-so)));
        for (int j = 0; j < d; j++) {
            gc[j] -= (1 - 1 / (1 + Math.exp(-so))) * u.getDouble(o, j);
            gu[o][j] -= (1 - 1 / (1 + Math.exp(-so))) * vc[j];
        }
        for (int k : negatives) {
            double sk = u.getRow(k).mul(v).sumNumber().doubleValue();
            loss -= Math.log(1 / (1 + Math.exp(sk)));
            for (int j = 0; j < d; j++) {
                gc[j] += (1 - 1 / (1 + Math.exp(sk))) * u.getDouble(k, j);
                gu[k][j] += (1 - 1 / (1 + Math.exp(sk))) * vc[j];
            }
        }
        return new LossAndGradient(loss, Nd4j.createFromArray(gc), Nd4j.createFromArray(gu));
    }
}
