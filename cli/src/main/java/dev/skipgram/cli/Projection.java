package dev.skipgram.cli;

import java.util.Arrays;

/**
 * Two-dimensional coordinates of n points given in d dimensions: the rows of the centred matrix
 * X − mean(X) projected on its top two right singular vectors (SPEC §6, the CS224n picture). These
 * are the top two eigenvectors of the d × d covariance XᵀX / n, found here by the cyclic Jacobi
 * eigenvalue method in double precision (d is at most a few hundred, so this takes milliseconds).
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
        double[][] covariance = new double[d][d];
        for (double[] row : centred) {
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    covariance[a][b] += row[a] * row[b] / n;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                covariance[a][b] = covariance[b][a];
            }
        }
        Eigen eigen = Eigen.symmetric(covariance);
        double trace = Arrays.stream(eigen.values()).sum();
        double[] x = new double[n];
        double[] y = new double[n];
        double[][] axes = {eigen.vector(0), d > 1 ? eigen.vector(1) : new double[d]};
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
        for (int k = 0; k < Math.min(2, d); k++) {
            explained[k] = trace > 0 ? Math.max(0, eigen.values()[k]) / trace : 0;
        }
        return new Projection(x, y, explained);
    }

    /**
     * The eigen-decomposition of a symmetric matrix: eigenvalues in decreasing order and the
     * eigenvectors as the columns of {@code vectors}.
     */
    record Eigen(double[] values, double[][] vectors) {

        /** The eigenvector of the k-th largest eigenvalue, a new unit vector. */
        double[] vector(int k) {
            double[] v = new double[vectors.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = vectors[i][k];
            }
            return v;
        }

        /** Cyclic Jacobi rotations until the off-diagonal part is negligible. */
        static Eigen symmetric(double[][] matrix) {
            int d = matrix.length;
            double[][] a = new double[d][];
            for (int i = 0; i < d; i++) {
                a[i] = matrix[i].clone();
            }
            double[][] v = new double[d][d];
            for (int i = 0; i < d; i++) {
                v[i][i] = 1;
            }
            double norm = 0;
            for (double[] row : a) {
                for (double x : row) {
                    norm += x * x;
                }
            }
            for (int sweep = 0; sweep < 100; sweep++) {
                double off = 0;
                for (int p = 0; p < d; p++) {
                    for (int q = p + 1; q < d; q++) {
                        off += a[p][q] * a[p][q];
                    }
                }
                if (off <= 1e-30 * norm || off == 0) {
                    break;
                }
                for (int p = 0; p < d; p++) {
                    for (int q = p + 1; q < d; q++) {
                        if (a[p][q] != 0) {
                            rotate(a, v, p, q);
                        }
                    }
                }
            }
            Integer[] order = new Integer[d];
            for (int i = 0; i < d; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
            double[] values = new double[d];
            double[][] vectors = new double[d][d];
            for (int k = 0; k < d; k++) {
                values[k] = a[order[k]][order[k]];
                for (int i = 0; i < d; i++) {
                    vectors[i][k] = v[i][order[k]];
                }
            }
            return new Eigen(values, vectors);
        }

        /** One Jacobi rotation zeroing a[p][q] (Golub and Van Loan, Algorithm 8.5.1), applied to v too. */
        private static void rotate(double[][] a, double[][] v, int p, int q) {
            double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
            double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
            if (theta == 0) {
                t = 1;
            }
            double c = 1 / Math.sqrt(t * t + 1);
            double s = t * c;
            int d = a.length;
            for (int k = 0; k < d; k++) {
                double akp = a[k][p];
                double akq = a[k][q];
                a[k][p] = c * akp - s * akq;
                a[k][q] = s * akp + c * akq;
            }
            for (int k = 0; k < d; k++) {
                double apk = a[p][k];
                double aqk = a[q][k];
                a[p][k] = c * apk - s * aqk;
                a[q][k] = s * apk + c * aqk;
            }
            for (int k = 0; k < d; k++) {
                double vkp = v[k][p];
                double vkq = v[k][q];
                v[k][p] = c * vkp - s * vkq;
                v[k][q] = s * vkp + c * vkq;
            }
        }
    }
}
