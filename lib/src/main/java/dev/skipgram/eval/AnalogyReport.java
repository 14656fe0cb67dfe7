package dev.skipgram.eval;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link Evaluation#analogies}: per-section and total accuracy over the questions
 * whose four words are all among the evaluated words.
 *
 * <p>Immutable and thread-safe: the sections are copied into an unmodifiable list. Accuracies are
 * fractions in [0, 1], and 0 (not NaN) when no question was covered.
 *
 * @param sections the sections in file order, one per {@code :} heading (questions before the first
 *     heading form a section named {@code (no section)}); unmodifiable
 * @param questions every question in the file, covered or not, ≥ 0
 * @param restrictVocabulary the number of most frequent words answers were searched in: the
 *     requested number, or V if that is smaller
 */
public record AnalogyReport(List<Section> sections, int questions, int restrictVocabulary) {

    /**
     * Copies the section list.
     *
     * @param sections the sections, none null; copied
     * @param questions every question in the file
     * @param restrictVocabulary the number of most frequent words answers were searched in
     * @throws NullPointerException if {@code sections} or one of them is null
     */
    public AnalogyReport {
        sections = List.copyOf(sections);
    }

    /**
     * One section of the question file ({@code : capital-common-countries}, ...). Immutable and
     * thread-safe; in the reports {@link Evaluation} makes, the name is never null.
     *
     * @param name the section name without the colon
     * @param correct questions answered correctly, in [0, covered]
     * @param covered questions whose four words were all in the evaluated vocabulary, in
     *     [0, questions]
     * @param questions questions in the section, ≥ 0
     */
    public record Section(String name, int correct, int covered, int questions) {

        /**
         * Whether this is a syntactic section, as in Mikolov et al.'s file.
         *
         * @return true if the name starts with {@code gram} ({@code gram1-adjective-to-adverb}, ...)
         */
        public boolean syntactic() {
            return name.startsWith("gram");
        }

        /**
         * The section's accuracy over its covered questions.
         *
         * @return correct / covered in [0, 1], or 0 if nothing was covered
         */
        public double accuracy() {
            return covered == 0 ? 0.0 : (double) correct / covered;
        }
    }

    /**
     * Correct answers over all sections.
     *
     * @return the sum of the sections' {@code correct}, ≥ 0
     */
    public int correct() {
        return sections.stream().mapToInt(Section::correct).sum();
    }

    /**
     * Covered questions over all sections.
     *
     * @return the sum of the sections' {@code covered}, ≥ 0
     */
    public int covered() {
        return sections.stream().mapToInt(Section::covered).sum();
    }

    /**
     * Total accuracy over all sections, as gensim and word2vec's {@code compute-accuracy} report it.
     *
     * @return correct / covered in [0, 1], or 0 if nothing was covered
     */
    public double accuracy() {
        return ratio(correct(), covered());
    }

    /**
     * Accuracy over the semantic sections (those not named {@code gram...}).
     *
     * @return their correct / covered in [0, 1], or 0 if none of their questions was covered
     */
    public double semanticAccuracy() {
        return ratio(sections.stream().filter(s -> !s.syntactic()).mapToInt(Section::correct).sum(),
                sections.stream().filter(s -> !s.syntactic()).mapToInt(Section::covered).sum());
    }

    /**
     * Accuracy over the syntactic sections (those named {@code gram...}).
     *
     * @return their correct / covered in [0, 1], or 0 if none of their questions was covered
     */
    public double syntacticAccuracy() {
        return ratio(sections.stream().filter(Section::syntactic).mapToInt(Section::correct).sum(),
                sections.stream().filter(Section::syntactic).mapToInt(Section::covered).sum());
    }

    /**
     * The fraction of questions covered: those whose four words are among the evaluated words.
     *
     * @return covered / questions in [0, 1], or 0 if the file has no question
     */
    public double coverage() {
        return ratio(covered(), questions);
    }

    /**
     * The report as a text table, one line per section with its correct, covered and total
     * questions and its accuracy, then the semantic and syntactic totals (when the file has both
     * kinds), the overall total and the coverage:
     *
     * <pre>
     * section                 correct   covered questions  accuracy
     * capital-common-countries      3         4         5     75.0%
     * ...
     * ------------------------------------------------------------
     * total                         3         4         5     75.0%
     * coverage: 4 of 5 questions (80.0%) have all four words among the 30,000 most frequent words
     * </pre>
     *
     * <p>An accuracy over no covered question prints as {@code -}. Counts have thousands separators
     * and numbers use {@link Locale#ROOT}. Meant for people: the layout may change.
     *
     * <p><b>Evolving</b> (see docs/api.md).
     *
     * @return the table, each line ending in the platform line separator (as {@code %n} does)
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        int width = Math.max(20, sections.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String row = "%-" + width + "s %9s %9s %9s %9s%n";
        out.append(String.format(Locale.ROOT, row, "section", "correct", "covered", "questions", "accuracy"));
        for (Section s : sections) {
            out.append(String.format(Locale.ROOT, row, s.name(), count(s.correct()), count(s.covered()),
                    count(s.questions()), percent(s.covered(), s.accuracy())));
        }
        out.append("-".repeat(width + 40)).append(System.lineSeparator());
        int semanticCovered = sections.stream().filter(s -> !s.syntactic()).mapToInt(Section::covered).sum();
        int syntacticCovered = sections.stream().filter(Section::syntactic).mapToInt(Section::covered).sum();
        if (semanticCovered > 0 && syntacticCovered > 0) {
            out.append(total(row, "semantic", false));
            out.append(total(row, "syntactic", true));
        }
        out.append(String.format(Locale.ROOT, row, "total", count(correct()), count(covered()), count(questions),
                percent(covered(), accuracy())));
        out.append(String.format(Locale.ROOT, "coverage: %s of %s questions (%.1f%%) have all four words among the"
                + " %s most frequent words%n", count(covered()), count(questions), 100 * coverage(),
                count(restrictVocabulary)));
        return out.toString();
    }

    private String total(String row, String name, boolean syntactic) {
        int correct = 0;
        int covered = 0;
        int inSections = 0;
        for (Section s : sections) {
            if (s.syntactic() == syntactic) {
                correct += s.correct();
                covered += s.covered();
                inSections += s.questions();
            }
        }
        return String.format(Locale.ROOT, row, name, count(correct), count(covered), count(inSections),
                percent(covered, syntactic ? syntacticAccuracy() : semanticAccuracy()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(int covered, double accuracy) {
        return covered == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }

    /**
     * A one-line summary: the total accuracy with its counts, and the coverage.
     *
     * @return for example {@code analogies: 61.3% (1,234 of 2,013 covered; 2,013 of 19,544 questions
     *     covered, 10.3%)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "analogies: %s (%s of %s covered; %s of %s questions covered, %.1f%%)",
                percent(covered(), accuracy()), count(correct()), count(covered()), count(covered()),
                count(questions), 100 * coverage());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }
}
