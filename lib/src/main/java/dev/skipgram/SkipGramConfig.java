package dev.skipgram;

import dev.skipgram.checkpoint.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything {@link SkipGram#train} needs to know, validated when constructed: a config that exists
 * is a config that trains. Start from one of the two presets, {@link #cs224n()} or
 * {@link #word2vec()}, and change what you need; the recipe is chosen by the preset, since each
 * recipe has its own defaults. {@link #toProperties()} and {@link #of(Properties)} write and read
 * every setting as text, under the names of the record's components.
 *
 * <p>Some settings belong to one recipe and are ignored by the other; each says which.
 *
 * <p>Immutable and thread-safe. {@code recipe}, {@code model}, {@code loss}, {@code negativeSharing} and
 * {@code reportInterval} must not be null; {@code checkpointDirectory} is null when checkpoints are off ({@link #checkpoints()} gives it
 * as an {@link Optional}). No other method returns null.
 *
 * @param recipe the training procedure (CS224n default {@link Recipe#CS224N}; word2vec preset
 *     {@link Recipe#WORD2VEC})
 * @param model word2vec: the architecture, {@link Model#SKIP_GRAM} (both presets) or {@link Model#CBOW}
 *     (the mean of the context words predicts the centre word); {@code CBOW} is refused with the
 *     CS224n recipe and with the full softmax (it trains with negative sampling or hierarchical
 *     softmax), and ignores {@code negativeSharing} (it draws K
 *     negatives once per position, for its one prediction). CBOW keeps the preset's learning rate,
 *     0.025 as gensim's; word2vec.c starts CBOW at 0.05
 * @param loss the loss (both presets: {@link LossType#NEGATIVE_SAMPLING})
 * @param dimension d, the embedding dimension, ≥ 1 (CS224n 10, word2vec 100)
 * @param windowSize m, the largest window radius, ≥ 1; the radius is drawn from 1..m for each window
 *     (CS224n) or centre word (word2vec) (both 5)
 * @param negatives K, negative words per pair, ≥ 1 (CS224n 10, word2vec 5; ignored by both softmaxes)
 * @param negativeSharing word2vec skip-gram (CBOW ignores it): whether a window's pairs share one
 *     draw of negatives and one step ({@link NegativeSharing#WINDOW}, HogBatch, the word2vec preset's
 *     default with negative sampling: faster, and better vectors than gensim's on the benchmark corpus,
 *     docs/benchmarks.md) or each pair draws its own negatives and takes its own step ({@link
 *     NegativeSharing#PAIR}, word2vec.c's update, the CS224n preset's). With {@link
 *     LossType#HIERARCHICAL_SOFTMAX}, {@code WINDOW} batches a window's pairs into one step along the
 *     predicted word's shared path in the tree, and {@code PAIR} is word2vec.c's per-pair step, the
 *     word2vec preset's default for that loss (batching cost about 2 analogy points against gensim,
 *     docs/benchmarks.md): a builder left at the preset's default resolves it from the loss when it
 *     builds. The full softmax ignores it; {@code WINDOW} is refused with the CS224n recipe
 * @param noiseExponent α of the noise distribution count^α, finite and ≥ 0 (both 0.75)
 * @param subsampleThreshold t, finite and ≥ 0, 0 turns subsampling off. CS224n: a token of a word
 *     with count f is discarded with probability max(0, 1 − sqrt(t·N/f)) (default 1e-5); word2vec: it
 *     is kept with probability (sqrt(f/(t·N)) + 1)·t·N/f (default 1e-3). N is the corpus size.
 * @param learningRate the initial step size, finite and &gt; 0 (CS224n 0.3, word2vec 0.025)
 * @param seed the seed of every random choice (both 31337). With the CS224n recipe, or word2vec with
 *     one thread, equal seeds give identical vectors (with one version of skipgram and of ND4J)
 * @param steps CS224n: SGD steps, ≥ 0 (40,000)
 * @param windowsPerStep CS224n: windows averaged in each step, ≥ 1 (50)
 * @param annealFactor CS224n: the step size is multiplied by this, in (0, 1], ... (0.5)
 * @param annealEvery CS224n: ... every this many steps, ≥ 1 (20,000)
 * @param reportEvery CS224n: steps between reports, ≥ 1 (10)
 * @param epochs word2vec: passes over the corpus, ≥ 1 (5)
 * @param minCount word2vec: the smallest count a word needs to enter the vocabulary, ≥ 1 (5)
 * @param maxVocabularySize word2vec: the most words kept, the most frequent first, ≥ 1
 *     (unlimited: {@code Integer.MAX_VALUE})
 * @param minLearningRate word2vec: the floor the learning rate decays to linearly over all epochs,
 *     finite, ≥ 0 and ≤ learningRate (0.0001, gensim's {@code min_alpha})
 * @param threads word2vec: worker threads updating the shared parameters without locks, ≥ 1 (the
 *     available processors). Not part of {@link #runSettings()}: a checkpoint resumes with another
 *     thread count
 * @param reportInterval word2vec: the longest time between two reports, positive (2 s)
 * @param checkpointEvery CS224n: steps between checkpoints (5,000); word2vec: words processed between
 *     checkpoints, which are also written at the end of every epoch (10,000,000); ≥ 1
 * @param checkpointDirectory where checkpoints go and training resumes from, or {@code null} for no
 *     checkpoints (both: none)
 */
public record SkipGramConfig(
        Recipe recipe,
        Model model,
        LossType loss,
        int dimension,
        int windowSize,
        int negatives,
        NegativeSharing negativeSharing,
        double noiseExponent,
        double subsampleThreshold,
        double learningRate,
        long seed,
        int steps,
        int windowsPerStep,
        double annealFactor,
        int annealEvery,
        int reportEvery,
        int epochs,
        int minCount,
        int maxVocabularySize,
        double minLearningRate,
        int threads,
        Duration reportInterval,
        int checkpointEvery,
        Path checkpointDirectory) {

    /**
     * Validates every field; the message names the field and its bad value.
     *
     * @param recipe the training procedure, not null
     * @param model the architecture, not null; {@code CBOW} only with the word2vec recipe and
     *     negative sampling or hierarchical softmax
     * @param loss the loss, not null
     * @param dimension d, ≥ 1
     * @param windowSize m, ≥ 1
     * @param negatives K, ≥ 1
     * @param negativeSharing not null; {@code WINDOW} only with the word2vec recipe (the softmax ignores it)
     * @param noiseExponent α, finite and ≥ 0
     * @param subsampleThreshold t, finite and ≥ 0
     * @param learningRate finite and &gt; 0
     * @param seed any value
     * @param steps ≥ 0
     * @param windowsPerStep ≥ 1
     * @param annealFactor in (0, 1]
     * @param annealEvery ≥ 1
     * @param reportEvery ≥ 1
     * @param epochs ≥ 1
     * @param minCount ≥ 1
     * @param maxVocabularySize ≥ 1
     * @param minLearningRate in [0, learningRate]
     * @param threads ≥ 1
     * @param reportInterval positive, not null
     * @param checkpointEvery ≥ 1
     * @param checkpointDirectory a directory, or null for no checkpoints
     * @throws IllegalArgumentException naming the first field out of range
     * @throws NullPointerException if {@code recipe}, {@code model}, {@code loss}, {@code negativeSharing}
     *     or {@code reportInterval} is null
     */
    public SkipGramConfig {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(negativeSharing, "negativeSharing");
        Objects.requireNonNull(reportInterval, "reportInterval");
        if (model == Model.CBOW && recipe != Recipe.WORD2VEC) {
            throw new IllegalArgumentException("model = " + model + " needs the " + Recipe.WORD2VEC
                    + " recipe, got " + recipe + " (the CS224n assignment trains skip-gram only)");
        }
        if (model == Model.CBOW && loss == LossType.NAIVE_SOFTMAX) {
            throw new IllegalArgumentException("model = " + model + " trains with " + LossType.NEGATIVE_SAMPLING
                    + " or " + LossType.HIERARCHICAL_SOFTMAX + ", got loss = " + loss
                    + " (as word2vec.c and gensim: the full softmax of the mean is not offered)");
        }
        atLeast("dimension", dimension, 1);
        atLeast("windowSize", windowSize, 1);
        atLeast("negatives", negatives, 1);
        if (negativeSharing == NegativeSharing.WINDOW && recipe != Recipe.WORD2VEC) {
            throw new IllegalArgumentException("negativeSharing = " + negativeSharing + " needs the "
                    + Recipe.WORD2VEC + " recipe, got " + recipe + " (its negative sampling draws per pair)");
        }
        if (!(noiseExponent >= 0) || Double.isInfinite(noiseExponent)) {
            throw new IllegalArgumentException("noiseExponent must be finite and >= 0, got " + noiseExponent);
        }
        if (!(subsampleThreshold >= 0) || Double.isInfinite(subsampleThreshold)) {
            throw new IllegalArgumentException(
                    "subsampleThreshold must be finite and >= 0, got " + subsampleThreshold);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        atLeast("steps", steps, 0);
        atLeast("windowsPerStep", windowsPerStep, 1);
        if (!(annealFactor > 0 && annealFactor <= 1)) {
            throw new IllegalArgumentException("annealFactor must be in (0, 1], got " + annealFactor);
        }
        atLeast("annealEvery", annealEvery, 1);
        atLeast("reportEvery", reportEvery, 1);
        atLeast("epochs", epochs, 1);
        atLeast("minCount", minCount, 1);
        atLeast("maxVocabularySize", maxVocabularySize, 1);
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            throw new IllegalArgumentException("minLearningRate must be in [0, learningRate = " + learningRate
                    + "], got " + minLearningRate);
        }
        atLeast("threads", threads, 1);
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new IllegalArgumentException("reportInterval must be positive, got " + reportInterval);
        }
        atLeast("checkpointEvery", checkpointEvery, 1);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /**
     * The checkpoint directory, if checkpointing is on.
     *
     * @return {@link #checkpointDirectory()}, or empty if it is null
     */
    public Optional<Path> checkpoints() {
        return Optional.ofNullable(checkpointDirectory);
    }

    /**
     * A builder holding the CS224n recipe's settings (the same as {@link #cs224n()}).
     *
     * @return a new builder
     * @deprecated an alias that hides which recipe it starts from; use {@link #cs224n()} (or
     *     {@link #word2vec()}). To be removed in 0.2.
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static Builder builder() {
        return cs224n();
    }

    /**
     * A builder holding the Stanford CS224n recipe's settings (SPEC §6): d = 10, window 5, K = 10,
     * subsampling 1e-5, 40,000 steps of 50 windows at learning rate 0.3, halved every 20,000 steps.
     *
     * @return a new builder
     */
    public static Builder cs224n() {
        return new Builder(Recipe.CS224N);
    }

    /**
     * A builder holding word2vec's settings (SPEC §7): d = 100, window 5, K = 5 negatives shared by
     * each window, min count 5, subsampling 1e-3, learning rate 0.025 decaying to 0.0001, 5 epochs,
     * all processors. Its {@code negativeSharing} follows the loss unless set: {@link
     * NegativeSharing#WINDOW} with negative sampling (and the full softmax, which ignores it), {@link
     * NegativeSharing#PAIR} with hierarchical softmax.
     *
     * @return a new builder
     */
    public static Builder word2vec() {
        Builder b = new Builder(Recipe.WORD2VEC);
        b.dimension = 100;
        b.negatives = 5;
        b.negativeSharing = null; // follows the loss, resolved in build()
        b.subsampleThreshold = 1e-3;
        b.learningRate = 0.025;
        b.checkpointEvery = 10_000_000;
        return b;
    }

    /**
     * Every setting of this config as text, named as the record's components are (the one vocabulary
     * of setting names, shared by checkpoints and the command line): {@code recipe}, {@code model}, {@code loss}
     * and {@code negativeSharing} as enum constant names, numbers as {@link Integer#toString},
     * {@link Long#toString} and {@link Double#toString} write them (so doubles read back exactly),
     * {@code reportInterval} in
     * ISO-8601 ({@code PT2S}), and {@code checkpointDirectory} as a path, absent when checkpoints
     * are off. {@link #of(Properties)} reads them back.
     *
     * @return new properties, one per setting; the caller may modify them
     */
    public Properties toProperties() {
        return ConfigSettings.toProperties(this);
    }

    /**
     * A config from settings written as {@link #toProperties()} writes them: the preset of the given
     * {@code recipe} ({@link #cs224n()} or {@link #word2vec()}) with every other setting present
     * replacing the preset's value. {@code of(c.toProperties())} equals {@code c}.
     *
     * @param properties setting name to value; {@code recipe} is required, every other key is optional
     * @return the validated config
     * @throws IllegalArgumentException naming the key and the value if a key is not a setting, a value
     *     cannot be read as its setting's type, {@code recipe} is missing, or the config is invalid
     */
    public static SkipGramConfig of(Properties properties) {
        return ConfigSettings.of(properties);
    }

    /**
     * The settings that a run resuming from a checkpoint must share with the run that wrote it: those
     * that shape the data or the steps of this config's recipe, named as in {@link #toProperties()}.
     * Both recipes: {@code recipe, loss, dimension, windowSize, negatives, noiseExponent,
     * subsampleThreshold, learningRate, seed}; CS224n also {@code windowsPerStep, annealFactor,
     * annealEvery}; word2vec also {@code negativeSharing, epochs, minCount, maxVocabularySize,
     * minLearningRate}, and {@code model} when it is {@code CBOW} (a checkpoint written before the
     * setting existed has none and is a skip-gram run's, so skip-gram leaves it out). Not
     * {@code steps} (a CS224n run may be extended), nor {@code threads} (a checkpoint made with the
     * default thread count resumes on a machine with another number of processors), nor how reports
     * and checkpoints are made.
     *
     * @return the settings, in the order of the record's components
     */
    public RunSettings runSettings() {
        return ConfigSettings.runSettings(this);
    }

    /**
     * A builder holding this config's values, to derive a changed config from it. It holds this
     * config's {@code negativeSharing} as set, so changing its loss keeps the sharing: call {@code
     * negativeSharing(null)} to have the new loss's default instead.
     *
     * @return a new builder; changing it does not change this config
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link SkipGramConfig}. The setters accept any value; {@link #build()} validates them
     * all, so a builder may pass through invalid states. A builder holds the defaults of the recipe
     * it was started from ({@link SkipGramConfig#cs224n()}, {@link SkipGramConfig#word2vec()} or
     * {@link SkipGramConfig#toBuilder()}), and that recipe cannot be changed. Not thread-safe: confine a builder to one
     * thread (the configs it builds are immutable and may be shared).
     */
    public static final class Builder {
        private final Recipe preset; // the recipe whose defaults this builder started from
        Recipe recipe;
        Model model = Model.SKIP_GRAM;
        LossType loss = LossType.NEGATIVE_SAMPLING;
        int dimension = 10;
        int windowSize = 5;
        int negatives = 10;
        NegativeSharing negativeSharing = NegativeSharing.PAIR;
        double noiseExponent = 0.75;
        double subsampleThreshold = 1e-5;
        double learningRate = 0.3;
        long seed = 31_337L;
        int steps = 40_000;
        int windowsPerStep = 50;
        double annealFactor = 0.5;
        int annealEvery = 20_000;
        int reportEvery = 10;
        int epochs = 5;
        int minCount = 5;
        int maxVocabularySize = Integer.MAX_VALUE;
        double minLearningRate = 0.0001;
        int threads = Runtime.getRuntime().availableProcessors();
        Duration reportInterval = Duration.ofSeconds(2);
        int checkpointEvery = 5_000;
        Path checkpointDirectory;

        private Builder(Recipe preset) {
            this.preset = preset;
            this.recipe = preset;
        }

        private Builder(SkipGramConfig c) {
            preset = c.recipe;
            recipe = c.recipe;
            model = c.model;
            loss = c.loss;
            dimension = c.dimension;
            windowSize = c.windowSize;
            negatives = c.negatives;
            negativeSharing = c.negativeSharing;
            noiseExponent = c.noiseExponent;
            subsampleThreshold = c.subsampleThreshold;
            learningRate = c.learningRate;
            seed = c.seed;
            steps = c.steps;
            windowsPerStep = c.windowsPerStep;
            annealFactor = c.annealFactor;
            annealEvery = c.annealEvery;
            reportEvery = c.reportEvery;
            epochs = c.epochs;
            minCount = c.minCount;
            maxVocabularySize = c.maxVocabularySize;
            minLearningRate = c.minLearningRate;
            threads = c.threads;
            reportInterval = c.reportInterval;
            checkpointEvery = c.checkpointEvery;
            checkpointDirectory = c.checkpointDirectory;
        }

        /**
         * Sets {@link SkipGramConfig#recipe()}, which can only be the recipe this builder started from:
         * the other recipe would train with this one's defaults (for example word2vec with CS224n's
         * d = 10 and learning rate 0.3).
         *
         * @param v the recipe this builder holds the defaults of; null fails in {@link #build()}
         * @return this builder
         * @throws IllegalStateException if {@code v} is another recipe than the one this builder was
         *     started from, saying which preset to start from instead
         * @deprecated the preset chooses the recipe: start from {@link SkipGramConfig#cs224n()} or
         *     {@link SkipGramConfig#word2vec()}. To be removed in 0.2.
         */
        @Deprecated(since = "0.1.0", forRemoval = true)
        public Builder recipe(Recipe v) {
            if (v != null && v != preset) {
                throw new IllegalStateException("recipe(" + v + ") on a builder holding the " + preset
                        + " recipe's defaults would train " + v + " with them; start from SkipGramConfig."
                        + (v == Recipe.WORD2VEC ? "word2vec()" : "cs224n()") + " instead");
            }
            recipe = v;
            return this;
        }
        /**
         * Sets {@link SkipGramConfig#model()}.
         *
         * @param v {@link Model#SKIP_GRAM} or {@link Model#CBOW} (word2vec recipe only); null fails in
         *     {@link #build()}
         * @return this builder
         * @since 0.1.0
         */
        public Builder model(Model v) { model = v; return this; }
        /**
         * Sets {@link SkipGramConfig#loss()}.
         *
         * @param v the loss, not null
         * @return this builder
         */
        public Builder loss(LossType v) { loss = v; return this; }
        /**
         * Sets {@link SkipGramConfig#dimension()}.
         *
         * @param v d, ≥ 1
         * @return this builder
         */
        public Builder dimension(int v) { dimension = v; return this; }
        /**
         * Sets {@link SkipGramConfig#windowSize()}.
         *
         * @param v m, the largest window radius, ≥ 1
         * @return this builder
         */
        public Builder windowSize(int v) { windowSize = v; return this; }
        /**
         * Sets {@link SkipGramConfig#negatives()}.
         *
         * @param v K, negative words per pair, ≥ 1
         * @return this builder
         */
        public Builder negatives(int v) { negatives = v; return this; }
        /**
         * Sets {@link SkipGramConfig#negativeSharing()}.
         *
         * @param v {@link NegativeSharing#PAIR} (word2vec.c) or {@link NegativeSharing#WINDOW}
         *     (HogBatch, word2vec recipe only); null restores the default, which follows the recipe and
         *     the loss when the config is built: {@code PAIR} with the CS224n recipe; with word2vec,
         *     {@code PAIR} for hierarchical softmax and {@code WINDOW} otherwise
         * @return this builder
         * @since 0.1.0
         */
        public Builder negativeSharing(NegativeSharing v) { negativeSharing = v; return this; }
        /**
         * Sets {@link SkipGramConfig#noiseExponent()}.
         *
         * @param v α, finite and ≥ 0
         * @return this builder
         */
        public Builder noiseExponent(double v) { noiseExponent = v; return this; }
        /**
         * Sets {@link SkipGramConfig#subsampleThreshold()}.
         *
         * @param v t, finite and ≥ 0; 0 turns subsampling off
         * @return this builder
         */
        public Builder subsampleThreshold(double v) { subsampleThreshold = v; return this; }
        /**
         * Sets {@link SkipGramConfig#learningRate()}.
         *
         * @param v the initial step size, finite and &gt; 0
         * @return this builder
         */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /**
         * Sets {@link SkipGramConfig#seed()}.
         *
         * @param v the seed of every random choice, any value
         * @return this builder
         */
        public Builder seed(long v) { seed = v; return this; }
        /**
         * Sets {@link SkipGramConfig#steps()}.
         *
         * @param v SGD steps (CS224n), ≥ 0
         * @return this builder
         */
        public Builder steps(int v) { steps = v; return this; }
        /**
         * Sets {@link SkipGramConfig#windowsPerStep()}.
         *
         * @param v windows per SGD step (CS224n), ≥ 1
         * @return this builder
         */
        public Builder windowsPerStep(int v) { windowsPerStep = v; return this; }
        /**
         * Sets the CS224n step-size annealing: {@link SkipGramConfig#annealFactor()} and
         * {@link SkipGramConfig#annealEvery()}.
         *
         * @param factor the step size is multiplied by this, in (0, 1] (1: no annealing) ...
         * @param every ... every this many steps, ≥ 1
         * @return this builder
         */
        public Builder anneal(double factor, int every) { annealFactor = factor; annealEvery = every; return this; }
        /**
         * Sets {@link SkipGramConfig#reportEvery()}.
         *
         * @param v steps between reports (CS224n), ≥ 1
         * @return this builder
         */
        public Builder reportEvery(int v) { reportEvery = v; return this; }
        /**
         * Sets {@link SkipGramConfig#epochs()}.
         *
         * @param v passes over the corpus (word2vec), ≥ 1
         * @return this builder
         */
        public Builder epochs(int v) { epochs = v; return this; }
        /**
         * Sets {@link SkipGramConfig#minCount()}.
         *
         * @param v the smallest count a word needs (word2vec), ≥ 1
         * @return this builder
         */
        public Builder minCount(int v) { minCount = v; return this; }
        /**
         * Sets {@link SkipGramConfig#maxVocabularySize()}.
         *
         * @param v the most words kept (word2vec), ≥ 1
         * @return this builder
         */
        public Builder maxVocabularySize(int v) { maxVocabularySize = v; return this; }
        /**
         * Sets {@link SkipGramConfig#minLearningRate()}.
         *
         * @param v the learning rate's floor (word2vec), in [0, learningRate]
         * @return this builder
         */
        public Builder minLearningRate(double v) { minLearningRate = v; return this; }
        /**
         * Sets {@link SkipGramConfig#threads()}.
         *
         * @param v worker threads (word2vec), ≥ 1
         * @return this builder
         */
        public Builder threads(int v) { threads = v; return this; }
        /**
         * Sets {@link SkipGramConfig#reportInterval()}.
         *
         * @param v the longest time between reports (word2vec), positive, not null
         * @return this builder
         */
        public Builder reportInterval(Duration v) { reportInterval = v; return this; }
        /**
         * Checkpoints into {@code directory} at the recipe's default interval (CS224n: every 5,000
         * steps; word2vec: every 10,000,000 words and at each epoch's end); {@code null} turns them off.
         *
         * @param directory where checkpoints are written and resumed from (created if missing, as
         *     {@code mkdir} does: its parent directory must exist), or null for none
         * @return this builder
         */
        public Builder checkpoints(Path directory) {
            checkpointDirectory = directory;
            return this;
        }

        /**
         * Checkpoints every {@code every} steps (CS224n) or words (word2vec) into {@code directory};
         * {@code null} turns them off.
         *
         * @param directory where checkpoints are written and resumed from (created if missing, as
         *     {@code mkdir} does: its parent directory must exist), or null for none
         * @param every steps (CS224n) or words processed (word2vec) between checkpoints, ≥ 1
         * @return this builder
         */
        public Builder checkpoints(Path directory, int every) {
            checkpointDirectory = directory;
            checkpointEvery = every;
            return this;
        }

        /**
         * Builds the config. The builder can be changed and built again afterwards.
         *
         * @return a new, validated config
         * @throws IllegalArgumentException naming the first field out of range
         * @throws NullPointerException if the recipe, model, loss or report interval is null
         */
        public SkipGramConfig build() {
            NegativeSharing sharing = negativeSharing != null ? negativeSharing : defaultSharing(recipe, loss);
            return new SkipGramConfig(recipe, model, loss, dimension, windowSize, negatives, sharing, noiseExponent,
                    subsampleThreshold, learningRate, seed, steps, windowsPerStep, annealFactor, annealEvery,
                    reportEvery, epochs, minCount, maxVocabularySize, minLearningRate, threads, reportInterval,
                    checkpointEvery, checkpointDirectory);
        }

        /**
         * The sharing a builder left at its default builds with: word2vec.c's per-pair step where
         * batching was measured to cost quality (the CS224n recipe, which allows nothing else, and
         * hierarchical softmax: 2 analogy points below gensim batched, level with it per pair,
         * docs/benchmarks.md), HogBatch's shared negatives elsewhere (faster and better than gensim).
         */
        private static NegativeSharing defaultSharing(Recipe recipe, LossType loss) {
            if (recipe == null || loss == null) {
                return NegativeSharing.PAIR; // the constructor names the null
            }
            return recipe == Recipe.WORD2VEC && loss != LossType.HIERARCHICAL_SOFTMAX
                    ? NegativeSharing.WINDOW : NegativeSharing.PAIR;
        }
    }
}
