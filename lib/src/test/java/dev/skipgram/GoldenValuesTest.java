package dev.skipgram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skipgram.loss.HierarchicalSoftmaxLoss;
import dev.skipgram.loss.Loss;
import dev.skipgram.loss.LossAndGradient;
import dev.skipgram.loss.NaiveSoftmaxLoss;
import dev.skipgram.loss.NegativeSampler;
import dev.skipgram.loss.NegativeSamplingLoss;
import dev.skipgram.random.RestorableRandom;
import dev.skipgram.random.Xoshiro256PlusPlus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Golden-value tests: the losses (with hierarchical softmax's codes and paths), the window loss and xoshiro256++ against values computed by an
 * independent implementation.
 *
 * <p>The expected values in {@code src/test/resources/golden/golden.json} come from
 * {@code src/test/resources/golden/generate_golden.py}, an independent NumPy float64 implementation
 * written straight from SPEC.md (§1 naive softmax, §2 negative sampling, §3 window, §8 hierarchical
 * softmax, its tree built another way, §10 CBOW) and from the
 * xoshiro256++ / SplitMix64 reference algorithms; it shares no code with the Java sources. To
 * regenerate them (Python 3 and NumPy only), run from the repository root:
 *
 * <pre>
 *   python3 lib/src/test/resources/golden/generate_golden.py
 * </pre>
 *
 * which rewrites {@code golden.json} next to the script. Never edit the JSON by hand.
 *
 * <p>Double-precision results must match to 1e-10 (relative, or absolute below 1); the float runs
 * must return FLOAT gradients that match to 1e-4; the generator outputs must match exactly.
 */
class GoldenValuesTest {

    private static final double DOUBLE_TOLERANCE = 1e-10;
    private static final double FLOAT_TOLERANCE = 1e-4;

    private static Map<String, Object> golden;

    @BeforeAll
    static void readGoldenValues() throws IOException {
        try (InputStream in = GoldenValuesTest.class.getResourceAsStream("/golden/golden.json")) {
            assertNotNull(in, "resource /golden/golden.json not on the test classpath");
            golden = object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    // ---------------------------------------------------------------- naive softmax (SPEC §1)

    @TestFactory
    Stream<DynamicTest> naiveSoftmaxMatchesGoldenValues() {
        return cases("naiveSoftmax").map(c -> DynamicTest.dynamicTest(string(c, "name"), () -> {
            LossAndGradient r = new NaiveSoftmaxLoss()
                    .lossAndGradient(vector(c, "v"), integer(c, "o"), matrix(c, "U"), rng());
            assertPair(c, r, DataType.DOUBLE, DOUBLE_TOLERANCE);
        }));
    }

    @Test
    void naiveSoftmaxInFloatMatchesGoldenValues() {
        Map<String, Object> c = named("naiveSoftmax", "seeded_V5_d3");
        LossAndGradient r = new NaiveSoftmaxLoss().lossAndGradient(vector(c, "v").castTo(DataType.FLOAT),
                integer(c, "o"), matrix(c, "U").castTo(DataType.FLOAT), rng());
        assertPair(c, r, DataType.FLOAT, FLOAT_TOLERANCE);
    }

    // ---------------------------------------------------------------- negative sampling (SPEC §2)

    @TestFactory
    Stream<DynamicTest> negativeSamplingMatchesGoldenValues() {
        return cases("negativeSampling").map(c -> DynamicTest.dynamicTest(string(c, "name"), () -> {
            LossAndGradient r = negativeSampling(c, DataType.DOUBLE);
            assertPair(c, r, DataType.DOUBLE, DOUBLE_TOLERANCE);
        }));
    }

    @Test
    void negativeSamplingInFloatMatchesGoldenValues() {
        Map<String, Object> c = named("negativeSampling", "seeded_V6_d3_repeat");
        assertPair(c, negativeSampling(c, DataType.FLOAT), DataType.FLOAT, FLOAT_TOLERANCE);
    }

    /** Runs the case with a sampler that returns the recorded draws in order, and checks all are used. */
    private static LossAndGradient negativeSampling(Map<String, Object> c, DataType type) {
        int[] draws = ints(c.containsKey("samplerDraws") ? c.get("samplerDraws") : c.get("negatives"));
        int[] next = {0};
        NegativeSampler sampler = rng -> {
            if (next[0] >= draws.length) {
                fail("the loss drew more than the " + draws.length + " recorded negatives");
            }
            return draws[next[0]++];
        };
        LossAndGradient r = new NegativeSamplingLoss(sampler, ints(c.get("negatives")).length)
                .lossAndGradient(vector(c, "v").castTo(type), integer(c, "o"), matrix(c, "U").castTo(type), rng());
        assertEquals(draws.length, next[0], "number of sampler draws");
        return r;
    }

    // ---------------------------------------------------------------- hierarchical softmax (SPEC §8)

    @TestFactory
    Stream<DynamicTest> hierarchicalSoftmaxMatchesGoldenValues() {
        return cases("hierarchicalSoftmax").map(c -> DynamicTest.dynamicTest(string(c, "name"), () -> {
            HierarchicalSoftmaxLoss loss = new HierarchicalSoftmaxLoss(longCounts(c));
            List<Object> paths = list(c.get("paths"));
            List<Object> codes = list(c.get("codes"));
            for (int w = 0; w < paths.size(); w++) {
                assertArrayEquals(ints(paths.get(w)), loss.path(w), "path of word " + w);
                assertEquals(codes.get(w), loss.code(w), "code of word " + w);
            }
            LossAndGradient r = loss.lossAndGradient(vector(c, "v"), integer(c, "o"), matrix(c, "U"), rng());
            assertPair(c, r, DataType.DOUBLE, DOUBLE_TOLERANCE);
        }));
    }

    @Test
    void hierarchicalSoftmaxInFloatMatchesGoldenValues() {
        Map<String, Object> c = named("hierarchicalSoftmax", "seeded_V9_d3_ties");
        LossAndGradient r = new HierarchicalSoftmaxLoss(longCounts(c)).lossAndGradient(
                vector(c, "v").castTo(DataType.FLOAT), integer(c, "o"), matrix(c, "U").castTo(DataType.FLOAT), rng());
        assertPair(c, r, DataType.FLOAT, FLOAT_TOLERANCE);
    }

    private static long[] longCounts(Map<String, Object> c) {
        return list(c.get("counts")).stream().mapToLong(x -> ((Number) x).longValue()).toArray();
    }

    // ---------------------------------------------------------------- window (SPEC §3)

    @TestFactory
    Stream<DynamicTest> windowMatchesGoldenValues() {
        return cases("window").map(c -> DynamicTest.dynamicTest(string(c, "name"), () -> {
            WindowLossAndGradient r = SkipGram.windowLossAndGradient(integer(c, "c"), ints(c.get("outside")),
                    matrix(c, "centerVectors"), matrix(c, "outsideVectors"), new NaiveSoftmaxLoss(), rng());
            assertClose(number(c, "loss"), r.loss(), DOUBLE_TOLERANCE, "loss");
            assertArrayClose(matrix(c, "centerVectorsGradient"), r.centerVectorsGradient(), DataType.DOUBLE,
                    DOUBLE_TOLERANCE, "centerVectorsGradient");
            assertArrayClose(matrix(c, "outsideVectorsGradient"), r.outsideVectorsGradient(), DataType.DOUBLE,
                    DOUBLE_TOLERANCE, "outsideVectorsGradient");
        }));
    }

    // ---------------------------------------------------------------- CBOW (SPEC §10)

    @TestFactory
    Stream<DynamicTest> cbowMatchesGoldenValues() {
        return cases("cbow").map(c -> DynamicTest.dynamicTest(string(c, "name"), () -> {
            Loss loss = switch (string(c, "loss")) {
                case "negativeSampling" -> {
                    int[] negatives = ints(c.get("negatives"));
                    int[] next = {0};
                    yield new NegativeSamplingLoss(rng -> negatives[next[0]++], negatives.length);
                }
                case "hierarchicalSoftmax" -> new HierarchicalSoftmaxLoss(longCounts(c));
                default -> new NaiveSoftmaxLoss();
            };
            WindowLossAndGradient r = SkipGram.cbowLossAndGradient(ints(c.get("context")), integer(c, "o"),
                    matrix(c, "centerVectors"), matrix(c, "outsideVectors"), loss, rng());
            assertClose(number(c, "value"), r.loss(), DOUBLE_TOLERANCE, "loss");
            assertArrayClose(matrix(c, "centerVectorsGradient"), r.centerVectorsGradient(), DataType.DOUBLE,
                    DOUBLE_TOLERANCE, "centerVectorsGradient");
            assertArrayClose(matrix(c, "outsideVectorsGradient"), r.outsideVectorsGradient(), DataType.DOUBLE,
                    DOUBLE_TOLERANCE, "outsideVectorsGradient");
        }));
    }

    // ---------------------------------------------------------------- xoshiro256++

    @Test
    void xoshiroFromRawStateMatchesGoldenValues() {
        Map<String, Object> c = object(object(golden.get("xoshiro256pp")).get("rawState"));
        long[] s = longs(c.get("state"));
        assertSequence(longs(c.get("nextLong")), Xoshiro256PlusPlus.ofState(s[0], s[1], s[2], s[3])::nextLong);
    }

    @Test
    void xoshiroFromSeedMatchesGoldenValues() {
        Map<String, Object> c = object(object(golden.get("xoshiro256pp")).get("seed42"));
        long seed = Long.parseLong(string(c, "seed"));
        assertSequence(longs(c.get("nextLong")), new Xoshiro256PlusPlus(seed)::nextLong);
        long[] s = longs(c.get("state")); // SplitMix64's four outputs, as a raw state, give the same sequence
        assertSequence(longs(c.get("nextLong")), Xoshiro256PlusPlus.ofState(s[0], s[1], s[2], s[3])::nextLong);
    }

    private static void assertSequence(long[] expected, LongSupplier generator) {
        long[] actual = new long[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = generator.getAsLong();
        }
        assertArrayEquals(expected, actual);
    }

    // ---------------------------------------------------------------- assertions

    private static void assertPair(Map<String, Object> c, LossAndGradient r, DataType type, double tolerance) {
        assertClose(number(c, "loss"), r.loss(), tolerance, "loss");
        assertArrayClose(vector(c, "centerGradient"), r.centerGradient(), type, tolerance, "centerGradient");
        assertArrayClose(matrix(c, "outsideGradient"), r.outsideGradient(), type, tolerance, "outsideGradient");
    }

    private static void assertArrayClose(INDArray expected, INDArray actual, DataType type, double tolerance,
            String what) {
        assertEquals(type, actual.dataType(), what + " data type");
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double[] e = expected.ravel().toDoubleVector();
        double[] a = actual.castTo(DataType.DOUBLE).ravel().toDoubleVector();
        for (int i = 0; i < e.length; i++) {
            assertClose(e[i], a[i], tolerance, what + " element " + i + " (row-major)");
        }
    }

    /** |actual − expected| ≤ tolerance · max(1, |expected|). */
    private static void assertClose(double expected, double actual, double tolerance, String what) {
        assertTrue(Double.isFinite(actual), what + " is not finite: " + actual);
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.max(1.0, Math.abs(expected)),
                () -> what + ": expected " + expected + " but was " + actual
                        + " (difference " + Math.abs(actual - expected) + ")");
    }

    // ---------------------------------------------------------------- reading the cases

    private static RandomGenerator rng() {
        return RestorableRandom.seeded(1);
    }

    private static Stream<Map<String, Object>> cases(String group) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object c : list(golden.get(group))) {
            list.add(object(c));
        }
        assertTrue(list.size() >= 2, "golden.json has too few " + group + " cases");
        return list.stream();
    }

    private static Map<String, Object> named(String group, String name) {
        return cases(group).filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + group + " case named " + name));
    }

    /** A rank-1 DOUBLE array. */
    private static INDArray vector(Map<String, Object> c, String key) {
        return Nd4j.createFromArray(doubles(c.get(key)));
    }

    /** A rank-2 DOUBLE array. */
    private static INDArray matrix(Map<String, Object> c, String key) {
        List<Object> rows = list(c.get(key));
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(rows.get(i));
        }
        return Nd4j.createFromArray(m);
    }

    private static double[] doubles(Object json) {
        return list(json).stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    private static int[] ints(Object json) {
        return list(json).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
    }

    /** Java longs, stored as decimal strings so that no precision is lost. */
    private static long[] longs(Object json) {
        return list(json).stream().mapToLong(x -> Long.parseLong((String) x)).toArray();
    }

    private static double number(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).doubleValue();
    }

    private static int integer(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).intValue();
    }

    private static String string(Map<String, Object> c, String key) {
        return (String) c.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    /**
     * A minimal JSON reader: objects (as LinkedHashMap), arrays (as ArrayList), numbers (as Double),
     * strings, true, false and null. Enough for golden.json, not a general-purpose parser.
     */
    private static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object value = p.value();
            p.skipSpace();
            if (p.at != text.length()) {
                throw p.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char ch = text.charAt(at);
            switch (ch) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    if (!consume('}')) {
                        do {
                            skipSpace();
                            String key = string();
                            expect(':');
                            map.put(key, value());
                        } while (consume(','));
                        expect('}');
                    }
                    return map;
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    at++;
                    if (!consume(']')) {
                        do {
                            list.add(value());
                        } while (consume(','));
                        expect(']');
                    }
                    return list;
                }
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default: {
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    if (start == at) {
                        throw error("unexpected character '" + ch + "'");
                    }
                    return Double.parseDouble(text.substring(start, at));
                }
            }
        }

        private String string() {
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("expected a string");
            }
            StringBuilder sb = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char ch = text.charAt(at++);
                if (ch == '"') {
                    return sb.toString();
                }
                if (ch != '\\') {
                    sb.append(ch);
                    continue;
                }
                char esc = text.charAt(at++);
                switch (esc) {
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                    default: sb.append(esc); // \" \\ \/
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("expected " + word);
            }
            at += word.length();
            return value;
        }

        private boolean consume(char ch) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == ch) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char ch) {
            if (!consume(ch)) {
                throw error("expected '" + ch + "'");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("golden.json: " + message + " at offset " + at);
        }
    }
}
