package dev.skipgram.spark;

import dev.skipgram.SkipGramConfig;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The child JVM of {@link DriverCheckpointTest}: trains {@link #CORPUS} on {@code local[2]} with a
 * checkpoint after every round in {@code holdfs:<directory>} ({@link HoldingFileSystem}), holding in
 * the middle of the write of checkpoint {@code <hold step>} until it is killed. Says
 * {@value #FINISHED} if it ever ends.
 */
public final class CheckpointingSparkChild {

    static final List<List<String>> CORPUS = TestCorpus.topics(1200, 5);
    static final SkipGramConfig CONFIG = SparkSkipGramTest.small().epochs(2).build();
    static final SparkOptions OPTIONS = SparkOptions.of(2).withRoundsPerEpoch(3);
    static final String FINISHED = "FINISHED";

    private CheckpointingSparkChild() {}

    /**
     * Runs the child.
     *
     * @param args the checkpoint directory (a local path) and the step whose checkpoint write holds
     */
    public static void main(String[] args) {
        System.setProperty(HoldingFileSystem.HOLD_AT,
                String.format(".checkpoint-%010d.sgd.tmp", Long.parseLong(args[1])));
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("CheckpointingSparkChild")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.hadoop.fs." + HoldingFileSystem.SCHEME + ".impl", HoldingFileSystem.class.getName());
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkSkipGram.train(spark.parallelize(CORPUS, 2), CONFIG,
                    OPTIONS.withCheckpointDirectory(HoldingFileSystem.SCHEME + ":" + args[0]));
        }
        System.out.println(FINISHED);
    }
}
