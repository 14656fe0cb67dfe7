package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skipgram analogy}: a : b :: c : ? by 3CosAdd. */
@Command(name = "analogy",
        header = "Answer a : b :: c : ?",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Answers the analogy A is to B as C is to ? (a : b :: c : ?): the words nearest by cosine to"
                + " unit(B) - unit(A) + unit(C), other than A, B and C (3CosAdd, as word2vec and gensim do).",
            "With --cosmul, ranks by 3CosMul instead.",
            "For example: skipgram analogy vectors.bin france paris japan"})
final class AnalogyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VectorInput input;

    @Parameters(index = "1", paramLabel = "A", description = "The first word of the known pair.")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "The second word of the known pair.")
    String b;

    @Parameters(index = "3", paramLabel = "C", description = "The word whose partner is wanted.")
    String c;

    @Option(names = "--cosmul", description = "Rank by 3CosMul (Levy and Goldberg; gensim's most_similar_cosmul):"
            + " the product of the shifted cosines (1 + cos)/2 with B and C over that with A. Scores are then not"
            + " cosines.")
    boolean cosMul;

    @Mixin
    QueryOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int n = NeighborsCommand.checkCount(spec, options.count);
        WordVectors vectors = input.loadKnowing(List.of(a, b, c));
        if (vectors.vocabulary().size() < 4) {
            throw new UserError(input.file + " has only " + vectors.vocabulary().size()
                    + " words: an analogy needs a fourth");
        }
        // the answer before the heading: a query that fails (a zero vector) prints nothing. As gensim's
        // most_similar(positive=[b, c], negative=[a]) and most_similar_cosmul: a, b and c never answer
        List<WordVectors.Neighbor> answer = cosMul ? vectors.mostSimilarCosMul(List.of(b, c), List.of(a), n)
                : vectors.mostSimilar(List.of(b, c), List.of(a), n);
        out.println(a + " : " + b + " :: " + c + " : ?" + (cosMul ? "  (3CosMul)" : ""));
        NeighborsCommand.print(answer, out);
        out.flush();
        return 0;
    }
}
