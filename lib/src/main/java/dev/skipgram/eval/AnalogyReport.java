package dev.skipgram.eval;

import java.util.List;

/**
 * The outcome of {@link Evaluation#analogies}: per-section and total accuracy over the questions
 * whose four words are all among the evaluated words.
 *
 * @param sections the sections in file order
 * @param questions every question in the file
 * @param restrictVocabulary the number of most frequent words answers were searched in
 */
public record AnalogyReport(List<Section> sections, int questions, int restrictVocabulary) {

    /** Copies the section list. */
    public AnalogyReport {
        sections = List.copyOf(sections);
    }

    /**
     * One section of the question file ({@code : capital-common-countries}, ...).
     *
     * @param name the section name without the colon
     * @param correct questions answered correctly
     * @param covered questions whose four words were all in the evaluated vocabulary
     * @param questions questions in the section
     */
    public record Section(String name, int correct, int covered, int questions) {

        /** Whether this is a syntactic section (named {@code gram...}, as in Mikolov et al.'s file). */
        public boolean syntactic() {
            return name.startsWith("gram");
        }

        /** correct / covered, or 0 if nothing was covered. */
        public double accuracy() {
            return covered == 0 ? 0.0 : (double) correct / covered;
        }
    }

    /** Correct answers over all sections. */
    public int correct() {
        return sections.stream().mapToInt(Section::correct).sum();
    }

    /** Covered questions over all sections. */
    public int covered() {
        return sections.stream().mapToInt(Section::covered).sum();
    }

    /** Total accuracy: correct / covered, over all sections. */
    public double accuracy() {
        return ratio(correct(), covered());
    }

    /** Accuracy over the semantic (non-{@code gram}) sections. */
    public double semanticAccuracy() {
        return ratio(sections.stream().filter(s -> !s.syntactic()).mapToInt(Section::correct).sum(),
                sections.stream().filter(s -> !s.syntactic()).mapToInt(Section::covered).sum());
    }

    /** Accuracy over the syntactic ({@code gram}) sections. */
    public double syntacticAccuracy() {
        return ratio(sections.stream().filter(Section::syntactic).mapToInt(Section::correct).sum(),
                sections.stream().filter(Section::syntactic).mapToInt(Section::covered).sum());
    }

    /** The fraction of questions covered. */
    public double coverage() {
        return ratio(covered(), questions);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }
}
