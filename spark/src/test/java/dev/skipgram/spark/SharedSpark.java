package dev.skipgram.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} session for every test class of the module that needs one, since starting
 * Spark costs seconds and surefire runs the classes in one JVM. A class that needs another master
 * ({@link LocalClusterTest}) calls {@link #stop()} first; the next {@link #session()} starts a new one.
 * Used from the test thread only.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {}

    /** The shared {@code local[2]} session, started if needed. */
    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2]").appName("skipgram-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }

    /** The shared session's context. */
    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** Stops the shared session, if running, so that another context may start in this JVM. */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
