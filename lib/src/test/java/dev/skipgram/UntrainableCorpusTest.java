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
    void aModelTooLargeForOneArrayIsRefusedBeforeAllocating() throws IOException {
        Corpus corpus = file("ab.txt", "a b a b a b\n");
        SkipGramConfig huge = word2vec(LossType.NEGATIVE_SAMPLING).toBuilder().minCount(1).dimension(1 << 30).build();
        assertRefused(corpus, huge, "2·V·d = 4294967296", "d = 1073741824");
        assertRefused(corpus, cs224n(LossType.NAIVE_SOFTMAX).toBuilder().dimension(1 << 29).build(), "2·V·d");
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
