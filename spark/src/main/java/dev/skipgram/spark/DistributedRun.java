package dev.skipgram.spark;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.CountedSentences;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.RunIdentity;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.word2vec.PartitionTraining;
import dev.skipgram.internal.word2vec.Word2VecTrainer;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One distributed training run, on the driver.
 *
 * <pre>
 *   sentences or lines ─► (contiguous repartition) ─► per partition: CountedSentences (one read: local
 *     indices of the tokens, cached; words in order of first occurrence, counted) ─► collect the words
 *     and counts ─► driver: merged in partition order, Vocabulary.byCount (the single-machine order)
 *     ─► broadcast ─► per partition: local indices to the vocabulary's, PartitionTraining.cut (chunks,
 *     cached; the local indices dropped) ─► driver: words per chunk
 *   per epoch, per round r:  broadcast X, U ─► every partition p trains its chunks
 *     [r·C_p/R, (r+1)·C_p/R) ─► changed rows ─► driver: merge (RowMerge) ─► next round
 * </pre>
 *
 * Generators: the root generator (the seed) is split into the initialisation generator and then one
 * generator per partition and thread, as {@code SkipGram.train} splits it; each partition's
 * generators travel with the round and come back advanced. With one partition and one thread this is
 * the single-machine run, chunk for chunk.
 */
final class DistributedRun {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedRun.class);

    private final SkipGramConfig config;
    private final SparkOptions options;
    private final JavaSparkContext spark;
    private final JavaRDD<CountedSentences> shares; // one per partition

    private DistributedRun(JavaRDD<CountedSentences> shares, SkipGramConfig config, SparkOptions options) {
        this.config = config;
        this.options = options;
        this.spark = JavaSparkContext.fromSparkContext(shares.context());
        this.shares = shares;
    }

    /** A run over tokenised sentences, each as it stands. */
    static DistributedRun ofSentences(JavaRDD<List<String>> sentences, SkipGramConfig config, SparkOptions options) {
        return new DistributedRun(partitioned(sentences, options.partitions())
                .mapPartitions(it -> List.of(CountedSentences.of(it)).iterator(), true), config, options);
    }

    /** A run over lines of text, read as {@code Corpus.plainText} reads a file's lines. */
    static DistributedRun ofLines(JavaRDD<String> lines, SkipGramConfig config, SparkOptions options) {
        return new DistributedRun(partitioned(lines, options.partitions())
                .mapPartitionsWithIndex((p, it) -> List.of(CountedSentences.ofText(it, "partition " + p
                        + " of the lines")).iterator(), true), config, options);
    }

    /** The elements in {@code p} contiguous ranges, in order; as they are if they have p partitions. */
    private static <T> JavaRDD<T> partitioned(JavaRDD<T> elements, int p) {
        if (elements.getNumPartitions() == p) {
            return elements;
        }
        long n = elements.count();
        return elements.zipWithIndex()
                .mapToPair(Tuple2::swap)
                .repartitionAndSortWithinPartitions(new ContiguousPartitioner(p, n))
                .values();
    }

    WordVectors train() {
        long started = System.nanoTime();
        // ND4J's native backend takes seconds to load; the driver needs it only once the vocabulary is
        // known (X's initialisation), so it loads while the executors count
        Thread nd4j = new Thread(() -> FloatMatrix.zeros(1, 1), "skipgram-nd4j-warm-up");
        nd4j.setDaemon(true);
        nd4j.start();
        // read once, cached until the chunks are made from it
        JavaRDD<CountedSentences> counted = shares.persist(StorageLevel.MEMORY_ONLY());
        try {
            return train(counted, started);
        } finally {
            counted.unpersist(false);
        }
    }

    private WordVectors train(JavaRDD<CountedSentences> counted, long started) {
        Vocabulary vocabulary = vocabulary(counted);
        long countedAt = System.nanoTime();
        int v = vocabulary.size();
        int d = config.dimension();
        long parameterBytes = 2L * v * d * Float.BYTES;
        if (parameterBytes > options.maxBroadcastBytes()) {
            throw new IllegalArgumentException("the parameters of V = " + v + " words of d = " + d
                    + " dimensions (2·V·d floats, " + parameterBytes + " bytes) exceed the broadcast budget of "
                    + options.maxBroadcastBytes() + " bytes (SparkOptions.maxBroadcastBytes): raise minCount,"
                    + " lower maxVocabularySize or dimension, or raise the budget");
        }
        FloatMatrix.requireIndexable(v, d);
        Broadcast<VocabularyData> words = spark.broadcast(VocabularyData.of(vocabulary));
        JavaRDD<PartitionTraining.Chunks> chunks = counted
                .map(c -> {
                    Vocabulary known = words.value().toVocabulary();
                    return PartitionTraining.cut(c.encodedSentences(known), known);
                })
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            // one job: each partition's words per chunk, and whether it has a pair to train
            List<Tuple2<long[], Boolean>> summaries = chunks.map(c -> new Tuple2<>(wordsPerChunk(c), c.anyPair()))
                    .collect();
            counted.unpersist(false); // the chunks hold what training needs
            List<long[]> chunkWords = new ArrayList<>(summaries.size());
            boolean anyPair = false;
            for (Tuple2<long[], Boolean> summary : summaries) {
                chunkWords.add(summary._1());
                anyPair |= summary._2();
            }
            if (!anyPair) {
                throw new IllegalArgumentException("no sentence of the corpus has two words that are in the"
                        + " vocabulary (minCount = " + config.minCount() + "), so there is no pair to train:"
                        + " the corpus is too small, or its sentences are single words");
            }
            Exchange exchange = exchange(chunkWords.size());
            LOG.info("word2vec on Spark: {} words, {} tokens per epoch, {} epochs, d={}, K={}, {} partitions x {}"
                    + " threads, {} rounds per epoch, {} merge, {} exchange", v, vocabulary.totalCount(),
                    config.epochs(), d, config.negatives(), options.partitions(), config.threads(),
                    options.roundsPerEpoch(), options.merge().resolve(config.loss()), exchange);
            long roundsStarted = System.nanoTime();
            float[][] model;
            DriverCheckpoints checkpoints = options.checkpointDirectory() == null ? null
                    : DriverCheckpoints.open(options.checkpointDirectory(), spark.hadoopConfiguration(),
                            identity(vocabulary, chunkWords), options.resume(), v, d);
            try (checkpoints; RoundExchange rounds = exchange == Exchange.DIRECT
                    ? DirectExchange.start(spark, config, words, chunks)
                    : new BroadcastExchange(spark, config, words, chunks)) {
                model = rounds(vocabulary, rounds, chunkWords, checkpoints);
            }
            double roundSeconds = (System.nanoTime() - roundsStarted) / 1e9;
            LOG.info("trained in {} s: vocabulary {} s, encoding {} s, rounds {} s ({} words/s)",
                    String.format("%.1f", (System.nanoTime() - started) / 1e9),
                    String.format("%.1f", (countedAt - started) / 1e9),
                    String.format("%.1f", (roundsStarted - countedAt) / 1e9), String.format("%.1f", roundSeconds),
                    String.format("%.0f", vocabulary.totalCount() * config.epochs() / roundSeconds));
            return FreshVectors.adopt(vocabulary, matrix(model[0], v, d).array(), matrix(model[1], v, d).array());
        } finally {
            chunks.unpersist(false);
            words.destroy();
        }
    }

    /**
     * The exchange this run uses: {@link SparkOptions#exchange()}, with {@link Exchange#AUTO} resolved
     * by the cluster's free task slots (a barrier stage needs one per partition at once) and dynamic
     * allocation (which a barrier stage refuses).
     *
     * @throws IllegalArgumentException if {@link Exchange#DIRECT} was asked for and cannot run
     */
    private Exchange exchange(int partitions) {
        Exchange asked = options.exchange();
        if (asked == Exchange.BROADCAST) {
            return asked;
        }
        int slots = spark.sc().maxNumConcurrentTasks(spark.sc().resourceProfileManager().defaultResourceProfile());
        boolean dynamic = spark.getConf().getBoolean("spark.dynamicAllocation.enabled", false);
        if (slots >= partitions && !dynamic) {
            return Exchange.DIRECT;
        }
        String why = dynamic ? "dynamic allocation is on (spark.dynamicAllocation.enabled), which a barrier stage"
                + " refuses" : "the cluster has " + slots + " free task slots for " + partitions + " partitions";
        if (asked == Exchange.DIRECT) {
            throw new IllegalArgumentException("exchange DIRECT trains every partition at once in a barrier stage, but "
                    + why + ": use fewer partitions, more executors, or Exchange.BROADCAST");
        }
        LOG.info("exchange AUTO: broadcasting every round, since {}", why);
        return Exchange.BROADCAST;
    }

    /**
     * What a checkpoint must share with the run that resumes it: the config's run settings and the
     * vocabulary's checksum ({@link RunIdentity}), the threads per partition, the options that shape
     * the rounds, and a checksum of the words in every chunk of every partition (the corpus as cut).
     */
    private RunSettings identity(Vocabulary vocabulary, List<long[]> chunkWords) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
        for (long[] partition : chunkWords) {
            crc.update(b.clear().putLong(-1 - partition.length).flip());
            for (long words : partition) {
                crc.update(b.clear().putLong(words).flip());
            }
        }
        return RunIdentity.of(config, vocabulary).with("threads", config.threads())
                .with("partitions", options.partitions()).with("roundsPerEpoch", options.roundsPerEpoch())
                .with("merge", options.merge()).with("chunks", Long.toHexString(crc.getValue()));
    }

    /**
     * Counts in parallel (each partition's words in order of first occurrence, with their counts),
     * merges the partitions' counts in partition order on the driver (so each word keeps its first
     * occurrence in the whole RDD), then prunes and sorts as the single-machine recipe does.
     */
    private Vocabulary vocabulary(JavaRDD<CountedSentences> counted) {
        int minCount = config.minCount();
        List<VocabularyData> parts; // per partition: its distinct words in order of first occurrence, counted there
        try {
            parts = counted.map(c -> new VocabularyData(c.words().toArray(new String[0]), c.counts())).collect();
        } catch (Exception e) { // Spark throws its SparkException undeclared
            if (e instanceof SparkException failed) {
                throw badInput(failed);
            }
            throw e;
        }
        long merging = System.nanoTime();
        Map<String, long[]> merged = new LinkedHashMap<>(); // word -> {count}, in order of first occurrence
        long distinct = 0;
        for (VocabularyData part : parts) {
            distinct += part.words().length;
            for (int i = 0; i < part.words().length; i++) {
                merged.computeIfAbsent(part.words()[i], w -> new long[1])[0] += part.counts()[i];
            }
        }
        List<String> list = new ArrayList<>();
        long[] counts = new long[merged.size()];
        for (Map.Entry<String, long[]> e : merged.entrySet()) {
            if (e.getValue()[0] >= minCount) {
                counts[list.size()] = e.getValue()[0];
                list.add(e.getKey());
            }
        }
        LOG.info("vocabulary: {} distinct words of {} partitions ({} with repeats across partitions), merged on the"
                + " driver in {} s", merged.size(), parts.size(), distinct,
                String.format("%.2f", (System.nanoTime() - merging) / 1e9));
        Vocabulary vocabulary = Vocabulary.byCount(list, Arrays.copyOf(counts, list.size()), minCount,
                config.maxVocabularySize());
        int v = vocabulary.size();
        if (v == 0) {
            throw new IllegalArgumentException("no word occurs at least minCount = " + minCount
                    + " times: the RDD is empty or too small");
        }
        if (v == 1) {
            throw new IllegalArgumentException("the vocabulary has a single word ('" + vocabulary.word(0)
                    + "', minCount = " + minCount + "): skip-gram needs at least two different words");
        }
        if (config.loss() == LossType.NEGATIVE_SAMPLING && config.negatives() >= v) {
            throw new IllegalArgumentException("negatives (K = " + config.negatives()
                    + ") must be smaller than the vocabulary size (V = " + v + ")");
        }
        return vocabulary;
    }

    /**
     * The input error a task of the vocabulary pass met (a null token, a NUL character or an overlong
     * token in a line), with its own message rather than the job's; otherwise the job's failure.
     */
    private static RuntimeException badInput(SparkException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return new UncheckedIOException(u.getMessage(), new IOException(u.getMessage(), e));
            }
            if (t instanceof IllegalArgumentException a) {
                return new IllegalArgumentException(a.getMessage(), e);
            }
        }
        return new IllegalStateException("the vocabulary pass failed: " + e.getMessage(), e);
    }

    private static long[] wordsPerChunk(PartitionTraining.Chunks c) {
        long[] words = new long[c.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = c.words(i, i + 1);
        }
        return words;
    }

    /**
     * Every round of every epoch, or those after the checkpoint's when resuming; a checkpoint after
     * every round if {@code checkpoints} is not null. Returns X and U.
     */
    private float[][] rounds(Vocabulary vocabulary, RoundExchange exchange, List<long[]> chunkWords,
            DriverCheckpoints checkpoints) {
        int v = vocabulary.size();
        int d = config.dimension();
        int p = chunkWords.size();
        int rounds = options.roundsPerEpoch();
        RowMerge merge = options.merge().resolve(config.loss());
        RestorableRandom root = RestorableRandom.seeded(config.seed());
        FloatMatrix init = FloatMatrix.zeros(v, d); // X: uniform, as SkipGram.train draws it for the model
        init.fillUniformRows(v, Word2VecTrainer.initialWidth(config.model()), root.split());
        float[] x = new float[v * d];
        init.get(0, x, x.length);
        float[] u = new float[v * d];
        byte[][][] generators = new byte[p][config.threads()][];
        for (int i = 0; i < p; i++) {
            for (int t = 0; t < config.threads(); t++) {
                generators[i][t] = root.split().saveState();
            }
        }
        long wordsBefore = 0;
        long roundsDone = 0;
        if (checkpoints != null && options.resume()) {
            DriverCheckpoints.Saved saved = checkpoints.load(p, config.threads());
            x = saved.x();
            u = saved.u();
            generators = saved.generators();
            wordsBefore = saved.wordsBefore();
            roundsDone = saved.roundsDone();
            LOG.info("resuming from the checkpoint in {} after {} of {} rounds ({} words done)",
                    checkpoints.directory(), roundsDone, (long) rounds * config.epochs(), wordsBefore);
        }
        int firstEpoch = (int) (roundsDone / rounds) + 1;
        ExecutorService merger = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "skipgram-merge");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                for (int r = epoch == firstEpoch ? (int) (roundsDone % rounds) : 0; r < rounds; r++) {
                    long step = (long) (epoch - 1) * rounds + r + 1; // rounds done after this one
                    int[] from = new int[p];
                    int[] to = new int[p];
                    long[] shareWords = new long[p];
                    long roundWords = 0;
                    for (int i = 0; i < p; i++) {
                        long[] w = chunkWords.get(i);
                        from[i] = (int) ((long) r * w.length / rounds);
                        to[i] = (int) ((long) (r + 1) * w.length / rounds);
                        for (int c = from[i]; c < to[i]; c++) {
                            shareWords[i] += w[c];
                        }
                        roundWords += shareWords[i];
                    }
                    if (Arrays.equals(from, to)) {
                        // no partition has a chunk in this round (a corpus of fewer chunks than rounds):
                        // every task would return its generators untouched and no row, so skip the job
                        LOG.info("epoch {} round {}/{}: no chunk to train, skipped", epoch, r + 1, rounds);
                        if (checkpoints != null) {
                            checkpoints.save(step, wordsBefore, x, u, generators);
                        }
                        continue;
                    }
                    double[] scale = new double[p];
                    for (int i = 0; i < p; i++) {
                        scale[i] = shareWords[i] == 0 ? 1.0 : (double) roundWords / shareWords[i];
                    }
                    long roundStarted = System.nanoTime();
                    List<ShareResult> results = exchange.train(new RoundExchange.Round(epoch, r, from, to, wordsBefore,
                            scale), x, u, generators);
                    long merging = System.nanoTime();
                    double loss = 0;
                    long pairs = 0;
                    long rowsBack = 0;
                    for (ShareResult s : results) {
                        generators[s.partition()] = s.generators();
                        loss += s.loss();
                        pairs += s.pairs();
                        rowsBack += s.centerRows().length + s.outsideRows().length;
                    }
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException("training diverged in epoch " + epoch + ", round " + (r + 1)
                                + ": the loss is " + loss + "; lower learningRate");
                    }
                    // X on a second thread, U on this one: the executors wait for both
                    float[] center = x;
                    Future<?> mergedX = merger.submit(() -> RowMerger.mergeInPlace(merge, center, d, results, true));
                    RowMerger.mergeInPlace(merge, u, d, results, false);
                    await(mergedX);
                    wordsBefore += roundWords;
                    long done = System.nanoTime();
                    LOG.info("epoch {} round {}/{}: {} words, mean loss {}; {} s ({} s training, {} s merging), {}"
                            + " changed rows back ({} of 2V = {} per partition)", epoch, r + 1, rounds, roundWords,
                            pairs == 0 ? "-" : String.format("%.4f", loss / pairs),
                            String.format("%.2f", (done - roundStarted) / 1e9),
                            String.format("%.2f", (merging - roundStarted) / 1e9),
                            String.format("%.2f", (done - merging) / 1e9),
                            rowsBack, String.format("%.2f", rowsBack / (2.0 * v * p)), 2 * v);
                    if (checkpoints != null) {
                        checkpoints.save(step, wordsBefore, x, u, generators);
                    }
                }
            }
        } finally {
            merger.shutdownNow();
        }
        return new float[][] {x, u};
    }

    private static void await(Future<?> merge) {
        try {
            merge.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("merging the round's rows failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while merging the round's rows", e);
        }
    }

    private static FloatMatrix matrix(float[] values, int v, int d) {
        FloatMatrix m = FloatMatrix.zeros(v, d);
        m.put(0, values, values.length);
        return m;
    }
}
