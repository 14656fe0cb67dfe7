package dev.skipgram;

/**
 * The model at the end of an epoch, handed to {@link TrainingListener#onEpochEnd} so that a listener
 * can evaluate or save the vectors as they are after each epoch (what gensim users do with
 * {@code CallbackAny2Vec.on_epoch_end}).
 *
 * <p>Training waits while the listener runs: no thread changes the vectors during the call, so a
 * {@link #snapshot()} is exactly the model at the end of {@link TrainingReport#epoch()}. The object is
 * valid only during that call; afterwards {@link #snapshot()} throws. Implemented by the library
 * (the word2vec recipe calls it after each pass over the corpus, the CS224n recipe once, after its
 * last step); there is no reason to implement it elsewhere except in a test.
 *
 * <p>Evolving API: new in 0.1, may change before 1.0.
 */
public interface EpochEnd {

    /**
     * The end-of-epoch report, also sent to {@link TrainingListener#onReport} just before.
     *
     * @return the report, with {@link TrainingReport#endOfEpoch()} true
     */
    TrainingReport report();

    /**
     * A copy of the current centre and outside vectors as a new {@link WordVectors}, independent of
     * the training that goes on after the call. It costs a copy of both [V, d] matrices each time it
     * is called, so a listener that does not need the vectors at some epoch should not call it.
     *
     * @return the vectors at the end of this epoch
     * @throws IllegalStateException if called after {@link TrainingListener#onEpochEnd} returned
     */
    WordVectors snapshot();
}
