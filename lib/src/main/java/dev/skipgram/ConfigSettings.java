package dev.skipgram;

import dev.skipgram.checkpoint.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The one vocabulary of setting names: each {@link SkipGramConfig} setting, its name (written nowhere
 * else), how it is written as text and read back, and of which recipes' resume identity it is part.
 * Behind {@link SkipGramConfig#toProperties()}, {@link SkipGramConfig#of(Properties)} and
 * {@link SkipGramConfig#runSettings()}. Stateless.
 */
final class ConfigSettings {

    private ConfigSettings() {}

    static Properties toProperties(SkipGramConfig config) {
        Properties p = new Properties();
        for (Setting s : SETTINGS) {
            String v = s.get.apply(config);
            if (v != null) {
                p.setProperty(s.name, v);
            }
        }
        return p;
    }

    static SkipGramConfig of(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        String recipeName = properties.getProperty(RECIPE);
        if (recipeName == null) {
            throw new IllegalArgumentException("setting '" + RECIPE + "' is missing: it chooses the defaults of"
                    + " every other setting (" + Arrays.toString(Recipe.values()) + ")");
        }
        SkipGramConfig.Builder b = switch (parseEnum(Recipe.class, RECIPE, recipeName)) {
            case CS224N -> SkipGramConfig.cs224n();
            case WORD2VEC -> SkipGramConfig.word2vec();
        };
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            byName.put(s.name, s);
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            Setting s = byName.get(key);
            if (s == null) {
                throw new IllegalArgumentException("unknown setting '" + key + "' = '" + value
                        + "'; the settings are " + byName.keySet());
            }
            if (!key.equals(RECIPE)) {
                s.set.accept(b, value);
            }
        }
        return b.build();
    }

    static RunSettings runSettings(SkipGramConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            String value = s.get.apply(config);
            if ((s.identity == Identity.BOTH || s.identity.name().equals(config.recipe().name()))
                    && !value.equals(s.absentBefore)) {
                m.put(s.name, value);
            }
        }
        return new RunSettings(m);
    }

    private static final String RECIPE = "recipe";

    /** Of which recipes' {@link #runSettings()} a setting is part. */
    private enum Identity { BOTH, CS224N, WORD2VEC, NONE }

    /**
     * One setting: its name (written nowhere else), how it is read from a config and set on a builder,
     * and, for a setting added after checkpoints were first written, {@code absentBefore}: the value
     * every run had before it existed, which the run settings leave out so that those checkpoints
     * still resume (null for the others).
     */
    private record Setting(String name, Identity identity, Function<SkipGramConfig, String> get,
            BiConsumer<SkipGramConfig.Builder, String> set, String absentBefore) {

        Setting(String name, Identity identity, Function<SkipGramConfig, String> get,
                BiConsumer<SkipGramConfig.Builder, String> set) {
            this(name, identity, get, set, null);
        }

        static Setting ofInt(String name, Identity identity, ToIntFunction<SkipGramConfig> get,
                ObjIntConsumer<SkipGramConfig.Builder> set) {
            return new Setting(name, identity, c -> Integer.toString(get.applyAsInt(c)),
                    (b, v) -> set.accept(b, parse(name, v, "an integer", Integer::parseInt)));
        }

        static Setting ofDouble(String name, Identity identity, ToDoubleFunction<SkipGramConfig> get,
                ObjDoubleConsumer<SkipGramConfig.Builder> set) {
            return new Setting(name, identity, c -> Double.toString(get.applyAsDouble(c)),
                    (b, v) -> set.accept(b, parse(name, v, "a number", Double::parseDouble)));
        }
    }

    private static <T> T parse(String name, String value, String what, Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + name + " = '" + value + "' is not " + what, e);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + name + " = '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }

    /** Every setting, in the order of the record's components. */
    private static final List<Setting> SETTINGS = List.of(
            new Setting(RECIPE, Identity.BOTH, c -> c.recipe().name(), (b, v) -> { }),
            new Setting("model", Identity.WORD2VEC, c -> c.model().name(),
                    (b, v) -> b.model = parseEnum(Model.class, "model", v), Model.SKIP_GRAM.name()),
            new Setting("loss", Identity.BOTH, c -> c.loss().name(),
                    (b, v) -> b.loss = parseEnum(LossType.class, "loss", v)),
            Setting.ofInt("dimension", Identity.BOTH, c -> c.dimension(), (b, v) -> b.dimension = v),
            Setting.ofInt("windowSize", Identity.BOTH, c -> c.windowSize(), (b, v) -> b.windowSize = v),
            Setting.ofInt("negatives", Identity.BOTH, c -> c.negatives(), (b, v) -> b.negatives = v),
            new Setting("negativeSharing", Identity.WORD2VEC, c -> c.negativeSharing().name(),
                    (b, v) -> b.negativeSharing = parseEnum(NegativeSharing.class, "negativeSharing", v)),
            Setting.ofDouble("noiseExponent", Identity.BOTH, c -> c.noiseExponent(), (b, v) -> b.noiseExponent = v),
            Setting.ofDouble("subsampleThreshold", Identity.BOTH, c -> c.subsampleThreshold(),
                    (b, v) -> b.subsampleThreshold = v),
            Setting.ofDouble("learningRate", Identity.BOTH, c -> c.learningRate(), (b, v) -> b.learningRate = v),
            new Setting("seed", Identity.BOTH, c -> Long.toString(c.seed()),
                    (b, v) -> b.seed = parse("seed", v, "an integer", Long::parseLong)),
            Setting.ofInt("steps", Identity.NONE, c -> c.steps(), (b, v) -> b.steps = v),
            Setting.ofInt("windowsPerStep", Identity.CS224N, c -> c.windowsPerStep(), (b, v) -> b.windowsPerStep = v),
            Setting.ofDouble("annealFactor", Identity.CS224N, c -> c.annealFactor(), (b, v) -> b.annealFactor = v),
            Setting.ofInt("annealEvery", Identity.CS224N, c -> c.annealEvery(), (b, v) -> b.annealEvery = v),
            Setting.ofInt("reportEvery", Identity.NONE, c -> c.reportEvery(), (b, v) -> b.reportEvery = v),
            Setting.ofInt("epochs", Identity.WORD2VEC, c -> c.epochs(), (b, v) -> b.epochs = v),
            Setting.ofInt("minCount", Identity.WORD2VEC, c -> c.minCount(), (b, v) -> b.minCount = v),
            Setting.ofInt("maxVocabularySize", Identity.WORD2VEC, c -> c.maxVocabularySize(),
                    (b, v) -> b.maxVocabularySize = v),
            Setting.ofDouble("minLearningRate", Identity.WORD2VEC, c -> c.minLearningRate(),
                    (b, v) -> b.minLearningRate = v),
            Setting.ofInt("threads", Identity.NONE, c -> c.threads(), (b, v) -> b.threads = v),
            new Setting("reportInterval", Identity.NONE, c -> c.reportInterval().toString(),
                    (b, v) -> b.reportInterval = parse("reportInterval", v, "an ISO-8601 duration such as PT2S",
                            Duration::parse)),
            Setting.ofInt("checkpointEvery", Identity.NONE, c -> c.checkpointEvery(), (b, v) -> b.checkpointEvery = v),
            new Setting("checkpointDirectory", Identity.NONE,
                    c -> c.checkpointDirectory() == null ? null : c.checkpointDirectory().toString(),
                    (b, v) -> b.checkpointDirectory = parse("checkpointDirectory", v, "a path", Path::of)));
}
