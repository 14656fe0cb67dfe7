package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.optim.LearningRateSchedule;

/**
 * The word2vec recipe's learning rate: linear decay from {@code learningRate} to
 * {@code minLearningRate} over the words of all epochs (a {@link LearningRateSchedule.Linear}), in
 * float as the kernels use it.
 *
 * @param linear the schedule over words processed
 */
record Word2VecSchedule(LearningRateSchedule.Linear linear) {

    /** The schedule of a run of {@code config} over {@code wordsTotal} words in all epochs. */
    static Word2VecSchedule of(SkipGramConfig config, long wordsTotal) {
        return new Word2VecSchedule(new LearningRateSchedule.Linear(config.learningRate(), config.minLearningRate(),
                wordsTotal));
    }

    /** The learning rate once {@code wordsDone} words have been processed. */
    float learningRate(long wordsDone) {
        return (float) linear.at(wordsDone);
    }

    /** Words processed by the whole run. */
    long wordsTotal() {
        return linear.total();
    }
}
