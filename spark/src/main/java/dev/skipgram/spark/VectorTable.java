package dev.skipgram.spark;

import dev.skipgram.WordVectors;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/**
 * The centre vectors as plain Java, for executors: a word's row in a {@code [V, d]} float array.
 * Immutable once built; broadcast by {@link SkipGramModel#transform}.
 */
final class VectorTable implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> rows;
    private final float[] values; // [V, d], row-major
    private final int dimension;

    VectorTable(WordVectors vectors) {
        long size = (long) vectors.vocabulary().size() * vectors.dimension();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("V·d = " + size + " floats do not fit in one Java array (at most "
                    + (Integer.MAX_VALUE - 8) + ")");
        }
        this.dimension = vectors.dimension();
        this.values = vectors.centerVectors().data().asFloat(); // a copy, FLOAT c order
        this.rows = new HashMap<>();
        for (int w = 0; w < vectors.vocabulary().size(); w++) {
            rows.put(vectors.vocabulary().word(w), w);
        }
    }

    /**
     * The mean of the vectors of the known words, in double: unknown words (and nulls) are left out
     * of the sum and of the count, and no known word gives the zero vector.
     */
    Vector mean(Iterable<String> words) {
        double[] sum = new double[dimension];
        int known = 0;
        if (words != null) {
            for (String word : words) {
                Integer row = word == null ? null : rows.get(word);
                if (row != null) {
                    int offset = row * dimension;
                    for (int j = 0; j < dimension; j++) {
                        sum[j] += values[offset + j];
                    }
                    known++;
                }
            }
        }
        if (known > 1) {
            for (int j = 0; j < dimension; j++) {
                sum[j] /= known;
            }
        }
        return Vectors.dense(sum);
    }
}
