package dev.skipgram.internal.kernels;

/**
 * Numerically stable scalar functions used by the losses: they never overflow, and they return
 * finite, correctly rounded answers for arguments of any magnitude (±1000 and far beyond).
 *
 * <p>Stateless and thread-safe. NaN in gives NaN out.
 */
public final class LogisticMath {

    private LogisticMath() {}

    /**
     * The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), evaluated so that e^(|x|) is never formed.
     *
     * @param x any finite or infinite value
     * @return σ(x) in [0, 1]
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * softplus(x) = log(1 + e^x), evaluated as max(x, 0) + log1p(e^(−|x|)).
     *
     * @param x any value
     * @return softplus(x) ≥ 0; equal to x (to rounding) for large positive x
     */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * log σ(x) = −softplus(−x).
     *
     * @param x any value
     * @return log σ(x) ≤ 0; about x for large negative x, never −∞ for finite x
     */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }
}
