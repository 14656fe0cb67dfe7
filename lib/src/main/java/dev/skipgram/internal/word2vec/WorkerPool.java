package dev.skipgram.internal.word2vec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker threads of one pass over chunks: one {@link Worker} per {@link WorkerState}, a bounded
 * queue of {@code 2T + 2} chunks between the feeding thread and them, and the first failure of any
 * worker, rethrown on the feeding thread. While the feeding thread waits (for room in the queue, for
 * chunks to be trained, for the workers to finish) it wakes every {@value #POLL_MILLIS} ms to rethrow
 * a failure and to run {@code onWait} (the reporter). Used by {@link Word2VecTrainer} for each epoch
 * and by {@link PartitionTraining} for each share of a round.
 *
 * <p>Not thread-safe: one feeding thread.
 */
final class WorkerPool implements AutoCloseable {

    /** How often the feeding thread wakes to report and to look for a failed worker. */
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Chunk> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Progress progress;
    private final Runnable onWait;

    /**
     * Starts one worker thread per state.
     *
     * @param states the workers' states, one per thread
     * @param trainers each worker's kernel, parallel to {@code states}
     * @param progress where the workers add their totals
     * @param learningRate a chunk's learning rate from the words {@code progress} counts when it starts
     * @param onWait run on the feeding thread while it waits
     */
    WorkerPool(WorkerState[] states, SentenceTrainer[] trainers, Progress progress, Worker.LearningRate learningRate,
            Runnable onWait) {
        this.queue = new ArrayBlockingQueue<>(2 * states.length + 2);
        this.progress = progress;
        this.onWait = onWait;
        for (int i = 0; i < states.length; i++) {
            Worker worker = new Worker(queue, states[i], trainers[i], progress, learningRate);
            Thread t = new Thread(() -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "skipgram-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Queues a chunk, running {@code onWait} on time and giving up if a worker failed. */
    void put(Chunk chunk) throws InterruptedException {
        while (!queue.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            rethrow();
            onWait.run();
        }
        onWait.run();
    }

    /** Waits until the workers have trained {@code n} chunks in all (as {@link Progress} counts them). */
    void awaitChunks(long n) throws InterruptedException {
        while (!progress.awaitChunks(n, POLL_MILLIS)) {
            rethrow();
            onWait.run();
        }
        rethrow();
    }

    /** Tells every worker the pass is over and waits for all of them; rethrows a worker's failure. */
    void finish() throws InterruptedException {
        for (int i = 0; i < threads.size(); i++) {
            put(Chunk.END);
        }
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(POLL_MILLIS);
                rethrow();
                onWait.run();
            }
        }
        rethrow();
    }

    /** Stops the workers that are still running (after a failure or an interruption). */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
