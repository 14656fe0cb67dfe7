package dev.skipgram;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link SkipGram#train} needs to know, validated when constructed: a config that exists
 * is a config that trains. Start from {@link #builder()}, whose defaults are the Stanford CS224n
 * recipe (SPEC §6), and change what you need.
 *
 * <p>Immutable and thread-safe.
 *
 * @param loss the loss (default {@link LossType#NEGATIVE_SAMPLING})
 * @param dimension d, the embedding dimension, ≥ 1 (default 10)
 * @param windowSize m, the largest window radius, ≥ 1; each window draws its radius from 1..m
 *     (default 5)
 * @param negatives K, negative words per pair, ≥ 1 (default 10; ignored by the softmax)
 * @param noiseExponent α of the noise distribution count^α, finite and ≥ 0 (default 0.75)
 * @param subsampleThreshold t: a token of a word with count f is discarded with probability
 *     max(0, 1 − sqrt(t·N / f)), N the corpus size; finite and ≥ 0, 0 turns subsampling off
 *     (default 1e-5)
 * @param learningRate the initial SGD step size, finite and &gt; 0 (default 0.3)
 * @param steps SGD steps, ≥ 0 (default 40,000)
 * @param windowsPerStep windows averaged in each step's loss and gradient, ≥ 1 (default 50)
 * @param annealFactor the step size is multiplied by this, in (0, 1], ... (default 0.5)
 * @param annealEvery ... every this many steps, ≥ 1 (default 20,000)
 * @param reportEvery steps between progress reports, ≥ 1 (default 10)
 * @param checkpointEvery steps between checkpoints, ≥ 1 (default 5,000)
 * @param checkpointDirectory where checkpoints go and training resumes from, or {@code null} for no
 *     checkpoints (default)
 * @param seed the seed of every random choice; equal seeds give equal vectors (default 31337)
 */
public record SkipGramConfig(
        LossType loss,
        int dimension,
        int windowSize,
        int negatives,
        double noiseExponent,
        double subsampleThreshold,
        double learningRate,
        int steps,
        int windowsPerStep,
        double annealFactor,
        int annealEvery,
        int reportEvery,
        int checkpointEvery,
        Path checkpointDirectory,
        long seed) {

    /** Validates every field; the message names the field and its bad value. */
    public SkipGramConfig {
        Objects.requireNonNull(loss, "loss");
        atLeast("dimension", dimension, 1);
        atLeast("windowSize", windowSize, 1);
        atLeast("negatives", negatives, 1);
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
        atLeast("checkpointEvery", checkpointEvery, 1);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /** The checkpoint directory, if checkpointing is on. */
    public Optional<Path> checkpoints() {
        return Optional.ofNullable(checkpointDirectory);
    }

    /** A builder holding the CS224n defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SkipGramConfig}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private LossType loss = LossType.NEGATIVE_SAMPLING;
        private int dimension = 10;
        private int windowSize = 5;
        private int negatives = 10;
        private double noiseExponent = 0.75;
        private double subsampleThreshold = 1e-5;
        private double learningRate = 0.3;
        private int steps = 40_000;
        private int windowsPerStep = 50;
        private double annealFactor = 0.5;
        private int annealEvery = 20_000;
        private int reportEvery = 10;
        private int checkpointEvery = 5_000;
        private Path checkpointDirectory;
        private long seed = 31_337L;

        private Builder() {}

        private Builder(SkipGramConfig c) {
            loss = c.loss;
            dimension = c.dimension;
            windowSize = c.windowSize;
            negatives = c.negatives;
            noiseExponent = c.noiseExponent;
            subsampleThreshold = c.subsampleThreshold;
            learningRate = c.learningRate;
            steps = c.steps;
            windowsPerStep = c.windowsPerStep;
            annealFactor = c.annealFactor;
            annealEvery = c.annealEvery;
            reportEvery = c.reportEvery;
            checkpointEvery = c.checkpointEvery;
            checkpointDirectory = c.checkpointDirectory;
            seed = c.seed;
        }

        /** See {@link SkipGramConfig#loss()}. */
        public Builder loss(LossType v) { loss = v; return this; }
        /** See {@link SkipGramConfig#dimension()}. */
        public Builder dimension(int v) { dimension = v; return this; }
        /** See {@link SkipGramConfig#windowSize()}. */
        public Builder windowSize(int v) { windowSize = v; return this; }
        /** See {@link SkipGramConfig#negatives()}. */
        public Builder negatives(int v) { negatives = v; return this; }
        /** See {@link SkipGramConfig#noiseExponent()}. */
        public Builder noiseExponent(double v) { noiseExponent = v; return this; }
        /** See {@link SkipGramConfig#subsampleThreshold()}. */
        public Builder subsampleThreshold(double v) { subsampleThreshold = v; return this; }
        /** See {@link SkipGramConfig#learningRate()}. */
        public Builder learningRate(double v) { learningRate = v; return this; }
        /** See {@link SkipGramConfig#steps()}. */
        public Builder steps(int v) { steps = v; return this; }
        /** See {@link SkipGramConfig#windowsPerStep()}. */
        public Builder windowsPerStep(int v) { windowsPerStep = v; return this; }
        /** See {@link SkipGramConfig#annealFactor()} and {@link SkipGramConfig#annealEvery()}. */
        public Builder anneal(double factor, int every) { annealFactor = factor; annealEvery = every; return this; }
        /** See {@link SkipGramConfig#reportEvery()}. */
        public Builder reportEvery(int v) { reportEvery = v; return this; }
        /** Checkpoint every {@code every} steps into {@code directory}; {@code null} turns them off. */
        public Builder checkpoints(Path directory, int every) {
            checkpointDirectory = directory;
            checkpointEvery = every;
            return this;
        }
        /** See {@link SkipGramConfig#seed()}. */
        public Builder seed(long v) { seed = v; return this; }

        /**
         * Builds the config.
         *
         * @throws IllegalArgumentException naming the first field out of range
         */
        public SkipGramConfig build() {
            return new SkipGramConfig(loss, dimension, windowSize, negatives, noiseExponent, subsampleThreshold,
                    learningRate, steps, windowsPerStep, annealFactor, annealEvery, reportEvery, checkpointEvery,
                    checkpointDirectory, seed);
        }
    }
}
