package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.corpus.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A learning rate far too high, with the CS224n recipe (the word2vec recipe's case is in
 * {@link Word2VecCheckpointTest}): training stops with a clear error within a step, and every
 * checkpoint left on disk is finite.
 */
class DivergenceTest {

    private static final Corpus CORPUS = TestData.topicCorpus(200, 3);

    @ParameterizedTest
    @EnumSource(LossType.class)
    void theWord2vecRecipeWithoutCheckpointsStopsAtTheNextReport(LossType loss) {
        // 3 epochs of 24,000 words, reports as often as possible: the first report after the loss turns
        // NaN throws, long before the end of the first epoch
        Corpus corpus = TestData.topicCorpus(3000, 4);
        List<TrainingReport> reports = new ArrayList<>();
        SkipGramConfig config = SkipGramConfig.word2vec().loss(loss).dimension(16).windowSize(3).negatives(5)
                .minCount(1).epochs(3).threads(1).seed(5).learningRate(loss == LossType.NAIVE_SOFTMAX ? 1e4 : 5)
                .reportInterval(java.time.Duration.ofNanos(1)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(corpus, config, reports::add));
        assertTrue(e.getMessage().contains("in epoch 1: training diverged (learning rate "), e.getMessage());
        reports.forEach(r -> assertTrue(Double.isNaN(r.meanLoss()) == (r.pairs() == 0), "a NaN only without pairs"));
        long words = reports.isEmpty() ? 0 : reports.get(reports.size() - 1).wordsProcessed();
        assertTrue(words < 24_000, "stopped within the first epoch, after " + words + " words");
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void theCs224nRecipeStopsAndKeepsOnlyFiniteCheckpoints(LossType loss, @TempDir Path dir) {
        List<TrainingReport> reports = new ArrayList<>();
        SkipGramConfig config = SkipGramConfig.cs224n().loss(loss).dimension(8).windowSize(2).negatives(5)
                .subsampleThreshold(0).steps(2000).reportEvery(1).learningRate(1e6).checkpoints(dir, 2).seed(3)
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(CORPUS, config, reports::add));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("step size 1000000.0"),
                e.getMessage());
        assertTrue(reports.size() < 2000, "stopped early, after " + reports.size() + " steps");
        reports.forEach(r -> assertTrue(Double.isFinite(r.meanLoss()), "no report of a non-finite loss: " + r));
        // it takes a few steps to overflow (seeded: 6 with these settings), so checkpoints were written
        CheckpointStore store = new CheckpointStore(dir, 2);
        assertFalse(store.listNewestFirst().isEmpty(), "checkpoints were written before the divergence");
        Checkpoint newest = store.loadNewest().orElseThrow();
        assertEquals(store.listNewestFirst().get(0), store.pathFor(newest.step()), "the newest file loads");
        assertFalse(newest.parameters().isNaN().any() || newest.parameters().isInfinite().any());
        assertTrue(e.getMessage().contains("the last good checkpoint (step " + newest.step() + ") in " + dir
                + " is kept"), e.getMessage());
    }
}
