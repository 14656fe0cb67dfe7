package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import dev.skipgram.io.Word2VecFormat;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The vector file every command that reads one takes first: the {@code VECTORS} parameter, its
 * {@code --format} option, and loading it with progress on standard error. A picocli mixin.
 */
final class VectorInput {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(index = "0", paramLabel = "VECTORS", description = "A word2vec vector file, text or binary.")
    Path file;

    @Option(names = "--format", paramLabel = "binary|text", converter = Converters.Format.class,
            completionCandidates = Converters.Format.class,
            description = "The vector file's word2vec format (default: detected from the content, whatever the file's"
                + " name: the values after the first word are either decimal numbers or raw floats). Give it to read"
                + " the file as that format.")
    Word2VecFormat.Format format;

    @Option(names = "--limit", paramLabel = "N",
            description = "Read only the first N vectors (the most frequent words, in the usual files), as gensim's"
                + " limit= does; what follows them is not read.")
    Long limit;

    @Option(names = "--no-header",
            description = "The file is text without the \"<words> <dimensions>\" header line, as GloVe writes them"
                + " (gensim's no_header=True); it is read twice, to count its lines first.")
    boolean noHeader;

    @Option(names = "--unicode-errors", paramLabel = "strict|replace", converter = Converters.UnicodeErrors.class,
            completionCandidates = Converters.UnicodeErrors.class, defaultValue = "strict",
            description = "What to do with a word that is not valid UTF-8 (word2vec.c cuts long words inside a"
                + " character): strict refuses the file, replace puts U+FFFD for each bad sequence, as gensim's"
                + " unicode_errors='replace' (default: ${DEFAULT-VALUE}).")
    Word2VecFormat.UnicodeErrors unicodeErrors;

    /** The reader's options from the flags. */
    Word2VecFormat.ReadOptions options() {
        if (limit != null && limit < 1) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                    "--limit must be at least 1, got " + limit);
        }
        if (noHeader && format == Word2VecFormat.Format.BINARY) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                    "--no-header reads text files only (GloVe's layout); got --format binary");
        }
        Word2VecFormat.ReadOptions options = Word2VecFormat.ReadOptions.defaults().withUnicodeErrors(unicodeErrors);
        options = limit == null ? options : options.withLimit(limit);
        return noHeader ? options.withoutHeader() : options;
    }

    /** Loads the vectors, showing progress on the command's standard error. */
    WordVectors load() {
        return VectorFiles.load(file, format, options(), Progress.Mode.detect(), mixee.commandLine().getErr());
    }

    /** Loads the vectors and refuses any of {@code words} they do not know, suggesting spellings. */
    WordVectors loadKnowing(Collection<String> words) {
        WordVectors vectors = load();
        VectorFiles.requireKnown(vectors, file, words);
        return vectors;
    }
}
