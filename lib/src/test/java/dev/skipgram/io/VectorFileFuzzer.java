package dev.skipgram.io;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mutation fuzzing of the two vector-file readers: valid files of both formats, mutated by bit flips,
 * byte edits, insertions, deletions, truncations, header edits, duplicated ranges and splices, then
 * read. Input {@code i} of a seed depends only on (seed, i), so any input can be rebuilt alone.
 *
 * <p>The property: reading either returns vectors or throws an {@link IOException} whose message
 * starts with the source's name; nothing else is thrown; the heap allocated stays within
 * {@link #HEAP_PER_BYTE}·size + {@link #HEAP_CONSTANT}. The long run also reports an input slower than
 * {@link #SLOW_NANOS} ({@link #slowness}); the suite does not, so that its outcome never depends on the
 * machine's speed (a reader that hangs stops the suite at surefire's fork timeout instead).
 * Used by {@link Word2VecFormatFuzzTest} (a sample in the suite) and {@link Word2VecFormatFuzz} (a
 * long run). Not thread-safe.
 */
final class VectorFileFuzzer {

    /** The source name the readers are given, which every message must start with. */
    static final String SOURCE = "fuzz-input.vec";
    /**
     * Heap bytes per input byte allowed. Text is the costly case: a one-character value ("1 ") becomes
     * a substring and a Float.parseFloat, about 120 bytes of short-lived garbage for 2 bytes of file.
     */
    static final long HEAP_PER_BYTE = 128;
    /** Fixed heap per read: the reader, the vocabulary's map, ND4J's array objects, WordVectors. */
    static final long HEAP_CONSTANT = 1 << 20;
    /** An input slower than this is reported as a hang. */
    static final long SLOW_NANOS = 5_000_000_000L;

    private static final String[] INTERESTING_NUMBERS = {"0", "-1", "1", "2", "3", "7", "64", "255", "256",
        "65536", "2147483647", "2147483648", "4294967296", "1000000000", "1000000000000",
        "9223372036854775807", "9223372036854775808", "99999999999999999999999", "-0", "+5", "1e3", "0x10",
        "", " ", "abc", "NaN", "1.5", "\u0661"};
    private static final byte[] INTERESTING_BYTES = {0, ' ', '\n', '\r', '\t', (byte) 0xFF, (byte) 0x80,
        (byte) 0xC3, (byte) 0xE2, '-', '.', 'e', 'E', '0', '9', 'N', 'I', '+', (byte) 0x7F, (byte) 0xC0};
    private static final Pattern QUOTED_SINGLE = Pattern.compile("'[^']*'", Pattern.DOTALL);
    private static final Pattern QUOTED_DOUBLE = Pattern.compile("\".*\"", Pattern.DOTALL); // greedy: quotes may nest
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    /** A mutated file and how it was made. */
    record Input(int index, byte[] bytes, Format format, String mutations) {}

    /**
     * What reading an input did.
     *
     * @param kind "ok", "IOException" (or its subclass's name), or the unexpected throwable's class
     * @param messageClass the message with numbers and quoted parts blanked out ("" when ok)
     * @param error the exception, or null
     * @param heapBytes heap allocated by the read on this thread (0 if the JVM cannot tell)
     * @param nanos time taken
     * @param matrixBytes 4·V·d when the reader accepted the header and so allocated the [V, d] matrix
     *     off the heap, else 0
     */
    record Outcome(String kind, String messageClass, Throwable error, long heapBytes, long nanos, long matrixBytes) {}

    private final long seed;
    private final List<byte[]> seeds = new ArrayList<>();
    private final List<Format> seedFormats = new ArrayList<>();

    VectorFileFuzzer(long seed) {
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] shapes = {{1, 1}, {2, 3}, {4, 1}, {5, 8}, {12, 4}, {30, 2}, {3, 20}, {40, 10}};
        for (int[] shape : shapes) {
            WordVectors vectors = randomVectors(shape[0], shape[1], rng);
            for (Format format : Format.values()) {
                seeds.add(write(vectors, format));
                seedFormats.add(format);
            }
        }
        // what other writers produce: CRLF and trailing spaces (text), no newline after vectors (binary)
        seeds.add("3 2\r\nfoo 1.5 -2 \r\nbar 3e-1 4\r\nbaz -0.0 1E10 \r\n".getBytes(StandardCharsets.UTF_8));
        seedFormats.add(Format.TEXT);
        byte[] binary = write(randomVectors(6, 3, rng), Format.BINARY);
        seeds.add(withoutNewlinesAfterVectors(binary, 6, 3));
        seedFormats.add(Format.BINARY);
    }

    /** How many valid files the mutations start from. */
    int seedCount() {
        return seeds.size();
    }

    /** A valid seed file, unmutated. */
    Input seedInput(int s) {
        return new Input(-1, seeds.get(s).clone(), seedFormats.get(s), "seed " + s);
    }

    private static WordVectors randomVectors(int v, int d, SplittableRandom rng) {
        String[] stems = {"w", "naïve", "東京", "x_y", "\u00e9t\u00e9", "a\u00a0b", "Z", "😀", "ü"};
        List<String> words = new ArrayList<>();
        long[] counts = new long[v];
        float[][] values = new float[v][d];
        float[] extremes = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, 0f, 1e-38f, 3.4e38f, 1f};
        for (int w = 0; w < v; w++) {
            words.add(stems[w % stems.length] + w);
            counts[w] = v - w;
            for (int j = 0; j < d; j++) {
                values[w][j] = rng.nextInt(10) == 0 ? extremes[rng.nextInt(extremes.length)]
                        : (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-4, 3)));
            }
        }
        return new WordVectors(new Vocabulary(words, counts), Nd4j.createFromArray(values));
    }

    private static byte[] write(WordVectors vectors, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Word2VecFormat.content(vectors, format).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Drops the '\n' after each binary vector (files without them are valid too). */
    private static byte[] withoutNewlinesAfterVectors(byte[] binary, int v, int d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int header = indexOf(binary, (byte) '\n', 0) + 1;
        out.write(binary, 0, header);
        int p = header;
        for (int w = 0; w < v; w++) {
            int space = indexOf(binary, (byte) ' ', p);
            out.write(binary, p, space + 1 - p + 4 * d);
            p = space + 1 + 4 * d + 1; // skip the '\n'
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Input {@code index}: a seed with one to four mutations. */
    Input input(int index) {
        SplittableRandom rng = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        int s = rng.nextInt(seeds.size());
        byte[] bytes = seeds.get(s).clone();
        Format format = seedFormats.get(s);
        StringBuilder done = new StringBuilder("seed " + s);
        int n = 1 + rng.nextInt(4);
        for (int m = 0; m < n; m++) {
            int op = rng.nextInt(10);
            bytes = mutate(op, bytes, rng);
            done.append(", ").append(OPERATIONS[op]);
        }
        if (rng.nextInt(10) == 0) { // reading a file in the wrong format is a mistake users make
            format = format == Format.TEXT ? Format.BINARY : Format.TEXT;
            done.append(", read as ").append(format);
        }
        return new Input(index, bytes, format, done.toString());
    }

    private static final String[] OPERATIONS = {"bit flip", "byte set", "insert", "delete", "truncate",
        "header word count", "header dimension", "duplicate range", "splice", "append"};

    private byte[] mutate(int op, byte[] b, SplittableRandom rng) {
        int len = b.length;
        switch (op) {
            case 0 -> {
                if (len > 0) {
                    b[rng.nextInt(len)] ^= (byte) (1 << rng.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                if (len > 0) {
                    b[rng.nextInt(len)] = rng.nextBoolean() ? INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)]
                            : (byte) rng.nextInt(256);
                }
                return b;
            }
            case 2 -> {
                int at = rng.nextInt(len + 1);
                byte[] insert = new byte[1 + rng.nextInt(8)];
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = rng.nextBoolean() ? INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)]
                            : (byte) rng.nextInt(256);
                }
                return concat(Arrays.copyOf(b, at), insert, Arrays.copyOfRange(b, at, len));
            }
            case 3 -> {
                if (len == 0) {
                    return b;
                }
                int at = rng.nextInt(len);
                int end = Math.min(len, at + 1 + rng.nextInt(16));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, len));
            }
            case 4 -> {
                return Arrays.copyOf(b, rng.nextInt(len + 1));
            }
            case 5, 6 -> {
                int newline = indexOf(b, (byte) '\n', 0);
                String header = new String(b, 0, newline < 0 ? len : newline, StandardCharsets.ISO_8859_1);
                String[] parts = header.split(" ", -1);
                int field = op == 5 ? 0 : Math.min(1, parts.length - 1);
                parts[field] = INTERESTING_NUMBERS[rng.nextInt(INTERESTING_NUMBERS.length)];
                byte[] edited = String.join(" ", parts).getBytes(StandardCharsets.UTF_8);
                return concat(edited, newline < 0 ? new byte[0] : Arrays.copyOfRange(b, newline, len));
            }
            case 7 -> {
                if (len == 0) {
                    return b;
                }
                int from = rng.nextInt(len);
                int to = Math.min(len, from + 1 + rng.nextInt(64));
                int at = rng.nextInt(len + 1);
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, from, to), Arrays.copyOfRange(b, at, len));
            }
            case 8 -> {
                byte[] other = seeds.get(rng.nextInt(seeds.size()));
                int cut = rng.nextInt(len + 1);
                int from = rng.nextInt(other.length + 1);
                return concat(Arrays.copyOf(b, cut), Arrays.copyOfRange(other, from, other.length));
            }
            default -> {
                byte[] tail = new byte[1 + rng.nextInt(32)];
                for (int i = 0; i < tail.length; i++) {
                    tail[i] = INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)];
                }
                return concat(b, tail);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * Reads the input as the reader would read a file of that size, and records what happened. A read
     * over the heap budget is read again, up to twice, and the smallest figure kept: the JVM's one-time
     * and occasional costs (loading a class, a library's housekeeping, seen once in CI as 6.6 MB on a
     * read that allocates 11 KB) land on whichever read happens to be running, while a read's own
     * allocation repeats on every read of the same bytes.
     */
    static Outcome run(Input input) {
        Outcome outcome = readOnce(input);
        for (int again = 0; again < 2 && outcome.heapBytes() > heapBudget(input); again++) {
            Outcome repeat = readOnce(input);
            if (repeat.heapBytes() < outcome.heapBytes()) {
                outcome = repeat;
            }
        }
        return outcome;
    }

    /** The heap a read of this input may allocate. */
    static long heapBudget(Input input) {
        return HEAP_PER_BYTE * input.bytes().length + HEAP_CONSTANT;
    }

    private static Outcome readOnce(Input input) {
        long heapBefore = Allocations.allocatedSoFar();
        long started = System.nanoTime();
        String kind;
        String messageClass = "";
        Throwable error = null;
        long matrix = 0;
        try {
            WordVectors v = Word2VecFormat.read(new ByteArrayInputStream(input.bytes()), input.bytes().length,
                    input.format(), SOURCE);
            kind = "ok";
            matrix = 4L * v.vocabulary().size() * v.dimension();
        } catch (IOException e) {
            kind = e.getClass() == IOException.class ? "IOException" : e.getClass().getSimpleName();
            messageClass = messageClass(e.getMessage());
            error = e;
            if (e.getMessage() != null && !e.getMessage().startsWith(SOURCE + ", header:")) {
                matrix = claimedMatrixBytes(input.bytes()); // the header was accepted: the matrix was allocated
            }
        } catch (Throwable t) { // the property says this never happens; record it, do not die
            kind = t.getClass().getName();
            messageClass = String.valueOf(t.getMessage());
            error = t;
        }
        long nanos = System.nanoTime() - started;
        long heap = heapBefore < 0 ? 0 : Allocations.allocatedSoFar() - heapBefore;
        return new Outcome(kind, messageClass, error, heap, nanos, matrix);
    }

    /** Why the outcome breaks the property, or null if it does not. */
    static String violation(Input input, Outcome outcome) {
        if (outcome.error() != null && !(outcome.error() instanceof IOException)) {
            return "threw " + outcome.error();
        }
        if (outcome.error() != null && (outcome.error().getMessage() == null
                || !outcome.error().getMessage().startsWith(SOURCE))) {
            return "the message does not name the source: " + outcome.error().getMessage();
        }
        if (outcome.heapBytes() > heapBudget(input)) {
            return "allocated " + outcome.heapBytes() + " heap bytes for " + input.bytes().length + " bytes";
        }
        if (outcome.matrixBytes() > 2L * input.bytes().length) {
            return "allocated a " + outcome.matrixBytes() + "-byte matrix for " + input.bytes().length + " bytes";
        }
        return null;
    }

    /** A message if the read took longer than {@link #SLOW_NANOS}, else null: for the long run only. */
    static String slowness(Outcome outcome) {
        return outcome.nanos() > SLOW_NANOS ? "took " + outcome.nanos() / 1_000_000 + " ms" : null;
    }

    /** The message without the source, with numbers and quoted text blanked out. */
    static String messageClass(String message) {
        if (message == null) {
            return "(no message)";
        }
        String m = message.startsWith(SOURCE) ? message.substring(SOURCE.length()) : message;
        m = QUOTED_DOUBLE.matcher(m).replaceAll("\"…\"");
        m = QUOTED_SINGLE.matcher(m).replaceAll("'…'");
        m = m.replace("UTF-8", "UTF-EIGHT").replace("word2vec", "wordTWOvec"); // names, not numbers
        m = NUMBER.matcher(m).replaceAll("N").replace("UTF-EIGHT", "UTF-8").replace("wordTWOvec", "word2vec");
        return m.replaceFirst("^[:,] ", "");
    }

    /** 4·V·d from the header the reader accepted (its first line: two positive numbers). */
    private static long claimedMatrixBytes(byte[] bytes) {
        int newline = indexOf(bytes, (byte) '\n', 0);
        String header = new String(bytes, 0, newline < 0 ? bytes.length : newline, StandardCharsets.UTF_8);
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] parts = header.trim().split(" +");
        try {
            return 4L * Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
