package dev.skipgram.options;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line spellings of the library's enums: picocli converters (which also list the values for
 * the help text and shell completion) and the names the commands print. Case is ignored; a value
 * that is none of the spellings is refused with a message listing them, such as {@code expected
 * skip-gram or cbow, got 'bag'}. Stateless and thread-safe.
 */
public final class Spellings {

    private Spellings() {}

    /** {@code negative-sampling} (or {@code ns}), {@code softmax} (or {@code naive-softmax}), {@code hierarchical-softmax} (or {@code hs}). */
    public static final class Loss implements ITypeConverter<LossType>, Iterable<String> {

        /** A converter; picocli makes one per option that names this class. */
        public Loss() {}

        /**
         * The loss a flag's value names.
         *
         * @param value the value as typed
         * @return the loss
         * @throws TypeConversionException naming the value and the accepted spellings
         */
        @Override
        public LossType convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "negative-sampling", "ns" -> LossType.NEGATIVE_SAMPLING;
                case "softmax", "naive-softmax" -> LossType.NAIVE_SOFTMAX;
                case "hierarchical-softmax", "hs" -> LossType.HIERARCHICAL_SOFTMAX;
                default -> throw new TypeConversionException(
                        "expected negative-sampling, softmax or hierarchical-softmax, got '" + value + "'");
            };
        }

        /**
         * The spellings shown in the help and offered for completion.
         *
         * @return {@code negative-sampling}, {@code softmax}, {@code hierarchical-softmax}
         */
        @Override
        public Iterator<String> iterator() {
            return List.of("negative-sampling", "softmax", "hierarchical-softmax").iterator();
        }

        /**
         * A loss as {@code --loss} takes it.
         *
         * @param loss a loss
         * @return {@code negative-sampling}, {@code softmax} or {@code hierarchical-softmax}
         */
        public static String name(LossType loss) {
            return switch (loss) {
                case NEGATIVE_SAMPLING -> "negative-sampling";
                case NAIVE_SOFTMAX -> "softmax";
                case HIERARCHICAL_SOFTMAX -> "hierarchical-softmax";
            };
        }

        /**
         * The loss in words, as the commands print it.
         *
         * @param loss a loss
         * @param negatives K, shown for negative sampling only
         * @return such as {@code negative sampling (K=5)}, {@code full softmax}, {@code hierarchical softmax}
         */
        public static String describe(LossType loss, int negatives) {
            return switch (loss) {
                case NEGATIVE_SAMPLING -> "negative sampling (K=" + negatives + ")";
                case NAIVE_SOFTMAX -> "full softmax";
                case HIERARCHICAL_SOFTMAX -> "hierarchical softmax";
            };
        }
    }

    /** {@code skip-gram} (or {@code skipgram}, {@code sg}) or {@code cbow}. */
    public static final class ModelName implements ITypeConverter<Model>, Iterable<String> {

        /** A converter; picocli makes one per option that names this class. */
        public ModelName() {}

        /**
         * The model a flag's value names.
         *
         * @param value the value as typed
         * @return the model
         * @throws TypeConversionException naming the value and the accepted spellings
         */
        @Override
        public Model convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "skip-gram", "skipgram", "sg" -> Model.SKIP_GRAM;
                case "cbow" -> Model.CBOW;
                default -> throw new TypeConversionException("expected skip-gram or cbow, got '" + value + "'");
            };
        }

        /**
         * The spellings shown in the help and offered for completion.
         *
         * @return {@code skip-gram}, {@code cbow}
         */
        @Override
        public Iterator<String> iterator() {
            return List.of("skip-gram", "cbow").iterator();
        }

        /**
         * A model as {@code --model} takes it.
         *
         * @param model a model
         * @return {@code skip-gram} or {@code cbow}
         */
        public static String name(Model model) {
            return model == Model.CBOW ? "cbow" : "skip-gram";
        }
    }

    /** {@code pair} or {@code window}. */
    public static final class Sharing implements ITypeConverter<NegativeSharing>, Iterable<String> {

        /** A converter; picocli makes one per option that names this class. */
        public Sharing() {}

        /**
         * The sharing a flag's value names.
         *
         * @param value the value as typed
         * @return the sharing
         * @throws TypeConversionException naming the value and the accepted spellings
         */
        @Override
        public NegativeSharing convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "pair" -> NegativeSharing.PAIR;
                case "window" -> NegativeSharing.WINDOW;
                default -> throw new TypeConversionException("expected pair or window, got '" + value + "'");
            };
        }

        /**
         * The spellings shown in the help and offered for completion.
         *
         * @return {@code pair}, {@code window}
         */
        @Override
        public Iterator<String> iterator() {
            return List.of("pair", "window").iterator();
        }

        /**
         * A sharing as {@code --negative-sharing} takes it.
         *
         * @param sharing a sharing
         * @return {@code pair} or {@code window}
         */
        public static String name(NegativeSharing sharing) {
            return sharing.name().toLowerCase(Locale.ROOT);
        }
    }
}
