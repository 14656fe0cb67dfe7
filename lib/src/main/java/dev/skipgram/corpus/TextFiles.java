package dev.skipgram.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/** Streams sentences from a text file, a gzip file or a directory of them (see {@link Corpus#plainText}). */
final class TextFiles {

    private TextFiles() {}

    static Stream<List<String>> sentences(Path path, int maxTokens) {
        List<Path> files = files(path);
        FileChain chain = new FileChain(files, maxTokens);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(chain, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(chain::close);
    }

    /** The files to read, in order; checks up front that they exist. */
    static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new UncheckedIOException("corpus not found: " + path, new NoSuchFileException(path.toString()));
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>(walk
                    .filter(Files::isRegularFile)
                    .filter(p -> !path.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList());
            if (files.isEmpty()) {
                throw new UncheckedIOException("corpus directory has no files: " + path,
                        new NoSuchFileException(path.toString()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus directory " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file as UTF-8 text, decompressing it if it starts with the gzip magic bytes. */
    static Reader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Sentences of one file after another; opens each file only when the previous one is done. */
    private static final class FileChain implements Iterator<List<String>> {
        private final Iterator<Path> files;
        private final int maxTokens;
        private Reader reader;
        private SentenceReader sentences;

        FileChain(List<Path> files, int maxTokens) {
            this.files = files.iterator();
            this.maxTokens = maxTokens;
        }

        @Override
        public boolean hasNext() {
            while (sentences == null || !sentences.hasNext()) {
                close();
                if (!files.hasNext()) {
                    return false;
                }
                Path file = files.next();
                try {
                    reader = open(file);
                } catch (NoSuchFileException e) {
                    throw new UncheckedIOException("corpus file not found: " + file, e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read corpus file " + file + ": " + e.getMessage(), e);
                }
                sentences = new SentenceReader(reader, file.toString(), maxTokens);
            }
            return true;
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return sentences.next();
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    reader = null;
                    sentences = null;
                }
            }
        }
    }
}
