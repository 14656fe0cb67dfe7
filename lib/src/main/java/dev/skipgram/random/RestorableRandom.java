package dev.skipgram.random;

import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} whose complete state can be saved and restored, so that a training run
 * interrupted after a checkpoint continues with exactly the random numbers it would have drawn.
 *
 * <p>Implementations are not thread-safe: give each thread its own generator, for example with
 * {@link #split()}. Arguments must not be null; no method returns null.
 */
public interface RestorableRandom extends RandomGenerator {

    /**
     * Returns the generator's whole state as bytes. Passing them to {@link #restoreState(byte[])} of a
     * generator of the same class makes it produce the same sequence as this one from now on.
     *
     * @return a new array holding the state, owned by the caller
     */
    byte[] saveState();

    /**
     * Replaces this generator's state by a state from {@link #saveState()}.
     *
     * @param state bytes from {@code saveState()} of a generator of the same class
     * @throws IllegalArgumentException if {@code state} has the wrong length or is not a valid state
     */
    void restoreState(byte[] state);

    /**
     * Returns a new, independent generator seeded from this one's next outputs. Splitting advances
     * this generator; the same sequence of splits from the same seed gives the same children.
     *
     * @return a new generator
     */
    RestorableRandom split();

    /**
     * Returns a generator seeded by {@code seed} (currently {@link Xoshiro256PlusPlus}).
     *
     * @param seed any value; equal seeds give equal sequences
     * @return a new generator
     */
    static RestorableRandom seeded(long seed) {
        return new Xoshiro256PlusPlus(seed);
    }
}
