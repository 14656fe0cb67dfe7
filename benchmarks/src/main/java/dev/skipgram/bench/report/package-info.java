/**
 * Turns a JMH JSON result file of the benchmarks into the tables and plots of {@code
 * docs/benchmarks.md}: {@link dev.skipgram.bench.report.Report} is the entry point; the parsing,
 * unit conversion and log-log fits are package-private and unit-tested.
 */
package dev.skipgram.bench.report;
