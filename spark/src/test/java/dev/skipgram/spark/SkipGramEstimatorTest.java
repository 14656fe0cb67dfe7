package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Tokenizer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SkipGramEstimator} and {@link SkipGramModel} on {@code local[2]}: one model fitted for the class. */
class SkipGramEstimatorTest {

    private static final List<List<String>> CORPUS = TestCorpus.topics(800, 11);
    private static final StructType WORDS = new StructType()
            .add("words", DataTypes.createArrayType(DataTypes.StringType), true);

    private static SparkSession spark;
    private static Dataset<Row> corpus;
    private static SkipGramModel model;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        corpus = rows(CORPUS);
        model = small().fit(corpus);
    }

    private static SkipGramEstimator small() {
        return new SkipGramEstimator().setInputCol("words").setOutputCol("features").setVectorSize(8)
                .setWindowSize(3).setMinCount(2).setMaxIter(2).setStepSize(0.05).setNumPartitions(2)
                .setRoundsPerEpoch(2).setSeed(3);
    }

    private static Dataset<Row> rows(List<List<String>> sentences) {
        List<Row> rows = new ArrayList<>();
        for (List<String> s : sentences) {
            rows.add(RowFactory.create((Object) (s == null ? null : s.toArray(new String[0]))));
        }
        return spark.createDataFrame(rows, WORDS);
    }

    /** The mean of the known words' vectors in double, from WordVectors, as the model must compute it. */
    private static double[] expectedMean(WordVectors vectors, List<String> sentence) {
        double[] sum = new double[vectors.dimension()];
        int known = 0;
        for (String word : sentence == null ? List.<String>of() : sentence) {
            if (vectors.vocabulary().contains(word)) {
                float[] v = vectors.vector(word).toFloatVector();
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += v[j];
                }
                known++;
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] = known == 0 ? 0 : sum[j] / known;
        }
        return sum;
    }

    @Test
    void transformAveragesTheKnownWordsOnlyAndGivesZeroWithoutAny() {
        List<List<String>> sentences = Arrays.asList(
                List.of("t0w0", "t0w1", "never-seen"),
                List.of("t1w2"),
                List.of("oov", "t2w0", "oov", "t2w3", "t2w0"),
                List.of("oov", "also-oov"),
                List.of(),
                null);
        List<Row> out = model.transform(rows(sentences)).collectAsList();
        assertEquals(sentences.size(), out.size());
        for (int i = 0; i < sentences.size(); i++) {
            Vector v = out.get(i).getAs("features");
            assertArrayEquals(expectedMean(model.wordVectors(), sentences.get(i)), v.toArray(), 1e-12,
                    "row " + i + " " + sentences.get(i));
        }
        assertArrayEquals(new double[8], ((Vector) out.get(3).getAs("features")).toArray());
    }

    @Test
    void worksInAPipelineAfterATokenizerAndThePipelineSavesAndLoads(@TempDir Path dir) throws IOException {
        List<Row> text = new ArrayList<>();
        for (List<String> s : CORPUS) {
            text.add(RowFactory.create(String.join(" ", s)));
        }
        Dataset<Row> df = spark.createDataFrame(text, new StructType().add("text", DataTypes.StringType));
        Tokenizer tokenizer = new Tokenizer().setInputCol("text").setOutputCol("words");
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {tokenizer, small()}).fit(df);
        SkipGramModel stage = (SkipGramModel) fitted.stages()[1];
        // the tokenizer lower-cases, so the vocabulary is the corpus's, lower-cased
        assertTrue(stage.wordVectors().vocabulary().contains("t0w0"));
        Row first = fitted.transform(df).select("words", "features").first();
        assertArrayEquals(expectedMean(stage.wordVectors(), first.getList(0)),
                ((Vector) first.getAs("features")).toArray(), 1e-12);
        // same data, seed and partitions as the fit on the array column: the same vectors
        assertArrayEquals(model.wordVectors().centerVectors().data().asFloat(),
                stage.wordVectors().centerVectors().data().asFloat());
        // Spark's PipelineModel persistence finds the stages' static read()
        fitted.write().save(dir.resolve("pipeline").toString());
        PipelineModel back = PipelineModel.load(dir.resolve("pipeline").toString());
        Dataset<Row> some = df.limit(5);
        assertEquals(fitted.transform(some).collectAsList(), back.transform(some).collectAsList());
        Pipeline unfitted = new Pipeline().setStages(new PipelineStage[] {tokenizer, small()});
        unfitted.write().save(dir.resolve("unfitted").toString());
        SkipGramEstimator stage1 = (SkipGramEstimator) Pipeline.load(dir.resolve("unfitted").toString()).getStages()[1];
        assertEquals(8, stage1.getVectorSize());
    }

    @Test
    void fitTrainsWhatSparkSkipGramTrainsWithTheMappedSettings() {
        SkipGramConfig config = SkipGramConfig.word2vec().dimension(8).windowSize(3).minCount(2).epochs(2)
                .learningRate(0.05).seed(3).threads(1).build();
        WordVectors direct = SparkSkipGram.train(corpus, "words", config, SparkOptions.of(2).withRoundsPerEpoch(2));
        assertEquals(direct.vocabulary(), model.wordVectors().vocabulary());
        assertArrayEquals(direct.centerVectors().data().asFloat(),
                model.wordVectors().centerVectors().data().asFloat());
        assertSame(SkipGramModel.class, model.getClass());
        assertTrue(model.hasParent());
    }

    @Test
    void defaultsAreSparkWord2VecsWhereItHasTheParameter() {
        SkipGramEstimator e = new SkipGramEstimator();
        assertEquals(100, e.getVectorSize());
        assertEquals(5, e.getWindowSize());
        assertEquals(5, e.getMinCount());
        assertEquals(1, e.getMaxIter());
        assertEquals(0.025, e.getStepSize());
        assertEquals(1, e.getNumPartitions());
        assertEquals(SparkOptions.DEFAULT_ROUNDS_PER_EPOCH, e.getRoundsPerEpoch());
        assertEquals(e.uid() + "__output", e.getOutputCol());
        assertEquals(10, e.params().length);
    }

    @Test
    void getVectorsAndFindSynonymsGiveDataFrames() {
        WordVectors vectors = model.wordVectors();
        List<Row> all = model.getVectors().collectAsList();
        assertEquals(vectors.vocabulary().size(), all.size());
        for (int w = 0; w < all.size(); w++) {
            String word = all.get(w).getString(0);
            assertEquals(vectors.vocabulary().word(w), word);
            float[] expected = vectors.vector(word).toFloatVector();
            double[] got = ((Vector) all.get(w).get(1)).toArray();
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], got[j]);
            }
        }
        List<Row> synonyms = model.findSynonyms("t1w0", 4).collectAsList();
        List<WordVectors.Neighbor> expected = vectors.mostSimilar("t1w0", 4);
        assertEquals(4, synonyms.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(expected.get(i).word(), synonyms.get(i).getString(0));
            assertEquals(expected.get(i).similarity(), synonyms.get(i).getDouble(1));
        }
        List<Row> byVector = model.findSynonyms(all.get(5).<Vector>getAs(1), 2).collectAsList();
        assertEquals(vectors.vocabulary().word(5), byVector.get(0).getString(0));
        assertEquals(1.0, byVector.get(0).getDouble(1), 1e-6);
        assertEquals(vectors.mostSimilar(vectors.vector(vectors.vocabulary().word(5)), 2).get(1).word(),
                byVector.get(1).getString(0));
        assertThrows(IllegalArgumentException.class,
                () -> model.findSynonyms(org.apache.spark.ml.linalg.Vectors.zeros(8), 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.findSynonyms("no-such-word", 3));
        assertEquals("'no-such-word' is not in the model's vocabulary of " + vectors.vocabulary().size() + " words",
                e.getMessage());
    }

    @Test
    void theModelRoundTripsThroughSaveAndLoad(@TempDir Path dir) throws IOException {
        String path = dir.resolve("model").toString();
        model.write().save(path);
        SkipGramModel back = SkipGramModel.load(path);
        assertEquals(model.uid(), back.uid());
        for (var param : model.params()) {
            assertEquals(model.getOrDefault(param), back.getOrDefault(param), param.name());
            assertEquals(model.isSet(param), back.isSet(param), param.name());
        }
        assertEquals(model.wordVectors().vocabulary().words(), back.wordVectors().vocabulary().words());
        assertEquals(model.wordVectors().centerVectors(), back.wordVectors().centerVectors());
        WordVectors file = Word2VecFormat.read(dir.resolve("model/data/vectors.bin"), Word2VecFormat.Format.BINARY);
        assertEquals(model.wordVectors().vocabulary().words(), file.vocabulary().words());
        assertEquals(model.wordVectors().centerVectors(), file.centerVectors());
        Dataset<Row> some = rows(CORPUS.subList(0, 5));
        assertEquals(model.transform(some).collectAsList(), back.transform(some).collectAsList());
        assertThrows(IOException.class, () -> model.write().save(path)); // Spark's rule: overwrite() to replace
        model.write().overwrite().save(path);
    }

    @Test
    void theEstimatorRoundTripsThroughSaveAndLoad(@TempDir Path dir) throws IOException {
        SkipGramEstimator e = small();
        String path = dir.resolve("estimator").toString();
        e.write().save(path);
        SkipGramEstimator back = SkipGramEstimator.load(path);
        assertEquals(e.uid(), back.uid());
        for (var param : e.params()) {
            assertEquals(e.getOrDefault(param), back.getOrDefault(param), param.name());
        }
    }

    @Test
    void badParametersAreRefusedWithTheirNameAndValue() {
        SkipGramEstimator e = new SkipGramEstimator();
        assertEquals("vectorSize must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> e.setVectorSize(0)).getMessage());
        assertEquals("windowSize must be >= 1, got -1",
                assertThrows(IllegalArgumentException.class, () -> e.setWindowSize(-1)).getMessage());
        assertEquals("minCount must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> e.setMinCount(0)).getMessage());
        assertEquals("maxIter must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> e.setMaxIter(0)).getMessage());
        assertEquals("numPartitions must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> e.setNumPartitions(0)).getMessage());
        assertEquals("roundsPerEpoch must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> e.setRoundsPerEpoch(0)).getMessage());
        assertEquals("stepSize must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> e.setStepSize(Double.NaN)).getMessage());
        assertEquals("inputCol must not be null or blank, got ''",
                assertThrows(IllegalArgumentException.class, () -> e.setInputCol("")).getMessage());
        assertEquals(100, e.getVectorSize());
        // through a ParamMap, Spark's own check refuses it, naming the parameter and the value
        IllegalArgumentException viaMap = assertThrows(IllegalArgumentException.class,
                () -> small().fit(corpus, ParamMap.empty().put(e.vectorSize().w(0))));
        assertTrue(viaMap.getMessage().contains("vectorSize given invalid value 0"), viaMap.getMessage());
    }

    @Test
    void badColumnsAreRefusedBeforeTraining() {
        Dataset<Row> text = spark.createDataFrame(List.of(RowFactory.create("a b")),
                new StructType().add("words", DataTypes.StringType));
        assertEquals("column 'words' must be array<string>, got string",
                assertThrows(IllegalArgumentException.class, () -> small().fit(text)).getMessage());
        assertEquals("no column 'tokens'; the columns are [words]", assertThrows(IllegalArgumentException.class,
                () -> small().setInputCol("tokens").fit(corpus)).getMessage());
        assertEquals("output column 'words' already exists; the columns are [words]",
                assertThrows(IllegalArgumentException.class,
                        () -> model.copy(ParamMap.empty()).setOutputCol("words").transform(corpus)).getMessage());
        assertNotEquals("words", model.getOutputCol()); // the copy's parameters are its own
    }
}
