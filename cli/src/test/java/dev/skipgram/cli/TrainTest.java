package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.WordVectors;
import dev.skipgram.io.Word2VecFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainTest {

    @TempDir
    Path dir;

    private Cli.Result trainTiny(String out, String... more) {
        Path corpus = dir.resolve("tiny-corpus.txt");
        if (!Files.exists(corpus)) {
            Cli.fixture("tiny-corpus.txt", dir);
        }
        List<String> args = new ArrayList<>(List.of("train", "--corpus", corpus.toString(), "--out",
                dir.resolve(out).toString(), "--dim", "8", "--epochs", "2", "--min-count", "2", "--threads", "1"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void trainsOnATinyCorpusAndWritesAFileThatReadsBack() throws IOException {
        Cli.Result r = trainTiny("vectors.txt");
        assertEquals(0, r.code(), r.toString());
        WordVectors back = Word2VecFormat.read(dir.resolve("vectors.txt"), Word2VecFormat.Format.TEXT);
        assertEquals(8, back.dimension());
        assertTrue(back.vocabulary().contains("king") && back.vocabulary().contains("coffee"));
        assertTrue(r.out().contains("Wrote " + dir.resolve("vectors.txt") + " (text word2vec format)"), r.out());
        // the default: negatives shared by each window
        assertTrue(r.out().contains("negative sampling (K=5, shared by each window), d=8, window 5, 2 epochs, min"
                + " count 2,"), r.out());
        // not a terminal: plain progress lines, with the honest mean loss
        assertTrue(r.err().contains("training: 100%"), r.err());
        assertTrue(r.err().contains("epoch 2/2  loss "), r.err());
        assertTrue(r.err().contains("reading the corpus: "), r.err());
        // the summary quotes the training phase as the last progress line shows it
        Matcher line = Pattern.compile("training: 100%  ([0-9,]+)/[0-9,]+ words  (\\S+) words/s  done in").matcher(r.err());
        assertTrue(line.find(), r.err());
        Matcher summary = Pattern.compile("Trained [0-9,]+ words x 8 dimensions: ([0-9,]+) words in [0-9.]+ s of"
                + " training, (\\S+) words/s \\([0-9.]+ s in all\\); final loss ").matcher(r.out());
        assertTrue(summary.find(), r.out());
        assertEquals(line.group(1), summary.group(1), r.err() + r.out());
        assertEquals(line.group(2), summary.group(2), r.err() + r.out());

        Cli.Result binary = trainTiny("vectors.bin");
        assertEquals(0, binary.code(), binary.toString());
        assertEquals(back.vocabulary().words(),
                Word2VecFormat.read(dir.resolve("vectors.bin"), Word2VecFormat.Format.BINARY).vocabulary().words());
        assertTrue(binary.out().contains("(binary word2vec format)"));
        Cli.Result forced = trainTiny("vectors.bin", "--format", "text");
        assertEquals(0, forced.code());
        assertEquals(8, Word2VecFormat.read(dir.resolve("vectors.bin"), Word2VecFormat.Format.TEXT).dimension());
    }

    @Test
    void oneThreadAndOneSeedReproduceTheFile() throws IOException {
        assertEquals(0, trainTiny("a.bin", "--seed", "5").code());
        assertEquals(0, trainTiny("b.bin", "--seed", "5").code());
        assertEquals(-1, Files.mismatch(dir.resolve("a.bin"), dir.resolve("b.bin")));
    }

    @Test
    void aCheckpointedRunResumesOnlyWithResumeAndTheSameSettings() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        Cli.Result r = trainTiny("a.bin", "--checkpoint-dir", checkpoints.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Checkpoints go to " + checkpoints), r.out());
        Properties settings = new Properties();
        settings.load(Files.newBufferedReader(checkpoints.resolve(Checkpoints.SETTINGS), StandardCharsets.ISO_8859_1));
        assertEquals("8", settings.getProperty("dimension")); // the library's name of the setting

        Cli.Result again = trainTiny("b.bin", "--checkpoint-dir", checkpoints.toString());
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("holds a checkpoint from an earlier run; pass --resume"), again.err());

        Cli.Result other = trainTiny("b.bin", "--checkpoint-dir", checkpoints.toString(), "--resume", "--dim", "9");
        assertEquals(1, other.code(), other.toString());
        assertTrue(other.err().contains("comes from a run with --dim 8 (now 9)"), other.err());

        // the finished run's last checkpoint (at the end of its last epoch) gives back the same vectors
        Cli.Result resumed = trainTiny("b.bin", "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("Resuming from the checkpoint in " + checkpoints), resumed.out());
        assertEquals(-1, Files.mismatch(dir.resolve("a.bin"), dir.resolve("b.bin")));
    }

    @Test
    void theFullSoftmaxTrainsToo() throws IOException {
        Cli.Result r = trainTiny("softmax.txt", "--loss", "softmax");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("full softmax, d=8"), r.out());
        assertEquals(8, Word2VecFormat.read(dir.resolve("softmax.txt"), Word2VecFormat.Format.TEXT).dimension());
    }

    @Test
    void hierarchicalSoftmaxTrainsAndIsRecordedForResuming() throws IOException {
        Path checkpoints = dir.resolve("hs-ck");
        Cli.Result r = trainTiny("hs.txt", "--loss", "hierarchical-softmax", "--checkpoint-dir",
                checkpoints.toString());
        assertEquals(0, r.code(), r.toString());
        // the default with hierarchical softmax: word2vec.c's per-pair step, not batched
        assertTrue(r.out().contains("hierarchical softmax, d=8"), r.out());
        assertEquals(8, Word2VecFormat.read(dir.resolve("hs.txt"), Word2VecFormat.Format.TEXT).dimension());
        Cli.Result other = trainTiny("ns.txt", "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(1, other.code(), other.toString());
        assertTrue(other.err().contains("--loss hierarchical-softmax (now negative-sampling)"), other.err());
        assertTrue(other.err().contains("--negative-sharing pair (now window)"), other.err());
        Cli.Result batched = trainTiny("hs-window.txt", "--loss", "hs", "--negative-sharing", "window",
                "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(1, batched.code(), batched.toString());
        assertTrue(batched.err().contains("--negative-sharing pair (now window)"), batched.err());
        Cli.Result same = trainTiny("hs-again.txt", "--loss", "hs", "--checkpoint-dir", checkpoints.toString(),
                "--resume");
        assertEquals(0, same.code(), same.toString());
        Cli.Result window = trainTiny("hs-window.txt", "--loss", "hs", "--negative-sharing", "window");
        assertEquals(0, window.code(), window.toString());
        assertTrue(window.out().contains("hierarchical softmax (batched by window), d=8"), window.out());
    }

    @Test
    void cbowTrainsWithBothLossesAndIsRecordedForResuming() throws IOException {
        Path checkpoints = dir.resolve("cbow-ck");
        Cli.Result r = trainTiny("cbow.txt", "--model", "cbow", "--checkpoint-dir", checkpoints.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("word2vec recipe: CBOW with negative sampling (K=5), d=8"), r.out());
        assertTrue(r.out().contains("(mean per predicted word)"), r.out());
        assertEquals(8, Word2VecFormat.read(dir.resolve("cbow.txt"), Word2VecFormat.Format.TEXT).dimension());
        Cli.Result skipGram = trainTiny("sg.txt", "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(1, skipGram.code(), skipGram.toString());
        assertTrue(skipGram.err().contains("--model cbow (now skip-gram)"), skipGram.err());
        Cli.Result resumed = trainTiny("cbow.txt", "--model", "cbow", "--checkpoint-dir", checkpoints.toString(),
                "--resume");
        assertEquals(0, resumed.code(), resumed.toString());

        Cli.Result hs = trainTiny("cbow-hs.txt", "--model", "cbow", "--loss", "hs");
        assertEquals(0, hs.code(), hs.toString());
        assertTrue(hs.out().contains("word2vec recipe: CBOW with hierarchical softmax, d=8"), hs.out());

        Cli.Result softmax = trainTiny("cbow-softmax.txt", "--model", "cbow", "--loss", "softmax");
        assertEquals(2, softmax.code(), softmax.toString());
        assertTrue(softmax.err().contains("--model cbow trains with --loss negative-sampling or hierarchical-softmax,"
                + " not softmax"), softmax.err());
        Cli.Result bad = trainTiny("bad.txt", "--model", "bag");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("expected skip-gram or cbow, got 'bag'"), bad.err());
    }

    @Test
    void perPairNegativesAreChosenByAFlagAndRecordedForResuming() throws IOException {
        Path checkpoints = dir.resolve("pair-ck");
        Cli.Result r = trainTiny("pair.txt", "--negative-sharing", "pair", "--checkpoint-dir",
                checkpoints.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("negative sampling (K=5), d=8"), r.out());
        assertEquals(8, Word2VecFormat.read(dir.resolve("pair.txt"), Word2VecFormat.Format.TEXT).dimension());
        Cli.Result other = trainTiny("other.txt", "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(1, other.code(), other.toString());
        assertTrue(other.err().contains("--negative-sharing pair (now window)"), other.err());
        Cli.Result bad = trainTiny("bad.txt", "--negative-sharing", "batch");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("expected pair or window, got 'batch'"), bad.err());
    }

    @Test
    void theBuiltInCorpusShowsItsStructureRecovered() {
        Cli.Result r = Cli.run("train", "--out", dir.resolve("vectors.bin").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Training on the built-in corpus: 30,000 sentences"), r.out());
        assertTrue(r.out().contains("Nearest words"), r.out());
        assertTrue(r.out().contains("paris : france :: tokyo : ?          japan        (right)"), r.out());
        Matcher total = Pattern.compile("\\n  total +1,656 +1,656 +1,656 +([0-9.]+)%").matcher(r.out());
        assertTrue(total.find(), r.out());
        assertTrue(Double.parseDouble(total.group(1)) > 90, r.out());
        assertTrue(Files.exists(dir.resolve("vectors.bin")));
    }
}
