package dev.skipgram.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that passes on the first {@code capacity} bytes and then fails as a full disk does, with
 * the operating system's message. For tests of what a failed write leaves behind.
 */
public final class FullDiskOutputStream extends FilterOutputStream {

    /** The message Linux gives for ENOSPC. */
    public static final String NO_SPACE = "No space left on device";

    private long left;

    /**
     * @param out where the bytes that fit go
     * @param capacity how many bytes fit, ≥ 0
     */
    public FullDiskOutputStream(OutputStream out, long capacity) {
        super(out);
        this.left = capacity;
    }

    @Override
    public void write(int b) throws IOException {
        if (left == 0) {
            throw new IOException(NO_SPACE);
        }
        left--;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, left);
        out.write(b, off, n);
        left -= n;
        if (n < len) {
            throw new IOException(NO_SPACE);
        }
    }
}
