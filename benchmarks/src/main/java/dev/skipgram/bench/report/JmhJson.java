package dev.skipgram.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that JMH writes with {@code -rf json}: an array with one object per benchmark and
 * parameter combination. Only the fields the report uses are read; unknown fields are ignored.
 */
final class JmhJson {

    private JmhJson() {}

    /** What JMH records about the JVM that ran a benchmark (the same for every entry of one run). */
    record Jvm(String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs) {}

    /** A parsed result file. */
    record Run(List<BenchmarkResult> results, Jvm jvm) {}

    /**
     * Parses a JMH JSON result file.
     *
     * @param json the file's text
     * @return the results, in file order, and the JVM of the first one (null if there are none)
     * @throws IllegalArgumentException if the text is not a JSON array of JMH results
     */
    static Run parse(Reader json) {
        JsonElement root = JsonParser.parseReader(json);
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("a JMH result file is a JSON array, got " + kind(root));
        }
        List<BenchmarkResult> results = new ArrayList<>();
        Jvm jvm = null;
        for (JsonElement element : root.getAsJsonArray()) {
            JsonObject entry = element.getAsJsonObject();
            results.add(new BenchmarkResult(
                    string(entry, "benchmark"),
                    string(entry, "mode"),
                    params(entry.getAsJsonObject("params")),
                    metric(entry.getAsJsonObject("primaryMetric"), "primaryMetric"),
                    secondary(entry.getAsJsonObject("secondaryMetrics"))));
            if (jvm == null) {
                jvm = new Jvm(optionalString(entry, "jdkVersion"), optionalString(entry, "vmName"),
                        optionalString(entry, "vmVersion"), strings(entry.getAsJsonArray("jvmArgs")));
            }
        }
        return new Run(List.copyOf(results), jvm);
    }

    private static Map<String, String> params(JsonObject params) {
        Map<String, String> map = new LinkedHashMap<>();
        if (params != null) {
            params.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
        }
        return map;
    }

    private static Map<String, Metric> secondary(JsonObject metrics) {
        Map<String, Metric> map = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.entrySet().forEach(e -> map.put(e.getKey(), metric(e.getValue().getAsJsonObject(), e.getKey())));
        }
        return map;
    }

    private static Metric metric(JsonObject metric, String name) {
        if (metric == null) {
            throw new IllegalArgumentException("a result has no " + name);
        }
        return new Metric(number(metric, "score"), number(metric, "scoreError"), string(metric, "scoreUnit"));
    }

    /** JMH writes "NaN" (a string) for an error it could not compute. */
    private static double number(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Double.NaN;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String s = value.getAsString();
            return s.equalsIgnoreCase("NaN") ? Double.NaN : Double.parseDouble(s);
        }
        return value.getAsDouble();
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("a result has no field " + field);
        }
        return value.getAsString();
    }

    private static String optionalString(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(e -> list.add(e.getAsString()));
        }
        return List.copyOf(list);
    }

    private static String kind(JsonElement e) {
        return e.isJsonObject() ? "an object" : e.isJsonPrimitive() ? "a primitive" : e.isJsonNull() ? "null" : "an array";
    }
}
