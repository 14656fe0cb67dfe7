package dev.skipgram.options;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import java.util.Map;

/**
 * The command line's spelling of the library's training settings: each flag beside the name of the
 * {@link SkipGramConfig} setting it sets (as {@link SkipGramConfig#toProperties()} names it), so that
 * the help text's defaults, the error messages and the settings recorded beside checkpoints use the
 * library's names and the user reads the flags. Stateless and thread-safe.
 */
public final class Flags {

    /** Setting name to flag, for the settings {@link Word2VecOptions} sets and {@code --threads}. */
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
            Map.entry("seed", "--seed"));

    private Flags() {}

    /**
     * The flag that sets a training setting.
     *
     * @param setting a setting name, such as {@code dimension}
     * @return its flag, such as {@code --dim}; null if no training flag sets it
     */
    public static String flag(String setting) {
        return FLAGS.get(setting);
    }

    /**
     * The setting a flag sets.
     *
     * @param flag a flag, such as {@code --dim}
     * @return the setting's name, such as {@code dimension}, or null if the flag sets no training setting
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
     *     {@code window} for {@code WINDOW}, {@code cbow} for {@code CBOW}); any other value, or a
     *     constant this version does not know, as it is
     */
    public static String value(String setting, String value) {
        try {
            return switch (setting) {
                case "loss" -> Spellings.Loss.name(LossType.valueOf(value));
                case "model" -> Spellings.ModelName.name(Model.valueOf(value));
                case "negativeSharing" -> Spellings.Sharing.name(NegativeSharing.valueOf(value));
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value; // not a constant this version knows: shown as it is
        }
    }

    /**
     * A message of the library, which names settings, with flags in their place.
     *
     * @param message a message that may start with a setting's name, such as "dimension must be &gt;= 1"
     * @return the message starting with the flag instead, such as "--dim must be &gt;= 1"; any other
     *     message as it is
     */
    public static String flagNames(String message) {
        for (Map.Entry<String, String> f : FLAGS.entrySet()) {
            if (message.startsWith(f.getKey() + " ")) {
                return f.getValue() + message.substring(f.getKey().length());
            }
        }
        return message;
    }
}
