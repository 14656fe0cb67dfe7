package dev.skipgram.spark;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameter objects of one {@link SkipGramParams} owner, with their defaults set on it.
 *
 * @param inputCol the input column
 * @param outputCol the output column
 * @param vectorSize d
 * @param windowSize the window
 * @param minCount the minimum count
 * @param maxIter the epochs
 * @param stepSize the learning rate
 * @param numPartitions the partitions
 * @param roundsPerEpoch the rounds per epoch
 * @param seed the seed
 */
record ParamSet(Param<String> inputCol, Param<String> outputCol, IntParam vectorSize, IntParam windowSize,
        IntParam minCount, IntParam maxIter, DoubleParam stepSize, IntParam numPartitions,
        IntParam roundsPerEpoch, LongParam seed) {

    /** The default seed, as Spark's {@code HasSeed} makes it: the hash of the estimator's class name. */
    static final long DEFAULT_SEED = SkipGramEstimator.class.getName().hashCode();

    /**
     * Creates the parameters of {@code owner} and sets their defaults on it.
     *
     * @param owner the estimator or model
     * @return its parameters
     */
    static ParamSet of(Params owner) {
        ParamSet s = new ParamSet(
                new Param<>(owner, "inputCol", "input column: array<string>, one tokenised sentence a row"),
                new Param<>(owner, "outputCol", "output column: the mean vector of the row's known words"),
                new IntParam(owner, "vectorSize", "dimension of the word vectors (>= 1)", ParamValidators.gtEq(1)),
                new IntParam(owner, "windowSize", "largest centre-outside distance (>= 1)", ParamValidators.gtEq(1)),
                new IntParam(owner, "minCount", "fewest occurrences of a vocabulary word (>= 1)",
                        ParamValidators.gtEq(1)),
                new IntParam(owner, "maxIter", "epochs (>= 1)", ParamValidators.gtEq(1)),
                new DoubleParam(owner, "stepSize", "initial learning rate (> 0)", ParamValidators.gt(0)),
                new IntParam(owner, "numPartitions", "partitions training in parallel (>= 1)",
                        ParamValidators.gtEq(1)),
                new IntParam(owner, "roundsPerEpoch", "synchronous rounds per epoch (>= 1)",
                        ParamValidators.gtEq(1)),
                new LongParam(owner, "seed", "random seed"));
        owner.setDefault(s.outputCol, owner.uid() + "__output");
        owner.setDefault(s.vectorSize, 100);
        owner.setDefault(s.windowSize, 5);
        owner.setDefault(s.minCount, 5);
        owner.setDefault(s.maxIter, 1);
        owner.setDefault(s.stepSize, 0.025);
        owner.setDefault(s.numPartitions, 1);
        owner.setDefault(s.roundsPerEpoch, SparkOptions.DEFAULT_ROUNDS_PER_EPOCH);
        owner.setDefault(s.seed, DEFAULT_SEED);
        return s;
    }

    /** {@code value} if it is at least 1; otherwise an exception naming the parameter and the value. */
    static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and positive; otherwise an exception naming the parameter and the value. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is not null or blank (a column name, a uid); otherwise an exception naming {@code name}. */
    static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank, got " + (value == null ? "null"
                    : "'" + value + "'"));
        }
        return value;
    }
}
