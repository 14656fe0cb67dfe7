package dev.skipgram.internal.kernels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row arithmetic the negative-sampling kernels spend their time in: dot products of a row with
 * several rows, and linear combinations of rows. Two implementations: plain Java loops (C2
 * vectorises the combinations but not the dot products, whose float sums it may not reassociate),
 * and the Java Vector API ({@code jdk.incubator.vector}), which computes both in SIMD lanes.
 *
 * <pre>
 * Shapes: d = the rows' length, m = how many rows
 *   dots:         out[k] = x · rows[k]                         k ∈ [0, m)
 *   dotsRows:     out[i·m + k] = xs[i] · rows[k]                i ∈ [0, n), k ∈ [0, m)
 *   combination:  y = Σ_k a[offset + k·stride] · rows[k]       (y overwritten; combinationAdd: y +=;
 *                                                               combinationAddTwo: two such sums, two rows)
 * </pre>
 * The two agree up to float rounding (the Vector API sums a dot product lane by lane, then across
 * the lanes). Stateless and thread-safe. Closed, though not {@code sealed}: naming the Vector API
 * class in a {@code permits} clause would make every tool that reads this file (javadoc among them)
 * resolve the incubator module; both implementations are package-private with private constructors.
 */
public interface RowOps {

    /** out[outOffset + k] = x[0, d) · rows[k][0, d) for k in [0, m). */
    void dots(float[] x, float[][] rows, int m, float[] out, int outOffset, int d);

    /**
     * out[outOffset + i·m + k] = xs[i][0, d) · rows[k][0, d) for i in [0, n), k in [0, m): the scores
     * S = X Rᵀ of a window, row by row, each the same float as {@link #dots} gives it.
     */
    default void dotsRows(float[][] xs, int n, float[][] rows, int m, float[] out, int outOffset, int d) {
        for (int i = 0; i < n; i++) {
            dots(xs[i], rows, m, out, outOffset + i * m, d);
        }
    }

    /** y[0, d) = Σ_{k < m} a[offset + k·stride] · rows[k][0, d); y = 0 when m = 0. */
    void combination(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d);

    /**
     * y[0, d) += Σ_{k < m} a[offset + k·stride] · rows[k][0, d): a combination added to a row in
     * one pass (the window kernel's scatter, without the combination's own row).
     */
    void combinationAdd(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d);

    /**
     * Two combinations of the same rows added to two rows, y0 += Σ_k a[offset0 + k·stride] · rows[k]
     * and y1 += Σ_k a[offset1 + k·stride] · rows[k], each the same floats as {@link #combinationAdd}
     * gives it; y0 and y1 must be different arrays.
     */
    default void combinationAddTwo(float[] a, int offset0, int offset1, int stride, float[][] rows, int m,
            float[] y0, float[] y1, int d) {
        combinationAdd(a, offset0, stride, rows, m, y0, d);
        combinationAdd(a, offset1, stride, rows, m, y1, d);
    }

    /** y[0, d) += alpha · x[0, d). */
    void axpy(float alpha, float[] x, float[] y, int d);

    /** x[0, d) · y[0, d). */
    float dot(float[] x, float[] y, int d);

    /**
     * The logistic losses of {@code count} scores and their scaled derivatives, in place: for j in
     * {@code [offset, offset + count)}, with z = signs[j]·s[j] (signs[j] = −1 for label 1, +1 for
     * label 0),
     * <pre>
     *   J += softplus(z)                      (the pair's loss term, SPEC §2)
     *   s[j] = (signs[j]·factor) · σ(z)       (factor · ∂softplus(z)/∂s[j])
     * </pre>
     * each from e^(−|z|) ∈ (0, 1] ({@link FloatKernels#exp}, {@link FloatKernels#sigmoid}, {@link
     * FloatKernels#softplus}), so any score gives a finite loss. Both implementations compute the
     * same floats for s (the Vector API runs the scalar formulas lane by lane, without fused
     * operations); J, a sum, may differ in its last bits. Values outside the range are left as they
     * are, whatever they hold; arrays that reach a whole vector past the range let the Vector API
     * run the range's last partial vector in lanes instead of scalar code.
     *
     * @return J
     */
    double logistic(float[] s, int offset, int count, float[] signs, float factor);

    /**
     * The length to give scratch rows of d floats so that these operations run on them without a
     * scalar tail: d rounded up to a whole number of vectors (d itself for the scalar loops). A
     * kernel that allocates its rows this long, keeps the padding at zero (rows are copied in and
     * out d floats at a time) and passes the padded length, gets the same sums: the padding adds
     * zero products.
     *
     * @param d the rows' length, ≥ 1
     * @return the padded length, ≥ d
     */
    default int paddedLength(int d) {
        return d;
    }

    /** @return "scalar" or "vector-N" (N float lanes) */
    String name();

    /** The plain-Java implementation, available on every JVM. */
    static RowOps scalar() {
        return ScalarRowOps.INSTANCE;
    }

    /**
     * The Vector API implementation, when this JVM has the incubator module ({@code --add-modules
     * jdk.incubator.vector}), whatever its width; for measurements and tests. Training takes {@link
     * #fastest()}.
     *
     * @return the Vector API implementation, or empty without the module
     */
    static java.util.Optional<RowOps> vector() {
        return java.util.Optional.ofNullable(Selection.VECTOR);
    }

    /**
     * The fastest implementation this JVM runs: the Vector API when the JVM was started with {@code
     * --add-modules jdk.incubator.vector}, its preferred species has at least 4 float lanes and the
     * CPU fuses multiply-adds; otherwise {@link #scalar()}. Decided once per JVM, and logged at debug
     * level.
     */
    static RowOps fastest() {
        return Selection.FASTEST;
    }

    /** Holds the one-time choice. */
    final class Selection {
        private static final Logger LOG = LoggerFactory.getLogger(RowOps.class);
        static final RowOps VECTOR = loadVector();
        static final RowOps FASTEST = choose();

        private Selection() {}

        /** VectorRowOps through reflection, so that nothing links against the incubator module unless it is there. */
        private static RowOps loadVector() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            try {
                return (RowOps) Class.forName("dev.skipgram.internal.kernels.VectorRowOps")
                        .getDeclaredField("INSTANCE").get(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.debug("the Vector API did not load: {}", e.toString());
                return null;
            }
        }

        private static RowOps choose() {
            if (VECTOR == null) {
                LOG.debug("row arithmetic: scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)");
                return ScalarRowOps.INSTANCE;
            }
            if (!FloatKernels.hardwareFma()) {
                LOG.debug("row arithmetic: scalar (the JVM does not use FMA instructions on this CPU)");
                return ScalarRowOps.INSTANCE;
            }
            if (VECTOR.name().equals("vector-1") || VECTOR.name().equals("vector-2")) {
                LOG.debug("row arithmetic: scalar ({} is too narrow to gain)", VECTOR.name());
                return ScalarRowOps.INSTANCE;
            }
            LOG.debug("row arithmetic: {}", VECTOR.name());
            return VECTOR;
        }
    }
}
