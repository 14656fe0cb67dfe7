package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.TokenCounts;
import dev.skipgram.corpus.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train command's progress wrapper must hand the vocabulary pass and the training passes to the
 * wrapped corpus's own {@code countTokens} and {@code encodedSentences} (for plain text: read without
 * a String per token), not to Corpus's defaults over its sentences.
 */
class TrainPassesTest {

    /** A plain-text corpus that records which of its methods each pass used. */
    private static final class Recording implements Corpus {
        final Corpus plain;
        final List<String> calls = new ArrayList<>();

        Recording(Corpus plain) {
            this.plain = plain;
        }

        @Override
        public Stream<List<String>> sentences() {
            calls.add("sentences");
            return plain.sentences();
        }

        @Override
        public Stream<int[]> encodedSentences(Vocabulary vocabulary) {
            calls.add("encodedSentences");
            return plain.encodedSentences(vocabulary);
        }

        @Override
        public TokenCounts countTokens(LongConsumer progress) {
            calls.add("countTokens");
            return plain.countTokens(progress);
        }
    }

    @Test
    void thePassesReachTheWrappedCorpussOwnReadingAndTheReadingIsShown(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.txt"), "a b a\nc a b\n");
        Recording corpus = new Recording(Corpus.plainText(file));
        StringWriter err = new StringWriter();
        List<Long> progress = new ArrayList<>();
        try (TrainCommand.Passes passes = new TrainCommand.Passes(corpus, true, Progress.Mode.LINES,
                new PrintWriter(err))) {
            Vocabulary vocabulary = Vocabulary.byCount(passes, 1, 10);
            assertEquals(List.of("a", "b", "c"), vocabulary.words());
            TokenCounts counts = passes.countTokens(progress::add); // a second count: no display
            assertEquals(6, counts.totalCount());
            try (Stream<int[]> s = passes.encodedSentences(vocabulary)) {
                List<int[]> sentences = s.toList();
                assertArrayEquals(new int[] {0, 1, 0}, sentences.get(0));
                assertArrayEquals(new int[] {2, 0, 1}, sentences.get(1));
            }
        }
        assertEquals(List.of("countTokens", "countTokens", "encodedSentences"), corpus.calls);
        assertEquals(List.of(3L, 6L), progress, "the caller's progress is passed on");
        assertTrue(err.toString().startsWith("reading the corpus: 6 tokens"), err.toString());
    }
}
