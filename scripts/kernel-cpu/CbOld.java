// The old CbowUpdate API (an OutputStep per call), for scripts/kernel-cpu/run.sh.
import dev.skipgram.internal.kernels.*;
class Cb {
  static Object[] make(boolean isNew, String what, HuffmanTree tree, int d) {
    return new Object[] {new CbowUpdate(d), new HierarchicalSoftmaxUpdate(tree, d), new NegativeSamplingUpdate(d)};
  }
  static double apply(boolean isNew, Object c, String what, FloatMatrix in, FloatMatrix out, int[] ctx, int n, int[] tg) {
    Object[] o = (Object[]) c; HierarchicalSoftmaxUpdate hs = (HierarchicalSoftmaxUpdate) o[1]; NegativeSamplingUpdate ns = (NegativeSamplingUpdate) o[2];
    return ((CbowUpdate) o[0]).apply(in, out, ctx, n, what.equals("cbowhs") ? (u, h, e, lr) -> hs.step(u, h, e, tg[0], lr) : (u, h, e, lr) -> ns.step(u, h, e, tg, 6, lr), 0.01f);
  }
}
