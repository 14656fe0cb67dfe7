package dev.skipgram.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The long fuzzing run of the vector-file readers (see {@link VectorFileFuzzer} for the inputs and
 * the property), outside the test suite: {@code scripts/fuzz-readers.sh [N] [seed]}. Prints a summary:
 * inputs, outcomes by kind and message class, time, the heap each read allocated, the largest single
 * heap allocation (from a JFR recording of allocations outside and in new TLABs) against the size of
 * its input, the largest matrix an accepted header allocated off the heap, and the process's peak
 * memory. Violations are listed, their inputs written to {@code target/fuzz-failures/}, and the exit
 * code is 1. A read that hangs for 60 s stops the run with its input saved and exit code 2.
 */
public final class Word2VecFormatFuzz {

    private static final long HANG_NANOS = 60_000_000_000L;

    private Word2VecFormatFuzz() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path failures = Path.of(args.length > 2 ? args[2] : "target/fuzz-failures");
        VectorFileFuzzer fuzzer = new VectorFileFuzzer(seed);
        // warm up: load the classes and JIT the paths the first inputs reach, so that one-time costs
        // do not pass for what a read allocates (inputs found later still pay theirs)
        for (int i = 0; i < Math.min(n, 2_000); i++) {
            VectorFileFuzzer.run(fuzzer.input(i));
        }
        long rssBefore = peakRssKb();
        long retainedBefore = retainedHeapKb();

        Recording recording = new Recording();
        recording.enable("jdk.ObjectAllocationOutsideTLAB");
        recording.enable("jdk.ObjectAllocationInNewTLAB");
        recording.start();

        long[] startedAt = new long[n]; // epoch nanos of each input's start, to match JFR events to inputs
        int[] sizes = new int[n];
        Map<String, long[]> byKind = new HashMap<>(); // kind → {count}
        Map<String, long[]> byClass = new HashMap<>(); // kind: message class → {count, first input}
        List<String> violations = new java.util.ArrayList<>();
        long maxHeap = 0;
        int maxHeapInput = -1;
        double maxHeapRatio = 0;
        int maxHeapRatioInput = -1;
        long maxMatrix = 0;
        double maxMatrixRatio = 0;
        long maxNanos = 0;
        int slowestInput = -1;
        long totalBytes = 0;
        Watchdog watchdog = new Watchdog(failures);
        watchdog.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            VectorFileFuzzer.Input input = fuzzer.input(i);
            sizes[i] = input.bytes().length;
            totalBytes += sizes[i];
            Instant now = Instant.now();
            startedAt[i] = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            watchdog.watch(input);
            VectorFileFuzzer.Outcome outcome = VectorFileFuzzer.run(input);
            watchdog.watch(null);
            byKind.computeIfAbsent(outcome.kind(), k -> new long[1])[0]++;
            if (!outcome.kind().equals("ok")) {
                byClass.computeIfAbsent(outcome.kind() + ": " + outcome.messageClass(), k -> new long[] {0, input.index()})[0]++;
            }
            String violation = VectorFileFuzzer.violation(input, outcome);
            if (violation == null) {
                violation = VectorFileFuzzer.slowness(outcome);
            }
            if (violation != null) {
                violations.add("input " + i + " (" + input.mutations() + ", read as " + input.format() + "): "
                        + violation);
                save(failures, input);
            }
            if (outcome.heapBytes() > maxHeap) {
                maxHeap = outcome.heapBytes();
                maxHeapInput = i;
            }
            if (sizes[i] >= 1024 && (double) outcome.heapBytes() / sizes[i] > maxHeapRatio) {
                maxHeapRatio = (double) outcome.heapBytes() / sizes[i];
                maxHeapRatioInput = i;
            }
            maxMatrix = Math.max(maxMatrix, outcome.matrixBytes());
            if (sizes[i] > 0) {
                maxMatrixRatio = Math.max(maxMatrixRatio, (double) outcome.matrixBytes() / sizes[i]);
            }
            if (outcome.nanos() > maxNanos) {
                maxNanos = outcome.nanos();
                slowestInput = i;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        watchdog.interrupt();
        recording.stop();
        Path jfr = Files.createTempFile("fuzz-readers", ".jfr");
        recording.dump(jfr);
        recording.close();
        Largest[] largest = largestAllocations(jfr, startedAt);
        Files.deleteIfExists(jfr);
        long retainedAfter = retainedHeapKb();

        PrintSummary p = new PrintSummary();
        p.line("fuzz of Word2VecFormat.read: %,d inputs, seed %d, %,d seed files, %.1f s (%.0f inputs/s), %,d bytes read,"
                + " largest input %,d bytes (after a warm-up on the first %,d)", n, seed, fuzzer.seedCount(), seconds,
                n / seconds, totalBytes, Arrays.stream(sizes).max().orElse(0), Math.min(n, 2_000));
        p.line("outcomes by kind:");
        byKind.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(a -> -a[0])))
                .forEach(e -> p.line("  %8d  %s", e.getValue()[0], e.getKey()));
        p.line("failures by message class (%d classes; count, first input):", byClass.size());
        byClass.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(a -> -a[0])))
                .forEach(e -> p.line("  %8d  #%-6d %s", e.getValue()[0], e.getValue()[1], e.getKey()));
        p.line("heap allocated by one read: max %,d bytes (input #%d, %,d bytes); max %.1f per input byte"
                + " (inputs of 1 KiB or more; input #%d); bound %d per byte + %,d", maxHeap, maxHeapInput,
                maxHeapInput < 0 ? 0 : sizes[maxHeapInput], maxHeapRatio, maxHeapRatioInput,
                VectorFileFuzzer.HEAP_PER_BYTE, VectorFileFuzzer.HEAP_CONSTANT);
        p.line("largest single heap allocation by the readers' own code (JFR with a fixed 64 KiB TLAB records every"
                + " object of 64 KiB or more; ND4J internals and class loading left out): %,d bytes, by input #%d"
                + " of %,d bytes, in %s", largest[1].bytes(), largest[1].input(),
                largest[1].input() < 0 ? 0 : sizes[largest[1].input()], largest[1].frames());
        p.line("largest single heap allocation of all (JFR): %,d bytes, during input #%d, in %s", largest[0].bytes(),
                largest[0].input(), largest[0].frames());
        p.line("largest matrix allocated off the heap for an accepted header: %,d bytes; at most %.2f × the input's size",
                maxMatrix, maxMatrixRatio);
        p.line("slowest read: %.1f ms (input #%d)", maxNanos / 1e6, slowestInput);
        p.line("heap retained after a full GC: %,d KB before the run, %,d KB after; peak heap in use (garbage"
                + " included) %,d KB of max %,d KB; process peak RSS %,d KB before the run, %,d KB after",
                retainedBefore, retainedAfter, peakHeapKb(), Runtime.getRuntime().maxMemory() / 1024, rssBefore,
                peakRssKb());
        p.line("violations: %d", violations.size());
        violations.stream().limit(50).forEach(v -> p.line("  %s", v));
        if (!violations.isEmpty()) {
            p.line("inputs written to %s", failures.toAbsolutePath());
        }
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /** The largest allocation event on this thread during the inputs, and where it came from. */
    private record Largest(long bytes, int input, String frames) {}

    /**
     * The largest allocation on this thread during the inputs: {any, by the readers' own code}. The
     * second leaves out allocations made inside ND4J (its registry of arrays awaiting deallocation
     * grows with the garbage, not with the input) and while loading a class (a code path reached for
     * the first time reads class files through 64-128 KiB buffers).
     */
    private static Largest[] largestAllocations(Path jfr, long[] startedAt) throws IOException {
        long thread = Thread.currentThread().getId();
        Largest any = new Largest(0, -1, "");
        Largest reader = new Largest(0, -1, "");
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getThread() == null || e.getThread().getJavaThreadId() != thread
                        || !e.hasField("allocationSize")) {
                    continue;
                }
                long size = e.getLong("allocationSize");
                Instant t = e.getStartTime();
                long at = t.getEpochSecond() * 1_000_000_000L + t.getNano();
                int input = Arrays.binarySearch(startedAt, at);
                input = input >= 0 ? input : -input - 2; // the last input started before the event
                if (input < 0 || size <= reader.bytes() && size <= any.bytes()) {
                    continue;
                }
                List<String> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames().stream()
                        .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                        .toList();
                // the allocating frames, then the first frames of ND4J and of this library below them
                List<String> shown = new java.util.ArrayList<>(frames.subList(0, Math.min(2, frames.size())));
                frames.stream().filter(f -> f.startsWith("org.nd4j")).findFirst().ifPresent(f -> shown.add("… " + f));
                frames.stream().filter(f -> f.startsWith("dev.skipgram")).findFirst().ifPresent(f -> shown.add("… " + f));
                String top = String.join(" < ", shown);
                if (size > any.bytes()) {
                    any = new Largest(size, input, top);
                }
                // the readers' own: the nearest frame of ND4J or of this library is this library's
                boolean inReader = frames.stream().filter(f -> f.startsWith("org.nd4j") || f.startsWith("dev.skipgram"))
                        .findFirst().map(f -> f.startsWith("dev.skipgram")).orElse(false)
                        && frames.stream().anyMatch(f -> f.startsWith(Word2VecFormat.class.getName() + "."));
                boolean loadingClass = frames.stream().anyMatch(f -> f.contains("ClassLoader") || f.contains("loadClass"));
                if (inReader && !loadingClass && size > reader.bytes()) {
                    reader = new Largest(size, input, top);
                }
            }
        }
        return new Largest[] {any, reader};
    }

    /** Heap in use after a full collection, in KB: what is retained. */
    private static long retainedHeapKb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1024;
    }

    private static void save(Path dir, VectorFileFuzzer.Input input) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("input-" + input.index() + "." + input.format().name().toLowerCase(Locale.ROOT)),
                input.bytes());
    }

    private static long peakHeapKb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1024;
    }

    /** VmHWM, the process's peak resident memory, from /proc (−1 elsewhere). */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** Stops the run, saving the input, if one read takes longer than {@link #HANG_NANOS}. */
    private static final class Watchdog extends Thread {
        private final Path failures;
        private volatile VectorFileFuzzer.Input current;
        private volatile long since;

        Watchdog(Path failures) {
            super("fuzz-watchdog");
            setDaemon(true);
            this.failures = failures;
        }

        void watch(VectorFileFuzzer.Input input) {
            since = System.nanoTime();
            current = input;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Thread.sleep(1000);
                    VectorFileFuzzer.Input input = current;
                    if (input != null && System.nanoTime() - since > HANG_NANOS) {
                        save(failures, input);
                        System.out.println("HANG: input " + input.index() + " (" + input.mutations()
                                + ") has been read for over 60 s; saved to " + failures.toAbsolutePath());
                        System.out.flush();
                        Runtime.getRuntime().halt(2);
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the run is over
            }
        }
    }

    /** Formatted lines on stdout (this is a command-line tool). */
    private static final class PrintSummary {
        void line(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }
}
