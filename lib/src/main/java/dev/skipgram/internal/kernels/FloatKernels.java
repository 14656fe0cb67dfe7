package dev.skipgram.internal.kernels;

import java.nio.FloatBuffer;

/**
 * Fused float kernels over the storage of FLOAT INDArrays, for the training hot loops: no INDArray
 * is created and no memory is allocated. Each kernel is held to its reference {@link
 * dev.skipgram.loss.Loss} implementation by the tests (same loss, same gradient, within float
 * tolerance).
 *
 * <pre>
 * Shapes:  d = dimension, K = negatives
 *   params  FloatBuffer of a c-order matrix; row r starts at r·d
 *   grad    FloatBuffer of a matrix of the same layout, accumulated into (+=)
 * </pre>
 * Stateless.
 */
public final class FloatKernels {

    private FloatKernels() {}

    /** Σ_j a[x + j]·b[y + j] over d elements, accumulated in float like BLAS sdot. */
    public static float dot(FloatBuffer a, int x, FloatBuffer b, int y, int d) {
        float s = 0f;
        for (int j = 0; j < d; j++) {
            s += a.get(x + j) * b.get(y + j);
        }
        return s;
    }

    /** y[yo + j] += alpha · x[xo + j] for j < d. */
    public static void axpy(float alpha, FloatBuffer x, int xo, FloatBuffer y, int yo, int d) {
        for (int j = 0; j < d; j++) {
            y.put(yo + j, y.get(yo + j) + alpha * x.get(xo + j));
        }
    }

    /**
     * Negative-sampling loss of one pair, its gradient scaled by {@code scale} and added to
     * {@code grad}.
     *
     * <pre>
     *   rows[0] = offset of u_o, rows[1..K] = offsets of the negatives u_k   (in params)
     *   J = softplus(−u_oᵀv) + Σ_k softplus(u_kᵀv)
     *   grad[center] += scale · Σ_i g_i u_i,  grad[rows[i]] += scale · g_i v,
     *   g_0 = −σ(−u_oᵀv),  g_k = σ(u_kᵀv)
     * </pre>
     *
     * @param center offset of v_c in params (and of its gradient in grad)
     * @param rows offsets of the K+1 output rows; the same offsets are used in grad
     * @param count K + 1
     * @return J, unscaled
     */
    public static double negativeSamplingPair(FloatBuffer params, FloatBuffer grad, int center, int[] rows, int count,
            int d, float scale) {
        double loss = 0.0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            double score = dot(params, center, params, row, d);
            double sign = i == 0 ? 1.0 : -1.0;
            loss += LogisticMath.softplus(-sign * score);
            float g = (float) (-sign * LogisticMath.sigmoid(-sign * score)) * scale;
            // v_c's gradient reads u_i before u_i's own gradient could change params: params are
            // read-only here (the update happens after the whole step), so the order is free.
            axpy(g, params, row, grad, center, d);
            axpy(g, params, center, grad, row, d);
        }
        return loss;
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
