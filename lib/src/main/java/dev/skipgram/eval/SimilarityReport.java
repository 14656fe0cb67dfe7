package dev.skipgram.eval;

/**
 * The outcome of {@link Evaluation#similarity}: how well cosine similarity ranks word pairs like
 * human judges do. Immutable and thread-safe.
 *
 * @param spearman Spearman's rank correlation between the human scores and the cosine similarities
 *     of the pairs used (ties get average ranks); NaN if fewer than two pairs were usable
 * @param pairsUsed pairs whose two words are both in the vocabulary
 * @param pairsSkipped pairs with a word not in the vocabulary
 */
public record SimilarityReport(double spearman, int pairsUsed, int pairsSkipped) {

    /**
     * The share of pairs skipped, as gensim reports it.
     *
     * @return 100 × skipped / (used + skipped), in [0, 100]; 0 if the file has no pair
     */
    public double outOfVocabularyPercent() {
        int all = pairsUsed + pairsSkipped;
        return all == 0 ? 0.0 : 100.0 * pairsSkipped / all;
    }
}
