package dev.skipgram.spark;

import java.util.List;

/**
 * How the driver has one round trained ({@link Exchange}): it hands over the merged parameters and
 * the round's shares, and gets every partition's changed rows back, in partition order. The driver
 * merges them ({@link RowMerger}) and passes the result to the next call. Used from one thread.
 */
sealed interface RoundExchange extends AutoCloseable permits BroadcastExchange, DirectExchange {

    /**
     * Trains one round.
     *
     * @param round the round's shares
     * @param x the centre vectors the round starts from, [V, d]; not modified
     * @param u the outside vectors the round starts from, [V, d]; not modified
     * @param generators per partition, per thread: the generators' states at the start of the round
     * @return one result per partition, in partition order
     */
    List<ShareResult> train(Round round, float[] x, float[] u, byte[][][] generators);

    /** Ends the exchange: its job, its tasks and its sockets. */
    @Override
    void close();

    /**
     * One round's shares.
     *
     * @param epoch from 1
     * @param index the round in its epoch, from 0
     * @param from per partition: the round's first chunk
     * @param to per partition: one past its last chunk
     * @param wordsBefore the words trained before this round, over all partitions and epochs (the
     *     learning rate's progress)
     * @param scale per partition: the round's words per word of that partition's share
     */
    record Round(int epoch, int index, int[] from, int[] to, long wordsBefore, double[] scale) {}
}
