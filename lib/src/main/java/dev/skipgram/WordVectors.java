package dev.skipgram;

import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained word vectors: the vocabulary, one centre vector per word (the embedding) and the outside
 * vectors the model was trained with, with cosine-similarity queries.
 *
 * <p>The queries are those of gensim 4's {@code KeyedVectors}, with its semantics:
 * {@link #mostSimilar(List, List, int)} ({@code most_similar}, 3CosAdd),
 * {@link #mostSimilarCosMul} ({@code most_similar_cosmul}, 3CosMul), {@link #doesntMatch}
 * ({@code doesnt_match}), {@link #nSimilarity} ({@code n_similarity}), {@link #distance},
 * {@link #rank} and {@link #similarByVector} ({@code similar_by_vector}). Where gensim answers NaN (a
 * zero vector) or raises, these throw an {@link IllegalArgumentException} that says why.
 *
 * <p>How a query is answered, as gensim 4 answers it, with V words of d dimensions:
 * <pre>
 *   norms[w]  = ‖v_w‖                    computed once, at the first scan (V doubles, not a V × d copy)
 *   scores    = vectors · q              one BLAS product: [V, d] × [d] (a batch: [Q, d] × [d, V])
 *   cos(q, w) = scores[w] / (norms[w] ‖q‖)
 * </pre>
 * then the best {@code n} words are picked with a bounded heap (O(V log n), no sort of all V), and
 * their scores are recomputed in double precision. Words with a zero vector have no cosine: scans
 * skip them.
 *
 * <p>Immutable and thread-safe: the matrices are private copies, every accessor returns a copy, and
 * queries share no scratch state, so any number of threads may query one instance at once. The
 * norms are computed once, by whichever thread needs them first, and then shared.
 *
 * <p>Every value is finite (the constructors refuse NaN and infinities). A query involving a zero
 * vector, whose cosine is undefined, is an {@link IllegalArgumentException}, never a NaN.
 *
 * <p>Arguments must not be null ({@link NullPointerException}); no method returns null, and
 * {@link #outsideVectors()} is empty for vectors read from a file.
 */
public final class WordVectors {

    private static final Logger LOG = LoggerFactory.getLogger(WordVectors.class);

    /** The scores of at most this many (query, word) pairs are held at once by a scan. */
    static final int BLOCK_VALUES = 1 << 22;
    /**
     * The batch puts as many queries in a block as fit beside a span of this many words, so that one
     * pass over a large matrix (3,000,000 rows) serves 64 queries, not one.
     */
    static final int MIN_SPAN = 1 << 16;

    /**
     * A word and its score for a query: the cosine similarity, or for
     * {@link #mostSimilarCosMul} the 3CosMul objective. Immutable and thread-safe; the word is never
     * null in the neighbours a {@link WordVectors} query returns.
     *
     * @param word the word
     * @param similarity cosine similarity in [−1, 1] (a 3CosMul score is ≥ 0)
     */
    public record Neighbor(String word, double similarity) {

        /**
         * The word and its score to four decimals, as people read a neighbour list.
         *
         * @return for example {@code warwick 0.8011}
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.4f", word, similarity);
        }
    }

    /**
     * One query of {@link #mostSimilar(List, int)}: words counted positively and words counted
     * negatively, as in gensim's {@code most_similar(positive, negative)}. Immutable and thread-safe.
     *
     * <p><b>Evolving</b> (see docs/api.md): added with the gensim-compatible queries.
     *
     * @param positive words with weight +1; copied, unmodifiable
     * @param negative words with weight −1; copied, unmodifiable
     */
    public record Query(List<String> positive, List<String> negative) {

        /**
         * Copies the lists.
         *
         * @param positive words with weight +1, none null (may repeat)
         * @param negative words with weight −1, none null (may repeat)
         * @throws NullPointerException if a list or a word is null
         * @throws IllegalArgumentException if both lists are empty
         */
        public Query {
            positive = List.copyOf(positive);
            negative = List.copyOf(negative);
            if (positive.isEmpty() && negative.isEmpty()) {
                throw new IllegalArgumentException("a query needs at least one word, positive or negative;"
                        + " both lists are empty");
            }
        }

        /**
         * The words nearest one word, as {@link WordVectors#mostSimilar(String, int)} asks.
         *
         * @param word the word
         * @return the query {@code positive = [word]}
         */
        public static Query of(String word) {
            return new Query(List.of(word), List.of());
        }

        /**
         * The analogy a : b :: c : ?, as gensim asks it: {@code positive = [b, c], negative = [a]}.
         *
         * @param a the first word of the known pair
         * @param b the second word of the known pair
         * @param c the first word of the asked pair
         * @return the query
         */
        public static Query analogy(String a, String b, String c) {
            return new Query(List.of(b, c), List.of(a));
        }
    }

    private final Vocabulary vocabulary;
    private final INDArray centerVectors; // [V, d] FLOAT, c order
    private final INDArray outsideVectors; // [V, d] FLOAT, c order, or null (vectors loaded from a file)
    private final CosineIndex index; // the rows, their lazy norms, and the tiled scan of the queries

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
        FloatMatrix centers = FloatMatrix.wrap(this.centerVectors, matrices.maxViewFloats());
        this.index = new CosineIndex(this.centerVectors, centers);
        // the norms wait for the first query that scans every word (as gensim's fill_norms does):
        // loading vectors only to look a few up, or to write them, never pays for them
        long i = centers.firstNonFinite();
        if (i >= 0) {
            throw notFinite("centerVectors", (int) (i / d), (int) (i % d), centers.get(i));
        }
        if (this.outsideVectors != null) {
            FloatMatrix outsides = FloatMatrix.wrap(this.outsideVectors, matrices.maxViewFloats());
            i = outsides.firstNonFinite();
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
        return clamp(dot(index.row(i), index.row(j)) / (index.norm(i) * index.norm(j)));
    }

    /**
     * The cosine distance of two words, as gensim's {@code distance}: 1 − {@link #similarity}.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param a a word of the vocabulary
     * @param b a word of the vocabulary (may equal {@code a})
     * @return 1 − cos(a, b), in [0, 2]
     * @throws IllegalArgumentException if a word is not in the vocabulary or has a zero vector
     */
    public double distance(String a, String b) {
        return 1 - similarity(a, b);
    }

    /**
     * The cosine similarity of two sets of words, as gensim 4's {@code n_similarity}: the cosine of
     * the mean of {@code a}'s vectors and the mean of {@code b}'s vectors. As in gensim, the means are
     * of the vectors as they are (not of unit vectors), so a longer vector weighs more.
     *
     * <p>Unlike gensim 4.2 and later, which skip words out of the vocabulary without a word, an
     * unknown word is an error here, as everywhere in this class (gensim 4.0 and 4.1 raised too).
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param a words of the vocabulary, at least one (may repeat)
     * @param b words of the vocabulary, at least one (may repeat)
     * @return the cosine in [−1, 1]
     * @throws IllegalArgumentException if a list is empty, a word is not in the vocabulary, or a mean
     *     is the zero vector (cosine undefined)
     */
    public double nSimilarity(List<String> a, List<String> b) {
        double[] meanA = rawMean(a, "a");
        double[] meanB = rawMean(b, "b");
        return clamp(dot(meanA, meanB) / (norm(meanA) * norm(meanB)));
    }

    private double[] rawMean(List<String> words, String name) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nSimilarity needs at least one word in " + name + "; it is empty");
        }
        double[] mean = new double[dimension()];
        for (String word : words) {
            double[] v = index.row(indexOf(word));
            for (int j = 0; j < mean.length; j++) {
                mean[j] += v[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= words.size();
        }
        if (norm(mean) == 0) {
            throw new IllegalArgumentException("the mean vector of " + words
                    + " is zero: its cosine similarity is undefined");
        }
        return mean;
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
        requireInVocabularyRange(n);
        int q = nonZero(indexOf(word));
        return nearest(index.row(q), n, new int[] {q});
    }

    /**
     * The {@code n} words whose vectors are most similar to {@code vector} by cosine, most similar
     * first. Words with a zero vector are skipped, and no other word is left out: the vector of
     * king − man + woman usually has king first. To leave the words of such a query out, as gensim's
     * {@code most_similar} does, ask {@link #mostSimilar(List, List, int)}.
     * {@link #similarByVector(INDArray, int)} does the same as this method with gensim's rule for
     * {@code n}.
     *
     * @param vector a {@code [d]} vector (any floating type), not zero; not modified
     * @param n how many neighbours, in [1, V]
     * @return at most {@code n} neighbours, a new list the caller may modify
     * @throws IllegalArgumentException if the vector has the wrong length, is zero or not finite, or
     *     {@code n} is not in [1, V]
     */
    public List<Neighbor> mostSimilar(INDArray vector, int n) {
        requireInVocabularyRange(n);
        return nearest(queryVector(vector), n, new int[0]);
    }

    /**
     * The {@code n} words whose vectors are most similar to {@code vector} by cosine, most similar
     * first, as gensim's {@code similar_by_vector}: no word is excluded (the word whose vector it is
     * comes first). Words with a zero vector are skipped.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param vector a {@code [d]} vector (any floating type), not zero; not modified
     * @param n how many neighbours, ≥ 0; more than V is allowed and returns every word
     * @return min(n, words with a non-zero vector) neighbours, a new list the caller may modify
     * @throws IllegalArgumentException if the vector has the wrong length, is zero or not finite, or
     *     {@code n} is negative
     */
    public List<Neighbor> similarByVector(INDArray vector, int n) {
        return similarByVector(vector, n, List.of());
    }

    /**
     * The {@code n} words whose vectors are most similar to {@code vector} by cosine, most similar
     * first, other than the words in {@code excluded} (for example the words {@code vector} was made
     * from). Words with a zero vector are skipped.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param vector a {@code [d]} vector (any floating type), not zero; not modified
     * @param n how many neighbours, ≥ 0; more than V is allowed
     * @param excluded words of the vocabulary not to return (may repeat)
     * @return at most {@code n} neighbours, a new list the caller may modify
     * @throws IllegalArgumentException if the vector has the wrong length, is zero or not finite, an
     *     excluded word is not in the vocabulary, or {@code n} is negative
     */
    public List<Neighbor> similarByVector(INDArray vector, int n, Collection<String> excluded) {
        requireCount(n);
        double[] q = queryVector(vector);
        int[] skip = excluded.stream().mapToInt(this::indexOf).sorted().distinct().toArray();
        return nearest(q, n, skip);
    }

    /**
     * Answers a : b :: c : ? by 3CosAdd (Mikolov et al.): the {@code n} words closest by cosine to
     * unit(b) − unit(a) + unit(c), other than a, b and c. The same as
     * {@code mostSimilar(List.of(b, c), List.of(a), n)} but for the range of {@code n}.
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
        requireInVocabularyRange(n);
        Prepared p = prepare(Query.analogy(a, b, c));
        return nearest(p.unitMean(), n, p.excluded());
    }

    /**
     * The {@code n} words most similar to a combination of words, as gensim 4's
     * {@code most_similar(positive, negative, topn=n)} (3CosAdd when positive = [b, c] and negative =
     * [a]): the mean of the words' unit vectors, weighted +1 (positive) and −1 (negative), is
     * normalised, every word is ranked by its cosine with it, and the query's words are left out.
     *
     * <pre>
     *   q = Σ_p unit(v_p) − Σ_n unit(v_n),   score(w) = cos(q, v_w),   w ∉ positive ∪ negative
     * </pre>
     *
     * <p>gensim's {@code most_similar('king')} is {@code mostSimilar(List.of("king"), List.of(), n)}.
     * Words with a zero vector are skipped.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param positive words counted with weight +1 (may repeat)
     * @param negative words counted with weight −1 (may repeat)
     * @param n how many words, ≥ 0; more than V is allowed and returns every other word
     * @return at most {@code n} words, best first, a new list the caller may modify
     * @throws IllegalArgumentException if both lists are empty, a word is not in the vocabulary or
     *     has a zero vector, the weighted mean is zero (for example the same word on both sides), or
     *     {@code n} is negative
     */
    public List<Neighbor> mostSimilar(List<String> positive, List<String> negative, int n) {
        requireCount(n);
        Prepared p = prepare(new Query(positive, negative));
        return nearest(p.unitMean(), n, p.excluded());
    }

    /**
     * Answers many queries at once, each as {@link #mostSimilar(List, List, int)} answers it, with one
     * matrix product per tile of queries and words ([Q, d] × [d, span]) instead of one pass over the
     * matrix per query. A tile holds the scores of at most 2^22 (query, word) pairs (16 MB), so
     * memory stays bounded whatever Q and V; a block of queries takes up to 64 at a time against
     * spans of 65,536 words, so a 3,000,000-word matrix is read once per 64 queries.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param queries the queries, for example {@link Query#analogy} of each question
     * @param n how many words per query, ≥ 0
     * @return one answer per query, in order, each a new list the caller may modify
     * @throws IllegalArgumentException if a query has a word not in the vocabulary or with a zero
     *     vector, a zero mean, or {@code n} is negative; every query is checked before any is
     *     answered
     */
    public List<List<Neighbor>> mostSimilar(List<Query> queries, int n) {
        return mostSimilar(queries, n, BLOCK_VALUES, MIN_SPAN);
    }

    /** The batch, with at most {@code blockValues} scores held at once (a test makes both small). */
    List<List<Neighbor>> mostSimilar(List<Query> queries, int n, int blockValues, int minSpan) {
        requireCount(n);
        List<Prepared> prepared = queries.stream().map(this::prepare).toList();
        int block = Math.max(1, Math.min(prepared.size(), blockValues / Math.min(vocabulary.size(), minSpan)));
        List<List<Neighbor>> answers = new ArrayList<>(prepared.size());
        for (int from = 0; from < prepared.size(); from += block) {
            List<Prepared> part = prepared.subList(from, Math.min(prepared.size(), from + block));
            answers.addAll(nearest(part.stream().map(Prepared::unitMean).toArray(double[][]::new), n,
                    part.stream().map(Prepared::excluded).toArray(int[][]::new), blockValues));
        }
        return answers;
    }

    /**
     * The {@code n} words best by 3CosMul (Levy and Goldberg 2014), as gensim 4's
     * {@code most_similar_cosmul(positive, negative, topn=n)}: with cosines shifted to [0, 1],
     *
     * <pre>
     *   score(w) = Π_p (1 + cos(w, p)) / 2  /  (Π_n (1 + cos(w, n)) / 2 + 1e−6)
     * </pre>
     *
     * where an empty product is 1 (so with no negative word the denominator is 1 + 1e−6), and the
     * query's words are left out. With one positive word and no negative one the ranking is that of
     * {@link #mostSimilar(List, List, int)}. Words with a zero vector are skipped.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param positive words in the numerator, at least one (may repeat)
     * @param negative words in the denominator (may be empty, may repeat)
     * @param n how many words, ≥ 0; more than V is allowed
     * @return at most {@code n} words with their 3CosMul scores (≥ 0, not cosines), best first, a new
     *     list the caller may modify
     * @throws IllegalArgumentException if {@code positive} is empty, a word is not in the vocabulary
     *     or has a zero vector, or {@code n} is negative
     */
    public List<Neighbor> mostSimilarCosMul(List<String> positive, List<String> negative, int n) {
        requireCount(n);
        List<String> pos = List.copyOf(positive);
        List<String> neg = List.copyOf(negative);
        if (pos.isEmpty()) {
            throw new IllegalArgumentException("mostSimilarCosMul needs at least one positive word; positive is"
                    + " empty (negative: " + neg + ")");
        }
        int k = pos.size() + neg.size();
        double[][] terms = new double[k][];
        int[] words = new int[k];
        for (int t = 0; t < k; t++) {
            words[t] = nonZero(indexOf(t < pos.size() ? pos.get(t) : neg.get(t - pos.size())));
            terms[t] = index.unit(words[t]);
        }
        int v = vocabulary.size();
        double[] norms = index.norms();
        float[] dots = index.dots(terms); // [k, V]: cos(w, t) = dots[t, w] / norms[w], the terms being unit
        int[] excluded = Arrays.stream(words).sorted().distinct().toArray();
        TopN top = new TopN(Math.min(n, v));
        for (int w = 0; w < v; w++) {
            if (norms[w] == 0) {
                continue;
            }
            double num = 1;
            double den = 1;
            for (int t = 0; t < k; t++) {
                double shifted = (1 + dots[t * v + w] / norms[w]) / 2;
                if (t < pos.size()) {
                    num *= shifted;
                } else {
                    den *= shifted;
                }
            }
            double s = num / (den + 1e-6);
            if (top.admits(s, w) && Arrays.binarySearch(excluded, w) < 0) {
                top.offer(s, w);
            }
        }
        return rescored(top.indicesBestFirst(), w -> {
            double num = 1;
            double den = 1;
            double[] row = index.row(w);
            for (int t = 0; t < k; t++) {
                double shifted = (1 + clamp(dot(terms[t], row) / norms[w])) / 2;
                if (t < pos.size()) {
                    num *= shifted;
                } else {
                    den *= shifted;
                }
            }
            return num / (den + 1e-6);
        });
    }

    /**
     * The word that fits least with the others, as gensim 4's {@code doesnt_match}: the mean of the
     * words' unit vectors is normalised, and the word whose unit vector has the lowest dot product
     * with it is the answer (among equal ones, the first in {@link String#compareTo} order, as
     * gensim's sort leaves it).
     *
     * <p>Words not in the vocabulary are ignored, with a warning in the log, as gensim ignores them.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param words the words (may repeat; a repeated word counts as often as it appears)
     * @return the odd one out, one of {@code words}
     * @throws IllegalArgumentException if {@code words} is empty, none of them is in the vocabulary,
     *     or one in the vocabulary has a zero vector
     */
    public String doesntMatch(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("doesntMatch needs at least one word; the list is empty");
        }
        List<Integer> used = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (String word : words) {
            Objects.requireNonNull(word, "word");
            vocabulary.find(word).ifPresentOrElse(w -> used.add(nonZero(w)), () -> ignored.add(word));
        }
        if (!ignored.isEmpty()) {
            LOG.warn("doesntMatch: {} not in the vocabulary, ignored", ignored);
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("doesntMatch: none of the words " + ignored
                    + " is in the vocabulary (" + vocabulary.size() + " words)");
        }
        double[][] units = used.stream().map(index::unit).toArray(double[][]::new);
        double[] mean = new double[dimension()];
        for (double[] u : units) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += u[j] / units.length;
            }
        }
        double meanNorm = norm(mean);
        int odd = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < units.length; i++) {
            // gensim leaves a zero mean as it is: every dot is 0 and the tie rule decides
            double s = meanNorm == 0 ? 0 : dot(units[i], mean) / meanNorm;
            String word = vocabulary.word(used.get(i));
            if (s < lowest || (s == lowest && word.compareTo(vocabulary.word(used.get(odd))) < 0)) {
                lowest = s;
                odd = i;
            }
        }
        return vocabulary.word(used.get(odd));
    }

    /**
     * Where {@code b} comes in {@code a}'s neighbour list, as gensim's {@code rank}: 1 + the number
     * of words other than {@code a} strictly more cosine-similar to {@code a} than {@code b} is.
     * Words with a zero vector are not counted.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @param a a word of the vocabulary
     * @param b a word of the vocabulary (if it is {@code a}, the rank is 1 unless other words share
     *     its direction)
     * @return the 1-based rank, in [1, V]: 1 if {@code b} is {@code a}'s nearest neighbour
     * @throws IllegalArgumentException if a word is not in the vocabulary or has a zero vector
     */
    public int rank(String a, String b) {
        int ia = nonZero(indexOf(a));
        int ib = nonZero(indexOf(b));
        double[] norms = index.norms();
        float[] dots = index.dots(new double[][] {index.row(ia)});
        // the same float scores for every word, b included, so b is compared like for like
        double sb = dots[ib] / norms[ib];
        int closer = 0;
        for (int w = 0; w < dots.length; w++) {
            if (w != ia && norms[w] != 0 && dots[w] / norms[w] > sb) {
                closer++;
            }
        }
        return closer + 1;
    }

    /** A query's normalised weighted mean of unit vectors, and its words (sorted, distinct). */
    private record Prepared(double[] unitMean, int[] excluded) {}

    /** gensim's {@code get_mean_vector(pre_normalize=True, post_normalize=True)} of a query. */
    private Prepared prepare(Query query) {
        int k = query.positive().size() + query.negative().size();
        int[] words = new int[k];
        double[] mean = new double[dimension()];
        for (int t = 0; t < k; t++) {
            boolean positive = t < query.positive().size();
            String word = positive ? query.positive().get(t) : query.negative().get(t - query.positive().size());
            words[t] = nonZero(indexOf(word));
            double[] u = index.unit(words[t]);
            double weight = positive ? 1.0 / k : -1.0 / k;
            for (int j = 0; j < mean.length; j++) {
                mean[j] += weight * u[j];
            }
        }
        double norm = norm(mean);
        if (norm == 0) {
            throw new IllegalArgumentException("the weighted mean of " + query.positive() + " minus "
                    + query.negative() + " is zero: its cosine similarity is undefined");
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= norm;
        }
        return new Prepared(mean, Arrays.stream(words).sorted().distinct().toArray());
    }

    /** A caller's query vector in double, checked: d values, finite, not zero. */
    private double[] queryVector(INDArray vector) {
        if (vector.length() != dimension()) {
            throw new IllegalArgumentException("the query vector has " + vector.length() + " values; these vectors have "
                    + dimension() + " dimensions");
        }
        double[] q = vector.castTo(DataType.DOUBLE).data().asDouble();
        double qNorm = norm(q);
        if (qNorm == 0 || !Double.isFinite(qNorm)) {
            throw new IllegalArgumentException("the query vector is " + (qNorm == 0 ? "zero" : "not finite")
                    + ": its cosine similarity is undefined");
        }
        return q;
    }

    /** The n words most cosine-similar to q, skipping {@code excluded} (sorted) and zero vectors. */
    private List<Neighbor> nearest(double[] q, int n, int[] excluded) {
        return nearest(new double[][] {q}, n, new int[][] {excluded}, BLOCK_VALUES).get(0);
    }

    /**
     * The n words most cosine-similar to each q[i], skipping {@code excluded[i]} (sorted) and zero
     * vectors: chosen by the index's tiled float scan, then their cosines computed again in double.
     */
    private List<List<Neighbor>> nearest(double[][] q, int n, int[][] excluded, int blockValues) {
        int[][] chosen = index.nearest(q, n, excluded, blockValues);
        double[] norms = index.norms();
        List<List<Neighbor>> answers = new ArrayList<>(q.length);
        for (int i = 0; i < q.length; i++) {
            double[] qi = q[i];
            double qNorm = norm(qi);
            answers.add(rescored(chosen[i], w -> clamp(dot(qi, index.row(w)) / (qNorm * norms[w]))));
        }
        return answers;
    }

    /** The chosen words with their scores in double, best first (ties: lower index first). */
    private List<Neighbor> rescored(int[] chosen, IntToDoubleFunction score) {
        double[] s = new double[chosen.length];
        Integer[] order = new Integer[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            s[i] = score.applyAsDouble(chosen[i]);
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> TopN.better(s[x], chosen[x], s[y], chosen[y]) ? -1
                : TopN.better(s[y], chosen[y], s[x], chosen[x]) ? 1 : 0);
        List<Neighbor> result = new ArrayList<>(chosen.length);
        for (int i : order) {
            result.add(new Neighbor(vocabulary.word(chosen[i]), s[i]));
        }
        return result;
    }

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }

    private void requireInVocabularyRange(int n) {
        if (n < 1 || n > vocabulary.size()) {
            throw new IllegalArgumentException("n must be in [1, " + vocabulary.size() + "] (the vocabulary size), got "
                    + n);
        }
    }

    /** How many times the norms were computed: 0 before the first scan, 1 after (for the tests). */
    int normComputations() {
        return index.normComputations();
    }

    private static double norm(double[] x) {
        return CosineIndex.norm(x);
    }

    private static double dot(double[] x, double[] y) {
        return CosineIndex.dot(x, y);
    }

    private int indexOf(String word) {
        Objects.requireNonNull(word, "word");
        return vocabulary.find(word).orElseThrow(() -> new IllegalArgumentException(
                "'" + word + "' is not in the vocabulary (" + vocabulary.size() + " words)"));
    }

    private int nonZero(int w) {
        if (index.norm(w) == 0) {
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
