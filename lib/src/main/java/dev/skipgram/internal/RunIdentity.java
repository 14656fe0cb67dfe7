package dev.skipgram.internal;

import dev.skipgram.SkipGramConfig;
import dev.skipgram.checkpoint.RunSettings;
import dev.skipgram.corpus.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What a checkpoint records of the run that wrote it, in both recipes: the config's
 * {@link SkipGramConfig#runSettings()} and a checksum of the vocabulary, so that a checkpoint is
 * never resumed by another run or on another corpus. Stateless. Internal: no compatibility promise.
 */
public final class RunIdentity {

    /** The key of the vocabulary's checksum in the run settings. */
    public static final String VOCABULARY = "vocabulary";

    private RunIdentity() {}

    /**
     * The settings a resumed run must share with the run that wrote the checkpoint.
     *
     * @param config the run's config
     * @param vocabulary the run's vocabulary
     * @return the config's run settings with the vocabulary's checksum
     */
    public static RunSettings of(SkipGramConfig config, Vocabulary vocabulary) {
        return config.runSettings().with(VOCABULARY, Long.toHexString(checksum(vocabulary)));
    }

    /**
     * The values that a checkpoint written before a setting existed was trained with: the word2vec
     * recipe drew fresh negatives for every pair ({@code PAIR}) before {@code negativeSharing} was a
     * setting.
     */
    private static final Map<String, String> BEFORE_THEY_WERE_RECORDED = Map.of("negativeSharing", "PAIR");

    /**
     * A checkpoint's settings as the run that wrote them trained: each setting newer than the
     * checkpoint, so not recorded in it, with the value that run had no choice but to use.
     *
     * @param saved the settings a checkpoint records
     * @return {@code saved} with the missing settings filled in
     */
    public static RunSettings asTrained(RunSettings saved) {
        Map<String, String> pairs = new LinkedHashMap<>(saved.pairs());
        BEFORE_THEY_WERE_RECORDED.forEach(pairs::putIfAbsent);
        return new RunSettings(pairs);
    }

    /** A checksum of the vocabulary's words and counts, in order, and of its size. */
    static long checksum(Vocabulary vocabulary) {
        CRC32 crc = new CRC32();
        for (int w = 0; w < vocabulary.size(); w++) {
            crc.update(vocabulary.word(w).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            long count = vocabulary.count(w);
            for (int i = 0; i < 8; i++) {
                crc.update((int) (count >>> (8 * i)));
            }
        }
        return crc.getValue() ^ ((long) vocabulary.size() << 32);
    }
}
