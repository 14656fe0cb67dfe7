package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.random.RestorableRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SkipGram#train} end to end with the CS224n recipe, on corpora with known structure. */
class SkipGramTrainTest {

    private static SkipGramConfig.Builder small(LossType loss) {
        return SkipGramConfig.cs224n().loss(loss).dimension(8).windowSize(2).negatives(5)
                .subsampleThreshold(0).steps(2000).anneal(0.5, 1000).reportEvery(10).seed(7);
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void trainedVectorsRecoverThePlantedTopics(LossType loss) {
        List<TrainingReport> progress = new ArrayList<>();
        WordVectors vectors = SkipGram.train(TestData.topicCorpus(400, 1), small(loss).build(), progress::add);
        assertEquals(TestData.TOPICS * TestData.WORDS_PER_TOPIC + 1, vectors.vocabulary().size(), "18 words + UNK");
        int correct = 0;
        for (int t = 0; t < TestData.TOPICS; t++) {
            for (int i = 0; i < TestData.WORDS_PER_TOPIC; i++) {
                String word = "t" + t + "w" + i;
                List<WordVectors.Neighbor> nearest = vectors.mostSimilar(word, TestData.WORDS_PER_TOPIC - 1);
                for (WordVectors.Neighbor n : nearest) {
                    if (n.word().startsWith("t" + t)) {
                        correct++;
                    }
                }
            }
        }
        // 18 words × 5 neighbours; a random embedding gets about 5/18 of them right.
        assertTrue(correct >= 0.9 * TestData.TOPICS * TestData.WORDS_PER_TOPIC * (TestData.WORDS_PER_TOPIC - 1),
                loss + ": " + correct + " of 90 nearest neighbours share the topic");
        double first = progress.get(0).meanLoss();
        double last = progress.get(progress.size() - 1).meanLoss();
        assertTrue(last < 0.8 * first, loss + ": mean pair loss went from " + first + " to " + last);
        assertEquals(200, progress.size(), "a report every 10 of 2,000 steps");
        assertEquals(2000L * 50, progress.get(199).wordsProcessed());
        assertTrue(progress.get(199).endOfEpoch());
    }

    @Test
    void theSameSeedGivesIdenticalVectorsAndAnotherSeedDoesNot() {
        SkipGramConfig config = small(LossType.NEGATIVE_SAMPLING).steps(300).build();
        Corpus corpus = TestData.topicCorpus(100, 2);
        WordVectors a = SkipGram.train(corpus, config);
        WordVectors b = SkipGram.train(corpus, config);
        WordVectors c = SkipGram.train(corpus, config.toBuilder().seed(8).build());
        assertEquals(a.centerVectors(), b.centerVectors());
        assertEquals(a.outsideVectors(), b.outsideVectors());
        assertNotEquals(a.centerVectors(), c.centerVectors());
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void aCrashedRunResumesFromItsLastCheckpointToTheSameVectors(LossType loss, @TempDir Path dir) {
        Corpus corpus = TestData.topicCorpus(100, 3);
        SkipGramConfig base = small(loss).steps(400).build();
        WordVectors uninterrupted = SkipGram.train(corpus, base.toBuilder().checkpoints(dir.resolve("a"), 100).build());

        SkipGramConfig config = base.toBuilder().checkpoints(dir.resolve("b"), 100).build();
        RuntimeException crash = assertThrows(RuntimeException.class, () -> SkipGram.train(corpus, config, p -> {
            if (p.wordsProcessed() == 250L * 50) {
                throw new RuntimeException("simulated crash at step 250");
            }
        }));
        assertEquals("simulated crash at step 250", crash.getMessage());
        assertTrue(Files.exists(dir.resolve("b").resolve("checkpoint-0000000200.sgd")));

        List<Long> windows = new ArrayList<>();
        WordVectors resumed = SkipGram.train(corpus, config, p -> windows.add(p.wordsProcessed()));
        assertEquals(210L * 50, windows.get(0), "resumed after step 200 (50 windows a step)");
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors());
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors());
    }

    @Test
    void anEmptyCorpusIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGram.train(Corpus.ofLines(List.of("", "   ")), small(LossType.NEGATIVE_SAMPLING).build()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aCorpusWithoutContextsIsAClearErrorNotAHang() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGram.train(Corpus.ofLines(List.of("a", "b b b")), small(LossType.NAIVE_SOFTMAX).build()));
        assertTrue(e.getMessage().contains("no window has a context"), e.getMessage());
    }

    @Test
    void everyConfigFieldIsValidatedByName() {
        assertMessage("dimension", "0", () -> SkipGramConfig.cs224n().dimension(0).build());
        assertMessage("windowSize", "-1", () -> SkipGramConfig.cs224n().windowSize(-1).build());
        assertMessage("negatives", "0", () -> SkipGramConfig.cs224n().negatives(0).build());
        assertMessage("noiseExponent", "NaN", () -> SkipGramConfig.cs224n().noiseExponent(Double.NaN).build());
        assertMessage("subsampleThreshold", "-0.1", () -> SkipGramConfig.cs224n().subsampleThreshold(-0.1).build());
        assertMessage("learningRate", "0.0", () -> SkipGramConfig.cs224n().learningRate(0).build());
        assertMessage("learningRate", "NaN", () -> SkipGramConfig.cs224n().learningRate(Double.NaN).build());
        assertMessage("steps", "-5", () -> SkipGramConfig.cs224n().steps(-5).build());
        assertMessage("windowsPerStep", "0", () -> SkipGramConfig.cs224n().windowsPerStep(0).build());
        assertMessage("annealFactor", "1.5", () -> SkipGramConfig.cs224n().anneal(1.5, 10).build());
        assertMessage("annealEvery", "0", () -> SkipGramConfig.cs224n().anneal(0.5, 0).build());
        assertMessage("reportEvery", "0", () -> SkipGramConfig.cs224n().reportEvery(0).build());
        assertMessage("checkpointEvery", "0", () -> SkipGramConfig.cs224n().checkpoints(Path.of("x"), 0).build());
    }

    @Test
    void theDefaultsAreTheCs224nRecipe() {
        SkipGramConfig c = SkipGramConfig.cs224n().build();
        assertEquals(LossType.NEGATIVE_SAMPLING, c.loss());
        assertEquals(10, c.dimension());
        assertEquals(5, c.windowSize());
        assertEquals(10, c.negatives());
        assertEquals(0.75, c.noiseExponent());
        assertEquals(1e-5, c.subsampleThreshold());
        assertEquals(0.3, c.learningRate());
        assertEquals(40_000, c.steps());
        assertEquals(50, c.windowsPerStep());
        assertEquals(0.5, c.annealFactor());
        assertEquals(20_000, c.annealEvery());
        assertEquals(10, c.reportEvery());
        assertEquals(5_000, c.checkpointEvery());
        assertTrue(c.checkpoints().isEmpty());
    }

    private static void assertMessage(String field, String value, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value),
                "message should name " + field + " and " + value + ": " + e.getMessage());
    }
}
