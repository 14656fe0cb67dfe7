package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes files follows one rule (issue 11): a symbolic link is followed, a device
 * such as /dev/null is written to and stays a device, and a missing directory is refused with one
 * line naming it, before any work, creating nothing. A checkpoint directory is created, not its parent.
 */
class OutputFilesTest {

    @TempDir
    Path dir;

    private Cli.Result trainTiny(Path out, String... more) {
        Path corpus = dir.resolve("tiny-corpus.txt");
        if (!Files.exists(corpus)) {
            Cli.fixture("tiny-corpus.txt", dir);
        }
        List<String> args = new ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--out", out.toString(),
                "--dim", "8", "--epochs", "1", "--min-count", "2", "--threads", "1"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertOneLineError(Cli.Result r, String... fragments) {
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("skipgram: "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String kind(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%F", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /**
     * A null device: a node of its own (1,3, as /dev/null) where mknod works, so that a regression
     * replaces that node and not the machine's /dev/null; else /dev/null if this user cannot replace it.
     */
    private Path nullDevice() throws IOException, InterruptedException {
        Path node = dir.resolve("null");
        try {
            Process p = new ProcessBuilder("mknod", "-m", "666", node.toString(), "c", "1", "3")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                Files.newOutputStream(node, StandardOpenOption.WRITE).close(); // fails on a nodev mount
                return node;
            }
        } catch (IOException e) {
            Files.deleteIfExists(node); // no mknod, or a nodev mount
        }
        Path devNull = Path.of("/dev/null");
        assumeTrue("character special file".equals(kind(devNull)) && Files.isWritable(devNull), "/dev/null");
        assumeFalse(Files.isWritable(devNull.getParent()), "no mknod here, and this user could replace /dev/null");
        return devNull;
    }

    @Test
    void trainOutThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path vectors = Files.createDirectory(dir.resolve("store")).resolve("v.txt");
        Files.writeString(vectors, "previous");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("store", "v.txt"));
        Cli.Result r = trainTiny(link);
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("store", "v.txt"), Files.readSymbolicLink(link));
        assertEquals(8, Word2VecFormat.read(vectors, Word2VecFormat.Format.TEXT).dimension());
        assertEquals(List.of("v.txt"), names(vectors.getParent()));
    }

    @Test
    void trainOutDevNullWritesToTheDeviceAndLeavesItADevice() throws Exception {
        Path devNull = nullDevice();
        Cli.Result r = trainTiny(devNull);
        assertEquals(0, r.code(), r.toString());
        assertEquals("character special file", kind(devNull));
        assertEquals(0, Files.size(devNull));
    }

    @Test
    void aMissingOutputDirectoryIsRefusedBeforeTrainingAndNothingIsCreated() throws IOException {
        Path out = dir.resolve("missing").resolve("v.bin");
        Path ckpt = dir.resolve("ckpt");
        Cli.Result r = trainTiny(out, "--checkpoint-dir", ckpt.toString());
        assertOneLineError(r, "skipgram: cannot write " + out + ": directory " + out.getParent() + " does not exist");
        assertEquals("", r.out(), "refused before training");
        assertEquals(List.of("tiny-corpus.txt"), names(dir));
    }

    @Test
    void plotAndCs224nRefuseAMissingDirectoryToo() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path png = dir.resolve("nodir").resolve("x.png");
        assertOneLineError(Cli.run("plot", v.toString(), "paris", "france", "--out", png.toString()),
                "skipgram: cannot write " + png + ": directory " + png.getParent() + " does not exist");

        Path sst = Files.writeString(dir.resolve("datasetSentences.txt"), "sentence_index\tsentence\n1\ta b c\n");
        Path vectors = dir.resolve("nodir").resolve("v.bin");
        assertOneLineError(Cli.run("cs224n", "--sst", sst.toString(), "--out", vectors.toString(),
                "--checkpoint-dir", dir.resolve("ckpt").toString()),
                "skipgram: cannot write " + vectors + ": directory " + vectors.getParent() + " does not exist");
        assertOneLineError(Cli.run("cs224n", "--sst", sst.toString(), "--out", dir.resolve("v.bin").toString(),
                "--plot", png.toString(), "--checkpoint-dir", dir.resolve("ckpt").toString()),
                "skipgram: cannot write " + png + ": directory " + png.getParent() + " does not exist");
        assertEquals(List.of("datasetSentences.txt", "v.bin"), names(dir), "nothing created");
    }

    @Test
    void aCheckpointDirectoryIsCreatedButNotItsParent() throws IOException {
        Path orphan = dir.resolve("no").resolve("ckpt");
        Cli.Result r = trainTiny(dir.resolve("v.bin"), "--checkpoint-dir", orphan.toString());
        assertOneLineError(r, "skipgram: --checkpoint-dir " + orphan + ": directory " + orphan.getParent()
                + " does not exist");
        assertFalse(Files.exists(dir.resolve("no")));

        Path ckpt = dir.resolve("ckpt");
        assertEquals(0, trainTiny(dir.resolve("v.bin"), "--checkpoint-dir", ckpt.toString()).code());
        assertTrue(Files.isDirectory(ckpt) && Files.exists(ckpt.resolve(Checkpoints.SETTINGS)));
    }
}
