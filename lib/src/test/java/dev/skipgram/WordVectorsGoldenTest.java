package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.skipgram.eval.Evaluation;
import dev.skipgram.eval.SimilarityReport;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link WordVectors}' gensim-compatible queries against gensim 4's own answers on a fixed fixture.
 *
 * <p>{@code src/test/resources/queries/vectors.txt} (300 words × 24 dimensions, with planted
 * analogies), {@code pairs.tsv} and {@code golden.tsv} come from {@code scripts/query_golden.py}: NumPy
 * draws the fixture from a seed, and gensim's {@code KeyedVectors} answers every query on it
 * ({@code most_similar}, {@code most_similar_cosmul}, {@code doesnt_match}, {@code n_similarity},
 * {@code similarity}, {@code distance}, {@code rank}, {@code similar_by_vector},
 * {@code evaluate_word_pairs}). The script refuses a fixture whose ranked scores come closer than
 * 1e-5, so float rounding cannot reorder them. Regenerate with
 * {@code /usr/bin/python3 scripts/query_golden.py} from the repository root; never edit by hand.
 *
 * <p>Each answer must be the same words in the same order, with scores within 1e-5.
 */
class WordVectorsGoldenTest {

    private static final double TOLERANCE = 1e-5;

    private static WordVectors vectors;
    private static List<String[]> golden;

    @BeforeAll
    static void readFixture() throws IOException, URISyntaxException {
        vectors = Word2VecFormat.read(resource("vectors.txt"), Word2VecFormat.Format.TEXT);
        golden = new ArrayList<>();
        try (InputStream in = WordVectorsGoldenTest.class.getResourceAsStream("/queries/golden.tsv")) {
            assertNotNull(in, "resource /queries/golden.tsv not on the test classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    golden.add(line.split("\t", -1));
                }
            }
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = WordVectorsGoldenTest.class.getResource("/queries/" + name);
        assertNotNull(url, "resource /queries/" + name + " not on the test classpath");
        return Path.of(url.toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyQueryAnswersAsGensimDoes() {
        return golden.stream().map(g -> DynamicTest.dynamicTest(String.join(" ", g).substring(0,
                Math.min(80, String.join(" ", g).length())), () -> check(g)));
    }

    @TestFactory
    Stream<DynamicTest> theBatchAnswersAsGensimDoes() {
        List<String[]> cases = golden.stream().filter(g -> g[0].equals("most_similar")).toList();
        List<WordVectors.Query> queries = cases.stream()
                .map(g -> new WordVectors.Query(words(g[1]), words(g[2]))).toList();
        int n = cases.stream().mapToInt(g -> Integer.parseInt(g[3])).max().orElseThrow();
        List<List<WordVectors.Neighbor>> answers = vectors.mostSimilar(queries, n);
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "batch " + cases.get(i)[1] + " - " + cases.get(i)[2], () -> {
                    int k = Integer.parseInt(cases.get(i)[3]);
                    List<WordVectors.Neighbor> a = answers.get(i);
                    assertRanked(cases.get(i)[4], a.subList(0, Math.min(k, a.size())));
                }));
    }

    private static void check(String[] g) throws IOException, URISyntaxException {
        String method = g[0];
        switch (method) {
            case "most_similar" -> assertRanked(g[4], vectors.mostSimilar(words(g[1]), words(g[2]),
                    Integer.parseInt(g[3])));
            case "most_similar_cosmul" -> assertRanked(g[4], vectors.mostSimilarCosMul(words(g[1]), words(g[2]),
                    Integer.parseInt(g[3])));
            case "doesnt_match" -> assertEquals(g[4], vectors.doesntMatch(words(g[1])));
            case "n_similarity" -> assertEquals(Double.parseDouble(g[4]),
                    vectors.nSimilarity(words(g[1]), words(g[2])), TOLERANCE);
            case "similarity" -> assertEquals(Double.parseDouble(g[4]), vectors.similarity(g[1], g[2]), TOLERANCE);
            case "distance" -> assertEquals(Double.parseDouble(g[4]), vectors.distance(g[1], g[2]), TOLERANCE);
            case "rank" -> assertEquals(Integer.parseInt(g[4]), vectors.rank(g[1], g[2]));
            case "similar_by_vector" -> assertRanked(g[4], vectors.similarByVector(
                    vectors.vector(g[1]).add(vectors.vector(g[2])), Integer.parseInt(g[3])));
            case "evaluate_word_pairs" -> {
                double[] expected = Arrays.stream(g[4].split(" ")).mapToDouble(Double::parseDouble).toArray();
                SimilarityReport report = Evaluation.similarity(vectors, resource(g[1]));
                // gensim correlates float32 cosines, these are double: the figures agree to about 1e-8
                assertEquals(expected[0], report.pearson(), 1e-6, "Pearson");
                assertEquals(expected[1], report.spearman(), 1e-6, "Spearman");
                assertEquals(expected[2], report.outOfVocabularyPercent(), 1e-6, "out of vocabulary %");
            }
            default -> throw new AssertionError("unknown method in golden.tsv: " + method);
        }
    }

    private static List<String> words(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(","));
    }

    private static void assertRanked(String expected, List<WordVectors.Neighbor> actual) {
        String[] items = expected.split(" ");
        assertEquals(Arrays.stream(items).map(x -> x.substring(0, x.lastIndexOf(':'))).toList(),
                actual.stream().map(WordVectors.Neighbor::word).toList(), "words, in order");
        for (int i = 0; i < items.length; i++) {
            double score = Double.parseDouble(items[i].substring(items[i].lastIndexOf(':') + 1));
            assertEquals(score, actual.get(i).similarity(), TOLERANCE, "score of " + actual.get(i).word());
        }
    }
}
