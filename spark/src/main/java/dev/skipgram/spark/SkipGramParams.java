package dev.skipgram.spark;

import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The parameters {@link SkipGramEstimator} and {@link SkipGramModel} share, named as Spark's
 * {@code org.apache.spark.ml.feature.Word2Vec} names them, with their getters; the model carries
 * the values its estimator was fitted with. Defaults (the same as Spark's Word2Vec where it has the
 * parameter): vectorSize 100, windowSize 5, minCount 5, maxIter 1, stepSize 0.025,
 * numPartitions 1, outputCol {@code uid + "__output"}; seed the hash of the estimator's class name (as
 * Spark's {@code HasSeed} derives it); and, not in Spark, roundsPerEpoch
 * {@value SparkOptions#DEFAULT_ROUNDS_PER_EPOCH}.
 *
 * <p>A value out of range is refused by the setter (an {@link IllegalArgumentException} naming the
 * parameter, its range and the value) and by Spark's own check when set through a {@code ParamMap}.
 */
public sealed interface SkipGramParams extends Params permits SkipGramEstimator, SkipGramModel {

    /** @return the input column, {@code array<string>}: each row a tokenised sentence */
    default Param<String> inputCol() {
        return parameters().inputCol();
    }

    /** @return the output column, an ml {@code Vector}: the mean of the row's word vectors */
    default Param<String> outputCol() {
        return parameters().outputCol();
    }

    /** @return the dimension d of the word vectors, ≥ 1 */
    default IntParam vectorSize() {
        return parameters().vectorSize();
    }

    /** @return the largest distance between a centre and an outside word, ≥ 1 */
    default IntParam windowSize() {
        return parameters().windowSize();
    }

    /** @return the fewest occurrences a word needs to be in the vocabulary, ≥ 1 */
    default IntParam minCount() {
        return parameters().minCount();
    }

    /** @return the epochs (passes over the corpus), ≥ 1 */
    default IntParam maxIter() {
        return parameters().maxIter();
    }

    /** @return the initial learning rate, &gt; 0 (decaying linearly to 0.0001, as word2vec's does) */
    default DoubleParam stepSize() {
        return parameters().stepSize();
    }

    /** @return the partitions that train in parallel, ≥ 1 */
    default IntParam numPartitions() {
        return parameters().numPartitions();
    }

    /** @return the synchronous rounds per epoch, ≥ 1 ({@link SparkOptions#roundsPerEpoch()}) */
    default IntParam roundsPerEpoch() {
        return parameters().roundsPerEpoch();
    }

    /** @return the seed of every random draw of training */
    default LongParam seed() {
        return parameters().seed();
    }

    /** The parameter objects of this stage: the interface is sealed, so this is one of the two. */
    private ParamSet parameters() {
        return this instanceof SkipGramEstimator e ? e.params : ((SkipGramModel) this).params;
    }

    /** @return the input column's name */
    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    /** @return the output column's name */
    default String getOutputCol() {
        return getOrDefault(outputCol());
    }

    /** @return the dimension d */
    default int getVectorSize() {
        return (Integer) getOrDefault(vectorSize());
    }

    /** @return the window size */
    default int getWindowSize() {
        return (Integer) getOrDefault(windowSize());
    }

    /** @return the minimum count */
    default int getMinCount() {
        return (Integer) getOrDefault(minCount());
    }

    /** @return the epochs */
    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    /** @return the initial learning rate */
    default double getStepSize() {
        return (Double) getOrDefault(stepSize());
    }

    /** @return the partitions */
    default int getNumPartitions() {
        return (Integer) getOrDefault(numPartitions());
    }

    /** @return the rounds per epoch */
    default int getRoundsPerEpoch() {
        return (Integer) getOrDefault(roundsPerEpoch());
    }

    /** @return the seed */
    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /**
     * The schema a transform gives: the input column checked, the output column added.
     *
     * @param schema the input's schema
     * @return the schema with the output column ({@code Vector}, nullable) appended
     * @throws IllegalArgumentException if the input column is missing or not {@code array<string>},
     *     or the output column already exists
     */
    default StructType validateAndTransformSchema(StructType schema) {
        SparkSkipGram.requireStringArray(schema, getInputCol());
        String out = getOutputCol();
        if (List.of(schema.fieldNames()).contains(out)) {
            throw new IllegalArgumentException("output column '" + out + "' already exists; the columns are "
                    + List.of(schema.fieldNames()));
        }
        return schema.add(new StructField(out, SQLDataTypes.VectorType(), true, Metadata.empty()));
    }
}
