package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skipgram.optim.Checkpoint;
import dev.skipgram.optim.CheckpointStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments of a checkpointed word2vec run: a child JVM ({@link CheckpointingChild})
 * trains with one thread and a checkpoint after every chunk; the test kills it with
 * {@link Process#destroyForcibly()} a few times, at seeded random delays after training starts,
 * each new child resuming from what the last one left. After every kill the newest checkpoint file
 * must load (complete, checksum intact); at the end the run resumed in this JVM must give exactly
 * the vectors of an uninterrupted run.
 */
class KillDuringTrainingTest {

    private static final long SEED = 20_240_611L;
    private static final int KILLS = 3;
    /** Kill delays after the child starts training, in ms: a whole run trains for 1-2 s. */
    private static final int MIN_DELAY = 50;
    private static final int MAX_DELAY = 400;
    private static final long STARTUP_TIMEOUT_S = 60;

    @Test
    void killedRunsLeaveALoadableCheckpointAndResumeToTheUninterruptedVectors(@TempDir Path dir)
            throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        CheckpointStore store = new CheckpointStore(checkpoints, 2);
        int killedWhileTraining = 0;
        int lastStep = -1;
        List<String> log = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            int delay = MIN_DELAY + random.nextInt(MAX_DELAY - MIN_DELAY);
            boolean killed = runAndKill(checkpoints, dir.resolve("child-" + k + ".err"), delay);
            killedWhileTraining += killed ? 1 : 0;
            List<Path> files = store.listNewestFirst();
            boolean midWrite;
            try (var entries = Files.list(checkpoints)) {
                midWrite = entries.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            } catch (java.nio.file.NoSuchFileException e) {
                midWrite = false;
            }
            log.add("child " + k + ": " + (killed ? "killed" : "finished") + " after " + delay + " ms"
                    + (midWrite ? " while writing a checkpoint" : "") + ", newest "
                    + files.stream().map(p -> p.getFileName().toString()).toList());
            if (files.isEmpty()) {
                continue; // killed before its first checkpoint
            }
            Checkpoint newest = store.loadNewest().orElseThrow(() -> new AssertionError("nothing loads: " + log));
            assertEquals(files.get(0), store.pathFor(newest.step()),
                    "the newest checkpoint file is complete and loads, not an older one: " + log);
            Word2VecCheckpoint state = Word2VecCheckpoint.decode(newest.state());
            assertEquals("", state.mismatch(Word2VecCheckpoint.settings(CheckpointingChild.config(checkpoints)),
                    state.vocabularyChecksum()));
            assertFalse(newest.parameters().isNaN().any() || newest.parameters().isInfinite().any());
            assertTrue(newest.step() >= lastStep, "progress is never lost: " + log);
            lastStep = newest.step();
            if (!killed) {
                break; // the child finished: nothing left to interrupt
            }
        }
        assertTrue(killedWhileTraining >= 1, "at least one kill landed during training: " + log);

        WordVectors resumed = SkipGram.train(CheckpointingChild.corpus(), CheckpointingChild.config(checkpoints));
        WordVectors uninterrupted = SkipGram.train(CheckpointingChild.corpus(),
                CheckpointingChild.config(null));
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors(), "centre vectors after " + log);
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors(), "outside vectors after " + log);
    }

    /**
     * Starts a child on {@code checkpoints}, waits until it trains, and kills it {@code delayMillis}
     * later; returns whether it was still training then (false: it had finished).
     */
    private static boolean runAndKill(Path checkpoints, Path stderr, int delayMillis) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CheckpointingChild.class.getName(), checkpoints.toString())
                .redirectError(stderr.toFile());
        Process child = builder.start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child was killed: its stdout is gone
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
            String first = lines.poll(STARTUP_TIMEOUT_S, TimeUnit.SECONDS);
            if (!CheckpointingChild.STARTED.equals(first)) {
                fail("the child did not start training within " + STARTUP_TIMEOUT_S + " s (said " + first
                        + ", alive " + child.isAlive() + "); its stderr:\n" + tail(stderr));
            }
            if (child.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
                assertEquals(0, child.exitValue(), "the child failed; its stderr:\n" + tail(stderr));
                String last = lines.poll(5, TimeUnit.SECONDS);
                assertEquals(CheckpointingChild.FINISHED, last, "stderr:\n" + tail(stderr));
                return false;
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit");
            assertNotNull(child.exitValue());
            return true;
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
