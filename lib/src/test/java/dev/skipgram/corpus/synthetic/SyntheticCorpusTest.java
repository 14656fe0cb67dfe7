package dev.skipgram.corpus.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.eval.AnalogyReport;
import dev.skipgram.eval.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    @Test
    void theSameSeedGivesTheSameSentencesAndAnotherSeedDoesNot() {
        SyntheticCorpus a = SyntheticCorpus.generate(2000, 1);
        SyntheticCorpus b = SyntheticCorpus.generate(2000, 1);
        SyntheticCorpus c = SyntheticCorpus.generate(2000, 2);
        assertEquals(a.sentences(), b.sentences());
        assertEquals(a.analogyQuestions(), b.analogyQuestions());
        assertNotEquals(a.sentences(), c.sentences());
        assertEquals(2000, a.sentences().size());
        assertEquals(a.sentences().stream().mapToLong(List::size).sum(), a.tokens());
        try (Stream<List<String>> pass = a.corpus().sentences()) {
            assertEquals(a.sentences(), pass.toList(), "every pass gives the same sentences");
        }
    }

    @Test
    void sentencesReadLikeTheFramesTheyComeFrom() {
        List<String> text = SyntheticCorpus.generate(500, 3).sentences().stream().map(s -> String.join(" ", s))
                .toList();
        assertTrue(text.stream().anyMatch(s -> s.matches("the mayor of \\w+ (is|loves|writes|often|cares).*")),
                text.subList(0, 5).toString());
        assertTrue(text.stream().anyMatch(s -> s.matches("two \\w+ are (near|next|with|beside) .*")));
        assertTrue(text.stream().allMatch(s -> s.length() > 10 && s.equals(s.strip())));
    }

    @Test
    void everyQuestionIsWellFormedAndUsesOnlyCorpusWords() {
        SyntheticCorpus corpus = SyntheticCorpus.generate(SyntheticCorpus.DEFAULT_SENTENCES, 5);
        Vocabulary vocabulary = Vocabulary.byCount(corpus.corpus(), 1, Integer.MAX_VALUE);
        List<String> lines = corpus.analogyQuestions();
        assertEquals(List.of(": capital-country", ": country-language", ": gram-plural"),
                lines.stream().filter(l -> l.startsWith(":")).toList());
        assertEquals(24 * 23 * 3, lines.size() - 3, "n pairs give n(n - 1) questions per section");
        for (String line : lines) {
            if (line.startsWith(":")) {
                continue;
            }
            String[] words = line.split(" ");
            assertEquals(4, words.length, line);
            for (String w : words) {
                assertTrue(vocabulary.contains(w), "'" + w + "' in '" + line + "' is not in the corpus");
            }
        }
        assertTrue(vocabulary.size() > 250 && vocabulary.size() < 350, vocabulary.toString());
        // every word of every relation occurs often enough for word2vec's default min count
        for (Relation r : corpus.relations()) {
            for (Relation.Pair p : r.pairs()) {
                assertTrue(vocabulary.count(vocabulary.indexOf(p.first())) >= 100, p.toString());
                assertTrue(vocabulary.count(vocabulary.indexOf(p.second())) >= 100, p.toString());
            }
        }
    }

    @Test
    void relationsAreValidated() {
        Relation.Pair a = new Relation.Pair("a", "b");
        assertThrows(IllegalArgumentException.class, () -> new Relation("r", List.of(a)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Relation("r", List.of(a, new Relation.Pair("b", "c"))));
        assertTrue(e.getMessage().contains("another pair"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Relation("two words", List.of(a, new Relation.Pair("c", "d"))));
        assertThrows(IllegalArgumentException.class, () -> new Relation.Pair("a b", "c"));
        assertEquals(List.of("a b c d", "c d a b"), new Relation("r", List.of(a, new Relation.Pair("c", "d"))).questions());
        assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.generate(0, 1));
    }

    @Test
    void theWorldGivesEveryWordOnePart() {
        World.checkDistinct(); // throws naming a word that plays two parts
    }

    @Test
    void aShortTrainingRecoversTheHiddenStructure() {
        // One thread, so the run is reproducible; ~2 s. The default corpus (30,000 sentences) with
        // word2vec's defaults answers every question; a third of it still answers most.
        SyntheticCorpus corpus = SyntheticCorpus.generate(10_000, 1);
        SkipGramConfig config = SkipGramConfig.word2vec().dimension(30).threads(1).seed(1)
                .reportInterval(Duration.ofMinutes(1)).build();
        WordVectors vectors = SkipGram.train(corpus.corpus(), config);
        AnalogyReport report = Evaluation.analogies(vectors, corpus.analogyQuestions(), Integer.MAX_VALUE);
        assertEquals(1.0, report.coverage(), 1e-12);
        assertTrue(report.accuracy() > 0.8, "analogy accuracy " + report.accuracy());
        for (AnalogyReport.Section s : report.sections()) {
            assertTrue(s.accuracy() > 0.6, s.toString());
        }
        assertEquals("tokyo", vectors.analogy("france", "paris", "japan", 1).get(0).word());
    }
}
