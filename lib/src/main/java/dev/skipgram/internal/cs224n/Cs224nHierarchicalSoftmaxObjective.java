package dev.skipgram.internal.cs224n;

import dev.skipgram.internal.kernels.HierarchicalSoftmaxUpdate;
import dev.skipgram.internal.kernels.HuffmanTree;
import dev.skipgram.optim.ValueAndGradient;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CS224n objective with hierarchical softmax, computed by the word2vec recipe's fused kernel in
 * its gradient form ({@link HierarchicalSoftmaxUpdate#addGradient}): rows V..2V−2 of x are the tree's
 * inner nodes (row 2V−1 unused). O(B·m·d·log V) per evaluation plus clearing the gradient rows written
 * last time; no INDArray is created.
 */
final class Cs224nHierarchicalSoftmaxObjective extends Cs224nObjective {

    private final HuffmanTree tree;
    private final HierarchicalSoftmaxUpdate kernel;

    Cs224nHierarchicalSoftmaxObjective(Cs224nContexts contexts, int vocabularySize, int dimension, int windowSize,
            int windowsPerStep, HuffmanTree tree) {
        super(contexts, vocabularySize, dimension, windowSize, windowsPerStep);
        this.tree = tree;
        this.kernel = new HierarchicalSoftmaxUpdate(tree, dimension);
    }

    @Override
    public ValueAndGradient evaluate(INDArray x, RandomGenerator rng) {
        return evaluatePairs(x, rng, (params, center, o, scale, random) -> {
            for (int k = tree.start(o), end = k + tree.length(o); k < end; k++) {
                touch(vocabularySize + tree.node(k));
            }
            return kernel.addGradient(params, grad, center, vocabularySize, o, scale);
        });
    }
}
