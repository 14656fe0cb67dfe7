package dev.skipgram.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
 *   dotsRows:    two x rows against four rows at a time, each chunk of the four loaded once for both
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

    /**
     * Two rows of X at a time against four rows of R (then two, then one by {@link #dot}): each
     * chunk of the four R rows is loaded once for both X rows, eight independent sums. Every sum
     * runs lane by lane in the order {@link #dots} runs it, so each score is the same float.
     */
    @Override
    public void dotsRows(float[][] xs, int n, float[][] rows, int m, float[] out, int outOffset, int d) {
        int lanes = SPECIES.length();
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i + 1 < n; i += 2) {
            float[] x0 = xs[i];
            float[] x1 = xs[i + 1];
            int o0 = outOffset + i * m;
            int o1 = o0 + m;
            int k = 0;
            for (; k + 3 < m; k += 4) {
                float[] r0 = rows[k];
                float[] r1 = rows[k + 1];
                float[] r2 = rows[k + 2];
                float[] r3 = rows[k + 3];
                FloatVector a0 = FloatVector.zero(SPECIES);
                FloatVector a1 = FloatVector.zero(SPECIES);
                FloatVector a2 = FloatVector.zero(SPECIES);
                FloatVector a3 = FloatVector.zero(SPECIES);
                FloatVector b0 = FloatVector.zero(SPECIES);
                FloatVector b1 = FloatVector.zero(SPECIES);
                FloatVector b2 = FloatVector.zero(SPECIES);
                FloatVector b3 = FloatVector.zero(SPECIES);
                int j = 0;
                for (; j < bound; j += lanes) {
                    FloatVector x0v = FloatVector.fromArray(SPECIES, x0, j);
                    FloatVector x1v = FloatVector.fromArray(SPECIES, x1, j);
                    FloatVector r = FloatVector.fromArray(SPECIES, r0, j);
                    a0 = x0v.fma(r, a0);
                    b0 = x1v.fma(r, b0);
                    r = FloatVector.fromArray(SPECIES, r1, j);
                    a1 = x0v.fma(r, a1);
                    b1 = x1v.fma(r, b1);
                    r = FloatVector.fromArray(SPECIES, r2, j);
                    a2 = x0v.fma(r, a2);
                    b2 = x1v.fma(r, b2);
                    r = FloatVector.fromArray(SPECIES, r3, j);
                    a3 = x0v.fma(r, a3);
                    b3 = x1v.fma(r, b3);
                }
                float s0 = a0.reduceLanes(VectorOperators.ADD);
                float s1 = a1.reduceLanes(VectorOperators.ADD);
                float s2 = a2.reduceLanes(VectorOperators.ADD);
                float s3 = a3.reduceLanes(VectorOperators.ADD);
                float t0 = b0.reduceLanes(VectorOperators.ADD);
                float t1 = b1.reduceLanes(VectorOperators.ADD);
                float t2 = b2.reduceLanes(VectorOperators.ADD);
                float t3 = b3.reduceLanes(VectorOperators.ADD);
                for (; j < d; j++) {
                    float x0j = x0[j];
                    float x1j = x1[j];
                    s0 += x0j * r0[j];
                    s1 += x0j * r1[j];
                    s2 += x0j * r2[j];
                    s3 += x0j * r3[j];
                    t0 += x1j * r0[j];
                    t1 += x1j * r1[j];
                    t2 += x1j * r2[j];
                    t3 += x1j * r3[j];
                }
                out[o0 + k] = s0;
                out[o0 + k + 1] = s1;
                out[o0 + k + 2] = s2;
                out[o0 + k + 3] = s3;
                out[o1 + k] = t0;
                out[o1 + k + 1] = t1;
                out[o1 + k + 2] = t2;
                out[o1 + k + 3] = t3;
            }
            if (k + 1 < m) {
                float[] r0 = rows[k];
                float[] r1 = rows[k + 1];
                FloatVector a0 = FloatVector.zero(SPECIES);
                FloatVector a1 = FloatVector.zero(SPECIES);
                FloatVector b0 = FloatVector.zero(SPECIES);
                FloatVector b1 = FloatVector.zero(SPECIES);
                int j = 0;
                for (; j < bound; j += lanes) {
                    FloatVector x0v = FloatVector.fromArray(SPECIES, x0, j);
                    FloatVector x1v = FloatVector.fromArray(SPECIES, x1, j);
                    FloatVector r = FloatVector.fromArray(SPECIES, r0, j);
                    a0 = x0v.fma(r, a0);
                    b0 = x1v.fma(r, b0);
                    r = FloatVector.fromArray(SPECIES, r1, j);
                    a1 = x0v.fma(r, a1);
                    b1 = x1v.fma(r, b1);
                }
                float s0 = a0.reduceLanes(VectorOperators.ADD);
                float s1 = a1.reduceLanes(VectorOperators.ADD);
                float t0 = b0.reduceLanes(VectorOperators.ADD);
                float t1 = b1.reduceLanes(VectorOperators.ADD);
                for (; j < d; j++) {
                    s0 += x0[j] * r0[j];
                    s1 += x0[j] * r1[j];
                    t0 += x1[j] * r0[j];
                    t1 += x1[j] * r1[j];
                }
                out[o0 + k] = s0;
                out[o0 + k + 1] = s1;
                out[o1 + k] = t0;
                out[o1 + k + 1] = t1;
                k += 2;
            }
            if (k < m) {
                out[o0 + k] = dot(x0, rows[k], d);
                out[o1 + k] = dot(x1, rows[k], d);
            }
        }
        if (i < n) {
            dots(xs[i], rows, m, out, outOffset + i * m, d);
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

    /**
     * The passes of {@link #combinationAdd} (four rows, then two, then one) over two rows y0 and y1
     * at once: each chunk of the combined rows is loaded once for both, and each y gets the
     * operations it would get alone, in the same order.
     */
    @Override
    public void combinationAddTwo(float[] a, int offset0, int offset1, int stride, float[][] rows, int m,
            float[] y0, float[] y1, int d) {
        int k = 0;
        for (; k + 3 < m; k += 4) {
            fourTwice(a[offset0 + k * stride], a[offset0 + (k + 1) * stride], a[offset0 + (k + 2) * stride],
                    a[offset0 + (k + 3) * stride], a[offset1 + k * stride], a[offset1 + (k + 1) * stride],
                    a[offset1 + (k + 2) * stride], a[offset1 + (k + 3) * stride], rows[k], rows[k + 1],
                    rows[k + 2], rows[k + 3], y0, y1, d);
        }
        for (; k + 1 < m; k += 2) {
            addTwoTwice(a[offset0 + k * stride], a[offset0 + (k + 1) * stride], a[offset1 + k * stride],
                    a[offset1 + (k + 1) * stride], rows[k], rows[k + 1], y0, y1, d);
        }
        if (k < m) {
            axpy(a[offset0 + k * stride], rows[k], y0, d);
            axpy(a[offset1 + k * stride], rows[k], y1, d);
        }
    }

    /** {@link #four} with {@code accumulate} on y0 (coefficients a) and on y1 (coefficients b). */
    private static void fourTwice(float a0, float a1, float a2, float a3, float b0, float b1, float b2, float b3,
            float[] x0, float[] x1, float[] x2, float[] x3, float[] y0, float[] y1, int d) {
        int lanes = SPECIES.length();
        FloatVector va0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector va1 = FloatVector.broadcast(SPECIES, a1);
        FloatVector va2 = FloatVector.broadcast(SPECIES, a2);
        FloatVector va3 = FloatVector.broadcast(SPECIES, a3);
        FloatVector vb0 = FloatVector.broadcast(SPECIES, b0);
        FloatVector vb1 = FloatVector.broadcast(SPECIES, b1);
        FloatVector vb2 = FloatVector.broadcast(SPECIES, b2);
        FloatVector vb3 = FloatVector.broadcast(SPECIES, b3);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector x0v = FloatVector.fromArray(SPECIES, x0, j);
            FloatVector x1v = FloatVector.fromArray(SPECIES, x1, j);
            FloatVector x2v = FloatVector.fromArray(SPECIES, x2, j);
            FloatVector x3v = FloatVector.fromArray(SPECIES, x3, j);
            FloatVector s = x0v.fma(va0, FloatVector.fromArray(SPECIES, y0, j));
            FloatVector t = x1v.mul(va1);
            s = x2v.fma(va2, s);
            t = x3v.fma(va3, t);
            s.add(t).intoArray(y0, j);
            FloatVector u = x0v.fma(vb0, FloatVector.fromArray(SPECIES, y1, j));
            FloatVector w = x1v.mul(vb1);
            u = x2v.fma(vb2, u);
            w = x3v.fma(vb3, w);
            u.add(w).intoArray(y1, j);
        }
        for (; j < d; j++) {
            y0[j] = y0[j] + (a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j]);
            y1[j] = y1[j] + (b0 * x0[j] + b1 * x1[j] + b2 * x2[j] + b3 * x3[j]);
        }
    }

    /** {@link #addTwo} on y0 (coefficients a0, a1) and on y1 (b0, b1). */
    private static void addTwoTwice(float a0, float a1, float b0, float b1, float[] x0, float[] x1, float[] y0,
            float[] y1, int d) {
        int lanes = SPECIES.length();
        FloatVector va0 = FloatVector.broadcast(SPECIES, a0);
        FloatVector va1 = FloatVector.broadcast(SPECIES, a1);
        FloatVector vb0 = FloatVector.broadcast(SPECIES, b0);
        FloatVector vb1 = FloatVector.broadcast(SPECIES, b1);
        int j = 0;
        for (int bound = SPECIES.loopBound(d); j < bound; j += lanes) {
            FloatVector x0v = FloatVector.fromArray(SPECIES, x0, j);
            FloatVector x1v = FloatVector.fromArray(SPECIES, x1, j);
            x1v.fma(va1, x0v.fma(va0, FloatVector.fromArray(SPECIES, y0, j))).intoArray(y0, j);
            x1v.fma(vb1, x0v.fma(vb0, FloatVector.fromArray(SPECIES, y1, j))).intoArray(y1, j);
        }
        for (; j < d; j++) {
            y0[j] += a0 * x0[j] + a1 * x1[j];
            y1[j] += b0 * x0[j] + b1 * x1[j];
        }
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
     * code's values bit for bit; the losses are summed in double lanes. A tail shorter than a vector
     * runs in lanes too when both arrays reach a whole vector past it (the window kernels' scratch
     * does): the lanes past the range are computed and dropped, their loss masked to zero and their
     * values stored back as they were. Otherwise the tail runs in scalar code.
     *
     * <p>One loop body, with exp, log1p and σ written out in it rather than called: C2 stops inlining
     * a method's own callees once the compilation holds 18,000 nodes (NodeCountInliningCutoff, fixed
     * in product JVMs), which this body's ~60 vector operations pass, and a vector handed to a call
     * that is not inlined is boxed: with the helpers as methods, every window of the window kernels
     * allocated 1.2–2.5 KB and ran up to 1.5 times slower (WindowKernelBenchmark with -prof gc). The Vector API's own methods are force-inlined past
     * the cutoff.
     */
    @Override
    public double logistic(float[] s, int offset, int count, float[] signs, float factor) {
        int lanes = SPECIES.length();
        int end = offset + count;
        // whole vectors, then the last partial one in lanes if both arrays reach a vector past it
        int lanesEnd = offset + count / lanes * lanes;
        if (lanesEnd < end && lanesEnd + lanes <= s.length && lanesEnd + lanes <= signs.length) {
            lanesEnd += lanes;
        }
        FloatVector scale = FloatVector.broadcast(SPECIES, factor);
        // the losses summed in double lanes (a float sum of softplus(z) ≈ z overflows at extreme scores)
        DoubleVector low = DoubleVector.zero(DOUBLES);
        DoubleVector high = DoubleVector.zero(DOUBLES);
        int j = offset;
        for (; j < lanesEnd; j += lanes) {
            VectorMask<Float> in = IOTA.compare(VectorOperators.LT, (float) (end - j)); // lanes j + i < end
            FloatVector sign = FloatVector.fromArray(SPECIES, signs, j);
            FloatVector scores = FloatVector.fromArray(SPECIES, s, j);
            FloatVector z = sign.mul(scores);
            // ez = e^(−|z|) ∈ (0, 1], FloatKernels.exp to the same bits for x = −|z| ≤ 0. Its
            // n = (int) (x/ln 2 − 1/2) truncates toward zero, which for this negative v is ⌈v⌉; a
            // float to int conversion is not a SIMD instruction for JDK 17's C2 (lane by lane, ten
            // times slower), so ⌈v⌉ is taken in float: v rounded through ROUNDER, plus 1 where that
            // fell below v; 2ⁿ's exponent bits come from n + ROUNDER's low mantissa bits. Constants
            // are vectors, not scalars: a scalar operand takes C2 through more calls.
            FloatVector x = z.abs().neg().max(EXP_MIN);
            FloatVector v = x.mul(LOG2E).sub(HALF); // in [−126.5, −0.5]
            FloatVector nearest = v.add(ROUNDER_V).sub(ROUNDER_V);
            FloatVector fn = nearest.add(ONE, nearest.compare(VectorOperators.LT, v)); // ⌈v⌉ = (int) v
            FloatVector r = x.sub(fn.mul(LN2_HIGH)).sub(fn.mul(LN2_LOW));
            FloatVector p = r.mul(EXP_P0).add(EXP_P1).mul(r).add(EXP_P2).mul(r)
                    .add(EXP_P3).mul(r).add(EXP_P4).mul(r).add(HALF_P5);
            FloatVector twoToN = fn.add(ROUNDER_V).reinterpretAsInts().sub(ROUNDER_BIAS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector ez = p.mul(r).mul(r).add(r).add(ONE).mul(twoToN);
            // softplus(z) = max(z, 0) + log1p(ez): FloatKernels.log1p, x ∈ [0, 1]; 2·u as u + u
            FloatVector u = ez.div(ez.add(TWO));
            FloatVector u2 = u.mul(u);
            FloatVector series = u2.mul(INV13).add(INV11).mul(u2).add(INV9).mul(u2).add(INV7).mul(u2)
                    .add(INV5).mul(u2).add(INV3).mul(u2).add(ONE);
            FloatVector softplus = z.max(ZERO).add(u.add(u).mul(series))
                    .blend(ZERO, in.not()); // whatever lay past the range
            low = low.add(softplus.convertShape(VectorOperators.F2D, DOUBLES, 0));
            high = high.add(softplus.convertShape(VectorOperators.F2D, DOUBLES, 1));
            // (sign·factor)·σ(z), FloatKernels.sigmoid: 1/(1 + ez) for z ≥ 0, ez/(1 + ez) below
            FloatVector numerator = ez.blend(ONE, z.compare(VectorOperators.GE, ZERO));
            FloatVector derivative = sign.mul(scale).mul(numerator.div(ez.add(ONE)));
            scores.blend(derivative, in).intoArray(s, j);
        }
        double loss = low.add(high).reduceLanes(VectorOperators.ADD);
        return j >= end ? loss : loss + FloatKernels.logistic(s, j, end - j, signs, factor);
    }

    /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer (round to nearest). */
    private static final float ROUNDER = 12582912f;
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    private static final FloatVector TWO = FloatVector.broadcast(SPECIES, 2f);
    private static final FloatVector ROUNDER_V = FloatVector.broadcast(SPECIES, ROUNDER);
    /** 0, 1, 2, ...: lane i holds i, to mask the lanes of a tail. */
    private static final FloatVector IOTA = FloatVector.broadcast(SPECIES, 0f).addIndex(1);

    private static final FloatVector EXP_MIN = FloatVector.broadcast(SPECIES, -87.33654f);
    private static final FloatVector LOG2E = FloatVector.broadcast(SPECIES, 1.44269504088896341f);
    private static final FloatVector HALF = FloatVector.broadcast(SPECIES, 0.5f);
    private static final FloatVector LN2_HIGH = FloatVector.broadcast(SPECIES, 0.693359375f);
    private static final FloatVector LN2_LOW = FloatVector.broadcast(SPECIES, -2.12194440e-4f);
    private static final FloatVector EXP_P0 = FloatVector.broadcast(SPECIES, 1.9875691500e-4f);
    private static final FloatVector EXP_P1 = FloatVector.broadcast(SPECIES, 1.3981999507e-3f);
    private static final FloatVector EXP_P2 = FloatVector.broadcast(SPECIES, 8.3334519073e-3f);
    private static final FloatVector EXP_P3 = FloatVector.broadcast(SPECIES, 4.1665795894e-2f);
    private static final FloatVector EXP_P4 = FloatVector.broadcast(SPECIES, 1.6666665459e-1f);
    private static final FloatVector HALF_P5 = FloatVector.broadcast(SPECIES, 5.0000001201e-1f);
    private static final jdk.incubator.vector.IntVector ROUNDER_BIAS = jdk.incubator.vector.IntVector.broadcast(
            jdk.incubator.vector.VectorSpecies.of(int.class, SPECIES.vectorShape()),
            Float.floatToRawIntBits(ROUNDER) - 127);

    private static final FloatVector INV13 = FloatVector.broadcast(SPECIES, 1f / 13);
    private static final FloatVector INV11 = FloatVector.broadcast(SPECIES, 1f / 11);
    private static final FloatVector INV9 = FloatVector.broadcast(SPECIES, 1f / 9);
    private static final FloatVector INV7 = FloatVector.broadcast(SPECIES, 1f / 7);
    private static final FloatVector INV5 = FloatVector.broadcast(SPECIES, 1f / 5);
    private static final FloatVector INV3 = FloatVector.broadcast(SPECIES, 1f / 3);

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
