package dev.skipgram.bench.report;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The least-squares slope of log y against log x: the exponent b of a power law y ≈ a·x^b. A cost
 * linear in V has slope 1; a cost independent of V has slope 0.
 */
final class LogLogFit {

    private LogLogFit() {}

    /**
     * Fits log y = log a + b·log x by least squares.
     *
     * @param x the abscissae, all &gt; 0, at least two distinct
     * @param y the ordinates, all &gt; 0, as many as x
     * @return b
     * @throws IllegalArgumentException if the lengths differ, a value is not positive, or the x are
     *     all equal
     */
    static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        SimpleRegression fit = new SimpleRegression(true); // with an intercept, log a
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException("log-log fit needs positive values, got x = " + x[i]
                        + ", y = " + y[i] + " at index " + i);
            }
            fit.addData(Math.log(x[i]), Math.log(y[i]));
        }
        double slope = fit.getSlope(); // NaN when the x are all equal (or fewer than two)
        if (Double.isNaN(slope)) {
            throw new IllegalArgumentException("log-log fit needs at least two distinct x, got " + x.length
                    + " equal ones");
        }
        return slope;
    }
}
