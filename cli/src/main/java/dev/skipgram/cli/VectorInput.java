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

    /** Loads the vectors, showing progress on the command's standard error. */
    WordVectors load() {
        return VectorFiles.load(file, format, Progress.Mode.detect(), mixee.commandLine().getErr());
    }

    /** Loads the vectors and refuses any of {@code words} they do not know, suggesting spellings. */
    WordVectors loadKnowing(Collection<String> words) {
        WordVectors vectors = load();
        VectorFiles.requireKnown(vectors, file, words);
        return vectors;
    }
}
