package dev.skipgram.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.WordVectors;
import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The driver's checkpoints after every round and {@code resume}: the last checkpoint holds the final
 * vectors, a run killed in the middle (a child JVM, SIGKILL) resumes to exactly the uninterrupted
 * run's vectors, and every way a resume can go wrong is refused with a message.
 */
class DriverCheckpointTest {

    /** A hang guard only: a child that trains for about 5 s is never this slow. */
    private static final long CHILD_LIMIT_S = 300;
    /** The child holds in the middle of writing this checkpoint, if it has not been killed before. */
    private static final long HOLD_STEP = 3;

    private static JavaSparkContext jsc;
    private static WordVectors uninterrupted; // the child's run, without checkpoints

    @BeforeAll
    static void start() {
        jsc = SharedSpark.context();
        uninterrupted = train(CheckpointingSparkChild.OPTIONS);
    }

    private static WordVectors train(SparkOptions options) {
        return SparkSkipGram.train(jsc.parallelize(CheckpointingSparkChild.CORPUS, 2), CheckpointingSparkChild.CONFIG,
                options);
    }

    private static SparkOptions checkpointed(Path dir, boolean resume) {
        return CheckpointingSparkChild.OPTIONS.withCheckpointDirectory(dir.toString()).withResume(resume);
    }

    private static void assertSameVectors(WordVectors expected, WordVectors actual, String what) {
        assertEquals(expected.vocabulary(), actual.vocabulary(), what);
        assertArrayEquals(expected.centerVectors().data().asFloat(), actual.centerVectors().data().asFloat(), what);
        assertArrayEquals(expected.outsideVectors().orElseThrow().data().asFloat(),
                actual.outsideVectors().orElseThrow().data().asFloat(), what);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theLastCheckpointHoldsTheFinalVectorsAndIsTheOnlyOneKept(@TempDir Path dir) throws IOException {
        WordVectors trained = train(checkpointed(dir, false));
        assertSameVectors(uninterrupted, trained, "checkpoints do not change the run");
        assertEquals(List.of("checkpoint-0000000006.sgd"), names(dir), "2 epochs x 3 rounds, only the newest kept");
        Checkpoint last = CheckpointStore.read(dir.resolve("checkpoint-0000000006.sgd"));
        int n = trained.vocabulary().size() * trained.dimension();
        float[] parameters = last.parameters().data().asFloat();
        assertEquals(2 * n, parameters.length);
        assertArrayEquals(trained.centerVectors().data().asFloat(), Arrays.copyOfRange(parameters, 0, n));
        assertArrayEquals(trained.outsideVectors().orElseThrow().data().asFloat(),
                Arrays.copyOfRange(parameters, n, 2 * n));
        assertEquals(6, last.step());
        assertEquals("2", last.settings().pairs().get("partitions"));
        // resuming a finished run trains nothing and gives its vectors
        assertSameVectors(uninterrupted, train(checkpointed(dir, true)), "resumed after the last round");
    }

    @Test
    void aRunKilledAfterItsSecondRoundResumesToTheUninterruptedVectors(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("checkpoints");
        Path stderr = tmp.resolve("child.err");
        Process child = startChild(dir, stderr);
        String killedWhen;
        try {
            killedWhen = killOnceARoundTwoCheckpointExists(child, dir, stderr);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(CHILD_LIMIT_S, TimeUnit.SECONDS), "the killed child did not exit");
        }
        List<Long> steps = steps(dir);
        assertTrue(!steps.isEmpty() && steps.get(0) >= 2 && steps.get(0) < HOLD_STEP,
                "killed " + killedWhen + ": the newest checkpoint is of round 2 (held in round 3's write): "
                        + names(dir));
        Checkpoint newest = CheckpointStore.read(dir.resolve(String.format("checkpoint-%010d.sgd", steps.get(0))));
        assertEquals(steps.get(0), newest.step(), "the newest checkpoint is complete and loads");

        WordVectors resumed = train(checkpointed(dir, true));
        assertSameVectors(uninterrupted, resumed, "resumed after a kill " + killedWhen);
        assertEquals(List.of("checkpoint-0000000006.sgd"), names(dir), "the resumed run cleans up after the kill");
    }

    private static List<Long> steps(Path dir) throws IOException {
        List<Long> steps = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (String name : names(dir)) {
                if (name.matches("checkpoint-\\d+\\.sgd")) {
                    steps.add(Long.parseLong(name.substring("checkpoint-".length(), name.length() - 4)));
                }
            }
        }
        steps.sort((a, b) -> Long.compare(b, a));
        return steps;
    }

    private static Process startChild(Path dir, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        // this JVM's module and reflection flags (Spark's Java 17 flags, the Vector API module, so that
        // the child's row arithmetic is this JVM's), not its agents or heap size
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--") || a.startsWith("-D") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
                command.add(a);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CheckpointingSparkChild.class.getName(),
                dir.toString(), Long.toString(HOLD_STEP)));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /**
     * Polls the directory and kills the child as soon as a checkpoint of round 2 or later exists, or
     * when it says it holds in the write of round {@value #HOLD_STEP}'s (whichever comes first); says
     * which.
     */
    private static String killOnceARoundTwoCheckpointExists(Process child, Path dir, Path stderr) throws Exception {
        AtomicBoolean holding = new AtomicBoolean();
        List<String> said = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (said) {
                        said.add(line);
                    }
                    holding.compareAndSet(false, line.equals(HoldingFileSystem.HOLDING));
                }
            } catch (IOException e) {
                // the child was killed: its stdout is gone
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_LIMIT_S);
        while (System.nanoTime() < deadline) {
            boolean seen = !steps(dir).isEmpty() && steps(dir).get(0) >= 2;
            if (seen || holding.get()) {
                String when = holding.get() ? "while it wrote checkpoint " + HOLD_STEP : "in round 3";
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertTrue(child.waitFor(CHILD_LIMIT_S, TimeUnit.SECONDS), "the killed child did not exit");
                return when;
            }
            if (!child.isAlive()) {
                synchronized (said) {
                    fail("the child exited (" + child.exitValue() + ") before its checkpoint of round 2; it said "
                            + said + "; its stderr:\n" + tail(stderr));
                }
            }
            Thread.sleep(10);
        }
        fail("no checkpoint of round 2 after " + CHILD_LIMIT_S + " s; the child's stderr:\n" + tail(stderr));
        return null;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    /** A checkpoint of the first of the child's 6 rounds (its run with 1 epoch of 3 rounds would differ). */
    private static Path afterOneRun(Path dir) {
        train(checkpointed(dir, false));
        return dir.resolve("checkpoint-0000000006.sgd");
    }

    private static String refusal(SkipGramConfig config, SparkOptions options) {
        return assertThrows(IllegalStateException.class, () -> SparkSkipGram.train(
                jsc.parallelize(CheckpointingSparkChild.CORPUS, options.partitions()), config, options)).getMessage();
    }

    @Test
    void aResumeWithOtherSettingsOrAnotherCorpusIsRefusedNamingWhatDiffers(@TempDir Path dir) {
        afterOneRun(dir);
        SkipGramConfig config = CheckpointingSparkChild.CONFIG;
        SparkOptions resume = checkpointed(dir, true);
        String seed = refusal(config.toBuilder().seed(8).build(), resume);
        assertTrue(seed.startsWith("cannot resume from checkpoint file:" + dir.resolve("checkpoint-0000000006.sgd")
                + ": it belongs to a different run: seed = 8 (checkpoint: 7); train with the same corpus"), seed);
        assertTrue(refusal(config.toBuilder().dimension(8).build(), resume)
                .contains("it belongs to a different run: dimension = 8 (checkpoint: 16);"));
        String partitions = refusal(config, new SparkOptions(3, 3, RowMerge.BY_LOSS,
                SparkOptions.DEFAULT_MAX_BROADCAST_BYTES, dir.toString(), true, Exchange.AUTO));
        assertTrue(partitions.contains("partitions = 3 (checkpoint: 2)"), partitions);
        assertTrue(refusal(config, resume.withRoundsPerEpoch(4)).contains("roundsPerEpoch = 4 (checkpoint: 3)"));
        assertTrue(refusal(config, resume.withMerge(RowMerge.AVERAGE))
                .contains("merge = AVERAGE (checkpoint: BY_LOSS)"));
        String corpus = assertThrows(IllegalStateException.class, () -> SparkSkipGram.train(
                jsc.parallelize(TestCorpus.topics(1200, 6), 2), config, resume)).getMessage();
        assertTrue(corpus.contains("it belongs to a different run: vocabulary = "), corpus);
        String fresh = refusal(config, checkpointed(dir, false));
        assertEquals("checkpoint directory file:" + dir + " holds a checkpoint from an earlier run"
                + " (checkpoint-0000000006.sgd); resume it (SparkOptions.withResume(true), --resume), or use another"
                + " directory", fresh);
    }

    @Test
    void aResumeWithoutACheckpointIsRefused(@TempDir Path dir) throws IOException {
        assertEquals("resume: checkpoint directory file:" + dir + " holds no checkpoint to resume from",
                refusal(CheckpointingSparkChild.CONFIG, checkpointed(dir, true)));
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertEquals("checkpoint directory file:" + file + " is a file, not a directory",
                refusal(CheckpointingSparkChild.CONFIG, checkpointed(file, false)));
        assertEquals("resume needs a checkpointDirectory to resume from; got none", assertThrows(
                IllegalArgumentException.class, () -> CheckpointingSparkChild.OPTIONS.withResume(true)).getMessage());
    }

    @Test
    void aDamagedCheckpointIsRefusedWithAMessageAndALeftoverTemporaryFileIsIgnored(@TempDir Path dir)
            throws IOException {
        Path file = afterOneRun(dir);
        byte[] intact = Files.readAllBytes(file);
        byte[] flipped = intact.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(file, flipped);
        String checksum = refusal(CheckpointingSparkChild.CONFIG, checkpointed(dir, true));
        assertEquals("cannot resume from checkpoint file:" + file + ": it is damaged (checksum mismatch (file"
                + " damaged)); delete the directory file:" + dir + " to start afresh", checksum);
        Files.write(file, Arrays.copyOf(intact, intact.length / 2));
        String truncated = refusal(CheckpointingSparkChild.CONFIG, checkpointed(dir, true));
        assertEquals("cannot resume from checkpoint file:" + file + ": it is damaged (it is truncated); delete the"
                + " directory file:" + dir + " to start afresh", truncated);
        Files.writeString(file, "not a checkpoint, but long enough to hold its magic bytes");
        String other = refusal(CheckpointingSparkChild.CONFIG, checkpointed(dir, true));
        assertTrue(other.contains("it is damaged (not a skipgram checkpoint (bad magic bytes))"), other);

        // a crash in the middle of the next write leaves a partial temporary file beside the intact one
        Files.write(file, intact);
        Path partial = dir.resolve(".checkpoint-0000000007.sgd.tmp");
        Files.write(partial, Arrays.copyOf(intact, 100));
        assertSameVectors(uninterrupted, train(checkpointed(dir, true)), "resumed beside a partial write");
    }

    @Test
    void sparkTrainRefusesResumeWithoutACheckpointDirectory() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SparkTrain());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("--resume"));
        assertTrue(err.toString().startsWith("--resume needs --checkpoint-dir DIR"), err.toString());
        String help = cli.getUsageMessage();
        assertTrue(help.contains("--checkpoint-dir=DIR") && help.contains("--resume"), help);
    }
}
