package dev.skipgram.optim;

/**
 * The learning rate as a function of progress: one schedule type for both recipes. The word2vec
 * recipe decays linearly with the words processed ({@link Linear}); the CS224n recipe and {@link Sgd}
 * halve the step size every so many steps ({@link StepDecay}).
 *
 * <p>Immutable and thread-safe; a schedule is a pure function of its argument.
 */
public sealed interface LearningRateSchedule permits LearningRateSchedule.Linear, LearningRateSchedule.StepDecay {

    /**
     * The learning rate after {@code done} units of work (words for {@link Linear}, completed steps
     * for {@link StepDecay}).
     *
     * @param done the work done so far, ≥ 0
     * @return the learning rate, ≥ 0
     */
    double at(long done);

    /**
     * Linear decay from {@code start} to {@code end} over {@code total} units, then flat at {@code end}:
     * word2vec.c's {@code alpha = starting_alpha · (1 − progress)}, floored. Progress is
     * {@code min(1, done / max(1, total))}.
     *
     * @param start the rate at the start, &gt; 0
     * @param end the rate from {@code total} on, in [0, start]
     * @param total the units of work over which the rate decays, ≥ 0
     */
    record Linear(double start, double end, long total) implements LearningRateSchedule {

        /**
         * Validates the arguments.
         *
         * @param start the rate at the start, &gt; 0
         * @param end the rate from {@code total} on, in [0, start]
         * @param total the units of work over which the rate decays, ≥ 0
         * @throws IllegalArgumentException naming the values, if one is out of range
         */
        public Linear {
            if (!(start > 0) || !(end >= 0) || end > start || total < 0) {
                throw new IllegalArgumentException("a linear schedule needs start > 0, 0 <= end <= start and total"
                        + " >= 0; got start " + start + ", end " + end + ", total " + total);
            }
        }

        @Override
        public double at(long done) {
            double progress = Math.min(1.0, (double) done / Math.max(1, total));
            return start - (start - end) * progress;
        }
    }

    /**
     * {@code start × factor^floor(done / every)}: CS224n's step size, 0.3 halved every 20,000 steps.
     *
     * @param start the rate at the start, &gt; 0
     * @param factor the factor applied every {@code every} units, in (0, 1]
     * @param every the units between two applications, ≥ 1
     */
    record StepDecay(double start, double factor, int every) implements LearningRateSchedule {

        /**
         * Validates the arguments.
         *
         * @param start the rate at the start, &gt; 0
         * @param factor the factor applied every {@code every} units, in (0, 1]
         * @param every the units between two applications, ≥ 1
         * @throws IllegalArgumentException naming the values, if one is out of range
         */
        public StepDecay {
            if (!(start > 0) || !(factor > 0) || factor > 1 || every < 1) {
                throw new IllegalArgumentException("a step decay needs start > 0, 0 < factor <= 1 and every >= 1;"
                        + " got start " + start + ", factor " + factor + ", every " + every);
            }
        }

        @Override
        public double at(long done) {
            return start * Math.pow(factor, done / every);
        }
    }
}
