package dev.skipgram.corpus.synthetic;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A corpus generated from a small hidden structure, with the analogy questions that test whether
 * trained vectors recovered it: the built-in corpus of {@code skipgram train}, which needs no
 * download.
 *
 * <p>The structure (a toy world with real names and simplified facts):
 * <ul>
 *   <li>24 countries, each with a capital, a language and two things it is known for
 *       ({@code france}, {@code paris}, {@code french}; {@code seine}, {@code wine});
 *   <li>24 countable nouns in four topics (animals, vehicles, food, the body), each in the singular
 *       and the plural and with two words it goes with ({@code dog}, {@code dogs}; {@code leash},
 *       {@code bone});
 *   <li>phrase frames that give each role its own context words: capitals appear with "mayor" and
 *       "streets", countries with "president" and "government", languages with "speak" and
 *       "grammar", singular nouns with "a ... is", plural nouns with "two ... are".
 * </ul>
 * Each sentence is a role frame around one word, followed by a phrase naming something its country or
 * noun is known for (and, for nouns, a topic phrase); one country sentence in six states a fact
 * relating a country's three words instead. For example: "the mayor of paris loves the seine", "two
 * dogs are near the leash on the farm", "in japan people speak japanese". About 290 words in all.
 *
 * <p>The relations, as analogy sections ({@link #relations()}, {@link #analogyQuestions()}):
 * {@code capital-country} (paris france berlin germany), {@code country-language} (france french
 * germany german) and {@code gram-plural} (dog dogs cat cats), 1,656 questions in all.
 *
 * <p>Generation is deterministic: the same size and seed give the same sentences. Immutable and
 * thread-safe; the sentences are held in memory (about 9 tokens a sentence). No method returns null,
 * and every list returned is unmodifiable.
 */
public final class SyntheticCorpus {

    /**
     * The number of sentences {@code skipgram train} uses by default: about 270,000 tokens, from which
     * the word2vec recipe recovers the relations in a few seconds.
     */
    public static final int DEFAULT_SENTENCES = 30_000;

    /** The share of sentences about countries; the rest are about nouns. */
    private static final double COUNTRY_SHARE = 0.6;
    /** The share of country sentences that state a fact relating capital, country and language. */
    private static final double FACT_SHARE = 1.0 / 6;

    private final List<List<String>> sentences;
    private final long tokens;
    private final List<Relation> relations;

    private SyntheticCorpus(List<List<String>> sentences, List<Relation> relations) {
        this.sentences = sentences;
        this.tokens = sentences.stream().mapToLong(List::size).sum();
        this.relations = relations;
    }

    /**
     * Generates {@value #DEFAULT_SENTENCES} sentences from {@code seed}.
     *
     * @param seed any value; equal seeds give equal corpora
     * @return the corpus
     */
    public static SyntheticCorpus generate(long seed) {
        return generate(DEFAULT_SENTENCES, seed);
    }

    /**
     * Generates {@code sentences} sentences from {@code seed}.
     *
     * @param sentences how many sentences, ≥ 1
     * @param seed any value; equal sizes and seeds give equal corpora
     * @return the corpus
     * @throws IllegalArgumentException if {@code sentences} is below 1
     */
    public static SyntheticCorpus generate(int sentences, long seed) {
        if (sentences < 1) {
            throw new IllegalArgumentException("sentences must be >= 1, got " + sentences);
        }
        World.checkDistinct();
        RestorableRandom rng = RestorableRandom.seeded(seed);
        List<List<String>> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            out.add(List.of(sentence(rng).split(" ")));
        }
        return new SyntheticCorpus(List.copyOf(out), relationsOfTheWorld());
    }

    private static String sentence(RandomGenerator rng) {
        if (rng.nextDouble() < COUNTRY_SHARE) {
            World.Country c = pick(World.COUNTRIES, rng);
            if (rng.nextDouble() < FACT_SHARE) {
                return fill(pick(World.FACTS, rng), Map.of("{country}", c.country(), "{capital}", c.capital(),
                        "{language}", c.language()));
            }
            String subject = switch (rng.nextInt(3)) {
                case 0 -> fill(pick(World.CAPITAL_FRAMES, rng), Map.of("{w}", c.capital()));
                case 1 -> fill(pick(World.COUNTRY_FRAMES, rng), Map.of("{w}", c.country()));
                default -> fill(pick(World.LANGUAGE_FRAMES, rng), Map.of("{w}", c.language()));
            };
            String known = rng.nextBoolean() ? c.known1() : c.known2();
            return subject + " " + fill(pick(World.KNOWN_FRAMES, rng), Map.of("{k}", known));
        }
        World.Noun n = pick(World.NOUNS, rng);
        String subject = rng.nextBoolean()
                ? fill(pick(World.SINGULAR_FRAMES, rng), Map.of("{w}", n.singular()))
                : fill(pick(World.PLURAL_FRAMES, rng), Map.of("{w}", n.plural()));
        String known = rng.nextBoolean() ? n.known1() : n.known2();
        return subject + " " + fill(pick(World.NOUN_KNOWN_FRAMES, rng), Map.of("{k}", known)) + " "
                + pick(n.topic().phrases(), rng);
    }

    private static <T> T pick(List<T> items, RandomGenerator rng) {
        return items.get(rng.nextInt(items.size()));
    }

    private static String fill(String frame, Map<String, String> values) {
        String s = frame;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    private static List<Relation> relationsOfTheWorld() {
        return List.of(
                new Relation("capital-country", World.COUNTRIES.stream()
                        .map(c -> new Relation.Pair(c.capital(), c.country())).toList()),
                new Relation("country-language", World.COUNTRIES.stream()
                        .map(c -> new Relation.Pair(c.country(), c.language())).toList()),
                new Relation("gram-plural", World.NOUNS.stream()
                        .map(n -> new Relation.Pair(n.singular(), n.plural())).toList()));
    }

    /**
     * The sentences as a corpus to train on.
     *
     * @return a corpus in memory; every pass gives the same sentences
     */
    public Corpus corpus() {
        return sentences::stream;
    }

    /**
     * The sentences.
     *
     * @return each sentence as a list of tokens, in order (unmodifiable)
     */
    public List<List<String>> sentences() {
        return sentences;
    }

    /**
     * The corpus size.
     *
     * @return the number of tokens over all sentences
     */
    public long tokens() {
        return tokens;
    }

    /**
     * The relations hidden in the corpus.
     *
     * @return capital-country, country-language and gram-plural, in the order of
     *     {@link #analogyQuestions()}'s sections
     */
    public List<Relation> relations() {
        return relations;
    }

    /**
     * The analogy questions of all relations, as the lines of a file in the format of
     * {@code questions-words.txt}: a line {@code ": name"} opening each relation's section, then its
     * {@link Relation#questions()}. Score vectors on them with
     * {@link dev.skipgram.eval.Evaluation#analogies(dev.skipgram.WordVectors, List, int)}, or write
     * them to a file.
     *
     * @return the lines, section headings included (1,659 of them)
     */
    public List<String> analogyQuestions() {
        List<String> lines = new ArrayList<>();
        for (Relation r : relations) {
            lines.add(": " + r.name());
            lines.addAll(r.questions());
        }
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "SyntheticCorpus[" + sentences.size() + " sentences, " + tokens + " tokens, relations "
                + Arrays.toString(relations.stream().map(Relation::name).toArray()) + "]";
    }
}
