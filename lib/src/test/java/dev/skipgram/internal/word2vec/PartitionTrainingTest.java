package dev.skipgram.internal.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skipgram.LossType;
import dev.skipgram.SkipGramConfig;
import dev.skipgram.corpus.Vocabulary;
import dev.skipgram.internal.kernels.FloatMatrix;
import dev.skipgram.random.RestorableRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PartitionTraining}: rounds trained with tables built once against tables built per round. */
class PartitionTrainingTest {

    private static final int V = 40;
    private static final int D = 8;

    /** Words w0 … w39 with counts falling with their rank. */
    private static Vocabulary vocabulary() {
        List<String> words = new ArrayList<>();
        long[] counts = new long[V];
        for (int r = 0; r < V; r++) {
            words.add("w" + r);
            counts[r] = 400 / (r + 1) + 1;
        }
        return new Vocabulary(words, counts);
    }

    /** 3.5 chunks of sentences of 200 words, drawn log-uniformly over the ranks from a fixed seed. */
    private static PartitionTraining.Chunks chunks(Vocabulary vocabulary) {
        RestorableRandom rng = RestorableRandom.seeded(5);
        List<int[]> sentences = new ArrayList<>();
        for (int s = 0; s < 7 * ChunkFeeder.CHUNK_WORDS / 400; s++) {
            int[] sentence = new int[200];
            for (int i = 0; i < sentence.length; i++) {
                sentence[i] = (int) Math.pow(V, rng.nextDouble()) - 1;
            }
            sentences.add(sentence);
        }
        return PartitionTraining.cut(sentences.iterator(), vocabulary);
    }

    private static SkipGramConfig config(LossType loss) {
        return SkipGramConfig.word2vec().loss(loss).dimension(D).windowSize(3).negatives(3).minCount(1)
                .subsampleThreshold(1e-2).threads(1).seed(3).build();
    }

    /** X and U after every chunk trained, one chunk a round, with or without tables built once. */
    private static float[][] trainRounds(SkipGramConfig config, Vocabulary vocabulary, PartitionTraining.Chunks chunks,
            boolean tablesOnce) {
        FloatMatrix x = FloatMatrix.zeros(V, D);
        FloatMatrix u = FloatMatrix.zeros(V, D);
        RestorableRandom root = RestorableRandom.seeded(config.seed());
        x.fillUniformRows(V, root.split());
        RestorableRandom[] rng = {root.split()};
        PartitionTraining.Tables tables = PartitionTraining.tables(config, vocabulary);
        long before = 0;
        for (int c = 0; c < chunks.count(); c++) {
            PartitionTraining.Outcome outcome = tablesOnce
                    ? PartitionTraining.train(config, vocabulary, tables, x, u, rng, chunks, c, c + 1, before, 1.0)
                    : PartitionTraining.train(config, vocabulary, x, u, rng, chunks, c, c + 1, before, 1.0);
            before += outcome.words();
        }
        float[] xs = new float[V * D];
        float[] us = new float[V * D];
        x.get(0, xs, xs.length);
        u.get(0, us, us.length);
        return new float[][] {xs, us};
    }

    @ParameterizedTest
    @EnumSource(value = LossType.class, names = {"NEGATIVE_SAMPLING", "HIERARCHICAL_SOFTMAX"})
    void tablesBuiltOnceTrainTheSameRoundsAsTablesBuiltEachRound(LossType loss) {
        Vocabulary vocabulary = vocabulary();
        PartitionTraining.Chunks chunks = chunks(vocabulary);
        assertTrue(chunks.count() > 1, "the test needs several rounds: " + chunks.count() + " chunk(s)");
        SkipGramConfig config = config(loss);
        float[][] once = trainRounds(config, vocabulary, chunks, true);
        float[][] each = trainRounds(config, vocabulary, chunks, false);
        assertArrayEquals(each[0], once[0], "X");
        assertArrayEquals(each[1], once[1], "U");
        float[] initial = new float[V * D];
        RestorableRandom root = RestorableRandom.seeded(config.seed());
        FloatMatrix fresh = FloatMatrix.zeros(V, D);
        fresh.fillUniformRows(V, root.split());
        fresh.get(0, initial, initial.length);
        assertFalse(Arrays.equals(initial, once[0]), "training changed X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEGATIVE_SAMPLING", "HIERARCHICAL_SOFTMAX"})
    void theTreeIsBuiltForHierarchicalSoftmaxAlone(String loss) {
        PartitionTraining.Tables tables = PartitionTraining.tables(config(LossType.valueOf(loss)), vocabulary());
        assertEquals(V, tables.keep().length);
        if (loss.equals("HIERARCHICAL_SOFTMAX")) {
            assertNotNull(tables.tree());
        } else {
            assertNull(tables.tree());
        }
    }

    @Test
    void tablesNeedTheNoiseAndTheKeepProbabilities() {
        PartitionTraining.Tables tables = PartitionTraining.tables(config(LossType.NEGATIVE_SAMPLING), vocabulary());
        assertThrows(NullPointerException.class, () -> new PartitionTraining.Tables(null, tables.keep(), null));
        assertThrows(NullPointerException.class, () -> new PartitionTraining.Tables(tables.noise(), null, null));
    }
}
