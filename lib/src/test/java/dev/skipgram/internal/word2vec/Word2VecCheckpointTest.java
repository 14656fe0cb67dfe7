package dev.skipgram.internal.word2vec;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.Recipe;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checkpoints of the word2vec recipe: crash, resume, and refuse what does not belong. */
class Word2VecCheckpointTest {

    /** 3,000 sentences of 8 words: 24,000 words, 3 chunks per epoch. */
    private static final Corpus CORPUS = TestData.topicCorpus(3000, 4);

    private static SkipGramConfig.Builder config(LossType loss) {
        return SkipGramConfig.word2vec().dimension(16).windowSize(3).negatives(5).minCount(1).epochs(3)
                .subsampleThreshold(1e-3).threads(1).seed(5).loss(loss).reportInterval(Duration.ofNanos(1));
    }

    /**
     * A listener that stops training (as a crash would) at the first report with at least {@code words}
     * words processed. Placed by progress, not by the number of reports (which depends on the clock):
     * with a checkpoint every 10,000 words, a report of 20,000 words comes after the second chunk has
     * trained, so after the first chunk's checkpoint, however fast the machine.
     */
    private static TrainingListener crashAtWords(long words) {
        return r -> {
            if (r.wordsProcessed() >= words) {
                throw new IllegalStateException("simulated crash");
            }
        };
    }

    /**
     * The mean pair loss over one whole epoch, weighted by each report's pairs: the same however many
     * reports the clock cut the epoch into.
     */
    static final class LastEpochLoss implements TrainingListener {
        private final int epoch;
        private double loss;
        private long pairs;

        LastEpochLoss(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onReport(TrainingReport r) {
            if (r.epoch() == epoch && r.pairs() > 0) {
                loss += r.meanLoss() * r.pairs();
                pairs += r.pairs();
            }
        }

        double mean() {
            assertTrue(pairs > 0, "epoch " + epoch + " was trained");
            return loss / pairs;
        }
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void aResumedRunEndsWithTheVectorsOfAnUninterruptedOne(LossType loss, @TempDir Path dir) {
        WordVectors uninterrupted = SkipGram.train(CORPUS, config(loss).build());
        SkipGramConfig checkpointed = config(loss).checkpoints(dir, 10_000).build();
        for (long crash : new long[] {20_000, 44_000}) { // in the first epoch, then in the second
            assertThrows(IllegalStateException.class,
                    () -> SkipGram.train(CORPUS, checkpointed, crashAtWords(crash)));
        }
        assertFalse(new CheckpointStore(dir, 2).listNewestFirst().isEmpty(), "checkpoints were written");
        WordVectors resumed = SkipGram.train(CORPUS, checkpointed);
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors());
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors());

        // the finished run's last checkpoint: resuming it only returns the vectors
        List<TrainingReport> reports = new java.util.ArrayList<>();
        WordVectors again = SkipGram.train(CORPUS, checkpointed, reports::add);
        assertEquals(uninterrupted.centerVectors(), again.centerVectors());
        assertTrue(reports.isEmpty(), "no training after the last epoch: " + reports);
    }

    @Test
    void sharedNegativesResumeToTheVectorsOfAnUninterruptedRun(@TempDir Path dir) {
        SkipGramConfig.Builder window = config(LossType.NEGATIVE_SAMPLING).negativeSharing(NegativeSharing.WINDOW);
        WordVectors uninterrupted = SkipGram.train(CORPUS, window.build());
        SkipGramConfig checkpointed = window.checkpoints(dir, 10_000).build();
        assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, checkpointed, crashAtWords(44_000)));
        WordVectors resumed = SkipGram.train(CORPUS, checkpointed);
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors());
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors());

        // the setting is part of the run's identity: the per-pair update does not resume this run
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                checkpointed.toBuilder().negativeSharing(NegativeSharing.PAIR).build()));
        assertTrue(e.getMessage().contains("negativeSharing = PAIR (checkpoint: WINDOW)"), e.getMessage());
    }

    /**
     * A checkpoint written before {@code negativeSharing} was a setting does not record it, and its run
     * drew negatives per pair: it resumes as PAIR, and is refused to WINDOW with that reason.
     */
    @Test
    void aCheckpointFromBeforeNegativeSharingResumesAsPairs(@TempDir Path dir) throws IOException {
        SkipGramConfig.Builder pairs = config(LossType.NEGATIVE_SAMPLING).negativeSharing(NegativeSharing.PAIR);
        WordVectors uninterrupted = SkipGram.train(CORPUS, pairs.build());
        SkipGramConfig checkpointed = pairs.checkpoints(dir, 10_000).build();
        assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, checkpointed, crashAtWords(44_000)));
        CheckpointStore store = new CheckpointStore(dir, 2);
        for (Path f : store.listNewestFirst()) {
            Checkpoint c = CheckpointStore.read(f);
            java.util.Map<String, String> older = new java.util.LinkedHashMap<>(c.settings().pairs());
            assertEquals("PAIR", older.remove("negativeSharing"));
            Files.delete(f);
            store.save(new Checkpoint(c.step(), new dev.skipgram.checkpoint.RunSettings(older), c.state(),
                    c.parameters()));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                checkpointed.toBuilder().negativeSharing(NegativeSharing.WINDOW).build()));
        assertTrue(e.getMessage().contains("negativeSharing = WINDOW (checkpoint: PAIR)"), e.getMessage());
        WordVectors resumed = SkipGram.train(CORPUS, checkpointed);
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors());
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors());
    }

    @Test
    void cbowResumesToTheVectorsOfAnUninterruptedRunAndIsNotASkipGramRun(@TempDir Path dir) throws IOException {
        SkipGramConfig.Builder cbow = config(LossType.NEGATIVE_SAMPLING).model(Model.CBOW);
        WordVectors uninterrupted = SkipGram.train(CORPUS, cbow.build());
        SkipGramConfig checkpointed = cbow.checkpoints(dir, 10_000).build();
        assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, checkpointed, crashAtWords(44_000)));
        assertEquals("CBOW", new CheckpointStore(dir, 2).loadNewest().orElseThrow().settings().pairs().get("model"));
        WordVectors resumed = SkipGram.train(CORPUS, checkpointed);
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors());
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                checkpointed.toBuilder().model(Model.SKIP_GRAM).build()));
        assertTrue(e.getMessage().contains("model not set (checkpoint: CBOW)"), e.getMessage());
    }

    @Test
    void aSkipGramCheckpointRecordsNoModelAsThoseWrittenBeforeTheSettingExistedAndResumesOnlyAsSkipGram(
            @TempDir Path dir) throws IOException {
        SkipGramConfig skipGram = config(LossType.NEGATIVE_SAMPLING).checkpoints(dir, 10_000).build();
        assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, skipGram, crashAtWords(20_000)));
        Checkpoint saved = new CheckpointStore(dir, 2).loadNewest().orElseThrow();
        assertFalse(saved.settings().pairs().containsKey("model"), saved.settings().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                skipGram.toBuilder().model(Model.CBOW).build()));
        assertTrue(e.getMessage().contains("model = CBOW (checkpoint: not recorded)"), e.getMessage());
        assertEquals(SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).build()).centerVectors(),
                SkipGram.train(CORPUS, skipGram).centerVectors());
    }

    @Test
    void twoThreadsResumeToVectorsAsGoodAsAnUninterruptedRun(@TempDir Path dir) {
        SkipGramConfig checkpointed = config(LossType.NEGATIVE_SAMPLING).threads(2).checkpoints(dir, 10_000).build();
        assertThrows(IllegalStateException.class,
                () -> SkipGram.train(CORPUS, checkpointed, crashAtWords(20_000)));
        LastEpochLoss resumed = new LastEpochLoss(3);
        SkipGram.train(CORPUS, checkpointed, resumed);
        LastEpochLoss uninterrupted = new LastEpochLoss(3);
        SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).threads(2).build(), uninterrupted);
        assertEquals(uninterrupted.mean(), resumed.mean(), 0.05 * uninterrupted.mean());
    }

    /**
     * The default thread count is the machine's number of processors, and it is not part of a run's
     * identity: a checkpoint written with one count resumes with another. The default is set here by
     * the config's {@code threads}, as two machines would set it, not by this machine's processors.
     */
    @Test
    void aCheckpointResumesWithAnotherThreadCount(@TempDir Path dir) throws IOException {
        Path fourCores = dir.resolve("four");
        assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                config(LossType.NEGATIVE_SAMPLING).threads(4).checkpoints(fourCores, 10_000).build(),
                crashAtWords(20_000)));
        Path copy = Files.createDirectory(dir.resolve("copy"));
        for (Path f : new CheckpointStore(fourCores, 2).listNewestFirst()) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        // resumed on a two-core machine, from the same checkpoint twice: no refusal, and the workers'
        // generators are split afresh deterministically, so one thread gives the same vectors both times
        WordVectors a = SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).threads(1)
                .checkpoints(fourCores, 10_000).build());
        WordVectors b = SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).threads(1)
                .checkpoints(copy, 10_000).build());
        assertEquals(a.centerVectors(), b.centerVectors());
        Path again = Files.createDirectory(dir.resolve("again"));
        for (Path f : new CheckpointStore(copy, 2).listNewestFirst()) {
            Files.copy(f, again.resolve(f.getFileName()));
        }
        WordVectors c = SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).threads(2)
                .checkpoints(again, 10_000).build());
        assertEquals(a.vocabulary(), c.vocabulary());
    }

    /**
     * After a resume, {@code wordsPerSecond} is the rate of this call's own words: times the elapsed
     * time it gives exactly the words processed since the checkpoint (no clock involved). The CS224n
     * recipe used to count the steps before the resume too, inflating the rate.
     */
    @Test
    void aResumedRunReportsTheRateOfItsOwnWordsInBothRecipes(@TempDir Path dir) throws IOException {
        SkipGramConfig cs224n = SkipGramConfig.cs224n().dimension(4).steps(40).reportEvery(5)
                .checkpoints(dir.resolve("cs224n"), 10).build();
        SkipGramConfig word2vec = config(LossType.NEGATIVE_SAMPLING).checkpoints(dir.resolve("word2vec"), 10_000)
                .build();
        for (SkipGramConfig c : List.of(cs224n, word2vec)) {
            long crash = c.recipe() == Recipe.CS224N ? 25L * c.windowsPerStep() : 20_000;
            assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, c, crashAtWords(crash)));
            Checkpoint saved = new CheckpointStore(c.checkpointDirectory(), 2).loadNewest().orElseThrow();
            long wordsBefore = c.recipe() == Recipe.CS224N ? saved.step() * c.windowsPerStep()
                    : Word2VecCheckpoint.decode(saved).wordsProcessed();
            assertTrue(wordsBefore > 0, c.recipe() + " resumes from a checkpoint with words done");
            List<TrainingReport> reports = new java.util.ArrayList<>();
            SkipGram.train(CORPUS, c, reports::add);
            for (TrainingReport r : reports) {
                double wordsThisRun = r.wordsPerSecond() * (r.elapsed().toNanos() / 1e9);
                assertEquals(r.wordsProcessed() - wordsBefore, wordsThisRun, 1e-6 * r.wordsProcessed(),
                        c.recipe() + ": " + r);
            }
        }
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedWithTheDifferences(@TempDir Path dir) {
        SkipGramConfig first = config(LossType.NEGATIVE_SAMPLING).checkpoints(dir, 10_000).build();
        SkipGram.train(CORPUS, first);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(CORPUS, first.toBuilder().learningRate(0.05).epochs(4).build()));
        // (the thread count is not part of a run's identity: see aCheckpointResumesWithAnotherThreadCount)
        assertTrue(e.getMessage().contains("learningRate = 0.05 (checkpoint: 0.025)")
                && e.getMessage().contains("epochs = 4 (checkpoint: 3)")
                && e.getMessage().contains(dir.toString()), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(TestData.topicCorpus(3000, 5), first));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
    }

    @Test
    void anUnwritableCheckpointDirectoryFailsBeforeTrainingNotAtTheFirstCheckpoint(@TempDir Path dir)
            throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        for (SkipGramConfig config : List.of(config(LossType.NEGATIVE_SAMPLING).checkpoints(file, 1_000_000).build(),
                SkipGramConfig.cs224n().dimension(4).steps(20_000).checkpoints(file, 10_000).build())) {
            List<TrainingReport> reports = new java.util.ArrayList<>();
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> SkipGram.train(CORPUS, config, reports::add));
            assertTrue(e.getMessage().contains("cannot write checkpoints in " + file)
                    && e.getMessage().contains("exists and is not a directory"), e.getMessage());
            assertTrue(reports.isEmpty(), config.recipe() + " trained before failing: " + reports.size() + " reports");
        }
    }

    @Test
    void aCs224nCheckpointOfAnotherRunIsRefusedWithTheDifferences(@TempDir Path dir) {
        SkipGramConfig first = SkipGramConfig.cs224n().dimension(4).steps(20).checkpoints(dir, 10).build();
        SkipGram.train(CORPUS, first);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(CORPUS, first.toBuilder().steps(40).learningRate(0.5).build()));
        assertTrue(e.getMessage().contains("learningRate = 0.5 (checkpoint: 0.3)")
                && e.getMessage().contains(dir.toString()), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(TestData.topicCorpus(3000, 5), first.toBuilder().steps(40).build()));
        assertTrue(e.getMessage().contains("vocabulary = "), e.getMessage());
        // more steps with the same settings is the same run, extended
        SkipGram.train(CORPUS, first.toBuilder().steps(40).build());
    }

    @Test
    void aWord2vecCheckpointIsNotACs224nOne(@TempDir Path dir) {
        SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).checkpoints(dir, 10_000).build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                SkipGramConfig.cs224n().dimension(16).steps(20).checkpoints(dir, 10).build()));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void aCs224nCheckpointIsNotAWord2vecOne(@TempDir Path dir) {
        SkipGram.train(CORPUS, SkipGramConfig.cs224n().dimension(4).steps(20).checkpoints(dir, 10).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGram.train(CORPUS, config(LossType.NEGATIVE_SAMPLING).checkpoints(dir, 10_000).build()));
        assertTrue(e.getMessage().contains("not a word2vec-recipe checkpoint"), e.getMessage());
    }

    @Test
    void divergenceStopsTrainingAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        // η = 0.92 with per-pair steps trains the first chunk and diverges in the second (one thread,
        // seeded: deterministic)
        SkipGramConfig diverging = config(LossType.NEGATIVE_SAMPLING).negativeSharing(NegativeSharing.PAIR)
                .learningRate(0.92).checkpoints(dir, 10_000).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS, diverging));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("last good checkpoint"),
                e.getMessage());
        CheckpointStore store = new CheckpointStore(dir, 2);
        assertEquals(1, store.listNewestFirst().size());
        Checkpoint kept = store.loadNewest().orElseThrow();
        assertEquals(1, kept.step(), "written after the first chunk");
        assertFalse(kept.parameters().isNaN().any() || kept.parameters().isInfinite().any());

        Path empty = dir.resolve("fresh");
        e = assertThrows(IllegalStateException.class, () -> SkipGram.train(CORPUS,
                diverging.toBuilder().learningRate(5).checkpoints(empty, 10_000).build()));
        assertTrue(e.getMessage().contains("no checkpoint had been written yet"), e.getMessage());
    }
}
