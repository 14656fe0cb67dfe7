package dev.skipgram.check;

import dev.skipgram.optim.Objective;
import dev.skipgram.optim.ValueAndGradient;
import dev.skipgram.random.RestorableRandom;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks an analytic gradient against centred finite differences, element by element.
 *
 * <p>For every element x_i in row-major order: numeric_i = (f(x + h e_i) − f(x − h e_i)) / 2h, and the
 * relative error is |numeric_i − analytic_i| / max(1, |numeric_i|, |analytic_i|). The check stops at
 * the first element whose error exceeds the tolerance (or is NaN) and reports it; if none does, it
 * passes and reports the element with the largest error.
 *
 * <p>Every evaluation of f receives a new generator seeded with {@link Options#seed()}, so an
 * objective that samples (negative sampling, mini-batches) sees the same samples each time. Only
 * DOUBLE parameters are accepted: float32 rounding alone exceeds the default tolerance. The caller's
 * {@code x} is never modified (the check perturbs a copy).
 *
 * <p>Cost: 2·n + 1 evaluations of f for n elements.
 *
 * <p>Stateless and thread-safe: concurrent checks share nothing but what the caller gives them, so
 * they are safe if the objective is. Arguments must not be null; no method returns null.
 */
public final class GradientCheck {

    private GradientCheck() {}

    /**
     * How to check. Immutable and thread-safe.
     *
     * @param step h, the finite-difference step, finite and &gt; 0
     * @param tolerance the largest relative error that passes, finite and &gt; 0
     * @param seed the seed of the generator given to every evaluation
     */
    public record Options(double step, double tolerance, long seed) {

        /**
         * Validates both numbers.
         *
         * @param step h, finite and &gt; 0
         * @param tolerance finite and &gt; 0
         * @param seed any value
         * @throws IllegalArgumentException if {@code step} or {@code tolerance} is not finite and
         *     positive
         */
        public Options {
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("step must be finite and > 0, got " + step);
            }
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
            }
        }

        /**
         * The options of the CS224n assignment's check (SPEC §5).
         *
         * @return h = 1e-4, tolerance 1e-5, seed 271828
         */
        public static Options defaults() {
            return new Options(1e-4, 1e-5, 271_828L);
        }
    }

    /**
     * The outcome of a check. Immutable and thread-safe.
     *
     * @param passed whether every element's relative error is within the tolerance
     * @param maxRelativeError the largest relative error seen (over the elements checked, which is all
     *     of them when the check passes), ≥ 0; NaN if the failing element's error is NaN
     * @param worstIndex the row-major index of the element with that error: the first failing element
     *     when the check fails; -1 if x is empty
     * @param numeric the finite-difference derivative at {@code worstIndex}; NaN if x is empty
     * @param analytic the analytic derivative at {@code worstIndex}; NaN if x is empty
     * @param elementsChecked how many elements were checked before stopping
     */
    public record Report(boolean passed, double maxRelativeError, long worstIndex, double numeric,
            double analytic, long elementsChecked) {

        @Override
        public String toString() {
            return (passed ? "gradient check passed" : "gradient check FAILED") + ": max relative error "
                    + maxRelativeError + " at element " + worstIndex + " (numeric " + numeric + ", analytic "
                    + analytic + "), " + elementsChecked + " elements checked";
        }
    }

    /**
     * Checks the gradient of {@code f} at {@code x}.
     *
     * @param f the objective; evaluated 2·n + 1 times for n elements, each time with a new generator
     * @param x the point, DOUBLE, any shape; not modified
     * @param options step, tolerance and seed ({@link Options#defaults()} for the usual ones)
     * @return the report: passed, or the first failing element
     * @throws IllegalArgumentException if x is not DOUBLE, or the gradient's shape differs from x's
     */
    public static Report check(Objective f, INDArray x, Options options) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(options, "options");
        if (x.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checking needs DOUBLE parameters (float32 rounding"
                    + " alone exceeds a tolerance of " + options.tolerance() + "); x is " + x.dataType());
        }
        INDArray work = x.dup('c');
        ValueAndGradient base = f.evaluate(work, RestorableRandom.seeded(options.seed()));
        if (!Arrays.equals(base.gradient().shape(), x.shape())) {
            throw new IllegalArgumentException("the gradient has shape " + Arrays.toString(base.gradient().shape())
                    + " but x has shape " + Arrays.toString(x.shape()));
        }
        // The objective may reuse its gradient buffer: keep our own copy, in row-major order.
        INDArray analytic = base.gradient().castTo(DataType.DOUBLE).dup('c');
        double h = options.step();
        double maxError = 0.0;
        long worst = -1;
        double worstNumeric = Double.NaN;
        double worstAnalytic = Double.NaN;
        long n = work.length();
        for (long i = 0; i < n; i++) {
            double original = work.data().getDouble(i);
            work.data().put(i, original + h);
            double plus = f.evaluate(work, RestorableRandom.seeded(options.seed())).value();
            work.data().put(i, original - h);
            double minus = f.evaluate(work, RestorableRandom.seeded(options.seed())).value();
            work.data().put(i, original);
            double numeric = (plus - minus) / (2 * h);
            double exact = analytic.data().getDouble(i);
            double error = Math.abs(numeric - exact) / Math.max(1.0, Math.max(Math.abs(numeric), Math.abs(exact)));
            boolean failed = !(error <= options.tolerance());
            if (failed || error > maxError || worst < 0) {
                maxError = failed && Double.isNaN(error) ? Double.NaN : Math.max(maxError, error);
                worst = i;
                worstNumeric = numeric;
                worstAnalytic = exact;
            }
            if (failed) {
                return new Report(false, maxError, i, numeric, exact, i + 1);
            }
        }
        return new Report(true, maxError, worst, worstNumeric, worstAnalytic, n);
    }
}
