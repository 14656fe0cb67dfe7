package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded random arrays for tests (no global ND4J random state). */
public final class TestData {

    private TestData() {}

    /** A DOUBLE array of the given shape with entries N(0, scale²). */
    public static INDArray gaussian(RandomGenerator rng, double scale, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.data().put(i, scale * rng.nextGaussian());
        }
        return a;
    }

    /** Largest |a − b| over all elements, compared in double. */
    public static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    /** Topics of {@link #topicCorpus}. */
    public static final int TOPICS = 3;
    /** Words per topic of {@link #topicCorpus}. */
    public static final int WORDS_PER_TOPIC = 6;

    /** Sentences of 8 words, each sentence drawn from one topic's 6 words: topic t's words are "t{t}w{i}". */
    public static Corpus topicCorpus(int sentences, long seed) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            int topic = rng.nextInt(TOPICS);
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sentence.add("t" + topic + "w" + rng.nextInt(WORDS_PER_TOPIC));
            }
            out.add(sentence);
        }
        return Corpus.of(out);
    }
}
