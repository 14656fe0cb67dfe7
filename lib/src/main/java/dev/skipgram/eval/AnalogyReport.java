package dev.skipgram.eval;

import java.util.List;

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

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }
}
