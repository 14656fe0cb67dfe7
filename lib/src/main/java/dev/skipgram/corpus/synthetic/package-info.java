/**
 * A built-in corpus with known structure: {@link dev.skipgram.corpus.synthetic.SyntheticCorpus}
 * generates sentences about a toy world (countries with capitals and languages, nouns in the singular
 * and plural) deterministically from a seed, together with the analogy questions
 * ({@link dev.skipgram.corpus.synthetic.Relation}) that measure how much of that world trained vectors
 * recovered. It needs no download, so it serves as a demonstration and as a sanity test of training.
 */
package dev.skipgram.corpus.synthetic;
