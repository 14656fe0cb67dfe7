package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.corpus.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corpora that cannot train anything, through {@link SkipGram#train} and both recipes: each is an
 * {@link IllegalArgumentException} saying why, before any vector is trained, never a hang or NaN.
 */
class UntrainableCorpusTest {

    @TempDir
    Path dir;

    private Corpus file(String name, String content) throws IOException {
        return Corpus.plainText(Files.writeString(dir.resolve(name), content));
    }

    private static SkipGramConfig word2vec(LossType loss) {
        return SkipGramConfig.word2vec().dimension(4).negatives(1).epochs(1).threads(1).loss(loss)
                .reportInterval(Duration.ofMinutes(1)).build();
    }

    private static SkipGramConfig cs224n(LossType loss) {
        return SkipGramConfig.cs224n().dimension(4).negatives(2).steps(10).loss(loss).build();
    }

    private static void assertRefused(Corpus corpus, SkipGramConfig config, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkipGram.train(corpus, config));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void emptyAndWhitespaceOnlyFiles(LossType loss) throws IOException {
        for (Corpus corpus : new Corpus[] {file("empty.txt", ""), file("blank.txt", "  \n\t\r\n\u00a0\n")}) {
            assertRefused(corpus, word2vec(loss), "no word occurs at least minCount = 5 times", "empty");
            assertRefused(corpus, cs224n(loss), "the corpus is empty");
        }
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void everyWordBelowMinCount(LossType loss) throws IOException {
        Corpus corpus = file("rare.txt", "a b c d\nd c b a\na b c d\n"); // each word 3 times
        assertRefused(corpus, word2vec(loss).toBuilder().minCount(4).build(), "minCount = 4");
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void aSingleWord(LossType loss) throws IOException {
        Corpus corpus = file("one.txt", "hello\n");
        assertRefused(corpus, word2vec(loss).toBuilder().minCount(1).build(), "a single word ('hello'");
        // the CS224n vocabulary adds UNK, so it fails for want of a context instead
        assertRefused(corpus, cs224n(loss), "no window has a context");
        assertRefused(file("same.txt", "hello hello hello\n"), cs224n(loss), "no window has a context");
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void sentencesOfOneWordEach(LossType loss) throws IOException {
        Corpus corpus = file("lines.txt", "alpha\nbeta\nalpha\nbeta\n");
        assertRefused(corpus, word2vec(loss).toBuilder().minCount(1).build(), "no sentence of the corpus has two words");
        assertRefused(corpus, cs224n(loss), "no window has a context");
    }

    @Test
    void negativesMustBeFewerThanTheWordsInTheWord2vecRecipe() throws IOException {
        assertRefused(file("three.txt", "a b c a b c\n"),
                word2vec(LossType.NEGATIVE_SAMPLING).toBuilder().minCount(1).negatives(3).build(), "K = 3", "V = 3");
    }

    @Test
    void aVectorLongerThanOneViewIsRefusedBeforeAllocating() throws IOException {
        Corpus corpus = file("ab.txt", "a b a b a b\n");
        SkipGramConfig huge = word2vec(LossType.NEGATIVE_SAMPLING).toBuilder().minCount(1).dimension(1 << 30).build();
        assertRefused(corpus, huge, "d = 1073741824 dimensions: a vector of more than 536870909 floats");
        assertRefused(corpus, cs224n(LossType.NAIVE_SOFTMAX).toBuilder().dimension(1 << 29).build(),
                "d = 536870912 dimensions");
    }

    /**
     * The real budget of this process, not an injected one: 20,000 words of 500,000,000 dimensions
     * need 80 TB for word2vec's two matrices, more than any machine this runs on has, so the check
     * must refuse them, naming the bytes, before anything is allocated.
     */
    @Test
    void aModelLargerThanMemoryIsRefusedBeforeAllocatingNamingTheBytes() throws IOException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            words.append('w').append(i).append(i % 20 == 19 ? '\n' : ' ');
        }
        Corpus corpus = file("many.txt", words.toString());
        int d = 500_000_000;
        assertRefused(corpus, word2vec(LossType.NEGATIVE_SAMPLING).toBuilder().minCount(1).dimension(d).build(),
                "the parameters of V = 20000 words of d = 500000000 dimensions (2·V·d floats) need 80000000000000"
                        + " bytes (74505.8 GiB) off the Java heap, but ");
        assertRefused(corpus, cs224n(LossType.NAIVE_SOFTMAX).toBuilder().dimension(d).build(),
                "V = 20001 words of d = 500000000 dimensions", "off the Java heap, but ");
    }

    @Test
    void aMissingCorpusNamesTheFile() {
        Corpus corpus = Corpus.plainText(dir.resolve("nowhere.txt"));
        for (SkipGramConfig config : new SkipGramConfig[] {word2vec(LossType.NEGATIVE_SAMPLING),
            cs224n(LossType.NEGATIVE_SAMPLING)}) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SkipGram.train(corpus, config));
            assertTrue(e.getMessage().contains("nowhere.txt") && e.getMessage().contains("not found"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void aTokenWithWhitespaceIsRefusedBeforeTrainingNotWhenSaving(LossType loss) {
        Corpus corpus = Corpus.of(List.of(List.of("a", "b", "a", "b", "a"), List.of("b", "new york", "a")));
        for (SkipGramConfig config : new SkipGramConfig[] {word2vec(loss), cs224n(loss)}) {
            List<TrainingReport> reports = new java.util.ArrayList<>();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SkipGram.train(corpus, config, reports::add));
            assertTrue(e.getMessage().contains("token 'new york' in sentence 2"), e.getMessage());
            assertTrue(reports.isEmpty(), "refused before training: " + reports.size() + " reports");
        }
    }
}
