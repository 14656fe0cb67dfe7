package dev.skipgram.internal;

import dev.skipgram.EpochEnd;
import dev.skipgram.TrainingListener;
import dev.skipgram.TrainingReport;
import dev.skipgram.WordVectors;
import dev.skipgram.corpus.Vocabulary;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The recipes' {@link EpochEnd}: the live parameter arrays, copied only when the listener asks for a
 * snapshot, and closed when the callback returns. Not API.
 */
public final class ModelAtEpochEnd implements EpochEnd {

    private final TrainingReport report;
    private final Vocabulary vocabulary;
    private final INDArray centerVectors;
    private final INDArray outsideVectors;
    private boolean open = true;

    private ModelAtEpochEnd(TrainingReport report, Vocabulary vocabulary, INDArray centerVectors,
            INDArray outsideVectors) {
        this.report = Objects.requireNonNull(report, "report");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.centerVectors = Objects.requireNonNull(centerVectors, "centerVectors");
        this.outsideVectors = Objects.requireNonNull(outsideVectors, "outsideVectors");
    }

    /**
     * Calls {@code listener.onEpochEnd} with the model; no worker may change the arrays until it returns.
     *
     * @param listener the run's listener
     * @param report the end-of-epoch report just sent to it
     * @param vocabulary the words, V of them
     * @param centerVectors [V, d] FLOAT, the live centre vectors (copied only on request)
     * @param outsideVectors [V, d] FLOAT, the live outside vectors
     */
    public static void notify(TrainingListener listener, TrainingReport report, Vocabulary vocabulary,
            INDArray centerVectors, INDArray outsideVectors) {
        ModelAtEpochEnd model = new ModelAtEpochEnd(report, vocabulary, centerVectors, outsideVectors);
        try {
            listener.onEpochEnd(model);
        } finally {
            model.open = false;
        }
    }

    @Override
    public TrainingReport report() {
        return report;
    }

    @Override
    public WordVectors snapshot() {
        if (!open) {
            throw new IllegalStateException("the model of epoch " + report.epoch() + " is readable only during"
                    + " onEpochEnd; take the snapshot there");
        }
        return new WordVectors(vocabulary, centerVectors, outsideVectors); // the public constructor copies
    }
}
