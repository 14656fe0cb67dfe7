package dev.skipgram.cli;

import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.SimilarityReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The evaluation reports as text tables. */
final class Reports {

    private Reports() {}

    /** The per-section table, the semantic, syntactic and overall totals, and the coverage, indented. */
    static void analogyTable(AnalogyReport report, PrintWriter out) {
        report.toTable().lines().forEach(line -> out.println("  " + line));
    }

    /** Two lines: the rank correlation and how many pairs it rests on, then Pearson's, as gensim reports both. */
    static void similarity(SimilarityReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "  Spearman correlation %s on %s pairs (%s skipped: a word not in the vocabulary,"
                + " %.1f%%)%n", correlation(report.spearman()), Progress.count(report.pairsUsed()),
                Progress.count(report.pairsSkipped()), report.outOfVocabularyPercent());
        out.printf(Locale.ROOT, "  Pearson correlation %s%n", correlation(report.pearson()));
    }

    private static String correlation(double r) {
        return Double.isNaN(r) ? "undefined" : String.format(Locale.ROOT, "%.4f", r);
    }
}
