package dev.skipgram.internal.cs224n;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.ModelAtEpochEnd;
import dev.skipgram.internal.RunIdentity;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.optim.Sgd;
import dev.skipgram.optim.SgdListener;
import dev.skipgram.random.RestorableRandom;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CS224n recipe end to end: vocabulary in first-occurrence order plus {@code UNK}; subsampled,
 * 30-fold training data; centre vectors uniform in (−0.5/d, 0.5/d), outside vectors zero; SGD on the
 * mean loss of random windows, with annealing and checkpoints.
 *
 * <p>Randomness: one generator seeded by {@code config.seed()} is split, in this order, into the
 * subsampling, the initialisation and the SGD generators, so a resumed run rebuilds the same data and
 * continues with the checkpointed SGD state.
 */
public final class Cs224nTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Cs224nTrainer.class);
    static final String UNKNOWN = "UNK";

    private Cs224nTrainer() {}

    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener) {
        return train(corpus, config, listener, MatrixMemory.ofThisProcess());
    }

    /**
     * As {@link #train(Corpus, SkipGramConfig, TrainingListener)}, checking the parameters' size
     * against {@code memory}'s budget before allocating them.
     *
     * @param corpus the sentences
     * @param config the settings
     * @param listener receives the reports
     * @param memory the budget (its view size is not used: Sgd works on the whole array)
     * @return the trained vectors with their outside vectors
     */
    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener,
            MatrixMemory memory) {
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.inFirstOccurrenceOrder(corpus, UNKNOWN);
        int[][] sentences = encode(corpus, vocabulary);
        if (sentences.length == 0) {
            throw new IllegalArgumentException("the corpus is empty: it has no words to train on");
        }
        int v = vocabulary.size();
        int d = config.dimension();
        FloatMatrix.requireIndexable(v, d);
        // x and its gradient, [2V, d] each, and the result's copy; a checkpoint's copy on top
        long parameters = 2L * v * d * Float.BYTES;
        boolean checkpoints = config.checkpointDirectory() != null;
        memory.shortfall((checkpoints ? 4 : 3) * parameters, "the parameters of V = " + v + " words of d = " + d
                        + " dimensions (2·V·d floats, with their gradient and the result's copy"
                        + (checkpoints ? " and a checkpoint's)" : ")"))
                .ifPresent(message -> {
                    throw new IllegalArgumentException(message + "; or lower dimension");
                });
        if (config.loss() == LossType.NEGATIVE_SAMPLING && v < 2) {
            throw new IllegalArgumentException("negative sampling needs at least two words; the vocabulary has " + v);
        }
        RestorableRandom root = RestorableRandom.seeded(config.seed());
        RestorableRandom subsampling = root.split();
        RestorableRandom initialisation = root.split();
        RestorableRandom sgdRandom = root.split();

        Cs224nContexts contexts = new Cs224nContexts(sentences, discardProbabilities(vocabulary, config), subsampling);
        LOG.info("CS224n recipe: {} words ({} tokens), training data {} sentences / {} tokens after subsampling;"
                + " {} loss, d={}, {} steps", v, vocabulary.totalCount() - 1, contexts.sentences(), contexts.tokens(),
                config.loss(), d, config.steps());

        Cs224nObjective objective = switch (config.loss()) {
            case NEGATIVE_SAMPLING -> new Cs224nNegativeSamplingObjective(contexts, v, d, config.windowSize(),
                    config.windowsPerStep(), new NoiseDistribution(vocabulary.counts(), config.noiseExponent()),
                    config.negatives());
            case NAIVE_SOFTMAX -> new Cs224nSoftmaxObjective(contexts, v, d, config.windowSize(),
                    config.windowsPerStep());
            case HIERARCHICAL_SOFTMAX -> new Cs224nHierarchicalSoftmaxObjective(contexts, v, d, config.windowSize(),
                    config.windowsPerStep(), HuffmanTree.of(vocabulary.counts()));
        };
        long windowsTotal = (long) config.steps() * config.windowsPerStep();
        TrainingReport[] last = {null}; // the end-of-epoch report, for onEpochEnd
        SgdListener reporter = progress -> {
            double[] sinceLast = objective.drain(); // {Σ pair loss, pairs}
            long pairs = (long) sinceLast[1];
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long windows = (long) progress.step() * config.windowsPerStep();
            TrainingReport report = new TrainingReport(1, 1, windows, windowsTotal, pairs,
                    pairs == 0 ? Double.NaN : sinceLast[0] / pairs, progress.stepSize(),
                    objective.windowsEvaluated() / Math.max(1e-9, elapsed.toNanos() / 1e9), elapsed,
                    progress.step() == config.steps());
            listener.onReport(report);
            if (report.endOfEpoch()) {
                last[0] = report;
            }
        };
        Sgd.Builder sgd = Sgd.builder()
                .stepSize(config.learningRate())
                .steps(config.steps())
                .anneal(config.annealFactor(), config.annealEvery())
                .listener(reporter, config.reportEvery());
        config.checkpoints().ifPresent(dir -> sgd.checkpoints(dir, config.checkpointEvery())
                .runSettings(settings(config, vocabulary)));

        INDArray x = initialParameters(v, d, initialisation);
        INDArray trained = sgd.build().minimize(objective, x, sgdRandom);
        LOG.info("trained in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
        INDArray center = trained.get(NDArrayIndex.interval(0, v), NDArrayIndex.all());
        INDArray outside = trained.get(NDArrayIndex.interval(v, 2L * v), NDArrayIndex.all());
        if (last[0] != null) { // absent only if a checkpoint had done every step already
            ModelAtEpochEnd.notify(listener, last[0], vocabulary, center, outside);
        }
        return new WordVectors(vocabulary, center, outside);
    }

    /**
     * What a resumed run must share with the run that wrote its checkpoint: every setting that
     * shapes the data or the steps (not {@code steps}: a run may be extended), and the corpus.
     */
    static RunSettings settings(SkipGramConfig c, Vocabulary vocabulary) {
        return RunIdentity.of(c, vocabulary);
    }

    /** [2V, d] FLOAT: centre rows uniform in (−0.5/d, 0.5/d) as in CS224n and word2vec.c, outside rows 0. */
    static INDArray initialParameters(int v, int d, RestorableRandom rng) {
        FloatMatrix x = FloatMatrix.zeros(2 * v, d);
        x.fillUniformRows(v, rng);
        return x.array();
    }

    /** CS224n's rejection probability max(0, 1 − sqrt(t·N / count)), or 0 everywhere when t = 0. */
    static double[] discardProbabilities(Vocabulary vocabulary, SkipGramConfig config) {
        double threshold = config.subsampleThreshold() * vocabulary.totalCount();
        double[] p = new double[vocabulary.size()];
        for (int w = 0; w < p.length; w++) {
            long count = vocabulary.count(w);
            p[w] = config.subsampleThreshold() == 0 || count == 0 ? 0 : Math.max(0, 1 - Math.sqrt(threshold / count));
        }
        return p;
    }

    private static int[][] encode(Corpus corpus, Vocabulary vocabulary) {
        try (Stream<List<String>> s = corpus.sentences()) {
            return s.map(sentence -> sentence.stream()
                            .mapToInt(w -> vocabulary.find(w).orElseThrow(() -> new IllegalStateException(
                                    "the corpus changed between passes: '" + w + "' was not in the first pass")))
                            .toArray())
                    .toArray(int[][]::new);
        }
    }
}
