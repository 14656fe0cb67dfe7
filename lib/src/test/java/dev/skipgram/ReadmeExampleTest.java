package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.synthetic.SyntheticCorpus;
import dev.skipgram.io.Word2VecFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java example in the README, verbatim: it compiles, trains and writes a file, and the README shows
 * exactly the code between the markers below.
 *
 * <p>The example reads {@code corpus.txt} from the working directory, so Maven runs this class in a
 * surefire execution of its own whose working directory is {@code lib/target/readme-example}
 * (lib/pom.xml); the paths of the README and of this source come as system properties.
 */
class ReadmeExampleTest {

    private static final String BEGIN = "// README example: begin";
    private static final String END = "// README example: end";

    @Test
    void theExampleTrainsAndWritesVectors() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        assumeTrue(here.endsWith("readme-example"), "runs in lib/target/readme-example (see lib/pom.xml), not " + here);
        List<String> lines = new ArrayList<>();
        for (List<String> s : SyntheticCorpus.generate(3000, 1).sentences()) {
            lines.add(String.join(" ", s));
        }
        for (int i = 0; i < 50; i++) {
            lines.add("the king and the queen rule the old kingdom of " + (i % 2 == 0 ? "england" : "france"));
        }
        Files.write(here.resolve("corpus.txt"), lines, StandardCharsets.UTF_8);
        Files.deleteIfExists(here.resolve("vectors.bin"));
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // README example: begin
            Corpus corpus = Corpus.plainText(Path.of("corpus.txt"));               // a file, a .gz or a directory
            SkipGramConfig config = SkipGramConfig.word2vec().minCount(5).build(); // d=100, window 5, K=5, 5 epochs
            WordVectors vectors = SkipGram.train(corpus, config);
            System.out.println(vectors.mostSimilar("king", 5));
            Word2VecFormat.write(vectors, Path.of("vectors.bin"), Word2VecFormat.Format.BINARY);
            // README example: end
        } finally {
            System.setOut(stdout);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("[Neighbor[word="), printed.toString());
        WordVectors back = Word2VecFormat.read(here.resolve("vectors.bin"), Word2VecFormat.Format.BINARY);
        assertEquals(100, back.dimension());
        assertTrue(back.vocabulary().contains("king"));
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String readme = System.getProperty("readme");
        String sources = System.getProperty("testSources");
        assumeTrue(readme != null && sources != null, "set by the readme-example execution in lib/pom.xml");
        List<String> source = Files.readAllLines(Path.of(sources, "dev/skipgram/ReadmeExampleTest.java"));
        List<String> example = new ArrayList<>();
        boolean inside = false;
        for (String line : source) {
            if (line.strip().equals(END)) {
                break;
            }
            if (inside) {
                example.add(line.strip());
            }
            inside |= line.strip().equals(BEGIN);
        }
        assertEquals(5, example.size(), "the example is five lines: " + example);

        // the README's first java block, without its imports
        List<String> block = new ArrayList<>();
        inside = false;
        for (String line : Files.readAllLines(Path.of(readme))) {
            if (inside && line.startsWith("```")) {
                break;
            }
            if (inside && !line.isBlank() && !line.startsWith("import ")) {
                block.add(line.strip());
            }
            inside |= line.equals("```java");
        }
        assertEquals(example, block, "README.md's Java example differs from " + getClass().getSimpleName());
    }
}
