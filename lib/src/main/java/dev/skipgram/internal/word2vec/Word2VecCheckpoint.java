package dev.skipgram.internal.word2vec;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.optim.RunSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Where a word2vec-recipe run stands at a checkpoint, beside the parameters that {@link
 * dev.skipgram.optim.Checkpoint} holds: the epoch in progress, how many of its chunks are trained,
 * the words processed (which set the learning rate), and every worker's generator. Together with
 * the parameters this continues the run exactly: with one thread, a resumed run ends with the same
 * vectors as an uninterrupted one.
 *
 * <p>It also records what the run was: the settings that shape training and a checksum of the
 * vocabulary, so that a checkpoint is never resumed by a different run.
 *
 * <p>Encoding ({@link DataOutputStream}, big-endian): the 4 bytes {@code W2V1}; UTF settings; long
 * vocabulary checksum; int epoch; long chunks done; long words processed; int workers; for each,
 * int n and n bytes of generator state.
 *
 * @param settings the training settings, {@link #settings(SkipGramConfig)}
 * @param vocabularyChecksum {@link #checksum(Vocabulary)} of the run's vocabulary
 * @param epoch the epoch in progress, from 1; epochs + 1 once the last one is done
 * @param chunksDone chunks of that epoch already trained
 * @param wordsProcessed words processed over all epochs
 * @param workerStates the state of each worker's generator
 */
public record Word2VecCheckpoint(RunSettings settings, long vocabularyChecksum, int epoch, long chunksDone, long wordsProcessed,
        List<byte[]> workerStates) {

    private static final int MAGIC = 0x57325631; // "W2V1"

    public Word2VecCheckpoint {
        workerStates = List.copyOf(workerStates);
    }

    /** The settings a resumed run must share with the run that wrote the checkpoint. */
    static RunSettings settings(SkipGramConfig c) {
        Map<String, Object> m = c.sharedRunSettings();
        m.put("minLearningRate", c.minLearningRate());
        m.put("epochs", c.epochs());
        m.put("minCount", c.minCount());
        m.put("maxVocabularySize", c.maxVocabularySize());
        m.put("threads", c.threads());
        return RunSettings.of(m);
    }

    /** A checksum of the vocabulary's words and counts, in order. */
    public static long checksum(Vocabulary vocabulary) {
        CRC32 crc = new CRC32();
        for (int w = 0; w < vocabulary.size(); w++) {
            crc.update(vocabulary.word(w).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            long count = vocabulary.count(w);
            for (int i = 0; i < 8; i++) {
                crc.update((int) (count >>> (8 * i)));
            }
        }
        return crc.getValue() ^ ((long) vocabulary.size() << 32);
    }

    /**
     * Explains why a run with these settings and this vocabulary cannot resume from this checkpoint,
     * or returns the empty string if it can.
     */
    String mismatch(RunSettings runSettings, long runVocabularyChecksum) {
        String differences = runSettings.differencesFrom(settings);
        if (runVocabularyChecksum != vocabularyChecksum) {
            String vocabulary = "the vocabulary (another corpus, or a changed one)";
            differences = differences.isEmpty() ? vocabulary : differences + "; " + vocabulary;
        }
        return differences;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(settings.toString());
            out.writeLong(vocabularyChecksum);
            out.writeInt(epoch);
            out.writeLong(chunksDone);
            out.writeLong(wordsProcessed);
            out.writeInt(workerStates.size());
            for (byte[] state : workerStates) {
                out.writeInt(state.length);
                out.write(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not an encoded checkpoint state */
    static Word2VecCheckpoint decode(byte[] encoded) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        if (encoded.length < 4 || in.readInt() != MAGIC) {
            throw new IOException("not a word2vec-recipe checkpoint (it may have been written by the CS224n recipe)");
        }
        RunSettings settings;
        try {
            settings = RunSettings.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt settings in a word2vec checkpoint: " + e.getMessage());
        }
        long checksum = in.readLong();
        int epoch = in.readInt();
        long chunks = in.readLong();
        long words = in.readLong();
        int workers = in.readInt();
        if (epoch < 1 || chunks < 0 || words < 0 || workers < 1 || workers > encoded.length) {
            throw new IOException("corrupt word2vec checkpoint state (epoch " + epoch + ", " + workers + " workers)");
        }
        List<byte[]> states = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int n = in.readInt();
            if (n < 0 || n > encoded.length) {
                throw new IOException("corrupt generator state length " + n);
            }
            states.add(in.readNBytes(n));
        }
        return new Word2VecCheckpoint(settings, checksum, epoch, chunks, words, states);
    }
}
