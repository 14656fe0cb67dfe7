package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus/" + name).toURI());
    }

    private static List<List<String>> read(Corpus corpus) {
        try (Stream<List<String>> s = corpus.sentences()) {
            return s.toList();
        }
    }

    @Test
    void stanfordSentimentSkipsTheHeaderDropsIdsLowerCasesAndSplitsOnNoBreakSpaces() throws Exception {
        List<List<String>> sentences = read(Corpus.stanfordSentiment(resource("datasetSentences.txt")));
        assertEquals(List.of(
                List.of("the", "rock", "is", "destined", "to", "be", "great", "."),
                List.of("a", "masterpiece", "four", "years", "in", "the", "making", "."),
                List.of("it", "'s", "the", "rock", ",", "again", ".")), sentences);
    }

    @Test
    void plainTextKeepsCaseSkipsBlankLinesAndHandlesCrLf() throws Exception {
        List<List<String>> sentences = read(Corpus.plainText(resource("plain.txt")));
        assertEquals(List.of(
                List.of("the", "quick", "brown", "fox"),
                List.of("jumps", "over", "the", "lazy", "dog"),
                List.of("The", "end")), sentences);
    }

    @Test
    void everyPassStartsFromTheBeginning() throws Exception {
        Corpus corpus = Corpus.plainText(resource("plain.txt"));
        assertEquals(read(corpus), read(corpus));
    }

    @Test
    void aMissingFileIsAClearError() {
        Corpus corpus = Corpus.plainText(Path.of("no/such/corpus.txt"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, corpus::sentences);
        assertTrue(e.getMessage().contains("no/such/corpus.txt") && e.getMessage().contains("not found"),
                e.getMessage());
    }

    @Test
    void tokensSplitOnEveryUnicodeSpaceLikePython() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f"),
                Tokens.split("\u00a0a\u2007b\u202fc\u3000d\u0085e\u001ff "));
        assertEquals(List.of(), Tokens.split(" \t\u00a0 "));
        assertFalse(Tokens.isSeparator('x'));
    }

    @Test
    void inMemoryCorporaAreCopiedAndSkipEmptySentences() {
        java.util.ArrayList<List<String>> source = new java.util.ArrayList<>(List.of(List.of("a", "b"), List.of()));
        Corpus corpus = Corpus.of(source);
        source.add(List.of("c"));
        assertEquals(List.of(List.of("a", "b")), read(corpus));
        assertEquals(List.of(List.of("x", "y")), read(Corpus.ofLines(List.of("  x  y ", ""))));
    }
}
