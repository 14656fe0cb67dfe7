package dev.skipgram.cli;

import picocli.CommandLine.Option;

/** The {@code -n} option of the query commands. */
final class QueryOptions {

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "10",
            description = "How many words to show (default: ${DEFAULT-VALUE}).")
    int count;
}
