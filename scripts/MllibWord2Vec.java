import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The peer of the Spark module: trains Spark MLlib's {@code org.apache.spark.ml.feature.Word2Vec} (skip-gram
 * with hierarchical softmax, no subsampling) on a text file of sentences, one per line, and writes its
 * vectors as a word2vec binary file in descending count order, ties in Java {@link String} order (UTF-16
 * code units), so that an evaluation that keeps the first 30,000 words of the file keeps the 30,000 most
 * frequent ones. A benchmark harness, not product: it lives under {@code scripts/}, outside every artifact.
 *
 * <p>Run as a single-file source program through the repo launcher, which supplies Spark's class path,
 * the Java 17 flags and what {@code local-cluster[...]} masters need:
 * <pre>
 * SKIPGRAM_SPARK_MAIN=scripts/MllibWord2Vec.java ./skipgram-spark --master 'local-cluster[2,1,1024]' \
 *     --corpus corpus-10k.txt --out mllib.bin --seed 1
 * </pre>
 * No class of this file reaches the executors: the sentences are split and counted with Spark SQL's
 * built-in functions, and MLlib's {@code fit} ships only Spark's own classes.
 *
 * <p>Timed: {@code fit} alone (MLlib's vocabulary pass, its Huffman tree and its training, reading the
 * file included, as the data set is not cached), started once a {@code local-cluster[N,...]} master's N
 * executors have registered. Not timed: counting the words (MLlib does not expose
 * its counts; they are counted here with the same splitting), collecting the vectors and writing them.
 * Prints one JSON line on standard output: {@code fit_seconds}, {@code tokens} (every token of the file),
 * {@code words_per_s} = tokens / fit seconds, {@code after_fit_seconds} (counting, collecting and
 * writing), {@code vocab}, {@code seed}, {@code partitions}.
 */
public final class MllibWord2Vec {

    /** {@code local-cluster[N,C,M]}: N executor JVMs on this machine. */
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*");

    private MllibWord2Vec() {}

    /**
     * Trains and writes.
     *
     * @param args {@code --corpus FILE --out FILE.bin [--master URL] [--seed N] [--partitions N]
     *     [--dim N] [--window N] [--min-count N] [--epochs N]}
     * @throws IOException if the vectors cannot be written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> flags = flags(args);
        String corpus = required(flags, "--corpus");
        Path out = Path.of(required(flags, "--out"));
        long seed = number(flags, "--seed", 1, Long.MIN_VALUE);
        int partitions = (int) number(flags, "--partitions", 2, 1);
        int dim = (int) number(flags, "--dim", 100, 1);
        int window = (int) number(flags, "--window", 5, 1);
        int minCount = (int) number(flags, "--min-count", 5, 0);
        int epochs = (int) number(flags, "--epochs", 1, 1);
        String master = flags.remove("--master");
        if (!Files.isReadable(Path.of(corpus))) {
            fail("--corpus " + corpus + ": no such readable file");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            fail("--out " + out + ": the directory " + parent + " does not exist");
        }
        if (!flags.isEmpty()) {
            fail("unknown flags " + flags.keySet() + "; known: --corpus --out --master --seed --partitions --dim"
                    + " --window --min-count --epochs");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("mllib-word2vec");
        builder = master != null ? builder.master(master) : builder.master("local[*]");
        try (SparkSession spark = builder.getOrCreate()) {
            // the tokeniser of ours (Python's str.split()): runs of whitespace, blank lines skipped
            Dataset<Row> sentences = spark.read().text(Path.of(corpus).toAbsolutePath().toString())
                    .where(length(trim(col("value"))).gt(0))
                    .select(split(trim(col("value")), "\\s+").as("words"));
            Word2Vec word2vec = new Word2Vec().setInputCol("words").setVectorSize(dim).setWindowSize(window)
                    .setMinCount(minCount).setMaxIter(epochs).setNumPartitions(partitions).setSeed(seed);
            awaitExecutors(spark, master);
            long started = System.nanoTime();
            Word2VecModel model = word2vec.fit(sentences);
            long fitted = System.nanoTime();
            double fitSeconds = (fitted - started) / 1e9;

            Map<String, Long> counts = new HashMap<>();
            long tokens = 0;
            for (Row row : sentences.select(explode(col("words")).as("word")).groupBy("word").count()
                    .collectAsList()) {
                counts.put(row.getString(0), row.getLong(1));
                tokens += row.getLong(1);
            }
            List<Row> rows = new ArrayList<>(model.getVectors().collectAsList());
            for (Row row : rows) {
                Long count = counts.get(row.getString(0));
                if (count == null || count < minCount) {
                    throw new IllegalStateException("MLlib kept '" + row.getString(0) + "', counted here "
                            + count + " times (min count " + minCount + "): the splitting differs");
                }
            }
            rows.sort(Comparator.<Row>comparingLong(r -> -counts.get(r.getString(0)))
                    .thenComparing(r -> r.getString(0)));
            List<String> words = new ArrayList<>(rows.size());
            long[] wordCounts = new long[rows.size()];
            float[][] values = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                words.add(rows.get(i).getString(0));
                wordCounts[i] = counts.get(words.get(i));
                double[] vector = ((Vector) rows.get(i).get(1)).toArray();
                values[i] = new float[vector.length];
                for (int j = 0; j < vector.length; j++) {
                    values[i][j] = (float) vector[j]; // MLlib trains in float: exact
                }
            }
            Word2VecFormat.write(new WordVectors(new Vocabulary(words, wordCounts), Nd4j.create(values)), out,
                    Word2VecFormat.Format.BINARY);
            System.out.printf(Locale.ROOT, "{\"fit_seconds\": %.2f, \"after_fit_seconds\": %.2f, \"tokens\": %d,"
                    + " \"words_per_s\": %.0f, \"vocab\": %d, \"seed\": %d, \"partitions\": %d}%n", fitSeconds,
                    (System.nanoTime() - fitted) / 1e9, tokens, tokens / fitSeconds, words.size(), seed, partitions);
        }
    }

    /**
     * With a {@code local-cluster[N,C,M]} master, waits until its N executors have registered, so that the
     * timed fit does not include starting their JVMs (the first job would otherwise wait for them).
     */
    private static void awaitExecutors(SparkSession spark, String master) {
        Matcher cluster = LOCAL_CLUSTER.matcher(master == null ? "" : master);
        if (!cluster.matches()) {
            return;
        }
        int executors = Integer.parseInt(cluster.group(1));
        long deadline = System.nanoTime() + 300_000_000_000L;
        // getExecutorInfos lists the driver too
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.nanoTime() > deadline) {
                fail("the " + executors + " executors of " + master + " did not register within 300 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for the executors");
            }
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                fail("expected --flag value pairs, got '" + args[i] + "'"
                        + (i + 1 == args.length ? " without a value" : ""));
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.remove(name);
        if (value == null) {
            fail(name + " is required");
        }
        return value;
    }

    private static long number(Map<String, String> flags, String name, long fallback, long min) {
        String value = flags.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min) {
                fail(name + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            fail(name + " must be an integer, got '" + value + "'");
            return fallback;
        }
    }

    private static void fail(String message) {
        System.err.println("MllibWord2Vec: " + message);
        System.exit(2);
    }
}
