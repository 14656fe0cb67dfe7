package dev.skipgram.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the {@code skipgram} command.
 *
 * <p>Exit codes: 0 success, 1 a runtime error (a missing file, an unknown word, a failed run), 2 a
 * usage error (an unknown option, a bad value). Every error is one line on standard error,
 * {@code skipgram: <message>}; {@code --stacktrace} adds the stack trace.
 *
 * <p>Public only to be the jar's main class: not an API. Not instantiable; {@link #main} exits the
 * JVM.
 */
public final class Main {

    /** Exit code of a run that failed for a reason other than its arguments. */
    static final int RUNTIME_ERROR = 1;
    /** Exit code of a command line that could not be parsed or had a bad value. */
    static final int USAGE_ERROR = 2;

    private Main() {}

    /** How the user runs this program, for hints: {@code ./skipgram} when started by the launcher. */
    static String program() {
        String launcher = System.getenv("SKIPGRAM_PROGRAM");
        return launcher == null || launcher.isBlank() ? "skipgram" : launcher;
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        // ND4J leaves non-daemon threads behind; end the process explicitly.
        System.exit(code);
    }

    /**
     * Runs the command line with the given output streams, as {@link #main} does, without exiting.
     *
     * @param out where results go
     * @param err where progress, messages and errors go
     * @param args the command line
     * @return the exit code
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line: streams, error handlers and exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new SkipgramCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setOverwrittenOptionsAllowed(true); // as in most Unix tools, the last of a repeated option wins
        cmd.setUsageHelpAutoWidth(true); // the help fills a wide terminal (80 columns elsewhere)
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("skipgram: " + describe(e));
            if (stackTraceRequested(parseResult)) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return RUNTIME_ERROR;
        });
        cmd.setParameterExceptionHandler(Main::usageError);
        return cmd;
    }

    /** One line for a usage error, naming the command and where its help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder("skipgram: ").append(lowerFirst(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append('?');
            }
        }
        line.append(" (see '").append(name).append(" --help')");
        command.getErr().println(line);
        command.getErr().flush();
        return USAGE_ERROR;
    }

    private static boolean stackTraceRequested(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    /** The message of an exception as one line for a user, without class names where the message says enough. */
    static String describe(Throwable e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException && t.getCause() != null && (t.getMessage() == null
                || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String message;
        if (t instanceof NoSuchFileException n) {
            message = "no such file: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        } else if (t instanceof AccessDeniedException a) {
            message = "permission denied: " + a.getFile();
        } else if (t instanceof FileSystemException f && f.getReason() != null) {
            message = f.getFile() + ": " + f.getReason();
        } else if (t instanceof UserError || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof IOException || t instanceof UncheckedIOException) {
            message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        } else {
            message = "unexpected " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage())
                    + " (run again with --stacktrace for details)";
        }
        return message.replace('\n', ' ');
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
