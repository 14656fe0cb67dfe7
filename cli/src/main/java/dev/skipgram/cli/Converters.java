package dev.skipgram.cli;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.io.Word2VecFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line spellings of the library's enums. */
final class Converters {

    private Converters() {}

    /** {@code negative-sampling}, {@code softmax} or {@code hierarchical-softmax}. */
    static final class Loss implements ITypeConverter<LossType>, Iterable<String> {
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

        @Override
        public Iterator<String> iterator() {
            return List.of("negative-sampling", "softmax", "hierarchical-softmax").iterator();
        }

        static String name(LossType loss) {
            return switch (loss) {
                case NEGATIVE_SAMPLING -> "negative-sampling";
                case NAIVE_SOFTMAX -> "softmax";
                case HIERARCHICAL_SOFTMAX -> "hierarchical-softmax";
            };
        }

        /** The loss in words, as the commands print it: {@code negative sampling (K=5)}. */
        static String describe(LossType loss, int negatives) {
            return switch (loss) {
                case NEGATIVE_SAMPLING -> "negative sampling (K=" + negatives + ")";
                case NAIVE_SOFTMAX -> "full softmax";
                case HIERARCHICAL_SOFTMAX -> "hierarchical softmax";
            };
        }
    }

    /** {@code skip-gram} or {@code cbow}. */
    static final class ModelName implements ITypeConverter<Model>, Iterable<String> {
        @Override
        public Model convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "skip-gram", "skipgram", "sg" -> Model.SKIP_GRAM;
                case "cbow" -> Model.CBOW;
                default -> throw new TypeConversionException("expected skip-gram or cbow, got '" + value + "'");
            };
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("skip-gram", "cbow").iterator();
        }

        static String name(Model model) {
            return model == Model.CBOW ? "cbow" : "skip-gram";
        }
    }

    /** {@code pair} or {@code window}. */
    static final class Sharing implements ITypeConverter<NegativeSharing>, Iterable<String> {
        @Override
        public NegativeSharing convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "pair" -> NegativeSharing.PAIR;
                case "window" -> NegativeSharing.WINDOW;
                default -> throw new TypeConversionException("expected pair or window, got '" + value + "'");
            };
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("pair", "window").iterator();
        }

        static String name(NegativeSharing sharing) {
            return sharing.name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code binary} or {@code text}. */
    static final class Format implements ITypeConverter<Word2VecFormat.Format>, Iterable<String> {
        @Override
        public Word2VecFormat.Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "binary", "bin" -> Word2VecFormat.Format.BINARY;
                case "text", "txt" -> Word2VecFormat.Format.TEXT;
                default -> throw new TypeConversionException("expected binary or text, got '" + value + "'");
            };
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("binary", "text").iterator();
        }

        static String name(Word2VecFormat.Format format) {
            return format == Word2VecFormat.Format.BINARY ? "binary" : "text";
        }
    }

    /** {@code strict} or {@code replace}, as gensim's {@code unicode_errors}. */
    static final class UnicodeErrors implements ITypeConverter<Word2VecFormat.UnicodeErrors>, Iterable<String> {
        @Override
        public Word2VecFormat.UnicodeErrors convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "strict" -> Word2VecFormat.UnicodeErrors.STRICT;
                case "replace" -> Word2VecFormat.UnicodeErrors.REPLACE;
                default -> throw new TypeConversionException("expected strict or replace, got '" + value + "'");
            };
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("strict", "replace").iterator();
        }
    }
}
