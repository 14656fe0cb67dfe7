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
        assertEquals(1, v.indexOf("a").orElseThrow());
        assertFalse(v.indexOf("zzz").isPresent());
    }

    @Test
    void anUnkAlreadyInTheCorpusKeepsItsPlace() {
        Vocabulary v = Vocabulary.inFirstOccurrenceOrder(Corpus.ofLines(List.of("UNK x UNK")), "UNK");
        assertEquals(List.of("UNK", "x"), v.words());
        assertArrayEquals(new long[] {3, 1}, v.counts());
    }

    @Test
    void badVocabulariesAreRefusedNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("a", "b", "a"), new long[] {1, 1, 1})).getMessage().contains("'a'"));
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a"), new long[] {1, 2}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(List.of("a"), new long[] {-4})).getMessage().contains("-4"));
    }
}
