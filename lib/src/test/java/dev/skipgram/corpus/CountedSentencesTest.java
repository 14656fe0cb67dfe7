package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CountedSentences} against the counting and encoding it replaces in the Spark module (lines
 * split by {@link Tokens#split} and cut at {@link Corpus#MAX_SENTENCE_TOKENS}, words counted into a
 * map in order of first occurrence, sentences encoded by {@link Vocabulary#indicesOf}) and against
 * {@link Corpus#plainText} reading the same lines from a file: the same words, counts and encoded
 * sentences on random lines of odd separators, non-ASCII and non-BMP words, blank lines and lines
 * longer than a sentence.
 */
class CountedSentencesTest {

    private static final String[] PIECES = {"a", "b", "the", "é", "naïve", "😀", "x\uD83D\uDE00y", "Aa", "BB",
        "\uFFFD", "q", "\u200b", "日本"};
    // no line breaks: a line of an RDD of lines has none (Hadoop cuts at \n and \r)
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u0085",
        "\u2028", "\u001c", "\u000b", "\f", " \t "};

    @Test
    void textCountsAndEncodesAsTheStringPathAndPlainTextDo(@TempDir Path dir) throws IOException {
        Random random = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            List<String> lines = randomLines(random);
            CountedSentences counted = CountedSentences.ofText(lines.iterator(), "trial " + trial);

            List<List<String>> sentences = new ArrayList<>(); // the old path: split, blank skipped, cut
            for (String line : lines) {
                List<String> tokens = Tokens.split(line);
                for (int i = 0; i < tokens.size(); i += Corpus.MAX_SENTENCE_TOKENS) {
                    sentences.add(tokens.subList(i, Math.min(tokens.size(), i + Corpus.MAX_SENTENCE_TOKENS)));
                }
            }
            assertCountsAndEncoding(sentences, counted, random);

            Path file = dir.resolve("lines-" + trial + ".txt");
            Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
            Vocabulary all = vocabularyOf(counted, 1);
            assertEquals(Vocabulary.byCount(Corpus.plainText(file), 1, Integer.MAX_VALUE), all);
            try (Stream<int[]> expected = Corpus.plainText(file).encodedSentences(all)) {
                assertSameSentences(expected.iterator(), counted.encodedSentences(all));
            }
        }
    }

    @Test
    void tokenisedSentencesKeepEmptyOnesAndCountAsAMapDoes() {
        Random random = new Random(6);
        for (int trial = 0; trial < 40; trial++) {
            List<List<String>> sentences = new ArrayList<>();
            for (int s = random.nextInt(60); s > 0; s--) {
                List<String> sentence = new ArrayList<>();
                for (int t = random.nextInt(5) == 0 ? 0 : random.nextInt(30); t > 0; t--) {
                    sentence.add(PIECES[random.nextInt(PIECES.length)] + (random.nextBoolean() ? "" : "z"));
                }
                sentences.add(sentence);
            }
            CountedSentences counted = CountedSentences.of(sentences.iterator());
            assertEquals(sentences.size(), counted.sentenceCount());
            assertCountsAndEncoding(sentences, counted, random);
        }
    }

    @Test
    void aLongLineIsCutAndAnEmptyShareHasNothing() {
        String line = String.join(" ", java.util.Collections.nCopies(2 * Corpus.MAX_SENTENCE_TOKENS + 5, "w"));
        CountedSentences counted = CountedSentences.ofText(List.of("", line, " \t ").iterator(), "test");
        assertEquals(3, counted.sentenceCount());
        assertEquals(2L * Corpus.MAX_SENTENCE_TOKENS + 5, counted.tokens());
        assertEquals(List.of("w"), counted.words());
        CountedSentences empty = CountedSentences.ofText(List.<String>of().iterator(), "test");
        assertEquals(0, empty.sentenceCount());
        assertEquals(0, empty.tokens());
        assertEquals(0, empty.wordCount());
        assertFalse(empty.encodedSentences(new Vocabulary(List.of("w"), new long[] {1})).hasNext());
    }

    @Test
    void badInputIsRefusedWithItsPlace() {
        UncheckedIOException nul = assertThrows(UncheckedIOException.class,
                () -> CountedSentences.ofText(List.of("fine", "a\0b").iterator(), "partition 3 of the lines"));
        assertTrue(nul.getMessage().contains("partition 3 of the lines, line 2"), nul.getMessage());
        List<List<String>> withNull = List.of(List.of("a"), Arrays.asList("b", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CountedSentences.of(withNull.iterator()));
        assertTrue(e.getMessage().contains("sentence 2 holds a null token"), e.getMessage());
    }

    /** Words, counts and encoded sentences as the map-and-indicesOf path gives them. */
    private static void assertCountsAndEncoding(List<List<String>> sentences, CountedSentences counted,
            Random random) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        long tokens = 0;
        for (List<String> sentence : sentences) {
            for (String w : sentence) {
                expected.computeIfAbsent(w, k -> new long[1])[0]++;
                tokens++;
            }
        }
        assertEquals(new ArrayList<>(expected.keySet()), counted.words());
        assertArrayEquals(expected.values().stream().mapToLong(c -> c[0]).toArray(), counted.counts());
        assertEquals(tokens, counted.tokens());
        assertEquals(expected.size(), counted.wordCount());
        Vocabulary vocabulary = vocabularyOf(counted, 1 + random.nextInt(4));
        assertSameSentences(sentences.stream().map(vocabulary::indicesOf).iterator(),
                counted.encodedSentences(vocabulary));
    }

    private static Vocabulary vocabularyOf(CountedSentences counted, int minCount) {
        return Vocabulary.byCount(counted.words(), counted.counts(), minCount, Integer.MAX_VALUE);
    }

    private static void assertSameSentences(Iterator<int[]> expected, Iterator<int[]> actual) {
        int s = 0;
        while (expected.hasNext()) {
            assertTrue(actual.hasNext(), "sentence " + s + " missing");
            assertArrayEquals(expected.next(), actual.next(), "sentence " + s);
            s++;
        }
        assertFalse(actual.hasNext(), "more sentences than " + s);
    }

    private static List<String> randomLines(Random random) {
        List<String> lines = new ArrayList<>();
        for (int l = random.nextInt(40); l >= 0; l--) {
            StringBuilder line = new StringBuilder();
            int tokens = random.nextInt(30) == 0 ? Corpus.MAX_SENTENCE_TOKENS + random.nextInt(3000)
                    : random.nextInt(8) == 0 ? 0 : random.nextInt(40);
            if (random.nextBoolean()) {
                line.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            for (int t = 0; t < tokens; t++) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) == 0) {
                    line.append(PIECES[random.nextInt(PIECES.length)]);
                }
                line.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
