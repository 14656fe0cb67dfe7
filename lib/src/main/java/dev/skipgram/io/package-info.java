/**
 * Files: {@link dev.skipgram.io.Word2VecFormat}, the word2vec text and binary vector formats that
 * word2vec.c, gensim and fastText read and write, and {@link dev.skipgram.io.AtomicFile}, which
 * replaces a file all at once (vector files and checkpoints are written through it), follows
 * symbolic links, writes directly to devices and FIFOs, and never creates a missing directory.
 */
package dev.skipgram.io;
