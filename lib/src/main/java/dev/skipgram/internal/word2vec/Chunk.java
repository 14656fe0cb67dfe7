package dev.skipgram.internal.word2vec;

/**
 * A unit of work for the workers: about {@value ChunkFeeder#CHUNK_WORDS} encoded words, whole
 * sentences. Sentence s is {@code words[ends[s − 1], ends[s])} (from 0 for the first).
 *
 * @param words word indices, all in the vocabulary
 * @param ends the end of each sentence in {@code words}, increasing
 * @param raw in-vocabulary words read for this chunk, before subsampling (what progress counts)
 */
record Chunk(int[] words, int[] ends, long raw) {

    /** Tells a worker that the epoch has no more chunks. */
    static final Chunk END = new Chunk(new int[0], new int[0], 0);
}
