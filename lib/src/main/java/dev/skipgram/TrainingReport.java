package dev.skipgram;

import java.time.Duration;

/**
 * Progress of {@link SkipGram#train}, sent to a {@link TrainingListener} at least every
 * {@link SkipGramConfig#reportInterval()} (word2vec recipe) or every {@link SkipGramConfig#reportEvery()}
 * steps (CS224n recipe), and at the end of every epoch.
 *
 * <p>The loss is honest: the exact loss of every (centre, outside) pair trained since the previous
 * report, summed in double over all threads and divided by their number, each pair's loss taken at
 * the parameters it was trained on. It is not smoothed and does not depend on the thread count beyond
 * noise. With {@link Model#CBOW} a "pair" is one prediction: a position's context mean and its
 * centre word.
 *
 * <p>Immutable and thread-safe. The constructor checks nothing; in the reports {@link SkipGram#train}
 * sends, {@code elapsed} is never null.
 *
 * @param epoch the current epoch, 1-based (always 1 for the CS224n recipe)
 * @param epochs the number of epochs
 * @param wordsProcessed the words training has gone through so far, counting those before a resume.
 *     The recipes count different things, so compare them only within a recipe. word2vec: the
 *     corpus's in-vocabulary tokens read, before subsampling (epochs × the corpus at the end).
 *     CS224n: the centre words trained, one per window, drawn at random from the subsampled data
 *     (steps × windowsPerStep; a word may be drawn many times, or never)
 * @param wordsTotal {@code wordsProcessed} at the end of training
 * @param pairs (centre, outside) pairs trained since the previous report (CBOW: predicted words)
 * @param meanLoss the mean pair loss over those pairs (NaN only if {@code pairs} is 0)
 * @param learningRate the learning rate at the time of the report
 * @param wordsPerSecond the words processed by this call of {@link SkipGram#train} (not those before
 *     a resume) divided by {@code elapsed}: the rate of this run, in both recipes
 * @param elapsed time since training started (vocabulary and data preparation included)
 * @param endOfEpoch whether this report closes an epoch
 */
public record TrainingReport(int epoch, int epochs, long wordsProcessed, long wordsTotal, long pairs,
        double meanLoss, double learningRate, double wordsPerSecond, Duration elapsed, boolean endOfEpoch) {

    /**
     * The fraction of training done: {@code wordsProcessed / wordsTotal}, capped at 1.
     *
     * @return a fraction in [0, 1]; 1 when {@code wordsTotal} is 0
     */
    public double progress() {
        return wordsTotal == 0 ? 1.0 : Math.min(1.0, (double) wordsProcessed / wordsTotal);
    }
}
