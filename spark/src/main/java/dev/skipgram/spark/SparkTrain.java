package dev.skipgram.spark;

import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.synthetic.SyntheticCorpus;
import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import dev.skipgram.io.Word2VecFormat;
import dev.skipgram.options.Word2VecDefaults;
import dev.skipgram.options.Word2VecOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The spark-submit entry point: {@code ./skipgram train}'s flags, plus {@code --master}, {@code
 * --partitions}, {@code --rounds}, {@code --merge} and {@code --exchange}. The training flags are
 * the command line's own definition ({@link Word2VecOptions}: the same converters, messages and defaults, the library's);
 * {@code --threads} counts each task's threads (default 1), and {@code --corpus}, {@code
 * --checkpoint-dir} and {@code --resume} name paths on any Hadoop file system. Reads the corpus with
 * Spark (a file, a gzip file or a directory), trains with {@link SparkSkipGram}, and writes the
 * vectors on the driver.
 *
 * <pre>
 *   spark-submit --class dev.skipgram.spark.SparkTrain skipgram-spark.jar --corpus hdfs:///text --out vectors.bin
 * </pre>
 */
@Command(name = "skipgram-spark", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train word vectors on a Spark cluster; save them on the driver.",
        defaultValueProvider = Word2VecDefaults.class,
        description = {"The word2vec recipe of `skipgram train` in synchronous rounds over Spark partitions.", ""})
public final class SparkTrain implements Callable<Integer> {

    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*\\]");

    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*], local-cluster[N,C,M], spark://host:port, yarn... (default: what"
                + " spark-submit sets, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions training in parallel (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Synchronous rounds per epoch (default: ${DEFAULT-VALUE}).")
    int rounds = SparkOptions.DEFAULT_ROUNDS_PER_EPOCH;

    @Option(names = "--merge", paramLabel = "by-loss|sum|average|aligned",
            description = "How rows changed by several partitions are merged: by-loss is aligned for"
                + " hierarchical softmax and sum for the other losses, as measured best on gut8 (default: by-loss).")
    String merge = "by-loss";

    @Option(names = "--exchange", paramLabel = "auto|broadcast|direct",
            description = "How rounds move the parameters: direct keeps them on the executors and exchanges changed"
                + " rows with the driver over sockets (a barrier stage: a task slot per partition), broadcast sends"
                + " them whole every round; auto is direct when the cluster has the slots (default: auto).")
    String exchange = "auto";

    @Option(names = "--corpus", paramLabel = "PATH",
            description = "Training text: one sentence per line, tokens separated by whitespace; a file, gzip file"
                + " or directory on any Hadoop file system. Default: the built-in corpus.")
    String corpusPath;

    @Option(names = "--out", paramLabel = "FILE", description = "Where the vectors go, on the driver"
            + " (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("vectors.bin");

    @Option(names = "--format", paramLabel = "binary|text",
            description = "The word2vec file format (default: binary if FILE ends in .bin, otherwise text).")
    String format;

    @Mixin
    Word2VecOptions training;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads per partition"
            + " (default: ${DEFAULT-VALUE}: Spark gives a task one core).")
    int threads;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save a checkpoint here after every round, on any Hadoop file system (the driver writes"
                + " it). Must hold no checkpoint, unless --resume is given.")
    String checkpointDirectory;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --checkpoint-dir.")
    boolean resume;

    /**
     * Runs the command.
     *
     * @param args the flags; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkTrain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (resume && checkpointDirectory == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs --checkpoint-dir DIR");
        }
        SkipGramConfig config = config();
        // before Spark starts, so a bad value costs no session
        RowMerge rowMerge = choice(RowMerge.class, "--merge", "by-loss, sum, average or aligned", merge);
        Exchange exchangeKind = choice(Exchange.class, "--exchange", "auto, broadcast or direct", exchange);
        Word2VecFormat.Format fileFormat = format == null ? Word2VecFormat.formatOf(output)
                : switch (format) {
                    case "binary" -> Word2VecFormat.Format.BINARY;
                    case "text" -> Word2VecFormat.Format.TEXT;
                    default -> throw new ParameterException(spec.commandLine(), "--format must be binary or text, got '"
                            + format + "'");
                };
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "--out " + output + ": the directory " + parent
                    + " does not exist");
        }
        // The broadcast parameters are floats that LZ4 does not shrink: compressing them only costs the
        // driver and every executor time, every round; and fetched in 64 MB pieces rather than Spark's
        // 4 MB, the rounds took 0.87x the time on gut8 (docs/distributed.md).
        SparkConf conf = new SparkConf().setAppName("skipgram-spark").setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.broadcast.compress", "false")
                .setIfMissing("spark.broadcast.blockSize", "64m");
        if (master != null) {
            conf.setMaster(master);
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SyntheticCorpus synthetic = corpusPath == null ? SyntheticCorpus.generate(config.seed()) : null;
            int p = partitions != null ? partitions : spark.defaultParallelism();
            SparkOptions options;
            try {
                options = SparkOptions.of(p).withRoundsPerEpoch(rounds).withMerge(rowMerge).withExchange(exchangeKind)
                        .withCheckpointDirectory(checkpointDirectory).withResume(resume);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage()
                        .replace("partitions", "--partitions").replace("roundsPerEpoch", "--rounds")
                        .replace("checkpointDirectory", "--checkpoint-dir"), e);
            }
            out.printf(Locale.ROOT, "Training on %s with %s: %d partitions x %d thread%s, %d rounds per epoch.%n",
                    corpusPath == null ? "the built-in corpus" : corpusPath, spark.master(), p, threads,
                    threads == 1 ? "" : "s", rounds);
            if (checkpointDirectory != null) {
                out.printf(Locale.ROOT, resume ? "Resuming from the checkpoint in %s.%n"
                        : "A checkpoint after every round goes to %s.%n", checkpointDirectory);
            }
            out.flush();
            JavaRDD<String> lines = synthetic != null ? null : lines(spark, corpusPath, p); // set up before the clock
            awaitExecutors(spark);
            long started = System.nanoTime();
            WordVectors vectors;
            try {
                vectors = synthetic != null
                        ? SparkSkipGram.train(spark.parallelize(synthetic.sentences(), spark.defaultParallelism()),
                                config, options)
                        : SparkSkipGram.trainText(lines, config, options);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                // bad input, a checkpoint directory in the wrong state, divergence: a message, no stack trace
                spec.commandLine().getErr().println("skipgram-spark: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Word2VecFormat.write(vectors, output, fileFormat);
            out.printf(Locale.ROOT, "Trained %d words x %d dimensions in %.1f s.%nWrote %s.%n",
                    vectors.vocabulary().size(), vectors.dimension(), seconds, output);
            if (synthetic != null) {
                AnalogyReport report = Evaluation.analogies(vectors, synthetic.analogyQuestions(), Integer.MAX_VALUE);
                out.printf(Locale.ROOT, "Accuracy on the built-in corpus's %d analogy questions: %.1f%%.%n",
                        report.questions(), 100 * report.accuracy());
            }
        }
        out.flush();
        return 0;
    }

    SkipGramConfig config() {
        SkipGramConfig.Builder builder = training.builder().threads(threads);
        if (!spec.commandLine().getParseResult().hasMatchedOption("--negative-sharing")) {
            // one machine batches hierarchical softmax by pair, where batching by window cost quality
            // against gensim; on Spark the window order scored as well on analogies, better on WS-353,
            // and trains 1.4x faster (docs/distributed.md)
            builder.negativeSharing(NegativeSharing.WINDOW);
        }
        return training.build(builder);
    }

    /**
     * The constant of {@code type} a flag's value names, in any case, with '-' for '_'.
     *
     * @throws ParameterException naming the flag, the spellings it takes and the value
     */
    private <E extends Enum<E>> E choice(Class<E> type, String flag, String spellings, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), flag + " must be " + spellings + ", got '" + value + "'");
        }
    }

    /**
     * The file's lines in {@code p} splits of about equal bytes where Hadoop can split it (a gzip file is
     * one), so that {@link SparkSkipGram#trainText} takes them as they are: no count, no index and no
     * shuffle to cut them into p contiguous ranges. {@code textFile(path)} would cut gut8's 100 MB into
     * the local file system's 32 MB blocks, four splits.
     */
    private JavaRDD<String> lines(JavaSparkContext spark, String path, int p) throws IOException {
        JobConf conf = new JobConf(spark.hadoopConfiguration());
        org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path(path);
        long bytes;
        try {
            bytes = input.getFileSystem(conf).getContentSummary(input).getLength();
        } catch (FileNotFoundException e) {
            throw new ParameterException(spec.commandLine(), "--corpus " + path + ": no such file or directory");
        }
        conf.setLong(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MINSIZE,
                Math.max(1, (bytes + p - 1) / p));
        FileInputFormat.setInputPaths(conf, input);
        return spark.hadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class, p)
                .map(line -> line._2().toString());
    }

    /**
     * Waits, at most 300 s, until the executors the master names have registered: N for {@code
     * local-cluster[N,C,M]}, {@code spark.executor.instances} if set; none otherwise. The clock then
     * times training, not JVMs starting (the MLlib harness, scripts/MllibWord2Vec.java, waits the same
     * way), and the direct exchange finds every executor's task slots.
     */
    private static void awaitExecutors(JavaSparkContext spark) throws InterruptedException {
        Matcher cluster = LOCAL_CLUSTER.matcher(spark.master());
        int executors = cluster.matches() ? Integer.parseInt(cluster.group(1))
                : spark.getConf().getInt("spark.executor.instances", 0);
        long deadline = System.nanoTime() + 300_000_000_000L;
        // getExecutorInfos lists the driver too
        while (spark.sc().statusTracker().getExecutorInfos().length < executors + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
