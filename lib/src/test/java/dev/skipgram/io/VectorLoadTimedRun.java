package dev.skipgram.io;

import dev.skipgram.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads one vector file with {@link Word2VecFormat#read(Path, Word2VecFormat.Format)} (the format
 * detected from the content) and prints the load time, the words and the dimension, then one query,
 * so that nothing is dead. Not a test; see {@code scripts/googlenews-scale.sh}.
 *
 * <p>Argument: the vector file.
 */
public final class VectorLoadTimedRun {

    private VectorLoadTimedRun() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long started = System.nanoTime();
        WordVectors vectors = Word2VecFormat.read(file, Word2VecFormat.detect(file));
        double seconds = (System.nanoTime() - started) / 1e9;
        String a = vectors.vocabulary().word(0);
        String b = vectors.vocabulary().word(vectors.vocabulary().size() - 1);
        // a report of a benchmark main, not library output
        System.out.printf(Locale.ROOT, "LOAD_SECONDS %.2f words %d d %d similarity(%s, %s) %.4f%n", seconds,
                vectors.vocabulary().size(), vectors.dimension(), a, b, vectors.similarity(a, b));
    }
}
