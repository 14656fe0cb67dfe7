/**
 * skipgram: word2vec skip-gram embeddings over ND4J arrays.
 *
 * <p>{@link dev.skipgram.SkipGram#train} turns a {@link dev.skipgram.corpus.Corpus} and a
 * {@link dev.skipgram.SkipGramConfig} into {@link dev.skipgram.WordVectors};
 * {@link dev.skipgram.SkipGram#windowLossAndGradient} is the model's loss over one window. The
 * sub-packages hold the pieces: {@code loss} (the pair losses), {@code optim} (SGD), {@code check}
 * (gradient checking), {@code corpus} (sentences and vocabulary) and {@code random} (checkpointable
 * generators). The trainers and their fused float kernels are package-private here.
 */
package dev.skipgram;
