/**
 * The training flags shared by the commands that train word vectors, {@code skipgram train} and the
 * Spark entry point: the picocli mixin {@link dev.skipgram.options.Word2VecOptions}, its defaults
 * from the library ({@link dev.skipgram.options.Word2VecDefaults}), the spellings of the library's
 * enums ({@link dev.skipgram.options.Spellings}) and of its settings ({@link
 * dev.skipgram.options.Flags}). Here rather than in the library, which stays free of picocli.
 */
package dev.skipgram.options;
