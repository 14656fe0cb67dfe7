package dev.skipgram.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Word2VecFormat#detect} tells text from binary by the content, whatever the file's name, and
 * the readers recognise a fastText model by its magic number instead of calling it malformed.
 */
class FormatDetectionTest {

    @TempDir
    Path dir;

    private static WordVectors sample() {
        Vocabulary vocabulary = new Vocabulary(List.of("the", "naïve", "東京", "x"), new long[] {9, 5, 2, 1});
        return new WordVectors(vocabulary, Nd4j.createFromArray(new float[][] {
                {0.1f, -2.5f, 3e-8f}, {1e6f, -0f, 0.33f}, {-1.5e-3f, 7f, 8f}, {1e-30f, 1f, -1f}}));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theContentDecidesWhateverTheName(Format format) throws IOException {
        for (String name : new String[] {"v.bin", "v.txt", "v.vec", "v"}) {
            Path file = dir.resolve(format + "-" + name);
            Word2VecFormat.write(sample(), file, format);
            assertEquals(format, Word2VecFormat.detect(file), file.toString());
            assertEquals(sample().centerVectors(), Word2VecFormat.read(file, Word2VecFormat.detect(file))
                    .centerVectors());
        }
    }

    @Test
    void textFromOtherToolsIsText() throws IOException {
        assertEquals(Format.TEXT,
                Word2VecFormat.detect(write("crlf.bin", ascii("2 2\r\nfoo 1.5 -2 \r\nbar 3e-1 4\n"))));
        assertEquals(Format.TEXT, Word2VecFormat.detect(write("one.bin", ascii("1 2\nfoo 1.5 -2"))));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ' ', '1', '\n', 'a', ' ', '1', '\n'};
        assertEquals(Format.TEXT, Word2VecFormat.detect(write("bom.bin", bom)));
    }

    @Test
    void binaryWithoutNewlinesOrWithWordsThatLookLikeNumbersIsBinary() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("2 2\n"));
        for (String word : new String[] {"1.5", "2"}) { // words that are numbers, floats without newlines
            out.writeBytes(ascii(word + " "));
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(2f).array());
        }
        Path file = write("numbers.txt", out.toByteArray());
        assertEquals(Format.BINARY, Word2VecFormat.detect(file));
        assertEquals(List.of("1.5", "2"), Word2VecFormat.read(file, Format.BINARY).vocabulary().words());
    }

    @Test
    void aWrongNumberOfValuesIsStillTextSoTheTextReaderSaysWhatIsWrong() throws IOException {
        Path fewer = write("fewer.bin", ascii("2 3\na 1 2\nb 3 4\n"));
        assertEquals(Format.TEXT, Word2VecFormat.detect(fewer));
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(fewer, Word2VecFormat.detect(fewer)));
        assertTrue(e.getMessage().contains("entry 1: expected a word and 3 values, got 2"), e.getMessage());
        assertEquals(Format.TEXT, Word2VecFormat.detect(write("word-only.bin", ascii("1 2\nalone\n"))));
        assertEquals(Format.TEXT, Word2VecFormat.detect(write("cut.bin", ascii("1 2\nalo"))));
        // a field that is not a number is taken for raw floats: forcing the format reads it as text
        assertEquals(Format.BINARY, Word2VecFormat.detect(write("oops.bin", ascii("1 2\na 1 oops\n"))));
    }

    @Test
    void aTextFileNamedBinWasReadAsBinaryBeforeDetection() throws IOException {
        // the file of issue 11: the name said binary, and the binary reader refused a good text file
        Path fake = dir.resolve("fake.bin");
        Word2VecFormat.write(sample(), fake, Format.TEXT);
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(fake, Word2VecFormat.formatOf(fake)));
        assertTrue(e.getMessage().startsWith(fake.toString()), e.getMessage());
        assertEquals(sample().vocabulary().words(),
                Word2VecFormat.read(fake, Word2VecFormat.detect(fake)).vocabulary().words());
    }

    @Test
    void detectRefusesWhatReadRefusesInTheHeader() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.detect(dir.resolve("none.vec")));
        assertTrue(e.getMessage().contains("none.vec") && e.getMessage().contains("not found"), e.getMessage());
        e = assertThrows(IOException.class, () -> Word2VecFormat.detect(dir));
        assertEquals(dir + ": not a regular file but a directory", e.getMessage());
        Path empty = write("empty.vec", new byte[0]);
        e = assertThrows(IOException.class, () -> Word2VecFormat.detect(empty));
        assertEquals(empty + ": the file is empty (no header)", e.getMessage());
        Path header = write("header.vec", ascii("two 3\n"));
        e = assertThrows(IOException.class, () -> Word2VecFormat.detect(header));
        assertEquals(header + ", header: word count is not a number: \"two\"", e.getMessage());
    }

    /** The start of a fastText model: magic 793712314 and version 12 (int32, little-endian), then its args. */
    private static byte[] fastTextModel() {
        ByteBuffer b = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(793712314).putInt(12);
        for (int arg : new int[] {100, 5, 5, 5, 1, 5, 3, 1, 1000, 3, 6}) {
            b.putInt(arg); // dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn
        }
        while (b.hasRemaining()) {
            b.put((byte) (b.position() * 31)); // the dictionary and matrices: arbitrary bytes
        }
        return b.array();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFastTextModelIsRecognisedAndTheVecFileSuggested(Format format) throws IOException {
        Path model = write("model.bin", fastTextModel());
        String expected = model + " is a fastText model (.bin), not a word2vec vector file; load the .vec file that"
                + " fastText writes beside it";
        IOException e = assertThrows(IOException.class, () -> Word2VecFormat.read(model, format));
        assertEquals(expected, e.getMessage());
        e = assertThrows(IOException.class, () -> Word2VecFormat.detect(model));
        assertEquals(expected, e.getMessage());
        byte[] bytes = fastTextModel();
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(new ByteArrayInputStream(bytes), bytes.length,
                format, "stream"));
        assertTrue(e.getMessage().startsWith("stream is a fastText model (.bin)"), e.getMessage());
        // only the magic number matters: a model cut after it is still named for what it is
        Path cut = write("cut.bin", new byte[] {(byte) 0xBA, 0x16, 0x4F, 0x2F});
        e = assertThrows(IOException.class, () -> Word2VecFormat.read(cut, format));
        assertTrue(e.getMessage().contains("is a fastText model"), e.getMessage());
    }
}
