package dev.skipgram.corpus;

/**
 * The vocabulary's word → index map: open addressing with linear probing over three parallel
 * arrays (the words' hashes, their indices, the words), at most half full. A lookup reads the
 * token's hash (cached by {@link String}), probes {@code hashes} and compares the word only where the
 * hash matches, so a miss rarely touches a word and nothing is boxed: it is what every token of a
 * corpus pass goes through, about twice as fast here as a {@code HashMap<String, Integer>}.
 *
 * <p>Immutable once built; safe to read from several threads after safe publication (a final field).
 */
final class WordIndex {

    private final int shift; // 32 − log2(capacity)
    private final int mask;
    private final int[] hashes;
    private final int[] ids; // index + 1; 0 marks an empty slot
    private final String[] words;

    /** An empty index with room for {@code size} words. */
    WordIndex(int size) {
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1; // ≥ 2·size, a power of two
        this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
        this.mask = capacity - 1;
        this.hashes = new int[capacity];
        this.ids = new int[capacity];
        this.words = new String[capacity];
    }

    /** Fibonacci hashing of String's hash: the top bits of h·2^32/φ, so that close hashes spread. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /**
     * Adds {@code word} with {@code index}, unless it is there.
     *
     * @return −1 if added, else the index it already has
     */
    int putIfAbsent(String word, int index) {
        int h = word.hashCode();
        for (int s = slot(h);; s = (s + 1) & mask) {
            if (ids[s] == 0) {
                hashes[s] = h;
                ids[s] = index + 1;
                words[s] = word;
                return -1;
            }
            if (hashes[s] == h && words[s].equals(word)) {
                return ids[s] - 1;
            }
        }
    }

    /** The index of {@code word}, or −1; null finds nothing. */
    int get(String word) {
        if (word == null) {
            return -1;
        }
        int h = word.hashCode();
        for (int s = slot(h);; s = (s + 1) & mask) {
            int id = ids[s];
            if (id == 0) {
                return -1;
            }
            if (hashes[s] == h && words[s].equals(word)) {
                return id - 1;
            }
        }
    }
}
