package dev.skipgram.spark;

import org.apache.spark.Partitioner;

/**
 * Sends sentence number i (of n, from 0) to partition ⌊i·p/n⌋: p contiguous ranges in corpus order,
 * so that a repartitioned corpus is split the same way on every run.
 */
final class ContiguousPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final long sentences;

    ContiguousPartitioner(int partitions, long sentences) {
        this.partitions = partitions;
        this.sentences = Math.max(1, sentences);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long i = (Long) key;
        return (int) Math.min(partitions - 1, Math.multiplyHigh(i, partitions) == 0
                ? i * partitions / sentences : (long) ((double) i * partitions / sentences));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContiguousPartitioner c && c.partitions == partitions && c.sentences == sentences;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sentences) * 31 + partitions;
    }
}
