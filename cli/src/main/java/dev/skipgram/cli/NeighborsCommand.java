package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skipgram neighbors}: the nearest words by cosine similarity. */
@Command(name = "neighbors",
        header = "Show the nearest words.",
        aliases = "neighbours", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the words whose vectors are nearest to each WORD's by cosine similarity.")
final class NeighborsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VectorInput input;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "The words to look up.")
    List<String> words;

    @Mixin
    QueryOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int n = checkCount(spec, options.count);
        WordVectors vectors = input.loadKnowing(words);
        if (vectors.vocabulary().size() < 2) {
            throw new UserError(input.file + " has only one word: it has no neighbours");
        }
        // every answer before the first line, in one batch (one matrix product for all the words, as
        // gensim's most_similar answers each): a word that fails (a zero vector) leaves no partial output
        List<List<WordVectors.Neighbor>> answers =
                vectors.mostSimilar(words.stream().map(WordVectors.Query::of).toList(), n);
        for (int i = 0; i < words.size(); i++) {
            out.println("nearest to " + words.get(i) + ":");
            print(answers.get(i), out);
        }
        out.flush();
        return 0;
    }

    static int checkCount(CommandSpec spec, int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "-n must be at least 1, got " + n);
        }
        return n;
    }

    /** Ranked words with their similarities. */
    static void print(List<WordVectors.Neighbor> neighbors, PrintWriter out) {
        int width = neighbors.stream().mapToInt(x -> x.word().length()).max().orElse(0);
        int rank = 1;
        for (WordVectors.Neighbor x : neighbors) {
            out.printf(Locale.ROOT, "  %2d. %-" + width + "s  %.4f%n", rank++, x.word(), x.similarity());
        }
    }
}
