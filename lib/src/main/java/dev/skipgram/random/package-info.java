/**
 * Random number generators whose state can be checkpointed. Every random choice in skipgram takes
 * its generator as an argument; there is no global generator.
 */
package dev.skipgram.random;
