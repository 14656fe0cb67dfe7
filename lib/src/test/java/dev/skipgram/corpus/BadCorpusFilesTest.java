package dev.skipgram.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus files that are wrong in every way we could think of: each ends in a clear exception naming
 * the file (or, for malformed UTF-8, a counted replacement), never in a hang or unbounded memory.
 */
class BadCorpusFilesTest {

    private static List<List<String>> read(Corpus corpus) {
        try (Stream<List<String>> s = corpus.sentences()) {
            return s.toList();
        }
    }

    private static UncheckedIOException failure(Path path) {
        return assertThrows(UncheckedIOException.class, () -> read(Corpus.plainText(path)));
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void emptyAndWhitespaceOnlyFilesHaveNoSentences(@TempDir Path dir) throws IOException {
        // not an error at this level: the trainers refuse them (UntrainableCorpusTest)
        assertEquals(List.of(), read(Corpus.plainText(Files.write(dir.resolve("empty.txt"), new byte[0]))));
        assertEquals(List.of(), read(Corpus.plainText(
                Files.writeString(dir.resolve("blank.txt"), " \n\t\r\n\u00a0\u3000\n\n   "))));
    }

    @Test
    void windowsLineEndingsReadLikeUnixOnes(@TempDir Path dir) throws IOException {
        Path crlf = Files.writeString(dir.resolve("crlf.txt"), "a b\r\n\r\nc\r\n");
        Path lf = Files.writeString(dir.resolve("lf.txt"), "a b\n\nc\n");
        assertEquals(List.of(List.of("a", "b"), List.of("c")), read(Corpus.plainText(crlf)));
        assertEquals(read(Corpus.plainText(lf)), read(Corpus.plainText(crlf)));
    }

    @Test
    void aNulByteIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("nul.txt"), "fine line\nbad\0word here\n".getBytes(StandardCharsets.UTF_8));
        assertMentions(failure(file), "nul.txt", "line 2", "NUL");
        // UTF-16 puts a NUL beside every ASCII character
        Path utf16 = Files.write(dir.resolve("utf16.txt"), "hello world\n".getBytes(StandardCharsets.UTF_16LE));
        assertMentions(failure(utf16), "utf16.txt", "line 1", "UTF-16");
    }

    @Test
    void aTokenLongerThanTheLimitIsRefused(@TempDir Path dir) throws IOException {
        String longest = "x".repeat(SentenceReader.MAX_TOKEN_CHARS);
        Path ok = Files.writeString(dir.resolve("ok.txt"), "a " + longest + " b\n");
        assertEquals(List.of(List.of("a", longest, "b")), read(Corpus.plainText(ok)));
        Path tooLong = Files.writeString(dir.resolve("long.txt"), "a\nb " + longest + "y c\n");
        assertMentions(failure(tooLong), "long.txt", "line 2", "longer than 10000 characters");
    }

    @Test
    void invalidUtf8IsReplacedCountedAndLocated() throws IOException {
        byte[] bytes = {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE, ' ', (byte) 0xE2,
            (byte) 0x82, '\n', 'x', ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80};
        try (Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes), "test")) {
            String text = readAll(reader, 3); // a tiny buffer: replacements at buffer edges too
            assertEquals("ok \uFFFD( \uFFFD\uFFFD \uFFFD\nx \uD83D\uDE00", text);
            assertEquals(4, reader.malformedSequences());
            assertEquals(3, reader.firstMalformedOffset());
        }
    }

    @Test
    void aFileRefusedForANulByteLogsNoInvalidUtf8WarningBeforeTheRefusal() throws IOException {
        // a binary file: bytes that are not UTF-8 (thousands, in a real one), then a NUL
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 3 == 2 ? ' ' : 0xFF);
        }
        binary[binary.length - 10] = 0;
        try (Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(binary), "model.bin")) {
            SentenceReader sentences = new SentenceReader(reader, "model.bin", Corpus.MAX_SENTENCE_TOKENS);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
                while (sentences.hasNext()) {
                    sentences.next();
                }
            });
            assertMentions(e, "model.bin", "NUL");
            assertEquals(2000, reader.malformedSequences()); // counted, but not worth a warning:
            assertEquals(java.util.Optional.empty(), reader.warning()); // close() logs nothing
        }
        // a file read to its end still gets its warning
        byte[] damaged = {'o', 'k', ' ', (byte) 0xFF, '\n'};
        try (Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(damaged), "crawl.txt")) {
            SentenceReader sentences = new SentenceReader(reader, "crawl.txt", Corpus.MAX_SENTENCE_TOKENS);
            assertEquals(List.of("ok", "\uFFFD"), sentences.next());
            assertEquals(false, sentences.hasNext());
            assertEquals(java.util.Optional.of("crawl.txt: 1 invalid UTF-8 byte sequence replaced by U+FFFD, the first"
                    + " at byte 3"), reader.warning());
        }
    }

    @Test
    void aSequenceSplitAcrossReadsOfTheStreamIsDecodedWhole() throws IOException {
        byte[] bytes = "\u00e9t\u00e9 \u6771\u4eac \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() { // one byte per read: every sequence is split
            int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i == bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };
        try (Utf8Reader reader = new Utf8Reader(trickle, "test")) {
            assertEquals("\u00e9t\u00e9 \u6771\u4eac \uD83D\uDE00", readAll(reader, 1024));
            assertEquals(0, reader.malformedSequences());
        }
    }

    @Test
    void aTruncatedSequenceAtTheEndIsOneReplacement() throws IOException {
        try (Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE6, (byte) 0x9D}),
                "test")) {
            assertEquals("a\uFFFD", readAll(reader, 1024));
            assertEquals(1, reader.malformedSequences());
        }
    }

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buffer = new char[chunk];
        int n;
        while ((n = reader.read(buffer, 0, chunk)) >= 0) {
            b.append(buffer, 0, n);
        }
        return b.toString();
    }

    @Test
    void aPipeOrDeviceIsRefusedBecauseItCannotBeReadOncePerPass() {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "needs /dev/null");
        assertMentions(failure(devNull), "/dev/null", "not a regular file");
    }

    @Test
    void aBrokenLinkInADirectoryIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "good words\n");
        Files.createSymbolicLink(corpus.resolve("b.txt"), corpus.resolve("deleted.txt"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Corpus.plainText(corpus).sentences());
        assertMentions(e, "b.txt", "broken symbolic link");
        assertMentions(failure(corpus.resolve("b.txt")), "b.txt", "broken symbolic link");
    }

    @Test
    void linkedFilesAndDirectoriesAreReadAndHiddenOnesAtAnyDepthAreNot(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("c.txt"), "linked directory\n");
        Files.writeString(corpus.resolve("a.txt"), "first\n");
        Files.createSymbolicLink(corpus.resolve("b-link"), elsewhere);
        Files.createDirectories(corpus.resolve("sub/.cache"));
        Files.writeString(corpus.resolve("sub/.cache/x.txt"), "hidden\n");
        Files.writeString(corpus.resolve("sub/d.txt"), "last\n");
        assertEquals(List.of(List.of("first"), List.of("linked", "directory"), List.of("last")),
                read(Corpus.plainText(corpus)));
    }

    @Test
    void aLinkLoopIsAClearErrorNotAHang(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "words\n");
        Files.createSymbolicLink(corpus.resolve("loop"), corpus);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Corpus.plainText(corpus).sentences());
        assertMentions(e, "cannot list corpus directory", "loop");
    }

    @Test
    void anUnreadableFileIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "words\n");
        Path secret = Files.writeString(corpus.resolve("secret.txt"), "words\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            // root reads files without permission: the test is then skipped (and reported so); the
            // broken-link test above covers the same up-front check for every user
            Assumptions.assumeFalse(Files.isReadable(secret), "this user can read a file without permissions");
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Corpus.plainText(corpus).sentences());
            assertMentions(e, "secret.txt", "not readable");
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aTruncatedGzipFileIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpus.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("some words to compress\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMentions(failure(file), "corpus.gz");
        Files.write(file, java.util.Arrays.copyOf(bytes, 5)); // inside the gzip header
        assertMentions(failure(file), "corpus.gz");
    }

    @Test
    void aHundredMegabyteLineWithoutNewlineStreamsThroughTheFileReader(@TempDir Path dir) throws IOException {
        // 100 MB of text, one line: 12.5 million 7-character tokens, gzipped to ~100 KB on disk. Every
        // piece handed out is at most 10,000 tokens, so memory stays at one piece whatever the line.
        Path file = dir.resolve("one-line.gz");
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i += 8) {
            System.arraycopy("abcdefg ".getBytes(StandardCharsets.US_ASCII), 0, block, i, 8);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
        }
        long tokens = 0;
        long pieces = 0;
        int largest = 0;
        try (Stream<List<String>> s = Corpus.plainText(file).sentences()) {
            for (var it = s.iterator(); it.hasNext(); ) {
                List<String> piece = it.next();
                largest = Math.max(largest, piece.size());
                tokens += piece.size();
                pieces++;
            }
        }
        assertEquals(100L * (1 << 20) / 8, tokens);
        assertEquals(Corpus.MAX_SENTENCE_TOKENS, largest);
        assertEquals((tokens + Corpus.MAX_SENTENCE_TOKENS - 1) / Corpus.MAX_SENTENCE_TOKENS, pieces);
    }

    @Test
    void longTokensCutSentencesByCharactersToo() {
        // 300 tokens of 9,000 characters: 2.7 M characters in one line, cut after ~1 M of them
        String token = "y".repeat(9_000);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            line.append(token).append(' ');
        }
        List<List<String>> pieces = new ArrayList<>();
        new SentenceReader(new StringReader(line.toString()), "test", Corpus.MAX_SENTENCE_TOKENS)
                .forEachRemaining(pieces::add);
        int perPiece = (SentenceReader.MAX_SENTENCE_CHARS + 8_999) / 9_000; // 117 tokens reach 1 Mi characters
        assertEquals(List.of(perPiece, perPiece, 300 - 2 * perPiece), pieces.stream().map(List::size).toList());
    }
}
