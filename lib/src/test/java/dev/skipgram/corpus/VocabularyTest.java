package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void firstOccurrenceOrderThenUnkWithCountOne() {
        Vocabulary v = Vocabulary.inFirstOccurrenceOrder(
                Corpus.ofLines(List.of("b a b", "c a b")), "UNK");
        assertEquals(List.of("b", "a", "c", "UNK"), v.words());
        assertArrayEquals(new long[] {3, 2, 1, 1}, v.counts());
        assertEquals(7, v.totalCount());
        assertEquals(1, v.find("a").orElseThrow());
        assertFalse(v.find("zzz").isPresent());
    }

    @Test
    void indexOfIsMinusOneForAWordNotInTheVocabularyAsListIndexOfIs() {
        Vocabulary v = Vocabulary.inFirstOccurrenceOrder(Corpus.ofLines(List.of("b a b")), "UNK");
        for (String w : new String[] {"b", "a", "UNK", "zzz"}) {
            assertEquals(v.words().indexOf(w), v.indexOf(w), w);
            assertEquals(v.contains(w), v.find(w).isPresent(), w);
        }
        assertEquals(-1, v.indexOf("zzz"));
        assertEquals(-1, v.indexOf(null));
        assertFalse(v.find(null).isPresent());
    }

    @Test
    void anUnkAlreadyInTheCorpusKeepsItsPlace() {
        Vocabulary v = Vocabulary.inFirstOccurrenceOrder(Corpus.ofLines(List.of("UNK x UNK")), "UNK");
        assertEquals(List.of("UNK", "x"), v.words());
        assertArrayEquals(new long[] {3, 1}, v.counts());
    }

    @Test
    void byCountSortsDescendingKeepsFirstOccurrenceOnTiesAndCuts() {
        Corpus corpus = Corpus.ofLines(List.of("d c b a c b a a", "e e e d d"));
        // counts: d 3, c 2, b 2, a 3, e 3  → a, d, e tie at 3 (first seen: d, a, e), then c, b at 2
        Vocabulary all = Vocabulary.byCount(corpus, 1, Integer.MAX_VALUE);
        assertEquals(List.of("d", "a", "e", "c", "b"), all.words());
        assertArrayEquals(new long[] {3, 3, 3, 2, 2}, all.counts());
        assertEquals(List.of("d", "a", "e"), Vocabulary.byCount(corpus, 3, Integer.MAX_VALUE).words());
        assertEquals(List.of("d", "a"), Vocabulary.byCount(corpus, 1, 2).words());
        assertEquals(0, Vocabulary.byCount(corpus, 4, 10).size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Vocabulary.byCount(corpus, 0, 10))
                .getMessage().contains("minCount"));
    }

    @Test
    void badVocabulariesAreRefusedNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("a", "b", "a"), new long[] {1, 1, 1})).getMessage().contains("'a'"));
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a"), new long[] {1, 2}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("a"), new long[] {-4})).getMessage().contains("-4"));
    }

    @Test
    void aTokenWithWhitespaceIsRefusedWhenTheCorpusIsReadNamingItAndItsSentence() {
        Corpus corpus = Corpus.of(List.of(List.of("a", "b"), List.of("c", "new york", "a"), List.of("x\u00a0y")));
        for (var read : List.<Runnable>of(() -> Vocabulary.byCount(corpus, 1, 100),
                () -> Vocabulary.inFirstOccurrenceOrder(corpus, "UNK"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::run);
            assertTrue(e.getMessage().contains("token 'new york' in sentence 2")
                    && e.getMessage().contains("U+0020"), e.getMessage());
        }
        // a no-break space is whitespace to the tokenizer too
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.byCount(Corpus.of(List.of(List.of("a", "x\u00a0y"))), 1, 100));
        assertTrue(e.getMessage().contains("U+00A0") && e.getMessage().contains("sentence 1"), e.getMessage());
    }

    @Test
    void indicesOfKeepsTheOrderAndDropsWhatIsNotThere() {
        Vocabulary v = new Vocabulary(List.of("a", "b", "c"), new long[] {3, 2, 1});
        assertArrayEquals(new int[] {2, 0, 0, 1}, v.indicesOf(java.util.Arrays.asList("c", "x", "a", "a", null, "b")));
        assertArrayEquals(new int[0], v.indicesOf(List.of("x", "y")));
        assertArrayEquals(new int[0], v.indicesOf(List.of()));
    }
}
