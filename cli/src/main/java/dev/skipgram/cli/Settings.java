package dev.skipgram.cli;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import java.util.Map;

/**
 * The command line's spelling of the library's settings: each flag beside the name of the
 * {@link SkipGramConfig} setting it sets ({@link SkipGramConfig#toProperties()}), so that the help
 * text's defaults, the error messages and the settings recorded beside checkpoints use the library's
 * names and the user reads the flags.
 */
final class Settings {

    /** Setting name to flag; also the command line's own keys in the checkpoint directory's settings. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("dimension", "--dim"),
            Map.entry("windowSize", "--window"),
            Map.entry("negatives", "--negatives"),
            Map.entry("negativeSharing", "--negative-sharing"),
            Map.entry("loss", "--loss"),
            Map.entry("model", "--model"),
            Map.entry("epochs", "--epochs"),
            Map.entry("minCount", "--min-count"),
            Map.entry("subsampleThreshold", "--subsample"),
            Map.entry("learningRate", "--learning-rate"),
            Map.entry("threads", "--threads"),
            Map.entry("seed", "--seed"),
            Map.entry("steps", "--steps"),
            Map.entry(Settings.CORPUS, "--corpus"),
            Map.entry(Settings.SST, "--sst"));

    /** The key of the training text in the settings recorded beside {@code train}'s checkpoints. */
    static final String CORPUS = "corpus";
    /** The key of the SST sentences in the settings recorded beside {@code cs224n}'s checkpoints. */
    static final String SST = "sst";

    private Settings() {}

    /**
     * The flag that sets a setting.
     *
     * @param setting a setting name, such as {@code dimension}
     * @return its flag, such as {@code --dim}; the name itself if no flag sets it
     */
    static String flag(String setting) {
        return FLAGS.getOrDefault(setting, setting);
    }

    /**
     * The setting a flag sets.
     *
     * @param flag a flag, such as {@code --dim}
     * @return the setting's name, such as {@code dimension}, or null if the flag sets no setting
     */
    static String settingOf(String flag) {
        for (Map.Entry<String, String> e : FLAGS.entrySet()) {
            if (e.getValue().equals(flag)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * A setting's value as the command line spells it.
     *
     * @param setting a setting name
     * @param value its value as {@link SkipGramConfig#toProperties()} writes it
     * @return the value as a flag takes it ({@code negative-sampling} for {@code NEGATIVE_SAMPLING},
     *     {@code window} for {@code WINDOW}, {@code cbow} for {@code CBOW})
     */
    static String value(String setting, String value) {
        if ("loss".equals(setting)) {
            try {
                return Converters.Loss.name(LossType.valueOf(value));
            } catch (IllegalArgumentException e) {
                return value; // not a loss this version knows: shown as it is
            }
        }
        if ("model".equals(setting)) {
            try {
                return Converters.ModelName.name(Model.valueOf(value));
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        if ("negativeSharing".equals(setting)) {
            try {
                return Converters.Sharing.name(NegativeSharing.valueOf(value));
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * A message of the library, which names settings, with flags in their place.
     *
     * @param message a message that may start with a setting's name, such as "dimension must be &gt;= 1"
     * @return the message starting with the flag instead, such as "--dim must be &gt;= 1"
     */
    static String flagNames(String message) {
        for (Map.Entry<String, String> f : FLAGS.entrySet()) {
            if (message.startsWith(f.getKey() + " ")) {
                return f.getValue() + message.substring(f.getKey().length());
            }
        }
        return message;
    }
}
