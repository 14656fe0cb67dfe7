package dev.skipgram.internal.word2vec;

import dev.skipgram.LossType;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.internal.word2vec.Word2VecTrainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SkipGram#train} with the word2vec recipe. */
class Word2VecTrainerTest {

    private static SkipGramConfig.Builder small(int threads) {
        return SkipGramConfig.word2vec().dimension(16).windowSize(3).negatives(5).minCount(1).epochs(3)
                .subsampleThreshold(0).threads(threads).seed(11).reportInterval(Duration.ofMinutes(1));
    }

    /**
     * Collects the end-of-epoch reports only: how many reports come in between depends on the clock
     * (one per report interval), and a slow machine may take longer than the interval.
     */
    private static TrainingListener endOfEpoch(List<TrainingReport> reports) {
        return r -> {
            if (r.endOfEpoch()) {
                reports.add(r);
            }
        };
    }

    /** Of each word's 5 nearest words, how many share its planted topic (the second letter). */
    static int topicNeighbours(WordVectors vectors) {
        int correct = 0;
        for (String word : vectors.vocabulary().words()) {
            for (WordVectors.Neighbor n : vectors.mostSimilar(word, 5)) {
                if (n.word().charAt(1) == word.charAt(1)) {
                    correct++;
                }
            }
        }
        return correct;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void recoversPlantedTopicsWithOneOrTwoThreads(int threads) {
        List<TrainingReport> reports = new ArrayList<>();
        WordVectors vectors = SkipGram.train(TestData.topicCorpus(3000, 4), small(threads).build(),
                endOfEpoch(reports));
        assertEquals(18, vectors.vocabulary().size());
        assertTrue(topicNeighbours(vectors) >= 0.9 * 18 * 5, topicNeighbours(vectors) + " of 90");
        // one report per epoch end, the loss falling between them
        assertEquals(3, reports.size());
        assertTrue(reports.get(2).meanLoss() < reports.get(0).meanLoss(),
                reports.get(0).meanLoss() + " -> " + reports.get(2).meanLoss());
        assertEquals(3L * 3000 * 8, reports.get(2).wordsProcessed());
        assertEquals(reports.get(2).wordsTotal(), reports.get(2).wordsProcessed());
        assertEquals(0.0001, reports.get(2).learningRate(), 1e-6, "decayed to the floor");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theFullSoftmaxRecoversPlantedTopicsWithOneOrTwoThreads(int threads) {
        List<TrainingReport> reports = new ArrayList<>();
        WordVectors vectors = SkipGram.train(TestData.topicCorpus(3000, 4),
                small(threads).loss(LossType.NAIVE_SOFTMAX).build(), endOfEpoch(reports));
        assertTrue(topicNeighbours(vectors) >= 0.9 * 18 * 5, topicNeighbours(vectors) + " of 90");
        assertEquals(3, reports.size());
        // the mean softmax loss per pair starts near log V = 2.89 and falls
        assertTrue(reports.get(0).meanLoss() < Math.log(18) + 0.1, "first epoch " + reports.get(0).meanLoss());
        assertTrue(reports.get(2).meanLoss() < reports.get(0).meanLoss(),
                reports.get(0).meanLoss() + " -> " + reports.get(2).meanLoss());
        assertEquals(3L * 3000 * 8, reports.get(2).wordsProcessed());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void hierarchicalSoftmaxRecoversPlantedTopicsWithOneOrTwoThreads(int threads) {
        List<TrainingReport> reports = new ArrayList<>();
        Corpus corpus = TestData.topicCorpus(3000, 4);
        SkipGramConfig config = small(threads).loss(LossType.HIERARCHICAL_SOFTMAX).build();
        WordVectors vectors = SkipGram.train(corpus, config, endOfEpoch(reports));
        assertTrue(topicNeighbours(vectors) >= 0.9 * 18 * 5, topicNeighbours(vectors) + " of 90");
        assertEquals(3, reports.size());
        // a normalised model: the first epoch's mean loss per pair starts near the code length's
        // L·log 2 ≈ log 18 = 2.89 (the tree is balanced for 18 words of equal counts) and falls
        assertTrue(reports.get(0).meanLoss() < Math.log(18) + 0.2, "first epoch " + reports.get(0).meanLoss());
        assertTrue(reports.get(2).meanLoss() < reports.get(0).meanLoss(),
                reports.get(0).meanLoss() + " -> " + reports.get(2).meanLoss());
        assertEquals(3L * 3000 * 8, reports.get(2).wordsProcessed());
        // row V − 1 of the output matrix is no inner node: never written
        assertEquals(0.0, vectors.outsideVectors().orElseThrow().getRow(17).amaxNumber().doubleValue(), 0.0);
        if (threads == 1) {
            assertEquals(vectors.centerVectors(), SkipGram.train(corpus, config).centerVectors());
        }
    }

    @Test
    void hierarchicalSoftmaxPerPairIsWord2vecsUpdateAndTrainsAsWell() {
        Corpus corpus = TestData.topicCorpus(3000, 4);
        SkipGramConfig.Builder hs = small(1).loss(LossType.HIERARCHICAL_SOFTMAX);
        List<TrainingReport> pair = new ArrayList<>();
        List<TrainingReport> window = new ArrayList<>();
        WordVectors perPair = SkipGram.train(corpus, hs.negativeSharing(NegativeSharing.PAIR).build(),
                endOfEpoch(pair));
        WordVectors perWindow = SkipGram.train(corpus, hs.negativeSharing(NegativeSharing.WINDOW).build(),
                endOfEpoch(window));
        assertTrue(topicNeighbours(perPair) >= 0.9 * 18 * 5, topicNeighbours(perPair) + " of 90");
        assertTrue(!perPair.centerVectors().equals(perWindow.centerVectors()), "the setting reached the trainer");
        // the same pairs and objective: last-epoch losses within 10% of each other
        assertEquals(pair.get(2).meanLoss(), window.get(2).meanLoss(), 0.1 * pair.get(2).meanLoss());
    }

    @Test
    void sharedNegativesRecoverPlantedTopicsDeterministically() {
        SkipGramConfig config = small(1).negativeSharing(NegativeSharing.WINDOW).build();
        List<TrainingReport> reports = new ArrayList<>();
        WordVectors vectors = SkipGram.train(TestData.topicCorpus(3000, 4), config, endOfEpoch(reports));
        assertTrue(topicNeighbours(vectors) >= 0.9 * 18 * 5, topicNeighbours(vectors) + " of 90");
        assertEquals(3, reports.size());
        assertTrue(reports.get(2).meanLoss() < reports.get(0).meanLoss(),
                reports.get(0).meanLoss() + " -> " + reports.get(2).meanLoss());
        assertEquals(3L * 3000 * 8, reports.get(2).wordsProcessed());
        // one thread and one seed: the same vectors again, and not those of the per-pair update
        WordVectors again = SkipGram.train(TestData.topicCorpus(3000, 4), config);
        assertEquals(vectors.centerVectors(), again.centerVectors());
        assertEquals(vectors.outsideVectors(), again.outsideVectors());
        assertTrue(!vectors.centerVectors().equals(SkipGram.train(TestData.topicCorpus(3000, 4),
                small(1).negativeSharing(NegativeSharing.PAIR).build()).centerVectors()),
                "the WINDOW setting reached the trainer");
    }

    @Test
    void sharedNegativesTrainThePairsOfThePerPairUpdateAtItsLoss() {
        // the same windows (in expectation: the generator streams part after the first position) and
        // the same expected objective, so the same pair count and a last-epoch loss close to it
        Corpus corpus = TestData.topicCorpus(3000, 6);
        long[] pairs = new long[2];
        Word2VecCheckpointTest.LastEpochLoss[] lastEpoch = new Word2VecCheckpointTest.LastEpochLoss[2];
        NegativeSharing[] sharing = NegativeSharing.values();
        for (int s = 0; s < 2; s++) {
            int i = s;
            lastEpoch[i] = new Word2VecCheckpointTest.LastEpochLoss(3);
            SkipGram.train(corpus, small(1).negativeSharing(sharing[i]).build(), r -> {
                pairs[i] += r.pairs();
                lastEpoch[i].onReport(r);
            });
        }
        assertEquals(pairs[0], pairs[1], 0.03 * pairs[0]);
        assertEquals(lastEpoch[0].mean(), lastEpoch[1].mean(), 0.1 * lastEpoch[0].mean());
    }

    @Test
    void theSoftmaxPairsAreTheNegativeSamplingPairs() {
        // with no subsampling, both losses see every (position, window) pair once per epoch
        Corpus corpus = TestData.topicCorpus(400, 9);
        long[] pairs = new long[2];
        SkipGram.train(corpus, small(1).build(), r -> pairs[0] += r.pairs());
        SkipGram.train(corpus, small(1).loss(LossType.NAIVE_SOFTMAX).build(), r -> pairs[1] += r.pairs());
        assertTrue(pairs[0] > 0);
        // the radii are drawn from the same generator stream only for the first sentence, so the
        // totals agree in expectation: within 3% for ~20,000 pairs
        assertEquals(pairs[0], pairs[1], 0.03 * pairs[0]);
    }

    @Test
    void theSoftmaxRowCapKeepsTheScoreBufferSmall() {
        assertEquals(64, Word2VecTrainer.softmaxRows(1_000));
        assertEquals(64, Word2VecTrainer.softmaxRows(51_351));
        assertEquals(4, Word2VecTrainer.softmaxRows(1_000_000));
        assertEquals(1, Word2VecTrainer.softmaxRows(10_000_000));
    }

    @Test
    void oneThreadAndOneSeedGiveIdenticalVectors() {
        Corpus corpus = TestData.topicCorpus(500, 5);
        WordVectors a = SkipGram.train(corpus, small(1).build());
        WordVectors b = SkipGram.train(corpus, small(1).build());
        assertEquals(a.centerVectors(), b.centerVectors());
        assertEquals(a.outsideVectors(), b.outsideVectors());
        SkipGramConfig softmax = small(1).loss(LossType.NAIVE_SOFTMAX).build();
        assertEquals(SkipGram.train(corpus, softmax).centerVectors(), SkipGram.train(corpus, softmax).centerVectors());
    }

    @Test
    void theReportedLossDoesNotDependOnTheThreadCountBeyondNoise() {
        Corpus corpus = TestData.topicCorpus(3000, 6);
        Word2VecCheckpointTest.LastEpochLoss[] lastEpoch = new Word2VecCheckpointTest.LastEpochLoss[3];
        for (int threads = 1; threads <= 2; threads++) {
            lastEpoch[threads] = new Word2VecCheckpointTest.LastEpochLoss(3);
            SkipGram.train(corpus, small(threads).build(), lastEpoch[threads]);
        }
        assertEquals(lastEpoch[1].mean(), lastEpoch[2].mean(), 0.05 * lastEpoch[1].mean());
    }

    @Test
    void theLearningRateDecaysLinearlyToTheFloor() {
        SkipGramConfig c = SkipGramConfig.word2vec().learningRate(0.025).minLearningRate(0.0001).build();
        assertEquals(0.025f, Word2VecSchedule.of(c, 1000).learningRate(0));
        assertEquals((0.025f + 0.0001f) / 2, Word2VecSchedule.of(c, 1000).learningRate(500), 1e-7);
        assertEquals(0.0001f, Word2VecSchedule.of(c, 1000).learningRate(1000), 1e-9);
        assertEquals(0.0001f, Word2VecSchedule.of(c, 1000).learningRate(5000), 1e-9);
    }

    @Test
    void subsamplingFollowsWord2vecsFormula() {
        Vocabulary v = new Vocabulary(List.of("the", "cat", "rare"), new long[] {9000, 900, 100});
        float[] keep = WorkerState.keepProbabilities(v, 1e-3); // t·N = 10
        assertEquals((Math.sqrt(9000 / 10.0) + 1) * 10 / 9000, keep[0], 1e-7);
        assertEquals((Math.sqrt(900 / 10.0) + 1) * 10 / 900, keep[1], 1e-7);
        assertEquals(Math.min(1, (Math.sqrt(100 / 10.0) + 1) * 10 / 100), keep[2], 1e-7);
        assertArrayEquals(new float[] {1, 1, 1}, WorkerState.keepProbabilities(v, 0));
    }

    @Test
    void unusableCorporaAndConfigsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkipGram.train(
                Corpus.ofLines(List.of("a b c", "d e")), SkipGramConfig.word2vec().minCount(2).build()));
        assertTrue(e.getMessage().contains("minCount = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SkipGram.train(
                Corpus.ofLines(List.of("a b c a b c")), SkipGramConfig.word2vec().minCount(1).negatives(3).build()));
        assertTrue(e.getMessage().contains("K = 3") && e.getMessage().contains("V = 3"), e.getMessage());
        // K does not matter to the full softmax: three words are enough
        assertEquals(3, SkipGram.train(Corpus.ofLines(List.of("a b c a b c")),
                SkipGramConfig.word2vec().minCount(1).negatives(3).loss(LossType.NAIVE_SOFTMAX).build())
                .vocabulary().size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.word2vec().threads(0).build())
                .getMessage().contains("threads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.word2vec().epochs(0).build())
                .getMessage().contains("epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SkipGramConfig.word2vec().minLearningRate(0.5).build()).getMessage().contains("minLearningRate"));
    }
}
