package dev.skipgram.spark;

import java.io.Serializable;

/**
 * The model as one round broadcasts it: X and U, each [V, d] row-major.
 *
 * @param centerVectors X, V·d floats
 * @param outsideVectors U, V·d floats
 */
record Parameters(float[] centerVectors, float[] outsideVectors) implements Serializable {}
