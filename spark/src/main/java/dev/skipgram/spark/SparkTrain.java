package dev.skipgram.spark;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.synthetic.SyntheticCorpus;
import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import dev.skipgram.io.Word2VecFormat;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The spark-submit entry point: {@code ./skipgram train}'s flags (with {@code --checkpoint-dir} and
 * {@code --resume}), plus {@code --master}, {@code --partitions}, {@code --rounds} and {@code --merge}. Reads the corpus with Spark (a file, a
 * gzip file or a directory, on any Hadoop file system), trains with {@link SparkSkipGram}, and writes
 * the vectors on the driver.
 *
 * <pre>
 *   spark-submit --class dev.skipgram.spark.SparkTrain skipgram-spark.jar --corpus hdfs:///text --out vectors.bin
 * </pre>
 */
@Command(name = "skipgram-spark", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train word vectors on a Spark cluster; save them on the driver.",
        description = {"The word2vec recipe of `skipgram train` in synchronous rounds over Spark partitions.", ""})
public final class SparkTrain implements Callable<Integer> {

    private static final SkipGramConfig PRESET = SkipGramConfig.word2vec().build();

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

    @Option(names = "--dim", paramLabel = "D", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dimension = PRESET.dimension();

    @Option(names = "--window", paramLabel = "M", description = "Largest window radius (default: ${DEFAULT-VALUE}).")
    int window = PRESET.windowSize();

    @Option(names = "--model", paramLabel = "skip-gram|cbow",
            description = "skip-gram, or cbow (the mean of the window's context words predicts the word at its"
                + " centre, as word2vec.c's -cbow 1; negative sampling or hierarchical softmax) (default: skip-gram).")
    String model = "skip-gram";

    @Option(names = "--negatives", paramLabel = "K",
            description = "Negative words per pair, or per word with --model cbow (default: ${DEFAULT-VALUE}).")
    int negatives = PRESET.negatives();

    @Option(names = "--negative-sharing", paramLabel = "pair|window",
            description = "pair (word2vec.c) or window (HogBatch) (default: window with negative sampling, pair"
                + " with hierarchical softmax, as ./skipgram train).")
    String negativeSharing; // null: the library's default for the loss

    @Option(names = "--loss", paramLabel = "negative-sampling|softmax|hierarchical-softmax",
            description = "The loss (default: negative-sampling; hierarchical-softmax, or hs, follows each"
                    + " word's Huffman path, as Spark MLlib's Word2Vec does).")
    String loss = "negative-sampling";

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs = PRESET.epochs();

    @Option(names = "--min-count", paramLabel = "N", description = "Words rarer than this are dropped"
            + " (default: ${DEFAULT-VALUE}).")
    int minCount = PRESET.minCount();

    @Option(names = "--subsample", paramLabel = "T", description = "Subsampling threshold t, 0 for none"
            + " (default: ${DEFAULT-VALUE}).")
    double subsample = PRESET.subsampleThreshold();

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Initial learning rate"
            + " (default: ${DEFAULT-VALUE}).")
    double learningRate = PRESET.learningRate();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads per partition (default:"
            + " ${DEFAULT-VALUE}: Spark gives a task one core).")
    int threads = 1;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = PRESET.seed();

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
        RowMerge rowMerge = mergeOf(merge); // before Spark starts, so a bad value costs no session
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
        // driver and every executor time, every round (docs/distributed.md).
        SparkConf conf = new SparkConf().setAppName("skipgram-spark").setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.broadcast.compress", "false");
        if (master != null) {
            conf.setMaster(master);
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SyntheticCorpus synthetic = corpusPath == null ? SyntheticCorpus.generate(seed) : null;
            int p = partitions != null ? partitions : spark.defaultParallelism();
            SparkOptions options;
            try {
                options = SparkOptions.of(p).withRoundsPerEpoch(rounds).withMerge(rowMerge)
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
            JavaRDD<String> lines = synthetic != null ? null : spark.textFile(corpusPath); // set up before the clock
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

    private SkipGramConfig config() {
        if (modelOf(model) == Model.CBOW && "NAIVE_SOFTMAX".equals(upper(loss, "--loss"))) {
            throw new ParameterException(spec.commandLine(), "--model cbow trains with --loss negative-sampling or"
                    + " hierarchical-softmax, not softmax (word2vec.c and gensim offer no CBOW with the full softmax)");
        }
        try {
            return SkipGramConfig.word2vec().model(modelOf(model)).dimension(dimension).windowSize(window)
                    .negatives(negatives)
                    .negativeSharing(negativeSharing == null ? null
                            : NegativeSharing.valueOf(upper(negativeSharing, "--negative-sharing")))
                    .loss(LossType.valueOf(upper(loss, "--loss"))).epochs(epochs).minCount(minCount)
                    .subsampleThreshold(subsample).learningRate(learningRate).threads(threads).seed(seed)
                    .minLearningRate(Math.min(PRESET.minLearningRate(), learningRate * 1e-4)).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Model modelOf(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "skip-gram", "skipgram", "sg" -> Model.SKIP_GRAM;
            case "cbow" -> Model.CBOW;
            default -> throw new ParameterException(spec.commandLine(), "--model: unknown value '" + value
                    + "' (skip-gram or cbow)");
        };
    }

    private String upper(String value, String flag) {
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        boolean known = "--loss".equals(flag)
                ? List.of("NEGATIVE_SAMPLING", "NAIVE_SOFTMAX", "SOFTMAX", "HIERARCHICAL_SOFTMAX", "HS").contains(name)
                : List.of("PAIR", "WINDOW").contains(name);
        if (!known) {
            throw new ParameterException(spec.commandLine(), flag + ": unknown value '" + value + "'");
        }
        return switch (name) {
            case "SOFTMAX" -> "NAIVE_SOFTMAX";
            case "HS" -> "HIERARCHICAL_SOFTMAX";
            default -> name;
        };
    }

    private RowMerge mergeOf(String value) {
        try {
            return RowMerge.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--merge must be by-loss, sum, average or aligned, got '"
                    + value + "'");
        }
    }
}
