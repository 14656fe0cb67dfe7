package dev.skipgram.bench;

import dev.skipgram.random.RestorableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every cost-per-pair figure: one step of the {@link PairRotation} and the read of
 * its pair, with no loss. A loss measured near this value would be measuring the harness.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class BaselineBenchmark {

    /** The rotation the loss benchmarks use, over the pairs of a small vocabulary. */
    @State(Scope.Thread)
    public static class Rotation {

        /** V, the vocabulary the pairs are drawn from; it does not change the cost. */
        @Param({"1000"})
        public int V;

        PairRotation pairs;

        /** Draws the pairs from the fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            pairs = SyntheticData.pairs(1 << 16, V, RestorableRandom.seeded(SyntheticData.SEED));
        }
    }

    /**
     * Steps the rotation and reads the pair.
     *
     * @param r the rotation
     * @return both words, combined so that neither read is dead code
     */
    @Benchmark
    public int baseline(Rotation r) {
        int i = r.pairs.next();
        return r.pairs.center(i) ^ r.pairs.outside(i);
    }
}
