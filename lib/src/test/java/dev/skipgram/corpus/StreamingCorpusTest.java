package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingCorpusTest {

    private static List<List<String>> read(Corpus corpus) {
        try (Stream<List<String>> s = corpus.sentences()) {
            return s.toList();
        }
    }

    private static List<List<String>> read(Reader reader, int maxTokens) {
        List<List<String>> out = new ArrayList<>();
        new SentenceReader(reader, "test", maxTokens).forEachRemaining(out::add);
        return out;
    }

    @Test
    void longLinesAreCutIntoPiecesOfAtMostTheLimit() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            line.append("w").append(i).append(i % 7 == 0 ? "\u00a0\t" : " ");
        }
        List<List<String>> pieces = read(new StringReader(line + "\nshort line\n"), 10);
        assertEquals(List.of(10, 10, 5, 2), pieces.stream().map(List::size).toList());
        assertEquals("w10", pieces.get(1).get(0));
        assertEquals("w24", pieces.get(2).get(4));
        assertEquals(List.of("short", "line"), pieces.get(3));
    }

    @Test
    void aLineOfExactlyTheLimitIsOneSentence() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d")),
                read(new StringReader("a b c\nd"), 3));
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d")),
                read(new StringReader("a b c   \n\n  d\n"), 3));
    }

    @Test
    void aHugeSingleLineStreamsWithoutBeingHeldInMemory() {
        // 5 million tokens (~40 MB of text) produced on the fly; only 10,000-token pieces exist at once.
        long tokens = 5_000_000;
        Reader endless = new Reader() {
            long produced;
            int inToken;

            @Override
            public int read(char[] buf, int off, int len) {
                if (produced >= tokens) {
                    return -1;
                }
                int n = 0;
                while (n < len && produced < tokens) {
                    if (inToken < 6) {
                        buf[off + n++] = (char) ('a' + (produced + inToken) % 26);
                        inToken++;
                    } else {
                        buf[off + n++] = ' ';
                        inToken = 0;
                        produced++;
                    }
                }
                return n;
            }

            @Override
            public void close() {}
        };
        long count = 0;
        long pieces = 0;
        SentenceReader reader = new SentenceReader(endless, "generated", Corpus.MAX_SENTENCE_TOKENS);
        while (reader.hasNext()) {
            List<String> piece = reader.next();
            assertTrue(piece.size() <= Corpus.MAX_SENTENCE_TOKENS);
            count += piece.size();
            pieces++;
        }
        assertEquals(tokens, count);
        assertEquals(500, pieces);
    }

    @Test
    void gzipIsRecognisedByItsContentAndDirectoriesAreReadInOrder(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("b.txt"), "second file\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus.resolve("a-compressed")))) {
            out.write("first file\r\nis gzipped\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(corpus.resolve("sub"));
        Files.writeString(corpus.resolve("sub").resolve("c.txt"), "third");
        Files.writeString(corpus.resolve(".hidden"), "never read");
        assertEquals(List.of(List.of("first", "file"), List.of("is", "gzipped"), List.of("second", "file"),
                List.of("third")), read(Corpus.plainText(corpus)));
        assertEquals(List.of(List.of("first", "file"), List.of("is", "gzipped")),
                read(Corpus.plainText(corpus.resolve("a-compressed"))));
    }

    @Test
    void invalidUtf8IsReplacedNotFatal(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x', '\n'});
        List<List<String>> sentences = read(Corpus.plainText(file));
        assertEquals(1, sentences.size());
        assertEquals("ok", sentences.get(0).get(0));
        assertEquals(3, sentences.get(0).size());
    }

    @Test
    void missingAndEmptyCorporaAreClearErrors(@TempDir Path dir) throws IOException {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Corpus.plainText(dir.resolve("nope")).sentences());
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("nope"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(UncheckedIOException.class, () -> Corpus.plainText(empty).sentences());
        assertTrue(e.getMessage().contains("no files"), e.getMessage());
    }
}
