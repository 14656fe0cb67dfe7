package dev.skipgram.cli;

import dev.skipgram.io.Word2VecFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line spellings of the library's file-format enums; those of the training enums are
 * {@link dev.skipgram.options.Spellings}.
 */
final class Converters {

    private Converters() {}

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
