package dev.skipgram.spark;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Estimator} that trains word vectors with {@link SparkSkipGram} (the word2vec
 * recipe: skip-gram with negative sampling, SPEC §7) and gives a {@link SkipGramModel}: it takes the
 * place of {@code org.apache.spark.ml.feature.Word2Vec} in a {@code Pipeline}, with the same
 * parameter names ({@link SkipGramParams} lists them and their defaults).
 *
 * <p>{@link #fit} trains on the input column ({@code array<string>}, a null row counting as empty)
 * with {@code SkipGramConfig.word2vec()}: vectorSize → dimension, windowSize, minCount, maxIter →
 * epochs, stepSize → learning rate, seed, and one thread per partition (Spark's parallelism is the
 * partitions); its other settings are word2vec's (5 negatives, subsampling 1e-3). Where Spark's
 * Word2Vec trains hierarchical softmax without subsampling, this trains negative sampling with it.
 * Same seed, same data and same partitions: the same vectors.
 *
 * <pre>{@code
 * SkipGramEstimator skipGram = new SkipGramEstimator()
 *         .setInputCol("words").setOutputCol("features").setVectorSize(100).setNumPartitions(4);
 * PipelineModel model = new Pipeline().setStages(new PipelineStage[] {tokenizer, skipGram}).fit(text);
 * }</pre>
 *
 * <p>Saved and loaded as Spark saves a stage without data ({@link #write()}, {@link #load(String)}).
 * Not thread-safe while its parameters are being set, as every Spark ML stage.
 */
public final class SkipGramEstimator extends Estimator<SkipGramModel>
        implements SkipGramParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    /** The unique id: Spark ML names a stage and its parameters by it. */
    private final String uid;
    /** The parameter objects, owned by this stage. */
    final ParamSet params;

    /** Creates an estimator with a random uid ({@code skipGram_…}) and the default parameters. */
    public SkipGramEstimator() {
        this(Identifiable$.MODULE$.randomUID("skipGram"));
    }

    /**
     * Creates an estimator with the default parameters (Spark's {@code copy} and loading call this).
     *
     * @param uid its unique id
     */
    public SkipGramEstimator(String uid) {
        this.uid = ParamSet.notBlank("uid", uid);
        this.params = ParamSet.of(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * @param value the input column, {@code array<string>}
     * @return this
     * @throws IllegalArgumentException if null or blank
     */
    public SkipGramEstimator setInputCol(String value) {
        set(inputCol(), ParamSet.notBlank("inputCol", value));
        return this;
    }

    /**
     * @param value the output column
     * @return this
     * @throws IllegalArgumentException if null or blank
     */
    public SkipGramEstimator setOutputCol(String value) {
        set(outputCol(), ParamSet.notBlank("outputCol", value));
        return this;
    }

    /**
     * @param value the dimension d, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setVectorSize(int value) {
        set(vectorSize(), ParamSet.atLeastOne("vectorSize", value));
        return this;
    }

    /**
     * @param value the window size, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setWindowSize(int value) {
        set(windowSize(), ParamSet.atLeastOne("windowSize", value));
        return this;
    }

    /**
     * @param value the minimum count, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setMinCount(int value) {
        set(minCount(), ParamSet.atLeastOne("minCount", value));
        return this;
    }

    /**
     * @param value the epochs, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setMaxIter(int value) {
        set(maxIter(), ParamSet.atLeastOne("maxIter", value));
        return this;
    }

    /**
     * @param value the initial learning rate, finite and &gt; 0
     * @return this
     * @throws IllegalArgumentException if not finite and positive
     */
    public SkipGramEstimator setStepSize(double value) {
        set(stepSize(), ParamSet.positive("stepSize", value));
        return this;
    }

    /**
     * @param value the partitions, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setNumPartitions(int value) {
        set(numPartitions(), ParamSet.atLeastOne("numPartitions", value));
        return this;
    }

    /**
     * @param value the synchronous rounds per epoch, ≥ 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public SkipGramEstimator setRoundsPerEpoch(int value) {
        set(roundsPerEpoch(), ParamSet.atLeastOne("roundsPerEpoch", value));
        return this;
    }

    /**
     * @param value the seed
     * @return this
     */
    public SkipGramEstimator setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /**
     * Trains on the input column and returns the model, holding these parameters.
     *
     * @param dataset the rows
     * @return the model, on the driver, with this estimator as its parent
     * @throws IllegalArgumentException if the input column is missing or not {@code array<string>},
     *     the output column exists, or as {@link SparkSkipGram#train(Dataset, String, SkipGramConfig,
     *     SparkOptions)} throws (nothing to train, a null token)
     * @throws IllegalStateException if training diverges
     */
    @Override
    public SkipGramModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        SkipGramConfig config = SkipGramConfig.word2vec()
                .dimension(getVectorSize())
                .windowSize(getWindowSize())
                .minCount(getMinCount())
                .epochs(getMaxIter())
                .learningRate(getStepSize())
                .seed(getSeed())
                .threads(1)
                .build();
        SparkOptions options = SparkOptions.of(getNumPartitions()).withRoundsPerEpoch(getRoundsPerEpoch());
        WordVectors vectors = SparkSkipGram.train(dataset.toDF(), getInputCol(), config, options);
        SkipGramModel model = copyValues(new SkipGramModel(uid, vectors), ParamMap.empty());
        return model.setParent(this);
    }

    /**
     * @param schema the input's schema
     * @return the schema the model's transform gives
     * @throws IllegalArgumentException as {@link SkipGramParams#validateAndTransformSchema} does
     */
    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    @Override
    public SkipGramEstimator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * @return a reader of saved estimators
     */
    public static MLReader<SkipGramEstimator> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads an estimator saved with {@code write().save(path)}.
     *
     * @param path where it was saved (any Hadoop file system)
     * @return the estimator, with its uid and parameters
     */
    public static SkipGramEstimator load(String path) {
        return read().load(path);
    }
}
