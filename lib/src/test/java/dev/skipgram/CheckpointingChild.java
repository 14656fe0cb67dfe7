package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link KillDuringTrainingTest}: trains the word2vec recipe with one thread,
 * checkpointing after every chunk into the directory given as the only argument (and resuming from
 * it), and says on stdout when training starts and ends. Not a test.
 */
public final class CheckpointingChild {

    /** Printed just before training starts: the parent starts its clock here. */
    static final String STARTED = "TRAINING";
    /** Printed when training has finished. */
    static final String FINISHED = "FINISHED";

    private CheckpointingChild() {}

    /** 3,000 eight-word sentences: 24,000 words, three chunks an epoch. */
    static Corpus corpus() {
        return SkipGramTrainTest.topicCorpus(3000, 4);
    }

    /**
     * One thread and a seed, so a run is deterministic; a checkpoint after every chunk (36 of them),
     * so kills land before, during and after checkpoint writes.
     */
    static SkipGramConfig config(Path checkpoints) {
        return SkipGramConfig.word2vec().dimension(32).windowSize(3).negatives(5).minCount(1).epochs(12)
                .subsampleThreshold(1e-3).threads(1).seed(23).reportInterval(Duration.ofMinutes(1))
                .checkpoints(checkpoints, 1).build();
    }

    public static void main(String[] args) {
        SkipGramConfig config = config(Path.of(args[0]));
        boolean[] started = {false};
        // the first report comes once the first chunk is queued: ND4J is loaded, training under way
        SkipGram.train(corpus(), config.toBuilder().reportInterval(Duration.ofNanos(1)).build(), report -> {
            if (!started[0]) {
                started[0] = true;
                System.out.println(STARTED);
                System.out.flush();
            }
        });
        System.out.println(FINISHED);
        System.out.flush();
    }
}
