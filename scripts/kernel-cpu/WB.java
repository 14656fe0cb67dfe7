// Scratch harness of scripts/kernel-cpu/run.sh (not part of the build): the kernels' per-call CPU time.
import dev.skipgram.internal.kernels.*;
import java.lang.management.*;
import java.util.SplittableRandom;
public class WB {
  public static void main(String[] a) {
    int V = 30000, d = 100;
    FloatMatrix in = FloatMatrix.zeros(V, d), out = FloatMatrix.zeros(V, d);
    SplittableRandom r = new SplittableRandom(1);
    float[] row = new float[d];
    for (int w = 0; w < V; w++) { for (int j = 0; j < d; j++) row[j] = (float) (r.nextDouble() - 0.5) * 0.1f; in.putRow(w, row); out.putRow(w, row); }
    int N = 1 << 16; int[] words = new int[N];
    for (int i = 0; i < N; i++) words[i] = (int) Math.min(V - 1, Math.exp(r.nextDouble() * Math.log(V)) - 1);
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    WindowNegativeSamplingUpdate k = new WindowNegativeSamplingUpdate(d, 10, 6);
    NegativeSamplingUpdate p = new NegativeSamplingUpdate(d);
    int[] tg = new int[6]; int[] ctx = new int[10];
    double bw = 1e18, bp = 1e18; double sink = 0;
    for (int rep = 0; rep < 15; rep++) {
      long c0 = t.getCurrentThreadCpuTime();
      for (int it = 0; it < 100000; it++) {
        int n = 2 + (it % 9);
        for (int i = 0; i < n; i++) ctx[i] = words[(it * 7 + i * 13) & (N - 1)];
        tg[0] = words[it & (N - 1)]; for (int q = 1; q < 6; q++) tg[q] = words[(it * 11 + q * 17) & (N - 1)];
        sink += k.apply(in, out, ctx, n, tg, 6, 0.01f);
      }
      long c1 = t.getCurrentThreadCpuTime();
      for (int it = 0; it < 100000; it++) {
        tg[0] = words[it & (N - 1)]; for (int q = 1; q < 6; q++) tg[q] = words[(it * 11 + q * 17) & (N - 1)];
        sink += p.apply(in, out, words[(it * 7 + 3) & (N - 1)], tg, 6, 0.01f);
      }
      long c2 = t.getCurrentThreadCpuTime();
      bw = Math.min(bw, (c1 - c0) / 1e5); bp = Math.min(bp, (c2 - c1) / 1e5);
    }
    System.out.printf("%s window-ns %.0f ns/window  pair-ns %.0f ns/pair (%s)%n", a[0], bw, bp, sink > 0 ? "+" : "-");
  }
}
