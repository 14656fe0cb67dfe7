package dev.skipgram.bench;

import dev.skipgram.LossType;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The grid both per-pair loss benchmarks sweep, kept in one place so the fast kernels and the
 * reference implementations are measured at the same points: loss × V × d × K, 54 combinations.
 * JMH reads {@code @Param} fields from a state class's superclasses (which must be states too), so a
 * benchmark's state extends this class. Not thread-safe; JMH gives each benchmark thread its own state.
 */
@State(Scope.Thread)
public abstract class LossGrid {

    /** The loss. */
    @Param({"NAIVE_SOFTMAX", "NEGATIVE_SAMPLING", "HIERARCHICAL_SOFTMAX"})
    public LossType loss;

    /** V, the vocabulary size. */
    @Param({"1000", "10000", "100000"})
    public int V;

    /** d, the embedding dimension. */
    @Param({"10", "100", "300"})
    public int d;

    /** K, negative words per pair (negative sampling only; the two softmaxes ignore it). */
    @Param({"5", "15"})
    public int K;

    /** For subclasses. */
    protected LossGrid() {}
}
