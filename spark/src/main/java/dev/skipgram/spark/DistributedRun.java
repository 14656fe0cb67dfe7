package dev.skipgram.spark;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.RunIdentity;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.word2vec.PartitionTraining;
import dev.skipgram.internal.word2vec.Word2VecTrainer;
import dev.skipgram.random.RestorableRandom;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.spark.api.java.JavaPairRDD;
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
 *   sentences ─► (contiguous repartition) ─► per partition: word counts + first occurrence ─► reduceByKey
 *     ─► driver: Vocabulary.byCount (the single-machine order) ─► broadcast
 *     ─► per partition: PartitionTraining.encode (chunks, cached) ─► driver: words per chunk
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
    private final JavaRDD<List<String>> sentences;

    DistributedRun(JavaRDD<List<String>> sentences, SkipGramConfig config, SparkOptions options) {
        this.config = config;
        this.options = options;
        this.spark = JavaSparkContext.fromSparkContext(sentences.context());
        this.sentences = partitioned(sentences, options.partitions());
    }

    /** The sentences in {@code p} contiguous ranges, in order; as they are if they have p partitions. */
    private static JavaRDD<List<String>> partitioned(JavaRDD<List<String>> sentences, int p) {
        if (sentences.getNumPartitions() == p) {
            return sentences;
        }
        long n = sentences.count();
        return sentences.zipWithIndex()
                .mapToPair(Tuple2::swap)
                .repartitionAndSortWithinPartitions(new ContiguousPartitioner(p, n))
                .values();
    }

    WordVectors train() {
        long started = System.nanoTime();
        Vocabulary vocabulary = vocabulary();
        long counted = System.nanoTime();
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
        JavaRDD<PartitionTraining.Chunks> chunks = sentences
                .mapPartitions(it -> List.of(PartitionTraining.encode(it, words.value().toVocabulary())).iterator())
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            List<long[]> chunkWords = chunks.map(DistributedRun::wordsPerChunk).collect();
            boolean anyPair = chunks.map(PartitionTraining.Chunks::anyPair).reduce(Boolean::logicalOr);
            if (!anyPair) {
                throw new IllegalArgumentException("no sentence of the corpus has two words that are in the"
                        + " vocabulary (minCount = " + config.minCount() + "), so there is no pair to train:"
                        + " the corpus is too small, or its sentences are single words");
            }
            LOG.info("word2vec on Spark: {} words, {} tokens per epoch, {} epochs, d={}, K={}, {} partitions x {}"
                    + " threads, {} rounds per epoch, {} merge", v, vocabulary.totalCount(), config.epochs(), d,
                    config.negatives(), options.partitions(), config.threads(), options.roundsPerEpoch(),
                    options.merge());
            long roundsStarted = System.nanoTime();
            float[][] model;
            if (options.checkpointDirectory() == null) {
                model = rounds(vocabulary, words, chunks, chunkWords, null);
            } else {
                try (DriverCheckpoints checkpoints = DriverCheckpoints.open(options.checkpointDirectory(),
                        spark.hadoopConfiguration(), identity(vocabulary, chunkWords), options.resume(), v, d)) {
                    model = rounds(vocabulary, words, chunks, chunkWords, checkpoints);
                }
            }
            double roundSeconds = (System.nanoTime() - roundsStarted) / 1e9;
            LOG.info("trained in {} s: vocabulary {} s, encoding {} s, rounds {} s ({} words/s)",
                    String.format("%.1f", (System.nanoTime() - started) / 1e9),
                    String.format("%.1f", (counted - started) / 1e9),
                    String.format("%.1f", (roundsStarted - counted) / 1e9), String.format("%.1f", roundSeconds),
                    String.format("%.0f", vocabulary.totalCount() * config.epochs() / roundSeconds));
            return FreshVectors.adopt(vocabulary, matrix(model[0], v, d).array(), matrix(model[1], v, d).array());
        } finally {
            chunks.unpersist(false);
            words.destroy();
        }
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

    /** Counts in parallel, then prunes and sorts as the single-machine recipe does. */
    private Vocabulary vocabulary() {
        int minCount = config.minCount();
        List<Tuple2<String, WordStat>> counted = JavaPairRDD.fromJavaRDD(
                        sentences.mapPartitionsWithIndex(DistributedRun::countWords, true))
                .reduceByKey(WordStat::merge)
                .filter(e -> e._2().count() >= minCount)
                .collect();
        List<Tuple2<String, WordStat>> ordered = new ArrayList<>(counted);
        ordered.sort(Comparator.comparing(Tuple2::_2, WordStat::byFirstOccurrence));
        List<String> list = new ArrayList<>(ordered.size());
        long[] counts = new long[ordered.size()];
        for (Tuple2<String, WordStat> e : ordered) {
            counts[list.size()] = e._2().count();
            list.add(e._1());
        }
        Vocabulary vocabulary = Vocabulary.byCount(list, counts, minCount, config.maxVocabularySize());
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

    private static Iterator<Tuple2<String, WordStat>> countWords(Integer partition, Iterator<List<String>> it) {
        Map<String, long[]> seen = new HashMap<>(); // word -> {count, first position}
        long position = 0;
        while (it.hasNext()) {
            for (String w : it.next()) {
                long[] s = seen.get(w);
                if (s == null) {
                    seen.put(w, new long[] {1, position});
                } else {
                    s[0]++;
                }
                position++;
            }
        }
        List<Tuple2<String, WordStat>> out = new ArrayList<>(seen.size());
        seen.forEach((w, s) -> out.add(new Tuple2<>(w, new WordStat(s[0], partition, s[1]))));
        return out.iterator();
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
    private float[][] rounds(Vocabulary vocabulary, Broadcast<VocabularyData> words,
            JavaRDD<PartitionTraining.Chunks> chunks, List<long[]> chunkWords, DriverCheckpoints checkpoints) {
        int v = vocabulary.size();
        int d = config.dimension();
        int p = chunkWords.size();
        int rounds = options.roundsPerEpoch();
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
                Broadcast<Parameters> parameters = spark.broadcast(new Parameters(x, u));
                List<ShareResult> results;
                try {
                    results = new ArrayList<>(chunks.mapPartitionsWithIndex(new ShareTask(config, words, parameters,
                            from, to, wordsBefore, scale, generators), true).collect());
                } finally {
                    parameters.destroy();
                }
                results.sort(Comparator.comparingInt(ShareResult::partition));
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
                x = RowMerger.merge(options.merge(), x, d, results, true);
                u = RowMerger.merge(options.merge(), u, d, results, false);
                wordsBefore += roundWords;
                long done = System.nanoTime();
                LOG.info("epoch {} round {}/{}: {} words, mean loss {}; {} s ({} s merging), {} changed rows back"
                        + " ({} of 2V = {} per partition)", epoch, r + 1, rounds, roundWords,
                        pairs == 0 ? "-" : String.format("%.4f", loss / pairs),
                        String.format("%.2f", (done - roundStarted) / 1e9), String.format("%.2f", (done - merging) / 1e9),
                        rowsBack, String.format("%.2f", rowsBack / (2.0 * v * p)), 2 * v);
                if (checkpoints != null) {
                    checkpoints.save(step, wordsBefore, x, u, generators);
                }
            }
        }
        return new float[][] {x, u};
    }

    private static FloatMatrix matrix(float[] values, int v, int d) {
        FloatMatrix m = FloatMatrix.zeros(v, d);
        m.put(0, values, values.length);
        return m;
    }
}
