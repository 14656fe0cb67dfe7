package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library, used from outside by its coordinates: train, then query. */
class ConsumerTest {

    @Test
    void trainsAndAnswersQueries() {
        WordVectors vectors = Consumer.train();
        assertEquals(20, vectors.dimension());
        assertTrue(vectors.vocabulary().contains("cat"));
        List<WordVectors.Neighbor> nearCat = vectors.mostSimilar("cat", 3);
        assertEquals(3, nearCat.size());
        assertEquals("dog", nearCat.get(0).word(), "cat's nearest word: " + nearCat);
        assertEquals("coffee", vectors.mostSimilar("tea", 1).get(0).word());
        assertTrue(vectors.similarity("cat", "dog") > vectors.similarity("cat", "coffee"));
        assertThrows(IllegalArgumentException.class, () -> vectors.mostSimilar("unicorn", 3));
    }
}
