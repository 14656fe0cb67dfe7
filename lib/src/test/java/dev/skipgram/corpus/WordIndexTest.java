package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WordIndex} against {@link HashMap}: hits, misses, hash collisions, duplicates. */
class WordIndexTest {

    @Test
    void findsEveryWordAndNothingElse() {
        Random random = new Random(7);
        Map<String, Integer> expected = new HashMap<>();
        List<String> words = new ArrayList<>();
        while (words.size() < 5000) {
            String w = randomWord(random);
            if (expected.putIfAbsent(w, words.size()) == null) {
                words.add(w);
            }
        }
        WordIndex index = new WordIndex(words.size());
        for (int i = 0; i < words.size(); i++) {
            assertEquals(-1, index.add(words.get(i)));
        }
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i, index.get(new String(words.get(i).toCharArray())), words.get(i));
        }
        for (int trial = 0; trial < 20_000; trial++) {
            String w = randomWord(random);
            assertEquals(expected.getOrDefault(w, -1), index.get(w), w);
            char[] token = (w + "#tail").toCharArray(); // a reused buffer longer than the token
            assertEquals(expected.getOrDefault(w, -1), index.get(token, w.length()), w);
        }
        assertEquals(-1, index.get(null));
        assertEquals(-1, index.get(""));
    }

    @Test
    void wordsWithEqualHashesKeepTheirOwnIndices() {
        // "Aa" and "BB" have the same String.hashCode, and so do their concatenations
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB");
        assertEquals("AaAa".hashCode(), "BBBB".hashCode());
        WordIndex index = new WordIndex(colliding.size());
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(-1, index.add(colliding.get(i)));
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(i, index.get(colliding.get(i)));
        }
        assertEquals("AaAa".hashCode(), "BBAa".hashCode());
        WordIndex partial = new WordIndex(2);
        partial.add("AaAa");
        assertEquals(-1, partial.get("BBAa"), "an equal hash is not an equal word");
        assertEquals(2, index.add("BBAa"), "a word already there keeps its index");
        assertEquals(colliding.size(), index.size());
        assertEquals(2, index.get("BBAa"));
    }

    @Test
    void anIndexGrowsPastItsCapacityAndCountsInOrderOfFirstOccurrence() {
        WordIndex index = new WordIndex(2);
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        char[] buffer = new char[32];
        for (int i = 0; i < 20_000; i++) {
            String w = randomWord(random);
            w.getChars(0, w.length(), buffer, 0);
            Integer before = expected.putIfAbsent(w, expected.size());
            int id = index.indexOrAdd(buffer, w.length());
            assertEquals(before == null ? expected.size() - 1 : before, id, w);
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((w, id) -> {
            assertEquals(id, index.get(w));
            assertEquals(w, index.word(id));
        });
    }

    @Test
    void aFullIndexOfOneOrTwoWordsStillMisses() {
        WordIndex one = new WordIndex(1);
        one.add("a");
        assertEquals(0, one.get("a"));
        assertEquals(-1, one.get("b"));
        WordIndex none = new WordIndex(0);
        assertEquals(-1, none.get("a"));
    }

    private static String randomWord(Random random) {
        int n = 1 + random.nextInt(8);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) (random.nextInt(20) == 0 ? 'é' + random.nextInt(50) : 'a' + random.nextInt(6)));
        }
        return b.toString();
    }
}
