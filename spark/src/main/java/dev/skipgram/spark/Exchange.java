package dev.skipgram.spark;

/**
 * How a round's parameters and changed rows travel between the driver and the partitions. Both ways
 * train the same rounds and give the same vectors, bit for bit (the driver merges the same rows in
 * the same order); they differ in what a round costs.
 */
public enum Exchange {
    /**
     * {@link #DIRECT} when the cluster can run every partition at once (as many free task slots as
     * partitions, no dynamic allocation), otherwise {@link #BROADCAST}; the default.
     */
    AUTO,
    /**
     * One Spark job a round: X and U broadcast whole, each partition's changed rows back as its task's
     * result. Runs on any cluster, even with fewer task slots than partitions.
     */
    BROADCAST,
    /**
     * One barrier stage for the whole run: each partition's task keeps X and U in its executor and,
     * every round, sends the driver the rows it changed over a socket and receives the merged rows it
     * lacks. A failed task fails the stage; Spark reruns it, and the new tasks start from the last
     * merged round. Needs a task slot for every partition at once.
     */
    DIRECT
}
