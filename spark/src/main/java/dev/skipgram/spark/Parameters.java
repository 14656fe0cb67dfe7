package dev.skipgram.spark;

import java.io.Serializable;

/**
 * The model as one round broadcasts it: X and U, each [V, d] row-major. A class, not a record:
 * Spark's Kryo serializer cannot write a record ({@link WireFormatTest}).
 */
final class Parameters implements Serializable {

    private static final long serialVersionUID = 1L;
    private final float[] centerVectors; // X, V·d floats
    private final float[] outsideVectors; // U, V·d floats

    Parameters(float[] centerVectors, float[] outsideVectors) {
        this.centerVectors = centerVectors;
        this.outsideVectors = outsideVectors;
    }

    float[] centerVectors() {
        return centerVectors;
    }

    float[] outsideVectors() {
        return outsideVectors;
    }
}
