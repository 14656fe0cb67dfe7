package dev.skipgram.corpus.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One relation of the synthetic world, as a section of analogy questions: a name and the word pairs
 * (a, b) it holds between, for example {@code capital-country} with (paris, france), (berlin,
 * germany), ...
 *
 * <p>Immutable and thread-safe: the pairs are copied into an unmodifiable list. No component is null
 * (the constructors refuse null with a {@link NullPointerException}).
 *
 * @param name the section name, without the colon ({@code gram-} names mark syntactic relations, as
 *     in Mikolov et al.'s {@code questions-words.txt})
 * @param pairs the pairs, at least two, with no word in two pairs
 */
public record Relation(String name, List<Pair> pairs) {

    /**
     * Two words the relation holds between. Immutable and thread-safe; neither word is null.
     *
     * @param first the first word, for example a capital
     * @param second the second word, for example its country
     */
    public record Pair(String first, String second) {

        /**
         * Checks that both words are single non-empty tokens.
         *
         * @param first the first word, not null
         * @param second the second word, not null
         * @throws IllegalArgumentException if a word is empty or contains whitespace
         */
        public Pair {
            requireToken(first);
            requireToken(second);
        }
    }

    /**
     * Copies the pairs and checks there are at least two and that no word repeats.
     *
     * @param name the section name, one token, not null
     * @param pairs the pairs, at least two, none null; copied
     * @throws IllegalArgumentException if the name is not one token, there are fewer than two pairs,
     *     or a word is in two pairs
     */
    public Relation {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a relation name must be one non-empty token, got '" + name + "'");
        }
        pairs = List.copyOf(pairs);
        if (pairs.size() < 2) {
            throw new IllegalArgumentException("relation " + name + " needs at least 2 pairs to make a question, got "
                    + pairs.size());
        }
        Set<String> seen = new HashSet<>();
        for (Pair p : pairs) {
            if (!seen.add(p.first()) || !seen.add(p.second())) {
                throw new IllegalArgumentException("relation " + name + ": a word of " + p + " is in another pair");
            }
        }
    }

    /**
     * The analogy questions of this relation: for every ordered choice of two different pairs
     * (a, b) and (c, d), the line {@code "a b c d"} (a is to b as c is to d). n pairs give n(n − 1)
     * questions.
     *
     * @return the question lines, without a section heading: a new list the caller may modify
     */
    public List<String> questions() {
        List<String> lines = new ArrayList<>(pairs.size() * (pairs.size() - 1));
        for (Pair p : pairs) {
            for (Pair q : pairs) {
                if (p != q) {
                    lines.add(p.first() + " " + p.second() + " " + q.first() + " " + q.second());
                }
            }
        }
        return lines;
    }

    private static void requireToken(String word) {
        Objects.requireNonNull(word, "word");
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a word must be one non-empty token, got '" + word + "'");
        }
    }
}
