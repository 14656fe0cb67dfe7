package dev.skipgram.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and how a run was made: what JMH records about the JVM, and what {@code run-all.sh} records
 * about the machine in a {@code key=value} file next to the JSON (same name, {@code .env}): {@code
 * date}, {@code cpu}, {@code cores}, {@code load_before}, {@code load_after}, {@code
 * OMP_NUM_THREADS}, {@code commit}, {@code seconds}. A missing value is shown as "?".
 *
 * @param values the recorded values
 * @param jmhJvm the JVM, from the JSON, or null
 */
record RunInfo(Map<String, String> values, JmhJson.Jvm jmhJvm) {

    RunInfo {
        values = Map.copyOf(values);
    }

    /**
     * Reads the {@code .env} file next to {@code json}, if there is one.
     *
     * @param json the JMH result file
     * @param jvm the JVM its results record, or null
     */
    static RunInfo next(Path json, JmhJson.Jvm jvm) {
        String name = json.getFileName().toString();
        Path env = json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".env");
        return new RunInfo(Files.isRegularFile(env) ? parse(read(env)) : Map.of(), jvm);
    }

    /** Parses {@code key=value} lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String s = line.strip();
            int eq = s.indexOf('=');
            if (s.isEmpty() || s.startsWith("#") || eq < 1) {
                continue;
            }
            values.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return values;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String date() {
        return get("date");
    }

    String jvm() {
        if (jmhJvm == null) {
            return "?";
        }
        return "JDK " + jmhJvm.jdkVersion() + ", " + jmhJvm.vmName() + " " + jmhJvm.vmVersion();
    }

    /** The options JMH passed to the forked JVMs, space-separated; empty if unknown. */
    String jvmOptions() {
        return jmhJvm == null ? "" : String.join(" ", jmhJvm.jvmArgs());
    }

    String cpu() {
        String cores = values.get("cores");
        return get("cpu") + (cores == null ? "" : ", " + cores + " cores");
    }

    String load() {
        return get("load_before") + " → " + get("load_after");
    }

    String ompNumThreads() {
        return get("OMP_NUM_THREADS");
    }

    String commit() {
        return get("commit");
    }

    String duration() {
        String s = values.get("seconds");
        if (s == null) {
            return "?";
        }
        long seconds = Long.parseLong(s);
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    private String get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? "?" : v;
    }
}
