package dev.skipgram;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded random arrays for tests (no global ND4J random state). */
public final class TestData {

    private TestData() {}

    /** A DOUBLE array of the given shape with entries N(0, scale²). */
    public static INDArray gaussian(RandomGenerator rng, double scale, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.data().put(i, scale * rng.nextGaussian());
        }
        return a;
    }

    /** Largest |a − b| over all elements, compared in double. */
    public static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
