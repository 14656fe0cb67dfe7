/**
 * JMH benchmarks of skipgram's public API: the reference losses ({@link
 * dev.skipgram.bench.ReferenceLossBenchmark}), the noise distribution ({@link
 * dev.skipgram.bench.NoiseSamplingBenchmark}), training throughput ({@link
 * dev.skipgram.bench.TrainingThroughputBenchmark}) and the cost of the pair rotation itself ({@link
 * dev.skipgram.bench.BaselineBenchmark}), with the seeded synthetic inputs they share ({@link
 * dev.skipgram.bench.SyntheticData}). The benchmarks of the package-private fast kernels live in
 * package {@code dev.skipgram} of this module. {@code docs/benchmarks.md} explains the method and
 * holds the results.
 */
package dev.skipgram.bench;
