package dev.skipgram.internal.cs224n;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The windows of one SGD step: for window b, the centre word {@code center(b)} and its outside words
 * {@code outside[start(b) .. start(b + 1))}. Reused from step to step; not thread-safe.
 */
final class WindowBatch {

    private int[] centers;
    private int[] starts;
    private int[] outside;
    private int windows;

    WindowBatch(int capacity, int windowSize) {
        centers = new int[capacity];
        starts = new int[capacity + 1];
        outside = new int[capacity * 2 * windowSize];
    }

    /** Replaces the contents by {@code count} windows drawn from {@code contexts}, radius 1..windowSize. */
    void draw(Cs224nContexts contexts, int count, int windowSize, RandomGenerator rng) {
        windows = 0;
        starts[0] = 0;
        for (int b = 0; b < count; b++) {
            contexts.draw(1 + rng.nextInt(windowSize), rng, this);
        }
    }

    void beginWindow(int center) {
        if (windows == centers.length) {
            centers = Arrays.copyOf(centers, 2 * windows);
            starts = Arrays.copyOf(starts, 2 * windows + 1);
        }
        centers[windows] = center;
        starts[windows + 1] = starts[windows];
    }

    void addOutside(int word) {
        int end = starts[windows + 1];
        if (end == outside.length) {
            outside = Arrays.copyOf(outside, 2 * end);
        }
        outside[end] = word;
        starts[windows + 1] = end + 1;
    }

    /** Keeps the window if it has an outside word; returns whether it did. */
    boolean endWindow() {
        if (starts[windows + 1] == starts[windows]) {
            return false;
        }
        windows++;
        return true;
    }

    int windows() {
        return windows;
    }

    int center(int b) {
        return centers[b];
    }

    int start(int b) {
        return starts[b];
    }

    int end(int b) {
        return starts[b + 1];
    }

    int outside(int i) {
        return outside[i];
    }

    /** The outside words of window b as a new array. */
    int[] outsideWords(int b) {
        return Arrays.copyOfRange(outside, starts[b], starts[b + 1]);
    }
}
