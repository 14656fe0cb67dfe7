package dev.skipgram.bench;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas.cblas_scopy;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.SharedTargetsUpdate;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The window kernel of {@code WindowNegativeSamplingUpdate} as three OpenBLAS {@code sgemm} calls on
 * native memory, through the bytedeco bindings ND4J already brings (not {@code Nd4j.gemm}, whose
 * per-call cost is far higher): the third candidate of issue 13's "kernels at C speed", kept in the
 * benchmarks module as a measurement.
 *
 * <pre>
 * Shapes: d = dimension, n = inputs, T = K + 1 targets
 *   gather   C [n, d], O [T, d]: cblas_scopy of each row from the parameter arrays' own native storage
 *   S = C Oᵀ [n, T]           cblas_sgemm(NoTrans, Trans)
 *   G = η (ℓ − σ(S))          in Java, S copied out and G copied back (one JNI call each)
 *   ΔC = G O [n, d]           cblas_sgemm(NoTrans, NoTrans)
 *   ΔO = Gᵀ C [T, d]          cblas_sgemm(Trans, NoTrans)
 *   scatter  cblas_saxpy of each row of ΔC and ΔO into the parameters' storage
 * </pre>
 * 3 + 2 + 2(n + T) native calls per window. Works on single-view matrices only (a FloatMatrix of
 * at most 2^29 floats), which every benchmark uses. Per-thread: it owns its native scratch. Set
 * OpenBLAS to one thread (OMP_NUM_THREADS=1) for a fair per-window figure.
 */
public final class SgemmWindowNegativeSamplingUpdate implements SharedTargetsUpdate {

    private final int dimension;
    private final int maxInputs;
    private final int maxTargets;
    private final FloatPointer c; // C [maxInputs, d]
    private final FloatPointer o; // O [maxTargets, d]
    private final FloatPointer s; // S, then G [maxInputs, maxTargets]
    private final FloatPointer dc; // ΔC [maxInputs, d]
    private final FloatPointer dO; // ΔO [maxTargets, d]
    private final float[] g;

    /**
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window, ≥ 1
     * @param maxTargets the most targets (K + 1), ≥ 1
     */
    public SgemmWindowNegativeSamplingUpdate(int dimension, int maxInputs, int maxTargets) {
        if (dimension < 1 || maxInputs < 1 || maxTargets < 1) {
            throw new IllegalArgumentException("dimension, maxInputs and maxTargets must be >= 1, got "
                    + dimension + ", " + maxInputs + ", " + maxTargets);
        }
        this.dimension = dimension;
        this.maxInputs = maxInputs;
        this.maxTargets = maxTargets;
        this.c = new FloatPointer((long) maxInputs * dimension);
        this.o = new FloatPointer((long) maxTargets * dimension);
        this.s = new FloatPointer((long) maxInputs * maxTargets);
        this.dc = new FloatPointer((long) maxInputs * dimension);
        this.dO = new FloatPointer((long) maxTargets * dimension);
        this.g = new float[maxInputs * maxTargets];
    }

    @Override
    public int maxInputs() {
        return maxInputs;
    }

    @Override
    public int maxTargets() {
        return maxTargets;
    }

    /** The matrix's native storage as a pointer (the INDArray stays referenced by {@code matrix}). */
    private static FloatPointer storage(FloatMatrix matrix) {
        return new FloatPointer(matrix.array().data().addressPointer());
    }

    @Override
    public double apply(FloatMatrix inputVectors, FloatMatrix outputVectors, int[] inputRows, int n, int[] targets,
            int t, float learningRate) {
        if (n < 0 || n > maxInputs || t < 1 || t > maxTargets) {
            throw new IllegalArgumentException("a window of " + n + " inputs and " + t + " targets is outside [0, "
                    + maxInputs + "] x [1, " + maxTargets + "]");
        }
        if (n == 0) {
            return 0.0;
        }
        int d = dimension;
        FloatPointer inputs = storage(inputVectors);
        FloatPointer outputs = storage(outputVectors);
        for (int i = 0; i < n; i++) {
            cblas_scopy(d, inputs.position((long) inputRows[i] * d), 1, c.position((long) i * d), 1);
        }
        for (int k = 0; k < t; k++) {
            cblas_scopy(d, outputs.position((long) targets[k] * d), 1, o.position((long) k * d), 1);
        }
        c.position(0);
        o.position(0);
        // S = C Oᵀ  [n, T]
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, t, d, 1f, c, d, o, d, 0f, s, t);
        s.get(g, 0, n * t);
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t; k++) {
                float score = g[i * t + k];
                float z = k == 0 ? -score : score;
                float ez = FloatKernels.exp(-Math.abs(z));
                float sigmoidZ = FloatKernels.sigmoid(z, ez);
                loss += FloatKernels.softplus(z, ez);
                g[i * t + k] = k == 0 ? learningRate * sigmoidZ : -learningRate * sigmoidZ;
            }
        }
        s.put(g, 0, n * t);
        // ΔC = G O  [n, d];  ΔO = Gᵀ C  [T, d]
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, d, t, 1f, s, t, o, d, 0f, dc, d);
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, t, d, n, 1f, s, t, c, d, 0f, dO, d);
        for (int k = 0; k < t; k++) {
            cblas_saxpy(d, 1f, dO.position((long) k * d), 1, outputs.position((long) targets[k] * d), 1);
        }
        for (int i = 0; i < n; i++) {
            cblas_saxpy(d, 1f, dc.position((long) i * d), 1, inputs.position((long) inputRows[i] * d), 1);
        }
        dO.position(0);
        dc.position(0);
        java.lang.ref.Reference.reachabilityFence(inputVectors);
        java.lang.ref.Reference.reachabilityFence(outputVectors);
        return loss;
    }
}
