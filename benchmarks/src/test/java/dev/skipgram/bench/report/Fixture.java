package dev.skipgram.bench.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The JMH result fixture {@code report/fixture.json} (generated once by a few lines of Python, as JMH
 * 1.37 writes results), with its run file {@code fixture.env}. Its loss costs are exact power laws:
 * the full softmax costs 2·V ns a pair (slope 1), negative sampling 100 ns (slope 0), both at d = 10,
 * K = 5, given in µs/op to exercise unit conversion.
 */
final class Fixture {

    private Fixture() {}

    static JmhJson.Run run() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(Fixture.class.getResourceAsStream("/report/fixture.json"), "fixture.json"),
                StandardCharsets.UTF_8)) {
            return JmhJson.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path json() {
        try {
            return Path.of(Objects.requireNonNull(Fixture.class.getResource("/report/fixture.json")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
