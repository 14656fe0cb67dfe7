package dev.skipgram.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A restartable source of sentences, each a list of tokens. Training reads a corpus more than once
 * (once for the vocabulary, then for the training data), so every call to {@link #sentences()} starts
 * a new pass from the beginning.
 *
 * <p>Implement this interface for any other source; the factories cover plain text, the Stanford
 * Sentiment Treebank and in-memory lists. Tokens are split on whitespace as Python's
 * {@code str.split()} splits (including the no-break space U+00A0); empty sentences are skipped.
 *
 * <p>Thread-safety: the corpora the factories return are immutable and thread-safe, and each call to
 * {@link #sentences()} opens an independent stream, so several threads may read one corpus at once
 * (each stream, as any {@link Stream}, is used by one thread). Training opens one pass at a time and
 * closes it before the next, so an implementation of your own need not be thread-safe.
 *
 * <p>Nullness: the factories' arguments must not be null, nor may a sentence or token in them;
 * {@link #sentences()} never returns null, and an implementation must not yield a null sentence or
 * token.
 */
@FunctionalInterface
public interface Corpus {

    /**
     * Opens a new pass over the sentences. The caller must close the stream (it may hold a file).
     *
     * @return the sentences, in order, none empty
     * @throws UncheckedIOException if the source cannot be read; the message names the file
     */
    Stream<List<String>> sentences();

    /**
     * Opens a new pass over the sentences as vocabulary indices: each sentence of {@link
     * #sentences()}, in order, with every token replaced by {@code vocabulary.indexOf(token)} and the
     * tokens not in the vocabulary dropped (so a sentence may become an empty array). Training reads
     * its epochs this way. The default maps {@link #sentences()} through {@link Vocabulary#indicesOf}; {@link #plainText} reads its files
     * straight into indices without a String per token, which is several times faster, and an
     * implementation of your own may do the same, as long as the result equals the default's.
     *
     * @param vocabulary the words to keep, and their indices
     * @return one array per sentence, in order; the caller must close the stream
     * @throws UncheckedIOException if the source cannot be read; the message names the file
     */
    default Stream<int[]> encodedSentences(Vocabulary vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        return sentences().map(vocabulary::indicesOf);
    }

    /**
     * Counts the tokens of one pass: every distinct token in order of first occurrence, with its
     * count. The vocabulary is made this way ({@link Vocabulary#byCount(Corpus, int, int)}). The
     * default counts {@link #sentences()}; {@link #plainText} counts its files without a String per
     * token, several times faster. A corpus that wraps another (to show progress, say) should forward
     * this method and {@link #encodedSentences} to it, or it loses that speed.
     *
     * @param progress told the number of tokens counted so far, after each sentence
     * @return the counts
     * @throws IllegalArgumentException if a token contains whitespace, naming it and its sentence
     * @throws UncheckedIOException if the source cannot be read; the message names the file
     */
    default TokenCounts countTokens(LongConsumer progress) {
        try (Stream<List<String>> s = sentences()) {
            return TokenCounts.count(s, progress);
        }
    }

    /**
     * The longest sentence, in tokens, that {@link #plainText} yields; longer lines are cut into
     * pieces this long.
     */
    int MAX_SENTENCE_TOKENS = 10_000;

    /**
     * UTF-8 text with one sentence per line, tokens separated by whitespace, case kept; streamed, so
     * memory does not grow with the corpus. A line longer than {@value #MAX_SENTENCE_TOKENS} tokens
     * (a text8-style file is one line) is cut into pieces of at most that many tokens (and about a
     * million characters, which only lines of unusually long tokens reach).
     *
     * <p>{@code path} may be a file, a gzip file (recognised by its magic bytes, whatever its name),
     * or a directory, whose non-hidden files are read in lexicographic order of their paths,
     * recursively (following symbolic links; a name starting with a dot hides a file or directory).
     *
     * <p>What goes wrong, and what happens (each pass checks again):
     * <ul>
     *   <li>the path, or a file in the directory, is missing, unreadable, a broken link, or not a
     *       regular file (a pipe or device, which could not be read once per pass), or the directory
     *       has no files: {@link #sentences()} throws an {@link UncheckedIOException} naming it;
     *   <li>a NUL character, or a token longer than 10,000 characters (a binary or UTF-16 file): the
     *       pass throws an {@link UncheckedIOException} naming the file and line;
     *   <li>malformed UTF-8: replaced by U+FFFD, and a warning naming the file, the number of
     *       replacements and the offset of the first is logged when the file has been read;
     *   <li>Windows line endings: the {@code \r} is whitespace, so they read as Unix ones.
     * </ul>
     *
     * @param path a file or directory; it must exist when {@link #sentences()} is called, not now
     * @return the corpus, which reads the files anew on each pass
     */
    static Corpus plainText(Path path) {
        Objects.requireNonNull(path, "path");
        return new TextFiles.PlainText(path, MAX_SENTENCE_TOKENS);
    }

    /**
     * The Stanford Sentiment Treebank's {@code datasetSentences.txt} as the CS224n assignment reads
     * it: the header line is skipped, each line's first whitespace-separated field (the sentence id) is
     * dropped, and the rest is lower-cased (Locale.ROOT) and split on whitespace.
     *
     * @param datasetSentences the path of {@code datasetSentences.txt}
     * @return the corpus, which reads the file anew on each pass (11,855 sentences and 227,245 tokens
     *     for the published file)
     */
    static Corpus stanfordSentiment(Path datasetSentences) {
        Objects.requireNonNull(datasetSentences, "datasetSentences");
        return () -> lines(datasetSentences)
                .skip(1)
                .map(line -> Tokens.split(line.toLowerCase(Locale.ROOT)))
                .filter(tokens -> tokens.size() > 1)
                .map(tokens -> tokens.subList(1, tokens.size()));
    }

    /**
     * Sentences already in memory. The list is copied, so later changes to it are not seen.
     *
     * @param sentences the sentences, each a list of tokens; empty ones are skipped
     * @return the corpus, held in memory
     */
    static Corpus of(List<List<String>> sentences) {
        List<List<String>> copy = sentences.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
        return copy::stream;
    }

    /**
     * Lines of text in memory, each split on whitespace into one sentence.
     *
     * @param lines the lines; blank ones are skipped; the list is copied
     * @return the corpus, held in memory
     */
    static Corpus ofLines(List<String> lines) {
        return of(lines.stream().map(Tokens::split).toList());
    }

    private static Stream<String> lines(Path file) {
        TextFiles.requireReadableRegularFile(file, "corpus");
        BufferedReader reader;
        try {
            reader = new BufferedReader(TextFiles.open(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("corpus file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file + ": " + TextFiles.reason(e), e);
        }
        return reader.lines().onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
