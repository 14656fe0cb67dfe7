package dev.skipgram.internal.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SkipGram#train} with the word2vec recipe and {@link Model#CBOW}. */
class CbowTrainingTest {

    /** 3,000 sentences of 8 words over 18 words in 6 topics (the second letter). */
    private static final Corpus CORPUS = TestData.topicCorpus(3000, 4);

    private static SkipGramConfig.Builder small(int threads) {
        return SkipGramConfig.word2vec().model(Model.CBOW).dimension(16).windowSize(3).negatives(5).minCount(1)
                .epochs(3).subsampleThreshold(0).threads(threads).seed(11).reportInterval(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @CsvSource({"1, NEGATIVE_SAMPLING", "2, NEGATIVE_SAMPLING", "1, HIERARCHICAL_SOFTMAX", "2, HIERARCHICAL_SOFTMAX"})
    void recoversPlantedTopicsWithOneOrTwoThreadsAtOnePredictionPerPosition(int threads, LossType loss) {
        List<TrainingReport> reports = new ArrayList<>();
        long[] predictions = {0};
        WordVectors vectors = SkipGram.train(CORPUS, small(threads).loss(loss).build(), r -> {
            predictions[0] += r.pairs();
            if (r.endOfEpoch()) {
                reports.add(r);
            }
        });
        assertTrue(Word2VecTrainerTest.topicNeighbours(vectors) >= 0.9 * 18 * 5, Word2VecTrainerTest.topicNeighbours(vectors) + " of 90");
        assertEquals(3, reports.size());
        assertTrue(reports.get(2).meanLoss() < reports.get(0).meanLoss(),
                reports.get(0).meanLoss() + " -> " + reports.get(2).meanLoss());
        // without subsampling every position of a sentence of 8 has a context: one prediction each
        assertEquals(3L * 3000 * 8, predictions[0]);
        assertEquals(3L * 3000 * 8, reports.get(2).wordsProcessed());
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = {"NEGATIVE_SAMPLING", "HIERARCHICAL_SOFTMAX"})
    void oneThreadAndOneSeedGiveIdenticalVectorsThatAreNotSkipGrams(LossType loss) {
        Corpus corpus = TestData.topicCorpus(500, 5);
        WordVectors a = SkipGram.train(corpus, small(1).loss(loss).build());
        WordVectors b = SkipGram.train(corpus, small(1).loss(loss).build());
        assertEquals(a.centerVectors(), b.centerVectors());
        assertEquals(a.outsideVectors(), b.outsideVectors());
        assertNotEquals(a.centerVectors(), SkipGram.train(corpus, small(1).loss(loss).model(Model.SKIP_GRAM).build())
                .centerVectors(), "the model setting reached the trainer");
    }

    @Test
    void hierarchicalSoftmaxDrawsNothingAndLeavesTheLastRowOfUUntouched() {
        // the tree has V − 1 inner nodes: row V − 1 of U is never on a path (word2vec.c's syn1)
        WordVectors vectors = SkipGram.train(CORPUS, small(1).loss(LossType.HIERARCHICAL_SOFTMAX).build());
        int v = vectors.vocabulary().size();
        assertEquals(0.0, vectors.outsideVectors().orElseThrow().getRow(v - 1).norm2Number().doubleValue());
        assertTrue(vectors.outsideVectors().orElseThrow().getRow(v - 2).norm2Number().doubleValue() > 0, "the root was trained");
    }

    /**
     * CBOW starts from gensim's initialisation, [−1/d, 1/d), skip-gram from word2vec.c's, [−0.5/d,
     * 0.5/d) (issue 15: with word2vec.c's range CBOW with hierarchical softmax was about a point below
     * gensim on analogies). A learning rate of 1e-30 leaves the centre rows where they started: the
     * first steps of U are ~1e-33, and their products with it underflow.
     */
    @ParameterizedTest
    @EnumSource(value = Model.class)
    void cbowStartsInGensimsRangeAndSkipGramInWord2vecCs(Model model) {
        int d = 16;
        WordVectors vectors = SkipGram.train(TestData.topicCorpus(100, 5), small(1).model(model).dimension(d)
                .learningRate(1e-30).minLearningRate(0).epochs(1).build());
        double largest = vectors.centerVectors().amaxNumber().doubleValue();
        double half = model == Model.CBOW ? 1.0 / d : 0.5 / d; // the interval's half-width
        assertEquals(Word2VecTrainer.initialWidth(model) / 2 / d, half, 1e-12);
        assertTrue(largest <= half && largest > 0.9 * half, model + ": max |x| = " + largest + ", half-width " + half);
    }
}
