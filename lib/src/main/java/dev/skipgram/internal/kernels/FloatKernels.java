package dev.skipgram.internal.kernels;

/**
 * Float arithmetic the kernels share: a fast {@code exp} for non-positive arguments, and the fused
 * softmax pass over one row of scores that both softmax kernels (the word2vec recipe's
 * {@link SoftmaxUpdate} and the CS224n objective) run. No INDArray is created and no memory is
 * allocated. Stateless.
 */
public final class FloatKernels {

    /**
     * Whether {@link Math#fma(float, float, float)} is a hardware instruction here (HotSpot's
     * {@code UseFMA}: x86 since 2013, every AArch64). Without it {@code Math.fma} falls back to
     * BigDecimal arithmetic, hundreds of times slower, so {@link #dot} then takes plain products.
     */
    private static final boolean HARDWARE_FMA = hardwareFma();

    private FloatKernels() {}

    /** Whether HotSpot emits FMA instructions here ({@code UseFMA}); false when it cannot be told. */
    static boolean hardwareFma() {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseFMA")
                    .getValue());
        } catch (RuntimeException | LinkageError e) { // not HotSpot, or no jdk.management module
            return false;
        }
    }

    /**
     * Σ a[j]·b[j] over {@code [0, d)} with eight independent fused multiply-adds (C2 does not vectorise
     * a float reduction, since float addition is not associative, so the chains supply the
     * parallelism): about 1.3–1.5× {@link NegativeSamplingUpdate#dot}'s four chains at d = 100, the
     * hot loop of the hierarchical-softmax kernels. With the Vector API ({@link RowOps#fastest()}),
     * its SIMD dot; without hardware FMA, {@link NegativeSamplingUpdate#dot}.
     *
     * @param a a vector of at least d values
     * @param b a vector of at least d values
     * @param d the length
     * @return the dot product in float
     */
    public static float dot(float[] a, float[] b, int d) {
        if (VECTOR != null) {
            return VECTOR.dot(a, b, d);
        }
        return HARDWARE_FMA ? dotFma(a, b, d) : NegativeSamplingUpdate.dot(a, b, d);
    }

    /** The Vector API arithmetic when this JVM runs it ({@link RowOps#fastest()}), for {@link #dot}; else null. */
    private static final RowOps VECTOR = RowOps.fastest() == RowOps.scalar() ? null : RowOps.fastest();

    /**
     * y[0, d) += a · x[0, d): a loop C2 vectorises when x and y are distinct arrays.
     *
     * @param a the factor
     * @param x the vector added
     * @param y the vector updated in place
     * @param d the length
     */
    public static void axpy(float a, float[] x, float[] y, int d) {
        for (int j = 0; j < d; j++) {
            y[j] += a * x[j];
        }
    }

    private static float dotFma(float[] a, float[] b, int d) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int j = 0;
        for (; j + 7 < d; j += 8) {
            s0 = Math.fma(a[j], b[j], s0);
            s1 = Math.fma(a[j + 1], b[j + 1], s1);
            s2 = Math.fma(a[j + 2], b[j + 2], s2);
            s3 = Math.fma(a[j + 3], b[j + 3], s3);
            s4 = Math.fma(a[j + 4], b[j + 4], s4);
            s5 = Math.fma(a[j + 5], b[j + 5], s5);
            s6 = Math.fma(a[j + 6], b[j + 6], s6);
            s7 = Math.fma(a[j + 7], b[j + 7], s7);
        }
        for (; j < d; j++) {
            s0 = Math.fma(a[j], b[j], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * e^x in float for x ≤ 0, to within 1e-7 relative (Cephes {@code expf}: x = n·ln 2 + r with
     * |r| ≤ ln 2 / 2, a degree-7 polynomial for e^r, and 2^n from the exponent bits). About three
     * times faster than {@code (float) Math.exp(x)} on JDK 17. Arguments below −87.3 (where e^x is no
     * longer a normal float) return e^−87.3 ≈ 1.2e-38 instead of a denormal or 0, a difference far
     * below float resolution of any sum it enters.
     */
    public static float exp(float x) {
        x = x < -87.33654f ? -87.33654f : x;
        int n = (int) (x * 1.44269504088896341f - 0.5f); // round(x / ln 2), x ≤ 0
        float fn = n;
        float r = x - fn * 0.693359375f - fn * -2.12194440e-4f; // ln 2 split in two for precision
        float p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r
                + 4.1665795894e-2f) * r + 1.6666665459e-1f) * r + 5.0000001201e-1f;
        return (p * r * r + r + 1f) * Float.intBitsToFloat((n + 127) << 23);
    }

    /**
     * σ(z) in float from {@code ez} = e^(−|z|) ∈ (0, 1] (see {@link #softplus}), so that e^(|z|) is
     * never formed: the negative-sampling kernels' ∂softplus(z)/∂z.
     *
     * @param z the argument
     * @param ez {@code exp(-Math.abs(z))}
     * @return σ(z) in [0, 1]
     */
    public static float sigmoid(float z, float ez) {
        return z >= 0 ? 1f / (1f + ez) : ez / (1f + ez);
    }

    /**
     * softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)), finite for any finite z: one term
     * of the negative-sampling loss (z = −s for the predicted word, z = s for a negative).
     *
     * @param z the argument
     * @param ez {@code exp(-Math.abs(z))}, as {@link #exp} gives it
     * @return softplus(z) in double
     */
    public static double softplus(float z, float ez) {
        return Math.max(z, 0f) + log1p(ez);
    }

    /**
     * {@link RowOps#logistic} in scalar code: the scores {@code s[offset, offset + count)} replaced by
     * their scaled derivatives, their softplus losses summed in double.
     */
    static double logistic(float[] s, int offset, int count, float[] signs, float factor) {
        double loss = 0.0;
        for (int j = offset; j < offset + count; j++) {
            float sign = signs[j];
            float z = sign * s[j];
            float ez = exp(-Math.abs(z)); // e^(−|z|) ∈ (0, 1]
            loss += softplus(z, ez);
            s[j] = sign * factor * sigmoid(z, ez);
        }
        return loss;
    }

    /**
     * log(1 + x) for x ∈ [0, 1], within 2e-8 of the exact value (a few float ulps), in float
     * arithmetic: 2·atanh(u) with u = x / (2 + x) ∈ [0, 1/3], summed to u¹³/13 (the first term
     * left out is at most 2·3⁻¹⁵/15 ≈ 1e-8). The kernels evaluate a softplus for every score of
     * every window, to report the loss; {@link Math#log} in double took a tenth of a window's time.
     *
     * @param x the argument, in [0, 1] (e^(−|z|) in {@link #softplus})
     * @return log(1 + x)
     */
    static float log1p(float x) {
        float u = x / (2f + x);
        float u2 = u * u;
        float series = 1f + u2 * (1f / 3 + u2 * (1f / 5 + u2 * (1f / 7 + u2 * (1f / 9 + u2 * (1f / 11
                + u2 * (1f / 13))))));
        return 2f * u * series;
    }

    /**
     * Replaces {@code z[0, v)} by n·softmax(z) and returns logsumexp(z), exactly for scores of any
     * size: one pass for the max, one that exponentiates z − max in place (every term in (0, 1]),
     * one that scales. The row should fit in the core's cache (a float[V] of 200 KB at V = 51,351).
     */
    public static double scaledSoftmax(float[] z, int v, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int w = 0; w < v; w++) {
            max = Math.max(max, z[w]);
        }
        // two partial sums halve the dependency chain
        float sum0 = 0f;
        float sum1 = 0f;
        int w = 0;
        for (; w + 1 < v; w += 2) {
            float e0 = exp(z[w] - max);
            float e1 = exp(z[w + 1] - max);
            z[w] = e0;
            z[w + 1] = e1;
            sum0 += e0;
            sum1 += e1;
        }
        for (; w < v; w++) {
            z[w] = exp(z[w] - max);
            sum0 += z[w];
        }
        double sum = (double) sum0 + sum1; // ≥ 1: the max term is e^0
        float scale = (float) (n / sum);
        for (int k = 0; k < v; k++) {
            z[k] *= scale;
        }
        return max + Math.log(sum);
    }
}
