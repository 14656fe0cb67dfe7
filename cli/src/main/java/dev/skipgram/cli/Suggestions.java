package dev.skipgram.cli;

import dev.skipgram.corpus.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Spellings in a vocabulary close to a word that is not in it: the same word in another case, then
 * words within a small edit distance (Levenshtein: insertions, deletions, substitutions), the most
 * frequent first among equally close ones.
 */
final class Suggestions {

    /** Only the most frequent words are searched, so a huge vocabulary stays cheap (well under a second). */
    static final int SEARCHED_WORDS = 1_000_000;

    private Suggestions() {}

    /**
     * Up to {@code max} words of {@code vocabulary} spelled like {@code word}, closest first.
     *
     * @param word the unknown word
     * @param vocabulary the words, most frequent first
     * @param max the most suggestions returned
     */
    static List<String> similarSpellings(String word, Vocabulary vocabulary, int max) {
        int limit = word.length() <= 3 ? 1 : 2;
        String lower = word.toLowerCase(Locale.ROOT);
        record Candidate(String word, int distance, int rank) {}
        List<Candidate> found = new ArrayList<>();
        int n = Math.min(vocabulary.size(), SEARCHED_WORDS);
        for (int w = 0; w < n; w++) {
            String candidate = vocabulary.word(w);
            if (Math.abs(candidate.length() - word.length()) > limit) {
                continue;
            }
            int d = candidate.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance(word, candidate, limit);
            if (d <= limit) {
                found.add(new Candidate(candidate, d, w));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::rank));
        return found.stream().limit(max).map(Candidate::word).toList();
    }

    /** The edit distance of a and b, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
