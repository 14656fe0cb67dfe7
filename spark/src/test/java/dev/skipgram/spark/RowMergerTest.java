package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skipgram.LossType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RowMerger}'s rules on hand-made deltas (d = 2), without Spark. */
class RowMergerTest {

    private static final int D = 2;
    private static final float[] BASE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; // [5, 2]

    /** A partition that changed the given rows of U (and none of X) to base + delta. */
    private static ShareResult changed(int partition, int[] rows, float[][] deltas) {
        float[] values = new float[rows.length * D];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < D; k++) {
                values[i * D + k] = BASE[rows[i] * D + k] + deltas[i][k];
            }
        }
        return new ShareResult(partition, new int[0], new float[0], rows, values, new byte[0][], 0, 0, 0);
    }

    /**
     * Two partitions: row 0 the same change in both, row 1 orthogonal changes, row 2 opposite ones,
     * row 3 partly aligned ones, row 4 changed by the first partition only.
     */
    private static List<ShareResult> twoPartitions() {
        return List.of(
                changed(0, new int[] {0, 1, 2, 3, 4}, new float[][] {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {0.25f, -0.5f}}),
                changed(1, new int[] {0, 1, 2, 3}, new float[][] {{1, 0}, {0, 1}, {-1, 0}, {1, 1}}));
    }

    private static float[] plus(float... deltas) {
        float[] m = BASE.clone();
        for (int i = 0; i < deltas.length; i++) {
            m[i] += deltas[i];
        }
        return m;
    }

    @Test
    void aRowOnePartitionChangedTakesItsValueUnderEveryRule() {
        List<ShareResult> one = List.of(changed(0, new int[] {1, 3}, new float[][] {{0.1f, 0.2f}, {-3, 7}}));
        for (RowMerge merge : new RowMerge[] {RowMerge.SUM, RowMerge.AVERAGE, RowMerge.ALIGNED}) {
            assertArrayEquals(plus(0, 0, 0.1f, 0.2f, 0, 0, -3, 7), RowMerger.merge(merge, BASE, D, one, false),
                    merge.name());
            assertArrayEquals(BASE, RowMerger.merge(merge, BASE, D, one, true), merge + ": X is unchanged");
        }
    }

    @Test
    void sumAddsEveryChange() {
        assertArrayEquals(plus(2, 0, 1, 1, 0, 0, 2, 1, 0.25f, -0.5f),
                RowMerger.merge(RowMerge.SUM, BASE, D, twoPartitions(), false));
    }

    @Test
    void averageAddsTheMeanChange() {
        assertArrayEquals(plus(1, 0, 0.5f, 0.5f, 0, 0, 1, 0.5f, 0.25f, -0.5f),
                RowMerger.merge(RowMerge.AVERAGE, BASE, D, twoPartitions(), false));
    }

    @Test
    void alignedAveragesTheSameChangeAndSumsUnrelatedOnes() {
        // row 3: S = (2, 1), Σ|Δ|² = 3, c = (5 − 3) / 3 = 2/3, weight 1 / (1 + 2/3) = 0.6
        assertArrayEquals(plus(1, 0, 1, 1, 0, 0, 1.2f, 0.6f, 0.25f, -0.5f),
                RowMerger.merge(RowMerge.ALIGNED, BASE, D, twoPartitions(), false), 1e-6f);
    }

    @Test
    void byLossIsAlignedForHierarchicalSoftmaxAndSumOtherwiseAndMustBeResolved() {
        assertEquals(RowMerge.ALIGNED, RowMerge.BY_LOSS.resolve(LossType.HIERARCHICAL_SOFTMAX));
        assertEquals(RowMerge.SUM, RowMerge.BY_LOSS.resolve(LossType.NEGATIVE_SAMPLING));
        assertEquals(RowMerge.SUM, RowMerge.BY_LOSS.resolve(LossType.NAIVE_SOFTMAX));
        assertEquals(RowMerge.AVERAGE, RowMerge.AVERAGE.resolve(LossType.HIERARCHICAL_SOFTMAX));
        assertEquals("merge must be resolved for the run's loss, got BY_LOSS", assertThrows(
                IllegalArgumentException.class, () -> RowMerger.merge(RowMerge.BY_LOSS, BASE, D, twoPartitions(),
                        false)).getMessage());
    }
}
