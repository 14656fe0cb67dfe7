package dev.skipgram.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.random.RestorableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NaiveSoftmaxLossTest extends LossContractTest {

    @Override
    Loss loss(int vocabularySize) {
        return new NaiveSoftmaxLoss();
    }

    @Test
    void uniformScoresGiveLogV() {
        // By hand: v = 0 makes every score 0, so ŷ = 1/V, J = log V, ∂J/∂v = Uᵀ(ŷ − y), ∂J/∂U = 0.
        INDArray v = Nd4j.zeros(DataType.DOUBLE, 2);
        INDArray u = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        LossAndGradient r = new NaiveSoftmaxLoss().lossAndGradient(v, 1, u, RestorableRandom.seeded(0));
        assertEquals(Math.log(4), r.loss(), 1e-15);
        // Uᵀŷ = column means (4, 5); minus u_1 = (3, 4) → (1, 1)
        assertEquals(1.0, r.centerGradient().getDouble(0), 1e-15);
        assertEquals(1.0, r.centerGradient().getDouble(1), 1e-15);
        assertEquals(0.0, r.outsideGradient().amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void exactAtScoresOfPlusMinusAThousand() {
        // By hand: d = 1, v = 1000, u = (1, −1): scores (1000, −1000).
        // o = 1: J = logsumexp − (−1000) = 1000 + log(1 + e^−2000) + 1000 = 2000 exactly in double;
        //        ŷ = (1, e^−2000 ≈ 0): ∂J/∂v = 1·(1 − 0) + (−1)·(0 − 1) = 2, ∂J/∂U = (1000, −1000).
        // o = 0: J = log(1 + e^−2000) = 0 (to double precision), gradients 0.
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray v = Nd4j.createFromArray(1000.0).castTo(type);
            INDArray u = Nd4j.createFromArray(new double[][] {{1}, {-1}}).castTo(type);
            LossAndGradient worst = new NaiveSoftmaxLoss().lossAndGradient(v, 1, u, RestorableRandom.seeded(0));
            assertEquals(2000.0, worst.loss(), 0.0);
            assertEquals(2.0, worst.centerGradient().getDouble(0), 0.0);
            assertEquals(1000.0, worst.outsideGradient().getDouble(0, 0), 0.0);
            assertEquals(-1000.0, worst.outsideGradient().getDouble(1, 0), 0.0);
            LossAndGradient best = new NaiveSoftmaxLoss().lossAndGradient(v, 0, u, RestorableRandom.seeded(0));
            assertEquals(0.0, best.loss(), 0.0);
            assertEquals(0.0, best.centerGradient().getDouble(0), 0.0);
        }
    }

    @Test
    void everyRowOfTheOutsideGradientIsNonZero() {
        LossAndGradient r = new NaiveSoftmaxLoss().lossAndGradient(center(3), 2, outside(3), RestorableRandom.seeded(0));
        for (int w = 0; w < V; w++) {
            assertTrue(r.outsideGradient().getRow(w).norm2Number().doubleValue() > 0, "row " + w);
        }
    }
}
