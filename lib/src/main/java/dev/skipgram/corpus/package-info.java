/**
 * Where the words come from: {@link dev.skipgram.corpus.Corpus}, a restartable stream of tokenised
 * sentences (plain text, the Stanford Sentiment Treebank, in-memory lists), and
 * {@link dev.skipgram.corpus.Vocabulary}, the indexed words with their counts.
 */
package dev.skipgram.corpus;
