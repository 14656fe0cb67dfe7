/**
 * Distributed training of the word2vec recipe on Apache Spark: {@link dev.skipgram.spark.SparkSkipGram}
 * with {@link dev.skipgram.spark.SparkOptions}. Spark is a {@code provided} dependency: the cluster
 * brings it.
 */
package dev.skipgram.spark;
