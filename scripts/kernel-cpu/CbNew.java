// The new CbowUpdate API (the window kernel's mean form), for scripts/kernel-cpu/run.sh.
import dev.skipgram.internal.kernels.*;
class Cb {
  static Object make(boolean isNew, String what, HuffmanTree tree, int d) {
    return what.equals("cbowhs") ? CbowUpdate.hierarchicalSoftmax(tree, d, 10) : CbowUpdate.negativeSampling(d, 10, 5);
  }
  static double apply(boolean isNew, Object c, String what, FloatMatrix in, FloatMatrix out, int[] ctx, int n, int[] tg) {
    return ((CbowUpdate) c).apply(in, out, ctx, n, tg, what.equals("cbowhs") ? 1 : 6, 0.01f);
  }
}
