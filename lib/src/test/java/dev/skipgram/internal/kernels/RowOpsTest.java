package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.random.RestorableRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both row arithmetics against sums in double, at lengths around every vector width (tails of every
 * size) and row counts around the vector kernel's blocks of four. This test JVM has the incubator
 * module (the lib's surefire configuration), so the Vector API implementation is exercised here.
 */
class RowOpsTest {

    static Stream<RowOps> implementations() {
        return Stream.of(RowOps.scalar(), VectorRowOps.INSTANCE);
    }

    private static final int[] LENGTHS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 300};

    private static float[][] rows(RestorableRandom rng, int m, int d) {
        float[][] rows = new float[m][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (2 * rng.nextDouble() - 1);
            }
        }
        return rows;
    }

    /** |computed − exact| within float rounding of a sum of these magnitudes. */
    private static void assertClose(double exact, double magnitude, float computed, String what) {
        assertEquals(exact, computed, 1e-6 * Math.max(1, magnitude), what);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void dotsAndDotMatchDoubleSums(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(7);
        for (int d : LENGTHS) {
            for (int m = 0; m <= 9; m++) {
                float[] x = rows(rng, 1, d)[0];
                float[][] r = rows(rng, m, d);
                float[] out = new float[m + 3];
                out[0] = 42f;
                ops.dots(x, r, m, out, 2, d);
                assertEquals(42f, out[0], "dots writes from outOffset on");
                for (int k = 0; k < m; k++) {
                    double exact = 0;
                    double magnitude = 0;
                    for (int j = 0; j < d; j++) {
                        exact += (double) x[j] * r[k][j];
                        magnitude += Math.abs((double) x[j] * r[k][j]);
                    }
                    assertClose(exact, magnitude, out[2 + k], ops + " dots d=" + d + " m=" + m + " k=" + k);
                    assertClose(exact, magnitude, ops.dot(x, r[k], d), ops + " dot d=" + d);
                }
            }
        }
    }

    /**
     * dotsRows: every score the same float as dots gives it (the kernels switch between them), for
     * input and target counts around the blocks of two and four and lengths with every tail; nothing
     * written outside its block.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void dotsRowsGivesEachScoreAsDotsDoes(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(11);
        for (int d : LENGTHS) {
            for (int n = 0; n <= 5; n++) {
                for (int m = 0; m <= 9; m++) {
                    float[][] xs = rows(rng, n, d);
                    float[][] r = rows(rng, m, d);
                    float[] expected = new float[n * m + 4];
                    Arrays.fill(expected, -7f);
                    for (int i = 0; i < n; i++) {
                        ops.dots(xs[i], r, m, expected, 3 + i * m, d);
                    }
                    float[] actual = new float[expected.length];
                    Arrays.fill(actual, -7f);
                    ops.dotsRows(xs, n, r, m, actual, 3, d);
                    assertArrayEquals(expected, actual,
                            ops + " dotsRows d=" + d + " n=" + n + " m=" + m);
                }
            }
        }
    }

    /**
     * combinationAddTwo: each row the same floats as its own combinationAdd (the kernels switch
     * between them), for row counts around the blocks of four and two, strides of 1 and 3, and
     * lengths with every tail.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void combinationAddTwoGivesEachRowAsCombinationAddDoes(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(13);
        for (int d : LENGTHS) {
            for (int m = 0; m <= 9; m++) {
                for (int stride : new int[] {1, 3}) {
                    float[][] r = rows(rng, m, d);
                    float[] a = rows(rng, 1, 2 + 3 * m + 2)[0];
                    float[][] y = rows(rng, 2, d);
                    float[] expected0 = y[0].clone();
                    float[] expected1 = y[1].clone();
                    ops.combinationAdd(a, 2, stride, r, m, expected0, d);
                    ops.combinationAdd(a, 3, stride, r, m, expected1, d);
                    ops.combinationAddTwo(a, 2, 3, stride, r, m, y[0], y[1], d);
                    String what = ops + " combinationAddTwo d=" + d + " m=" + m + " stride=" + stride;
                    assertArrayEquals(expected0, y[0], what);
                    assertArrayEquals(expected1, y[1], what);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void combinationsCombinationAddsAndAxpyMatchDoubleSums(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(11);
        for (int d : LENGTHS) {
            for (int m = 0; m <= 9; m++) {
                for (int stride : new int[] {1, 3}) {
                    int offset = 2;
                    float[] a = rows(rng, 1, offset + Math.max(1, m) * stride)[0];
                    float[][] r = rows(rng, m, d);
                    float[] y = rows(rng, 1, d + 1)[0]; // overwritten, whatever it held; y[d] untouched
                    float beyond = y[d];
                    ops.combination(a, offset, stride, r, m, y, d);
                    assertEquals(beyond, y[d], "combination writes y[0, d) only");
                    for (int j = 0; j < d; j++) {
                        double exact = 0;
                        double magnitude = 0;
                        for (int k = 0; k < m; k++) {
                            exact += (double) a[offset + k * stride] * r[k][j];
                            magnitude += Math.abs((double) a[offset + k * stride] * r[k][j]);
                        }
                        assertClose(exact, magnitude, y[j], ops + " combination d=" + d + " m=" + m + " j=" + j);
                    }
                    float[] z = rows(rng, 1, d + 1)[0]; // combinationAdd: z += the same combination
                    float[] zBefore = z.clone();
                    ops.combinationAdd(a, offset, stride, r, m, z, d);
                    assertEquals(zBefore[d], z[d], "combinationAdd writes z[0, d) only");
                    for (int j = 0; j < d; j++) {
                        double exact = zBefore[j];
                        double magnitude = Math.abs(zBefore[j]);
                        for (int k = 0; k < m; k++) {
                            exact += (double) a[offset + k * stride] * r[k][j];
                            magnitude += Math.abs((double) a[offset + k * stride] * r[k][j]);
                        }
                        assertClose(exact, magnitude, z[j], ops + " combinationAdd d=" + d + " m=" + m + " j=" + j);
                    }
                }
            }
            float[] x = rows(rng, 1, d)[0];
            float[] y = rows(rng, 1, d)[0];
            float[] before = y.clone();
            ops.axpy(-0.75f, x, y, d);
            for (int j = 0; j < d; j++) {
                assertClose(before[j] - 0.75 * x[j], 2, y[j], ops + " axpy d=" + d);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void zeroPaddingToThePaddedLengthChangesNoSum(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(13);
        for (int d : LENGTHS) {
            int padded = ops.paddedLength(d);
            assertTrue(padded >= d && padded < d + 64, ops + " pads " + d + " to " + padded);
            if (ops == RowOps.scalar()) {
                assertEquals(d, padded);
            } else {
                int lanes = Integer.parseInt(ops.name().substring("vector-".length()));
                assertEquals(0, padded % lanes, ops + " pads " + d + " to " + padded);
            }
            float[][] r = new float[6][padded];
            float[][] exact = rows(rng, 6, d);
            for (int k = 0; k < 6; k++) {
                System.arraycopy(exact[k], 0, r[k], 0, d);
            }
            float[] out = new float[6];
            ops.dots(r[0], r, 6, out, 0, padded);
            float[] y = new float[padded];
            ops.combination(out, 0, 1, r, 6, y, padded);
            for (int j = d; j < padded; j++) {
                assertEquals(0f, y[j], "the padding stays zero");
            }
            for (int k = 0; k < 6; k++) {
                double e = 0;
                for (int j = 0; j < d; j++) {
                    e += (double) exact[0][j] * exact[k][j];
                }
                assertClose(e, d, out[k], ops + " padded dot d=" + d);
            }
        }
    }

    @Test
    void theFastestIsOneOfTheTwoAndTheVectorOneNamesItsLanes() {
        assertTrue(List.of(RowOps.scalar(), VectorRowOps.INSTANCE).contains(RowOps.fastest()));
        assertEquals("scalar", RowOps.scalar().name());
        assertTrue(VectorRowOps.INSTANCE.name().matches("vector-(1|2|4|8|16|32|64)"), VectorRowOps.INSTANCE.name());
    }

    /**
     * logistic: the scaled derivatives bit for bit as the scalar formulas give them (the Vector API
     * runs the same float operations), against double-precision σ and softplus, at every count
     * around the vector width and at extreme scores; the loss within float rounding of its double sum;
     * the values past the range untouched and kept out of the loss, NaN and infinity among them.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void logisticGivesTheScalarDerivativesAndTheLossOfEveryScore(RowOps ops) {
        RestorableRandom rng = RestorableRandom.seeded(23);
        float[] extremes = {0f, -0f, 1e4f, -1e4f, 87.5f, -87.5f, 100f, -100f, 6f, -6f, 1e-30f, Float.MAX_VALUE,
            -Float.MAX_VALUE};
        for (int count = 0; count <= 70; count++) {
            // slack 2: the tail in scalar code (for widths above 2); 64: in masked lanes, past garbage
            for (int slack : new int[] {2, 64}) {
                for (int offset : new int[] {0, 3}) {
                    float[] s = new float[offset + count + slack];
                    float[] signs = new float[s.length];
                    for (int j = 0; j < s.length; j++) {
                        s[j] = rng.nextInt(4) == 0 ? extremes[rng.nextInt(extremes.length)]
                                : (float) (20 * rng.nextDouble() - 10);
                        signs[j] = rng.nextInt(3) == 0 ? -1f : 1f;
                    }
                    for (int j = offset + count; j < s.length; j += 3) {
                        s[j] = j % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY; // must not reach the loss
                        signs[j] = j % 6 == 0 ? Float.NaN : signs[j];
                    }
                    float factor = -0.025f;
                    float[] expected = s.clone();
                    double expectedLoss = FloatKernels.logistic(expected, offset, count, signs, factor);
                    float[] actual = s.clone();
                    double loss = ops.logistic(actual, offset, count, signs, factor);
                    String what = ops + " count=" + count + " offset=" + offset + " slack=" + slack;
                    assertArrayEquals(expected, actual, what);
                    double exactLoss = 0;
                    for (int j = offset; j < offset + count; j++) {
                        double z = (double) signs[j] * s[j];
                        double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                        exactLoss += softplus;
                        double sigmoid = 1 / (1 + Math.exp(-z));
                        assertEquals(signs[j] * factor * sigmoid, actual[j], 1e-6 * Math.abs(factor), what + " j=" + j);
                    }
                    assertTrue(Double.isFinite(loss), what);
                    assertEquals(exactLoss, loss, 1e-6 * Math.max(1, exactLoss), what);
                    assertEquals(expectedLoss, loss, 1e-6 * Math.max(1, exactLoss), what);
                    for (int j = 0; j < offset; j++) {
                        assertEquals(s[j], actual[j], "before offset untouched");
                    }
                    for (int j = offset + count; j < s.length; j++) {
                        assertEquals(s[j], actual[j], "after the range untouched");
                    }
                }
            }
        }
    }
}
