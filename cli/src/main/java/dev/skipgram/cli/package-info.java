/**
 * The {@code skipgram} command line: {@code train}, {@code neighbors}, {@code analogy},
 * {@code similarity}, {@code evaluate}, {@code plot} and {@code cs224n}, run by {@link
 * dev.skipgram.cli.Main}.
 *
 * <p>Not an API: the command-line flags are this module's interface, and every class here but
 * {@code Main} is package-private. {@code skipgram COMMAND --help} lists a command's flags;
 * {@code docs/api.md} lists the commands and what is stable.
 */
package dev.skipgram.cli;
