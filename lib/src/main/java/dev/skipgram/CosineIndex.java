package dev.skipgram;

import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The search side of {@link WordVectors}: the [V, d] centre vectors, their norms (computed once, at
 * the first scan, by whichever thread gets there first), and the scan that picks each query's best
 * words by cosine with BLAS products over tiles of queries × words, so that memory stays bounded
 * and a large matrix is read once per block of queries, not once per query.
 *
 * <pre>
 * Shapes: V = words, d = dimension, k = queries of a tile, span = words of a tile
 *   vectors [V, d]   dots = queries [k, d] · vectors[start, start + span)ᵀ  [k, span]
 *   score(q, w) = dots[q, w] / ‖v_w‖   (the cosine times ‖q‖: the ranking of the cosine)
 * </pre>
 * Thread-safe: the norms are published through a volatile field; a scan allocates its own buffers.
 */
final class CosineIndex {

    private final INDArray vectors; // [V, d] FLOAT, c order
    private final FloatMatrix rows; // vectors' storage, row by row
    private final int size;
    private final int dimension;
    private final Object normsLock = new Object();
    private volatile double[] norms; // ‖v_w‖ for every word, in double; null until a scan needs them
    private int normComputations; // guarded by normsLock; read by the tests, which check it stays at 1

    CosineIndex(INDArray vectors, FloatMatrix rows) {
        this.vectors = vectors;
        this.rows = rows;
        this.size = rows.rows();
        this.dimension = rows.columns();
    }

    /**
     * The n words most cosine-similar to each q[i], skipping {@code excluded[i]} (sorted) and zero
     * vectors, best first by the float scan: the matrix is read in spans of rows, [k, span] scores at
     * a time (at most {@code blockValues}), each span's scores offered to every query's bounded heap,
     * which ranks by dots / norms (the float product's cosine times ‖q‖).
     *
     * @return for each query, the chosen words' indices, best first
     */
    int[][] nearest(double[][] q, int n, int[][] excluded, int blockValues) {
        int k = q.length;
        double[] norms = norms();
        int span = Math.max(1, Math.min(size, blockValues / k));
        TopN[] top = new TopN[k];
        for (int i = 0; i < k; i++) {
            top[i] = new TopN(Math.min(n, size));
        }
        for (int start = 0; start < size; start += span) {
            int count = Math.min(span, size - start);
            float[] dots = dots(q, start, count); // [k, count]
            for (int i = 0; i < k; i++) {
                offer(dots, i * count, start, count, norms, excluded[i], top[i]);
            }
        }
        int[][] chosen = new int[k][];
        for (int i = 0; i < k; i++) {
            chosen[i] = top[i].indicesBestFirst();
        }
        return chosen;
    }

    /** Offers the words {@code first + j}, whose v_w · q are {@code dots[offset + j]}, j < count, to {@code top}. */
    private static void offer(float[] dots, int offset, int first, int count, double[] norms, int[] excluded,
            TopN top) {
        double threshold = top.threshold();
        for (int j = 0; j < count; j++) {
            int w = first + j;
            double s = dots[offset + j] / norms[w];
            // one comparison for most words; a zero vector's NaN or ±∞ never enters; the exclusion
            // test only for the few words good enough to enter the heap
            if (s >= threshold && norms[w] != 0 && top.admits(s, w) && Arrays.binarySearch(excluded, w) < 0) {
                top.offer(s, w);
                threshold = top.threshold();
            }
        }
    }

    /** {@code vectors · q} for each row q of {@code queries}, over every word: [k, V] flat. */
    float[] dots(double[][] queries) {
        return dots(queries, 0, size);
    }

    /**
     * {@code v_w · q} for each row q of {@code queries} and the words w in [start, start + rows): one
     * BLAS product, [rows, d] × [d] for one query (gemv) and [k, d] × [d, rows] for several (gemm),
     * into a new array returned flat (query t at [t·rows, (t + 1)·rows)). The queries go in as
     * float, as gensim's do.
     */
    float[] dots(double[][] queries, int start, int rows) {
        int d = dimension;
        int k = queries.length;
        float[] q = new float[k * d];
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < d; j++) {
                q[t * d + j] = (float) queries[t][j];
            }
        }
        INDArray words = start == 0 && rows == size ? vectors
                : vectors.get(NDArrayIndex.interval(start, start + rows), NDArrayIndex.all()); // a view
        INDArray query = Nd4j.create(q, k == 1 ? new long[] {d} : new long[] {k, d}, 'c');
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, k == 1 ? new long[] {rows} : new long[] {k, rows}, 'c');
        try {
            if (k == 1) {
                // one query: a matrix-vector product (BLAS gemv), several times faster than a gemm with one row
                Nd4j.getBlasWrapper().level2().gemv('c', 'N', 1.0, words, query, 0.0, out);
            } else {
                Nd4j.gemm(query, words, out, false, true, 1.0, 0.0);
            }
            // one bulk copy (DataBuffer.asFloat copies value by value)
            float[] scores = new float[k * rows];
            FloatMatrix.flat(out).get(0, scores, scores.length);
            return scores;
        } finally {
            // freed now, not when a collection finds them: with a small heap, collections are rare and
            // the [rows] scores of every query would pile up off the heap (5.3 GB after 200 queries
            // on 3,000,000 words, where the matrix is 3.6 GB)
            release(query);
            release(out);
        }
    }

    private static void release(INDArray a) {
        if (a.closeable()) {
            a.close();
        }
    }

    /**
     * ‖v_w‖ for every word, computed in double once, by the first thread that needs them, and shared
     * from then on (safely published through the volatile field).
     */
    double[] norms() {
        double[] n = norms;
        if (n == null) {
            synchronized (normsLock) {
                n = norms;
                if (n == null) {
                    n = new double[size];
                    float[] v = new float[dimension];
                    for (int w = 0; w < n.length; w++) {
                        rows.getRow(w, v);
                        n[w] = norm(v);
                    }
                    normComputations++;
                    norms = n;
                }
            }
        }
        return n;
    }

    /** How many times the norms were computed: 0 before the first scan, 1 after (for the tests). */
    int normComputations() {
        synchronized (normsLock) {
            return normComputations;
        }
    }

    double norm(int w) {
        double[] n = norms;
        return n != null ? n[w] : norm(row(w));
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double norm(float[] x) {
        double s = 0;
        for (float f : x) {
            s += (double) f * f;
        }
        return Math.sqrt(s);
    }

    double[] unit(int w) {
        double[] r = row(w);
        double n = norm(w);
        for (int j = 0; j < r.length; j++) {
            r[j] /= n;
        }
        return r;
    }

    double[] row(int w) {
        int d = dimension;
        float[] v = new float[d];
        rows.getRow(w, v);
        double[] r = new double[d];
        for (int j = 0; j < d; j++) {
            r[j] = v[j];
        }
        return r;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }
}
