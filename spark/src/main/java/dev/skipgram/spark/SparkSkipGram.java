package dev.skipgram.spark;

import dev.skipgram.Recipe;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains the word2vec recipe (skip-gram with negative sampling, SPEC §7) on a Spark cluster, in
 * synchronous rounds: every partition trains its share of the round's sentences from the merged
 * input and output vectors, with the kernels, threads and learning-rate schedule of {@link
 * dev.skipgram.SkipGram#train}, and returns the rows it changed, which the driver merges. Where the
 * cluster has a task slot per partition the vectors stay on the executors for the whole run and only
 * rows travel, over sockets ({@link Exchange#DIRECT}); otherwise every round broadcasts them
 * ({@link Exchange#BROADCAST}); both give the same vectors.
 *
 * <ul>
 *   <li>The input is read once: every partition counts its words into a
 *       {@link dev.skipgram.corpus.CountedSentences} (cached), the driver merges the partitions'
 *       counts and prunes and sorts them exactly as the single-machine recipe does (by descending
 *       count, ties in order of first occurrence), and the partitions encode their cached tokens.
 *   <li>Same seed, same partitioning: the same vectors. One partition and one thread: exactly the
 *       vectors {@code SkipGram.train} gives (whatever the rounds per epoch).
 *   <li>A lost task or executor is retried by Spark, and the round's result is unchanged: a round is
 *       a function of the merged parameters, the generators' states and the sentences only (with
 *       the direct exchange Spark reruns the whole stage, which resumes from the last merged round).
 *   <li>With a checkpoint directory ({@link SparkOptions#checkpointDirectory()}) the driver writes a
 *       checkpoint after every round; a run resumed from it ({@link SparkOptions#resume()}) ends with
 *       exactly the vectors of the uninterrupted run.
 * </ul>
 *
 * <p>Thread-safety: concurrent calls share nothing but the Spark context. Arguments must not be null
 * ({@link NullPointerException}); no method returns null.
 */
public final class SparkSkipGram {

    private SparkSkipGram() {}

    /**
     * Trains word vectors on an RDD of tokenised sentences.
     *
     * @param sentences the sentences, each a list of tokens (no whitespace inside a token); read once,
     *     kept in executor memory as indices (4 bytes a token) until they are encoded and cut into
     *     chunks, which are cached there
     * @param config the settings of the {@link Recipe#WORD2VEC} recipe; {@code threads} is per
     *     partition, and its {@code checkpointDirectory} must be null (a distributed run's
     *     checkpoints are set in {@code options})
     * @param options partitions, rounds, merge, broadcast budget, and the checkpoint directory the
     *     driver writes after every round (and resumes from, with {@code resume})
     * @return the vectors, on the driver, with their outside vectors
     * @throws IllegalArgumentException before any round, if the RDD cannot train anything (empty, no
     *     word frequent enough, a single word, no sentence with two known words), K ≥ V, the
     *     parameters exceed the broadcast budget, or the config is not the word2vec recipe's
     * @throws IllegalStateException if training diverges (a non-finite loss); before any round, if the
     *     checkpoint directory cannot be used, holds a checkpoint without {@code options.resume()}, or
     *     with it holds none, a damaged one, or one of another run (naming what differs)
     * @throws java.io.UncheckedIOException if a checkpoint cannot be written (the previous one is
     *     then intact)
     */
    public static WordVectors train(JavaRDD<List<String>> sentences, SkipGramConfig config, SparkOptions options) {
        Objects.requireNonNull(sentences, "sentences");
        requireSpark(config, options);
        return DistributedRun.ofSentences(sentences, config, options).train();
    }

    /**
     * Trains word vectors on lines of text, as {@link #train(JavaRDD, SkipGramConfig, SparkOptions)}
     * does, tokenising them as {@link dev.skipgram.corpus.Corpus#plainText} tokenises a file's lines:
     * split on whitespace (Python's {@code str.split()} set), blank lines skipped, a line of more than
     * {@value dev.skipgram.corpus.Corpus#MAX_SENTENCE_TOKENS} tokens cut into sentences of at most that
     * many. Faster than tokenising the lines into an RDD of sentences first: each partition reads its
     * lines once, without a String per token, and keeps them as indices for the encoding.
     *
     * <p>If the RDD does not have {@code options.partitions()} partitions, its lines (not the sentences
     * cut from them) are split into that many contiguous ranges.
     *
     * @param lines the lines of text, without line terminators (for example {@code textFile(path)})
     * @param config the settings, as for the RDD of sentences
     * @param options partitions, rounds, merge, broadcast budget and checkpoints
     * @return the vectors, on the driver
     * @throws IllegalArgumentException as for the RDD of sentences
     * @throws IllegalStateException as for the RDD of sentences
     * @throws java.io.UncheckedIOException as for the RDD of sentences, and (in the vocabulary pass) if
     *     a line holds a NUL character or a token of more than 10,000 characters, naming the partition
     *     and the line
     */
    public static WordVectors trainText(JavaRDD<String> lines, SkipGramConfig config, SparkOptions options) {
        Objects.requireNonNull(lines, "lines");
        requireSpark(config, options);
        return DistributedRun.ofLines(lines, config, options).train();
    }

    private static void requireSpark(SkipGramConfig config, SparkOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        if (config.recipe() != Recipe.WORD2VEC) {
            throw new IllegalArgumentException("Spark trains the " + Recipe.WORD2VEC + " recipe; got "
                    + config.recipe() + " (start from SkipGramConfig.word2vec())");
        }
        if (config.checkpointDirectory() != null) {
            throw new IllegalArgumentException("config.checkpointDirectory (" + config.checkpointDirectory()
                    + ") is for one machine: leave it null and set SparkOptions.checkpointDirectory for the driver's"
                    + " checkpoints");
        }
    }

    /**
     * Trains word vectors on a column of tokenised sentences, as
     * {@link #train(JavaRDD, SkipGramConfig, SparkOptions)} does. A null sentence counts as empty.
     *
     * @param data the rows
     * @param column a column of type {@code array<string>}
     * @param config the settings, as for the RDD
     * @param options partitions, rounds, merge and broadcast budget
     * @return the vectors, on the driver
     * @throws IllegalArgumentException if the column is missing or not {@code array<string>}, or as
     *     for the RDD; a null token is refused when it is read
     * @throws IllegalStateException as for the RDD
     */
    public static WordVectors train(Dataset<Row> data, String column, SkipGramConfig config, SparkOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(column, "column");
        return train(sentencesOf(data, column), config, options);
    }

    /** The sentences of an {@code array<string>} column. */
    static JavaRDD<List<String>> sentencesOf(Dataset<Row> data, String column) {
        requireStringArray(data.schema(), column);
        return data.select(column).javaRDD().map(row -> {
            if (row.isNullAt(0)) {
                return List.of();
            }
            List<String> tokens = new ArrayList<>(row.<String>getList(0));
            for (String t : tokens) {
                if (t == null) {
                    throw new IllegalArgumentException("column '" + column + "' holds a null token in " + tokens);
                }
            }
            return tokens;
        });
    }

    static void requireStringArray(StructType schema, String column) {
        if (!List.of(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("no column '" + column + "'; the columns are "
                    + List.of(schema.fieldNames()));
        }
        DataType type = schema.apply(column).dataType();
        if (!(type instanceof ArrayType a && a.elementType().equals(DataTypes.StringType))) {
            throw new IllegalArgumentException("column '" + column + "' must be array<string>, got "
                    + type.simpleString());
        }
    }
}
