package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.corpus.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link KillDuringTrainingTest}: trains the word2vec recipe with one thread,
 * checkpointing after every chunk into the directory given as the first argument (and resuming from
 * it), and says on stdout where it is, so that the parent places its kills by progress, not by the
 * clock. Not a test.
 *
 * <p>Protocol, one line each: {@code PROGRESS w} at every report ({@code w} = words processed, the
 * run's whole progress, restored words included); {@code HOLDING w} when it stops to wait for its kill
 * (with {@code hold} as the second argument, at the first report with at least that many words: it
 * then blocks inside the listener, so training cannot finish, until it is killed or its stdin closes);
 * {@code FINISHED} when training has returned. A run resumed from the checkpoint of a finished run
 * says only {@code FINISHED}.
 */
public final class CheckpointingChild {

    /** Prefix of a progress line: the words processed so far follow. */
    static final String PROGRESS = "PROGRESS ";
    /** Prefix of the line said when the child holds, blocked in its listener, until it is killed. */
    static final String HOLDING = "HOLDING ";
    /** Said when training has returned. */
    static final String FINISHED = "FINISHED";
    /** Exit code of a held child whose stdin closed (its parent died) instead of being killed. */
    static final int ORPHANED = 3;

    private CheckpointingChild() {}

    /** 3,000 eight-word sentences: 24,000 words, three chunks an epoch. */
    static Corpus corpus() {
        return TestData.topicCorpus(3000, 4);
    }

    /** Words processed by the whole run: 12 epochs of 24,000. */
    static final long WORDS_TOTAL = 12L * 24_000;

    /**
     * One thread and a seed, so a run is deterministic; a checkpoint after every chunk (36 of them),
     * so kills land before, during and after checkpoint writes.
     */
    static SkipGramConfig config(Path checkpoints) {
        return SkipGramConfig.word2vec().dimension(32).windowSize(3).negatives(5).minCount(1).epochs(12)
                .subsampleThreshold(1e-3).threads(1).seed(23).reportInterval(Duration.ofMinutes(1))
                .checkpoints(checkpoints, 1).build();
    }

    /**
     * Trains, resuming from the checkpoints.
     *
     * @param args the checkpoint directory; optionally the number of words at which to hold
     */
    public static void main(String[] args) {
        SkipGramConfig config = config(Path.of(args[0]));
        long holdAt = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        // a report after every queued chunk and every wait: the parent sees progress chunk by chunk
        SkipGram.train(corpus(), config.toBuilder().reportInterval(Duration.ofNanos(1)).build(), report -> {
            System.out.println(PROGRESS + report.wordsProcessed());
            System.out.flush();
            if (report.wordsProcessed() >= holdAt) {
                System.out.println(HOLDING + report.wordsProcessed());
                System.out.flush();
                holdUntilStdinCloses();
            }
        });
        System.out.println(FINISHED);
        System.out.flush();
    }

    /** Blocks the training's calling thread; exits if the parent goes away without killing us. */
    private static void holdUntilStdinCloses() {
        try {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the parent writes nothing: only end of input matters
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
        System.exit(ORPHANED);
    }
}
