package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrainingListener#onEpochEnd}: the model as each epoch leaves it, in both recipes. */
class EpochEndTest {

    /** What a listener saw: every report, and at each epoch's end its report and a snapshot. */
    private static final class Recorder implements TrainingListener {
        final List<TrainingReport> reports = new ArrayList<>();
        final List<TrainingReport> epochReports = new ArrayList<>();
        final List<WordVectors> snapshots = new ArrayList<>();
        final List<EpochEnd> handed = new ArrayList<>();

        @Override
        public void onReport(TrainingReport report) {
            reports.add(report);
        }

        @Override
        public void onEpochEnd(EpochEnd epochEnd) {
            epochReports.add(epochEnd.report());
            snapshots.add(epochEnd.snapshot());
            handed.add(epochEnd);
        }
    }

    @Test
    void theWord2VecRecipeHandsTheModelAtTheEndOfEveryEpoch() {
        Corpus corpus = TestData.topicCorpus(1500, 4);
        SkipGramConfig config = SkipGramConfig.word2vec().dimension(12).windowSize(3).minCount(1).epochs(3)
                .threads(1).seed(5).build();
        Recorder recorder = new Recorder();
        WordVectors trained = SkipGram.train(corpus, config, recorder);

        assertEquals(3, recorder.snapshots.size());
        for (int e = 0; e < 3; e++) {
            TrainingReport report = recorder.epochReports.get(e);
            assertEquals(e + 1, report.epoch());
            assertTrue(report.endOfEpoch());
            // the same report onReport got as its epoch's last
            assertTrue(recorder.reports.contains(report), report.toString());
        }
        // the last epoch's snapshot is the model train returns, exactly
        assertEquals(trained.centerVectors(), recorder.snapshots.get(2).centerVectors());
        assertEquals(trained.outsideVectors().orElseThrow(), recorder.snapshots.get(2).outsideVectors().orElseThrow());
        // an earlier one is the model of its time, untouched by the training that followed
        assertNotEquals(trained.centerVectors(), recorder.snapshots.get(0).centerVectors());
        assertNotEquals(recorder.snapshots.get(0).centerVectors(), recorder.snapshots.get(1).centerVectors());
        // and it is a model one can query
        String word = trained.vocabulary().word(0);
        assertEquals(5, recorder.snapshots.get(0).mostSimilar(word, 5).size());
    }

    @Test
    void theModelIsReadableOnlyDuringTheCall() {
        Recorder recorder = new Recorder();
        SkipGram.train(TestData.topicCorpus(300, 2), SkipGramConfig.word2vec().dimension(8).minCount(1).epochs(1)
                .threads(1).build(), recorder);
        EpochEnd kept = recorder.handed.get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, kept::snapshot);
        assertTrue(e.getMessage().contains("only during onEpochEnd"), e.getMessage());
        assertEquals(1, kept.report().epoch(), "the report stays readable");
    }

    @Test
    void aListenerThatOnlyReportsStillCompiles() {
        // TrainingListener stays a functional interface: onEpochEnd has a default
        List<TrainingReport> reports = new ArrayList<>();
        SkipGram.train(TestData.topicCorpus(300, 2), SkipGramConfig.word2vec().dimension(8).minCount(1).epochs(2)
                .threads(1).build(), reports::add);
        assertEquals(2, reports.stream().filter(TrainingReport::endOfEpoch).count());
    }

    @Test
    void theCs224nRecipeHandsTheFinalModelOnceEvenWhenTheLastStepIsOffTheReportingPeriod() {
        SkipGramConfig config = SkipGramConfig.cs224n().dimension(6).windowSize(2).steps(25).reportEvery(10)
                .windowsPerStep(4).seed(2).build();
        Recorder recorder = new Recorder();
        WordVectors trained = SkipGram.train(TestData.topicCorpus(200, 2), config, recorder);

        assertEquals(List.of(10L, 20L, 25L), recorder.reports.stream().map(r -> r.wordsProcessed() / 4).toList());
        assertEquals(1, recorder.snapshots.size());
        assertTrue(recorder.epochReports.get(0).endOfEpoch());
        assertEquals(trained.centerVectors(), recorder.snapshots.get(0).centerVectors());
        assertEquals(trained.outsideVectors().orElseThrow(), recorder.snapshots.get(0).outsideVectors().orElseThrow());
    }
}
