package dev.skipgram.checkpoint;

import dev.skipgram.internal.kernels.FloatMatrix;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one binary format of a {@link Checkpoint}, for every recipe. Big-endian, as
 * {@link DataOutputStream} writes:
 * <pre>
 *   8 bytes   magic "SGDCKPT2" (the digit is the format version)
 *   long      step
 *   UTF       run settings, as {@link RunSettings#toString()} writes them
 *   int       n, the recipe state's values; each: UTF name, byte kind ('J' long, 'D' double,
 *             'B' bytes), then the long, the double, or int length and the bytes
 *   UTF       data type of the parameters, FLOAT or DOUBLE
 *   int       rank, then rank longs of shape
 *   values    in row-major order (float or double)
 *   long      CRC-32 of everything before it
 * </pre>
 * Reading bounds every length by the file's size before allocating.
 */
final class CheckpointCodec {

    private static final byte[] MAGIC = {'S', 'G', 'D', 'C', 'K', 'P', 'T', '2'};
    private static final int MAX_RANK = 8;
    /** Values copied between the parameters and the stream at a time. */
    private static final int CHUNK = 1 << 16;
    private static final byte LONG = 'J';
    private static final byte DOUBLE = 'D';
    private static final byte BYTES = 'B';

    private CheckpointCodec() {}

    static void write(Checkpoint checkpoint, OutputStream sink) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(sink, crc), 1 << 16));
        INDArray x = checkpoint.parameters();
        out.write(MAGIC);
        out.writeLong(checkpoint.step());
        out.writeUTF(checkpoint.settings().toString());
        Map<String, Object> state = checkpoint.state().values();
        out.writeInt(state.size());
        for (Map.Entry<String, Object> e : state.entrySet()) {
            out.writeUTF(e.getKey());
            if (e.getValue() instanceof Long v) {
                out.writeByte(LONG);
                out.writeLong(v);
            } else if (e.getValue() instanceof Double v) {
                out.writeByte(DOUBLE);
                out.writeDouble(v);
            } else {
                byte[] b = (byte[]) e.getValue();
                out.writeByte(BYTES);
                out.writeInt(b.length);
                out.write(b);
            }
        }
        out.writeUTF(x.dataType().name());
        out.writeInt(x.rank());
        for (long size : x.shape()) {
            out.writeLong(size);
        }
        INDArray contiguous = x.isView() || x.ordering() != 'c' ? x.dup('c') : x;
        long n = contiguous.length();
        if (x.dataType() == DataType.FLOAT) {
            FloatMatrix values = FloatMatrix.flat(contiguous);
            float[] chunk = new float[(int) Math.min(n, CHUNK)];
            for (long from = 0; from < n; from += chunk.length) {
                int count = (int) Math.min(chunk.length, n - from);
                values.get(from, chunk, count);
                for (int i = 0; i < count; i++) {
                    out.writeFloat(chunk[i]);
                }
            }
        } else {
            for (long i = 0; i < n; i++) {
                out.writeDouble(contiguous.data().getDouble(i));
            }
        }
        out.flush();
        out.writeLong(crc.getValue()); // written after flush: not part of its own checksum
        out.flush();
    }

    /** Whether {@code magic} is {@code SGDCKPT} followed by a version digit other than this format's. */
    private static boolean isOtherFormatVersion(byte[] magic) {
        int last = MAGIC.length - 1;
        return Arrays.equals(magic, 0, last, MAGIC, 0, last) && magic[last] >= '0' && magic[last] <= '9'
                && magic[last] != MAGIC[last];
    }

    /**
     * Reads one checkpoint file.
     *
     * @throws IOException if the file is damaged or not a checkpoint
     * @throws IllegalStateException if it is a checkpoint in another version of the format
     */
    static Checkpoint read(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO would block the read until a writer came; a device may never end
            throw new IOException("not a regular file");
        }
        long fileSize = Files.size(file);
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, fileSize, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("checkpoint " + file + " disappeared", e);
        }
    }

    /**
     * Reads one checkpoint from a stream of {@code fileSize} bytes (which bounds every length read);
     * {@code name} names it in the messages. The stream is read, not closed.
     *
     * @throws IOException if the bytes are damaged or not a checkpoint
     * @throws IllegalStateException if it is a checkpoint in another version of the format
     */
    static Checkpoint read(InputStream raw, long fileSize, String name) throws IOException {
        try {
            CRC32 crc = new CRC32();
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc);
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                if (isOtherFormatVersion(magic)) {
                    // not damaged: skipping it would start the run afresh and delete another version's work
                    throw new IllegalStateException("checkpoint " + name + " is in checkpoint format "
                            + (char) magic[MAGIC.length - 1] + ", written by another version of skipgram; this"
                            + " version reads format " + (char) MAGIC[MAGIC.length - 1] + ": resume with the"
                            + " version that wrote it, or use another checkpoint directory");
                }
                throw new IOException("not a skipgram checkpoint (bad magic bytes)");
            }
            long step = in.readLong();
            if (step < 0) {
                throw new IOException("corrupt step " + step);
            }
            RunSettings settings;
            try {
                settings = RunSettings.parse(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt run settings: " + e.getMessage());
            }
            RecipeState state = readState(in, fileSize);
            DataType type;
            try {
                type = DataType.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown data type in checkpoint");
            }
            if (type != DataType.FLOAT && type != DataType.DOUBLE) {
                throw new IOException("unsupported data type " + type);
            }
            int rank = in.readInt();
            if (rank < 1 || rank > MAX_RANK) {
                throw new IOException("corrupt rank " + rank);
            }
            long[] shape = new long[rank];
            long length = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = in.readLong();
                if (shape[i] < 1 || shape[i] > fileSize) {
                    throw new IOException("corrupt shape " + Arrays.toString(shape));
                }
                length = Math.multiplyExact(length, shape[i]);
            }
            if (Math.multiplyExact(length, (long) type.width()) > fileSize) {
                throw new EOFException("checkpoint is truncated: shape " + Arrays.toString(shape)
                        + " needs more than the file's " + fileSize + " bytes");
            }
            INDArray parameters = Nd4j.create(type, shape, 'c');
            if (type == DataType.FLOAT) {
                FloatMatrix values = FloatMatrix.flat(parameters);
                float[] chunk = new float[(int) Math.min(length, CHUNK)];
                for (long from = 0; from < length; from += chunk.length) {
                    int count = (int) Math.min(chunk.length, length - from);
                    for (int i = 0; i < count; i++) {
                        chunk[i] = in.readFloat();
                    }
                    values.put(from, chunk, count);
                }
            } else {
                for (long i = 0; i < length; i++) {
                    parameters.data().put(i, in.readDouble());
                }
            }
            long expected = crc.getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new IOException("checksum mismatch (file damaged)");
            }
            return new Checkpoint(step, settings, state, parameters);
        } catch (ArithmeticException e) {
            throw new IOException("corrupt shape (overflow)", e);
        }
    }

    private static RecipeState readState(DataInputStream in, long fileSize) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > fileSize) {
            throw new IOException("corrupt number of state values " + n);
        }
        RecipeState.Builder state = RecipeState.builder();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            Object value;
            if (kind == LONG) {
                value = in.readLong();
            } else if (kind == DOUBLE) {
                value = in.readDouble();
            } else if (kind == BYTES) {
                int length = in.readInt();
                if (length < 0 || length > fileSize) {
                    throw new IOException("corrupt length " + length + " of state value '" + name + "'");
                }
                byte[] b = in.readNBytes(length);
                if (b.length != length) {
                    throw new EOFException("checkpoint is truncated in its state");
                }
                value = b;
            } else {
                throw new IOException("corrupt kind " + kind + " of state value '" + name + "'");
            }
            try {
                state.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt state: " + e.getMessage());
            }
        }
        return state.build();
    }
}
