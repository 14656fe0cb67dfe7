package dev.skipgram.checkpoint;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A recipe's own part of a {@link Checkpoint}: named values of three kinds (long, double, bytes),
 * in order, which {@link CheckpointStore} encodes with the rest of the checkpoint in its one format.
 * {@link dev.skipgram.optim.Sgd} keeps {@code smoothedLoss} and {@code generator} here; the word2vec
 * recipe {@code epoch}, {@code chunksDone}, {@code wordsProcessed} and one generator per worker.
 *
 * <p>Immutable and thread-safe: byte arrays are copied in and out. Names are non-empty and unique;
 * arguments must not be null; no method returns null.
 */
public final class RecipeState {

    /** The empty state. */
    public static final RecipeState EMPTY = new RecipeState(Map.of());

    private final Map<String, Object> values; // Long, Double or byte[]

    private RecipeState(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A builder of a new state.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The names of the values, in the order they were put.
     *
     * @return an unmodifiable set
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Whether a value of this name is present.
     *
     * @param name a name
     * @return true if {@link #names()} contains it
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A long value.
     *
     * @param name its name
     * @return the value
     * @throws IllegalArgumentException if there is no long value of that name
     */
    public long getLong(String name) {
        return get(name, Long.class, "long");
    }

    /**
     * A double value.
     *
     * @param name its name
     * @return the value (NaN and infinities are kept as they are)
     * @throws IllegalArgumentException if there is no double value of that name
     */
    public double getDouble(String name) {
        return get(name, Double.class, "double");
    }

    /**
     * A byte-array value.
     *
     * @param name its name
     * @return a copy of the bytes
     * @throws IllegalArgumentException if there is no byte-array value of that name
     */
    public byte[] getBytes(String name) {
        return get(name, byte[].class, "bytes").clone();
    }

    private <T> T get(String name, Class<T> type, String kind) {
        Object v = values.get(Objects.requireNonNull(name, "name"));
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("the checkpoint state has no " + kind + " value '" + name + "'"
                    + (v == null ? "" : " (it is " + kindOf(v) + ")") + "; it holds " + values.keySet());
        }
        return type.cast(v);
    }

    static String kindOf(Object v) {
        return v instanceof Long ? "long" : v instanceof Double ? "double" : "bytes";
    }

    /** The values in order, for the codec: Long, Double or byte[] (not copied: do not modify). */
    Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecipeState other) || !values.keySet().equals(other.values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object theirs = other.values.get(e.getKey());
            boolean same = e.getValue() instanceof byte[] b ? theirs instanceof byte[] t && Arrays.equals(b, t)
                    : e.getValue().equals(theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + (e.getValue() instanceof byte[] b ? Arrays.hashCode(b) : e.getValue().hashCode());
        }
        return h;
    }

    /** The names and kinds of the values, such as {@code RecipeState[epoch: long, generator: 32 bytes]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RecipeState[");
        values.forEach((k, v) -> s.append(s.length() > 12 ? ", " : "").append(k).append(": ")
                .append(v instanceof byte[] b ? b.length + " bytes" : v));
        return s.append(']').toString();
    }

    /**
     * Builds a {@link RecipeState}. Not thread-safe: confine a builder to one thread.
     */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a long value.
         *
         * @param name a new, non-empty name of at most 255 characters
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is empty, too long or already used
         */
        public Builder putLong(String name, long value) {
            return put(name, value);
        }

        /**
         * Adds a double value.
         *
         * @param name a new, non-empty name of at most 255 characters
         * @param value the value, any double (NaN included)
         * @return this builder
         * @throws IllegalArgumentException if the name is empty, too long or already used
         */
        public Builder putDouble(String name, double value) {
            return put(name, value);
        }

        /**
         * Adds a byte-array value (copied).
         *
         * @param name a new, non-empty name of at most 255 characters
         * @param value the bytes, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is empty, too long or already used
         */
        public Builder putBytes(String name, byte[] value) {
            return put(name, Objects.requireNonNull(value, "value").clone());
        }

        Builder put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.length() > 255) {
                throw new IllegalArgumentException("a state value's name must have 1 to 255 characters, got '"
                        + name + "'");
            }
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("the state already holds a value '" + name + "'");
            }
            values.put(name, value);
            return this;
        }

        /**
         * Builds the state. The builder can be changed and built again afterwards.
         *
         * @return a new, immutable state
         */
        public RecipeState build() {
            return new RecipeState(values);
        }
    }
}
