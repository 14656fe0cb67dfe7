package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link SparkOptions}: defaults and validation messages. */
class SparkOptionsTest {

    @Test
    void defaults() {
        SparkOptions o = SparkOptions.of(3);
        assertEquals(3, o.partitions());
        assertEquals(SparkOptions.DEFAULT_ROUNDS_PER_EPOCH, o.roundsPerEpoch());
        assertEquals(RowMerge.BY_LOSS, o.merge());
        assertEquals(1L << 31, o.maxBroadcastBytes());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("partitions must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SparkOptions.of(0)).getMessage());
        assertEquals("roundsPerEpoch must be >= 1, got -2", assertThrows(IllegalArgumentException.class,
                () -> SparkOptions.of(1).withRoundsPerEpoch(-2)).getMessage());
        assertEquals("maxBroadcastBytes must be in [1, " + SparkOptions.MAX_BROADCAST_BYTES + "], got 0",
                assertThrows(IllegalArgumentException.class, () -> SparkOptions.of(1).withMaxBroadcastBytes(0))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> SparkOptions.of(1).withMerge(null));
        assertEquals("exchange", assertThrows(NullPointerException.class,
                () -> SparkOptions.of(1).withExchange(null)).getMessage());
        assertEquals("checkpointDirectory must not be blank, got ' '", assertThrows(IllegalArgumentException.class,
                () -> SparkOptions.of(1).withCheckpointDirectory(" ")).getMessage());
        assertEquals("resume needs a checkpointDirectory to resume from; got none", assertThrows(
                IllegalArgumentException.class, () -> SparkOptions.of(1).withResume(true)).getMessage());
    }

    @Test
    void checkpointsAreOffByDefaultAndResumeKeepsTheDirectory() {
        assertEquals(null, SparkOptions.of(2).checkpointDirectory());
        SparkOptions o = SparkOptions.of(2).withCheckpointDirectory("hdfs://namenode/ckpt").withResume(true);
        assertEquals("hdfs://namenode/ckpt", o.checkpointDirectory());
        assertEquals(true, o.resume());
        assertEquals(false, o.withCheckpointDirectory("/tmp/other").resume(), "another directory starts afresh");
        assertEquals(o, o.withRoundsPerEpoch(SparkOptions.DEFAULT_ROUNDS_PER_EPOCH).withMerge(RowMerge.BY_LOSS),
                "the other withers keep both");
    }

    @Test
    void theExchangeIsAutoByDefaultAndKeptByTheOtherWithers() {
        assertEquals(Exchange.AUTO, SparkOptions.of(2).exchange());
        SparkOptions o = SparkOptions.of(2).withExchange(Exchange.BROADCAST);
        assertEquals(Exchange.BROADCAST, o.withRoundsPerEpoch(3).withMerge(RowMerge.SUM).withMaxBroadcastBytes(99)
                .withCheckpointDirectory("/tmp/c").withResume(true).exchange());
    }
}
