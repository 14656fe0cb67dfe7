package dev.skipgram.internal.kernels;

import jdk.incubator.vector.DoubleVector;
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
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    /** Doubles in vectors of the float species' size: half as many lanes. */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class,
            jdk.incubator.vector.VectorShape.forBitSize(SPECIES.vectorBitSize()));

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
            four(false, a[offset], a[offset + stride], a[offset + 2 * stride], a[offset + 3 * stride],
                    rows[0], rows[1], rows[2], rows[3], y, d);
            k = 4;
        } else {
            java.util.Arrays.fill(y, 0, d, 0f);
        }
        addPairs(a, offset, stride, rows, k, m, y, d);
    }

    @Override
    public void combinationAdd(float[] a, int offset, int stride, float[][] rows, int m, float[] y, int d) {
        int k = 0;
        for (; k + 3 < m; k += 4) {
            four(true, a[offset + k * stride], a[offset + (k + 1) * stride], a[offset + (k + 2) * stride],
                    a[offset + (k + 3) * stride], rows[k], rows[k + 1], rows[k + 2], rows[k + 3], y, d);
        }
        addPairs(a, offset, stride, rows, k, m, y, d);
    }

    /** y += Σ_{from ≤ k < m} a[offset + k·stride] · rows[k], two rows a pass, then the last one. */
    private void addPairs(float[] a, int offset, int stride, float[][] rows, int from, int m, float[] y, int d) {
        int k = from;
        for (; k + 1 < m; k += 2) {
            addTwo(a[offset + k * stride], rows[k], a[offset + (k + 1) * stride], rows[k + 1], y, d);
        }
        if (k < m) {
            axpy(a[offset + k * stride], rows[k], y, d);
        }
    }

    /** y = a0·x0 + a1·x1 + a2·x2 + a3·x3, or y += it when {@code accumulate}. */
    private static void four(boolean accumulate, float a0, float a1, float a2, float a3, float[] x0, float[] x1,
            float[] x2, float[] x3, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector v0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector v1 = FloatVector.broadcast(SPECIES, a1);
        FloatVector v2 = FloatVector.broadcast(SPECIES, a2);
        FloatVector v3 = FloatVector.broadcast(SPECIES, a3);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector x0v = FloatVector.fromArray(SPECIES, x0, j);
            FloatVector s = accumulate ? x0v.fma(v0, FloatVector.fromArray(SPECIES, y, j)) : x0v.mul(v0);
            FloatVector t = FloatVector.fromArray(SPECIES, x1, j).mul(v1);
            s = FloatVector.fromArray(SPECIES, x2, j).fma(v2, s);
            t = FloatVector.fromArray(SPECIES, x3, j).fma(v3, t);
            s.add(t).intoArray(y, j);
        }
        for (; j < d; j++) {
            float sum = a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            y[j] = accumulate ? y[j] + sum : sum;
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

    /**
     * {@link FloatKernels#logistic} lane by lane: the same float operations in the same order (the
     * Cephes exp, the atanh series for log1p, σ from e^(−|z|)), none fused, so s gets the scalar
     * code's values bit for bit; the losses are summed in double lanes.
     */
    @Override
    public double logistic(float[] s, int offset, int count, float[] signs, float factor) {
        int lanes = SPECIES.length();
        int end = offset + count;
        int j = offset;
        // the losses summed in double lanes (a float sum of softplus(z) ≈ z overflows at extreme scores)
        DoubleVector low = DoubleVector.zero(DOUBLES);
        DoubleVector high = DoubleVector.zero(DOUBLES);
        for (; j + lanes <= end; j += lanes) {
            FloatVector sign = FloatVector.fromArray(SPECIES, signs, j);
            FloatVector z = sign.mul(FloatVector.fromArray(SPECIES, s, j));
            FloatVector ez = exp(z.abs().neg()); // e^(−|z|) ∈ (0, 1]
            FloatVector onePlus = ez.add(1f);
            // σ(z) = 1/(1 + e^(−|z|)) for z ≥ 0, e^(−|z|)/(1 + e^(−|z|)) below
            FloatVector numerator = ez.blend(ONE, z.compare(VectorOperators.GE, 0f));
            FloatVector softplus = z.max(0f).add(log1p(ez));
            low = low.add(softplus.convertShape(VectorOperators.F2D, DOUBLES, 0));
            high = high.add(softplus.convertShape(VectorOperators.F2D, DOUBLES, 1));
            sign.mul(factor).mul(numerator.div(onePlus)).intoArray(s, j);
        }
        double loss = low.add(high).reduceLanes(VectorOperators.ADD);
        return loss + FloatKernels.logistic(s, j, end - j, signs, factor);
    }

    /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer (round to nearest). */
    private static final float ROUNDER = 12582912f;

    /**
     * {@link FloatKernels#exp} lane by lane, x ≤ 0, to the same bits. The scalar code's n =
     * (int) (x/ln 2 − 1/2) truncates toward zero, which for this negative argument v is ⌈v⌉; a float
     * to int conversion is not a SIMD instruction for JDK 17's C2 (it runs lane by lane, ten times
     * slower), so ⌈v⌉ is taken in float: v rounded through {@link #ROUNDER}, plus 1 where that fell
     * below v; and 2ⁿ's exponent bits come from n + ROUNDER's low mantissa bits.
     */
    private static FloatVector exp(FloatVector x) {
        x = x.max(-87.33654f);
        FloatVector v = x.mul(1.44269504088896341f).sub(0.5f); // in [−126.5, −0.5]
        FloatVector nearest = v.add(ROUNDER).sub(ROUNDER);
        FloatVector fn = nearest.add(ONE, nearest.compare(VectorOperators.LT, v)); // ⌈v⌉ = (int) v
        FloatVector r = x.sub(fn.mul(0.693359375f)).sub(fn.mul(-2.12194440e-4f));
        FloatVector p = r.mul(1.9875691500e-4f).add(1.3981999507e-3f).mul(r).add(8.3334519073e-3f).mul(r)
                .add(4.1665795894e-2f).mul(r).add(1.6666665459e-1f).mul(r).add(5.0000001201e-1f);
        // n + 127 = bits(fn + ROUNDER) − bits(ROUNDER) + 127, shifted into the exponent: 2ⁿ
        FloatVector twoToN = fn.add(ROUNDER).reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER) - 127)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(r).mul(r).add(r).add(1f).mul(twoToN);
    }

    /** {@link FloatKernels#log1p} lane by lane, x ∈ [0, 1]. */
    private static FloatVector log1p(FloatVector x) {
        FloatVector u = x.div(x.add(2f));
        FloatVector u2 = u.mul(u);
        FloatVector series = u2.mul(1f / 13).add(1f / 11).mul(u2).add(1f / 9).mul(u2).add(1f / 7).mul(u2)
                .add(1f / 5).mul(u2).add(1f / 3).mul(u2).add(1f);
        return u.mul(2f).mul(series);
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
