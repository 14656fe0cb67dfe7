package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.checkpoint.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** One vocabulary of setting names: {@link SkipGramConfig#toProperties()}, {@code of} and the run settings. */
class SkipGramConfigPropertiesTest {

    private static final SkipGramConfig WORD2VEC = SkipGramConfig.word2vec().loss(LossType.NAIVE_SOFTMAX)
            .dimension(37).windowSize(3).negatives(7).noiseExponent(0.5).subsampleThreshold(1.0 / 3)
            .learningRate(0.0123456789).seed(-42).epochs(2).minCount(1).maxVocabularySize(999)
            .minLearningRate(1e-7).threads(3).reportInterval(Duration.ofMillis(250))
            .checkpoints(Path.of("some dir/ckpt"), 1234).build();
    private static final SkipGramConfig CS224N = SkipGramConfig.cs224n().dimension(12).steps(77).windowsPerStep(9)
            .anneal(0.25, 11).reportEvery(3).learningRate(Math.PI).seed(Long.MAX_VALUE).build();

    @Test
    void propertiesReadBackToAnEqualConfigInBothRecipes() {
        for (SkipGramConfig c : new SkipGramConfig[] {WORD2VEC, CS224N, SkipGramConfig.word2vec().build(),
                SkipGramConfig.cs224n().build(), SkipGramConfig.word2vec().negativeSharing(NegativeSharing.WINDOW).build()}) {
            assertEquals(c, SkipGramConfig.of(c.toProperties()), c.toProperties().toString());
        }
        assertEquals("37", WORD2VEC.toProperties().getProperty("dimension"));
        assertEquals("NAIVE_SOFTMAX", WORD2VEC.toProperties().getProperty("loss"));
        assertEquals("WINDOW", WORD2VEC.toProperties().getProperty("negativeSharing")); // the preset's
        assertEquals("PT0.25S", WORD2VEC.toProperties().getProperty("reportInterval"));
        assertFalse(CS224N.toProperties().containsKey("checkpointDirectory"), "checkpoints off: no key");
    }

    @Test
    void missingSettingsTakeTheRecipesPreset() {
        Properties p = new Properties();
        p.setProperty("recipe", "WORD2VEC");
        p.setProperty("dimension", "50");
        assertEquals(SkipGramConfig.word2vec().dimension(50).build(), SkipGramConfig.of(p));
    }

    @Test
    void unknownKeysAndBadValuesAreNamedWithTheirValue() {
        Properties p = WORD2VEC.toProperties();
        p.setProperty("dimensions", "50");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.of(p));
        assertTrue(e.getMessage().contains("unknown setting 'dimensions' = '50'"), e.getMessage());

        assertBad("dimension", "ten", "setting dimension = 'ten' is not an integer");
        assertBad("learningRate", "fast", "setting learningRate = 'fast' is not a number");
        assertBad("loss", "HIERARCHICAL", "setting loss = 'HIERARCHICAL' is not one of");
        assertBad("negativeSharing", "BATCH", "setting negativeSharing = 'BATCH' is not one of [PAIR, WINDOW]");
        Properties cs224nWindow = CS224N.toProperties();
        cs224nWindow.setProperty("negativeSharing", "WINDOW");
        e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.of(cs224nWindow));
        assertTrue(e.getMessage().contains("negativeSharing = WINDOW needs the WORD2VEC recipe, got CS224N"),
                e.getMessage());
        assertBad("recipe", "GLOVE", "setting recipe = 'GLOVE' is not one of");
        assertBad("reportInterval", "2s", "setting reportInterval = '2s' is not an ISO-8601 duration");
        assertBad("dimension", "0", "dimension must be >= 1, got 0");
        Properties noRecipe = WORD2VEC.toProperties();
        noRecipe.remove("recipe");
        e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.of(noRecipe));
        assertTrue(e.getMessage().contains("setting 'recipe' is missing"), e.getMessage());
    }

    private static void assertBad(String key, String value, String message) {
        Properties p = WORD2VEC.toProperties();
        p.setProperty(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SkipGramConfig.of(p));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void runSettingsAreTheRecipesIdentityUnderTheSameNames() {
        RunSettings w = WORD2VEC.runSettings();
        assertEquals("recipe=WORD2VEC, loss=NAIVE_SOFTMAX, dimension=37, windowSize=3, negatives=7,"
                + " negativeSharing=WINDOW, noiseExponent=0.5, subsampleThreshold=0.3333333333333333, learningRate=0.0123456789,"
                + " seed=-42, epochs=2, minCount=1,"
                + " maxVocabularySize=999, minLearningRate=1.0E-7", w.toString());
        RunSettings c = CS224N.runSettings();
        assertEquals("recipe=CS224N, loss=NEGATIVE_SAMPLING, dimension=12, windowSize=5, negatives=10,"
                + " noiseExponent=0.75, subsampleThreshold=1.0E-5, learningRate=3.141592653589793,"
                + " seed=9223372036854775807, windowsPerStep=9, annealFactor=0.25, annealEvery=11", c.toString());
        Properties all = WORD2VEC.toProperties();
        w.pairs().forEach((k, v) -> assertEquals(all.getProperty(k), v, k));
        // the thread count and how reports and checkpoints are made do not change what a run is
        assertEquals(w, WORD2VEC.toBuilder().threads(1).reportInterval(Duration.ofSeconds(9)).checkpoints(null)
                .build().runSettings());
        assertEquals(c, CS224N.toBuilder().steps(1000).reportEvery(1).build().runSettings());
    }

    @Test
    void theModelIsInTheRunSettingsOnlyWhenItIsCbowSoOlderCheckpointsResumeAsSkipGram() {
        // a checkpoint written before the setting existed records no model: a skip-gram run's settings
        // are exactly what they were then
        assertFalse(WORD2VEC.runSettings().pairs().containsKey("model"));
        assertEquals("SKIP_GRAM", WORD2VEC.toProperties().getProperty("model"));
        SkipGramConfig cbow = WORD2VEC.toBuilder().model(Model.CBOW).loss(LossType.NEGATIVE_SAMPLING).build();
        assertEquals("CBOW", cbow.runSettings().pairs().get("model"));
        SkipGramConfig skipGram = cbow.toBuilder().model(Model.SKIP_GRAM).build();
        assertEquals("model = CBOW (checkpoint: not recorded)",
                cbow.runSettings().differencesFrom(skipGram.runSettings()));
        assertEquals("model not set (checkpoint: CBOW)", skipGram.runSettings().differencesFrom(cbow.runSettings()));
        assertEquals(cbow, SkipGramConfig.of(cbow.toProperties()));
        Properties older = WORD2VEC.toProperties();
        older.remove("model");
        assertEquals(Model.SKIP_GRAM, SkipGramConfig.of(older).model());
        assertBad("model", "BAG_OF_WORDS", "setting model = 'BAG_OF_WORDS' is not one of [SKIP_GRAM, CBOW]");
    }

    @Test
    @SuppressWarnings("removal")
    void theRecipeOfABuilderIsTheOneItsDefaultsBelongTo() {
        // cs224n().recipe(WORD2VEC) used to train word2vec with CS224n's d = 10 and learning rate 0.3
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SkipGramConfig.cs224n().recipe(Recipe.WORD2VEC));
        assertTrue(e.getMessage().contains("start from SkipGramConfig.word2vec()"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> SkipGramConfig.word2vec().build().toBuilder().recipe(Recipe.CS224N));
        assertTrue(e.getMessage().contains("start from SkipGramConfig.cs224n()"), e.getMessage());
        assertEquals(SkipGramConfig.word2vec().build(), SkipGramConfig.word2vec().recipe(Recipe.WORD2VEC).build());
        assertEquals(SkipGramConfig.cs224n().build(), SkipGramConfig.builder().build());
    }
}
