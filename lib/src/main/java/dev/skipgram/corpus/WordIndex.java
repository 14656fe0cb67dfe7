package dev.skipgram.corpus;

import java.util.Arrays;

/**
 * The vocabulary's word → index map, laid out for the lookup every token of a corpus pass makes:
 * open addressing with linear probing over one int array of (hash, index + 1) pairs, at most half
 * full, and the words' characters in one array in index order (the most frequent words first, so the
 * words most tokens compare against stay in cache). A lookup touches one slot pair, and the
 * characters only where the hash matches; it never touches a {@link String} object, boxes nothing,
 * and can take a token's characters without a String made of them ({@link #get(char[], int)}).
 *
 * <p>Grows as words are added (doubling its slots when half full). Not thread-safe while words are
 * added; once built, safe to read from several threads after safe publication (a final field).
 */
final class WordIndex {

    private int shift; // 32 − log2(slots)
    private int mask;
    private int[] slots; // [2·slot] = hash, [2·slot + 1] = index + 1; 0 marks an empty slot
    private int[] starts = new int[16]; // word i is chars[starts[i], starts[i + 1])
    private char[] chars = new char[64];
    private int size;

    /** An empty index with room for {@code capacity} words before it grows. */
    WordIndex(int capacity) {
        allocate(Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1); // ≥ 2·capacity, a power of two
    }

    private void allocate(int n) {
        this.shift = 32 - Integer.numberOfTrailingZeros(n);
        this.mask = n - 1;
        this.slots = new int[2 * n];
    }

    /** Doubles the slots and places every word again. */
    private void grow() {
        int n = mask + 1;
        if (n > 1 << 29) {
            throw new IllegalStateException("more than " + (n / 2) + " distinct words");
        }
        int[] old = slots;
        allocate(2 * n);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int s = slot(old[i]);
                while (slots[2 * s + 1] != 0) {
                    s = (s + 1) & mask;
                }
                slots[2 * s] = old[i];
                slots[2 * s + 1] = old[i + 1];
            }
        }
    }

    /** Fibonacci hashing of String's hash: the top bits of h·2^32/φ, so that close hashes spread. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /**
     * Adds {@code word} with the next index ({@code size()} before the call), unless it is there.
     *
     * @return −1 if added, else the index it already has
     */
    int add(String word) {
        int h = word.hashCode();
        for (int s = slot(h);; s = (s + 1) & mask) {
            int id = slots[2 * s + 1];
            if (id == 0) {
                append(word.toCharArray(), word.length());
                place(s, h);
                return -1;
            }
            if (slots[2 * s] == h && sameChars(id - 1, word)) {
                return id - 1;
            }
        }
    }

    /**
     * The index of the word {@code token[0, length)}, added with the next index if it is not there:
     * how a pass over a corpus counts its words in order of first occurrence.
     *
     * @return the word's index, new ({@code size() − 1} after the call) or not
     */
    int indexOrAdd(char[] token, int length) {
        int h = hash(token, length);
        for (int s = slot(h);; s = (s + 1) & mask) {
            int id = slots[2 * s + 1];
            if (id == 0) {
                append(token, length);
                place(s, h);
                return size - 1;
            }
            if (slots[2 * s] == h && sameChars(id - 1, token, length)) {
                return id - 1;
            }
        }
    }

    /** Word {@code index}, as a new String. */
    String word(int index) {
        return new String(chars, starts[index], starts[index + 1] - starts[index]);
    }

    /** Stores the characters of word number {@code size}. */
    private void append(char[] token, int length) {
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, 2 * starts.length);
        }
        int start = starts[size];
        if (start + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, start + length));
        }
        System.arraycopy(token, 0, chars, start, length);
        starts[size + 1] = start + length;
    }

    /** Points empty slot {@code s} at word number {@code size} (just appended), growing when half full. */
    private void place(int s, int h) {
        slots[2 * s] = h;
        slots[2 * s + 1] = ++size;
        if (2 * size > mask + 1) {
            grow();
        }
    }

    private static int hash(char[] token, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + token[i];
        }
        return h;
    }

    /** How many words were added. */
    int size() {
        return size;
    }

    /** The index of {@code word}, or −1; null finds nothing. */
    int get(String word) {
        if (word == null) {
            return -1;
        }
        int h = word.hashCode();
        for (int s = slot(h);; s = (s + 1) & mask) {
            int id = slots[2 * s + 1];
            if (id == 0) {
                return -1;
            }
            if (slots[2 * s] == h && sameChars(id - 1, word)) {
                return id - 1;
            }
        }
    }

    /**
     * The index of the word {@code token[0, length)}, or −1: {@link #get(String)} without making the
     * String (the hash is String's, over the same chars).
     */
    int get(char[] token, int length) {
        int h = hash(token, length);
        for (int s = slot(h);; s = (s + 1) & mask) {
            int id = slots[2 * s + 1];
            if (id == 0) {
                return -1;
            }
            if (slots[2 * s] == h && sameChars(id - 1, token, length)) {
                return id - 1;
            }
        }
    }

    private boolean sameChars(int index, String word) {
        int start = starts[index];
        int length = word.length();
        if (starts[index + 1] - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChars(int index, char[] token, int length) {
        int start = starts[index];
        return starts[index + 1] - start == length
                && Arrays.equals(chars, start, start + length, token, 0, length);
    }
}
