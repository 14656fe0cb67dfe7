/**
 * Checkpoints, independent of the training recipe: a {@link dev.skipgram.checkpoint.Checkpoint}
 * holds a step, the run's identity ({@link dev.skipgram.checkpoint.RunSettings}), the recipe's own
 * state ({@link dev.skipgram.checkpoint.RecipeState}) and the parameters, and
 * {@link dev.skipgram.checkpoint.CheckpointStore} writes them atomically in one checksummed binary
 * format and loads the newest intact one. {@link dev.skipgram.optim.Sgd} (the CS224n recipe) and the
 * word2vec recipe both checkpoint through it.
 */
package dev.skipgram.checkpoint;
