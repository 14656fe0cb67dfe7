package dev.skipgram.eval;

import java.util.Locale;

/**
 * The outcome of {@link Evaluation#similarity}: how well cosine similarity ranks word pairs like
 * human judges do. Immutable and thread-safe.
 *
 * <p>gensim's {@code evaluate_word_pairs} reports both correlations; so does this report.
 *
 * @param spearman Spearman's rank correlation between the human scores and the cosine similarities
 *     of the pairs used (ties get average ranks); NaN if fewer than two pairs were usable
 * @param pairsUsed pairs whose two words are both in the vocabulary
 * @param pairsSkipped pairs with a word not in the vocabulary
 * @param pearson Pearson's linear correlation between the human scores and the cosine similarities
 *     of the pairs used, as scipy's {@code pearsonr} (gensim's figure); NaN if fewer than two pairs
 *     were usable, if either side is constant, or if the report was made without it. <b>Evolving</b>
 *     (see docs/api.md): added after the other components
 */
public record SimilarityReport(double spearman, int pairsUsed, int pairsSkipped, double pearson) {

    /**
     * A report without Pearson's correlation ({@link #pearson()} is NaN), as the report was before
     * it had one.
     *
     * @param spearman Spearman's rank correlation, or NaN
     * @param pairsUsed pairs whose two words are both in the vocabulary
     * @param pairsSkipped pairs with a word not in the vocabulary
     */
    public SimilarityReport(double spearman, int pairsUsed, int pairsSkipped) {
        this(spearman, pairsUsed, pairsSkipped, Double.NaN);
    }

    /**
     * The share of pairs skipped, as gensim reports it.
     *
     * @return 100 × skipped / (used + skipped), in [0, 100]; 0 if the file has no pair
     */
    public double outOfVocabularyPercent() {
        int all = pairsUsed + pairsSkipped;
        return all == 0 ? 0.0 : 100.0 * pairsSkipped / all;
    }

    /**
     * A one-line summary, both correlations with the pairs they rest on.
     *
     * @return for example {@code Spearman 0.6543, Pearson 0.6231 on 320 pairs (33 skipped, 9.4%)};
     *     an undefined correlation prints as {@code undefined}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Spearman %s, Pearson %s on %,d pairs (%,d skipped, %.1f%%)",
                format(spearman), format(pearson), pairsUsed, pairsSkipped, outOfVocabularyPercent());
    }

    private static String format(double correlation) {
        return Double.isNaN(correlation) ? "undefined" : String.format(Locale.ROOT, "%.4f", correlation);
    }
}
