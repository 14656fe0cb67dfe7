package dev.skipgram.bench;

import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.SharedTargetsUpdate;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The window kernel of {@code WindowNegativeSamplingUpdate} with its dot products and axpys written
 * with the Java Vector API ({@code jdk.incubator.vector}, JDK 17's second incubator): a measurement
 * of what explicit SIMD would add to the plain loops, kept in the benchmarks module, which is compiled
 * and run with {@code --add-modules jdk.incubator.vector}. The library does not depend on the
 * incubator module; moving this kernel there would need a scalar fallback chosen when the module is
 * absent (see {@code WindowKernelBenchmark}).
 *
 * <pre>
 * Shapes: d = dimension, n = inputs, T = K + 1 targets
 *   C [n, d], O [T, d] gathered;  S = C Oᵀ;  G = η (ℓ − σ(S));  ΔC = G O;  ΔO = Gᵀ C;  scatter-add
 * </pre>
 * The same arithmetic as the scalar kernel, but the dots reassociate their sums across lanes, so the
 * results differ from it by float rounding. Per-thread: it owns its scratch.
 */
public final class VectorWindowNegativeSamplingUpdate implements SharedTargetsUpdate {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private final int dimension;
    private final int maxInputs;
    private final int maxTargets;
    private final float[][] c; // C [maxInputs][d]
    private final float[][] o; // O [maxTargets][d]
    private final float[][] dc; // ΔC [maxInputs][d]
    private final float[][] dO; // ΔO [maxTargets][d]
    private final float[] g; // G [maxInputs, maxTargets]
    private final float[] row;

    /**
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window, ≥ 1
     * @param maxTargets the most targets (K + 1), ≥ 1
     */
    public VectorWindowNegativeSamplingUpdate(int dimension, int maxInputs, int maxTargets) {
        if (dimension < 1 || maxInputs < 1 || maxTargets < 1) {
            throw new IllegalArgumentException("dimension, maxInputs and maxTargets must be >= 1, got "
                    + dimension + ", " + maxInputs + ", " + maxTargets);
        }
        this.dimension = dimension;
        this.maxInputs = maxInputs;
        this.maxTargets = maxTargets;
        this.c = new float[maxInputs][dimension];
        this.o = new float[maxTargets][dimension];
        this.dc = new float[maxInputs][dimension];
        this.dO = new float[maxTargets][dimension];
        this.g = new float[maxInputs * maxTargets];
        this.row = new float[dimension];
    }

    @Override
    public int maxInputs() {
        return maxInputs;
    }

    @Override
    public int maxTargets() {
        return maxTargets;
    }

    @Override
    public double apply(FloatMatrix inputVectors, FloatMatrix outputVectors, int[] inputRows, int n, int[] targets,
            int t, float learningRate) {
        if (n < 0 || n > maxInputs || t < 1 || t > maxTargets) {
            throw new IllegalArgumentException("a window of " + n + " inputs and " + t + " targets is outside [0, "
                    + maxInputs + "] x [1, " + maxTargets + "]");
        }
        int d = dimension;
        for (int i = 0; i < n; i++) {
            inputVectors.getRow(inputRows[i], c[i]);
        }
        for (int k = 0; k < t; k++) {
            outputVectors.getRow(targets[k], o[k]);
        }
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t; k++) {
                float score = dot(c[i], o[k], d);
                float z = k == 0 ? -score : score;
                float ez = FloatKernels.exp(-Math.abs(z));
                float sigmoidZ = FloatKernels.sigmoid(z, ez);
                loss += FloatKernels.softplus(z, ez);
                g[i * t + k] = k == 0 ? learningRate * sigmoidZ : -learningRate * sigmoidZ;
            }
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(dc[i], 0f);
            for (int k = 0; k < t; k++) {
                axpy(g[i * t + k], o[k], dc[i], d);
            }
        }
        for (int k = 0; k < t; k++) {
            java.util.Arrays.fill(dO[k], 0f);
            for (int i = 0; i < n; i++) {
                axpy(g[i * t + k], c[i], dO[k], d);
            }
        }
        for (int k = 0; k < t; k++) {
            outputVectors.addToRow(targets[k], dO[k], row);
        }
        for (int i = 0; i < n; i++) {
            inputVectors.addToRow(inputRows[i], dc[i], row);
        }
        return loss;
    }

    private static float dot(float[] a, float[] b, int d) {
        int lanes = SPECIES.length();
        FloatVector acc = FloatVector.zero(SPECIES);
        int j = 0;
        for (int end = SPECIES.loopBound(d); j < end; j += lanes) {
            acc = FloatVector.fromArray(SPECIES, a, j).fma(FloatVector.fromArray(SPECIES, b, j), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(float alpha, float[] x, float[] y, int d) {
        int lanes = SPECIES.length();
        FloatVector a = FloatVector.broadcast(SPECIES, alpha);
        int j = 0;
        for (int end = SPECIES.loopBound(d); j < end; j += lanes) {
            FloatVector.fromArray(SPECIES, x, j).fma(a, FloatVector.fromArray(SPECIES, y, j)).intoArray(y, j);
        }
        for (; j < d; j++) {
            y[j] += alpha * x[j];
        }
    }
}
