package dev.skipgram.spark;

import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.checkpoint.RecipeState;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.internal.kernels.FloatMatrix;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's checkpoints, one after every round, in a directory of any Hadoop {@link FileSystem}:
 * {@code checkpoint-<rounds done>.sgd}, in the library's checkpoint format ({@link CheckpointStore}:
 * magic {@code SGDCKPT2}, the run's identity, the state, the parameters [2V, d] as X over U, CRC-32).
 * The state is {@code wordsBefore} (which sets the learning rate), {@code partitions},
 * {@code threads} and every generator as {@code generator.<partition>.<thread>}; the step is the
 * number of rounds trained over all epochs.
 *
 * <p>A checkpoint is written to {@code .checkpoint-<step>.sgd.tmp}, then renamed; only then is the
 * older one deleted, so a crash at any moment leaves the previous checkpoint, or the new one, intact
 * (a crash between the rename and the deletion leaves both; the newest wins). Hadoop's own checksum
 * files are not written: the format's CRC-32 covers the whole file.
 *
 * <p>Rules, as {@code ./skipgram train} has them: a fresh run refuses a directory that holds a
 * checkpoint; a resumed run refuses a directory that holds none, a damaged one, or one of another run
 * (naming every setting that differs). Used by the driver's thread only; owns its {@link FileSystem}
 * instance, closed by {@link #close()}.
 */
final class DriverCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DriverCheckpoints.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.sgd");
    private static final Pattern TEMPORARY = Pattern.compile("\\.checkpoint-\\d+\\.sgd\\.tmp");
    private static final String WORDS_BEFORE = "wordsBefore";
    private static final String PARTITIONS = "partitions";
    private static final String THREADS = "threads";
    private static final String GENERATOR = "generator.";

    /** Where a resumed run continues: after {@code roundsDone} rounds, with these values. */
    record Saved(long roundsDone, long wordsBefore, float[] x, float[] u, byte[][][] generators) {}

    private final FileSystem fs;
    private final Path directory;
    private final RunSettings settings;
    private final int v;
    private final int d;

    private DriverCheckpoints(FileSystem fs, Path directory, RunSettings settings, int v, int d) {
        this.fs = fs;
        this.directory = directory;
        this.settings = settings;
        this.v = v;
        this.d = d;
    }

    /**
     * Opens the directory, creating it if missing, and checks it against the resume rules.
     *
     * @param directory a Hadoop path
     * @param hadoop the Hadoop configuration (the Spark context's)
     * @param settings the run's identity
     * @param resume whether the run resumes
     * @param v the vocabulary's size: X and U are [V, d]
     * @param d the dimension
     * @throws IllegalStateException if the directory cannot be used, holds a checkpoint of an earlier
     *     run without {@code resume}, or none with it
     */
    static DriverCheckpoints open(String directory, Configuration hadoop, RunSettings settings, boolean resume,
            int v, int d) {
        Path dir = new Path(directory);
        FileSystem fs;
        try {
            fs = FileSystem.newInstance(dir.toUri(), hadoop);
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint directory " + directory + ": no file system for it ("
                    + e.getMessage() + ")", e);
        }
        fs.setWriteChecksum(false); // the format's CRC-32 covers the file; .crc files would only add noise
        fs.setVerifyChecksum(false);
        DriverCheckpoints c = new DriverCheckpoints(fs, fs.makeQualified(dir), settings, v, d);
        try {
            c.requireUsable(resume);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void requireUsable(boolean resume) {
        try {
            if (fs.exists(directory) && !fs.getFileStatus(directory).isDirectory()) {
                throw new IllegalStateException("checkpoint directory " + directory + " is a file, not a directory");
            }
            if (!fs.mkdirs(directory)) {
                throw new IllegalStateException("cannot create checkpoint directory " + directory);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot use checkpoint directory " + directory + ": " + e.getMessage(), e);
        }
        List<Path> files = newestFirst();
        if (!files.isEmpty() && !resume) {
            throw new IllegalStateException("checkpoint directory " + directory + " holds a checkpoint from an"
                    + " earlier run (" + files.get(0).getName() + "); resume it (SparkOptions.withResume(true),"
                    + " --resume), or use another directory");
        }
        if (files.isEmpty() && resume) {
            throw new IllegalStateException("resume: checkpoint directory " + directory
                    + " holds no checkpoint to resume from");
        }
    }

    /**
     * Reads the newest checkpoint and checks that it belongs to this run and has these shapes.
     *
     * @throws IllegalStateException if it is damaged or belongs to another run, with what differs
     */
    Saved load(int partitions, int threads) {
        Path file = newestFirst().get(0);
        Checkpoint c;
        try (FSDataInputStream in = fs.open(file)) {
            c = CheckpointStore.read(in, fs.getFileStatus(file).getLen(), file.toString());
        } catch (EOFException e) {
            throw damaged(file, "it is truncated");
        } catch (FileNotFoundException e) {
            throw damaged(file, "it disappeared");
        } catch (IOException e) {
            throw damaged(file, e.getMessage());
        }
        String differences = settings.differencesFrom(c.settings());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("cannot resume from checkpoint " + file + ": it belongs to a different"
                    + " run: " + differences + "; train with the same corpus and settings, or use another"
                    + " checkpoint directory");
        }
        INDArray parameters = c.parameters();
        if (parameters.dataType() != DataType.FLOAT
                || !Arrays.equals(parameters.shape(), new long[] {2L * v, d})) {
            throw damaged(file, "its parameters are " + parameters.dataType() + Arrays.toString(parameters.shape())
                    + ", expected FLOAT[" + 2L * v + ", " + d + "]");
        }
        RecipeState s = c.state();
        byte[][][] generators = new byte[partitions][threads][];
        long wordsBefore;
        try {
            wordsBefore = s.getLong(WORDS_BEFORE);
            if (s.getLong(PARTITIONS) != partitions || s.getLong(THREADS) != threads || wordsBefore < 0) {
                throw damaged(file, "its state does not match its settings (" + s + ")");
            }
            for (int p = 0; p < partitions; p++) {
                for (int t = 0; t < threads; t++) {
                    generators[p][t] = s.getBytes(GENERATOR + p + "." + t);
                }
            }
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
        FloatMatrix values = FloatMatrix.flat(parameters);
        int n = v * d;
        float[] x = new float[n];
        float[] u = new float[n];
        values.get(0, x, n);
        values.get(n, u, n);
        return new Saved(c.step(), wordsBefore, x, u, generators);
    }

    private IllegalStateException damaged(Path file, String why) {
        return new IllegalStateException("cannot resume from checkpoint " + file + ": it is damaged (" + why
                + "); delete the directory " + directory + " to start afresh");
    }

    /**
     * Writes the checkpoint after {@code roundsDone} rounds, then deletes the older ones.
     *
     * @throws UncheckedIOException if it cannot be written; the previous checkpoint is then intact
     */
    void save(long roundsDone, long wordsBefore, float[] x, float[] u, byte[][][] generators) {
        int n = v * d;
        INDArray parameters = Nd4j.create(DataType.FLOAT, 2L * v, d); // [2V, d]: X over U
        FloatMatrix values = FloatMatrix.flat(parameters);
        values.put(0, x, n);
        values.put(n, u, n);
        RecipeState.Builder state = RecipeState.builder().putLong(WORDS_BEFORE, wordsBefore)
                .putLong(PARTITIONS, generators.length).putLong(THREADS, generators[0].length);
        for (int p = 0; p < generators.length; p++) {
            for (int t = 0; t < generators[p].length; t++) {
                state.putBytes(GENERATOR + p + "." + t, generators[p][t]);
            }
        }
        long started = System.nanoTime();
        Checkpoint checkpoint = new Checkpoint(roundsDone, settings, state.build(), parameters);
        Path target = pathFor(roundsDone);
        Path temporary = new Path(directory, "." + target.getName() + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(temporary, true)) {
                CheckpointStore.write(checkpoint, out);
                out.hsync();
            }
            fs.delete(target, false); // only a leftover of an earlier attempt at the same step
            if (!fs.rename(temporary, target)) {
                throw new IOException("renaming " + temporary.getName() + " to " + target.getName() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
        deleteAllBut(target);
        LOG.info("checkpoint {} written in {} s", target.getName(),
                String.format("%.2f", (System.nanoTime() - started) / 1e9));
    }

    Path pathFor(long step) {
        return new Path(directory, String.format("checkpoint-%010d.sgd", step));
    }

    Path directory() {
        return directory;
    }

    /** The checkpoint files, newest (most rounds) first. */
    List<Path> newestFirst() {
        try {
            List<Path> files = new ArrayList<>();
            for (FileStatus f : fs.listStatus(directory)) {
                if (f.isFile() && NAME.matcher(f.getPath().getName()).matches()) {
                    files.add(f.getPath());
                }
            }
            files.sort(Comparator.comparingLong(DriverCheckpoints::stepOf).reversed());
            return files;
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getName());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private void deleteAllBut(Path newest) {
        try {
            for (FileStatus f : fs.listStatus(directory)) {
                String name = f.getPath().getName();
                boolean old = NAME.matcher(name).matches() && !f.getPath().equals(newest);
                if (old || TEMPORARY.matcher(name).matches()) {
                    fs.delete(f.getPath(), false);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not delete old checkpoints in {}: {}", directory, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            LOG.warn("closing the file system of {}: {}", directory, e.toString());
        }
    }
}
