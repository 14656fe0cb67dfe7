package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.MemoryBudget;
import dev.skipgram.io.Word2VecFormat.Entry;
import dev.skipgram.io.Word2VecFormat.Format;
import dev.skipgram.io.Word2VecFormat.ReadOptions;
import dev.skipgram.io.Word2VecFormat.UnicodeErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Word2VecFormat.ReadOptions}, gzip input, streaming, and reading and writing through many
 * small views: gensim's {@code load_word2vec_format} options ({@code limit}, {@code no_header},
 * {@code unicode_errors}). Expected values are written out by hand; the replaced words are what
 * {@code scripts/utf8-replace-golden.py} prints (Python's {@code bytes.decode('utf-8', 'replace')},
 * which gensim calls).
 */
class Word2VecFormatOptionsTest {

    @TempDir
    Path dir;

    /** Four words of d = 3: row i is (i, i + 0.5, −i). */
    private static final List<String> WORDS = List.of("the", "of", "and", "in");

    private static float[] row(int i) {
        return new float[] {i, i + 0.5f, -i};
    }

    private static byte[] text(boolean header) {
        StringBuilder s = new StringBuilder(header ? "4 3\n" : "");
        for (int i = 0; i < 4; i++) {
            s.append(WORDS.get(i));
            for (float x : row(i)) {
                s.append(' ').append(x);
            }
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary(List<byte[]> words, int d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((words.size() + " " + d + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < words.size(); i++) {
            out.write(words.get(i));
            out.write(' ');
            ByteBuffer b = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < d; j++) {
                b.putFloat(row(i)[j]);
            }
            out.write(b.array());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] binary() throws IOException {
        return binary(WORDS.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toList(), 3);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static void assertRows(WordVectors v, int n) {
        assertEquals(WORDS.subList(0, n), v.vocabulary().words());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(row(i), v.vector(WORDS.get(i)).toFloatVector(), WORDS.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aLimitReadsOnlyTheFirstVectorsAndNothingAfterThem(Format format) throws IOException {
        byte[] content = format == Format.TEXT ? text(true) : binary();
        Path path = file("v", content);
        assertRows(Word2VecFormat.read(path, format, ReadOptions.defaults().withLimit(2)), 2);
        assertRows(Word2VecFormat.read(path, format, ReadOptions.defaults().withLimit(4)), 4);
        assertRows(Word2VecFormat.read(path, format, ReadOptions.defaults().withLimit(1_000)), 4);
        // what follows the limit is not read, so it may be damaged (gensim's limit reads no further)
        byte[] damaged = Arrays.copyOf(content, content.length - 5);
        assertRows(Word2VecFormat.read(file("damaged", damaged), format, ReadOptions.defaults().withLimit(3)), 3);
        assertThrows(IOException.class, () -> Word2VecFormat.read(dir.resolve("damaged"), format));
    }

    @Test
    void optionsAreValidatedNamingTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadOptions.defaults().withLimit(0));
        assertEquals("limit must be >= 1, got 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> ReadOptions.defaults().withUnicodeErrors(null));
        e = assertThrows(IllegalArgumentException.class, () -> Word2VecFormat.read(file("b", binary()),
                Format.BINARY, ReadOptions.defaults().withoutHeader()));
        assertTrue(e.getMessage().contains("without header line can only be read as TEXT"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void gzipFilesAreRecognisedByTheirMagicBytesWhateverTheirName(Format format) throws IOException {
        byte[] content = format == Format.TEXT ? text(true) : binary();
        for (String name : new String[] {"v.gz", "v.bin", "v.txt"}) {
            Path path = file(name, gzip(content));
            assertEquals(format, Word2VecFormat.detect(path), name);
            assertRows(Word2VecFormat.read(path, format), 4);
            assertRows(Word2VecFormat.read(path, format, ReadOptions.defaults().withLimit(2)), 2);
        }
        byte[] gz = gzip(content);
        Path truncated = file("t.gz", Arrays.copyOf(gz, gz.length - 12));
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(truncated, format));
        assertTrue(e.getMessage() != null, "a message");
    }

    @Test
    void aTextFileWithoutHeaderIsCountedThenRead() throws IOException {
        Path glove = file("glove.txt", text(false));
        ReadOptions noHeader = ReadOptions.defaults().withoutHeader();
        assertRows(Word2VecFormat.read(glove, Format.TEXT, noHeader), 4);
        assertRows(Word2VecFormat.read(glove, Format.TEXT, noHeader.withLimit(3)), 3);
        assertRows(Word2VecFormat.read(glove, Format.TEXT, noHeader.withLimit(4)), 4);
        // trailing blank lines, and gzip
        byte[] blanks = (new String(text(false), StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);
        assertRows(Word2VecFormat.read(file("blanks.txt", blanks), Format.TEXT, noHeader), 4);
        assertRows(Word2VecFormat.read(file("glove.gz", gzip(text(false))), Format.TEXT, noHeader), 4);
        // the same file read with a header: its first line is not one
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(glove, Format.TEXT));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        // a line with another number of values is refused as with a header
        Path ragged = file("ragged.txt", "a 1 2\nb 3\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(ragged, Format.TEXT, noHeader));
        assertTrue(e.getMessage().contains("entry 2: expected a word and 2 values, got 1"), e.getMessage());
        Path empty = file("empty.txt", new byte[0]);
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(empty, Format.TEXT, noHeader));
        assertTrue(e.getMessage().contains("empty") || e.getMessage().contains("no vectors"), e.getMessage());
    }

    /** The byte strings of scripts/utf8-replace-golden.py, and what it prints for each. */
    private static final byte[][] INVALID = {
        {'c', 'a', 'f', (byte) 0xc3},
        {(byte) 0xe2, (byte) 0x82},
        {'n', 'a', (byte) 0xef, 'v', 'e'},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80, 'x'},
        {(byte) 0xc0, (byte) 0xaf, 'y'},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, 'z'},
        {'o', 'k', (byte) 0xff, (byte) 0xfe},
    };
    private static final List<String> REPLACED = List.of("caf\uFFFD", "\uFFFD", "na\uFFFDve", "\uFFFD\uFFFD\uFFFDx",
            "\uFFFD\uFFFDy", "\uFFFD\uFFFD\uFFFD\uFFFD", "\uFFFDz", "ok\uFFFD\uFFFD");

    @Test
    void replacedWordsAreWhatPythonsReplaceGives() throws IOException {
        Path bin = file("cut.bin", binary(List.of(INVALID), 3));
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(bin, Format.BINARY));
        assertTrue(e.getMessage().contains("entry 1: invalid UTF-8") && e.getMessage().contains("REPLACE"),
                e.getMessage());
        ReadOptions replace = ReadOptions.defaults().withUnicodeErrors(UnicodeErrors.REPLACE);
        assertEquals(REPLACED, Word2VecFormat.read(bin, Format.BINARY, replace).vocabulary().words());
        // text files too, the whole line decoded as gensim does
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write("8 1\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] word : INVALID) {
            text.write(word);
            text.write(" 1.5\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path txt = file("cut.txt", text.toByteArray());
        assertThrows(IOException.class, () -> Word2VecFormat.read(txt, Format.TEXT));
        WordVectors v = Word2VecFormat.read(txt, Format.TEXT, replace);
        assertEquals(REPLACED, v.vocabulary().words());
        assertEquals(1.5f, v.vector("caf\uFFFD").getFloat(0));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void streamedEntriesAreTheRowsReadWithoutTheMatrix(Format format) throws IOException {
        Path path = file("v", format == Format.TEXT ? text(true) : binary());
        try (Stream<Entry> entries = Word2VecFormat.entries(path, format, ReadOptions.defaults())) {
            List<Entry> all = entries.toList();
            assertEquals(WORDS, all.stream().map(Entry::word).toList());
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(row(i), all.get(i).vector());
            }
        }
        try (Stream<Entry> entries = Word2VecFormat.entries(path, format, ReadOptions.defaults().withLimit(2))) {
            assertEquals(WORDS.subList(0, 2), entries.map(Entry::word).toList());
        }
        // lazily: a damaged end is met only when the stream gets there
        byte[] content = format == Format.TEXT ? text(true) : binary();
        Path damaged = file("damaged", Arrays.copyOf(content, content.length - 5));
        try (Stream<Entry> entries = Word2VecFormat.entries(damaged, format, ReadOptions.defaults())) {
            Iterator<Entry> it = entries.iterator();
            assertEquals("the", it.next().word());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
                while (it.hasNext()) {
                    it.next();
                }
            });
            assertTrue(e.getCause().getMessage().contains("damaged"), e.getCause().getMessage());
        }
    }

    @Test
    void aTextFileWithoutHeaderStreamsInOnePass() throws IOException {
        Path glove = file("glove.txt.gz", gzip(text(false)));
        try (Stream<Entry> entries = Word2VecFormat.entries(glove, Format.TEXT, ReadOptions.defaults().withoutHeader())) {
            List<Entry> all = entries.toList();
            assertEquals(WORDS, all.stream().map(Entry::word).toList());
            assertArrayEquals(row(3), all.get(3).vector());
        }
        try (Stream<Entry> entries = Word2VecFormat.entries(glove, Format.TEXT,
                ReadOptions.defaults().withoutHeader().withLimit(1))) {
            assertEquals(List.of("the"), entries.map(Entry::word).toList());
        }
    }

    /**
     * Reading and writing through views of 7 floats (two rows of d = 3 a view, so four rows take two
     * views) gives what one view gives: the same vectors, answers and bytes.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void manySmallViewsReadAndWriteAsOneView(Format format) throws IOException {
        Path path = file("v", format == Format.TEXT ? text(true) : binary());
        MatrixMemory sevenFloats = new MatrixMemory(MemoryBudget.unlimited(), 7);
        WordVectors many = Word2VecFormat.read(path, format, ReadOptions.defaults(), sevenFloats);
        WordVectors one = Word2VecFormat.read(path, format);
        INDArray expected = one.centerVectors();
        assertEquals(expected, many.centerVectors());
        for (String w : WORDS) {
            assertEquals(one.mostSimilar(w, 3), many.mostSimilar(w, 3), w);
        }
        assertEquals(one.analogy("the", "of", "and", 1), many.analogy("the", "of", "and", 1));
        ByteArrayOutputStream viaMany = new ByteArrayOutputStream();
        ByteArrayOutputStream viaOne = new ByteArrayOutputStream();
        Word2VecFormat.content(many, format, 7).writeTo(viaMany);
        Word2VecFormat.content(one, format).writeTo(viaOne);
        assertArrayEquals(viaOne.toByteArray(), viaMany.toByteArray());
        assertArrayEquals(Files.readAllBytes(path), viaOne.toByteArray());
    }
}
