package dev.skipgram.spark;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.internal.word2vec.PartitionTraining;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@link Exchange#BROADCAST}: one Spark job a round ({@link ShareTask}), X and U broadcast whole.
 */
final class BroadcastExchange implements RoundExchange {

    private final JavaSparkContext spark;
    private final SkipGramConfig config;
    private final Broadcast<VocabularyData> words;
    private final JavaRDD<PartitionTraining.Chunks> chunks;

    BroadcastExchange(JavaSparkContext spark, SkipGramConfig config, Broadcast<VocabularyData> words,
            JavaRDD<PartitionTraining.Chunks> chunks) {
        this.spark = spark;
        this.config = config;
        this.words = words;
        this.chunks = chunks;
    }

    @Override
    public List<ShareResult> train(Round round, float[] x, float[] u, byte[][][] generators) {
        Broadcast<Parameters> parameters = spark.broadcast(new Parameters(x, u));
        try {
            List<ShareResult> results = new ArrayList<>(chunks.mapPartitionsWithIndex(new ShareTask(config, words,
                    parameters, round.from(), round.to(), round.wordsBefore(), round.scale(), generators), true)
                    .collect());
            results.sort(Comparator.comparingInt(ShareResult::partition));
            return results;
        } finally {
            parameters.destroy();
        }
    }

    @Override
    public void close() {
        // every round's job has ended and its broadcast is destroyed
    }
}
