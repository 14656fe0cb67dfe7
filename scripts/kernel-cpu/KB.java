// Scratch harness of scripts/kernel-cpu/run.sh (not part of the build): the kernels' per-call CPU time.
import dev.skipgram.internal.kernels.*;
import java.lang.management.*;
import java.util.SplittableRandom;
public class KB {
  public static void main(String[] a) {
    String what = a[0]; boolean isNew = a[1].equals("new");
    int V = 30000, d = 100;
    long[] counts = new long[V];
    for (int w = 0; w < V; w++) counts[w] = 1 + 10_000_000L / (w + 1);
    HuffmanTree tree = HuffmanTree.of(counts);
    FloatMatrix in = FloatMatrix.zeros(V, d), out = FloatMatrix.zeros(V, d);
    SplittableRandom r = new SplittableRandom(1);
    float[] row = new float[d];
    for (int w = 0; w < V; w++) { for (int j = 0; j < d; j++) row[j] = (float) (r.nextDouble() - 0.5) * 0.1f; in.putRow(w, row); for (int j = 0; j < d; j++) row[j] = (float) (r.nextDouble() - 0.5) * 0.1f; out.putRow(w, row); }
    int N = 1 << 16; int[] words = new int[N];
    for (int i = 0; i < N; i++) words[i] = (int) Math.min(V - 1, Math.exp(r.nextDouble() * Math.log(V)) - 1); // ~Zipf
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    HierarchicalSoftmaxUpdate hs = new HierarchicalSoftmaxUpdate(tree, d);
    Object cbow = (Object) Cb.make(isNew, what, tree, d);
    int[] tg = new int[6]; int[] ctx = new int[10];
    double best = 1e18; double sink = 0;
    for (int rep = 0; rep < 15; rep++) {
      long c0 = t.getCurrentThreadCpuTime();
      int ops = 200000;
      for (int it = 0; it < ops; it++) {
        int w = words[it & (N - 1)];
        if (what.equals("sghs")) {
          tg[0] = w; sink += hs.apply(in, out, words[(it * 7 + 3) & (N - 1)], tg, 1, 0.01f);
        } else {
          int n = 2 + (it % 9);
          for (int i = 0; i < n; i++) ctx[i] = words[(it * 7 + i * 13) & (N - 1)];
          tg[0] = w; for (int k = 1; k < 6; k++) tg[k] = words[(it * 11 + k * 17) & (N - 1)];
          sink += Cb.apply(isNew, cbow, what, in, out, ctx, n, tg);
        }
      }
      best = Math.min(best, (t.getCurrentThreadCpuTime() - c0) / (double) ops);
    }
    System.out.printf("%s %s %.0f ns/op (%s)%n", what, a[1], best, sink > 0 ? "+" : "-");
  }
}
