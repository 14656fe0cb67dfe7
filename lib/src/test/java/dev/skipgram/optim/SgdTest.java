package dev.skipgram.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.checkpoint.Checkpoint;
import dev.skipgram.checkpoint.CheckpointStore;
import dev.skipgram.random.RestorableRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SgdTest {

    /** f(x) = Σ x², ∇f = 2x. */
    private static final Objective SQUARES = (x, rng) ->
            new ValueAndGradient(x.mul(x).sumNumber().doubleValue(), x.mul(2));

    /** f(x) = Σ (x − r)² with r ~ U(−0.5, 0.5) fresh at every evaluation: the result depends on every draw. */
    private static final Objective NOISY = (x, rng) -> {
        INDArray target = Nd4j.zeros(x.dataType(), x.shape());
        for (long i = 0; i < target.length(); i++) {
            target.data().put(i, rng.nextDouble() - 0.5);
        }
        INDArray diff = x.sub(target);
        return new ValueAndGradient(diff.mul(diff).sumNumber().doubleValue(), diff.mul(2));
    };

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.0, -1.5})
    void minimisesTheSumOfSquares(double start) {
        Sgd sgd = Sgd.builder().stepSize(0.01).steps(1000).build();
        INDArray x0 = Nd4j.valueArrayOf(new long[] {3}, start, DataType.DOUBLE);
        INDArray x = sgd.minimize(SQUARES, x0, RestorableRandom.seeded(1));
        // x_t = (1 − 0.02)^t x_0: 0.98^1000 · 1.5 ≈ 2.5e-9
        assertTrue(x.amaxNumber().doubleValue() < 1e-6, x.toString());
        assertEquals(start, x0.getDouble(0), 0.0, "x0 must not be modified");
    }

    @Test
    void worksInFloatToo() {
        INDArray x = Sgd.builder().stepSize(0.01).steps(1000).build()
                .minimize(SQUARES, Nd4j.valueArrayOf(new long[] {4}, -1.5f, DataType.FLOAT), RestorableRandom.seeded(1));
        assertEquals(DataType.FLOAT, x.dataType());
        assertTrue(x.amaxNumber().doubleValue() < 1e-6);
    }

    @Test
    void annealsTheStepSizeAtTheGivenPeriod() {
        Sgd sgd = Sgd.builder().stepSize(0.3).steps(40_000).anneal(0.5, 20_000).build();
        assertEquals(0.3, sgd.stepSizeAt(1));
        assertEquals(0.3, sgd.stepSizeAt(20_000));
        assertEquals(0.15, sgd.stepSizeAt(20_001));
        assertEquals(0.15, sgd.stepSizeAt(40_000));
    }

    @Test
    void reportsTheSmoothedLossEveryNSteps() {
        List<SgdProgress> reports = new ArrayList<>();
        // f = 0.5·Σx² with a step of 1 jumps to 0 after one step: the losses are known exactly.
        Objective f = (x, rng) -> new ValueAndGradient(10.0 + x.mul(x).sumNumber().doubleValue(), x.mul(2));
        Sgd.builder().stepSize(0.5).steps(30).listener(reports::add, 10).build()
                .minimize(f, Nd4j.createFromArray(1.0, 2.0), RestorableRandom.seeded(1));
        assertEquals(3, reports.size());
        assertEquals(List.of(10, 20, 30), reports.stream().map(SgdProgress::step).toList());
        // every reported step has loss 10 (x = 0 from step 2 on)
        reports.forEach(r -> assertEquals(10.0, r.smoothedLoss(), 1e-12));
    }

    @Test
    void theSmoothedLossIsTheExponentialAverageOfTheReportedLosses() {
        List<SgdProgress> reports = new ArrayList<>();
        int[] calls = {0};
        Objective f = (x, rng) -> new ValueAndGradient(++calls[0], x.mul(0));
        Sgd.builder().stepSize(0.1).steps(30).listener(reports::add, 10).build()
                .minimize(f, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1));
        assertEquals(10.0, reports.get(0).smoothedLoss(), 1e-12);
        assertEquals(0.95 * 10 + 0.05 * 20, reports.get(1).smoothedLoss(), 1e-12);
        assertEquals(0.95 * (0.95 * 10 + 0.05 * 20) + 0.05 * 30, reports.get(2).smoothedLoss(), 1e-12);
        assertEquals(30.0, reports.get(2).loss());
    }

    @Test
    void theLastStepIsReportedOffThePeriodWithoutEnteringTheAverage() {
        List<SgdProgress> reports = new ArrayList<>();
        int[] calls = {0};
        Objective f = (x, rng) -> new ValueAndGradient(++calls[0], x.mul(0));
        Sgd.builder().stepSize(0.1).steps(25).listener(reports::add, 10).build()
                .minimize(f, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1));
        assertEquals(List.of(10, 20, 25), reports.stream().map(SgdProgress::step).toList());
        assertEquals(25.0, reports.get(2).loss());
        // the average of the reports on the period (10 and 20), as a run extended beyond 25 would have it
        assertEquals(0.95 * 10 + 0.05 * 20, reports.get(2).smoothedLoss(), 1e-12);
    }

    @Test
    void anInterruptedRunResumedFromItsCheckpointEqualsAnUninterruptedOne(@TempDir Path dir) {
        INDArray x0 = Nd4j.createFromArray(0.5, -1.5, 2.0, 0.0);
        INDArray uninterrupted = sgd(dir.resolve("a"), SgdListener.NONE)
                .minimize(NOISY, x0, RestorableRandom.seeded(7));

        // Second run: "crash" at step 537, after the checkpoint at step 500.
        Path checkpoints = dir.resolve("b");
        int[] step = {0};
        Objective crashing = (x, rng) -> {
            if (++step[0] == 537) {
                throw new IllegalStateException("simulated crash");
            }
            return NOISY.evaluate(x, rng);
        };
        assertThrows(IllegalStateException.class,
                () -> sgd(checkpoints, SgdListener.NONE).minimize(crashing, x0, RestorableRandom.seeded(7)));
        assertTrue(Files.exists(checkpoints.resolve("checkpoint-0000000500.sgd")));

        List<SgdProgress> reports = new ArrayList<>();
        INDArray resumed = sgd(checkpoints, reports::add).minimize(NOISY, x0, RestorableRandom.seeded(999));
        assertEquals(uninterrupted, resumed);
        assertEquals(510, reports.get(0).step(), "resumes after step 500");
    }

    @Test
    void aResumedSmoothedLossContinuesTheAverage(@TempDir Path dir) {
        INDArray x0 = Nd4j.createFromArray(0.5, -1.5);
        List<SgdProgress> full = new ArrayList<>();
        sgd(dir.resolve("a"), full::add).minimize(NOISY, x0, RestorableRandom.seeded(3));
        Path b = dir.resolve("b");
        Sgd.builder().stepSize(0.01).steps(600).anneal(0.5, 400).listener(p -> {}, 10).checkpoints(b, 100).build()
                .minimize(NOISY, x0, RestorableRandom.seeded(3));
        List<SgdProgress> rest = new ArrayList<>();
        sgd(b, rest::add).minimize(NOISY, x0, RestorableRandom.seeded(3));
        assertEquals(full.get(full.size() - 1), rest.get(rest.size() - 1));
    }

    @Test
    void theNewestCheckpointsAreKeptAndADamagedOneIsSkipped(@TempDir Path dir) throws IOException {
        INDArray x0 = Nd4j.createFromArray(0.5, -1.5, 2.0);
        Sgd.builder().stepSize(0.01).steps(600).checkpoints(dir, 100).build()
                .minimize(NOISY, x0, RestorableRandom.seeded(5));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("checkpoint-0000000500.sgd", "checkpoint-0000000600.sgd"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // Damage the newest: the store falls back to step 500 and the run redoes 501..600 identically.
        INDArray fromSix = new CheckpointStore(dir, 2).loadNewest().orElseThrow().parameters();
        Path newest = dir.resolve("checkpoint-0000000600.sgd");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(newest, bytes);
        assertEquals(500, new CheckpointStore(dir, 2).loadNewest().orElseThrow().step());
        INDArray redone = Sgd.builder().stepSize(0.01).steps(600).checkpoints(dir, 100).build()
                .minimize(NOISY, x0, RestorableRandom.seeded(5));
        assertEquals(fromSix, redone);
    }

    @Test
    void truncatedCheckpointsAreRejected(@TempDir Path dir) throws IOException {
        Sgd.builder().stepSize(0.01).steps(100).checkpoints(dir, 100).build()
                .minimize(NOISY, Nd4j.createFromArray(1.0, 2.0), RestorableRandom.seeded(5));
        Path file = dir.resolve("checkpoint-0000000100.sgd");
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {0, 4, 20, bytes.length - 9, bytes.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            assertThrows(IOException.class, () -> CheckpointStore.read(file), "cut at " + cut);
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsAClearError(@TempDir Path dir) {
        Sgd sgd = Sgd.builder().stepSize(0.01).steps(10).checkpoints(dir, 5).build();
        sgd.minimize(SQUARES, Nd4j.createFromArray(1.0, 2.0), RestorableRandom.seeded(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sgd.minimize(SQUARES, Nd4j.createFromArray(1.0, 2.0, 3.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void minimizeTakesARestorableGeneratorInItsSignature() throws NoSuchMethodException {
        // checkpointing saves the generator's state: a generator that cannot be saved is a compile
        // error, not an IllegalArgumentException at run time (as it was with a RandomGenerator parameter)
        Sgd.class.getMethod("minimize", Objective.class, INDArray.class, RestorableRandom.class);
        assertThrows(NoSuchMethodException.class, () -> Sgd.class.getMethod("minimize", Objective.class,
                INDArray.class, java.util.random.RandomGenerator.class));
    }

    @Test
    void anUnwritableCheckpointDirectoryIsAClearError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Sgd sgd = Sgd.builder().stepSize(0.01).steps(10).checkpoints(file, 5).build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> sgd.minimize(SQUARES, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("not-a-directory"), e.getMessage());
    }

    @Test
    void divergenceStopsWithAClearErrorInsteadOfNaN() {
        // Step 1.5 on Σx² multiplies x by −2 each step: |x| overflows to infinity, then NaN.
        Sgd sgd = Sgd.builder().stepSize(1.5).steps(10_000).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sgd.minimize(SQUARES, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void parametersThatOverflowWhileTheObjectiveStaysFiniteAreNeverCheckpointed(@TempDir Path dir) {
        // f = 1 everywhere, but its "gradient" −1e300·x blows x up by 1e300 a step: finite after step 1,
        // infinite after step 2. The checkpoint of step 2 must not be written.
        Objective f = (x, rng) -> new ValueAndGradient(1.0, x.mul(-1e300));
        Sgd sgd = Sgd.builder().stepSize(1).steps(10).checkpoints(dir, 1).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sgd.minimize(f, Nd4j.createFromArray(1.0, -2.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("no longer finite after step 2") && e.getMessage().contains("diverged")
                && e.getMessage().contains("last good checkpoint (step 1)"), e.getMessage());
        Checkpoint kept = new CheckpointStore(dir, 2).loadNewest().orElseThrow();
        assertEquals(1, kept.step());
        assertEquals(1e300, kept.parameters().getDouble(0), 1e285);

        Path fresh = dir.resolve("fresh");
        e = assertThrows(IllegalStateException.class, () -> Sgd.builder().stepSize(1).steps(10)
                .checkpoints(fresh, 5).build().minimize(f, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("no checkpoint had been written yet in " + fresh), e.getMessage());
        // without checkpoints, the end of the run checks too
        e = assertThrows(IllegalStateException.class, () -> Sgd.builder().stepSize(1).steps(2).build()
                .minimize(f, Nd4j.createFromArray(1.0), RestorableRandom.seeded(1)));
        assertTrue(e.getMessage().contains("no longer finite after step 2"), e.getMessage());
    }

    @Test
    void theBuilderRefusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().stepSize(0));
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().stepSize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().steps(-1));
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().anneal(1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().anneal(0.5, 0));
        assertThrows(IllegalStateException.class, () -> Sgd.builder().steps(3).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgd.builder().stepSize(-2));
        assertTrue(e.getMessage().contains("-2"));
        assertFalse(Sgd.builder().stepSize(1).steps(1).build().checkpointDirectory().isPresent());
    }

    private static Sgd sgd(Path checkpoints, SgdListener listener) {
        return Sgd.builder().stepSize(0.01).steps(1000).anneal(0.5, 400).listener(listener, 10)
                .checkpoints(checkpoints, 100).build();
    }
}
