package dev.skipgram.spark;

import dev.skipgram.corpus.Vocabulary;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A vocabulary as plain arrays, for a broadcast: every executor rebuilds the {@link Vocabulary} (its
 * index) and, from the counts, the noise distribution and the subsampling probabilities, which are
 * deterministic functions of them.
 *
 * @param words the words in index order
 * @param counts their counts
 */
record VocabularyData(String[] words, long[] counts) implements Serializable {

    static VocabularyData of(Vocabulary vocabulary) {
        return new VocabularyData(vocabulary.words().toArray(new String[0]), vocabulary.counts());
    }

    Vocabulary toVocabulary() {
        return new Vocabulary(Arrays.asList(words), counts);
    }
}
