package example;

import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import java.util.ArrayList;
import java.util.List;

/** Trains word vectors on a few sentences with skipgram and asks for the nearest words. */
public final class Consumer {

    private Consumer() {}

    /** A few sentences, repeated: cats and dogs do the same things, as do tea and coffee. */
    static Corpus sentences() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add("the cat sat on the mat and the cat slept");
            lines.add("the dog sat on the rug and the dog slept");
            lines.add("we drink hot tea in the morning with milk");
            lines.add("we drink hot coffee in the morning with sugar");
        }
        return Corpus.ofLines(lines);
    }

    /** Trains with the word2vec recipe, small and seeded: one thread, so the result is reproducible. */
    static WordVectors train() {
        SkipGramConfig config = SkipGramConfig.word2vec()
                .dimension(20).windowSize(2).minCount(1).negatives(3).epochs(10).subsampleThreshold(0)
                .threads(1).seed(7)
                .build();
        return SkipGram.train(sentences(), config);
    }

    /**
     * Prints the nearest words of a few probes.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        WordVectors vectors = train();
        for (String word : List.of("cat", "tea")) {
            System.out.println(word + " -> " + vectors.mostSimilar(word, 3));
        }
    }
}
