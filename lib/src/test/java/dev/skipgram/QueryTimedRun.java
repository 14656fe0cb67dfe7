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
 * words, space-separated), [repeats, default 5].
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
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.out.printf(Locale.ROOT, "java: %d x %d vectors loaded in %.2f s; %d queries, top %d%n",
                vectors.vocabulary().size(), vectors.dimension(), loadSeconds, queries.size(), N);

        Clock first = new Clock();
        List<List<WordVectors.Neighbor>> answers = oneByOne(vectors, queries);
        first.report("java one by one, first pass (norms, JIT warm-up)", queries.size());
        Clock best = null;
        for (int r = 0; r < repeats; r++) {
            Clock c = new Clock();
            answers = oneByOne(vectors, queries);
            best = c.stop().min(best);
        }
        best.report("java one by one, best of " + repeats + " warm passes", queries.size());
        Clock bestBatch = null;
        List<List<WordVectors.Neighbor>> batch = null;
        for (int r = 0; r < repeats + 1; r++) {
            Clock c = new Clock();
            batch = vectors.mostSimilar(queries, N);
            bestBatch = c.stop().min(bestBatch);
        }
        bestBatch.report("java batch, best of " + (repeats + 1) + " passes", queries.size());
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

    /**
     * Wall time and the process's CPU time (every thread: the caller, BLAS, JIT and GC), since on a
     * loaded machine the CPU time is the steadier of the two.
     */
    private static final class Clock {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean();
        private final long wall0 = System.nanoTime();
        private final long cpu0 = OS.getProcessCpuTime();
        private double wall = -1;
        private double cpu = -1;

        Clock stop() {
            wall = (System.nanoTime() - wall0) / 1e9;
            cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
            return this;
        }

        /** The better of this and {@code other} (null: this), by wall time. */
        Clock min(Clock other) {
            return other == null || wall < other.wall ? this : other;
        }

        void report(String what, int queries) {
            if (wall < 0) {
                stop();
            }
            System.out.printf(Locale.ROOT, "RESULT %-45s wall %6.3f s (%5.0f us/query), cpu %6.3f s%n", what + ":",
                    wall, 1e6 * wall / queries, cpu);
        }
    }
}
