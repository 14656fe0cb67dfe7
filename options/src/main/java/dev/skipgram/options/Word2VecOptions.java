package dev.skipgram.options;

import dev.skipgram.LossType;
import dev.skipgram.Model;
import dev.skipgram.NegativeSharing;
import dev.skipgram.SkipGramConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The training flags of the word2vec recipe, one definition for every command that trains ({@code
 * skipgram train} and {@code dev.skipgram.spark.SparkTrain}): {@code --dim --window --model
 * --negatives --negative-sharing --loss --epochs --min-count --subsample --learning-rate --seed},
 * with their converters ({@link Spellings}), and the {@link SkipGramConfig.Builder} they make.
 *
 * <p>A picocli mixin: a command declares {@code @Mixin Word2VecOptions training;} and names {@link
 * Word2VecDefaults} as its {@code defaultValueProvider}, so that each flag's default is the
 * library's word2vec preset's. What differs between the commands stays in them: the input and
 * output flags, checkpoints, and {@code --threads} (threads of the machine, or of each Spark task).
 *
 * <pre>
 *   SkipGramConfig config = training.build(training.builder().threads(threads));
 * </pre>
 *
 * <p>Not thread-safe: picocli fills the fields when it parses a command line.
 */
public final class Word2VecOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--dim", paramLabel = "D", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--window", paramLabel = "M",
            description = "Largest window radius; each word's radius is drawn from 1..M (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--model", paramLabel = "skip-gram|cbow", converter = Spellings.ModelName.class,
            completionCandidates = Spellings.ModelName.class,
            description = "The model: skip-gram (each context word predicts the word at the centre of its window)"
                + " or cbow (the mean of the window's context words predicts it, one prediction per word, as"
                + " word2vec.c's -cbow 1 and gensim's sg=0; trains with negative sampling or hierarchical softmax;"
                + " much faster). CBOW keeps the learning rate default, as gensim; word2vec.c starts CBOW at 0.05"
                + " (default: ${DEFAULT-VALUE}).")
    Model model;

    @Option(names = "--negatives", paramLabel = "K",
            description = "Negative words per pair, or per word with --model cbow (default: ${DEFAULT-VALUE}).")
    int negatives;

    @Option(names = "--negative-sharing", paramLabel = "pair|window", converter = Spellings.Sharing.class,
            completionCandidates = Spellings.Sharing.class,
            description = "Skip-gram's update: pair (each word-context pair takes its own step, with its own K"
                + " negatives, as word2vec.c) or window (a word's context pairs take one batched step: with"
                + " negative sampling they share one draw of K negatives, HogBatch; with hierarchical softmax"
                + " they share the word's path); CBOW ignores it (default: window with negative sampling, faster"
                + " and better than gensim; pair with hierarchical softmax, where batching costs quality against"
                + " gensim; skipgram-spark: window with either loss, 1.4x faster on Spark with hierarchical softmax"
                + " and as good).")
    NegativeSharing negativeSharing; // null: the library's default for the loss

    @Option(names = "--loss", paramLabel = "negative-sampling|softmax|hierarchical-softmax",
            converter = Spellings.Loss.class, completionCandidates = Spellings.Loss.class,
            description = "The loss: negative sampling (K noise words a pair), the full softmax over the vocabulary"
                + " (O(V) a pair), or hierarchical softmax (word2vec.c's -hs 1: a path of about log2 V nodes in"
                + " the Huffman tree of the word counts; ignores --negatives) (default: ${DEFAULT-VALUE}).")
    LossType loss;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--min-count", paramLabel = "N",
            description = "Words rarer than this are dropped (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--subsample", paramLabel = "T",
            description = "Subsampling threshold t: frequent words are kept with probability (sqrt(f/(tN)) + 1)·tN/f;"
                + " 0 turns it off (default: ${DEFAULT-VALUE}).")
    double subsample;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Initial learning rate, decaying linearly to about 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random choice, and of the built-in corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Options for picocli to fill; a command gets them with {@code @Mixin}. */
    public Word2VecOptions() {}

    /**
     * The word2vec preset ({@link SkipGramConfig#word2vec()}) with these options. A learning rate
     * below the preset's {@code minLearningRate} takes word2vec.c's floor instead, 1e-4 of itself, so
     * that the rate still decays. {@code --negative-sharing} left out leaves the sharing to the
     * library, which follows the loss. The command adds what is its own (threads, checkpoints,
     * reports) and calls {@link #build(SkipGramConfig.Builder)}.
     *
     * @return a new builder
     * @throws ParameterException if {@code --model cbow} comes with {@code --loss softmax}, which
     *     neither word2vec.c nor gensim offers
     */
    public SkipGramConfig.Builder builder() {
        if (model == Model.CBOW && loss == LossType.NAIVE_SOFTMAX) {
            throw new ParameterException(command.commandLine(), "--model cbow trains with --loss negative-sampling or"
                    + " hierarchical-softmax, not softmax (word2vec.c and gensim offer no CBOW with the full softmax)");
        }
        SkipGramConfig preset = SkipGramConfig.word2vec().build();
        SkipGramConfig.Builder b = SkipGramConfig.word2vec()
                .dimension(dimension).windowSize(window).negatives(negatives).negativeSharing(negativeSharing)
                .model(model).loss(loss).epochs(epochs)
                .minCount(minCount).subsampleThreshold(subsample).learningRate(learningRate)
                .seed(seed);
        if (learningRate > 0 && learningRate < preset.minLearningRate()) {
            b.minLearningRate(learningRate * 1e-4); // word2vec.c's floor: 1e-4 of the starting rate
        }
        return b;
    }

    /**
     * Builds the config, with the library's refusal of a value as a usage error of the command.
     *
     * @param builder a builder from {@link #builder()}, with the command's own settings
     * @return the config
     * @throws ParameterException if the library refuses a value; its message names the flag instead of
     *     the setting ({@code --dim must be >= 1, got 0})
     */
    public SkipGramConfig build(SkipGramConfig.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), Flags.flagNames(e.getMessage()), e);
        }
    }
}
