package dev.skipgram.loss;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Argument checks shared by the reference losses; messages name the offending value. */
final class LossArguments {

    private LossArguments() {}

    /** Checks shapes {@code [d]} and {@code [V, d]}, one floating data type, and {@code 0 ≤ o < V}. */
    static void check(INDArray centerVector, int outsideIndex, INDArray outsideVectors) {
        if (centerVector == null || outsideVectors == null) {
            throw new NullPointerException("centerVector and outsideVectors must not be null");
        }
        if (centerVector.rank() != 1) {
            throw new IllegalArgumentException("centerVector must have shape [d], got "
                    + java.util.Arrays.toString(centerVector.shape()));
        }
        if (outsideVectors.rank() != 2 || outsideVectors.columns() != centerVector.length()) {
            throw new IllegalArgumentException("outsideVectors must have shape [V, " + centerVector.length()
                    + "], got " + java.util.Arrays.toString(outsideVectors.shape()));
        }
        DataType type = centerVector.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("vectors must be FLOAT or DOUBLE, got " + type);
        }
        if (outsideVectors.dataType() != type) {
            throw new IllegalArgumentException("centerVector is " + type + " but outsideVectors is "
                    + outsideVectors.dataType());
        }
        if (outsideIndex < 0 || outsideIndex >= outsideVectors.rows()) {
            throw new IllegalArgumentException("outsideIndex " + outsideIndex + " is outside [0, "
                    + outsideVectors.rows() + ")");
        }
    }
}
