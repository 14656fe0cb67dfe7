/**
 * Intrinsic evaluation, computed as gensim and word2vec's {@code compute-accuracy} compute it: analogy
 * accuracy ({@link dev.skipgram.eval.Evaluation#analogies}) and word-similarity rank correlation
 * ({@link dev.skipgram.eval.Evaluation#similarity}).
 */
package dev.skipgram.eval;
