package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Corpus#plainText}'s own {@link Corpus#encodedSentences} and vocabulary count (no String per
 * token) against the interface's default, which maps {@link Corpus#sentences()} through {@link
 * Vocabulary#indexOf}, and the count of those Strings: the
 * same arrays for files of every kind of separator, non-ASCII and non-BMP words, malformed UTF-8,
 * lines longer than a sentence, sentences of unknown words only, gzip and directories.
 */
class EncodedSentencesTest {

    private static final String[] PIECES = {"a", "b", "the", "é", "naïve", "😀", "x\uD83D\uDE00y", "Aa", "BB",
        "\uFFFD", "q"};
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\t", "\n", "\n", "\r\n", "\u00a0", "\u2003",
        "\u3000", "\u0085", "\n\n"};

    @Test
    void plainTextEncodesAsTheDefaultDoes(@TempDir Path dir) throws IOException {
        Random random = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            Path corpusDir = Files.createDirectory(dir.resolve("c" + trial));
            int files = 1 + random.nextInt(3);
            for (int f = 0; f < files; f++) {
                byte[] text = randomText(random, 1 + random.nextInt(3000));
                Path file = corpusDir.resolve("part-" + f + (f % 2 == 1 ? ".gz" : ".txt"));
                if (f % 2 == 1) {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                        out.write(text);
                    }
                } else {
                    Files.write(file, text);
                }
            }
            Corpus plain = Corpus.plainText(corpusDir);
            Corpus viaStrings = plain::sentences; // the interface's default encodedSentences
            int maxSize = 1 + random.nextInt(12); // some words stay out of the vocabulary
            Vocabulary vocabulary = Vocabulary.byCount(plain, 1, maxSize);
            assertEquals(Vocabulary.byCount(viaStrings, 1, maxSize), vocabulary, "counted without Strings");
            assertEquals(Vocabulary.byCount(viaStrings, 2, Integer.MAX_VALUE),
                    Vocabulary.byCount(plain, 2, Integer.MAX_VALUE));
            List<Long> fastProgress = new ArrayList<>();
            List<Long> stringProgress = new ArrayList<>();
            TokenCounts fast = plain.countTokens(fastProgress::add);
            TokenCounts strings = viaStrings.countTokens(stringProgress::add);
            assertEquals(strings.size(), fast.size(), "distinct tokens, trial " + trial);
            for (int w = 0; w < fast.size(); w++) {
                assertEquals(strings.word(w), fast.word(w), "token " + w + ", trial " + trial);
                assertEquals(strings.count(w), fast.count(w), "count of token " + w + ", trial " + trial);
            }
            assertEquals(strings.totalCount(), fast.totalCount());
            assertEquals(stringProgress, fastProgress, "progress after each sentence, trial " + trial);
            assertEquals(fast.totalCount(), fastProgress.get(fastProgress.size() - 1));
            List<int[]> expected = encoded(viaStrings, vocabulary);
            List<int[]> actual = encoded(plain, vocabulary);
            assertEquals(expected.size(), actual.size(), "sentences, trial " + trial);
            for (int s = 0; s < expected.size(); s++) {
                assertArrayEquals(expected.get(s), actual.get(s), "trial " + trial + ", sentence " + s);
            }
        }
    }

    @Test
    void longLinesAreCutWhereTheStringsAreCut(@TempDir Path dir) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 3 * Corpus.MAX_SENTENCE_TOKENS + 17; i++) {
            line.append(i % 5 == 0 ? "unknown" + i : "w" + (i % 3)).append(' ');
        }
        Path file = Files.writeString(dir.resolve("one-line.txt"), line);
        Corpus plain = Corpus.plainText(file);
        Vocabulary vocabulary = new Vocabulary(List.of("w0", "w1", "w2"), new long[] {3, 2, 1});
        List<int[]> actual = encoded(plain, vocabulary);
        List<int[]> expected = encoded((Corpus) plain::sentences, vocabulary);
        assertEquals(4, actual.size());
        for (int s = 0; s < expected.size(); s++) {
            assertArrayEquals(expected.get(s), actual.get(s));
        }
        assertEquals(Corpus.MAX_SENTENCE_TOKENS * 4 / 5, actual.get(0).length, "a fifth of each piece is unknown");
    }

    @Test
    void aSentenceOfUnknownWordsIsAnEmptyArray(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.txt"), "a b\nzz yy\n\nb\n");
        Vocabulary vocabulary = new Vocabulary(List.of("a", "b"), new long[] {1, 2});
        List<int[]> actual = encoded(Corpus.plainText(file), vocabulary);
        assertEquals(3, actual.size());
        assertArrayEquals(new int[] {0, 1}, actual.get(0));
        assertArrayEquals(new int[0], actual.get(1));
        assertArrayEquals(new int[] {1}, actual.get(2));
    }

    @Test
    void aBinaryFileIsRefusedAsTheStringReadingRefusesIt(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("model.bin"), new byte[] {'a', ' ', 0, 1, 2, '\n'});
        Vocabulary vocabulary = new Vocabulary(List.of("a"), new long[] {1});
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> encoded(Corpus.plainText(file), vocabulary));
        assertEquals(true, e.getMessage().contains("NUL"), e.getMessage());
        assertEquals(true, e.getMessage().contains("model.bin"), e.getMessage());
    }

    private static List<int[]> encoded(Corpus corpus, Vocabulary vocabulary) {
        try (Stream<int[]> s = corpus.encodedSentences(vocabulary)) {
            return s.toList();
        }
    }

    private static byte[] randomText(Random random, int tokens) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tokens; i++) {
            if (random.nextInt(200) == 0) {
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // malformed UTF-8: becomes U+FFFD
            }
            out.write(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                out.write(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            }
            out.write(SEPARATORS[random.nextInt(SEPARATORS.length)].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
