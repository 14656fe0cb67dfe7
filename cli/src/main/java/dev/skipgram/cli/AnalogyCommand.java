package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skipgram analogy}: a : b :: c : ? by 3CosAdd. */
@Command(name = "analogy",
        header = "Answer a : b :: c : ?",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Answers the analogy A is to B as C is to ? (a : b :: c : ?): the words nearest by cosine to"
                + " unit(B) - unit(A) + unit(C), other than A, B and C (3CosAdd, as word2vec and gensim do).",
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
        // the answer before the heading: a query that fails (a zero vector) prints nothing
        List<WordVectors.Neighbor> answer = vectors.analogy(a, b, c, Math.min(n, vectors.vocabulary().size() - 3));
        out.println(a + " : " + b + " :: " + c + " : ?");
        NeighborsCommand.print(answer, out);
        out.flush();
        return 0;
    }
}
