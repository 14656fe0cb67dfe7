package dev.skipgram.internal;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hands matrices that the library has just made, and that nobody else holds, to {@link WordVectors}
 * without the copy its public constructors make: a vector-file reader or a trainer would otherwise
 * hold V×d floats twice at its peak. Not API: {@code WordVectors} is immutable only because the
 * callers of {@link #adopt} keep no reference to the arrays they pass.
 */
public final class FreshVectors {

    /** How {@code WordVectors} takes arrays without copying them (its private factory). */
    @FunctionalInterface
    public interface Factory {
        /**
         * Word vectors over the given arrays, not copied.
         *
         * @param vocabulary the words
         * @param centerVectors [V, d], FLOAT, c order, not a view
         * @param outsideVectors [V, d] like it, or null
         * @param maxViewFloats the most floats one view of a matrix holds (see {@link MatrixMemory})
         * @return the vectors
         */
        WordVectors adopt(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors, int maxViewFloats);
    }

    private static volatile Factory factory;

    private FreshVectors() {}

    /**
     * Called once, by {@code WordVectors}'s static initialiser.
     *
     * @param f its factory
     * @throws IllegalStateException if a factory is registered already
     */
    public static synchronized void register(Factory f) {
        if (factory != null) {
            throw new IllegalStateException("WordVectors' factory is registered already");
        }
        factory = Objects.requireNonNull(f, "f");
    }

    /**
     * Word vectors that take the arrays as they are, validated as the public constructors validate
     * them. The caller must not use the arrays afterwards.
     *
     * @param vocabulary the words, V of them
     * @param centerVectors [V, d], FLOAT, c order, not a view
     * @param outsideVectors [V, d] like it, or null (vectors read from a file)
     * @return the vectors, owning the arrays
     * @throws IllegalArgumentException if a shape or type does not fit, or a value is not finite
     */
    public static WordVectors adopt(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors) {
        return adopt(vocabulary, centerVectors, outsideVectors, FloatMatrix.MAX_VIEW_FLOATS);
    }

    /**
     * As {@link #adopt(Vocabulary, INDArray, INDArray)}, the queries reading the centre vectors
     * through views of at most {@code maxViewFloats} floats (tests force many small views with it).
     *
     * @param vocabulary the words, V of them
     * @param centerVectors [V, d], FLOAT, c order, not a view
     * @param outsideVectors [V, d] like it, or null (vectors read from a file)
     * @param maxViewFloats in [d, {@link FloatMatrix#MAX_VIEW_FLOATS}]
     * @return the vectors, owning the arrays
     * @throws IllegalArgumentException if a shape or type does not fit, or a value is not finite
     */
    public static WordVectors adopt(Vocabulary vocabulary, INDArray centerVectors, INDArray outsideVectors,
            int maxViewFloats) {
        Factory f = factory;
        if (f == null) {
            try {
                Class.forName(WordVectors.class.getName(), true, WordVectors.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
        }
        return f.adopt(vocabulary, centerVectors, outsideVectors, maxViewFloats);
    }
}
