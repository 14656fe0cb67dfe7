package dev.skipgram.cli;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Two-dimensional coordinates of n points given in d dimensions: the rows of the centred matrix
 * X − mean(X) projected on its top two right singular vectors (SPEC §6, the CS224n picture), from
 * commons-math3's singular value decomposition in double precision (n words × d dimensions, a few
 * dozen by a few hundred: milliseconds). The explained fractions are σ_k² / Σ σ², the share of the
 * total variance along each axis.
 *
 * <p>Each axis' sign is fixed so that the point farthest along it has a positive coordinate, which
 * makes pictures reproducible.
 *
 * @param x the first coordinate of each point
 * @param y the second coordinate of each point
 * @param explained the fraction of the total variance along each of the two axes
 */
record Projection(double[] x, double[] y, double[] explained) {

    /**
     * Projects the rows of {@code points} ({@code [n][d]}, n ≥ 1, all of length d ≥ 1).
     *
     * @throws IllegalArgumentException if the rows are missing, ragged or not finite
     */
    static Projection of(double[][] points) {
        int n = points.length;
        if (n == 0) {
            throw new IllegalArgumentException("nothing to project: no points");
        }
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] p : points) {
            if (p.length != d) {
                throw new IllegalArgumentException("every point must have " + d + " values, got " + p.length);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(p[j])) {
                    throw new IllegalArgumentException("point values must be finite, got " + p[j]);
                }
                mean[j] += p[j] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = points[i][j] - mean[j];
            }
        }
        // The right singular vectors of the centred matrix, from its SVD rather than from the covariance
        // XᵀX / n: the same axes without squaring the condition number.
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
        double[] singular = svd.getSingularValues(); // decreasing, min(n, d) of them
        RealMatrix v = svd.getV(); // [d, min(n, d)]
        double total = 0;
        for (double sv : singular) {
            total += sv * sv;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[][] axes = {v.getColumn(0), singular.length > 1 ? v.getColumn(1) : new double[d]};
        double[][] coordinates = {x, y};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += centred[i][j] * axes[k][j];
                }
                coordinates[k][i] = s;
            }
            int farthest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(coordinates[k][i]) > Math.abs(coordinates[k][farthest])) {
                    farthest = i;
                }
            }
            if (coordinates[k][farthest] < 0) {
                for (int i = 0; i < n; i++) {
                    coordinates[k][i] = -coordinates[k][i];
                }
            }
        }
        double[] explained = new double[2];
        for (int k = 0; k < Math.min(2, singular.length); k++) {
            explained[k] = total > 0 ? singular[k] * singular[k] / total : 0;
        }
        return new Projection(x, y, explained);
    }
}
