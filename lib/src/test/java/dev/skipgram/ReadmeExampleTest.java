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
    @Test
    void theConsumerExampleBuildsWithExactlyTheReadmesDependencySnippet() throws IOException {
        String readme = System.getProperty("readme");
        assumeTrue(readme != null, "set by the readme-example execution in lib/pom.xml");
        Path consumer = Path.of(readme).toAbsolutePath().getParent().resolve("examples/consumer");
        List<String> xml = blocks(Path.of(readme), "```xml");
        assertEquals(1, xml.size(), "one XML snippet in README.md: " + xml);
        String snippet = xml.get(0);
        String pom = withoutComments(Files.readString(consumer.resolve("pom.xml")));

        // the snippet's release line and each of its dependencies, as they are, in the consumer's POM
        assertTrue(squeeze(pom).contains("<maven.compiler.release>17</maven.compiler.release>"), pom);
        List<String> shown = elements(snippet, "dependency");
        assertEquals(2, shown.size(), "the library and an SLF4J provider: " + shown);
        for (String dependency : shown) {
            assertTrue(squeeze(pom).contains(squeeze(dependency)), "examples/consumer/pom.xml lacks " + dependency);
        }
        // and nothing else outside test scope
        List<String> used = elements(pom, "dependency").stream().filter(d -> !d.contains("<scope>test</scope>")).toList();
        assertEquals(shown.size(), used.size(), "the consumer depends on more than the README shows: " + used);

        // the platform line, as the README shows it, is the consumer's .mvn/maven.config
        List<String> platform = blocks(Path.of(readme), "```").stream()
                .filter(b -> b.contains("-Djavacpp.platform=")).toList();
        assertEquals(1, platform.size(), "one block with the platform line in README.md: " + platform);
        assertEquals(platform.get(0).strip(), Files.readString(consumer.resolve(".mvn/maven.config")).strip());
    }

    /** The texts of the README's fenced blocks opened by exactly {@code fence}, in order. */
    private static List<String> blocks(Path readme, String fence) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder text = null; // the block being read, if it was opened by fence
        boolean inBlock = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("```")) {
                if (inBlock && text != null) {
                    blocks.add(text.toString());
                }
                text = !inBlock && line.equals(fence) ? new StringBuilder() : null;
                inBlock = !inBlock;
            } else if (text != null) {
                text.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static List<String> elements(String xml, String name) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + name + ">.*?</" + name + ">",
                java.util.regex.Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    private static String squeeze(String xml) {
        return xml.replaceAll("\\s+", "");
    }
}
