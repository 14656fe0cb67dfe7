package dev.skipgram.spark;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under a scheme of its own, with a hook on every file it creates: the tests'
 * way to act at a point of a run's progress (a checkpoint's creation) rather than at a time.
 */
abstract class CreateHookFileSystem extends RawLocalFileSystem {

    private final String scheme;

    CreateHookFileSystem(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public URI getUri() {
        return URI.create(scheme + ":///");
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        return created(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        return created(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    /**
     * What the stream of a file just created becomes.
     *
     * @param f the file
     * @param target its stream
     * @return the stream to write to
     * @throws IOException if the hook fails
     */
    abstract FSDataOutputStream created(Path f, FSDataOutputStream target) throws IOException;
}
