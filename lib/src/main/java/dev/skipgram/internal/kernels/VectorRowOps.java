package dev.skipgram.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowOps} with the Java Vector API ({@code jdk.incubator.vector}, JDK 17+), in the JVM's
 * preferred float species (8 lanes with AVX2, 16 with AVX-512). Loaded only through {@link
 * RowOps#fastest()}, and only when the JVM has the incubator module; otherwise this class is never
 * touched, and a JVM without the module runs {@link ScalarRowOps}.
 *
 * <pre>
 *   dots:        four rows at a time (then two, then one), each x chunk loaded once for their lane-wise FMA sums
 *   combination: four rows, then two at a time, folded into y chunk by chunk (independent FMAs)
 * </pre>
 * Tails shorter than a vector run in scalar code.
 */
final class VectorRowOps implements RowOps {

    static final VectorRowOps INSTANCE = new VectorRowOps();

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorRowOps() {}

    @Override
    public void dots(float[] x, float[][] rows, int m, float[] out, int outOffset, int d) {
        int lanes = SPECIES.length();
        int bound = SPECIES.loopBound(d);
        int k = 0;
        for (; k + 3 < m; k += 4) {
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            FloatVector s2 = FloatVector.zero(SPECIES);
            FloatVector s3 = FloatVector.zero(SPECIES);
            int j = 0;
            for (; j < bound; j += lanes) {
                FloatVector xv = FloatVector.fromArray(SPECIES, x, j);
                s0 = xv.fma(FloatVector.fromArray(SPECIES, r0, j), s0);
                s1 = xv.fma(FloatVector.fromArray(SPECIES, r1, j), s1);
                s2 = xv.fma(FloatVector.fromArray(SPECIES, r2, j), s2);
                s3 = xv.fma(FloatVector.fromArray(SPECIES, r3, j), s3);
            }
            float t0 = s0.reduceLanes(VectorOperators.ADD);
            float t1 = s1.reduceLanes(VectorOperators.ADD);
            float t2 = s2.reduceLanes(VectorOperators.ADD);
            float t3 = s3.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                float xj = x[j];
                t0 += xj * r0[j];
                t1 += xj * r1[j];
                t2 += xj * r2[j];
                t3 += xj * r3[j];
            }
            out[outOffset + k] = t0;
            out[outOffset + k + 1] = t1;
            out[outOffset + k + 2] = t2;
            out[outOffset + k + 3] = t3;
        }
        if (k + 1 < m) { // K = 5: four rows, then these two
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            int j = 0;
            for (; j < bound; j += lanes) {
                FloatVector xv = FloatVector.fromArray(SPECIES, x, j);
                s0 = xv.fma(FloatVector.fromArray(SPECIES, r0, j), s0);
                s1 = xv.fma(FloatVector.fromArray(SPECIES, r1, j), s1);
            }
            float t0 = s0.reduceLanes(VectorOperators.ADD);
            float t1 = s1.reduceLanes(VectorOperators.ADD);
            for (; j < d; j++) {
                t0 += x[j] * r0[j];
                t1 += x[j] * r1[j];
            }
            out[outOffset + k] = t0;
            out[outOffset + k + 1] = t1;
            k += 2;
        }
        if (k < m) {
            out[outOffset + k] = dot(x, rows[k], d);
        }
    }

    @Override
    public void combination(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d) {
        // Rows outer, chunks inner: each pass over y's chunks folds in up to four rows with
        // independent FMAs (a chunk's sum over all m rows in one register would chain m FMAs).
        int k = 0;
        if (m >= 4) {
            combineFirstFour(a[offset], a[offset + stride], a[offset + 2 * stride], a[offset + 3 * stride],
                    rows[0], rows[1], rows[2], rows[3], y, d);
            k = 4;
        } else {
            java.util.Arrays.fill(y, 0, d, 0f);
        }
        for (; k + 1 < m; k += 2) {
            addTwo(a[offset + k * stride], rows[k], a[offset + (k + 1) * stride], rows[k + 1], y, d);
        }
        if (k < m) {
            axpy(a[offset + k * stride], rows[k], y, d);
        }
    }

    /** y = a0·x0 + a1·x1 + a2·x2 + a3·x3. */
    private static void combineFirstFour(float a0, float a1, float a2, float a3, float[] x0, float[] x1,
            float[] x2, float[] x3, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector v0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector v1 = FloatVector.broadcast(SPECIES, a1);
        FloatVector v2 = FloatVector.broadcast(SPECIES, a2);
        FloatVector v3 = FloatVector.broadcast(SPECIES, a3);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector s = FloatVector.fromArray(SPECIES, x0, j).mul(v0);
            FloatVector t = FloatVector.fromArray(SPECIES, x1, j).mul(v1);
            s = FloatVector.fromArray(SPECIES, x2, j).fma(v2, s);
            t = FloatVector.fromArray(SPECIES, x3, j).fma(v3, t);
            s.add(t).intoArray(y, j);
        }
        for (; j < d; j++) {
            y[j] = a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
        }
    }

    /** y += a0·x0 + a1·x1. */
    private static void addTwo(float a0, float[] x0, float a1, float[] x1, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector v0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector v1 = FloatVector.broadcast(SPECIES, a1);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector s = FloatVector.fromArray(SPECIES, x0, j).fma(v0, FloatVector.fromArray(SPECIES, y, j));
            FloatVector.fromArray(SPECIES, x1, j).fma(v1, s).intoArray(y, j);
        }
        for (; j < d; j++) {
            y[j] += a0 * x0[j] + a1 * x1[j];
        }
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector av = FloatVector.broadcast(SPECIES, alpha);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector.fromArray(SPECIES, x, j).fma(av, FloatVector.fromArray(SPECIES, y, j)).intoArray(y, j);
        }
        for (; j < d; j++) {
            y[j] += alpha * x[j];
        }
    }

    @Override
    public float dot(float[] x, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int j = 0;
        for (; j + 2 * lanes <= bound; j += 2 * lanes) {
            s0 = FloatVector.fromArray(SPECIES, x, j).fma(FloatVector.fromArray(SPECIES, y, j), s0);
            s1 = FloatVector.fromArray(SPECIES, x, j + lanes).fma(FloatVector.fromArray(SPECIES, y, j + lanes), s1);
        }
        if (j < bound) {
            s0 = FloatVector.fromArray(SPECIES, x, j).fma(FloatVector.fromArray(SPECIES, y, j), s0);
            j += lanes;
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            s += x[j] * y[j];
        }
        return s;
    }

    @Override
    public int paddedLength(int d) {
        return SPECIES.loopBound(d + SPECIES.length() - 1);
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.length();
    }

    @Override
    public String toString() {
        return name();
    }
}
