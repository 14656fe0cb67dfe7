package dev.skipgram.internal.kernels;

/**
 * {@link RowOps} in plain Java loops. The dot products run four independent sums (C2 does not
 * reassociate float additions, so one sum would be one long dependency chain); the combinations
 * take their rows four at a time in one pass over y, a loop C2 vectorises.
 */
final class ScalarRowOps implements RowOps {

    static final ScalarRowOps INSTANCE = new ScalarRowOps();

    private ScalarRowOps() {}

    @Override
    public void dots(float[] x, float[][] rows, int m, float[] out, int outOffset, int d) {
        for (int k = 0; k < m; k++) {
            out[outOffset + k] = dot(x, rows[k], d);
        }
    }

    @Override
    public double logistic(float[] s, int offset, int count, float[] signs, float factor) {
        return FloatKernels.logistic(s, offset, count, signs, factor);
    }

    @Override
    public void combination(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d) {
        int k = 0;
        if (m >= 4) {
            float a0 = a[offset];
            float a1 = a[offset + stride];
            float a2 = a[offset + 2 * stride];
            float a3 = a[offset + 3 * stride];
            float[] x0 = rows[0];
            float[] x1 = rows[1];
            float[] x2 = rows[2];
            float[] x3 = rows[3];
            for (int j = 0; j < d; j++) {
                y[j] = a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            }
            k = 4;
        } else {
            java.util.Arrays.fill(y, 0, d, 0f);
        }
        addPairs(a, offset, stride, rows, k, m, y, d);
    }

    @Override
    public void combinationAdd(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d) {
        addPairs(a, offset, stride, rows, 0, m, y, d);
    }

    /** y += Σ_{from ≤ k < m} a[offset + k·stride] · rows[k], two rows a pass. */
    private void addPairs(float[] a, int offset, int stride, float[][] rows, int from, int m, float[] y, int d) {
        int k = from;
        for (; k + 1 < m; k += 2) {
            float a0 = a[offset + k * stride];
            float a1 = a[offset + (k + 1) * stride];
            float[] x0 = rows[k];
            float[] x1 = rows[k + 1];
            for (int j = 0; j < d; j++) {
                y[j] += a0 * x0[j] + a1 * x1[j];
            }
        }
        if (k < m) {
            axpy(a[offset + k * stride], rows[k], y, d);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int d) {
        for (int j = 0; j < d; j++) {
            y[j] += alpha * x[j];
        }
    }

    @Override
    public float dot(float[] x, float[] y, int d) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < d; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String toString() {
        return name();
    }
}
