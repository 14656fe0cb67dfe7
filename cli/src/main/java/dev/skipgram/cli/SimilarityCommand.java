package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skipgram similarity}: the cosine similarity of two words. */
@Command(name = "similarity",
        header = "Show the cosine similarity of two words.",
        mixinStandardHelpOptions = true,
        description = "Prints the cosine similarity of the vectors of A and B, from -1 to 1.")
final class SimilarityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VectorInput input;

    @Parameters(index = "1", paramLabel = "A", description = "A word.")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "Another word.")
    String b;

    @Override
    public Integer call() {
        WordVectors vectors = input.loadKnowing(List.of(a, b));
        double similarity = vectors.similarity(a, b); // before printing: a zero vector prints nothing
        spec.commandLine().getOut().printf(Locale.ROOT, "cosine similarity of %s and %s: %.4f%n", a, b, similarity);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
