package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The CS224n recipe on the Stanford Sentiment Treebank, timed: the measurement behind the speed
 * figures in {@code docs/benchmarks.md}. Not a test; run it with {@code scripts/cs224n-timing.sh}.
 *
 * <p>Arguments: {@code datasetSentences.txt} [{@code negative-sampling|softmax}] [steps] [seed]
 * [learning rate].
 */
public final class Cs224nTimedRun {

    private Cs224nTimedRun() {}

    public static void main(String[] args) {
        Path sst = Path.of(args[0]);
        LossType loss = args.length > 1 && args[1].equals("softmax") ? LossType.NAIVE_SOFTMAX : LossType.NEGATIVE_SAMPLING;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 31_337L;
        Corpus corpus = Corpus.stanfordSentiment(sst);
        Vocabulary vocabulary = Vocabulary.inFirstOccurrenceOrder(corpus, "UNK");
        System.out.printf(Locale.ROOT, "corpus: %d words with UNK, %d tokens%n", vocabulary.size(),
                vocabulary.totalCount() - 1);
        double learningRate = args.length > 4 ? Double.parseDouble(args[4]) : 0.3;
        SkipGramConfig config = SkipGramConfig.cs224n().loss(loss).steps(steps).seed(seed)
                .learningRate(learningRate).build();
        // The CS224n "cost": the mean window loss of every 10th step, smoothed 0.95 / 0.05. Rebuilt here
        // from the honest per-pair means: pair mean × pairs per window over the reported steps.
        double[] last = {Double.NaN};
        long start = System.nanoTime();
        WordVectors vectors = SkipGram.train(corpus, config, p -> {
            double windowLoss = p.meanLoss() * p.pairs() / (config.reportEvery() * config.windowsPerStep());
            last[0] = Double.isNaN(last[0]) ? windowLoss : 0.95 * last[0] + 0.05 * windowLoss;
            long step = p.wordsProcessed() / config.windowsPerStep();
            if (step % Math.max(10, steps / 20) == 0) {
                System.out.printf(Locale.ROOT, "iter %d: %.6f  (%.1f s)%n", step, last[0],
                        (System.nanoTime() - start) / 1e9);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT loss=%s steps=%d seconds=%.1f final_smoothed_cost=%.4f sanity=%s%n",
                loss, steps, seconds, last[0], last[0] <= 10 ? "ok (<= 10)" : "FAILED (> 10)");
        System.out.printf(Locale.ROOT, "norms: centre vectors %.4f, outside vectors %.4f (Frobenius)%n",
                vectors.centerVectors().norm2Number().doubleValue(), vectors.outsideVectors().orElseThrow().norm2Number().doubleValue());
        for (String word : List.of("great", "bad", "king", "queen", "coffee", "rain")) {
            if (vectors.vocabulary().contains(word)) {
                System.out.println(word + " -> " + vectors.mostSimilar(word, 5).stream()
                        .map(WordVectors.Neighbor::word).toList());
            }
        }
    }
}
