/**
 * Distributed training of the word2vec recipe on Apache Spark: {@link dev.skipgram.spark.SparkSkipGram}
 * with {@link dev.skipgram.spark.SparkOptions}, and the Spark ML pair {@link
 * dev.skipgram.spark.SkipGramEstimator} / {@link dev.skipgram.spark.SkipGramModel} for a {@code
 * Pipeline}; {@link dev.skipgram.spark.Exchange} says how the rounds move the parameters. Spark is a
 * {@code provided} dependency: the cluster brings it.
 */
package dev.skipgram.spark;
