package dev.skipgram.spark;

import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.List;

/** Small corpora with planted structure for the Spark tests. */
final class TestCorpus {

    static final int TOPICS = 3;

    private TestCorpus() {}

    /**
     * Sentences of 4 to 14 words, each drawn from one topic: topic t's words are "t{t}w{i}", word i
     * drawn with weight 1/(i + 1) over 12 words, so counts differ and ties are rare but possible.
     */
    static List<List<String>> topics(int sentences, long seed) {
        RestorableRandom rng = RestorableRandom.seeded(seed);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            int topic = rng.nextInt(TOPICS);
            int n = 4 + rng.nextInt(11);
            List<String> sentence = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sentence.add("t" + topic + "w" + zipf(rng, 12));
            }
            out.add(sentence);
        }
        return out;
    }

    private static int zipf(RestorableRandom rng, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            x -= 1.0 / (i + 1);
            if (x < 0) {
                return i;
            }
        }
        return n - 1;
    }
}
