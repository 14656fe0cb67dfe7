package dev.skipgram.internal.kernels;

import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGram;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.TestData;
import dev.skipgram.WordVectors;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The child process of {@link RowOpsFallbackTest}: says which row arithmetic this JVM chose, then
 * trains both negative-sampling kernels on a small corpus and says whether the vectors are finite
 * and the loss fell. Not a test.
 *
 * <p>Protocol, one line each: {@code OPS name}, then {@code TRAINED sharing finite firstLoss lastLoss}
 * for each {@link NegativeSharing}.
 */
public final class RowOpsProbe {

    private RowOpsProbe() {}

    /**
     * Runs the probe.
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println("OPS " + RowOps.fastest().name());
        for (NegativeSharing sharing : NegativeSharing.values()) {
            SkipGramConfig config = SkipGramConfig.word2vec().dimension(24).windowSize(3).negatives(5).minCount(1)
                    .epochs(3).threads(1).seed(5).negativeSharing(sharing).build();
            List<Double> losses = new ArrayList<>();
            WordVectors vectors = SkipGram.train(TestData.topicCorpus(2000, 3), config,
                    report -> losses.add(report.meanLoss()));
            INDArray outside = vectors.outsideVectors().orElseThrow();
            boolean finite = !vectors.centerVectors().isNaN().any() && !vectors.centerVectors().isInfinite().any()
                    && !outside.isNaN().any() && !outside.isInfinite().any();
            System.out.println("TRAINED " + sharing + " " + finite + " " + losses.get(0) + " "
                    + losses.get(losses.size() - 1));
        }
        System.out.flush();
    }
}
