/**
 * {@link dev.skipgram.check.GradientCheck}: centred finite differences against an analytic gradient,
 * in double precision with the random state restored before every evaluation (SPEC §5).
 */
package dev.skipgram.check;
