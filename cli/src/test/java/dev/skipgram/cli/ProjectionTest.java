package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    /** Points on the axes, already centred: covariance diag(2, 0.5, 0), so the axes are e1 and e2. */
    private static final double[][] CROSS = {{2, 0, 0}, {-2, 0, 0}, {0, 1, 0}, {0, -1, 0}};

    @Test
    void aKnownCase() {
        Projection p = Projection.of(CROSS);
        assertArrayEquals(new double[] {2, -2, 0, 0}, p.x(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, -1}, p.y(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2}, p.explained(), 1e-12); // eigenvalues 2, 0.5 of 2.5
    }

    @Test
    void aRotatedShiftedCopyProjectsToTheSameCoordinates() {
        // Rotating and translating the points changes neither the centred geometry nor its principal
        // axes; the sign convention (the farthest point positive) fixes the reflection.
        Random rng = new Random(3);
        int d = 6;
        double[][] q = randomOrthogonal(d, rng);
        double[][] points = new double[CROSS.length][d];
        for (int i = 0; i < CROSS.length; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0; // CROSS padded with zeros to d dimensions, then rotated by q
                for (int k = 0; k < 3; k++) {
                    s += CROSS[i][k] * q[j][k];
                }
                points[i][j] = s + 10 * (j + 1);
            }
        }
        Projection p = Projection.of(points);
        assertArrayEquals(new double[] {2, -2, 0, 0}, p.x(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 1, -1}, p.y(), 1e-9);
    }

    @Test
    void agreesWithTheSingularValuesOfTheCentredMatrix() {
        // Σ x_i² over the points equals n λ_1 = σ_1² (the top singular value of the centred matrix).
        Random rng = new Random(5);
        double[][] points = new double[30][10];
        for (double[] p : points) {
            for (int j = 0; j < p.length; j++) {
                p[j] = rng.nextGaussian() * (j + 1);
            }
        }
        Projection p = Projection.of(points);
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        for (int i = 0; i < points.length; i++) {
            sx += p.x()[i] * p.x()[i];
            sy += p.y()[i] * p.y()[i];
            sxy += p.x()[i] * p.y()[i];
        }
        assertEquals(0, sxy, 1e-9 * sx, "the two coordinates are uncorrelated");
        double total = 0;
        double[] mean = new double[10];
        for (double[] row : points) {
            for (int j = 0; j < 10; j++) {
                mean[j] += row[j] / points.length;
            }
        }
        for (double[] row : points) {
            for (int j = 0; j < 10; j++) {
                total += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        assertEquals(sx / total, p.explained()[0], 1e-12);
        assertEquals(sy / total, p.explained()[1], 1e-12);
        // power iteration on the covariance gives the same top variance
        double[] v = new double[10];
        java.util.Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 2000; it++) {
            double[] w = new double[10];
            for (double[] row : points) {
                double dot = 0;
                for (int j = 0; j < 10; j++) {
                    dot += (row[j] - mean[j]) * v[j];
                }
                for (int j = 0; j < 10; j++) {
                    w[j] += dot * (row[j] - mean[j]);
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
            lambda = norm;
            for (int j = 0; j < 10; j++) {
                v[j] = w[j] / norm;
            }
        }
        assertEquals(lambda, sx, 1e-8 * lambda);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Projection.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Projection.of(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Projection.of(new double[][] {{1, Double.NaN}, {3, 4}}));
    }

    /** A random orthogonal d × d matrix, by Gram-Schmidt on Gaussian columns. */
    static double[][] randomOrthogonal(int d, Random rng) {
        double[][] q = new double[d][d];
        for (int c = 0; c < d; c++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = rng.nextGaussian();
            }
            for (int prev = 0; prev < c; prev++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[i][prev];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[i][prev];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[i][c] = v[i] / norm;
            }
        }
        return q;
    }
}
