package dev.skipgram.cli;

import dev.skipgram.io.Word2VecFormat;
import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that read a vector file. */
final class VectorFormatOption {

    @Option(names = "--format", paramLabel = "binary|text", converter = Converters.Format.class,
            completionCandidates = Converters.Format.class,
            description = "The vector file's word2vec format (default: detected from the content, whatever the file's"
                + " name: the values after the first word are either decimal numbers or raw floats). Give it to read"
                + " the file as that format.")
    Word2VecFormat.Format format;
}
