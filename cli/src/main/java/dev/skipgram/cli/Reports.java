package dev.skipgram.cli;

import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.SimilarityReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The evaluation reports as text tables. */
final class Reports {

    private Reports() {}

    /** The per-section table, the semantic, syntactic and overall totals, and the coverage. */
    static void analogyTable(AnalogyReport report, PrintWriter out) {
        int width = Math.max(20, report.sections().stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String row = "  %-" + width + "s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, row, "section", "correct", "covered", "questions", "accuracy");
        for (AnalogyReport.Section s : report.sections()) {
            out.printf(Locale.ROOT, row, s.name(), Progress.count(s.correct()), Progress.count(s.covered()),
                    Progress.count(s.questions()), percent(s.covered(), s.accuracy()));
        }
        out.printf(Locale.ROOT, "  %s%n", "-".repeat(width + 40));
        int semanticCovered = report.sections().stream().filter(s -> !s.syntactic())
                .mapToInt(AnalogyReport.Section::covered).sum();
        int syntacticCovered = report.sections().stream().filter(AnalogyReport.Section::syntactic)
                .mapToInt(AnalogyReport.Section::covered).sum();
        if (semanticCovered > 0 && syntacticCovered > 0) {
            total(out, row, "semantic", report, false);
            total(out, row, "syntactic", report, true);
        }
        out.printf(Locale.ROOT, row, "total", Progress.count(report.correct()), Progress.count(report.covered()),
                Progress.count(report.questions()), percent(report.covered(), report.accuracy()));
        out.printf(Locale.ROOT, "  coverage: %s of %s questions (%.1f%%) have all four words among the %s most"
                + " frequent words%n", Progress.count(report.covered()), Progress.count(report.questions()),
                100 * report.coverage(), Progress.count(report.restrictVocabulary()));
    }

    private static void total(PrintWriter out, String row, String name, AnalogyReport report, boolean syntactic) {
        int correct = 0;
        int covered = 0;
        int questions = 0;
        for (AnalogyReport.Section s : report.sections()) {
            if (s.syntactic() == syntactic) {
                correct += s.correct();
                covered += s.covered();
                questions += s.questions();
            }
        }
        out.printf(Locale.ROOT, row, name, Progress.count(correct), Progress.count(covered), Progress.count(questions),
                percent(covered, syntactic ? report.syntacticAccuracy() : report.semanticAccuracy()));
    }

    private static String percent(int covered, double accuracy) {
        return covered == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }

    /** One line: the rank correlation and how many pairs it rests on. */
    static void similarity(SimilarityReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "  Spearman correlation %s on %s pairs (%s skipped: a word not in the vocabulary,"
                + " %.1f%%)%n", Double.isNaN(report.spearman()) ? "undefined" : String.format(Locale.ROOT, "%.4f",
                        report.spearman()), Progress.count(report.pairsUsed()), Progress.count(report.pairsSkipped()),
                report.outOfVocabularyPercent());
    }
}
