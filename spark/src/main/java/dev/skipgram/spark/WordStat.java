package dev.skipgram.spark;

import java.io.Serializable;

/**
 * A word's count in part of the corpus and its first occurrence there: token {@code position} of
 * partition {@code partition}. Merging sums the counts and keeps the earlier occurrence, so that the
 * merged statistics give the single-machine vocabulary's order (descending count, ties by first
 * occurrence).
 *
 * @param count occurrences, ≥ 1
 * @param partition the partition of the first occurrence
 * @param position the token's index within that partition
 */
record WordStat(long count, int partition, long position) implements Serializable {

    /** The statistics of both parts together. */
    WordStat merge(WordStat other) {
        boolean thisFirst = partition < other.partition || (partition == other.partition && position <= other.position);
        WordStat first = thisFirst ? this : other;
        return new WordStat(count + other.count, first.partition, first.position);
    }

    /** Orders by first occurrence. */
    static int byFirstOccurrence(WordStat a, WordStat b) {
        int c = Integer.compare(a.partition, b.partition);
        return c != 0 ? c : Long.compare(a.position, b.position);
    }
}
