package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGram;
import dev.skipgram.WordVectors;
import dev.skipgram.internal.word2vec.Word2VecCheckpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.internal.RunIdentity;
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
 * SIGKILL during a checkpointed word2vec run: a child JVM ({@link CheckpointingChild}) trains with one
 * thread and a checkpoint after every chunk, and says on stdout how many words it has processed. The
 * test kills it several times, each new child resuming from what the last one left. Kills are placed
 * by progress, never by the clock, so the outcome does not depend on the machine's speed:
 * <ul>
 *   <li>the first child holds (blocked inside its listener) once it reaches a seeded number of words,
 *       and is killed there: a kill during training, whatever the machine's speed;</li>
 *   <li>the next children are killed as soon as they report a seeded number of words, while they go
 *       on training: those kills land wherever the child has got to, before, during or after a
 *       checkpoint write, or after the run has finished, which is a legal outcome too.</li>
 * </ul>
 * After every kill the newest checkpoint file must load (complete, checksum intact), belong to this
 * run and hold finite parameters; progress is never lost; at the end the run resumed in this JVM must
 * give exactly the vectors of an uninterrupted run.
 */
class KillDuringTrainingTest {

    private static final long SEED = 20_240_611L;
    private static final int KILLS = 4;
    /**
     * A hang guard only, never reached by a working child on any machine: how long the test waits for
     * the child's next line (a whole run trains in about 2 s).
     */
    private static final long SILENCE_LIMIT_S = 600;
    private static final String END_OF_OUTPUT = "\u0000end of output";

    private enum Outcome { KILLED_WHILE_HELD, KILLED, FINISHED }

    private record ChildRun(Outcome outcome, long firstWords, long lastWords) {}

    @Test
    void killedRunsLeaveALoadableCheckpointAndResumeToTheUninterruptedVectors(@TempDir Path dir)
            throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        CheckpointStore store = new CheckpointStore(checkpoints, 2);
        long lastStep = -1;
        long checkpointedWords = 0;
        List<String> log = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            long remaining = CheckpointingChild.WORDS_TOTAL - checkpointedWords;
            // the first child holds within the first third of the run; later ones are killed on the fly
            long target = k == 0
                    ? 24_000 + random.nextInt((int) (CheckpointingChild.WORDS_TOTAL / 3 - 24_000))
                    : checkpointedWords + 1 + (long) (random.nextDouble() * 0.8 * remaining);
            ChildRun run = runChild(checkpoints, dir.resolve("child-" + k + ".err"), target, k == 0);
            boolean midWrite;
            try (var entries = Files.list(checkpoints)) {
                midWrite = entries.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            }
            List<Path> files = store.listNewestFirst();
            log.add("child " + k + ": " + run.outcome() + " at " + target + " words (reported " + run.firstWords()
                    + ".." + run.lastWords() + ")" + (midWrite ? " while writing a checkpoint" : "") + ", newest "
                    + files.stream().map(p -> p.getFileName().toString()).toList());
            if (k == 0) {
                assertEquals(Outcome.KILLED_WHILE_HELD, run.outcome(), "a held child is killed in training: " + log);
            }
            assertTrue(run.firstWords() >= checkpointedWords,
                    "a child resumes where the newest checkpoint left off: " + log);
            assertFalse(files.isEmpty(), "a checkpoint is written after every chunk: " + log);
            Checkpoint newest = store.loadNewest().orElseThrow(() -> new AssertionError("nothing loads: " + log));
            assertEquals(files.get(0), store.pathFor(newest.step()),
                    "the newest checkpoint file is complete and loads, not an older one: " + log);
            Word2VecCheckpoint state = Word2VecCheckpoint.decode(newest);
            assertEquals("", state.mismatch(CheckpointingChild.config(checkpoints).runSettings()
                    .with(RunIdentity.VOCABULARY, newest.settings().pairs().get(RunIdentity.VOCABULARY))));
            assertFalse(newest.parameters().isNaN().any() || newest.parameters().isInfinite().any());
            assertTrue(newest.step() >= lastStep, "progress is never lost: " + log);
            assertTrue(state.wordsProcessed() >= checkpointedWords, "progress is never lost: " + log);
            assertTrue(state.wordsProcessed() <= Math.max(run.lastWords(), checkpointedWords)
                    || run.outcome() != Outcome.KILLED_WHILE_HELD, "no checkpoint beyond the hold: " + log);
            lastStep = newest.step();
            checkpointedWords = state.wordsProcessed();
            if (run.outcome() == Outcome.FINISHED) {
                assertEquals(CheckpointingChild.WORDS_TOTAL, checkpointedWords, "a finished run checkpoints its end");
                break; // nothing left to interrupt
            }
        }

        WordVectors resumed = SkipGram.train(CheckpointingChild.corpus(), CheckpointingChild.config(checkpoints));
        WordVectors uninterrupted = SkipGram.train(CheckpointingChild.corpus(),
                CheckpointingChild.config(null));
        assertEquals(uninterrupted.centerVectors(), resumed.centerVectors(), "centre vectors after " + log);
        assertEquals(uninterrupted.outsideVectors(), resumed.outsideVectors(), "outside vectors after " + log);
    }

    /**
     * Starts a child on {@code checkpoints} and kills it once it reports {@code words} words: held there
     * ({@code hold}, killed while blocked in its listener), or on the fly (killed while it goes on).
     */
    private static ChildRun runChild(Path checkpoints, Path stderr, long words, boolean hold) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            // the same row arithmetic as this JVM's (RowOps.fastest()), or the resumed run's float
            // rounding would differ from the uninterrupted run's here
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CheckpointingChild.class.getName(),
                checkpoints.toString()));
        if (hold) {
            command.add(Long.toString(words));
        }
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
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
                lines.add(END_OF_OUTPUT);
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();
            long first = -1;
            long last = -1;
            boolean finished = false;
            while (true) {
                String line = lines.poll(SILENCE_LIMIT_S, TimeUnit.SECONDS);
                if (line == null) {
                    fail("the child said nothing for " + SILENCE_LIMIT_S + " s (alive " + child.isAlive()
                            + "); its stderr:\n" + tail(stderr));
                }
                if (line.startsWith(CheckpointingChild.PROGRESS)) {
                    last = Long.parseLong(line.substring(CheckpointingChild.PROGRESS.length()));
                    first = first < 0 ? last : first;
                    if (!hold && last >= words) {
                        return new ChildRun(kill(child, stderr), first, last);
                    }
                } else if (line.startsWith(CheckpointingChild.HOLDING)) {
                    assertTrue(child.isAlive(), "a holding child is alive");
                    assertEquals(Outcome.KILLED, kill(child, stderr), "a holding child does not finish");
                    return new ChildRun(Outcome.KILLED_WHILE_HELD, first, last);
                } else if (line.equals(CheckpointingChild.FINISHED)) {
                    finished = true;
                } else if (line.equals(END_OF_OUTPUT)) {
                    assertTrue(child.waitFor(SILENCE_LIMIT_S, TimeUnit.SECONDS), "the child did not exit");
                    assertEquals(0, child.exitValue(), "the child failed; its stderr:\n" + tail(stderr));
                    assertTrue(finished, "the child exited without saying FINISHED; its stderr:\n" + tail(stderr));
                    return new ChildRun(Outcome.FINISHED, Math.max(first, CheckpointingChild.WORDS_TOTAL),
                            Math.max(last, CheckpointingChild.WORDS_TOTAL));
                } else {
                    fail("the child said '" + line + "'; its stderr:\n" + tail(stderr));
                }
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(SILENCE_LIMIT_S, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGKILLs the child; a child that had already exited normally has finished its run. */
    private static Outcome kill(Process child, Path stderr) throws Exception {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertTrue(child.waitFor(SILENCE_LIMIT_S, TimeUnit.SECONDS), "the killed child did not exit");
        assertNotNull(child.exitValue());
        if (child.exitValue() == 0) {
            return Outcome.FINISHED;
        }
        assertTrue(child.exitValue() != CheckpointingChild.ORPHANED && child.exitValue() != 1,
                "the child failed before the kill; its stderr:\n" + tail(stderr));
        return Outcome.KILLED;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
