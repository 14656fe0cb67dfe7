package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkSkipGram#train} on a real multi-process cluster on loopback: {@code local-cluster[2,1,1024]},
 * two executor JVMs started by an in-process master and workers, so the parameters are serialised
 * copies, not shared memory. With either exchange an executor is killed in the middle of training: it
 * loses its tasks and cached chunks, Spark reruns them (one round's tasks, or the direct exchange's
 * whole stage, which resumes from the driver's last merged round), and the result is, bit for bit,
 * the same run's on {@code local[2]} in this JVM (a round depends only on the merged parameters, the
 * generators and the sentences).
 */
@Order(Integer.MAX_VALUE) // last: it stops the shared local[2] session (junit-platform.properties)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {

    private static JavaSparkContext jsc;
    private static WordVectors reference; // the same run on local[2]
    private static final List<List<String>> CORPUS = TestCorpus.topics(4000, 9);
    private static final SkipGramConfig CONFIG = SparkSkipGramTest.small().epochs(2).build();
    private static final SparkOptions OPTIONS = SparkOptions.of(2).withRoundsPerEpoch(2);

    @BeforeAll
    static void start() throws IOException {
        reference = SparkSkipGram.train(SharedSpark.context().parallelize(CORPUS, 2), CONFIG,
                OPTIONS.withExchange(Exchange.BROADCAST));
        SharedSpark.stop(); // one context per JVM: the cluster's takes its place
        // The launcher that builds an executor's command line wants $SPARK_HOME/jars (set by the pom).
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("LocalClusterTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.memory", "1024m")
                // C1 only: the executors start and run a small job, where C2's compilations cost more
                // CPU than they save on 2 cores (Java's float arithmetic is the same in both)
                .set("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.hadoop.fs." + KillingFileSystem.SCHEME + ".impl", KillingFileSystem.class.getName());
        jsc = new JavaSparkContext(conf);
    }

    /** Waits until both executors have registered (a barrier stage needs both slots at once). */
    private static void awaitBothExecutors() throws InterruptedException {
        for (int i = 0; i < 600 && jsc.sc().statusTracker().getExecutorInfos().length < 3; i++) {
            Thread.sleep(100); // the executors and the driver
        }
        assertEquals(3, jsc.sc().statusTracker().getExecutorInfos().length, "the driver and two executors");
    }

    @AfterAll
    static void stop() {
        jsc.stop();
    }

    private static float[] values(WordVectors v) {
        return v.centerVectors().data().asFloat();
    }

    @Test
    @Order(1)
    void anExecutorKilledMidTrainingLeavesTheDirectExchangesResultUnchanged(@TempDir Path dir)
            throws InterruptedException {
        awaitBothExecutors();
        StageAttempts attempts = new StageAttempts();
        jsc.sc().addSparkListener(attempts);
        int before = KillingFileSystem.KILLED.get();
        WordVectors disturbed;
        try {
            disturbed = SparkSkipGram.train(jsc.parallelize(CORPUS, 2), CONFIG, OPTIONS.withExchange(Exchange.DIRECT)
                    .withCheckpointDirectory(KillingFileSystem.SCHEME + ":" + dir));
        } finally {
            jsc.sc().removeSparkListener(attempts);
        }
        assertEquals(before + 1, KillingFileSystem.KILLED.get(), "executors killed");
        assertTrue(attempts.retried.get() >= 1, "Spark reran the training stage");
        assertArrayEquals(values(reference), values(disturbed));
        assertArrayEquals(reference.outsideVectors().orElseThrow().data().asFloat(),
                disturbed.outsideVectors().orElseThrow().data().asFloat());
    }

    @Test
    @Order(2)
    void anExecutorKilledMidTrainingLeavesTheBroadcastResultUnchanged() {
        WordVectors undisturbed = reference;
        assertEquals(36, undisturbed.vocabulary().size());
        Killer killer = new Killer();
        jsc.sc().addSparkListener(killer);
        WordVectors disturbed;
        try {
            disturbed = SparkSkipGram.train(jsc.parallelize(CORPUS, 2), CONFIG,
                    OPTIONS.withExchange(Exchange.BROADCAST));
        } finally {
            jsc.sc().removeSparkListener(killer);
        }
        assertEquals(1, killer.killed.get(), "executors killed");
        assertTrue(killer.removed.get() >= 1, "Spark noticed the lost executor");
        assertArrayEquals(values(undisturbed), values(disturbed));
        assertArrayEquals(undisturbed.outsideVectors().orElseThrow().data().asFloat(),
                disturbed.outsideVectors().orElseThrow().data().asFloat());
    }

    /** Counts the stage attempts after the first (a stage Spark reran). */
    private static final class StageAttempts extends SparkListener {
        final AtomicInteger retried = new AtomicInteger();

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted event) {
            if (event.stageInfo().attemptNumber() > 0) {
                retried.incrementAndGet();
            }
        }
    }

    /**
     * Kills, with SIGKILL, the executor that starts the first task of the third training round
     * (the jobs of {@code ShareTask}), once.
     */
    private static final class Killer extends SparkListener {
        final AtomicInteger killed = new AtomicInteger();
        final AtomicInteger removed = new AtomicInteger();
        private final AtomicInteger roundStages = new AtomicInteger();
        private volatile int targetStage = -1;

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted event) {
            if (event.stageInfo().details().contains("BroadcastExchange.train")
                    && roundStages.incrementAndGet() == 3) {
                targetStage = event.stageInfo().stageId();
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart event) {
            if (event.stageId() == targetStage && killed.get() == 0) {
                String id = event.taskInfo().executorId();
                Optional<ProcessHandle> executor = ProcessHandle.current().descendants()
                        .filter(p -> KillingFileSystem.executorId(p.pid()).equals(Optional.of(id)))
                        .findFirst();
                executor.ifPresent(p -> {
                    p.destroyForcibly();
                    killed.incrementAndGet();
                });
            }
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
            removed.incrementAndGet();
        }
    }
}
