package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGram;
import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkSkipGram#train} on {@code local[2]} (the module's shared session): one JVM, so the API,
 * exactness and errors, not the cluster.
 */
class SparkSkipGramTest {

    private static SparkSession spark;
    private static JavaSparkContext jsc;
    private static final List<List<String>> CORPUS = TestCorpus.topics(2500, 5);

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        jsc = SharedSpark.context();
    }

    static SkipGramConfig.Builder small() {
        return SkipGramConfig.word2vec().dimension(16).windowSize(3).negatives(4).minCount(2).epochs(2)
                .subsampleThreshold(1e-3).threads(1).seed(7).reportInterval(Duration.ofMinutes(1));
    }

    private static JavaRDD<List<String>> rdd(List<List<String>> sentences, int partitions) {
        return jsc.parallelize(sentences, partitions);
    }

    private static float[] values(WordVectors v, boolean center) {
        return (center ? v.centerVectors() : v.outsideVectors().orElseThrow()).data().asFloat();
    }

    @Test
    void onePartitionAndOneThreadGiveExactlyTheSingleMachineVectors() {
        SkipGramConfig config = small().build();
        WordVectors single = SkipGram.train(Corpus.of(CORPUS), config);
        for (int rounds : new int[] {1, 3}) {
            WordVectors spread = SparkSkipGram.train(rdd(CORPUS, 1), config, SparkOptions.of(1)
                    .withRoundsPerEpoch(rounds));
            assertEquals(single.vocabulary(), spread.vocabulary());
            assertArrayEquals(values(single, true), values(spread, true), "rounds " + rounds);
            assertArrayEquals(values(single, false), values(spread, false), "rounds " + rounds);
        }
    }

    @Test
    void hierarchicalSoftmaxOnOnePartitionGivesExactlyTheSingleMachineVectorsInEitherOrder() {
        for (NegativeSharing sharing : NegativeSharing.values()) {
            SkipGramConfig config = small().loss(LossType.HIERARCHICAL_SOFTMAX).negativeSharing(sharing).epochs(1)
                    .build();
            WordVectors single = SkipGram.train(Corpus.of(CORPUS), config);
            WordVectors spread = SparkSkipGram.train(rdd(CORPUS, 1), config, SparkOptions.of(1).withRoundsPerEpoch(2));
            assertArrayEquals(values(single, true), values(spread, true), sharing.name());
            assertArrayEquals(values(single, false), values(spread, false), sharing.name());
        }
    }

    @Test
    void linesOfTextTrainAsPlainTextOnOneMachineAndAsTheirSentences(@TempDir Path dir) throws IOException {
        String[] separators = {" ", "  ", "\t", "\u00a0", " \u3000 ", "\u0085"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            lines.add((i % 7 == 0 ? "\t" : "") + String.join(separators[i % separators.length], CORPUS.get(i)));
            if (i % 50 == 0) {
                lines.add(i % 100 == 0 ? "" : " \t "); // blank lines are skipped
            }
        }
        SkipGramConfig config = small().epochs(1).build();
        Path file = dir.resolve("corpus.txt");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        WordVectors single = SkipGram.train(Corpus.plainText(file), config);
        WordVectors text = SparkSkipGram.trainText(jsc.parallelize(lines, 1), config, SparkOptions.of(1)
                .withRoundsPerEpoch(2));
        assertEquals(single.vocabulary(), text.vocabulary());
        assertArrayEquals(values(single, true), values(text, true));
        assertArrayEquals(values(single, false), values(text, false));

        List<String> plain = CORPUS.stream().map(s -> String.join(" ", s)).toList();
        SparkOptions two = SparkOptions.of(2).withRoundsPerEpoch(3);
        WordVectors fromLines = SparkSkipGram.trainText(jsc.parallelize(plain, 2), config, two);
        WordVectors fromSentences = SparkSkipGram.train(rdd(CORPUS, 2), config, two);
        assertArrayEquals(values(fromSentences, true), values(fromLines, true));
        assertArrayEquals(values(fromSentences, false), values(fromLines, false));
    }

    @Test
    void aLineThatIsNotTextIsRefusedWithItsPlace() {
        List<String> lines = new ArrayList<>(List.of("a b a b", "b a b a", "a b\0 c"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SparkSkipGram.trainText(jsc.parallelize(lines, 1), small().build(), SparkOptions.of(1)));
        assertEquals("corpus partition 0 of the lines, line 3: a NUL character (U+0000): the corpus must be UTF-8"
                + " text, and this looks like a binary or UTF-16 file", e.getMessage());
        List<List<String>> withNull = List.of(List.of("a", "b"), java.util.Arrays.asList("b", null));
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(withNull, 1), small().build(), SparkOptions.of(1)));
        assertEquals("sentence 2 holds a null token: [b, null]", n.getMessage());
    }

    @Test
    void cbowOnOnePartitionGivesExactlyTheSingleMachineVectorsWithEitherLoss() {
        for (LossType loss : new LossType[] {LossType.NEGATIVE_SAMPLING, LossType.HIERARCHICAL_SOFTMAX}) {
            SkipGramConfig config = small().model(Model.CBOW).loss(loss).epochs(1).build();
            WordVectors single = SkipGram.train(Corpus.of(CORPUS), config);
            WordVectors spread = SparkSkipGram.train(rdd(CORPUS, 1), config, SparkOptions.of(1).withRoundsPerEpoch(3));
            assertArrayEquals(values(single, true), values(spread, true), loss.name());
            assertArrayEquals(values(single, false), values(spread, false), loss.name());
        }
    }

    @Test
    void theVocabularyIsTheSingleMachineOneWhateverThePartitioning() {
        Vocabulary expected = Vocabulary.byCount(Corpus.of(CORPUS), 2, 30);
        WordVectors spread = SparkSkipGram.train(rdd(CORPUS, 3), small().maxVocabularySize(30).epochs(1).build(),
                SparkOptions.of(3).withRoundsPerEpoch(1));
        assertEquals(expected, spread.vocabulary());
    }

    @Test
    void sameSeedAndPartitioningGiveTheSameVectors() {
        SkipGramConfig config = small().build();
        SparkOptions options = SparkOptions.of(2).withRoundsPerEpoch(3);
        WordVectors a = SparkSkipGram.train(rdd(CORPUS, 2), config, options);
        WordVectors b = SparkSkipGram.train(rdd(CORPUS, 2), config, options);
        assertArrayEquals(values(a, true), values(b, true));
        assertArrayEquals(values(a, false), values(b, false));
        WordVectors other = SparkSkipGram.train(rdd(CORPUS, 2), small().seed(8).build(), options);
        assertFalse(java.util.Arrays.equals(values(a, true), values(other, true)));
    }

    @Test
    void bothExchangesGiveTheSameVectorsBitForBit() {
        // every rule, with a row merged from two partitions' changes in most rounds; CBOW as well
        for (SkipGramConfig config : List.of(small().build(), small().loss(LossType.HIERARCHICAL_SOFTMAX).build(),
                small().model(Model.CBOW).build())) {
            for (RowMerge merge : List.of(RowMerge.BY_LOSS, RowMerge.AVERAGE)) {
                SparkOptions options = SparkOptions.of(2).withRoundsPerEpoch(3).withMerge(merge);
                WordVectors broadcast = SparkSkipGram.train(rdd(CORPUS, 2), config,
                        options.withExchange(Exchange.BROADCAST));
                WordVectors direct = SparkSkipGram.train(rdd(CORPUS, 2), config, options.withExchange(Exchange.DIRECT));
                String what = config.model() + " " + config.loss() + " " + merge;
                assertArrayEquals(values(broadcast, true), values(direct, true), what);
                assertArrayEquals(values(broadcast, false), values(direct, false), what);
            }
        }
    }

    @Test
    void theDirectExchangeNeedsATaskSlotPerPartitionAndAutoFallsBack() {
        SkipGramConfig config = small().epochs(1).build();
        SparkOptions three = SparkOptions.of(3).withRoundsPerEpoch(2); // local[2]: two slots
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(CORPUS, 3), config, three.withExchange(Exchange.DIRECT)));
        assertEquals("exchange DIRECT trains every partition at once in a barrier stage, but the cluster has 2 free"
                + " task slots for 3 partitions: use fewer partitions, more executors, or Exchange.BROADCAST",
                e.getMessage());
        WordVectors auto = SparkSkipGram.train(rdd(CORPUS, 3), config, three);
        WordVectors broadcast = SparkSkipGram.train(rdd(CORPUS, 3), config, three.withExchange(Exchange.BROADCAST));
        assertArrayEquals(values(broadcast, true), values(auto, true));
    }

    @Test
    void repartitioningIsContiguousAndRepeatable() {
        SkipGramConfig config = small().epochs(1).build();
        SparkOptions options = SparkOptions.of(2).withRoundsPerEpoch(2);
        WordVectors a = SparkSkipGram.train(rdd(CORPUS, 5), config, options);
        WordVectors direct = SparkSkipGram.train(rdd(CORPUS, 2), config, options);
        assertArrayEquals(values(a, true), values(direct, true));
    }

    @Test
    void twoPartitionsLearnThePlantedTopicsWithEitherMerge() {
        for (RowMerge merge : RowMerge.values()) {
            WordVectors v = SparkSkipGram.train(rdd(CORPUS, 2), small().epochs(3).build(),
                    SparkOptions.of(2).withMerge(merge).withRoundsPerEpoch(4));
            int correct = 0;
            int total = 0;
            for (String word : v.vocabulary().words()) {
                for (WordVectors.Neighbor n : v.mostSimilar(word, 3)) {
                    total++;
                    if (n.word().charAt(1) == word.charAt(1)) {
                        correct++;
                    }
                }
            }
            assertTrue(correct > 0.9 * total, merge + ": " + correct + " of " + total + " neighbours share a topic");
        }
    }

    @Test
    void aDatasetColumnTrainsAsTheRddDoes() {
        List<Row> rows = new ArrayList<>();
        for (List<String> s : CORPUS.subList(0, 500)) {
            rows.add(RowFactory.create(s, s.size()));
        }
        StructType schema = new StructType()
                .add("tokens", DataTypes.createArrayType(DataTypes.StringType))
                .add("length", DataTypes.IntegerType);
        Dataset<Row> data = spark.createDataFrame(rows, schema).repartition(1);
        SkipGramConfig config = small().epochs(1).build();
        WordVectors fromRows = SparkSkipGram.train(data, "tokens", config, SparkOptions.of(1));
        WordVectors fromRdd = SparkSkipGram.train(rdd(CORPUS.subList(0, 500), 1), config, SparkOptions.of(1));
        assertArrayEquals(values(fromRdd, true), values(fromRows, true));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(data, "length", config, SparkOptions.of(1)));
        assertEquals("column 'length' must be array<string>, got int", wrongType.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(data, "words", config, SparkOptions.of(1)));
        assertEquals("no column 'words'; the columns are [tokens, length]", missing.getMessage());
    }

    @Test
    void anEmptyRddIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(List.of(), 2), small().build(), SparkOptions.of(2)));
        assertEquals("no word occurs at least minCount = 2 times: the RDD is empty or too small", e.getMessage());
    }

    @Test
    void wordsAllBelowMinCountAreRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(CORPUS, 2), small().minCount(1_000_000).build(), SparkOptions.of(2)));
        assertEquals("no word occurs at least minCount = 1000000 times: the RDD is empty or too small",
                e.getMessage());
    }

    @Test
    void aVocabularyOverTheBroadcastBudgetIsRefusedBeforeAnyRound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(CORPUS, 2), small().build(),
                        SparkOptions.of(2).withMaxBroadcastBytes(1000)));
        assertEquals("the parameters of V = 36 words of d = 16 dimensions (2·V·d floats, 4608 bytes) exceed the"
                + " broadcast budget of 1000 bytes (SparkOptions.maxBroadcastBytes): raise minCount, lower"
                + " maxVocabularySize or dimension, or raise the budget", e.getMessage());
    }

    @Test
    void singleWordSentencesAndOtherRecipesAreRefused() {
        List<List<String>> singles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            singles.add(List.of("w" + (i % 10)));
        }
        IllegalArgumentException noPair = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(singles, 2), small().negatives(2).build(), SparkOptions.of(2)));
        assertTrue(noPair.getMessage().startsWith("no sentence of the corpus has two words"), noPair.getMessage());
        IllegalArgumentException cs224n = assertThrows(IllegalArgumentException.class,
                () -> SparkSkipGram.train(rdd(CORPUS, 2), SkipGramConfig.cs224n().build(), SparkOptions.of(2)));
        assertEquals("Spark trains the WORD2VEC recipe; got CS224N (start from SkipGramConfig.word2vec())",
                cs224n.getMessage());
    }
}
