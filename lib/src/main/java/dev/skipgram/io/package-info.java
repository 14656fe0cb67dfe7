/**
 * Files: {@link dev.skipgram.io.Word2VecFormat}, the word2vec text and binary vector formats that
 * word2vec.c, gensim and fastText read and write.
 */
package dev.skipgram.io;
