package dev.skipgram;

import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import dev.skipgram.eval.SimilarityReport;
import dev.skipgram.io.Word2VecFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Evaluates a vector file and prints the fields of {@code ../shared/bench/eval_vectors.py}, so our
 * evaluation can be compared with gensim's on the same file. Not a test.
 *
 * <p>Arguments: vectors (.bin = binary), questions-words.txt, wordsim353.tsv.
 */
public final class EvaluateRun {

    private EvaluateRun() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        WordVectors vectors = Word2VecFormat.read(file, Word2VecFormat.formatOf(file));
        AnalogyReport a = Evaluation.analogies(vectors, Path.of(args[1]), 30_000);
        SimilarityReport s = Evaluation.similarity(vectors, Path.of(args[2]));
        System.out.printf(Locale.ROOT, "{\"vectors\": \"%s\", \"vocab\": %d, \"semantic\": %.4f, \"syntactic\": %.4f, "
                        + "\"total\": %.4f, \"questions_covered\": %d, \"wordsim353_spearman\": %.4f, "
                        + "\"wordsim353_oov_percent\": %.2f}%n", file, vectors.vocabulary().size(), a.semanticAccuracy(),
                a.syntacticAccuracy(), a.accuracy(), a.covered(), s.spearman(), s.outOfVocabularyPercent());
    }
}
