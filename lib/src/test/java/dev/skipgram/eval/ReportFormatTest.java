package dev.skipgram.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports as people read them: {@link AnalogyReport#toTable()} and the toStrings. */
class ReportFormatTest {

    @Test
    void theAnalogyTableHasOneLinePerSectionThenTheTotals() {
        AnalogyReport report = new AnalogyReport(List.of(new AnalogyReport.Section("capital-common-countries", 3, 4, 5),
                new AnalogyReport.Section("gram1-adjective-to-adverb", 0, 0, 2000)), 2005, 30_000);
        String n = System.lineSeparator();
        assertEquals("section                     correct   covered questions  accuracy" + n
                + "capital-common-countries          3         4         5     75.0%" + n
                + "gram1-adjective-to-adverb         0         0     2,000         -" + n
                + "-".repeat(65) + n
                + "total                             3         4     2,005     75.0%" + n
                + "coverage: 4 of 2,005 questions (0.2%) have all four words among the 30,000 most frequent words" + n,
                report.toTable());
        assertEquals("analogies: 75.0% (3 of 4 covered; 4 of 2,005 questions covered, 0.2%)", report.toString());
    }

    @Test
    void theSemanticAndSyntacticTotalsAppearWhenBothAreCovered() {
        AnalogyReport report = new AnalogyReport(List.of(new AnalogyReport.Section("capitals", 1, 2, 2),
                new AnalogyReport.Section("gram-plural", 2, 2, 3)), 5, 10);
        String table = report.toTable();
        assertEquals(true, table.contains("semantic                     1         2         2     50.0%"), table);
        assertEquals(true, table.contains("syntactic                    2         2         3    100.0%"), table);
    }

    @Test
    void aSimilarityReportPrintsBothCorrelations() {
        assertEquals("Spearman 0.6543, Pearson 0.6231 on 1,320 pairs (33 skipped, 2.4%)",
                new SimilarityReport(0.65432, 1320, 33, 0.62311).toString());
        assertEquals("Spearman undefined, Pearson undefined on 1 pairs (0 skipped, 0.0%)",
                new SimilarityReport(Double.NaN, 1, 0).toString());
    }
}
