package dev.skipgram.spark;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.word2vec.PartitionTraining;
import dev.skipgram.random.RestorableRandom;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round's work in every partition (runs on the executors): copies the broadcast parameters,
 * trains the partition's chunks of the round with {@link PartitionTraining} (the single-machine
 * workers, kernels and schedule), and returns the rows that changed. A function of the broadcast,
 * the generators' states and the partition's chunks only, so a retried task returns the same result.
 */
final class ShareTask implements Function2<Integer, Iterator<PartitionTraining.Chunks>, Iterator<ShareResult>> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShareTask.class);
    private final Properties config; // SkipGramConfig.toProperties(): the record itself is not serializable
    private final Broadcast<VocabularyData> vocabulary;
    private final Broadcast<Parameters> parameters;
    private final int[] from; // per partition: the round's first chunk ...
    private final int[] to; // ... and one past its last
    private final long wordsBefore;
    private final double[] scale; // per partition: the round's words per word of its share
    private final byte[][][] generators; // per partition, per thread

    ShareTask(SkipGramConfig config, Broadcast<VocabularyData> vocabulary, Broadcast<Parameters> parameters,
            int[] from, int[] to, long wordsBefore, double[] scale, byte[][][] generators) {
        this.config = config.toProperties();
        this.vocabulary = vocabulary;
        this.parameters = parameters;
        this.from = from;
        this.to = to;
        this.wordsBefore = wordsBefore;
        this.scale = scale;
        this.generators = generators;
    }

    @Override
    public Iterator<ShareResult> call(Integer partition, Iterator<PartitionTraining.Chunks> chunks) {
        long started = System.nanoTime();
        int p = partition;
        PartitionTraining.Chunks share = chunks.next();
        SkipGramConfig settings = SkipGramConfig.of(config);
        RestorableRandom[] rng = restored(generators[p]);
        Parameters base = parameters.value();
        Vocabulary words = vocabulary.value().toVocabulary();
        int v = words.size();
        int d = settings.dimension();
        FloatMatrix x = copy(settings, base.centerVectors(), v, d);
        FloatMatrix u = copy(settings, base.outsideVectors(), v, d);
        long copied = System.nanoTime();
        PartitionTraining.Outcome outcome;
        long trained;
        ChangedRows cx;
        ChangedRows cu;
        try {
            outcome = from[p] == to[p]
                    ? new PartitionTraining.Outcome(0, 0, 0)
                    : PartitionTraining.train(settings, words, x, u, rng, share, from[p], to[p], wordsBefore, scale[p]);
            trained = System.nanoTime();
            cx = ChangedRows.of(x, base.centerVectors());
            cu = ChangedRows.of(u, base.outsideVectors());
        } finally {
            // free the copies' native memory now rather than when a GC of the executor's heap finds
            // their wrappers: one pair per round would otherwise pile up off the heap
            release(x);
            release(u);
        }
        byte[][] states = saved(rng);
        long done = System.nanoTime();
        LOG.info("partition {}, chunks [{}, {}): {} words; {} s to get the parameters, {} s training ({} words/s),"
                + " {} s finding the {} changed rows", p, from[p], to[p], outcome.words(),
                seconds(copied - started), seconds(trained - copied),
                String.format("%.0f", outcome.words() / Math.max(1e-9, (trained - copied) / 1e9)),
                seconds(done - trained), cx.rows().length + cu.rows().length);
        return List.of(new ShareResult(p, cx.rows(), cx.values(), cu.rows(), cu.values(), states, outcome.loss(),
                outcome.pairs(), outcome.words())).iterator();
    }

    static void release(FloatMatrix m) {
        if (m.hasArray() && m.array().closeable()) {
            m.array().close();
        } // a direct matrix's memory goes with the matrix
    }

    /**
     * A task's working copy of X or U [V, d], zeros: in direct memory, so that an executor never
     * loads ND4J's native backend (0.8 s of CPU per executor JVM), unless the loss is the full
     * softmax, whose GEMMs need an INDArray.
     */
    static FloatMatrix workingMatrix(SkipGramConfig settings, int v, int d) {
        return settings.loss() == LossType.NAIVE_SOFTMAX ? FloatMatrix.zeros(v, d) : FloatMatrix.direct(v, d);
    }

    /** Worker generators in the states {@code states} (one per thread). */
    static RestorableRandom[] restored(byte[][] states) {
        RestorableRandom[] rng = new RestorableRandom[states.length];
        for (int t = 0; t < rng.length; t++) {
            rng[t] = RestorableRandom.seeded(0);
            rng[t].restoreState(states[t]);
        }
        return rng;
    }

    /** The generators' states, one per thread. */
    static byte[][] saved(RestorableRandom[] rng) {
        byte[][] states = new byte[rng.length][];
        for (int t = 0; t < rng.length; t++) {
            states[t] = rng[t].saveState();
        }
        return states;
    }

    static String seconds(long nanos) {
        return String.format("%.3f", nanos / 1e9);
    }

    private static FloatMatrix copy(SkipGramConfig settings, float[] values, int v, int d) {
        FloatMatrix m = workingMatrix(settings, v, d); // [V, d]
        m.put(0, values, values.length);
        return m;
    }
}
