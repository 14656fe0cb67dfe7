package dev.skipgram.cli;

import dev.skipgram.LossType;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.io.Word2VecFormat;
import dev.skipgram.options.Spellings;
import dev.skipgram.optim.SmoothedLoss;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skipgram cs224n}: the Stanford CS224n assignment's run (SPEC §6), end to end. */
@Command(name = "cs224n",
        header = "Run the Stanford CS224n assignment on the Sentiment Treebank.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the Stanford CS224n word2vec assignment end to end on the Stanford Sentiment Treebank: d = 10,"
                + " SGD on the mean loss of 50 random windows a step, step size 0.3 halved every 20,000 steps,"
                + " negative sampling with K = 10, the full softmax or hierarchical softmax, subsampling, 40,000"
                + " steps.",
            "",
            "It shows the cost as CS224n printed it (the mean window loss of every 10th step, smoothed 0.95/0.05),"
                + " saves a checkpoint every 5,000 steps (continue an interrupted run with --resume), checks the"
                + " final cost (<= 10 with negative sampling), writes the vectors, and plots 24 words into"
                + " word_vectors.png.",
            ""})
final class Cs224nCommand implements Callable<Integer> {

    /** The words of CS224n's picture. */
    static final List<String> PLOT_WORDS = List.of("great", "cool", "brilliant", "wonderful", "well", "amazing",
            "worth", "sweet", "enjoyable", "boring", "bad", "dumb", "annoying", "female", "male", "queen", "king",
            "man", "woman", "rain", "snow", "hail", "coffee", "tea");

    /** The sanity threshold of the assignment. */
    static final double SANE_COST = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--sst", paramLabel = "PATH", required = true,
            description = "datasetSentences.txt of the Stanford Sentiment Treebank, or the directory holding it.")
    Path sst;

    @Option(names = "--loss", paramLabel = "negative-sampling|softmax|hierarchical-softmax",
            converter = Spellings.Loss.class, completionCandidates = Spellings.Loss.class,
            defaultValue = "negative-sampling",
            description = "The loss (default: ${DEFAULT-VALUE}). The full softmax takes minutes, not seconds;"
                + " OMP_NUM_THREADS=1 makes it faster. Hierarchical softmax walks the Huffman tree of the word"
                + " counts (about log2 V nodes a pair).")
    LossType loss;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "40000",
            description = "SGD steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "31337", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", defaultValue = "cs224n-checkpoints",
            description = "Checkpoints go here (default: ${DEFAULT-VALUE}). It must hold no checkpoint, unless"
                + " --resume is given.")
    Path checkpointDirectory;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "5000",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --checkpoint-dir.")
    boolean resume;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "cs224n-vectors.bin",
            description = "Where the vectors go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE", defaultValue = "word_vectors.png",
            description = "The picture of the 24 words (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--print-every", paramLabel = "N", defaultValue = "1000",
            description = "Steps between two printed costs when the output is not a terminal (default:"
                + " ${DEFAULT-VALUE}; 10 prints every cost CS224n printed). On a terminal the bar shows it live.")
    int printEvery;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be at least 1, got " + steps);
        }
        if (checkpointEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-every must be at least 1, got "
                    + checkpointEvery);
        }
        if (printEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--print-every must be at least 1, got " + printEvery);
        }
        Path sentences = Files.isDirectory(sst) ? sst.resolve("datasetSentences.txt") : sst;
        if (!Files.isRegularFile(sentences)) {
            throw new UserError("SST sentences not found: " + sentences
                    + " (give datasetSentences.txt of the Stanford Sentiment Treebank)");
        }
        TrainCommand.prepareOutput("--out", output);
        TrainCommand.prepareOutput("--plot", plot);
        SkipGramConfig config = SkipGramConfig.cs224n().loss(loss).steps(steps).seed(seed)
                .checkpoints(checkpointDirectory, checkpointEvery).build();
        Map<String, String> settings = new LinkedHashMap<>(config.runSettings().pairs());
        settings.put(Settings.SST, sentences.toAbsolutePath().normalize().toString());
        boolean resuming = Checkpoints.prepare(checkpointDirectory, resume, settings);

        out.printf(Locale.ROOT, "CS224n recipe on %s:%n%s, d=%d, %d windows a step, step size %s halved every"
                + " %,d steps, %,d steps, seed %d.%n", sentences, lossName(loss, config.negatives()),
                config.dimension(), config.windowsPerStep(), config.learningRate(), config.annealEvery(), steps, seed);
        out.println(resuming ? "Resuming from the checkpoint in " + checkpointDirectory + "."
                : String.format(Locale.ROOT, "Checkpoints every %,d steps go to %s.", checkpointEvery,
                        checkpointDirectory));
        out.flush();

        Nd4j.create(DataType.FLOAT, 1); // load the native libraries now, so the training time is the training's
        Progress.Mode mode = Progress.Mode.detect();
        int reportEvery = config.reportEvery();
        int windowsPerStep = config.windowsPerStep();
        SmoothedLoss smoothed = new SmoothedLoss();
        int[] lastStep = {0};
        long started = System.nanoTime();
        WordVectors vectors;
        try (Progress progress = Progress.start(mode, "training", "steps", err, Duration.ofDays(1))) {
            vectors = SkipGram.train(Corpus.stanfordSentiment(sentences), config, report -> {
                int step = (int) (report.wordsProcessed() / windowsPerStep);
                if (lastStep[0] == 0 && step > reportEvery) {
                    progress.rebase(step - reportEvery); // resumed from a checkpoint
                }
                // CS224n's cost: the mean loss of a window (pairs a window × mean pair loss) over the last
                // reportEvery steps, smoothed as Sgd smooths it. A resumed run starts a new average.
                double windowLoss = report.meanLoss() * report.pairs() / ((double) reportEvery * windowsPerStep);
                smoothed.add(windowLoss);
                lastStep[0] = step;
                String cost = String.format(Locale.ROOT, "cost %.4f  step size %s", smoothed.value(), report.learningRate());
                boolean print = step % printEvery == 0 || step == steps;
                progress.update(step, steps, cost, print && mode == Progress.Mode.LINES);
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "Trained in %.1f s.%n", seconds);
        out.println(sanityLine(smoothed.value(), steps, loss));

        Word2VecFormat.write(vectors, output, Word2VecFormat.formatOf(output));
        out.println("Wrote " + output + " (" + Progress.count(vectors.vocabulary().size()) + " words x "
                + vectors.dimension() + " dimensions).");
        List<String> known = PLOT_WORDS.stream().filter(vectors.vocabulary()::contains).toList();
        if (known.size() < PLOT_WORDS.size()) {
            out.println("Not in the vocabulary, left out of the plot: " + String.join(", ",
                    PLOT_WORDS.stream().filter(w -> !known.contains(w)).toList()) + ".");
        }
        if (known.size() >= 2) {
            PlotCommand.draw(vectors, known, String.format(Locale.ROOT, "CS224n word vectors (%s, %,d steps)",
                    lossName(loss, config.negatives()), steps), 900, 700, plot);
            out.println("Wrote " + plot + " (" + known.size() + " words).");
        }
        out.flush();
        return 0;
    }

    static String lossName(LossType loss, int negatives) {
        return Spellings.Loss.describe(loss, negatives);
    }

    /** The assignment's check of the final smoothed cost, and what it means when it fails. */
    static String sanityLine(double cost, int steps, LossType loss) {
        String head = String.format(Locale.ROOT, "Sanity check: final smoothed cost %.2f", cost);
        if (cost <= SANE_COST) {
            return head + " <= 10: passed.";
        }
        if (loss != LossType.NEGATIVE_SAMPLING) {
            return head + " > 10. Expected with the " + lossName(loss, 0) + ": on this recipe no normalised model"
                    + " can average below about 11.7 (the conditional entropy of the windows; docs/benchmarks.md).";
        }
        return head + " > 10: failed" + (steps < 40_000
                ? String.format(Locale.ROOT, " (after %,d of the recipe's 40,000 steps).", steps) : ".");
    }
}
