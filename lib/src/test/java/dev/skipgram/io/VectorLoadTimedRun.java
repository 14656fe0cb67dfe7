package dev.skipgram.io;

import dev.skipgram.WordVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Loads one vector file with {@link Word2VecFormat#read(Path, Word2VecFormat.Format)} (the format
 * detected from the content) and prints the load time, the words and the dimension; then, if asked,
 * answers Q most-similar queries (top 10, the words at every (V/Q)-th index) one at a time and as
 * one batch, and prints both times and a digest of the answers (the words in order), which the
 * script compares with gensim's. Not a test; see {@code scripts/googlenews-scale.sh}.
 *
 * <p>Arguments: the vector file, and the number of queries (default 0).
 */
public final class VectorLoadTimedRun {

    private VectorLoadTimedRun() {}

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path file = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long started = System.nanoTime();
        WordVectors vectors = Word2VecFormat.read(file, Word2VecFormat.detect(file));
        double seconds = (System.nanoTime() - started) / 1e9;
        String a = vectors.vocabulary().word(0);
        String b = vectors.vocabulary().word(vectors.vocabulary().size() - 1);
        // a report of a benchmark main, not library output
        System.out.printf(Locale.ROOT, "LOAD_SECONDS %.2f words %d d %d similarity(%s, %s) %.4f%n", seconds,
                vectors.vocabulary().size(), vectors.dimension(), a, b, vectors.similarity(a, b));
        if (queries == 0) {
            return;
        }
        int v = vectors.vocabulary().size();
        List<String> words = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            words.add(vectors.vocabulary().word((int) ((long) q * v / queries)));
        }
        long t = System.nanoTime();
        List<List<WordVectors.Neighbor>> one = new ArrayList<>();
        for (String w : words) {
            one.add(vectors.mostSimilar(List.of(w), List.of(), 10));
        }
        double single = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        List<List<WordVectors.Neighbor>> batch = vectors.mostSimilar(words.stream().map(WordVectors.Query::of)
                .toList(), 10);
        double batched = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "QUERY_SECONDS %d queries: one at a time %.2f s, batch %.2f s; answers %s %s%n",
                queries, single, batched, digest(one), digest(batch).equals(digest(one)) ? "(batch equal)" : "(batch DIFFERS)");
    }

    /** The first 16 hex digits of the SHA-256 of the answers' words, one line per query, space-separated. */
    static String digest(List<List<WordVectors.Neighbor>> answers) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (List<WordVectors.Neighbor> answer : answers) {
            StringBuilder line = new StringBuilder();
            for (WordVectors.Neighbor n : answer) {
                line.append(line.length() == 0 ? "" : " ").append(n.word());
            }
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
