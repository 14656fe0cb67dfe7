/**
 * Optimisation: the {@link dev.skipgram.optim.Objective} abstraction (a value and its gradient) and
 * {@link dev.skipgram.optim.Sgd}, stochastic gradient descent with annealing, a smoothed-loss
 * listener and resumable checkpoints (written through {@link dev.skipgram.checkpoint.CheckpointStore}).
 */
package dev.skipgram.optim;
