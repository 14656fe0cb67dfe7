package dev.skipgram.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * {@link WindowKernelBenchmark}'s six variants measured <em>interleaved</em>, for a machine shared
 * with other work, where JMH's one-benchmark-after-another runs see different loads and their
 * ratios mean little. Each round times a burst of windows of every variant in turn (the order
 * rotating), so the variants of one round share the machine's state; the report gives each
 * variant's median and minimum ns per window and the median over rounds of the ratio to {@code
 * window} in the same round. JMH's warm-up, forking and dead-code guards are replaced by a warm-up
 * phase, one JVM for all variants, and a checksum printed at the end.
 *
 * <p>Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.skipgram.bench.WindowKernelInterleaved [rounds] [windowsPerBurst]} (defaults 200, 2,000).
 */
public final class WindowKernelInterleaved {

    private WindowKernelInterleaved() {}

    /**
     * Runs the grid d ∈ {100, 300} × K ∈ {5, 15} and prints one table row per point.
     *
     * @param args [rounds] [windows per burst]
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String[] names = {"pairs", "pairsShared", "window", "windowVector", "pairsVector", "windowSgemm"};
        double checksum = 0;
        System.out.println("| d | K | " + String.join(" | ", names) + " (median / min ns per window)"
                + " | pairs ÷ window | pairsShared ÷ window | window ÷ windowVector | pairs ÷ pairsVector"
                + " | pairs ÷ windowVector | window ÷ windowSgemm | (median of per-round ratios) |");
        for (int d : new int[] {100, 300}) {
            for (int k : new int[] {5, 15}) {
                WindowKernelBenchmark.Inputs in = new WindowKernelBenchmark.Inputs();
                in.d = d;
                in.K = k;
                in.setUp();
                IntToDoubleFunction[] variants = {w -> in.pairs(w, in.pairKernel), in::pairsShared, in::window,
                    in::windowVector, w -> in.pairs(w, in.vectorPairKernel), in::windowSgemm};
                for (int warm = 0; warm < 20; warm++) {
                    for (IntToDoubleFunction v : variants) {
                        checksum += run(v, in, burst);
                    }
                }
                double[][] ns = new double[variants.length][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int j = 0; j < variants.length; j++) {
                        int v = (j + r) % variants.length;
                        long t0 = System.nanoTime();
                        checksum += run(variants[v], in, burst);
                        ns[v][r] = (System.nanoTime() - t0) / (double) burst;
                    }
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d |", d, k));
                for (double[] v : ns) {
                    row.append(String.format(Locale.ROOT, " %,.0f / %,.0f |", median(v), min(v)));
                }
                row.append(String.format(Locale.ROOT, " %.2f× | %.2f× | %.2f× | %.2f× | %.2f× | %.2f× |",
                        medianRatio(ns[0], ns[2]), medianRatio(ns[1], ns[2]), medianRatio(ns[2], ns[3]),
                        medianRatio(ns[0], ns[4]), medianRatio(ns[0], ns[3]), medianRatio(ns[2], ns[5])));
                System.out.println(row);
            }
        }
        System.out.println("checksum " + checksum);
    }

    private static double run(IntToDoubleFunction variant, WindowKernelBenchmark.Inputs in, int windows) {
        double s = 0;
        for (int i = 0; i < windows; i++) {
            s += variant.applyAsDouble(in.next());
        }
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }
}
