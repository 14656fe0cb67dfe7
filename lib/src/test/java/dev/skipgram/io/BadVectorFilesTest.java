package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.MemoryBudget;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.io.Word2VecFormat.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Vector files that are wrong: truncated anywhere, headers that do not match the body or claim
 * impossible sizes, bad values and words. Each is an {@link IOException} naming the source and the
 * problem, found before anything the header claims is allocated.
 */
class BadVectorFilesTest {

    private static WordVectors sample() {
        Vocabulary vocabulary = new Vocabulary(List.of("the", "naïve", "東京", "x"), new long[] {9, 5, 2, 1});
        return new WordVectors(vocabulary, Nd4j.createFromArray(new float[][] {
                {0.1f, -2.5f, 3e-8f}, {1e6f, -0f, 0.33f}, {-1.5e-3f, 7f, 8f}, {1e-30f, 1f, -1f}}));
    }

    private static byte[] bytes(WordVectors vectors, Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Word2VecFormat.content(vectors, format).writeTo(out);
        return out.toByteArray();
    }

    private static WordVectors parse(byte[] bytes, Format format) throws IOException {
        return Word2VecFormat.read(new ByteArrayInputStream(bytes), bytes.length, format, "test.vec");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static IOException refused(byte[] bytes, Format format, String... parts) {
        IOException e = assertThrows(IOException.class, () -> parse(bytes, format), new String(bytes,
                StandardCharsets.ISO_8859_1));
        assertTrue(e.getMessage().startsWith("test.vec"), "names the source: " + e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
        return e;
    }

    private static byte[] binary(String header, Object... wordsAndFloats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(header));
        for (Object o : wordsAndFloats) {
            if (o instanceof String word) {
                out.writeBytes((word + " ").getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat((Float) o).array());
            }
        }
        return out.toByteArray();
    }

    @Test
    void everyTruncationOfABinaryFileIsRefused() throws IOException {
        byte[] full = bytes(sample(), Format.BINARY);
        assertEquals(sample().centerVectors(), parse(full, Format.BINARY).centerVectors());
        // dropping the final newline loses nothing; every shorter cut loses data and must be an error
        for (int cut = 0; cut < full.length - 1; cut++) {
            byte[] truncated = Arrays.copyOf(full, cut);
            assertThrows(IOException.class, () -> parse(truncated, Format.BINARY), "cut at " + cut);
        }
    }

    @Test
    void everyTruncationOfATextFileIsRefusedUnlessItOnlyShortensTheLastNumber() throws IOException {
        byte[] full = bytes(sample(), Format.TEXT);
        int lastValue = full.length - 1;
        while (full[lastValue - 1] != ' ') {
            lastValue--; // the byte offset of "-1.0\n", the last value: cutting its digits leaves a number
        }
        for (int cut = 0; cut < full.length - 1; cut++) {
            byte[] truncated = Arrays.copyOf(full, cut);
            if (cut > lastValue + 1) {
                WordVectors v = parse(truncated, Format.TEXT);
                assertEquals(sample().vocabulary().words(), v.vocabulary().words());
            } else {
                assertThrows(IOException.class, () -> parse(truncated, Format.TEXT), "cut at " + cut);
            }
        }
    }

    @Test
    void headerCountsThatDoNotMatchTheBody() {
        refused(ascii("3 2\naaa 1.5 2.5\nbbb 3.5 4.5\n"), Format.TEXT, "file ends before entry 3");
        refused(ascii("1 2\na 1 2\nb 3 4\n"), Format.TEXT, "entry 2", "header announces 1 words",
                "goes on after entry 1");
        refused(ascii("2 3\na 1 2\nb 3 4\n"), Format.TEXT, "entry 1: expected a word and 3 values, got 2");
        refused(ascii("2 1\na 1 2\nb 3 4\n"), Format.TEXT, "entry 1: expected a word and 1 values, got 2");
        refused(binary("3 2\n", "alpha", 1f, 2f, "bravo", 3f, 4f), Format.BINARY, "file ends inside entry 3");
        refused(binary("1 2\n", "alpha", 1f, 2f, "bravo", 3f, 4f), Format.BINARY, "header announces 1 words");
        refused(binary("2 3\n", "alpha", 1f, 2f, "bravo", 3f, 4f), Format.BINARY, "file ends");
        refused(binary("2 1\n", "alpha", 1f, 2f, "bravo", 3f, 4f), Format.BINARY);
    }

    @Test
    void trailingWhitespaceAndABomAreFine() throws IOException {
        assertEquals(List.of("a", "b"), parse(ascii("2 1\na 1\nb 2\n\n \r\n"), Format.TEXT).vocabulary().words());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ascii("1 1\na 1\n");
        byte[] withBom = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        assertEquals(List.of("a"), parse(withBom, Format.TEXT).vocabulary().words());
        assertEquals(List.of("a"), parse(binary("1 1\n", "a", 1f), Format.BINARY).vocabulary().words());
    }

    @Test
    void impossibleHeadersAreRefusedBeforeAllocating() throws IOException {
        for (Format format : Format.values()) {
            refused(ascii("1000000000000 5\na 1 2 3 4 5\n"), format, "header claims 1000000000000 words",
                    "cannot fit in");
            refused(ascii("2 1000000000\na 1\n"), format, "2 words of 1000000000 dimensions", "cannot fit in");
            refused(ascii("9223372036854775807 9223372036854775807\n"), format, "cannot fit in");
            // a size that could hold them, but more memory than the process may take: refused before
            // allocating, naming the bytes and the limit to raise (a budget of 1 GiB, injected)
            MatrixMemory oneGib = new MatrixMemory(MemoryBudget.of(1L << 30, 0, 0), FloatMatrix.MAX_VIEW_FLOATS);
            IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(
                    new ByteArrayInputStream(ascii("50000 50000\n")), 1L << 40, format, "test.vec",
                    Word2VecFormat.ReadOptions.defaults(), null, oneGib));
            assertTrue(e.getMessage().startsWith("test.vec: the 50000 vectors of 50000 dimensions need 10000000000"
                    + " bytes (9.3 GiB) off the Java heap, but JavaCPP allows this process 1073741824 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=11g"), e.getMessage());
            assertTrue(e.getMessage().contains("--limit"), e.getMessage());
        }
        // the reader allocates in proportion to the file, not to the claim
        byte[] claim = ascii("100000 100\na " + "1 ".repeat(100) + "\n"); // 100,000 × 100 needs 20 MB
        long allocated = Allocations.heapBytesAllocatedBy(() -> {
            try {
                parse(claim, Format.TEXT);
            } catch (IOException expected) {
                // refused
            }
        });
        assertTrue(allocated < 1 << 20, allocated + " bytes of heap for a " + claim.length + "-byte file");
    }

    @Test
    void malformedHeaders() throws IOException {
        refused(new byte[0], Format.TEXT, "the file is empty");
        refused(new byte[0], Format.BINARY, "the file is empty");
        refused(ascii("\n"), Format.TEXT, "header must be");
        refused(ascii("3\n"), Format.TEXT, "header must be");
        refused(ascii("3 x\n"), Format.TEXT, "dimension is not a number: \"x\"");
        refused(ascii("0 3\n"), Format.TEXT, "word count must be positive, got 0");
        refused(ascii("3 -1\n"), Format.BINARY, "dimension must be positive, got -1");
        refused(ascii("99999999999999999999 1\n"), Format.TEXT, "word count is not a number");
        refused(ascii("1 1" + " ".repeat(300) + "\n"), Format.TEXT, "header", "longer than 256 bytes");
        // a header without a newline, as a binary blob would start: refused after 256 bytes, not read whole
        refused(new byte[10_000_000], Format.BINARY, "header", "longer than 256 bytes");
    }

    @Test
    void badValues() throws IOException {
        refused(ascii("1 2\na 1 oops\n"), Format.TEXT, "value 2 of 'a' is not a number: \"oops\"");
        refused(ascii("1 2\na 1  2\n"), Format.TEXT, "expected a word and 2 values, got 3");
        refused(ascii("1 2\na 1 \n"), Format.TEXT, "expected a word and 2 values, got 1");
        refused(ascii("1 2\na 1 \t\n"), Format.TEXT, "value 2 of 'a' is not a number");
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity"}) {
            refused(ascii("1 2\na 1 " + bad + "\n"), Format.TEXT, "value 2 of 'a' is " + bad);
        }
        refused(ascii("1 2\na 1 1e39\n"), Format.TEXT, "value 2 of 'a' is Infinity (out of float range: \"1e39\")");
        refused(binary("1 2\n", "a", 1f, Float.NaN), Format.BINARY, "entry 1: value 2 of 'a' is NaN");
        refused(binary("1 2\n", "a", Float.NEGATIVE_INFINITY, 1f), Format.BINARY, "value 1 of 'a' is -Infinity");
        // a line far longer than a word and one value can be
        refused(ascii("1 1\na " + "1".repeat(100_000) + "\n"), Format.TEXT, "entry 1: line longer than");
    }

    @Test
    void badWords() throws IOException {
        refused(ascii("2 1\na 1\na 2\n"), Format.TEXT, "entry 2: word 'a' appears twice");
        refused(binary("2 1\n", "a", 1f, "a", 2f), Format.BINARY, "entry 2: word 'a' appears twice");
        refused(ascii("1 1\n 1\n"), Format.TEXT, "entry 1: empty word");
        refused(binary("1 1\n", "", 1f), Format.BINARY, "entry 1: empty word");
        byte[] invalid = {'1', ' ', '1', '\n', (byte) 0xC3, (byte) 0x28, ' ', 0, 0, (byte) 0x80, 0x3f};
        refused(invalid, Format.BINARY, "entry 1: invalid UTF-8");
        byte[] longWord = new byte[100_000];
        Arrays.fill(longWord, (byte) 'w');
        byte[] file = Arrays.copyOf(ascii("1 1\n"), 4 + longWord.length + 5);
        System.arraycopy(longWord, 0, file, 4, longWord.length);
        refused(file, Format.BINARY, "entry 1: word longer than 65536 bytes");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void filesThatAreNotThere(Format format, @TempDir Path dir) throws IOException {
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(dir.resolve("none.vec"), format));
        assertTrue(e.getMessage().contains("none.vec") && e.getMessage().contains("not found"), e.getMessage());
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(dir, format));
        assertTrue(e.getMessage().contains(dir + ": not a regular file but a directory"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.vec"), new byte[0]);
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(empty, format));
        assertTrue(e.getMessage().equals(empty + ": the file is empty (no header)"), e.getMessage());
    }

    @Test
    void noClassOfTheLibraryUsesJavaDeserialization() throws IOException, URISyntaxException {
        // Java deserialization of untrusted files runs code; the readers parse bytes themselves. Every
        // class of the library is scanned for a reference to ObjectInputStream in its constant pool.
        Path location = Path.of(Word2VecFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        byte[] needle = ascii("java/io/ObjectInputStream");
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    classes++;
                    if (contains(Files.readAllBytes(f), needle)) {
                        offenders.add(f.toString());
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (var entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        classes++;
                        try (InputStream in = jar.getInputStream(entry)) {
                            if (contains(in.readAllBytes(), needle)) {
                                offenders.add(entry.getName());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(classes > 40, "found the library's classes at " + location + ": " + classes);
        assertEquals(List.of(), offenders);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
