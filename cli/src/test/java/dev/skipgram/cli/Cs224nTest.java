package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CS224n run on a tiny file in the Stanford Sentiment Treebank's layout, with few steps. */
class Cs224nTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... more) {
        Path sst = dir.resolve("sst-tiny.txt");
        if (!Files.exists(sst)) {
            Cli.fixture("sst-tiny.txt", dir);
        }
        String[] base = {"cs224n", "--sst", sst.toString(), "--steps", "300", "--checkpoint-every", "100",
            "--checkpoint-dir", dir.resolve("checkpoints").toString(), "--out", dir.resolve("v.bin").toString(),
            "--plot", dir.resolve("word_vectors.png").toString(), "--print-every", "100"};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void runsTheRecipeCheckpointsAndResumes() throws IOException {
        Cli.Result r = run();
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("negative sampling (K=10), d=10, 50 windows a step, step size 0.3"), r.out());
        assertTrue(r.out().contains("Sanity check: final smoothed cost "), r.out());
        assertTrue(r.out().contains("Wrote " + dir.resolve("word_vectors.png") + " (24 words)"), r.out());
        // the smoothed cost, printed every --print-every steps when not on a terminal
        assertTrue(r.err().contains("training:  33%  100/300 steps"), r.err());
        assertTrue(r.err().contains("training: 100%  300/300 steps"), r.err());
        assertTrue(r.err().contains("cost "), r.err());
        assertEquals(3, r.err().lines().filter(l -> l.startsWith("training:")).count(), r.err());
        BufferedImage image = ImageIO.read(dir.resolve("word_vectors.png").toFile());
        assertEquals(900, image.getWidth());
        assertTrue(Files.exists(dir.resolve("v.bin")));
        assertTrue(Files.exists(dir.resolve("checkpoints").resolve("checkpoint-0000000300.sgd")));

        Cli.Result again = run();
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("holds a checkpoint from an earlier run; pass --resume"), again.err());

        Cli.Result softmax = run("--resume", "--loss", "softmax");
        assertEquals(1, softmax.code(), softmax.toString());
        assertTrue(softmax.err().contains("comes from a run with --loss negative-sampling (now softmax)"),
                softmax.err());

        Cli.Result longer = run("--resume", "--steps", "400");
        assertEquals(0, longer.code(), longer.toString());
        assertTrue(longer.out().contains("Resuming from the checkpoint in " + dir.resolve("checkpoints")),
                longer.out());
        assertTrue(longer.err().contains("training: 100%  400/400 steps"), longer.err());
        assertTrue(!longer.err().contains("100/400"), "resumed after step 300:\n" + longer.err());
    }

    @Test
    void theSanityLineExplainsAFailure() {
        assertEquals("Sanity check: final smoothed cost 9.55 <= 10: passed.",
                Cs224nCommand.sanityLine(9.55, 40_000, LossType.NEGATIVE_SAMPLING));
        assertEquals("Sanity check: final smoothed cost 21.30 > 10: failed (after 1,000 of the recipe's 40,000 steps).",
                Cs224nCommand.sanityLine(21.3, 1_000, LossType.NEGATIVE_SAMPLING));
        assertTrue(Cs224nCommand.sanityLine(28.8, 40_000, LossType.NAIVE_SOFTMAX).contains("11.7"));
        assertTrue(Cs224nCommand.sanityLine(12.1, 40_000, LossType.HIERARCHICAL_SOFTMAX)
                .contains("Expected with the hierarchical softmax"));
    }
}
