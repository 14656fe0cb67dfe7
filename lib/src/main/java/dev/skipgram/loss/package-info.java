/**
 * The skip-gram losses of one (centre, outside) pair and their gradients: {@link
 * dev.skipgram.loss.NaiveSoftmaxLoss} (exact, O(V·d)), {@link dev.skipgram.loss.NegativeSamplingLoss}
 * (O(K·d)) and {@link dev.skipgram.loss.HierarchicalSoftmaxLoss} (exact, O(d·log V)) behind the {@link
 * dev.skipgram.loss.Loss} interface, with the noise distribution that negative sampling draws from.
 * The formulas are derived in {@code docs/math.md}.
 */
package dev.skipgram.loss;
