/**
 * skipgram: word2vec skip-gram embeddings over ND4J arrays.
 *
 * <p>{@link dev.skipgram.SkipGram#train} turns a {@link dev.skipgram.corpus.Corpus} and a
 * {@link dev.skipgram.SkipGramConfig} into {@link dev.skipgram.WordVectors};
 * {@link dev.skipgram.SkipGram#windowLossAndGradient} is the model's loss over one window. The
 * sub-packages hold the pieces: {@code corpus} (sentences and vocabulary; {@code corpus.synthetic}, a
 * built-in corpus), {@code loss} (the pair losses), {@code optim} (SGD and checkpoints), {@code check}
 * (gradient checking), {@code io} (vector files), {@code eval} (analogy and similarity scores) and
 * {@code random} (checkpointable generators). The trainers and their fused float kernels are
 * package-private here.
 *
 * <p>Every public type states whether it is immutable or thread-safe and how it treats null. Which
 * types are stable and which may still change is listed in {@code docs/api.md}.
 */
package dev.skipgram;
