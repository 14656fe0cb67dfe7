package dev.skipgram.spark;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.internal.word2vec.PartitionTraining;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * {@link Exchange#DIRECT}, on an executor: one partition's task for the whole run. It connects to the
 * driver ({@link DirectExchange}), then trains each round it is sent from the X and U it keeps (in
 * direct memory, {@link ShareTask#workingMatrix}, with on-heap copies of the round's start to find
 * the changed rows), sends the rows it changed and applies the merged rows it receives, until the
 * driver says the run is done. The same kernels and schedule as {@link ShareTask}, so the same round
 * trains to the same rows either way.
 */
final class ResidentTask extends AbstractFunction1<Iterator<PartitionTraining.Chunks>, Iterator<Object>>
        implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResidentTask.class);
    private final Properties config; // SkipGramConfig.toProperties(): the record itself is not serializable
    private final Broadcast<VocabularyData> vocabulary;
    private final String host;
    private final int port;
    private final long[] secret;

    ResidentTask(SkipGramConfig config, Broadcast<VocabularyData> vocabulary, String host, int port, long[] secret) {
        this.config = config.toProperties();
        this.vocabulary = vocabulary;
        this.host = host;
        this.port = port;
        this.secret = secret.clone();
    }

    @Override
    public Iterator<Object> apply(Iterator<PartitionTraining.Chunks> chunks) {
        BarrierTaskContext context = BarrierTaskContext.get();
        int p = context.partitionId();
        PartitionTraining.Chunks share = chunks.next();
        SkipGramConfig settings = SkipGramConfig.of(config);
        Vocabulary words = vocabulary.value().toVocabulary();
        int v = words.size();
        int d = settings.dimension();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 60_000);
        } catch (IOException e) {
            throw new UncheckedIOException("partition " + p + " cannot reach the driver at " + host + ":" + port
                    + " for the direct exchange (" + e.getMessage() + "); where only Spark's own ports are open,"
                    + " train with Exchange.BROADCAST (--exchange broadcast)", e);
        }
        try (Link link = new Link(socket)) {
            link.writeLong(secret[0]);
            link.writeLong(secret[1]);
            link.writeInt(p);
            link.writeInt(context.stageAttemptNumber());
            link.flush();
            new Resident(link, settings, words, share, p, v, d).run();
        } catch (IOException e) {
            throw new UncheckedIOException("partition " + p + " lost its link to the driver at " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        return scala.collection.Iterator$.MODULE$.empty();
    }

    /** One task's state: its copies of X and U, its generators, and the rows it changed last round. */
    private static final class Resident {
        private final Link link;
        private final SkipGramConfig settings;
        private final Vocabulary words;
        private final PartitionTraining.Chunks share;
        private final int p;
        private final int v;
        private final int d;
        private FloatMatrix x; // [V, d], trained in place
        private FloatMatrix u; // [V, d]
        private float[] baseX; // [V, d]: X as the round started (as the driver holds it)
        private float[] baseU; // [V, d]
        private RestorableRandom[] rng;
        private PartitionTraining.Tables tables; // built at the first round, used by every round

        Resident(Link link, SkipGramConfig settings, Vocabulary words, PartitionTraining.Chunks share, int p, int v,
                int d) {
            this.link = link;
            this.settings = settings;
            this.words = words;
            this.share = share;
            this.p = p;
            this.v = v;
            this.d = d;
        }

        void run() throws IOException {
            try {
                while (true) {
                    int message = link.readInt();
                    switch (message) {
                        case DirectExchange.STATE -> state();
                        case DirectExchange.TRAIN -> train();
                        case DirectExchange.DONE -> {
                            return;
                        }
                        default -> throw new IOException("unknown message " + message + " from the driver");
                    }
                }
            } finally {
                if (x != null) {
                    ShareTask.release(x);
                    ShareTask.release(u);
                }
            }
        }

        private void state() throws IOException {
            if (baseX == null) {
                baseX = new float[v * d];
                baseU = new float[v * d];
                x = ShareTask.workingMatrix(settings, v, d);
                u = ShareTask.workingMatrix(settings, v, d);
            }
            link.readFloats(baseX, 0, baseX.length);
            link.readFloats(baseU, 0, baseU.length);
            x.put(0, baseX, baseX.length);
            u.put(0, baseU, baseU.length);
            rng = ShareTask.restored(link.readByteArrays(settings.threads(), DirectExchange.MAX_GENERATOR_BYTES));
        }

        private void train() throws IOException {
            if (x == null) {
                throw new IOException("the driver sent a round before the state");
            }
            long started = System.nanoTime();
            float[] row = new float[d];
            update(x, baseX, row);
            update(u, baseU, row);
            int from = link.readInt();
            int to = link.readInt();
            long wordsBefore = link.readLong();
            double scale = link.readDouble();
            long received = System.nanoTime();
            if (tables == null) {
                tables = PartitionTraining.tables(settings, words);
            }
            PartitionTraining.Outcome outcome = from == to
                    ? new PartitionTraining.Outcome(0, 0, 0)
                    : PartitionTraining.train(settings, words, tables, x, u, rng, share, from, to, wordsBefore, scale);
            long trained = System.nanoTime();
            // the round's start becomes this task's own result (a row only it changed is merged as it
            // stands, and a row others changed too comes back merged with the next round), and the
            // changed rows go out from there: ChangedRows' wire form, indices then values
            int[] cx = ChangedRows.advance(x, baseX, row);
            int[] cu = ChangedRows.advance(u, baseU, row);
            link.writeInts(cx, cx.length);
            link.writeRows(baseX, d, cx, cx.length);
            link.writeInts(cu, cu.length);
            link.writeRows(baseU, d, cu, cu.length);
            link.writeByteArrays(ShareTask.saved(rng));
            link.writeDouble(outcome.loss());
            link.writeLong(outcome.pairs());
            link.writeLong(outcome.words());
            link.flush();
            long sent = System.nanoTime();
            LOG.info("partition {}, chunks [{}, {}): {} words; {} s receiving the merged rows, {} s training ({}"
                    + " words/s), {} s sending the {} changed rows", p, from, to, outcome.words(),
                    ShareTask.seconds(received - started), ShareTask.seconds(trained - received),
                    String.format("%.0f", outcome.words() / Math.max(1e-9, (trained - received) / 1e9)),
                    ShareTask.seconds(sent - trained), cx.length + cu.length);
        }

        /**
         * Brings one matrix, both its trained copy and the round's start, to the driver's merged state:
         * the merged rows this task lacks arrive now.
         */
        private void update(FloatMatrix m, float[] base, float[] row) throws IOException {
            int[] rows = link.readInts(v);
            link.readRows(base, d, rows, rows.length);
            for (int r : rows) {
                System.arraycopy(base, r * d, row, 0, d);
                m.putRow(r, row);
            }
        }
    }
}
