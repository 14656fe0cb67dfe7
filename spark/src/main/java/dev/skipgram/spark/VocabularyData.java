package dev.skipgram.spark;

import dev.skipgram.corpus.Vocabulary;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Words and their counts as plain arrays, as they travel between the driver and the executors: each
 * partition's distinct words in order of first occurrence with their counts there (collected to
 * the driver), and the vocabulary (broadcast: every executor rebuilds the {@link Vocabulary}, its
 * index, and from the counts the noise distribution and the subsampling probabilities, which are
 * deterministic functions of them).
 *
 * <p>A class, not a record: Spark's Kryo serializer ({@code spark.serializer}, which many
 * applications set) cannot write a record ({@link WireFormatTest}).
 */
final class VocabularyData implements Serializable {

    private static final long serialVersionUID = 1L;
    private final String[] words; // in index order
    private final long[] counts;

    VocabularyData(String[] words, long[] counts) {
        this.words = words;
        this.counts = counts;
    }

    String[] words() {
        return words;
    }

    long[] counts() {
        return counts;
    }

    static VocabularyData of(Vocabulary vocabulary) {
        return new VocabularyData(vocabulary.words().toArray(new String[0]), vocabulary.counts());
    }

    Vocabulary toVocabulary() {
        return new Vocabulary(Arrays.asList(words), counts);
    }
}
