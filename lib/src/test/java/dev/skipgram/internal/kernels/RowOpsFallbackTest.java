package dev.skipgram.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on a JVM without the Vector API's incubator module, as a user's application starts it:
 * a child JVM (this test's class path, no {@code --add-modules}) must choose the scalar arithmetic,
 * load nothing of the module, and train both negative-sampling kernels to finite vectors with a
 * falling loss. And a child with the module must choose what this JVM chose.
 */
class RowOpsFallbackTest {

    /** A hang guard, not a speed limit: the child trains a few thousand sentences. */
    private static final long CHILD_LIMIT_S = 300;

    private static List<String> runChild(Path dir, boolean withModule) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        if (withModule) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RowOpsProbe.class.getName()));
        Path out = dir.resolve(withModule ? "with.out" : "without.out");
        Path err = dir.resolve(withModule ? "with.err" : "without.err");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(CHILD_LIMIT_S, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the child ran past " + CHILD_LIMIT_S + " s; its stderr:\n" + Files.readString(err));
        }
        assertEquals(0, child.exitValue(), () -> "the child failed; its stderr:\n" + read(err));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void assertTrained(List<String> lines) {
        List<String> trained = lines.stream().filter(l -> l.startsWith("TRAINED ")).toList();
        assertEquals(2, trained.size(), () -> String.join("\n", lines));
        for (String line : trained) {
            String[] f = line.split(" ");
            assertEquals("true", f[2], "finite vectors: " + line);
            assertTrue(Double.parseDouble(f[4]) < Double.parseDouble(f[3]), "the loss fell: " + line);
        }
    }

    @Test
    void withoutTheModuleTheScalarKernelsTrain(@TempDir Path dir) throws Exception {
        List<String> lines = runChild(dir, false);
        assertEquals("OPS scalar", lines.get(0), () -> String.join("\n", lines));
        assertTrained(lines);
    }

    @Test
    void withTheModuleTheChildChoosesAsThisJvmDid(@TempDir Path dir) throws Exception {
        // this JVM runs with the module (the lib's surefire argLine)
        List<String> lines = runChild(dir, true);
        assertEquals("OPS " + RowOps.fastest().name(), lines.get(0), () -> String.join("\n", lines));
        assertTrained(lines);
    }
}
