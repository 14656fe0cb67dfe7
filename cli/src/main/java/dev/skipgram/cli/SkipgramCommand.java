package dev.skipgram.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code skipgram} command: lists the subcommands. */
@Command(name = "skipgram",
        mixinStandardHelpOptions = true,
        versionProvider = SkipgramCommand.Version.class,
        description = "Word2vec skip-gram word vectors: train them, query them, evaluate them, plot them.",
        subcommands = {TrainCommand.class, NeighborsCommand.class, AnalogyCommand.class, SimilarityCommand.class,
            EvaluateCommand.class, PlotCommand.class, Cs224nCommand.class, HelpCommand.class},
        commandListHeading = "Commands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  skipgram train                       train on the built-in corpus (seconds)",
            "  skipgram train --corpus text.txt.gz  train on your own text",
            "  skipgram neighbors vectors.bin paris dogs",
            "  skipgram analogy vectors.bin france paris japan",
            "  skipgram plot vectors.bin paris france tokyo japan --out plot.png",
            "",
            "Run 'skipgram COMMAND --help' for a command's options."})
final class SkipgramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Accepted by every command; {@link Main}'s error handler looks for it. */
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace after the one-line message.")
    boolean stackTrace;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE_ERROR;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SkipgramCommand.class.getPackage().getImplementationVersion();
            return new String[] {"skipgram " + (version == null ? "(development build)" : version)};
        }
    }
}
