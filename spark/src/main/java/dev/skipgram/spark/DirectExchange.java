package dev.skipgram.spark;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.internal.word2vec.PartitionTraining;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * {@link Exchange#DIRECT}, on the driver: one barrier stage of {@link ResidentTask}s for the whole run,
 * and a server socket that every task connects to. A round:
 * <pre>
 *   driver ─► task p:  STATE (X, U, p's generators) if p is new, then TRAIN (the merged rows p lacks, p's share)
 *   task p ─► driver:  RESULT (the rows p changed, its generators, its totals)
 *   driver: merge (RowMerger) ─► next round
 * </pre>
 * "The merged rows p lacks" are the rows the last merge changed, except those only p changed (p holds
 * them already, bit for bit), so after every round each task's X and U equal the driver's.
 *
 * <p>Faults: if a socket fails, or a task of a newer stage attempt connects (Spark reruns a barrier
 * stage whole when one of its tasks fails), the round is dropped and trained again from the driver's
 * state once every partition has connected again: the same rows merge as if nothing had happened. If
 * the stage fails for good, the round fails with Spark's reason.
 *
 * <p>A task proves it belongs to this run with a 128-bit secret that travels in its closure.
 */
final class DirectExchange implements RoundExchange {

    static final int STATE = 1;
    static final int TRAIN = 2;
    static final int DONE = 3;
    static final int MAX_GENERATOR_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(DirectExchange.class);
    private final int partitions;
    private final int d;
    private final ServerSocket server;
    private final long[] secret;
    private final JavaRDD<?> stage;
    private final Thread acceptor;
    private final ExecutorService io; // one thread per link
    private JavaFutureAction<Long> job; // started by the first round
    // guarded by this
    private final Link[] links;
    private final boolean[] fresh; // true until the link has had the full state
    private int attempt = -1; // the newest stage attempt that connected
    private RuntimeException failure; // why the stage has ended, if it has
    private boolean closing;
    // driver thread only
    private List<ShareResult> previous; // the last round's results, merged into the x and u passed next

    private DirectExchange(int partitions, int d, ServerSocket server, long[] secret, JavaRDD<?> stage) {
        this.partitions = partitions;
        this.d = d;
        this.server = server;
        this.secret = secret;
        this.links = new Link[partitions];
        this.fresh = new boolean[partitions];
        this.acceptor = new Thread(this::accept, "skipgram-direct-exchange-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        this.stage = stage;
        this.io = Executors.newFixedThreadPool(partitions, r -> {
            Thread t = new Thread(r, "skipgram-direct-exchange-io");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the server socket on the driver's bind address; the first round starts the barrier stage
     * (a run resumed after its last round starts none).
     *
     * @param spark the context
     * @param config the run's config
     * @param words the broadcast vocabulary
     * @param chunks the partitions' chunks, cached
     * @return the exchange
     */
    static DirectExchange start(JavaSparkContext spark, SkipGramConfig config, Broadcast<VocabularyData> words,
            JavaRDD<PartitionTraining.Chunks> chunks) {
        String host = spark.getConf().get("spark.driver.host");
        String bind = spark.getConf().get("spark.driver.bindAddress", host);
        ServerSocket server;
        try {
            server = new ServerSocket(0, 64, InetAddress.getByName(bind));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the driver's socket for the direct exchange on " + bind
                    + ": " + e.getMessage() + " (use Exchange.BROADCAST)", e);
        }
        SecureRandom random = new SecureRandom();
        long[] secret = {random.nextLong(), random.nextLong()};
        ClassTag<Object> tag = ClassTag$.MODULE$.apply(Object.class);
        RDD<Object> stage = chunks.rdd().barrier().mapPartitions(
                new ResidentTask(config, words, host, server.getLocalPort(), secret), true, tag);
        LOG.info("direct exchange: {} tasks connect to {}:{}", chunks.getNumPartitions(), host, server.getLocalPort());
        return new DirectExchange(chunks.getNumPartitions(), config.dimension(), server, secret,
                // behind a shuffle, the barrier stage is a shuffle map stage, which Spark reruns whole when a
                // task fails; a failed barrier result stage is aborted instead
                new JavaRDD<>(stage, tag).repartition(1));
    }

    @Override
    public List<ShareResult> train(Round round, float[] x, float[] u, byte[][][] generators) {
        int v = x.length / d;
        if (job == null) {
            job = stage.countAsync();
            Thread watcher = new Thread(this::watch, "skipgram-direct-exchange-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        Rows rowsX = previous == null ? null : Rows.of(previous, v, true);
        Rows rowsU = previous == null ? null : Rows.of(previous, v, false);
        while (true) {
            Link[] connected = awaitAll();
            boolean[] full;
            synchronized (this) {
                full = fresh.clone();
            }
            // one thread a link: a partition's rows go out while another's come in
            List<Future<ShareResult>> pending = new ArrayList<>(partitions);
            for (int i = 0; i < partitions; i++) {
                int p = i;
                pending.add(io.submit(() -> exchange(connected[p], p, full[p], rowsX, rowsU, round, x, u,
                        generators[p])));
            }
            List<ShareResult> results = new ArrayList<>(partitions);
            IOException failed = null;
            int failedPartition = -1;
            for (int p = 0; p < partitions; p++) {
                try {
                    results.add(pending.get(p).get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof IOException io)) {
                        drop(connected);
                        throw new IllegalStateException("the exchange with partition " + p + " failed", e.getCause());
                    }
                    if (failed == null) {
                        failed = io;
                        failedPartition = p;
                        drop(connected); // the other links' threads stop too
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    drop(connected);
                    throw new IllegalStateException("interrupted in epoch " + round.epoch() + ", round "
                            + (round.index() + 1), e);
                }
            }
            if (failed == null) {
                synchronized (this) {
                    for (int i = 0; i < partitions; i++) {
                        if (links[i] == connected[i]) {
                            fresh[i] = false;
                        }
                    }
                }
                previous = results;
                return results;
            }
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
            }
            LOG.warn("epoch {} round {}: the link to partition {} failed ({}); the round is dropped and trained"
                    + " again once Spark has rerun the stage", round.epoch(), round.index() + 1, failedPartition,
                    failed.toString());
        }
    }

    /** One partition's round: the state if it is new, the merged rows it lacks and its share; its result. */
    private ShareResult exchange(Link link, int p, boolean full, Rows rowsX, Rows rowsU, Round round, float[] x,
            float[] u, byte[][] generators) throws IOException {
        if (full) {
            link.writeInt(STATE);
            link.writeFloats(x, 0, x.length);
            link.writeFloats(u, 0, u.length);
            link.writeByteArrays(generators);
        }
        link.writeInt(TRAIN);
        send(link, full ? null : rowsX, x, p);
        send(link, full ? null : rowsU, u, p);
        link.writeInt(round.from()[p]);
        link.writeInt(round.to()[p]);
        link.writeLong(round.wordsBefore());
        link.writeDouble(round.scale()[p]);
        link.flush();
        return receive(link, p, x.length / d, generators.length);
    }

    /** Writes the merged rows that partition p lacks (none if {@code rows} is null). */
    private void send(Link link, Rows rows, float[] m, int p) throws IOException {
        if (rows == null) {
            link.writeInts(new int[0], 0);
            return;
        }
        int[] list = rows.lackedBy(p);
        link.writeInts(list, list.length);
        link.writeRows(m, d, list, list.length);
    }

    private ShareResult receive(Link link, int p, int v, int threads) throws IOException {
        ChangedRows center = link.readChanged(v, d);
        ChangedRows outside = link.readChanged(v, d);
        byte[][] states = link.readByteArrays(threads, MAX_GENERATOR_BYTES);
        if (states.length != threads) {
            throw new IOException("partition " + p + " returned " + states.length + " generators, not " + threads);
        }
        double loss = link.readDouble();
        long pairs = link.readLong();
        long words = link.readLong();
        return new ShareResult(p, center.rows(), center.values(), outside.rows(), outside.values(), states, loss,
                pairs, words);
    }

    /** Every partition's link, once all are connected; throws if the stage has ended. */
    private synchronized Link[] awaitAll() {
        while (true) {
            if (failure != null) {
                throw failure;
            }
            boolean all = true;
            for (Link link : links) {
                all &= link != null;
            }
            if (all) {
                return links.clone();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the training tasks to connect", e);
            }
        }
    }

    /**
     * Closes the links a failed round used (their tasks fail, and Spark reruns the stage), keeping any
     * that a newer attempt's tasks have filed since.
     */
    private synchronized void drop(Link[] used) {
        for (int i = 0; i < partitions; i++) {
            used[i].close();
            if (links[i] == used[i]) {
                links[i] = null;
            }
        }
    }

    /** Closes every link (their tasks fail, and Spark reruns the stage). */
    private synchronized void dropAll() {
        for (int i = 0; i < partitions; i++) {
            if (links[i] != null) {
                links[i].close();
                links[i] = null;
            }
        }
    }

    /** The acceptor thread: takes each task's hello and files its link. */
    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Link link = null;
            try {
                socket.setSoTimeout(60_000); // a hello is 24 bytes
                link = new Link(socket);
                long s0 = link.readLong();
                long s1 = link.readLong();
                int p = link.readInt();
                int stageAttempt = link.readInt();
                if (s0 != secret[0] || s1 != secret[1] || p < 0 || p >= partitions) {
                    LOG.warn("direct exchange: refused a connection from {} (not a task of this run)",
                            socket.getRemoteSocketAddress());
                    link.close();
                    continue;
                }
                socket.setSoTimeout(0);
                file(link, p, stageAttempt);
            } catch (IOException e) {
                if (link != null) {
                    link.close();
                } else {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
            }
        }
    }

    private synchronized void file(Link link, int p, int stageAttempt) {
        if (closing || failure != null || stageAttempt < attempt) {
            link.close(); // a task of an earlier attempt, or one that comes too late
            return;
        }
        if (stageAttempt > attempt) {
            if (attempt >= 0) {
                LOG.warn("direct exchange: stage attempt {} replaces attempt {}; the round in progress is trained"
                        + " again", stageAttempt, attempt);
            }
            attempt = stageAttempt;
            dropAll();
        }
        if (links[p] != null) {
            links[p].close();
        }
        links[p] = link;
        fresh[p] = true;
        notifyAll();
    }

    /** The watcher thread: waits for the stage to end; if it ends before {@link #close}, fails the run. */
    private void watch() {
        RuntimeException ended;
        try {
            job.get();
            ended = new IllegalStateException("the training stage ended before the last round");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ended = new IllegalStateException("the training stage failed: " + cause.getMessage(), cause);
        } catch (CancellationException | InterruptedException e) {
            ended = new IllegalStateException("the training stage was cancelled", e);
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            failure = ended;
            dropAll();
            notifyAll();
        }
    }

    @Override
    public void close() {
        boolean done;
        synchronized (this) {
            closing = true;
            done = failure == null;
            if (done) {
                for (Link link : links) {
                    try {
                        if (link != null) {
                            link.writeInt(DONE);
                            link.flush();
                        }
                    } catch (IOException e) {
                        done = false;
                    }
                }
            }
        }
        if (job != null && done) {
            try {
                job.get(); // the tasks free their copies and end
            } catch (ExecutionException | CancellationException e) {
                LOG.warn("direct exchange: the training stage failed after its last round: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (job != null) {
            job.cancel(true);
        }
        synchronized (this) {
            dropAll();
        }
        io.shutdownNow();
        try {
            server.close();
        } catch (IOException e) {
            // the acceptor ends either way
        }
    }

    /**
     * The rows the last merge changed, for one matrix: how many partitions changed each, and which
     * one when it was one.
     */
    private record Rows(int[] touched, int[] owner, int[] changed) {

        static Rows of(List<ShareResult> results, int v, boolean center) {
            int[] touched = new int[v];
            int[] owner = new int[v];
            for (ShareResult s : results) {
                for (int r : center ? s.centerRows() : s.outsideRows()) {
                    touched[r]++;
                    owner[r] = s.partition();
                }
            }
            int n = 0;
            int[] changed = new int[v];
            for (int r = 0; r < v; r++) {
                if (touched[r] > 0) {
                    changed[n++] = r;
                }
            }
            return new Rows(touched, owner, Arrays.copyOf(changed, n));
        }

        /** The changed rows, but those that only partition p changed. */
        int[] lackedBy(int p) {
            int[] out = new int[changed.length];
            int n = 0;
            for (int r : changed) {
                if (touched[r] > 1 || owner[r] != p) {
                    out[n++] = r;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }
}
