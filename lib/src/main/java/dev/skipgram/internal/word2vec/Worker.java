package dev.skipgram.internal.word2vec;

import java.util.concurrent.BlockingQueue;

/**
 * One worker thread's loop: takes chunks until {@link Chunk#END}; for each, the learning rate from the
 * words processed so far, then sentence by sentence subsampling and training, then the chunk's totals
 * into {@link Progress}. Updates the shared parameters without locks (Hogwild).
 */
final class Worker implements Runnable {

    private final BlockingQueue<Chunk> queue;
    private final WorkerState state;
    private final SentenceTrainer trainer;
    private final Progress progress;
    private final LearningRate learningRate;

    /** A chunk's learning rate from the words {@link Progress} has counted when the chunk starts. */
    @FunctionalInterface
    interface LearningRate {
        float at(long wordsCounted);
    }

    Worker(BlockingQueue<Chunk> queue, WorkerState state, SentenceTrainer trainer, Progress progress,
            LearningRate learningRate) {
        this.queue = queue;
        this.state = state;
        this.trainer = trainer;
        this.progress = progress;
        this.learningRate = learningRate;
    }

    @Override
    public void run() {
        try {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == Chunk.END) {
                    return;
                }
                train(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // training is stopping
        }
    }

    /** Trains one chunk and adds its totals to the progress. */
    void train(Chunk chunk) {
        float lr = learningRate.at(progress.words());
        state.startChunk();
        int start = 0;
        for (int end : chunk.ends()) {
            int n = state.subsample(chunk.words(), start, end);
            start = end;
            trainer.sentence(state, n, lr);
        }
        trainer.flush(state, lr);
        progress.add(state.chunkLoss, state.chunkPairs, chunk.raw());
    }
}
