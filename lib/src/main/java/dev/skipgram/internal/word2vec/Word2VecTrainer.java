package dev.skipgram.internal.word2vec;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.FreshVectors;
import dev.skipgram.internal.kernels.FloatKernels;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.kernels.NegativeSamplingUpdate;
import dev.skipgram.internal.kernels.SoftmaxUpdate;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.loss.NoiseDistribution;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The word2vec recipe (SPEC §7): skip-gram with negative sampling (or the full softmax) over a
 * streamed corpus, several epochs, the learning rate decaying linearly from {@code learningRate} to
 * {@code minLearningRate} over all of them, and {@code threads} workers updating the shared
 * parameters without locks.
 *
 * <pre>
 * Data flow per epoch:
 *   calling thread:  corpus ─► encode (drop words not in the vocabulary) ─► chunks of ~10,000 words ─► queue
 *   worker i:        queue ─► subsample (own RNG) ─► dynamic window per position ─► K negatives
 *                          ─► NegativeSamplingUpdate on centerVectors / outsideVectors (Hogwild)
 *                    or, with the full softmax: ─► batches of up to 64 positions' windows
 *                          ─► SoftmaxUpdate (three GEMMs; the dense outside update under a lock)
 *   calling thread:  every reportInterval and at the epoch's end, merge the workers' loss and pair
 *                    totals (double) and report
 * </pre>
 *
 * <p>Pair order, as in word2vec.c and gensim: for the word w_t at each position t, a radius r is
 * drawn from 1..windowSize, and every word w_{t+j} with 0 &lt; |j| ≤ r is paired with it. The pair
 * trains the skip-gram loss with w_{t+j} as the input ("centre", row of {@code centerVectors}) and w_t
 * as the predicted word (outside row, negatives drawn against it). Over the corpus this is the same
 * multiset of (input, predicted) pairs as the other order, since windows are symmetric. Under
 * sequential and lock-free SGD it is not the same sequence of updates, and on gut8 it gives analogy
 * accuracy about 1.3 points higher (docs/benchmarks.md). The full softmax pairs the other way round
 * (w_t predicts each w_{t+j}), again the same multiset, so that a window shares one row of scores
 * and costs one row of each GEMM instead of 2r; see {@link SoftmaxUpdate}.
 *
 * <p>Randomness: the root generator (seeded by {@code config.seed()}) is split into the initialisation
 * generator and one generator per worker, in that order. Chunks are handed out in corpus order, so
 * with one thread two runs with the same seed give identical vectors; with more, the interleaving of
 * lock-free updates makes runs differ slightly, as in word2vec.c and gensim.
 */
public final class Word2VecTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Word2VecTrainer.class);
    static final int CHUNK_WORDS = 10_000;
    private static final Chunk END = new Chunk(new int[0], new int[0], 0);

    private Word2VecTrainer() {}

    /** Sentences of one chunk: sentence s is {@code words[ends[s−1] .. ends[s])}; {@code raw} words read. */
    record Chunk(int[] words, int[] ends, long raw) {}

    /** Loss and progress totals merged from all workers, guarded by its own monitor. */
    private static final class Totals {
        private double loss;
        private long pairs;
        private long words; // words processed, all epochs
        private long chunks; // chunks trained, all epochs

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

        synchronized void restore(long restoredWords, long restoredChunks) {
            words = restoredWords;
            chunks = restoredChunks;
        }

        /** Waits up to {@code millis} for {@code n} chunks to be trained; returns whether they are. */
        synchronized boolean awaitChunks(long n, long millis) throws InterruptedException {
            if (chunks < n) {
                wait(millis);
            }
            return chunks >= n;
        }

        /** {Σ loss, pairs} since the previous call, and resets them. */
        synchronized double[] drain() {
            double[] r = {loss, pairs};
            loss = 0;
            pairs = 0;
            return r;
        }
    }

    public static WordVectors train(Corpus corpus, SkipGramConfig config, TrainingListener listener) {
        long started = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.byCount(corpus, config.minCount(), config.maxVocabularySize());
        int v = vocabulary.size();
        if (v == 0) {
            throw new IllegalArgumentException("no word occurs at least minCount = " + config.minCount()
                    + " times: the corpus is empty or too small");
        }
        if (v == 1) {
            throw new IllegalArgumentException("the vocabulary has a single word ('" + vocabulary.word(0)
                    + "', minCount = " + config.minCount() + "): skip-gram needs at least two different words");
        }
        if (config.loss() == LossType.NEGATIVE_SAMPLING && config.negatives() >= v) {
            throw new IllegalArgumentException("negatives (K = " + config.negatives()
                    + ") must be smaller than the vocabulary size (V = " + v + ")");
        }
        int d = config.dimension();
        FloatMatrix.requireIndexable(v, d);
        long wordsPerEpoch = vocabulary.totalCount();
        LOG.info("word2vec recipe: {} words, {} tokens per epoch, {} epochs, d={}, {}, {} threads", v,
                wordsPerEpoch, config.epochs(), d,
                config.loss() == LossType.NEGATIVE_SAMPLING ? "K=" + config.negatives() : "full softmax",
                config.threads());

        RestorableRandom root = RestorableRandom.seeded(config.seed());
        INDArray centerVectors = initialCenterVectors(v, d, root.split()); // [V, d]
        INDArray outsideVectors = Nd4j.zeros(DataType.FLOAT, v, d); // [V, d]
        RestorableRandom[] workerRandom = new RestorableRandom[config.threads()];
        for (int i = 0; i < workerRandom.length; i++) {
            workerRandom[i] = root.split();
        }
        Run run = new Run(corpus, config, listener, vocabulary, centerVectors, outsideVectors, workerRandom, started);
        run.resumeIfCheckpointed();
        run.epochs();
        // The workers wrote through views of these arrays' buffers, which do not keep them alive.
        Reference.reachabilityFence(centerVectors);
        Reference.reachabilityFence(outsideVectors);
        LOG.info("trained in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return FreshVectors.adopt(vocabulary, centerVectors, outsideVectors); // not copied: nobody else holds them
    }

    /** One training run: the shared parameters, the workers' generators, progress and checkpoints. */
    private static final class Run {
        private final Corpus corpus;
        private final SkipGramConfig config;
        private final Vocabulary vocabulary;
        private final INDArray centerVectors; // [V, d]
        private final INDArray outsideVectors; // [V, d]
        private final RestorableRandom[] workerRandom;
        private final NoiseDistribution noise;
        private final float[] keep;
        private final Totals totals = new Totals();
        private final long wordsTotal;
        private final Reporter reporter;
        private final CheckpointStore store; // null without checkpoints
        private final RunSettings settings;
        private int firstEpoch = 1;
        private long chunksToSkip; // chunks of firstEpoch trained before a resume
        private long wordsSinceCheckpoint;
        private boolean anyPair; // some sentence of the last pass has two words of the vocabulary
        private BlockingQueue<Chunk> queue;
        private AtomicReference<Throwable> failure;

        Run(Corpus corpus, SkipGramConfig config, TrainingListener listener, Vocabulary vocabulary,
                INDArray centerVectors, INDArray outsideVectors, RestorableRandom[] workerRandom, long started) {
            this.corpus = corpus;
            this.config = config;
            this.vocabulary = vocabulary;
            this.centerVectors = centerVectors;
            this.outsideVectors = outsideVectors;
            this.workerRandom = workerRandom;
            this.noise = new NoiseDistribution(vocabulary.counts(), config.noiseExponent());
            this.keep = keepProbabilities(vocabulary, config.subsampleThreshold());
            this.wordsTotal = vocabulary.totalCount() * config.epochs();
            this.store = config.checkpoints().map(dir -> new CheckpointStore(dir, 2)).orElse(null);
            this.reporter = new Reporter(config, listener, totals, wordsTotal, started, this::checkpointNote);
            this.settings = Word2VecCheckpoint.settings(config, vocabulary);
        }

        /** Restores the newest checkpoint of the checkpoint directory, if there is one. */
        void resumeIfCheckpointed() {
            if (store == null) {
                return;
            }
            store.requireWritable(); // fail now, not at the first checkpoint, minutes into training
            Optional<Checkpoint> newest = store.loadNewest();
            if (newest.isEmpty()) {
                return;
            }
            Checkpoint c = newest.get();
            Path dir = store.directory();
            Word2VecCheckpoint state;
            try {
                state = Word2VecCheckpoint.decode(c);
            } catch (IOException e) {
                throw new IllegalStateException("cannot resume from the checkpoint in " + dir + ": "
                        + e.getMessage() + "; use another checkpoint directory");
            }
            String mismatch = state.mismatch(settings);
            long v = vocabulary.size();
            long d = config.dimension();
            if (mismatch.isEmpty() && (c.parameters().dataType() != DataType.FLOAT
                    || !Arrays.equals(c.parameters().shape(), new long[] {2 * v, d}))) {
                mismatch = "parameters " + c.parameters().dataType() + Arrays.toString(c.parameters().shape())
                        + ", expected FLOAT[" + 2 * v + ", " + d + "]";
            }
            if (!mismatch.isEmpty()) {
                throw new IllegalStateException("cannot resume from the checkpoint in " + dir
                        + ": it belongs to a different run: " + mismatch
                        + "; train with the same corpus and settings, or use another checkpoint directory");
            }
            centerVectors.assign(c.parameters().get(NDArrayIndex.interval(0, v), NDArrayIndex.all()));
            outsideVectors.assign(c.parameters().get(NDArrayIndex.interval(v, 2 * v), NDArrayIndex.all()));
            state.restoreWorkers(workerRandom);
            totals.restore(state.wordsProcessed(), c.step());
            reporter.resumedAt(state.wordsProcessed());
            firstEpoch = state.epoch();
            chunksToSkip = state.chunksDone();
            LOG.info("resuming from the checkpoint in {}: epoch {} of {}, {} words done ({}%)", dir,
                    Math.min(firstEpoch, config.epochs()), config.epochs(), state.wordsProcessed(),
                    String.format(Locale.ROOT, "%.1f", 100.0 * state.wordsProcessed() / Math.max(1, wordsTotal)));
        }

        void epochs() {
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                queue = new ArrayBlockingQueue<>(2 * config.threads() + 2);
                failure = new AtomicReference<>();
                List<Thread> workers = new ArrayList<>();
                for (int i = 0; i < config.threads(); i++) {
                    Worker worker = new Worker(queue, centerVectors, outsideVectors, config, noise, keep,
                            workerRandom[i], totals, wordsTotal);
                    Thread t = new Thread(() -> {
                        try {
                            worker.run();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    }, "skipgram-worker-" + i);
                    t.setDaemon(true);
                    workers.add(t);
                    t.start();
                }
                try {
                    feed(epoch, epoch == firstEpoch ? chunksToSkip : 0);
                    if (!anyPair) {
                        throw new IllegalArgumentException("no sentence of the corpus has two words that are in the"
                                + " vocabulary (minCount = " + config.minCount() + "), so there is no pair to train:"
                                + " the corpus is too small, or its sentences are single words");
                    }
                    for (int i = 0; i < workers.size(); i++) {
                        put(END, epoch);
                    }
                    for (Thread t : workers) {
                        while (t.isAlive()) {
                            t.join(50);
                            rethrow(failure);
                            reporter.maybeReport(epoch);
                        }
                    }
                    rethrow(failure);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("training was interrupted", e);
                } finally {
                    workers.forEach(Thread::interrupt);
                }
                reporter.report(epoch, true);
                if (store != null) {
                    checkpoint(epoch + 1, 0); // refuses non-finite parameters
                } else {
                    requireFinite(epoch);
                }
            }
        }

        /**
         * Reads the corpus once, encodes it, and queues it in chunks of about {@value #CHUNK_WORDS}
         * words, skipping the first {@code skip} (trained before a resume). Checkpoints every
         * {@code checkpointEvery} words, between two chunks, once the workers have trained all the
         * chunks queued so far.
         */
        private void feed(int epoch, long skip) throws InterruptedException {
            int[] words = new int[CHUNK_WORDS];
            int[] ends = new int[64];
            int n = 0;
            int sentences = 0;
            long raw = 0;
            long chunk = 0; // chunks of this epoch cut so far
            long trainedBefore = totals.chunks(); // chunks of earlier epochs
            anyPair = false;
            try (Stream<List<String>> stream = corpus.sentences()) {
                for (var it = stream.iterator(); it.hasNext(); ) {
                    List<String> sentence = it.next();
                    int sentenceStart = n;
                    for (String token : sentence) {
                        int w = vocabulary.indexOf(token);
                        if (w < 0) {
                            continue;
                        }
                        raw++;
                        if (n == words.length) {
                            words = Arrays.copyOf(words, 2 * n);
                        }
                        words[n++] = w;
                    }
                    anyPair |= n - sentenceStart >= 2;
                    if (sentences == ends.length) {
                        ends = Arrays.copyOf(ends, 2 * sentences);
                    }
                    ends[sentences++] = n;
                    if (n >= CHUNK_WORDS) {
                        chunk++;
                        if (chunk > skip) {
                            queueChunk(new Chunk(Arrays.copyOf(words, n), Arrays.copyOf(ends, sentences), raw), epoch,
                                    chunk, trainedBefore + chunk - skip);
                        }
                        n = 0;
                        sentences = 0;
                        raw = 0;
                    }
                }
            }
            if (n > 0 && ++chunk > skip) {
                queueChunk(new Chunk(Arrays.copyOf(words, n), Arrays.copyOf(ends, sentences), raw), epoch,
                        chunk, trainedBefore + chunk - skip);
            }
        }

        /**
         * Queues chunk number {@code indexInEpoch} (from 1) of the epoch, and checkpoints when it is
         * time, once the workers have trained {@code trainedAfter} chunks in all.
         */
        private void queueChunk(Chunk chunk, int epoch, long indexInEpoch, long trainedAfter)
                throws InterruptedException {
            put(chunk, epoch);
            wordsSinceCheckpoint += chunk.raw();
            if (store != null && wordsSinceCheckpoint >= config.checkpointEvery()) {
                while (!totals.awaitChunks(trainedAfter, 50)) {
                    rethrow(failure);
                    reporter.maybeReport(epoch);
                }
                rethrow(failure);
                checkpoint(epoch, indexInEpoch);
            }
        }

        /** Queues a chunk, reporting on time and giving up if a worker failed. */
        private void put(Chunk chunk, int epoch) throws InterruptedException {
            while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                rethrow(failure);
                reporter.maybeReport(epoch);
            }
            reporter.maybeReport(epoch);
        }

        /** What a divergence leaves behind, for its error message. */
        String checkpointNote() {
            if (store == null) {
                return "";
            }
            return store.listNewestFirst().isEmpty()
                    ? "; no checkpoint had been written yet in " + store.directory()
                    : "; the last good checkpoint in " + store.directory() + " is kept";
        }

        /** Throws if a parameter is NaN or infinite (the loss may stay finite a little longer). */
        private void requireFinite(int epoch) {
            requireFinite(centerVectors.data().asNioFloat(), epoch);
            requireFinite(outsideVectors.data().asNioFloat(), epoch);
        }

        private void requireFinite(FloatBuffer values, int epoch) {
            for (int i = 0, n = values.limit(); i < n; i++) {
                if (!Float.isFinite(values.get(i))) {
                    throw new IllegalStateException("the parameters are no longer finite in epoch "
                            + Math.min(epoch, config.epochs()) + ": training diverged (learning rate "
                            + config.learningRate() + " too high?)" + checkpointNote());
                }
            }
        }

        /**
         * Saves a checkpoint while no worker is training: the parameters, the generators, and the
         * position (chunk {@code chunksDone} of {@code epoch} is the next to train). Refuses to save
         * parameters that are not finite: the last good checkpoint stays the newest.
         */
        private void checkpoint(int epoch, long chunksDone) {
            wordsSinceCheckpoint = 0;
            INDArray parameters = Nd4j.concat(0, centerVectors, outsideVectors); // [2V, d], a copy
            requireFinite(parameters.data().asNioFloat(), epoch);
            List<byte[]> states = new ArrayList<>();
            for (RestorableRandom r : workerRandom) {
                states.add(r.saveState());
            }
            Word2VecCheckpoint state = new Word2VecCheckpoint(settings, epoch, chunksDone, totals.words(), states);
            store.save(state.toCheckpoint(totals.chunks(), parameters));
            Reference.reachabilityFence(parameters);
            LOG.debug("checkpoint at epoch {}, chunk {}, {} words", epoch, chunksDone, totals.words());
        }
    }

    private static void rethrow(AtomicReference<Throwable> failure) {
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

    /** Builds reports from the merged totals; used only by the calling thread. */
    private static final class Reporter {
        private final SkipGramConfig config;
        private final TrainingListener listener;
        private final Totals totals;
        private final long wordsTotal;
        private final long started;
        private long lastReport;
        private long wordsAtStart; // words done before this process started (a resumed run)
        private final Supplier<String> checkpointNote;

        Reporter(SkipGramConfig config, TrainingListener listener, Totals totals, long wordsTotal, long started,
                Supplier<String> checkpointNote) {
            this.checkpointNote = checkpointNote;
            this.config = config;
            this.listener = listener;
            this.totals = totals;
            this.wordsTotal = wordsTotal;
            this.started = started;
            this.lastReport = System.nanoTime();
        }

        void resumedAt(long words) {
            wordsAtStart = words;
        }

        void maybeReport(int epoch) {
            if (System.nanoTime() - lastReport >= config.reportInterval().toNanos()) {
                report(epoch, false);
            }
        }

        void report(int epoch, boolean endOfEpoch) {
            lastReport = System.nanoTime();
            double[] sinceLast = totals.drain();
            long pairs = (long) sinceLast[1];
            double meanLoss = pairs == 0 ? Double.NaN : sinceLast[0] / pairs;
            if (pairs > 0 && !Double.isFinite(meanLoss)) {
                throw new IllegalStateException("the loss is " + meanLoss + " in epoch " + epoch
                        + ": training diverged (learning rate " + config.learningRate() + " too high?)"
                        + checkpointNote.get());
            }
            long words = totals.words();
            Duration elapsed = Duration.ofNanos(lastReport - started);
            listener.onReport(new TrainingReport(epoch, config.epochs(), words, wordsTotal, pairs, meanLoss,
                    learningRate(config, words, wordsTotal), (words - wordsAtStart) / Math.max(1e-9, elapsed.toNanos() / 1e9),
                    elapsed, endOfEpoch));
        }
    }

    /** Linear decay from learningRate to minLearningRate over all words of all epochs. */
    static float learningRate(SkipGramConfig config, long wordsDone, long wordsTotal) {
        double progress = Math.min(1.0, (double) wordsDone / Math.max(1, wordsTotal));
        return (float) (config.learningRate() - (config.learningRate() - config.minLearningRate()) * progress);
    }

    /**
     * word2vec's subsampling: a token of a word with count f is kept with probability
     * (sqrt(f / (t·N)) + 1)·(t·N)/f, capped at 1; t = 0 keeps everything.
     */
    static float[] keepProbabilities(Vocabulary vocabulary, double threshold) {
        float[] keep = new float[vocabulary.size()];
        double tn = threshold * vocabulary.totalCount();
        for (int w = 0; w < keep.length; w++) {
            double f = vocabulary.count(w);
            keep[w] = threshold == 0 ? 1f : (float) Math.min(1.0, (Math.sqrt(f / tn) + 1) * tn / f);
        }
        return keep;
    }

    /** [V, d] FLOAT, uniform in (−0.5/d, 0.5/d) as in word2vec.c. */
    static INDArray initialCenterVectors(int v, int d, RestorableRandom rng) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, v, d);
        FloatKernels.uniformRows(x.data().asNioFloat(), v, d, rng);
        return x;
    }

    /**
     * Rows of one softmax step: at most this many positions, and {@value #SOFTMAX_SCORE_FLOATS} floats
     * of scores ([rows, V], 16 MB) per worker.
     */
    static int softmaxRows(int vocabularySize) {
        return Math.max(1, Math.min(64, SOFTMAX_SCORE_FLOATS / vocabularySize));
    }

    private static final int SOFTMAX_SCORE_FLOATS = 4_000_000;

    /** One worker thread's loop: takes chunks until {@link #END}. */
    private static final class Worker {
        private final BlockingQueue<Chunk> queue;
        private final FloatBuffer centers;
        private final FloatBuffer outsides;
        private final int vocabularySize;
        private final SkipGramConfig config;
        private final NoiseDistribution noise;
        private final float[] keep;
        private final RestorableRandom rng;
        private final Totals totals;
        private final long wordsTotal;
        private final NegativeSamplingUpdate negativeSampling; // null with the softmax
        private final SoftmaxUpdate softmax; // null with negative sampling
        private final int[] targets;
        private final int[] batchInputs; // softmax: the batch's pairs, a position's window per run
        private final int[] batchPredicted;
        private int batchPairs;
        private int batchRows;
        private int[] kept = new int[1024];
        private double chunkLoss; // Σ loss of the pairs trained from the current chunk
        private long chunkPairs;

        Worker(BlockingQueue<Chunk> queue, INDArray centerVectors, INDArray outsideVectors, SkipGramConfig config,
                NoiseDistribution noise, float[] keep, RestorableRandom rng, Totals totals, long wordsTotal) {
            this.queue = queue;
            this.centers = centerVectors.data().asNioFloat();
            this.outsides = outsideVectors.data().asNioFloat();
            this.vocabularySize = (int) centerVectors.rows();
            this.config = config;
            this.noise = noise;
            this.keep = keep;
            this.rng = rng;
            this.totals = totals;
            this.wordsTotal = wordsTotal;
            this.targets = new int[config.negatives() + 1];
            if (config.loss() == LossType.NEGATIVE_SAMPLING) {
                this.negativeSampling = new NegativeSamplingUpdate(config.dimension());
                this.softmax = null;
                this.batchInputs = null;
                this.batchPredicted = null;
            } else {
                this.negativeSampling = null;
                this.softmax = new SoftmaxUpdate(centerVectors, outsideVectors, softmaxRows(vocabularySize));
                this.batchInputs = new int[softmax.maxRows() * 2 * config.windowSize()];
                this.batchPredicted = new int[batchInputs.length];
            }
        }

        void run() throws InterruptedException {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                float lr = learningRate(config, totals.words(), wordsTotal);
                chunkLoss = 0.0;
                chunkPairs = 0;
                int start = 0;
                for (int end : chunk.ends()) {
                    int n = subsample(chunk.words(), start, end);
                    start = end;
                    if (negativeSampling != null) {
                        negativeSamplingSentence(n, lr);
                    } else {
                        softmaxSentence(n, lr);
                    }
                }
                if (softmax != null) {
                    flushSoftmax(lr);
                }
                totals.add(chunkLoss, chunkPairs, chunk.raw());
            }
        }

        /**
         * word2vec.c's order: for each position i, every w_j in its window (input, a centre row)
         * predicts w_i (an outside row), with K negatives drawn against w_i.
         */
        private void negativeSamplingSentence(int n, float lr) {
            int window = config.windowSize();
            int k = config.negatives();
            double loss = 0.0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                int radius = 1 + rng.nextInt(window);
                int predicted = kept[i];
                for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
                    if (j == i) {
                        continue;
                    }
                    targets[0] = predicted;
                    for (int t = 1; t <= k; t++) {
                        targets[t] = NegativeSamplingLoss.drawNegative(noise, predicted, vocabularySize, rng);
                    }
                    loss += negativeSampling.apply(centers, outsides, kept[j], targets, k + 1, lr);
                    pairs++;
                }
            }
            chunkLoss += loss;
            chunkPairs += pairs;
        }

        /**
         * The softmax groups a position's window the other way round: w_i (input) predicts every w_j
         * in its window, the same multiset of pairs, so that the window shares one row of scores.
         * Positions are batched {@link SoftmaxUpdate#maxRows()} at a time.
         */
        private void softmaxSentence(int n, float lr) {
            int window = config.windowSize();
            for (int i = 0; i < n; i++) {
                int radius = 1 + rng.nextInt(window);
                if (batchRows == softmax.maxRows()) {
                    flushSoftmax(lr);
                }
                int before = batchPairs;
                for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius); j++) {
                    if (j != i) {
                        batchInputs[batchPairs] = kept[i];
                        batchPredicted[batchPairs++] = kept[j];
                    }
                }
                if (batchPairs > before) {
                    batchRows++;
                }
            }
        }

        /** Trains the batched softmax pairs, if any. */
        private void flushSoftmax(float lr) {
            chunkLoss += softmax.apply(batchInputs, batchPredicted, batchPairs, lr);
            chunkPairs += batchPairs;
            batchPairs = 0;
            batchRows = 0;
        }
        /** Copies the kept tokens of words[from, to) into {@code kept}; returns how many. */
        private int subsample(int[] words, int from, int to) {
            if (kept.length < to - from) {
                kept = new int[to - from];
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                int w = words[i];
                float p = keep[w];
                if (p >= 1f || rng.nextFloat() < p) {
                    kept[n++] = w;
                }
            }
            return n;
        }
    }
}
