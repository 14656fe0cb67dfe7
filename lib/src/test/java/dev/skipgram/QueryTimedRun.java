package dev.skipgram;

import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Times {@link WordVectors}' queries on a vector file, for the side-by-side comparison with gensim in
 * {@code scripts/query-timing.sh}. Not a test.
 *
 * <p>Arguments: vectors (word2vec text or binary), a file of queries (one per line: a word, or
 * {@code a b c} for a : b :: c : ?), an output file for the answers (one line per query: the 10
 * words, space-separated), [repeats, default 3].
 *
 * <p>Prints one line per measurement: the first pass (cold JIT, norms included), the best of the
 * warm passes one query at a time, and the batch ({@link WordVectors#mostSimilar(List, int)}).
 */
public final class QueryTimedRun {

    private static final int N = 10;

    private QueryTimedRun() {}

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        WordVectors vectors = Word2VecFormat.read(Path.of(args[0]), Word2VecFormat.detect(Path.of(args[0])));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        List<WordVectors.Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] w = line.strip().split("\\s+");
            queries.add(w.length == 1 ? WordVectors.Query.of(w[0]) : WordVectors.Query.analogy(w[0], w[1], w[2]));
        }
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf(Locale.ROOT, "java: %d x %d vectors loaded in %.2f s; %d queries, top %d%n",
                vectors.vocabulary().size(), vectors.dimension(), loadSeconds, queries.size(), N);

        long t1 = System.nanoTime();
        List<List<WordVectors.Neighbor>> answers = oneByOne(vectors, queries);
        report("java one by one, first pass (norms, JIT warm-up)", t1, queries.size());
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            answers = oneByOne(vectors, queries);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "RESULT java one-by-one (best of %d warm passes): %.3f s, %.0f us/query%n",
                repeats, best, 1e6 * best / queries.size());
        double bestBatch = Double.MAX_VALUE;
        List<List<WordVectors.Neighbor>> batch = null;
        for (int r = 0; r < repeats + 1; r++) {
            long t = System.nanoTime();
            batch = vectors.mostSimilar(queries, N);
            bestBatch = Math.min(bestBatch, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "RESULT java batch (best of %d passes): %.3f s, %.0f us/query%n",
                repeats + 1, bestBatch, 1e6 * bestBatch / queries.size());
        if (!batch.equals(answers)) {
            throw new IllegalStateException("the batch answers differ from the one-by-one answers");
        }
        Files.write(Path.of(args[2]), answers.stream()
                .map(a -> a.stream().map(WordVectors.Neighbor::word).collect(Collectors.joining(" ")))
                .toList(), StandardCharsets.UTF_8);
    }

    private static List<List<WordVectors.Neighbor>> oneByOne(WordVectors vectors, List<WordVectors.Query> queries) {
        List<List<WordVectors.Neighbor>> answers = new ArrayList<>(queries.size());
        for (WordVectors.Query q : queries) {
            answers.add(vectors.mostSimilar(q.positive(), q.negative(), N));
        }
        return answers;
    }

    private static void report(String what, long start, int queries) {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %s: %.3f s, %.0f us/query%n", what, s, 1e6 * s / queries);
    }
}
