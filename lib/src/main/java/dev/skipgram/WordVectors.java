package dev.skipgram;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trained word vectors: the vocabulary, one centre vector per word (the embedding) and the outside
 * vectors the model was trained with, with cosine-similarity queries.
 *
 * <p>Immutable and thread-safe: the matrices are private copies, every accessor returns a copy, and
 * queries share no scratch state, so any number of threads may query one instance at once.
 *
 * <p>Every value is finite (the constructors refuse NaN and infinities). A query involving a zero
 * vector, whose cosine is undefined, is an {@link IllegalArgumentException}, never a NaN.
 *
 * <p>Arguments must not be null ({@link NullPointerException}); no method returns null, and
 * {@link #outsideVectors()} is empty for vectors read from a file.
 */
public final class WordVectors {

    /**
     * A word and its cosine similarity to a query. Immutable and thread-safe; the word is never null in
     * the neighbours a {@link WordVectors} query returns.
     *
     * @param word the word
     * @param similarity cosine similarity in [−1, 1]
     */
    public record Neighbor(String word, double similarity) {}

    private final Vocabulary vocabulary;
    private final INDArray centerVectors; // [V, d] FLOAT, c order
    private final INDArray outsideVectors; // [V, d] FLOAT, c order, or null (vectors loaded from a file)
    private final FloatMatrix centers; // centerVectors' storage, row by row
    private final double[] norms; // ‖v_w‖ for every word

    static {
        // the library's own readers and trainers hand over arrays nobody else holds, without a copy
        dev.skipgram.internal.FreshVectors.register(WordVectors::adopt);
    }

    /**
     * Creates word vectors from a vocabulary and its two embedding matrices, copied once (into FLOAT,
     * c order).
     *
     * @param vocabulary the words, V of them
     * @param centerVectors {@code [V, d]}, the word embeddings
     * @param outsideVectors {@code [V, d]}, the context embeddings
     * @throws IllegalArgumentException if a shape does not match the vocabulary, or a value is NaN or
     *     infinite
     */
    public WordVectors(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors) {
        this(vocabulary, ownCopy(vocabulary, centerVectors, Objects.requireNonNull(outsideVectors, "outsideVectors")));
    }

    /**
     * Creates word vectors without outside vectors, as loaded from a word2vec file.
     *
     * @param vocabulary the words, V of them
     * @param centerVectors {@code [V, d]}, the word embeddings (copied once, into FLOAT, c order)
     * @throws IllegalArgumentException if the shape does not match the vocabulary, or a value is NaN
     *     or infinite
     */
    public WordVectors(Vocabulary vocabulary, INDArray centerVectors) {
        this(vocabulary, ownCopy(vocabulary, centerVectors, null));
    }

    /** Matrices this instance owns: FLOAT, c order, not views, held by nobody else. */
    private record Owned(INDArray centerVectors, INDArray outsideVectors, int maxViewFloats) {}

    /** Checks the shapes, then copies each matrix once. */
    private static Owned ownCopy(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors) {
        requireShapes(vocabulary, centerVectors, outsideVectors);
        return new Owned(floatCopy(centerVectors), outsideVectors == null ? null : floatCopy(outsideVectors),
                FloatMatrix.MAX_VIEW_FLOATS);
    }

    /** Word vectors that take {@code centerVectors} and {@code outsideVectors} as they are: see FreshVectors. */
    private static WordVectors adopt(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors,
            int maxViewFloats) {
        requireShapes(vocabulary, centerVectors, outsideVectors);
        for (INDArray a : new INDArray[] {centerVectors, outsideVectors}) {
            if (a != null && (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.isView())) {
                throw new IllegalArgumentException("only a FLOAT, c-order array that is not a view can be handed"
                        + " over; got " + a.dataType() + ", order " + a.ordering() + (a.isView() ? ", a view" : ""));
            }
        }
        return new WordVectors(vocabulary, new Owned(centerVectors, outsideVectors, maxViewFloats));
    }

    private static void requireShapes(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        requireShape("centerVectors", centerVectors, vocabulary.size());
        if (outsideVectors != null) {
            requireShape("outsideVectors", outsideVectors, vocabulary.size());
            if (centerVectors.columns() != outsideVectors.columns()) {
                throw new IllegalArgumentException("centre vectors have " + centerVectors.columns()
                        + " dimensions but outside vectors " + outsideVectors.columns());
            }
        }
    }

    /**
     * A FLOAT, c-order copy made in one pass: a cast to FLOAT is already a new array (it used to be
     * copied a second time), and a FLOAT array is duplicated.
     */
    private static INDArray floatCopy(INDArray a) {
        INDArray cast = a.castTo(DataType.FLOAT);
        boolean shared = cast == a || cast.data() == a.data() || cast.isView();
        return shared || cast.ordering() != 'c' ? cast.dup('c') : cast;
    }

    private WordVectors(Vocabulary vocabulary, Owned matrices) {
        this.vocabulary = vocabulary;
        this.centerVectors = matrices.centerVectors();
        this.outsideVectors = matrices.outsideVectors();
        int d = dimension();
        this.centers = FloatMatrix.wrap(this.centerVectors, matrices.maxViewFloats());
        float[] v = new float[d];
        norms = new double[vocabulary.size()];
        for (int w = 0; w < norms.length; w++) {
            centers.getRow(w, v);
            double s = 0;
            for (int j = 0; j < d; j++) {
                double x = v[j];
                if (!Double.isFinite(x)) {
                    throw notFinite("centerVectors", w, j, x);
                }
                s += x * x;
            }
            norms[w] = Math.sqrt(s);
        }
        if (this.outsideVectors != null) {
            FloatMatrix outsides = FloatMatrix.wrap(this.outsideVectors, matrices.maxViewFloats());
            long i = outsides.firstNonFinite();
            if (i >= 0) {
                throw notFinite("outsideVectors", (int) (i / d), (int) (i % d), outsides.get(i));
            }
        }
    }

    private IllegalArgumentException notFinite(String matrix, int w, int j, double x) {
        return new IllegalArgumentException(matrix + " row " + w + " ('" + vocabulary.word(w) + "') has value " + x
                + " at column " + j + ": word vectors must be finite");
    }

    private static void requireShape(String name, INDArray a, int rows) {
        if (a.rank() != 2 || a.rows() != rows) {
            throw new IllegalArgumentException(name + " must have shape [" + rows + ", d], got "
                    + Arrays.toString(a.shape()));
        }
    }

    /**
     * The vocabulary: the words, in row order, with their counts.
     *
     * @return the vocabulary (immutable)
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The number of dimensions of every vector.
     *
     * @return d, ≥ 1
     */
    public int dimension() {
        return (int) centerVectors.columns();
    }

    /**
     * All centre vectors (the embeddings), row w being the vector of {@code vocabulary().word(w)}.
     *
     * @return a new {@code [V, d]} FLOAT array; changing it does not change these vectors
     */
    public INDArray centerVectors() {
        return centerVectors.dup();
    }

    /**
     * All outside (context) vectors, if these vectors were trained here.
     *
     * @return a new {@code [V, d]} FLOAT array (changing it does not change these vectors);
     *     empty for vectors made without them, such as those read from a word2vec file
     */
    public Optional<INDArray> outsideVectors() {
        return Optional.ofNullable(outsideVectors).map(INDArray::dup);
    }

    /**
     * The embedding of {@code word}: its centre vector.
     *
     * @param word a word of the vocabulary (case-sensitive)
     * @return a new {@code [d]} FLOAT array, owned by the caller
     * @throws IllegalArgumentException if the word is not in the vocabulary
     */
    public INDArray vector(String word) {
        return centerVectors.getRow(indexOf(word)).dup();
    }

    /**
     * The cosine similarity of two words' vectors.
     *
     * @param a a word of the vocabulary
     * @param b a word of the vocabulary (may equal {@code a})
     * @return the cosine in [−1, 1]
     * @throws IllegalArgumentException if a word is not in the vocabulary, or its vector is zero (cosine
     *     undefined)
     */
    public double similarity(String a, String b) {
        int i = nonZero(indexOf(a));
        int j = nonZero(indexOf(b));
        return clamp(dot(i, j) / (norms[i] * norms[j]));
    }

    /** Rounding can put a cosine a hair outside [−1, 1]; the documented range is kept. */
    private static double clamp(double cosine) {
        return Math.max(-1.0, Math.min(1.0, cosine));
    }

    /**
     * The {@code n} words most similar to {@code word} by cosine, most similar first, the word itself
     * excluded. Words with a zero vector are skipped.
     *
     * @param word a word of the vocabulary
     * @param n how many neighbours, in [1, V]
     * @return at most {@code n} neighbours (fewer only if fewer other words have a non-zero vector),
     *     a new list the caller may modify
     * @throws IllegalArgumentException if the word is unknown or has a zero vector, or {@code n} is
     *     not in [1, V]
     */
    public List<Neighbor> mostSimilar(String word, int n) {
        int q = nonZero(indexOf(word));
        return nearest(row(q), n, q);
    }

    /**
     * The {@code n} words whose vectors are most similar to {@code vector} by cosine, most similar
     * first. Words with a zero vector are skipped.
     *
     * @param vector a {@code [d]} vector (any floating type), not zero; not modified
     * @param n how many neighbours, in [1, V]
     * @return at most {@code n} neighbours, a new list the caller may modify
     * @throws IllegalArgumentException if the vector has the wrong length, is zero or not finite, or
     *     {@code n} is not in [1, V]
     */
    public List<Neighbor> mostSimilar(INDArray vector, int n) {
        if (vector.length() != dimension()) {
            throw new IllegalArgumentException("the query vector has " + vector.length() + " values; these vectors have "
                    + dimension() + " dimensions");
        }
        double[] q = vector.castTo(DataType.DOUBLE).data().asDouble();
        return nearest(q, n);
    }

    /**
     * Answers a : b :: c : ? by 3CosAdd (Mikolov et al.): the {@code n} words closest by cosine to
     * unit(b) − unit(a) + unit(c), other than a, b and c.
     *
     * @param a the first word of the known pair
     * @param b the second word of the known pair
     * @param c the first word of the asked pair (words may repeat)
     * @param n how many candidates, in [1, V]
     * @return at most {@code n} candidates, best first, a new list the caller may modify
     * @throws IllegalArgumentException if a word is unknown or has a zero vector, or {@code n} is not
     *     in [1, V]
     */
    public List<Neighbor> analogy(String a, String b, String c, int n) {
        int ia = nonZero(indexOf(a));
        int ib = nonZero(indexOf(b));
        int ic = nonZero(indexOf(c));
        double[] q = new double[dimension()];
        double[] ra = row(ia);
        double[] rb = row(ib);
        double[] rc = row(ic);
        for (int j = 0; j < q.length; j++) {
            q[j] = rb[j] / norms[ib] - ra[j] / norms[ia] + rc[j] / norms[ic];
        }
        return nearest(q, n, ia, ib, ic); // a repeat (a : a :: c) is fine
    }

    /** The n words most cosine-similar to q, skipping {@code excluded} (repeats allowed) and zero vectors. */
    private List<Neighbor> nearest(double[] q, int n, int... excluded) {
        if (n < 1 || n > norms.length) {
            throw new IllegalArgumentException("n must be in [1, " + norms.length + "] (the vocabulary size), got " + n);
        }
        double qNorm = 0;
        for (double x : q) {
            qNorm += x * x;
        }
        qNorm = Math.sqrt(qNorm);
        if (qNorm == 0 || !Double.isFinite(qNorm)) {
            throw new IllegalArgumentException("the query vector is " + (qNorm == 0 ? "zero" : "not finite")
                    + ": its cosine similarity is undefined");
        }
        int d = dimension();
        float[] v = new float[d];
        PriorityQueue<Neighbor> best = new PriorityQueue<>(
                (x, y) -> Double.compare(x.similarity(), y.similarity()));
        for (int w = 0; w < norms.length; w++) {
            if (norms[w] == 0 || contains(excluded, w)) {
                continue;
            }
            centers.getRow(w, v);
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += q[j] * v[j];
            }
            double s = clamp(dot / (qNorm * norms[w]));
            if (best.size() < n) {
                best.add(new Neighbor(vocabulary.word(w), s));
            } else if (s > best.peek().similarity()) {
                best.poll();
                best.add(new Neighbor(vocabulary.word(w), s));
            }
        }
        List<Neighbor> result = new ArrayList<>(best);
        result.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        return result;
    }

    private static boolean contains(int[] a, int x) {
        for (int y : a) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    private double[] row(int w) {
        int d = dimension();
        float[] v = new float[d];
        centers.getRow(w, v);
        double[] r = new double[d];
        for (int j = 0; j < d; j++) {
            r[j] = v[j];
        }
        return r;
    }

    private double dot(int a, int b) {
        int d = dimension();
        float[] x = new float[d];
        float[] y = new float[d];
        centers.getRow(a, x);
        centers.getRow(b, y);
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += (double) x[j] * y[j];
        }
        return s;
    }

    private int indexOf(String word) {
        Objects.requireNonNull(word, "word");
        return vocabulary.find(word).orElseThrow(() -> new IllegalArgumentException(
                "'" + word + "' is not in the vocabulary (" + vocabulary.size() + " words)"));
    }

    private int nonZero(int w) {
        if (norms[w] == 0) {
            throw new IllegalArgumentException("the vector of '" + vocabulary.word(w)
                    + "' is zero: its cosine similarity is undefined");
        }
        return w;
    }

    @Override
    public String toString() {
        return "WordVectors[" + vocabulary.size() + " words, d=" + dimension() + "]";
    }
}
