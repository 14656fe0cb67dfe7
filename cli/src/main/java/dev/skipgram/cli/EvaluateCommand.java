package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import dev.skipgram.eval.SimilarityReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code skipgram evaluate}: analogy accuracy and word-similarity correlation, as gensim computes them. */
@Command(name = "evaluate",
        header = "Score vectors on analogies and word similarity.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores vectors on analogy questions and on word-similarity judgements, with the figures gensim's"
                + " evaluate_word_analogies and evaluate_word_pairs give.",
            "",
            "Analogies: lines 'a b c d' (a : b :: c : d) under ': section' headings, as in Mikolov et al.'s"
                + " questions-words.txt. Each is answered by 3CosAdd over the --restrict most frequent words; a"
                + " question with a word outside them is not covered. Words match case-insensitively.",
            "Similarity: lines 'word1<TAB>word2<TAB>score', as in WordSim-353; lines starting with # are skipped.",
            ""})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VectorInput input;

    @Option(names = "--analogies", paramLabel = "FILE", description = "Analogy questions (questions-words.txt).")
    Path analogies;

    @Option(names = "--similarity", paramLabel = "FILE", description = "Word pairs with human scores (wordsim353.tsv).")
    Path similarity;

    @Option(names = "--restrict", paramLabel = "N", defaultValue = "30000",
            description = "Answer analogies among the N most frequent words (default: ${DEFAULT-VALUE}, as gensim).")
    int restrict;

    @Override
    public Integer call() throws IOException {
        if (analogies == null && similarity == null) {
            throw new ParameterException(spec.commandLine(), "nothing to evaluate: give --analogies FILE,"
                    + " --similarity FILE or both");
        }
        if (restrict < 1) {
            throw new ParameterException(spec.commandLine(), "--restrict must be at least 1, got " + restrict);
        }
        for (Path file : new Path[] {analogies, similarity}) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new UserError((Files.exists(file) ? "not a file: " : "evaluation file not found: ") + file);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        WordVectors vectors = input.load();
        // both evaluations before the first line: a bad second file leaves no half a report
        AnalogyReport analogyReport = analogies == null ? null : Evaluation.analogies(vectors, analogies, restrict);
        SimilarityReport similarityReport = similarity == null ? null : Evaluation.similarity(vectors, similarity);
        out.printf(Locale.ROOT, "%s: %s words, %d dimensions%n", input.file,
                Progress.count(vectors.vocabulary().size()),
                vectors.dimension());
        if (analogyReport != null) {
            out.println();
            out.println("Analogies (" + analogies + "), 3CosAdd:");
            Reports.analogyTable(analogyReport, out);
        }
        if (similarityReport != null) {
            out.println();
            out.println("Word similarity (" + similarity + "):");
            Reports.similarity(similarityReport, out);
        }
        out.flush();
        return 0;
    }
}
