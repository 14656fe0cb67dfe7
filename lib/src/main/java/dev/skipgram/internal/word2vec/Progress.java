package dev.skipgram.internal.word2vec;

/**
 * Loss and progress totals merged from all workers: the one place workers and the calling thread
 * meet besides the chunk queue. Guarded by its own monitor; {@link #add} wakes the calling thread
 * waiting in {@link #awaitChunks}.
 */
final class Progress {

    private double loss; // Σ pair losses since the last drain
    private long pairs; // pairs since the last drain
    private long words; // words processed, all epochs
    private long chunks; // chunks trained, all epochs

    /** A worker finished a chunk: its summed pair loss, its pairs and its raw words. */
    synchronized void add(double chunkLoss, long chunkPairs, long chunkWords) {
        loss += chunkLoss;
        pairs += chunkPairs;
        words += chunkWords;
        chunks++;
        notifyAll();
    }

    synchronized long words() {
        return words;
    }

    synchronized long chunks() {
        return chunks;
    }

    /** Sets the totals a checkpoint recorded, before training resumes. */
    synchronized void restore(long restoredWords, long restoredChunks) {
        words = restoredWords;
        chunks = restoredChunks;
    }

    /** Waits up to {@code millis} for {@code n} chunks to be trained in all; returns whether they are. */
    synchronized boolean awaitChunks(long n, long millis) throws InterruptedException {
        if (chunks < n) {
            wait(millis);
        }
        return chunks >= n;
    }

    /** {Σ loss, pairs} since the previous call, and resets both. */
    synchronized double[] drain() {
        double[] r = {loss, pairs};
        loss = 0;
        pairs = 0;
        return r;
    }
}
