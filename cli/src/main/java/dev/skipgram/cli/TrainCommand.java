package dev.skipgram.cli;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.TokenCounts;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.corpus.synthetic.Relation;
import dev.skipgram.corpus.synthetic.SyntheticCorpus;
import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import dev.skipgram.io.AtomicFile;
import dev.skipgram.io.Word2VecFormat;
import dev.skipgram.options.Spellings;
import dev.skipgram.options.Word2VecDefaults;
import dev.skipgram.options.Word2VecOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skipgram train}: the word2vec recipe on a corpus (or the built-in one), saved to a vector file. */
@Command(name = "train",
        header = "Train word vectors on your text or the built-in corpus; save them.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        defaultValueProvider = Word2VecDefaults.class,
        description = {
            "Trains word vectors with the word2vec recipe (skip-gram or CBOW, a dynamic window, subsampling, the"
                + " learning rate decaying linearly over the epochs, lock-free threads) and writes them to a"
                + " word2vec file.",
            "",
            "Without --corpus it trains on the built-in corpus: 30,000 sentences generated from a hidden toy world"
                + " (24 countries with their capitals and languages, 24 nouns in the singular and plural). It then"
                + " shows the nearest words of a few probes and the accuracy on that world's own analogy"
                + " questions. It takes seconds and needs no download.",
            ""})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "PATH",
            description = "Training text: a UTF-8 file with one sentence per line and tokens separated by whitespace,"
                + " a gzip file, or a directory of them (read recursively). Default: the built-in corpus.")
    Path corpusPath;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "vectors.bin",
            description = "Where the vectors go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--format", paramLabel = "binary|text", converter = Converters.Format.class,
            completionCandidates = Converters.Format.class,
            description = "The word2vec file format (default: binary if FILE ends in .bin, otherwise text).")
    Word2VecFormat.Format format;

    @Mixin
    Word2VecOptions training;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of processors, ${DEFAULT-VALUE} here). With 1 thread,"
                + " the same seed gives the same vectors.")
    int threads;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save checkpoints here while training. Must hold no checkpoint, unless --resume is given.")
    Path checkpointDirectory;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --checkpoint-dir.")
    boolean resume;

    /** Probes shown after training on the built-in corpus: (relation, pair, first or second word). */
    private static final int[][] PROBES = {{0, 0, 0}, {1, 7, 1}, {2, 0, 1}, {2, 12, 0}};

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume && checkpointDirectory == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs --checkpoint-dir DIR");
        }
        Word2VecFormat.Format fileFormat = format != null ? format : Word2VecFormat.formatOf(output);
        prepareOutput("--out", output);
        SkipGramConfig config = config();
        Progress.Mode mode = Progress.Mode.detect();

        SyntheticCorpus synthetic = null;
        Corpus corpus;
        if (corpusPath == null) {
            synthetic = SyntheticCorpus.generate(config.seed());
            corpus = synthetic.corpus();
            out.printf(Locale.ROOT, "Training on the built-in corpus: %s sentences (%s tokens) generated about a toy"
                    + " world%nof countries, capitals, languages and nouns, such as \"%s\".%n",
                    Progress.count(synthetic.sentences().size()), Progress.count(synthetic.tokens()),
                    String.join(" ", synthetic.sentences().get(0)));
        } else {
            if (!Files.exists(corpusPath)) {
                throw new UserError("corpus not found: " + corpusPath);
            }
            corpus = Corpus.plainText(corpusPath);
            out.println("Training on " + corpusPath + ".");
        }
        boolean resuming = false;
        if (checkpointDirectory != null) {
            resuming = Checkpoints.prepare(checkpointDirectory, resume, settings(config));
            out.println(resuming ? "Resuming from the checkpoint in " + checkpointDirectory + "."
                    : "Checkpoints go to " + checkpointDirectory + ".");
        }
        boolean cbow = config.model() == Model.CBOW;
        out.printf(Locale.ROOT, "word2vec recipe: %s%s, d=%d, window %d, %d epoch%s, min count %d,%n"
                + "subsampling %s, learning rate %s, %d thread%s, seed %d.%n", cbow ? "CBOW with " : "",
                config.loss() == LossType.NEGATIVE_SAMPLING && !cbow ? "negative sampling (K=" + config.negatives()
                        + (config.negativeSharing() == NegativeSharing.WINDOW ? ", shared by each window" : "") + ")"
                        : Spellings.Loss.describe(config.loss(), config.negatives())
                        + (config.loss() == LossType.HIERARCHICAL_SOFTMAX && !cbow
                                && config.negativeSharing() == NegativeSharing.WINDOW ? " (batched by window)" : ""),
                config.dimension(), config.windowSize(), config.epochs(),
                config.epochs() == 1 ? "" : "s", config.minCount(),
                config.subsampleThreshold(), config.learningRate(), config.threads(), config.threads() == 1 ? "" : "s",
                config.seed());
        out.flush();

        Nd4j.create(DataType.FLOAT, 1); // load the native libraries now, so the training time is the training's
        Passes passes = new Passes(corpus, synthetic == null, mode, err);
        TrainingReport[] last = {null};
        long started = System.nanoTime();
        WordVectors vectors;
        try {
            boolean resumed = resuming;
            vectors = SkipGram.train(passes, config, report -> {
                if (last[0] == null && resumed) {
                    passes.training().rebase(report.wordsProcessed()); // the rate counts this run's words only
                }
                last[0] = report;
                passes.training().update(report.wordsProcessed(), report.wordsTotal(), String.format(Locale.ROOT,
                        "epoch %d/%d  loss %s  lr %.5f", report.epoch(), report.epochs(), loss(report.meanLoss()),
                        report.learningRate()), report.endOfEpoch());
            });
        } finally {
            passes.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Word2VecFormat.write(vectors, output, fileFormat);
        // the training phase as the last progress line shows it: this run's in-vocabulary words (before
        // subsampling) over the time from the start of the first training pass to the last report
        Progress training = passes.training();
        String phase = Double.isFinite(training.averageRate())
                ? String.format(Locale.ROOT, ": %s%s words in %.1f s of training, %s words/s (%.1f s in all)",
                        resuming ? "this run's " : "", Progress.count(training.units()),
                        training.seconds(), Progress.rate(training.averageRate()), seconds)
                : String.format(Locale.ROOT, " in %.1f s", seconds);
        out.printf(Locale.ROOT, "Trained %s words x %d dimensions%s%s.%n",
                Progress.count(vectors.vocabulary().size()), vectors.dimension(), phase,
                last[0] == null ? "" : "; final loss " + loss(last[0].meanLoss())
                        + (cbow ? " (mean per predicted word)" : " (mean per word-context pair)"));
        out.printf(Locale.ROOT, "Wrote %s (%s word2vec format).%n", output, Converters.Format.name(fileFormat));
        if (synthetic != null) {
            showWhatWasLearned(vectors, synthetic, out);
        }
        String program = Main.program();
        List<String[]> next = new ArrayList<>();
        next.add(new String[] {program + " neighbors " + output + " WORD...", "the nearest words"});
        next.add(new String[] {program + " analogy " + output + " A B C", "a : b :: c : ?"});
        next.add(new String[] {program + " plot " + output + " WORD... --out plot.png", "a picture"});
        if (synthetic != null) {
            next.add(new String[] {program + " train --corpus FILE", "train on your own text"});
        }
        int width = next.stream().mapToInt(n -> n[0].length()).max().orElse(0);
        out.println();
        out.println("Next:");
        for (String[] n : next) {
            out.printf(Locale.ROOT, "  %-" + width + "s   %s%n", n[0], n[1]);
        }
        out.flush();
        return 0;
    }

    /** The config: the word2vec preset with this command's options. */
    private SkipGramConfig config() {
        SkipGramConfig.Builder b = training.builder().threads(threads)
                .reportInterval(Progress.Mode.detect() == Progress.Mode.BAR ? Duration.ofMillis(250)
                        : Duration.ofSeconds(2));
        if (checkpointDirectory != null) {
            b.checkpoints(checkpointDirectory); // every 10,000,000 words and at each epoch's end
        }
        return training.build(b);
    }

    /** What must match when a run resumes: the library's run settings, and the corpus. */
    private Map<String, String> settings(SkipGramConfig c) {
        Map<String, String> s = new LinkedHashMap<>(c.runSettings().pairs());
        // always recorded here, so that a skip-gram run is told it cannot resume a CBOW run's directory
        // (the library leaves skip-gram out of its run settings, as checkpoints written before CBOW did)
        s.put("model", c.model().name());
        s.put(Settings.CORPUS, corpusPath == null ? "(built-in)" : corpusPath.toAbsolutePath().normalize().toString());
        return s;
    }

    /**
     * Fails before training, not after, if an output file could not be written. The rules are
     * {@link AtomicFile}'s, the same for every command: a link is followed, a device or FIFO is
     * written to, and a missing directory is refused, not created.
     *
     * @param flag the option that named the file, for the message
     * @param output the file
     * @throws UserError naming the file and the problem
     */
    static void prepareOutput(String flag, Path output) {
        if (Files.isDirectory(output)) {
            throw new UserError(flag + " " + output + " is a directory; give a file name such as "
                    + ("--plot".equals(flag) ? "plot.png" : "vectors.bin"));
        }
        try {
            AtomicFile.requireWritable(output);
        } catch (IOException e) {
            throw new UserError("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    static String loss(double meanLoss) {
        return Double.isNaN(meanLoss) ? "-" : String.format(Locale.ROOT, "%.4f", meanLoss);
    }

    /** Probes, one analogy per relation, and the accuracy on all of the built-in corpus's questions. */
    private static void showWhatWasLearned(WordVectors vectors, SyntheticCorpus synthetic, PrintWriter out) {
        List<Relation> relations = synthetic.relations();
        out.println();
        out.println("Nearest words (cosine similarity):");
        for (int[] p : PROBES) {
            Relation.Pair pair = relations.get(p[0]).pairs().get(p[1]);
            String word = p[2] == 0 ? pair.first() : pair.second();
            if (vectors.vocabulary().contains(word)) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s", word));
                for (WordVectors.Neighbor n : vectors.mostSimilar(word, 5)) {
                    line.append(String.format(Locale.ROOT, "  %s %.2f", n.word(), n.similarity()));
                }
                out.println(line);
            }
        }
        out.println();
        out.println("Analogies, a : b :: c : ? (the word nearest to b - a + c):");
        for (Relation r : relations) {
            Relation.Pair a = r.pairs().get(0);
            Relation.Pair c = r.pairs().get(7);
            List<String> words = List.of(a.first(), a.second(), c.first());
            if (!words.stream().allMatch(vectors.vocabulary()::contains)) {
                continue;
            }
            String answer = vectors.analogy(a.first(), a.second(), c.first(), 1).get(0).word();
            out.printf(Locale.ROOT, "  %-36s %-12s %s%n", a.first() + " : " + a.second() + " :: " + c.first() + " : ?",
                    answer, answer.equals(c.second()) ? "(right)" : "(wrong: " + c.second() + ")");
        }
        out.println();
        AnalogyReport report = Evaluation.analogies(vectors, synthetic.analogyQuestions(), Integer.MAX_VALUE);
        out.printf(Locale.ROOT, "Accuracy on the built-in corpus's %s analogy questions:%n",
                Progress.count(report.questions()));
        Reports.analogyTable(report, out);
    }

    /**
     * The corpus as training reads it, with progress: the first pass (the vocabulary) shows the tokens
     * read; the second pass starts the training clock.
     */
    static final class Passes implements Corpus, AutoCloseable {
        private final Corpus corpus;
        private final boolean showReading;
        private final Progress.Mode mode;
        private final PrintWriter err;
        private final AtomicInteger passes = new AtomicInteger();
        private Progress reading;
        private Progress training;
        private long tokens;

        Passes(Corpus corpus, boolean showReading, Progress.Mode mode, PrintWriter err) {
            this.corpus = corpus;
            this.showReading = showReading;
            this.mode = mode;
            this.err = err;
        }

        @Override
        public Stream<List<String>> sentences() {
            int pass = startPass();
            Stream<List<String>> s = corpus.sentences();
            if (pass > 0 || !showReading) {
                return s;
            }
            reading = Progress.start(mode, "reading the corpus", "tokens", err, Duration.ofSeconds(5));
            return s.peek(sentence -> {
                long before = tokens;
                tokens += sentence.size();
                if (tokens >> 16 != before >> 16) {
                    reading.update(tokens, 0, "", false);
                }
            });
        }

        /**
         * The vocabulary pass: the wrapped corpus's own counting (for a plain-text corpus, without a
         * String per token), shown as the reading display.
         */
        @Override
        public TokenCounts countTokens(LongConsumer progress) {
            int pass = startPass();
            if (pass > 0 || !showReading) {
                return corpus.countTokens(progress);
            }
            reading = Progress.start(mode, "reading the corpus", "tokens", err, Duration.ofSeconds(5));
            return corpus.countTokens(counted -> {
                progress.accept(counted);
                if (counted >> 16 != tokens >> 16) {
                    reading.update(counted, 0, "", false);
                }
                tokens = counted;
            });
        }

        /**
         * Training's passes: the wrapped corpus's own encoded reading (for a plain-text corpus, straight
         * into indices without a String per token), not the default's detour through {@link #sentences()}.
         */
        @Override
        public Stream<int[]> encodedSentences(Vocabulary vocabulary) {
            startPass();
            return corpus.encodedSentences(vocabulary);
        }

        /**
         * Counts a pass and returns its number; the second (training's first) closes the reading
         * display and starts training's.
         */
        private int startPass() {
            int pass = passes.getAndIncrement();
            if (pass == 1) {
                closeReading();
                training = Progress.start(mode, "training", "words", err, Duration.ofSeconds(2));
            }
            return pass;
        }

        private void closeReading() {
            if (reading != null) {
                reading.update(tokens, 0, "", false);
                reading.close();
                reading = null;
            }
        }

        /** The training progress (started when training's first pass over the corpus began). */
        Progress training() {
            if (training == null) {
                closeReading();
                training = Progress.start(mode, "training", "words", err, Duration.ofSeconds(2));
            }
            return training;
        }

        @Override
        public void close() {
            closeReading();
            if (training != null) {
                training.close();
            }
        }
    }
}
