package dev.skipgram.corpus;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A share of a corpus read once and kept in memory as indices into its own words: its distinct
 * words in order of first occurrence, each with its count, and every sentence as the local indices
 * of its tokens. What a cluster's partition needs for the word2vec vocabulary (count here, merge the
 * shares' counts elsewhere, {@link Vocabulary#byCount(List, long[], int, int)}) and then for training
 * ({@link #encodedSentences}: the same sentences as indices of the merged vocabulary), without
 * reading or tokenising the share a second time.
 *
 * <pre>
 *   text lines ─► SentenceScanner (no String per token) ─► WordIndex.indexOrAdd ─► local index per token
 *   words()[i], counts()[i]: the i-th distinct word;  sentence s: tokens [ends[s−1], ends[s])
 * </pre>
 *
 * <p>Memory: 4 bytes per token and per sentence, plus the distinct words once.
 *
 * <p>Immutable once made; safe to read from several threads. Not serializable: a cluster caches it
 * where it was made and recomputes it from its source.
 */
public final class CountedSentences {

    private final WordIndex words;
    private final long[] counts; // may be longer than words.size()
    private final int[] tokens; // local indices, sentence after sentence
    private final int[] ends; // sentence s is tokens[ends[s − 1], ends[s]), ends[−1] = 0
    private final int sentences;

    private CountedSentences(Builder b) {
        this.words = b.words;
        this.counts = b.counts;
        this.tokens = b.tokens;
        this.ends = b.ends;
        this.sentences = b.sentences;
    }

    /**
     * Reads lines of text as {@link Corpus#plainText} reads a file's lines: tokens split on
     * whitespace (Python's {@code str.split()} set), blank lines skipped, a line of more than
     * {@value Corpus#MAX_SENTENCE_TOKENS} tokens cut into sentences of at most that many, no String
     * made per token.
     *
     * @param lines the lines, without their line terminators
     * @param source what the lines are, for error messages (for example "partition 3 of the RDD")
     * @return the sentences, counted
     * @throws java.io.UncheckedIOException if a line holds a NUL character or a token of more than
     *     10,000 characters (not text), naming the source and the line
     * @throws IllegalArgumentException if the share has more than 2^31 − 1 tokens
     */
    public static CountedSentences ofText(Iterator<String> lines, String source) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(source, "source");
        Builder b = new Builder();
        SentenceScanner<Builder> scanner = new SentenceScanner<>(new LinesReader(lines), source,
                Corpus.MAX_SENTENCE_TOKENS, b);
        while (scanner.hasNext()) {
            scanner.next();
        }
        return new CountedSentences(b);
    }

    /**
     * Takes sentences already tokenised, each as it is (an empty one is kept, as an empty sentence).
     *
     * @param sentences the sentences, in order
     * @return the sentences, counted
     * @throws IllegalArgumentException if a token is null, naming the sentence, or the share has
     *     more than 2^31 − 1 tokens
     */
    public static CountedSentences of(Iterator<? extends List<String>> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        Builder b = new Builder();
        while (sentences.hasNext()) {
            List<String> sentence = sentences.next();
            b.start();
            for (String token : sentence) {
                if (token == null) {
                    throw new IllegalArgumentException("sentence " + (b.sentences + 1) + " holds a null token: "
                            + sentence);
                }
                b.add(token);
            }
            b.finish();
        }
        return new CountedSentences(b);
    }

    /**
     * The number of distinct words.
     *
     * @return ≥ 0
     */
    public int wordCount() {
        return words.size();
    }

    /**
     * The distinct words in order of first occurrence.
     *
     * @return a new list of {@link #wordCount()} words
     */
    public List<String> words() {
        List<String> list = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            list.add(words.word(i));
        }
        return list;
    }

    /**
     * The count of each word of {@link #words()}.
     *
     * @return a new array of {@link #wordCount()} counts, each ≥ 1
     */
    public long[] counts() {
        return Arrays.copyOf(counts, words.size());
    }

    /**
     * The number of tokens.
     *
     * @return the sum of the counts
     */
    public long tokens() {
        return sentences == 0 ? 0 : ends[sentences - 1];
    }

    /**
     * The number of sentences.
     *
     * @return ≥ 0
     */
    public int sentenceCount() {
        return sentences;
    }

    /**
     * The sentences as indices of {@code vocabulary}, the words not in it dropped: what
     * {@link Corpus#encodedSentences} gives for the same sentences (a sentence may become empty).
     *
     * @param vocabulary the words to keep, and their indices
     * @return one new array per sentence, in order
     */
    public Iterator<int[]> encodedSentences(Vocabulary vocabulary) {
        int[] global = new int[words.size()]; // local index → vocabulary index, or −1
        WordIndex index = vocabulary.index();
        for (int i = 0; i < global.length; i++) {
            global[i] = index.get(words.word(i));
        }
        return new Iterator<>() {
            private int s;

            @Override
            public boolean hasNext() {
                return s < sentences;
            }

            @Override
            public int[] next() {
                if (s == sentences) {
                    throw new NoSuchElementException();
                }
                int from = s == 0 ? 0 : ends[s - 1];
                int to = ends[s++];
                int[] out = new int[to - from];
                int n = 0;
                for (int t = from; t < to; t++) {
                    int w = global[tokens[t]];
                    if (w >= 0) {
                        out[n++] = w;
                    }
                }
                return n == out.length ? out : Arrays.copyOf(out, n);
            }
        };
    }

    @Override
    public String toString() {
        return "CountedSentences[" + sentences + " sentences, " + tokens() + " tokens, " + words.size() + " words]";
    }

    /** Collects tokens and sentences; the scanner's builder, whose "sentence" is itself. */
    private static final class Builder implements SentenceScanner.Builder<Builder> {
        private final WordIndex words = new WordIndex(1 << 14);
        private long[] counts = new long[1 << 14];
        private int[] tokens = new int[1 << 16];
        private int[] ends = new int[1 << 10];
        private int size; // tokens so far
        private int sentences;
        private int sentenceStart;

        @Override
        public void start() {
            sentenceStart = size;
        }

        @Override
        public void add(char[] chars, int length) {
            append(words.indexOrAdd(chars, length));
        }

        void add(String token) {
            int i = words.add(token);
            append(i < 0 ? words.size() - 1 : i);
        }

        private void append(int word) {
            if (word == counts.length) {
                counts = Arrays.copyOf(counts, 2 * word);
            }
            counts[word]++;
            if (size == tokens.length) {
                if (size == Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " tokens in one share:"
                            + " use more partitions");
                }
                tokens = Arrays.copyOf(tokens, (int) Math.min(Integer.MAX_VALUE, 2L * size));
            }
            tokens[size++] = word;
        }

        @Override
        public int tokens() {
            return size - sentenceStart;
        }

        @Override
        public Builder finish() {
            if (sentences == ends.length) {
                ends = Arrays.copyOf(ends, 2 * sentences);
            }
            ends[sentences++] = size;
            return this;
        }
    }

    /** The lines as one character stream, each line followed by a line feed. */
    private static final class LinesReader extends Reader {
        private final Iterator<String> lines;
        private String line;
        private int at; // characters of line already read; line.length() is its line feed

        LinesReader(Iterator<String> lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
                if (line == null) {
                    if (!lines.hasNext()) {
                        break;
                    }
                    line = Objects.requireNonNull(lines.next(), "a null line");
                    at = 0;
                }
                int rest = line.length() - at;
                if (rest > 0) {
                    int k = Math.min(rest, length - n);
                    line.getChars(at, at + k, buffer, offset + n);
                    at += k;
                    n += k;
                } else {
                    buffer[offset + n++] = '\n';
                    line = null;
                }
            }
            return n == 0 && length > 0 ? -1 : n;
        }

        @Override
        public void close() {}
    }
}
