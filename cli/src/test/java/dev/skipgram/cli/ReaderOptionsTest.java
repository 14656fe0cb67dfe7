package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --limit}, {@code --no-header}, {@code --unicode-errors} and gzip input on the commands that read vectors. */
class ReaderOptionsTest {

    @TempDir
    Path dir;

    private static final String TEXT = "3 2\na 1 0\nb 0 1\nc 1 1\n";

    @Test
    void aLimitReadsOnlyTheFirstVectors() throws IOException {
        Path v = Files.writeString(dir.resolve("v.txt"), TEXT);
        Cli.Result all = Cli.run("similarity", v.toString(), "a", "c", "--limit", "3");
        assertEquals(0, all.code(), all.toString());
        Cli.Result two = Cli.run("similarity", v.toString(), "a", "c", "--limit", "2");
        assertEquals(1, two.code(), two.toString());
        assertTrue(two.err().contains("'c' is not in the vocabulary of " + v + " (2 words)"), two.err());
        Cli.Result zero = Cli.run("similarity", v.toString(), "a", "c", "--limit", "0");
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--limit must be at least 1, got 0"), zero.err());
    }

    @Test
    void aGloveFileIsReadWithNoHeader() throws IOException {
        Path glove = Files.writeString(dir.resolve("glove.txt"), "a 1 0\nb 0 1\nc 1 1\n");
        Cli.Result read = Cli.run("similarity", glove.toString(), "a", "c", "--no-header");
        assertEquals(0, read.code(), read.toString());
        assertTrue(read.out().contains("0.7071"), read.out());
        Cli.Result refused = Cli.run("similarity", glove.toString(), "a", "c");
        assertEquals(1, refused.code(), refused.toString());
        Cli.Result binary = Cli.run("similarity", glove.toString(), "a", "c", "--no-header", "--format", "binary");
        assertEquals(2, binary.code(), binary.toString());
        assertTrue(binary.err().contains("--no-header reads text files only"), binary.err());
    }

    @Test
    void invalidUtf8IsRefusedOrReplacedOnRequest() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("2 2\ncaf".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xc3); // word2vec.c cut 'é' after its first byte
        bytes.write(" 1 0\nb 1 1\n".getBytes(StandardCharsets.US_ASCII));
        Path v = Files.write(dir.resolve("cut.txt"), bytes.toByteArray());
        Cli.Result strict = Cli.run("similarity", v.toString(), "b", "b");
        assertEquals(1, strict.code(), strict.toString());
        assertTrue(strict.err().contains("invalid UTF-8"), strict.err());
        Cli.Result replaced = Cli.run("neighbors", v.toString(), "b", "-n", "1", "--unicode-errors", "replace");
        assertEquals(0, replaced.code(), replaced.toString());
        assertTrue(replaced.out().contains("caf\uFFFD"), replaced.out());
        Cli.Result bad = Cli.run("similarity", v.toString(), "b", "b", "--unicode-errors", "ignore");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("expected strict or replace, got 'ignore'"), bad.err());
    }

    @Test
    void gzipFilesAreReadWhateverTheirName() throws IOException {
        for (String name : new String[] {"v.txt.gz", "v.bin"}) {
            Path v = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(v))) {
                out.write(TEXT.getBytes(StandardCharsets.US_ASCII));
            }
            Cli.Result read = Cli.run("similarity", v.toString(), "a", "c");
            assertEquals(0, read.code(), read.toString());
            assertTrue(read.out().contains("0.7071"), read.out());
        }
    }
}
