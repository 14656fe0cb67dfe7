package dev.skipgram.spark;

import java.io.Serializable;

/**
 * What one partition sends back after a round: the rows it changed, with their values after its
 * training (the driver forms the deltas against the rows it broadcast, so a row that only this
 * partition changed is taken exactly), its generators' states, and its totals. A class, not a
 * record: Spark's Kryo serializer cannot write a record ({@link WireFormatTest}).
 */
final class ShareResult implements Serializable {

    private static final long serialVersionUID = 1L;
    private final int partition;
    private final int[] centerRows; // indices of the changed rows of X, increasing
    private final float[] centerValues; // their values, d per row
    private final int[] outsideRows; // indices of the changed rows of U, increasing
    private final float[] outsideValues; // their values, d per row
    private final byte[][] generators; // each worker thread's generator state after the round
    private final double loss; // Σ pair losses
    private final long pairs; // pairs trained
    private final long words; // in-vocabulary words trained, before subsampling

    ShareResult(int partition, int[] centerRows, float[] centerValues, int[] outsideRows, float[] outsideValues,
            byte[][] generators, double loss, long pairs, long words) {
        this.partition = partition;
        this.centerRows = centerRows;
        this.centerValues = centerValues;
        this.outsideRows = outsideRows;
        this.outsideValues = outsideValues;
        this.generators = generators;
        this.loss = loss;
        this.pairs = pairs;
        this.words = words;
    }

    int partition() {
        return partition;
    }

    int[] centerRows() {
        return centerRows;
    }

    float[] centerValues() {
        return centerValues;
    }

    int[] outsideRows() {
        return outsideRows;
    }

    float[] outsideValues() {
        return outsideValues;
    }

    byte[][] generators() {
        return generators;
    }

    double loss() {
        return loss;
    }

    long pairs() {
        return pairs;
    }

    long words() {
        return words;
    }
}
