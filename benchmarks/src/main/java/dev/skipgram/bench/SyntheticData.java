package dev.skipgram.bench;

import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.loss.NoiseDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inputs of the benchmarks, generated from a seed so that every trial of every run sees the
 * same data: word counts, embedding matrices, (centre, outside) pairs and a corpus.
 *
 * <p>Word frequencies follow Zipf's law with exponent 1 (the count of the word of rank r is
 * proportional to 1/r, the usual model of word frequencies in text). Pairs and corpus tokens are
 * drawn from it, so the rows a kernel touches are as often cached, or not, as in training on real
 * text: a uniform draw over 100,000 words would make almost every row a cache miss, a real corpus
 * does not.
 *
 * <p>Stateless; all randomness comes from the generator passed in.
 */
public final class SyntheticData {

    /** The seed every benchmark's inputs are generated from. */
    public static final long SEED = 20_261_122L;

    private static final double TOP_COUNT = 1e7;

    private SyntheticData() {}

    /**
     * Zipf counts: word r (0-based rank) occurs {@code ceil(10^7 / (r + 1))} times, so every word has a
     * count of at least 1.
     *
     * @param vocabularySize V, at least 1
     * @return V counts, decreasing
     */
    public static long[] zipfCounts(int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabularySize must be >= 1, got " + vocabularySize);
        }
        long[] counts = new long[vocabularySize];
        for (int r = 0; r < vocabularySize; r++) {
            counts[r] = (long) Math.ceil(TOP_COUNT / (r + 1));
        }
        return counts;
    }

    /**
     * The unigram distribution of {@link #zipfCounts}: P(r) ∝ 1/(r + 1), sampled exactly.
     *
     * @param vocabularySize V
     * @return the distribution (a {@link NoiseDistribution} with exponent 1)
     */
    public static NoiseDistribution unigram(int vocabularySize) {
        return new NoiseDistribution(zipfCounts(vocabularySize), 1.0);
    }

    /**
     * A c-order FLOAT matrix {@code [rows, d]} uniform in (−0.5/√d, 0.5/√d): dot products of two rows
     * are of order 0.1, as in the middle of training.
     *
     * @param rows the number of rows
     * @param dimension d
     * @param rng the source of the values
     * @return a new matrix
     */
    public static INDArray randomMatrix(int rows, int dimension, RandomGenerator rng) {
        long n = (long) rows * dimension;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a [" + rows + ", " + dimension + "] matrix has more than 2^31 - 1 values");
        }
        FloatMatrix matrix = FloatMatrix.zeros(rows, dimension); // [rows, d]
        float[] row = new float[dimension];
        double scale = 1.0 / Math.sqrt(dimension);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dimension; j++) {
                row[j] = (float) ((rng.nextDouble() - 0.5) * scale);
            }
            matrix.putRow(r, row);
        }
        return matrix.array();
    }

    /**
     * Pairs whose centre and outside words are drawn independently from the unigram distribution.
     *
     * @param count the number of pairs, a power of two
     * @param vocabularySize V
     * @param rng the source of the draws
     * @return a rotation over the pairs
     */
    public static PairRotation pairs(int count, int vocabularySize, RandomGenerator rng) {
        NoiseDistribution unigram = unigram(vocabularySize);
        int[] centers = new int[count];
        int[] outsides = new int[count];
        for (int i = 0; i < count; i++) {
            centers[i] = unigram.sample(rng);
            outsides[i] = unigram.sample(rng);
        }
        return new PairRotation(centers, outsides);
    }

    /**
     * A corpus of exactly {@code tokens} tokens drawn from the unigram distribution over the words
     * {@code w0 .. w(V−1)}, in sentences of 5 to 35 tokens (20 on average; the last one may be
     * shorter).
     *
     * @param vocabularySize V
     * @param tokens the total number of tokens, at least 1
     * @param rng the source of the draws
     * @return the sentences
     */
    public static List<List<String>> corpus(int vocabularySize, int tokens, RandomGenerator rng) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        }
        NoiseDistribution unigram = unigram(vocabularySize);
        String[] words = new String[vocabularySize];
        for (int w = 0; w < vocabularySize; w++) {
            words[w] = "w" + w;
        }
        List<List<String>> sentences = new ArrayList<>();
        int left = tokens;
        while (left > 0) {
            int length = Math.min(left, 5 + rng.nextInt(31));
            List<String> sentence = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                sentence.add(words[unigram.sample(rng)]);
            }
            sentences.add(sentence);
            left -= length;
        }
        return sentences;
    }
}
