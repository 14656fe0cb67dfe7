package dev.skipgram.cli;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.options.Flags;
import java.util.Map;

/**
 * The command line's spelling of the library's settings, for the settings recorded beside
 * checkpoints: the training flags' ({@link Flags}) and the commands' own keys, so that a message
 * about a checkpoint's settings uses the flags the user typed.
 */
final class Settings {

    /** The key of the training text in the settings recorded beside {@code train}'s checkpoints. */
    static final String CORPUS = "corpus";
    /** The key of the SST sentences in the settings recorded beside {@code cs224n}'s checkpoints. */
    static final String SST = "sst";

    /** Setting name to flag, for the settings that are not {@link Flags}'. */
    private static final Map<String, String> OWN_FLAGS = Map.of("steps", "--steps", CORPUS, "--corpus", SST, "--sst");

    private Settings() {}

    /**
     * The flag that sets a setting.
     *
     * @param setting a setting name, such as {@code dimension}
     * @return its flag, such as {@code --dim}; the name itself if no flag sets it
     */
    static String flag(String setting) {
        String training = Flags.flag(setting);
        return training != null ? training : OWN_FLAGS.getOrDefault(setting, setting);
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
        return Flags.value(setting, value);
    }
}
