package dev.skipgram.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What shapes a training run besides its parameters' shape, as ordered {@code key=value} pairs
 * (for example {@code loss=NEGATIVE_SAMPLING, dimension=100, seed=1, corpus=3f09a1c2}). A
 * checkpoint records the settings of the run that wrote it, and a run resumes from a checkpoint
 * only if the settings are equal, so that two different runs are never mixed by accident; the
 * error then names every key whose value differs.
 *
 * <p>Immutable and thread-safe. Keys must not contain {@code '='} or {@code ", "}, and values must
 * not contain {@code ", "}; nulls are refused.
 *
 * @param pairs the settings in order, as {@code key=value} text
 */
public record RunSettings(Map<String, String> pairs) {

    /** No settings: every run matches. */
    public static final RunSettings NONE = new RunSettings(Map.of());

    /**
     * Copies the pairs, keeping their order, and checks that they can be written and read back.
     *
     * @param pairs the settings in order
     * @throws IllegalArgumentException if a key or value contains a separator
     */
    public RunSettings {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "key");
            String value = Objects.requireNonNull(e.getValue(), "value of " + key);
            if (key.isEmpty() || key.contains("=") || key.contains(", ") || value.contains(", ")) {
                throw new IllegalArgumentException("a setting cannot be written as key=value: '" + key + "' = '"
                        + value + "'");
            }
            copy.put(key, value);
        }
        pairs = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Settings from values of any type, written with {@link String#valueOf} in the root locale.
     *
     * @param values the settings in order (use a {@link LinkedHashMap} to keep the order)
     * @return the settings
     */
    public static RunSettings of(Map<String, ?> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        values.forEach((k, v) -> pairs.put(k, String.format(Locale.ROOT, "%s", v)));
        return new RunSettings(pairs);
    }

    /**
     * These settings and one more, written as {@link #of} writes values.
     *
     * @param key a key not among these settings' keys
     * @param value its value, not null
     * @return new settings, with {@code key} last
     * @throws IllegalArgumentException if {@code key} is already set, or a separator is in the key or
     *     the value
     */
    public RunSettings with(String key, Object value) {
        if (pairs.containsKey(key)) {
            throw new IllegalArgumentException("setting '" + key + "' is already set, to " + pairs.get(key));
        }
        Map<String, Object> m = new LinkedHashMap<>(pairs);
        m.put(key, Objects.requireNonNull(value, "value of " + key));
        return of(m);
    }

    /**
     * Reads settings written by {@link #toString()}.
     *
     * @param text {@code key=value} pairs separated by {@code ", "}, or the empty string
     * @return the settings
     * @throws IllegalArgumentException if a pair has no {@code '='}
     */
    public static RunSettings parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(", ")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("not a key=value setting: '" + pair + "'");
                }
                pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new RunSettings(pairs);
    }

    /**
     * Says how these settings (a run's) differ from {@code saved} (a checkpoint's).
     *
     * @param saved the settings a checkpoint was written with
     * @return one clause per differing key, such as {@code learningRate = 0.05 (checkpoint: 0.025)},
     *     joined by {@code "; "}; the empty string if the settings are equal
     */
    public String differencesFrom(RunSettings saved) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String theirs = saved.pairs.get(e.getKey());
            if (!e.getValue().equals(theirs)) {
                differences.add(e.getKey() + " = " + e.getValue() + " (checkpoint: "
                        + (theirs == null ? "not recorded" : theirs) + ")");
            }
        }
        for (String key : saved.pairs.keySet()) {
            if (!pairs.containsKey(key)) {
                differences.add(key + " not set (checkpoint: " + saved.pairs.get(key) + ")");
            }
        }
        return String.join("; ", differences);
    }

    /** The settings as {@code key=value} pairs separated by {@code ", "}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        pairs.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }
}
