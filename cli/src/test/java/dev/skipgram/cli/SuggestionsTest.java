package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skipgram.corpus.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("king", "king", 2));
        assertEquals(1, Suggestions.distance("king", "kings", 2));
        assertEquals(1, Suggestions.distance("king", "kin", 2));
        assertEquals(1, Suggestions.distance("king", "ring", 2));
        assertEquals(2, Suggestions.distance("king", "ikng", 2));
        assertEquals(3, Suggestions.distance("kitten", "sitting", 5));
        assertEquals(3, Suggestions.distance("king", "queen", 2), "capped at limit + 1");
    }

    @Test
    void closestSpellingsFirstThenTheMoreFrequent() {
        Vocabulary v = new Vocabulary(List.of("the", "queen", "King", "kings", "ring", "kingdom", "kinky"),
                new long[] {7, 6, 5, 4, 3, 2, 1});
        assertEquals(List.of("King", "kings", "ring"), Suggestions.similarSpellings("king", v, 3));
        assertEquals(List.of("King", "kings", "ring", "kinky"), Suggestions.similarSpellings("king", v, 10));
        assertEquals(List.of(), Suggestions.similarSpellings("xylophone", v, 3));
        assertEquals(List.of("the"), Suggestions.similarSpellings("th", v, 3), "short words allow one edit");
    }
}
