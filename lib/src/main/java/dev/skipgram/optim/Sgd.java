package dev.skipgram.optim;

import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.checkpoint.RecipeState;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.random.RestorableRandom;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain stochastic gradient descent, x ← x − η_t ∇f(x), with the step size annealed by a constant
 * factor at a fixed period, a smoothed-loss listener and resumable checkpoints (the optimiser of the
 * CS224n word2vec assignment).
 *
 * <p>Call order of {@link #minimize}: resume from the newest checkpoint if there is one; then for
 * each step t = start+1 .. steps: evaluate f at x with the caller's generator, refuse a non-finite
 * value, update x in place, report every {@code reportEvery} steps and at the last step, checkpoint every
 * {@code checkpointEvery} steps. The step size at step t (1-based) is
 * {@code stepSize × annealFactor^floor((t − 1) / annealEvery)}: with the CS224n settings (0.3, ×0.5
 * every 20,000) steps 1..20,000 use 0.3 and 20,001..40,000 use 0.15.
 *
 * <p>A run resumed from a checkpoint continues exactly as the uninterrupted run would have: the
 * checkpoint ({@link dev.skipgram.checkpoint.Checkpoint}, written by
 * {@link dev.skipgram.checkpoint.CheckpointStore}) holds the parameters, the step, the run's settings
 * and, as this optimiser's {@link RecipeState}, the generator's state ({@code generator}) and the
 * smoothed loss ({@code smoothedLoss}).
 * (The CS224n code instead rescaled the step size by 0.5^(t/20,000) on resume, a fractional power that
 * an uninterrupted run never uses.)
 *
 * <p>Instances are immutable and may be shared; {@code minimize} is as thread-safe as the objective
 * and listener it is given, except that two concurrent runs must not share a checkpoint directory:
 * an instance with checkpoints runs one {@code minimize} at a time. Arguments must not be null
 * ({@link NullPointerException}); no method returns null.
 */
public final class Sgd {

    private static final Logger LOG = LoggerFactory.getLogger(Sgd.class);

    private final double stepSize;
    private final int steps;
    private final double annealFactor;
    private final int annealEvery;
    private final int reportEvery;
    private final SgdListener listener;
    private final Path checkpointDirectory;
    private final int checkpointEvery;
    private final int keepCheckpoints;
    private final RunSettings runSettings;
    private final LearningRateSchedule.StepDecay schedule;

    private Sgd(Builder b) {
        this.stepSize = b.stepSize;
        this.steps = b.steps;
        this.annealFactor = b.annealFactor;
        this.annealEvery = b.annealEvery;
        this.reportEvery = b.reportEvery;
        this.listener = b.listener;
        this.checkpointDirectory = b.checkpointDirectory;
        this.checkpointEvery = b.checkpointEvery;
        this.keepCheckpoints = b.keepCheckpoints;
        this.runSettings = b.runSettings;
        this.schedule = new LearningRateSchedule.StepDecay(stepSize, annealFactor, annealEvery);
    }

    /**
     * A builder with no annealing, reports every 10 steps to nobody, and no checkpoints. The step size
     * and the number of steps must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The step size used at a step, after annealing.
     *
     * @param step the step, 1-based (≥ 1)
     * @return stepSize × annealFactor^floor((step − 1) / annealEvery); positive unless very many
     *     annealings underflow it to 0
     */
    public double stepSizeAt(int step) {
        return schedule.at(step - 1);
    }

    /**
     * The number of steps a complete run takes.
     *
     * @return the total, ≥ 0, counting the steps done before a resume
     */
    public int steps() {
        return steps;
    }

    /**
     * The checkpoint directory, if checkpointing is on.
     *
     * @return the directory, or empty if no checkpoints are written
     */
    public Optional<Path> checkpointDirectory() {
        return Optional.ofNullable(checkpointDirectory);
    }

    /**
     * Minimises {@code f} starting from {@code x0}, or from the newest checkpoint in the checkpoint
     * directory if there is one.
     *
     * @param f the objective; it must not modify x, and its gradient must have x's shape and type
     * @param x0 the starting parameters (FLOAT or DOUBLE); not modified
     * @param rng the generator given to every evaluation of f; with checkpointing its state is saved
     *     and, on resume, restored
     * @return a new array (c order, x0's shape and type) holding the parameters after the last step,
     *     owned by the caller
     * @throws IllegalStateException if f returns a NaN or infinite value, or the parameters become
     *     NaN or infinite (the run diverged: no checkpoint of non-finite parameters is written, so the
     *     last one written stays the newest), or the newest checkpoint does not fit {@code x0}'s shape
     *     and type, is beyond {@link #steps()}, or is in another version of the checkpoint format
     * @throws java.io.UncheckedIOException if a checkpoint cannot be written
     */
    public INDArray minimize(Objective f, INDArray x0, RestorableRandom rng) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(rng, "rng");
        CheckpointStore store = null;
        if (checkpointDirectory != null) {
            store = new CheckpointStore(checkpointDirectory, keepCheckpoints);
            store.requireWritable(); // fail now, not at the first checkpoint
        }
        INDArray x = x0.dup('c');
        int start = 0;
        SmoothedLoss smoothed = new SmoothedLoss();
        if (store != null) {
            Optional<Checkpoint> newest = store.loadNewest();
            if (newest.isPresent()) {
                Checkpoint c = newest.get();
                if (!Arrays.equals(c.parameters().shape(), x.shape()) || c.parameters().dataType() != x.dataType()) {
                    throw new IllegalStateException("the newest checkpoint in " + checkpointDirectory
                            + " holds " + c.parameters().dataType() + Arrays.toString(c.parameters().shape())
                            + " but the parameters are " + x.dataType() + Arrays.toString(x.shape())
                            + ": it belongs to another run; use another directory");
                }
                if (c.step() > steps) {
                    throw new IllegalStateException("the newest checkpoint in " + checkpointDirectory
                            + " is at step " + c.step() + ", beyond this run's " + steps + " steps");
                }
                requireSameRun(c, store.directory());
                byte[] rngState = c.state().getBytes(GENERATOR);
                smoothed = new SmoothedLoss(c.state().getDouble(SMOOTHED_LOSS));
                x.assign(c.parameters());
                rng.restoreState(rngState);
                start = (int) c.step();
                LOG.info("resuming from checkpoint at step {} in {}", start, checkpointDirectory);
            }
        }
        int lastCheckpoint = store != null && start > 0 ? start : -1;
        for (int step = start + 1; step <= steps; step++) {
            double eta = stepSizeAt(step);
            ValueAndGradient vg = f.evaluate(x, rng);
            if (!Double.isFinite(vg.value())) {
                throw diverged("the objective is " + vg.value() + " at step " + step + " (step size " + eta + ")",
                        lastCheckpoint);
            }
            INDArray gradient = vg.gradient();
            if (!Arrays.equals(gradient.shape(), x.shape()) || gradient.dataType() != x.dataType()) {
                throw new IllegalStateException("gradient is " + gradient.dataType()
                        + Arrays.toString(gradient.shape()) + " but x is " + x.dataType() + Arrays.toString(x.shape()));
            }
            subtractScaledInPlace(x, eta, gradient);
            if (step % reportEvery == 0) {
                listener.onProgress(new SgdProgress(step, vg.value(), smoothed.add(vg.value()), eta));
            } else if (step == steps) {
                // the last step is always reported; off the period its loss stays out of the average,
                // so that a run extended from this one smooths as one run of the longer length would
                double average = smoothed.value();
                listener.onProgress(new SgdProgress(step, vg.value(), Double.isNaN(average) ? vg.value() : average, eta));
            }
            if (store != null && step % checkpointEvery == 0) {
                if (!isFinite(x)) {
                    throw diverged("the parameters are no longer finite after step " + step + " (step size " + eta
                            + ")", lastCheckpoint);
                }
                store.save(new Checkpoint(step, runSettings, RecipeState.builder()
                        .putDouble(SMOOTHED_LOSS, smoothed.value()).putBytes(GENERATOR, rng.saveState()).build(), x));
                lastCheckpoint = step;
            }
        }
        if (!isFinite(x)) {
            throw diverged("the parameters are no longer finite after step " + steps, lastCheckpoint);
        }
        return x;
    }

    /** The names of this optimiser's values in a checkpoint's {@link RecipeState}. */
    private static final String SMOOTHED_LOSS = "smoothedLoss";
    private static final String GENERATOR = "generator";

    /** Refuses a checkpoint that another optimiser, or a run with other settings, wrote. */
    private void requireSameRun(Checkpoint c, Path directory) {
        if (!c.state().has(GENERATOR) || !c.state().has(SMOOTHED_LOSS)) {
            throw new IllegalStateException("the newest checkpoint in " + directory + " was not written by"
                    + " this optimiser (a word2vec-recipe checkpoint?); use another directory");
        }
        String differences = runSettings.differencesFrom(c.settings());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("cannot resume from the checkpoint in " + directory
                    + ": it belongs to a different run: " + differences
                    + "; train with the same settings, or use another checkpoint directory");
        }
    }

    private static boolean isFinite(INDArray x) {
        return !x.isNaN().any() && !x.isInfinite().any();
    }

    /** The error of a diverged run: what happened, and which checkpoint is left to resume from. */
    private IllegalStateException diverged(String what, int lastCheckpoint) {
        String kept = checkpointDirectory == null ? ""
                : lastCheckpoint < 0 ? "; no checkpoint had been written yet in " + checkpointDirectory
                : "; the last good checkpoint (step " + lastCheckpoint + ") in " + checkpointDirectory + " is kept";
        return new IllegalStateException(what + ": the optimisation diverged (step size too high?)" + kept);
    }

    /** x ← x − eta · g, one BLAS axpy when both are contiguous (no allocation). */
    private static void subtractScaledInPlace(INDArray x, double eta, INDArray g) {
        if (!g.isView() && g.ordering() == 'c') {
            Nd4j.getBlasWrapper().level1().axpy(x.length(), -eta, g, x);
        } else {
            x.subi(g.mul(eta));
        }
    }

    @Override
    public String toString() {
        return "Sgd[stepSize=" + stepSize + ", steps=" + steps + ", anneal ×" + annealFactor + " every "
                + annealEvery + ", report every " + reportEvery
                + (checkpointDirectory == null ? "" : ", checkpoint every " + checkpointEvery + " into "
                        + checkpointDirectory) + "]";
    }

    /**
     * Builds an {@link Sgd}; every setter validates its argument at once and refuses null. Not
     * thread-safe: confine a builder to one thread (the optimisers it builds may be shared).
     */
    public static final class Builder {
        private double stepSize = Double.NaN;
        private int steps = -1;
        private double annealFactor = 1.0;
        private int annealEvery = Integer.MAX_VALUE;
        private int reportEvery = 10;
        private SgdListener listener = SgdListener.NONE;
        private Path checkpointDirectory;
        private int checkpointEvery = 5000;
        private int keepCheckpoints = 2;
        private RunSettings runSettings = RunSettings.NONE;

        private Builder() {}

        /**
         * Sets the initial step size η_0 (required).
         *
         * @param stepSize finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code stepSize} is not finite and positive
         */
        public Builder stepSize(double stepSize) {
            if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
            this.stepSize = stepSize;
            return this;
        }

        /**
         * Sets the total number of steps (required).
         *
         * @param steps ≥ 0
         * @return this builder
         * @throws IllegalArgumentException if {@code steps} is negative
         */
        public Builder steps(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /**
         * Multiplies the step size by {@code factor} after every {@code every} steps (default: never).
         *
         * @param factor in (0, 1]
         * @param every the period, in steps, ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if an argument is out of range
         */
        public Builder anneal(double factor, int every) {
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("anneal factor must be in (0, 1], got " + factor);
            }
            if (every < 1) {
                throw new IllegalArgumentException("anneal period must be >= 1 step, got " + every);
            }
            this.annealFactor = factor;
            this.annealEvery = every;
            return this;
        }

        /**
         * Reports to {@code listener} every {@code every} steps (default: every 10, to nobody).
         *
         * @param listener receives an {@link SgdProgress}, on the thread running {@code minimize};
         *     {@link SgdListener#NONE} for nobody
         * @param every the period, in steps, ≥ 1; it also sets how often the smoothed loss is updated
         * @return this builder
         * @throws IllegalArgumentException if {@code every} is below 1
         */
        public Builder listener(SgdListener listener, int every) {
            if (every < 1) {
                throw new IllegalArgumentException("report period must be >= 1 step, got " + every);
            }
            this.listener = Objects.requireNonNull(listener, "listener");
            this.reportEvery = every;
            return this;
        }

        /**
         * Write a checkpoint every {@code every} steps into {@code directory} (created if missing, but
         * not its parent, which must exist),
         * keep the newest two, and resume from the newest one when {@code minimize} starts.
         *
         * @param directory where the checkpoints go, not null (leave checkpoints unset for none)
         * @param every the period, in steps, ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if {@code every} is below 1
         */
        public Builder checkpoints(Path directory, int every) {
            if (every < 1) {
                throw new IllegalArgumentException("checkpoint period must be >= 1 step, got " + every);
            }
            this.checkpointDirectory = Objects.requireNonNull(directory, "directory");
            this.checkpointEvery = every;
            return this;
        }

        /**
         * Sets what shapes this run besides the parameters' shape (default {@link RunSettings#NONE}).
         * Checkpoints record them, and {@code minimize} refuses to resume from a checkpoint written
         * with other settings, naming each one that differs.
         *
         * @param settings the run's settings, not null
         * @return this builder
         */
        public Builder runSettings(RunSettings settings) {
            this.runSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Sets how many checkpoints to keep on disk, the newest ones (default 2).
         *
         * @param keep ≥ 1
         * @return this builder
         * @throws IllegalArgumentException if {@code keep} is below 1
         */
        public Builder keepCheckpoints(int keep) {
            if (keep < 1) {
                throw new IllegalArgumentException("keepCheckpoints must be >= 1, got " + keep);
            }
            this.keepCheckpoints = keep;
            return this;
        }

        /**
         * Builds the optimiser. The builder can be changed and built again afterwards.
         *
         * @return a new, immutable optimiser
         * @throws IllegalStateException if the step size or the number of steps was not set
         */
        public Sgd build() {
            if (Double.isNaN(stepSize)) {
                throw new IllegalStateException("stepSize was not set");
            }
            if (steps < 0) {
                throw new IllegalStateException("steps was not set");
            }
            return new Sgd(this);
        }
    }
}
