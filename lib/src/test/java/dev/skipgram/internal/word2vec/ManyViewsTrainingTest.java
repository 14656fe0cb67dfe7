package dev.skipgram.internal.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.TrainingListener;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.internal.MatrixMemory;
import dev.skipgram.internal.MemoryBudget;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training through many small views of the parameters (7 floats a view with d = 3: two rows a
 * view) gives exactly the vectors and answers of training through one view; and the memory check
 * refuses, before allocating, what the injected budget cannot hold. Gigabyte matrices are not
 * needed to test either.
 */
class ManyViewsTrainingTest {

    private static final MatrixMemory ONE_VIEW = new MatrixMemory(MemoryBudget.unlimited(), FloatMatrix.MAX_VIEW_FLOATS);
    private static final MatrixMemory SEVEN_FLOATS = new MatrixMemory(MemoryBudget.unlimited(), 7);

    private static SkipGramConfig config(LossType loss) {
        return SkipGramConfig.word2vec().dimension(3).windowSize(2).negatives(3).minCount(1).epochs(2)
                .subsampleThreshold(0).threads(1).seed(5).loss(loss).reportInterval(Duration.ofMinutes(1)).build();
    }

    @ParameterizedTest
    @EnumSource(LossType.class)
    void manySmallViewsTrainExactlyAsOneView(LossType loss) {
        Corpus corpus = TestData.topicCorpus(300, 4);
        WordVectors one = Word2VecTrainer.train(corpus, config(loss), TrainingListener.NONE, ONE_VIEW);
        WordVectors many = Word2VecTrainer.train(corpus, config(loss), TrainingListener.NONE, SEVEN_FLOATS);
        assertEquals(one.vocabulary().words(), many.vocabulary().words());
        assertEquals(one.centerVectors(), many.centerVectors());
        assertEquals(one.outsideVectors().orElseThrow(), many.outsideVectors().orElseThrow());
        // the result's queries read its rows through the same small views
        for (String word : one.vocabulary().words()) {
            assertEquals(one.mostSimilar(word, 5), many.mostSimilar(word, 5), word);
        }
        String a = one.vocabulary().word(0);
        String b = one.vocabulary().word(1);
        String c = one.vocabulary().word(2);
        assertEquals(one.analogy(a, b, c, 4), many.analogy(a, b, c, 4));
        assertEquals(one.similarity(a, c), many.similarity(a, c));
    }

    @Test
    void sharedNegativesThroughManySmallViewsTrainExactlyAsThroughOne() {
        // the window kernel scatters its rows with its own addToRow, which must pick the right view too
        Corpus corpus = TestData.topicCorpus(300, 4);
        SkipGramConfig window = config(LossType.NEGATIVE_SAMPLING).toBuilder()
                .negativeSharing(NegativeSharing.WINDOW).build();
        WordVectors one = Word2VecTrainer.train(corpus, window, TrainingListener.NONE, ONE_VIEW);
        WordVectors many = Word2VecTrainer.train(corpus, window, TrainingListener.NONE, SEVEN_FLOATS);
        assertEquals(one.centerVectors(), many.centerVectors());
        assertEquals(one.outsideVectors().orElseThrow(), many.outsideVectors().orElseThrow());
    }

    @Test
    void aModelOverTheBudgetIsRefusedBeforeAllocatingNamingBytesAndTheLimitToRaise() {
        Corpus corpus = TestData.topicCorpus(30, 4); // 18 words
        // 2·18·3 floats = 432 bytes; a limit of 1,000 bytes of which 700 are used leaves 300
        MatrixMemory tight = new MatrixMemory(MemoryBudget.of(1_000, 700, 0), FloatMatrix.MAX_VIEW_FLOATS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Word2VecTrainer.train(corpus, config(LossType.NEGATIVE_SAMPLING), TrainingListener.NONE, tight));
        assertEquals("the parameters of V = 18 words of d = 3 dimensions (2·V·d floats) need 432 bytes (0.0 GiB) off"
                + " the Java heap, but JavaCPP allows this process 1000 bytes (0.0 GiB)"
                + " (-Dorg.bytedeco.javacpp.maxphysicalbytes) and it uses 700 bytes (0.0 GiB) already: raise it with"
                + " -Dorg.bytedeco.javacpp.maxphysicalbytes=2g (-Xmx does not hold these arrays, though the default"
                + " limit grows with it); or lower dimension, minCount or maxVocabularySize", e.getMessage());
        // the machine's available memory, when JavaCPP sets no limit
        MatrixMemory smallMachine = new MatrixMemory(MemoryBudget.of(0, 0, 400), FloatMatrix.MAX_VIEW_FLOATS);
        e = assertThrows(IllegalArgumentException.class, () -> Word2VecTrainer.train(corpus,
                config(LossType.NEGATIVE_SAMPLING), TrainingListener.NONE, smallMachine));
        assertTrue(e.getMessage().contains("need 432 bytes (0.0 GiB) off the Java heap, but the machine has 400 bytes"
                + " (0.0 GiB) of memory available"), e.getMessage());
        // exactly enough is enough
        Word2VecTrainer.train(corpus, config(LossType.NEGATIVE_SAMPLING), TrainingListener.NONE,
                new MatrixMemory(MemoryBudget.of(0, 0, 432), FloatMatrix.MAX_VIEW_FLOATS));
    }
}
