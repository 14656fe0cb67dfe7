package dev.skipgram.spark;

import dev.skipgram.WordVectors;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.factory.Nd4j;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The word vectors a {@link SkipGramEstimator} trained, as a Spark ML {@link Model}: {@link #transform}
 * adds to every row the mean vector of its words, as {@code org.apache.spark.ml.feature.Word2VecModel}
 * does, except that words not in the vocabulary are left out of the mean (Spark's divides by the
 * row's length, counting them as zero vectors): a row with no known word, empty or null, gets the
 * zero vector.
 *
 * <p>Persistence ({@link #write()}, {@link #load(String)}): under the path, {@code metadata/} as Spark's
 * {@code DefaultParamsWriter} writes it (class, uid, parameters) and {@code data/vectors.bin}, the
 * centre vectors in the word2vec binary format ({@link Word2VecFormat}), which gensim and the
 * {@code skipgram} command read. Both go through Hadoop's {@code FileSystem}, so HDFS and S3 paths
 * work. The outside vectors and the word counts are not saved: a loaded model's vocabulary counts are
 * the ranks V, …, 1, as from any word2vec file.
 *
 * <p>The vectors live on the driver; {@link #transform} broadcasts them. Not thread-safe while its
 * parameters are being set.
 */
public final class SkipGramModel extends Model<SkipGramModel> implements SkipGramParams, MLWritable {

    private static final long serialVersionUID = 1L;
    private static final String VECTORS_FILE = "data/vectors.bin";

    /** The unique id: Spark ML names a stage and its parameters by it. */
    private final String uid;
    /** The parameter objects, owned by this stage. */
    final ParamSet params;
    private final transient WordVectors vectors;

    SkipGramModel(String uid, WordVectors vectors) {
        this.uid = ParamSet.notBlank("uid", uid);
        this.vectors = Objects.requireNonNull(vectors, "vectors");
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
    public SkipGramModel setInputCol(String value) {
        set(inputCol(), ParamSet.notBlank("inputCol", value));
        return this;
    }

    /**
     * @param value the output column
     * @return this
     * @throws IllegalArgumentException if null or blank
     */
    public SkipGramModel setOutputCol(String value) {
        set(outputCol(), ParamSet.notBlank("outputCol", value));
        return this;
    }

    /**
     * The trained vectors, on the driver.
     *
     * @return the vectors (the outside vectors too, unless this model was loaded)
     */
    public WordVectors wordVectors() {
        return vectors;
    }

    /**
     * Adds the output column: the mean of the vectors of the row's words that are in the vocabulary
     * (a dense ml {@code Vector} of d doubles, the sum taken in double), the zero vector when none is.
     *
     * @param dataset rows with the input column
     * @return the rows with the output column
     * @throws IllegalArgumentException if the input column is missing or not {@code array<string>}, or
     *     the output column exists
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Broadcast<VectorTable> table = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext())
                .broadcast(new VectorTable(vectors));
        UserDefinedFunction mean = functions.udf(
                (UDF1<scala.collection.Seq<String>, Vector>) words -> table.value()
                        .mean(words == null ? null : CollectionConverters.asJava(words)),
                SQLDataTypes.VectorType());
        return dataset.withColumn(getOutputCol(), mean.apply(functions.col(getInputCol())));
    }

    /**
     * @param schema the input's schema
     * @return the schema with the output column
     * @throws IllegalArgumentException as {@link SkipGramParams#validateAndTransformSchema} does
     */
    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    /**
     * The vectors as a DataFrame, in vocabulary order (most frequent first).
     *
     * @return rows (word: string, vector: a dense ml {@code Vector}), in the active session
     */
    public Dataset<Row> getVectors() {
        float[] values = vectors.centerVectors().data().asFloat();
        int d = vectors.dimension();
        List<Row> rows = new ArrayList<>(vectors.vocabulary().size());
        for (int w = 0; w < vectors.vocabulary().size(); w++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = values[w * d + j];
            }
            rows.add(RowFactory.create(vectors.vocabulary().word(w), Vectors.dense(row)));
        }
        StructType schema = new StructType()
                .add("word", DataTypes.StringType, false)
                .add("vector", SQLDataTypes.VectorType(), false);
        return SparkSession.active().createDataFrame(rows, schema);
    }

    /**
     * The {@code n} words most similar to {@code word} by cosine, most similar first, as
     * {@link WordVectors#mostSimilar(String, int)} finds them.
     *
     * @param word a word of the vocabulary
     * @param n how many, in [1, V]
     * @return rows (word: string, similarity: double), in the active session
     * @throws IllegalArgumentException if the word is not in the vocabulary, or {@code n} is out of
     *     range
     */
    public Dataset<Row> findSynonyms(String word, int n) {
        Objects.requireNonNull(word, "word");
        if (!vectors.vocabulary().contains(word)) {
            throw new IllegalArgumentException("'" + word + "' is not in the model's vocabulary of "
                    + vectors.vocabulary().size() + " words");
        }
        return neighbors(vectors.mostSimilar(word, n));
    }

    /**
     * The {@code n} words whose vectors are most similar to {@code vector} by cosine, most similar
     * first, as {@link WordVectors#mostSimilar(org.nd4j.linalg.api.ndarray.INDArray, int)} finds them:
     * a word whose own vector this is comes first (as in Spark's Word2VecModel).
     *
     * @param vector d values, finite, not all zero
     * @param n how many, in [1, V]
     * @return rows (word: string, similarity: double), in the active session
     * @throws IllegalArgumentException if the vector has another length than d, is zero or not
     *     finite, or {@code n} is out of range
     */
    public Dataset<Row> findSynonyms(Vector vector, int n) {
        Objects.requireNonNull(vector, "vector");
        return neighbors(vectors.mostSimilar(Nd4j.createFromArray(vector.toArray()), n));
    }

    private static Dataset<Row> neighbors(List<WordVectors.Neighbor> found) {
        List<Row> rows = new ArrayList<>(found.size());
        for (WordVectors.Neighbor neighbor : found) {
            rows.add(RowFactory.create(neighbor.word(), neighbor.similarity()));
        }
        StructType schema = new StructType()
                .add("word", DataTypes.StringType, false)
                .add("similarity", DataTypes.DoubleType, false);
        return SparkSession.active().createDataFrame(rows, schema);
    }

    @Override
    public SkipGramModel copy(ParamMap extra) {
        SkipGramModel copy = copyValues(new SkipGramModel(uid, vectors), extra);
        return copy.setParent(parent());
    }

    /**
     * @return a writer of this model: {@code write().save(path)}, {@code write().overwrite().save(path)}
     */
    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /**
     * @return a reader of saved models
     */
    public static MLReader<SkipGramModel> read() {
        return new Reader();
    }

    /**
     * Loads a model saved with {@code write().save(path)}.
     *
     * @param path where it was saved (any Hadoop file system)
     * @return the model, with its uid, parameters and centre vectors
     * @throws UncheckedIOException naming the file if the vectors cannot be read
     */
    public static SkipGramModel load(String path) {
        return read().load(path);
    }

    /** Writes the metadata as Spark's {@code DefaultParamsWriter} does, then the vectors. */
    private static final class Writer extends MLWriter {

        private final SkipGramModel model;

        Writer(SkipGramModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
            Path file = new Path(path, VECTORS_FILE);
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                try (FSDataOutputStream out = fs.create(file, false)) {
                    Word2VecFormat.write(model.vectors, out, Word2VecFormat.Format.BINARY);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the vectors to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads what {@link Writer} wrote. */
    private static final class Reader extends MLReader<SkipGramModel> {

        @Override
        public SkipGramModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    SkipGramModel.class.getName());
            Path file = new Path(path, VECTORS_FILE);
            WordVectors vectors;
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                long size = fs.getFileStatus(file).getLen();
                try (FSDataInputStream in = fs.open(file)) {
                    vectors = Word2VecFormat.read(in, size, Word2VecFormat.Format.BINARY, file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vectors of " + path + ": " + e.getMessage(), e);
            }
            SkipGramModel model = new SkipGramModel(metadata.uid(), vectors);
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        }
    }
}
