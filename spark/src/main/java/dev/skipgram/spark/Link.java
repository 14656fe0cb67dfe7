package dev.skipgram.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One socket between the driver and a partition's task ({@link Exchange#DIRECT}), with bulk writes and
 * reads of int and float arrays (little-endian, through one 64 KB buffer). Not thread-safe: one
 * thread writes, one reads.
 */
final class Link implements Closeable {

    private static final int BUFFER = 1 << 16; // bytes
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final byte[] bytes = new byte[BUFFER];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

    Link(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
    }

    Socket socket() {
        return socket;
    }

    void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    void writeDouble(double value) throws IOException {
        out.writeDouble(value);
    }

    int readInt() throws IOException {
        return in.readInt();
    }

    long readLong() throws IOException {
        return in.readLong();
    }

    double readDouble() throws IOException {
        return in.readDouble();
    }

    /** Writes n floats of {@code a} from {@code from}. */
    void writeFloats(float[] a, int from, int n) throws IOException {
        for (int done = 0; done < n; ) {
            int m = Math.min(n - done, BUFFER / Float.BYTES);
            buffer.clear();
            buffer.asFloatBuffer().put(a, from + done, m);
            out.write(bytes, 0, m * Float.BYTES);
            done += m;
        }
    }

    /** Reads n floats into {@code a} from {@code from}. */
    void readFloats(float[] a, int from, int n) throws IOException {
        for (int done = 0; done < n; ) {
            int m = Math.min(n - done, BUFFER / Float.BYTES);
            in.readFully(bytes, 0, m * Float.BYTES);
            buffer.clear();
            buffer.asFloatBuffer().get(a, from + done, m);
            done += m;
        }
    }

    /** Writes rows {@code rows[0..n)} of the [·, d] row-major matrix {@code m}, d floats each. */
    void writeRows(float[] m, int d, int[] rows, int n) throws IOException {
        int perBuffer = BUFFER / Float.BYTES / d; // whole rows that fit in the buffer, ≥ 1 for d ≤ 16,384
        if (perBuffer == 0) {
            for (int i = 0; i < n; i++) {
                writeFloats(m, rows[i] * d, d);
            }
            return;
        }
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, perBuffer);
            buffer.clear();
            FloatBuffer f = buffer.asFloatBuffer();
            for (int i = done; i < done + k; i++) {
                f.put(m, rows[i] * d, d);
            }
            out.write(bytes, 0, k * d * Float.BYTES);
            done += k;
        }
    }

    /**
     * Reads what {@link #writeRows} wrote for rows {@code rows[0..n)} into those rows of the [·, d]
     * row-major matrix {@code m}.
     */
    void readRows(float[] m, int d, int[] rows, int n) throws IOException {
        int perBuffer = BUFFER / Float.BYTES / d;
        if (perBuffer == 0) {
            for (int i = 0; i < n; i++) {
                readFloats(m, rows[i] * d, d);
            }
            return;
        }
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, perBuffer);
            in.readFully(bytes, 0, k * d * Float.BYTES);
            buffer.clear();
            FloatBuffer f = buffer.asFloatBuffer();
            for (int i = done; i < done + k; i++) {
                f.get(m, rows[i] * d, d);
            }
            done += k;
        }
    }

    /** Writes the length of {@code a} and its values. */
    void writeInts(int[] a, int n) throws IOException {
        out.writeInt(n);
        for (int done = 0; done < n; ) {
            int m = Math.min(n - done, BUFFER / Integer.BYTES);
            buffer.clear();
            buffer.asIntBuffer().put(a, done, m);
            out.write(bytes, 0, m * Integer.BYTES);
            done += m;
        }
    }

    /** Reads an array that {@link #writeInts} wrote; refuses a length above {@code max}. */
    int[] readInts(int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("an array of " + n + " ints where at most " + max + " were expected");
        }
        int[] a = new int[n];
        for (int done = 0; done < n; ) {
            int m = Math.min(n - done, BUFFER / Integer.BYTES);
            in.readFully(bytes, 0, m * Integer.BYTES);
            buffer.clear();
            buffer.asIntBuffer().get(a, done, m);
            done += m;
        }
        return a;
    }

    /**
     * Reads rows that {@link #writeInts} of their indices, then {@link #writeRows} of their values,
     * wrote; refuses more than {@code maxRows}.
     */
    ChangedRows readChanged(int maxRows, int d) throws IOException {
        int[] rows = readInts(maxRows);
        float[] values = new float[rows.length * d];
        readFloats(values, 0, values.length);
        return new ChangedRows(rows, values);
    }

    /** Writes the count of {@code arrays}, then each as {@link #writeBytes} does. */
    void writeByteArrays(byte[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (byte[] a : arrays) {
            writeBytes(a);
        }
    }

    /** Reads what {@link #writeByteArrays} wrote; refuses more than {@code maxCount} arrays or {@code maxBytes} in one. */
    byte[][] readByteArrays(int maxCount, int maxBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > maxCount) {
            throw new IOException(n + " arrays where at most " + maxCount + " were expected");
        }
        byte[][] arrays = new byte[n][];
        for (int i = 0; i < n; i++) {
            arrays[i] = readBytes(maxBytes);
        }
        return arrays;
    }

    /** Writes the length of {@code a} and its bytes. */
    void writeBytes(byte[] a) throws IOException {
        out.writeInt(a.length);
        out.write(a);
    }

    /** Reads an array that {@link #writeBytes} wrote; refuses a length above {@code max}. */
    byte[] readBytes(int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("an array of " + n + " bytes where at most " + max + " were expected");
        }
        byte[] a = new byte[n];
        in.readFully(a);
        return a;
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing left to do
        }
    }
}
