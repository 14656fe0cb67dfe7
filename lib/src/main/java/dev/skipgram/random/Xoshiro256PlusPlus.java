package dev.skipgram.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The xoshiro256++ generator of Blackman and Vigna (2019): 256 bits of state, period 2^256 − 1,
 * passes BigCrush, and costs a few nanoseconds per {@code long}. The 256-bit state is filled from a
 * 64-bit seed with SplitMix64, as the authors recommend.
 *
 * <p>All the {@link java.util.random.RandomGenerator} methods ({@code nextInt(bound)},
 * {@code nextDouble()}, ...) derive from {@link #nextLong()} by the JDK's default algorithms.
 *
 * <p>Not thread-safe: give each thread its own generator ({@link #split()}). Arguments must not be
 * null; {@link #saveState()} returns a new array.
 */
public final class Xoshiro256PlusPlus implements RestorableRandom {

    private static final int STATE_BYTES = 4 * Long.BYTES;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /**
     * Creates a generator whose state is SplitMix64's first four outputs from {@code seed}.
     *
     * @param seed any value
     */
    public Xoshiro256PlusPlus(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    /**
     * Creates a generator with the given raw state (as in the reference C code's {@code s[4]}).
     *
     * @param s0 the first state word, {@code s[0]}
     * @param s1 the second state word, {@code s[1]}
     * @param s2 the third state word, {@code s[2]}
     * @param s3 the fourth state word, {@code s[3]}
     * @return a new generator; its first {@code nextLong()} is the reference code's first
     *     {@code next()} from this state
     * @throws IllegalArgumentException if all four words are zero (the one state xoshiro cannot leave)
     */
    public static Xoshiro256PlusPlus ofState(long s0, long s1, long s2, long s3) {
        Xoshiro256PlusPlus g = new Xoshiro256PlusPlus(0);
        g.setState(s0, s1, s2, s3);
        return g;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void setState(long a, long b, long c, long d) {
        if ((a | b | c | d) == 0) {
            throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public byte[] saveState() {
        return ByteBuffer.allocate(STATE_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(s0).putLong(s1).putLong(s2).putLong(s3).array();
    }

    @Override
    public void restoreState(byte[] state) {
        if (state.length != STATE_BYTES) {
            throw new IllegalArgumentException(
                    "xoshiro256++ state must be " + STATE_BYTES + " bytes, got " + state.length);
        }
        ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
        setState(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    @Override
    public Xoshiro256PlusPlus split() {
        return new Xoshiro256PlusPlus(nextLong());
    }

    @Override
    public String toString() {
        return "Xoshiro256PlusPlus" + Arrays.toString(new long[] {s0, s1, s2, s3});
    }
}
