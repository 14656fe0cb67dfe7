package dev.skipgram.internal.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChunkFeeder}: how a pass over the corpus becomes chunks, with no threads involved. */
class ChunkFeederTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("a", "b", "c"), new long[] {3, 2, 1});

    private record Fed(Chunk chunk, long index) {}

    private static List<Fed> feed(ChunkFeeder feeder, List<List<String>> sentences, long skip)
            throws InterruptedException {
        List<Fed> fed = new ArrayList<>();
        feeder.feed(sentences.iterator(), skip, (chunk, index) -> fed.add(new Fed(chunk, index)));
        return fed;
    }

    @Test
    void sentencesAreEncodedAndCutAfterTheOneThatReachesTheChunkSize() throws InterruptedException {
        ChunkFeeder feeder = new ChunkFeeder(VOCABULARY, 4);
        List<List<String>> sentences = List.of(List.of("a", "x", "b"), List.of("c", "c", "a"), List.of("b"),
                List.of("zz"), List.of("a", "b"));
        List<Fed> fed = feed(feeder, sentences, 0);
        assertEquals(2, fed.size());
        // "x" is not in the vocabulary: dropped, and not counted as read
        assertArrayEquals(new int[] {0, 1, 2, 2, 0}, fed.get(0).chunk().words());
        assertArrayEquals(new int[] {2, 5}, fed.get(0).chunk().ends());
        assertEquals(5, fed.get(0).chunk().raw());
        assertEquals(1, fed.get(0).index());
        // the rest: "b", an empty sentence ("zz" unknown), "a b"
        assertArrayEquals(new int[] {1, 0, 1}, fed.get(1).chunk().words());
        assertArrayEquals(new int[] {1, 1, 3}, fed.get(1).chunk().ends());
        assertEquals(3, fed.get(1).chunk().raw());
        assertEquals(2, fed.get(1).index());
        assertTrue(feeder.anyPair());
    }

    @Test
    void aResumedPassCutsTheSameChunksAndSkipsTheTrainedOnes() throws InterruptedException {
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sentences.add(List.of("a", "b", "c").subList(0, 1 + i % 3));
        }
        List<Fed> all = feed(new ChunkFeeder(VOCABULARY, 7), sentences, 0);
        List<Fed> resumed = feed(new ChunkFeeder(VOCABULARY, 7), sentences, 3);
        assertEquals(all.size() - 3, resumed.size());
        for (int i = 0; i < resumed.size(); i++) {
            assertEquals(all.get(i + 3).index(), resumed.get(i).index());
            assertArrayEquals(all.get(i + 3).chunk().words(), resumed.get(i).chunk().words());
            assertArrayEquals(all.get(i + 3).chunk().ends(), resumed.get(i).chunk().ends());
        }
        long raw = all.stream().mapToLong(f -> f.chunk().raw()).sum();
        assertEquals(50 / 3 * 6 + 3, raw, "every in-vocabulary word is read once");
    }

    @Test
    void singleWordSentencesHaveNoPair() throws InterruptedException {
        ChunkFeeder feeder = new ChunkFeeder(VOCABULARY, 10);
        List<Fed> fed = feed(feeder, List.of(List.of("a"), List.of("b", "x"), List.of()), 0);
        assertEquals(1, fed.size());
        assertFalse(feeder.anyPair());
        assertTrue(feed(feeder, List.of(), 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ChunkFeeder(VOCABULARY, 0));
    }
}
