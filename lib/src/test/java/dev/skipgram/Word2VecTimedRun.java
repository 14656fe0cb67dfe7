package dev.skipgram;

import dev.skipgram.corpus.Corpus;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.io.Word2VecFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The word2vec recipe on a corpus with the benchmark settings of {@code ../shared/bench/gensim_train.py}
 * (d = 100, window 5, K = 5, min count 5, subsampling 1e-4, learning rate 0.025 → 0.0001), timed, with
 * the vectors written in word2vec text format for {@code eval_vectors.py}. Not a test; see
 * {@code scripts/word2vec-timing.sh}.
 *
 * <p>Arguments: corpus, output vectors, [threads], [epochs], [seed], [maxVocabularySize],
 * [negative-sampling|softmax].
 */
public final class Word2VecTimedRun {

    private Word2VecTimedRun() {}

    public static void main(String[] args) throws java.io.IOException {
        Corpus corpus = Corpus.plainText(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        int maxVocabulary = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
        LossType loss = args.length > 6 && args[6].equals("softmax") ? LossType.NAIVE_SOFTMAX
                : LossType.NEGATIVE_SAMPLING;
        SkipGramConfig config = SkipGramConfig.word2vec().dimension(100).windowSize(5).negatives(5).minCount(5)
                .subsampleThreshold(1e-4).learningRate(0.025).minLearningRate(0.0001).epochs(epochs)
                .threads(threads).seed(seed).maxVocabularySize(maxVocabulary).loss(loss).build();
        long t0 = System.nanoTime();
        Vocabulary vocabulary = Vocabulary.byCount(corpus, 5, maxVocabulary); // timed apart, like gensim's vocab_s
        double vocabSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        WordVectors vectors = SkipGram.train(corpus, config, r -> System.out.printf(Locale.ROOT,
                "epoch %d/%d %5.1f%%  loss %.4f  lr %.5f  %,.0f words/s  %.1f s%n", r.epoch(), r.epochs(),
                100 * r.progress(), r.meanLoss(), r.learningRate(), r.wordsPerSecond(), r.elapsed().toNanos() / 1e9));
        double total = (System.nanoTime() - t1) / 1e9;
        double train = total - vocabSeconds; // train() reads the vocabulary too: take that pass out
        long raw = vocabulary.totalCount() * epochs;
        System.out.printf(Locale.ROOT, "RESULT {\"system\": \"skipgram\", \"loss\": \"%s\", \"threads\": %d, \"vocab\": %d, "
                        + "\"raw_words\": %d, \"vocab_s\": %.2f, \"train_s\": %.2f, \"total_s\": %.2f, "
                        + "\"words_per_s\": %.0f}%n", loss, threads, vocabulary.size(), raw, vocabSeconds, train, total,
                raw / train);
        Word2VecFormat.write(vectors, out, Word2VecFormat.formatOf(out));
    }
}
