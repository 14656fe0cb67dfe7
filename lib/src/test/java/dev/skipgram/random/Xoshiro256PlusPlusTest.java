package dev.skipgram.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Xoshiro256PlusPlusTest {

    @Test
    void firstOutputFromTheReferenceStateByHand() {
        // rotl(s0 + s3, 23) + s0 = rotl(5, 23) + 1 = 5·2^23 + 1
        assertEquals(5L * (1L << 23) + 1, Xoshiro256PlusPlus.ofState(1, 2, 3, 4).nextLong());
    }

    @Test
    void aRestoredStateReplaysTheSameSequence() {
        RestorableRandom a = RestorableRandom.seeded(123);
        for (int i = 0; i < 17; i++) {
            a.nextLong();
        }
        byte[] state = a.saveState();
        long[] expected = new long[50];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = a.nextLong();
        }
        RestorableRandom b = RestorableRandom.seeded(999);
        b.restoreState(state);
        long[] replay = new long[50];
        for (int i = 0; i < replay.length; i++) {
            replay[i] = b.nextLong();
        }
        assertArrayEquals(expected, replay);
    }

    @Test
    void splitsAreDeterministicAndDistinct() {
        RestorableRandom a = RestorableRandom.seeded(5);
        RestorableRandom b = RestorableRandom.seeded(5);
        RestorableRandom a1 = a.split();
        RestorableRandom a2 = a.split();
        assertEquals(a1.nextLong(), b.split().nextLong());
        assertNotEquals(a1.nextLong(), a2.nextLong());
    }

    @Test
    void badStatesAreRefused() {
        RestorableRandom r = RestorableRandom.seeded(1);
        assertThrows(IllegalArgumentException.class, () -> r.restoreState(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> r.restoreState(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> Xoshiro256PlusPlus.ofState(0, 0, 0, 0));
    }

    @Test
    void boundedDrawsAreInRange() {
        RestorableRandom r = RestorableRandom.seeded(2);
        for (int i = 0; i < 10_000; i++) {
            int x = r.nextInt(7);
            assertEquals(x, Math.floorMod(x, 7));
        }
    }
}
