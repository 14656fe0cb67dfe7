package dev.skipgram.bench;

import dev.skipgram.loss.NoiseDistribution;
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
 * Draws per second of {@link NoiseDistribution#sample}, the alias method over P_n(w) ∝ count(w)^0.75
 * with Zipf counts ({@link SyntheticData#zipfCounts}). A draw is two random numbers and two table
 * reads, so it should not depend on V until the tables ({@code 12·V} bytes) leave the cache.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.QUIET_LOGS})
public class NoiseSamplingBenchmark {

    /** The distribution and the generator of one trial. */
    @State(Scope.Thread)
    public static class Sampler {

        /** V, the vocabulary size. */
        @Param({"1000", "10000", "100000"})
        public int V;

        NoiseDistribution noise;
        RestorableRandom rng;

        /** Builds the distribution and seeds the generator. */
        @Setup(Level.Trial)
        public void setUp() {
            noise = new NoiseDistribution(SyntheticData.zipfCounts(V));
            rng = RestorableRandom.seeded(SyntheticData.SEED);
        }
    }

    /**
     * One draw.
     *
     * @param s the trial's distribution and generator
     * @return the word drawn, consumed by JMH
     */
    @Benchmark
    public int sample(Sampler s) {
        return s.noise.sample(s.rng);
    }
}
