package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of {@link SkipGramConfig} out of range: refused when built, naming the field and the value. */
class SkipGramConfigValidationTest {

    private static Arguments bad(String field, String value, UnaryOperator<SkipGramConfig.Builder> change) {
        return Arguments.of(field, value, change);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("recipe", "null", b -> b.recipe(null)),
                bad("model", "null", b -> b.model(null)),
                bad("loss", "null", b -> b.loss(null)),
                bad("dimension", "0", b -> b.dimension(0)),
                bad("dimension", "-3", b -> b.dimension(-3)),
                bad("windowSize", "0", b -> b.windowSize(0)),
                bad("windowSize", "-1", b -> b.windowSize(-1)),
                bad("negatives", "0", b -> b.negatives(0)),
                bad("negatives", "-5", b -> b.negatives(-5)),
                bad("noiseExponent", "-0.5", b -> b.noiseExponent(-0.5)),
                bad("noiseExponent", "NaN", b -> b.noiseExponent(Double.NaN)),
                bad("noiseExponent", "Infinity", b -> b.noiseExponent(Double.POSITIVE_INFINITY)),
                bad("subsampleThreshold", "-0.001", b -> b.subsampleThreshold(-0.001)),
                bad("subsampleThreshold", "NaN", b -> b.subsampleThreshold(Double.NaN)),
                bad("subsampleThreshold", "Infinity", b -> b.subsampleThreshold(Double.POSITIVE_INFINITY)),
                bad("learningRate", "0.0", b -> b.learningRate(0)),
                bad("learningRate", "-0.025", b -> b.learningRate(-0.025)),
                bad("learningRate", "NaN", b -> b.learningRate(Double.NaN)),
                bad("learningRate", "Infinity", b -> b.learningRate(Double.POSITIVE_INFINITY)),
                bad("steps", "-1", b -> b.steps(-1)),
                bad("windowsPerStep", "0", b -> b.windowsPerStep(0)),
                bad("annealFactor", "0.0", b -> b.anneal(0, 10)),
                bad("annealFactor", "1.5", b -> b.anneal(1.5, 10)),
                bad("annealFactor", "NaN", b -> b.anneal(Double.NaN, 10)),
                bad("annealEvery", "0", b -> b.anneal(0.5, 0)),
                bad("reportEvery", "0", b -> b.reportEvery(0)),
                bad("epochs", "0", b -> b.epochs(0)),
                bad("epochs", "-2", b -> b.epochs(-2)),
                bad("minCount", "0", b -> b.minCount(0)),
                bad("maxVocabularySize", "0", b -> b.maxVocabularySize(0)),
                bad("minLearningRate", "-1.0E-4", b -> b.minLearningRate(-1e-4)),
                bad("minLearningRate", "NaN", b -> b.minLearningRate(Double.NaN)),
                bad("minLearningRate", "0.5", b -> b.learningRate(0.1).minLearningRate(0.5)),
                bad("threads", "0", b -> b.threads(0)),
                bad("threads", "-4", b -> b.threads(-4)),
                bad("reportInterval", "null", b -> b.reportInterval(null)),
                bad("reportInterval", "PT0S", b -> b.reportInterval(Duration.ZERO)),
                bad("reportInterval", "PT-1S", b -> b.reportInterval(Duration.ofSeconds(-1))),
                bad("checkpointEvery", "0", b -> b.checkpoints(Path.of("ckpt"), 0)),
                bad("checkpointEvery", "-1", b -> b.checkpoints(null, -1)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void everyFieldOutOfRangeIsRefusedNamingTheFieldAndTheValue(String field, String value,
            UnaryOperator<SkipGramConfig.Builder> change) {
        for (SkipGramConfig.Builder preset : List.of(SkipGramConfig.cs224n(), SkipGramConfig.word2vec())) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> change.apply(preset).build());
            if (value.equals("null")) {
                assertTrue(e instanceof NullPointerException && field.equals(e.getMessage()),
                        "a null " + field + " should be an NPE naming it, got " + e);
            } else {
                assertTrue(e instanceof IllegalArgumentException, e.toString());
                assertTrue(e.getMessage().startsWith(field + " ") && e.getMessage().contains(value),
                        "the message should name " + field + " and " + value + ": " + e.getMessage());
            }
        }
    }

    @Test
    void everyValidatedFieldHasACase() {
        Set<String> covered = new HashSet<>();
        badValues().forEach(a -> covered.add((String) a.get()[0]));
        // seed takes every long, no checkpoint directory (null) means no checkpoints, and a builder's
        // null negativeSharing means the loss's default (negativeSharingFollowsTheLossUnlessSet)
        Set<String> free = Set.of("seed", "checkpointDirectory", "negativeSharing");
        for (var component : SkipGramConfig.class.getRecordComponents()) {
            String name = component.getName();
            assertTrue(covered.contains(name) || free.contains(name), name + " has no out-of-range case");
        }
        assertTrue(covered.size() + free.size() == SkipGramConfig.class.getRecordComponents().length,
                "cases name fields that do not exist: " + covered + " vs "
                        + Arrays.toString(SkipGramConfig.class.getRecordComponents()));
    }

    @Test
    void cbowIsTheWord2vecRecipesOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGramConfig.cs224n().model(Model.CBOW).build());
        assertEquals("model = CBOW needs the WORD2VEC recipe, got CS224N (the CS224n assignment trains skip-gram"
                + " only)", e.getMessage());
        assertEquals(Model.SKIP_GRAM, SkipGramConfig.cs224n().build().model());
        assertEquals(Model.SKIP_GRAM, SkipGramConfig.word2vec().build().model());
        assertDoesNotThrow(() -> SkipGramConfig.word2vec().model(Model.CBOW).build());
        e = assertThrows(IllegalArgumentException.class,
                () -> SkipGramConfig.word2vec().model(Model.CBOW).loss(LossType.NAIVE_SOFTMAX).build());
        assertTrue(e.getMessage().startsWith("model = CBOW trains with NEGATIVE_SAMPLING or HIERARCHICAL_SOFTMAX, got loss = NAIVE_SOFTMAX"),
                e.getMessage());
    }

    @Test
    void negativeSharingFollowsTheLossUnlessSet() {
        // word2vec: HogBatch with negative sampling (and the softmax, which ignores it), word2vec.c's
        // per-pair step with hierarchical softmax
        assertEquals(NegativeSharing.WINDOW, SkipGramConfig.word2vec().build().negativeSharing());
        assertEquals(NegativeSharing.PAIR,
                SkipGramConfig.word2vec().loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
        assertEquals(NegativeSharing.WINDOW,
                SkipGramConfig.word2vec().loss(LossType.NAIVE_SOFTMAX).build().negativeSharing());
        assertEquals(NegativeSharing.PAIR, SkipGramConfig.word2vec().model(Model.CBOW)
                .loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
        // a value set is kept, whatever the loss; null restores the default
        assertEquals(NegativeSharing.WINDOW, SkipGramConfig.word2vec().loss(LossType.HIERARCHICAL_SOFTMAX)
                .negativeSharing(NegativeSharing.WINDOW).build().negativeSharing());
        assertEquals(NegativeSharing.PAIR,
                SkipGramConfig.word2vec().negativeSharing(NegativeSharing.PAIR).build().negativeSharing());
        SkipGramConfig.Builder b = SkipGramConfig.word2vec().negativeSharing(NegativeSharing.PAIR).negativeSharing(null);
        assertEquals(NegativeSharing.WINDOW, b.build().negativeSharing());
        assertEquals(NegativeSharing.PAIR, b.loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
        // CS224n has only the per-pair step
        assertEquals(NegativeSharing.PAIR, SkipGramConfig.cs224n().negativeSharing(null).build().negativeSharing());
        assertEquals(NegativeSharing.PAIR,
                SkipGramConfig.cs224n().loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
        // toBuilder holds the built value: a new loss keeps it unless reset
        SkipGramConfig ns = SkipGramConfig.word2vec().build();
        assertEquals(NegativeSharing.WINDOW,
                ns.toBuilder().loss(LossType.HIERARCHICAL_SOFTMAX).build().negativeSharing());
        assertEquals(NegativeSharing.PAIR, ns.toBuilder().loss(LossType.HIERARCHICAL_SOFTMAX)
                .negativeSharing(null).build().negativeSharing());
        // the record itself has no default
        NullPointerException e = assertThrows(NullPointerException.class, () -> new SkipGramConfig(ns.recipe(),
                ns.model(), ns.loss(), ns.dimension(), ns.windowSize(), ns.negatives(), null, ns.noiseExponent(),
                ns.subsampleThreshold(), ns.learningRate(), ns.seed(), ns.steps(), ns.windowsPerStep(),
                ns.annealFactor(), ns.annealEvery(), ns.reportEvery(), ns.epochs(), ns.minCount(),
                ns.maxVocabularySize(), ns.minLearningRate(), ns.threads(), ns.reportInterval(),
                ns.checkpointEvery(), ns.checkpointDirectory()));
        assertEquals("negativeSharing", e.getMessage());
    }

    @Test
    void theBoundariesThemselvesAreAccepted() {
        assertDoesNotThrow(() -> SkipGramConfig.word2vec().dimension(1).windowSize(1).negatives(1).noiseExponent(0)
                .subsampleThreshold(0).learningRate(Double.MIN_VALUE).minLearningRate(0).epochs(1).minCount(1)
                .maxVocabularySize(1).threads(1).reportInterval(Duration.ofNanos(1)).checkpoints(null, 1)
                .seed(Long.MIN_VALUE).build());
        assertDoesNotThrow(() -> SkipGramConfig.word2vec().negativeSharing(NegativeSharing.WINDOW).build());
        // the word2vec preset shares negatives by default, and its softmax ignores the setting
        assertEquals(NegativeSharing.WINDOW, SkipGramConfig.word2vec().build().negativeSharing());
        assertDoesNotThrow(() -> SkipGramConfig.word2vec().loss(LossType.NAIVE_SOFTMAX).build());
        // shared negatives exist only in the word2vec recipe
        assertEquals(NegativeSharing.PAIR, SkipGramConfig.cs224n().build().negativeSharing());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipGramConfig.cs224n().negativeSharing(NegativeSharing.WINDOW).build());
        assertTrue(e.getMessage().contains("negativeSharing = WINDOW needs the WORD2VEC recipe, got CS224N"),
                e.getMessage());
        assertDoesNotThrow(() -> SkipGramConfig.cs224n().steps(0).windowsPerStep(1).anneal(1, 1).reportEvery(1)
                .learningRate(0.1).minLearningRate(0.1).build());
    }
}
