package dev.skipgram.spark;

import java.io.Serializable;

/**
 * What one partition sends back after a round: the rows it changed, with their values after its
 * training (the driver forms the deltas against the rows it broadcast, so a row that only this
 * partition changed is taken exactly), its generators' states, and its totals.
 *
 * @param partition the partition's index
 * @param centerRows indices of the changed rows of X, increasing
 * @param centerValues their values, d per row
 * @param outsideRows indices of the changed rows of U, increasing
 * @param outsideValues their values, d per row
 * @param generators the state of each worker thread's generator after the round
 * @param loss Σ pair losses
 * @param pairs pairs trained
 * @param words in-vocabulary words trained, before subsampling
 */
record ShareResult(int partition, int[] centerRows, float[] centerValues, int[] outsideRows, float[] outsideValues,
        byte[][] generators, double loss, long pairs, long words) implements Serializable {}
