package dev.skipgram.cli;

/**
 * A problem the user can fix (a missing file, an unknown word, a checkpoint directory in the wrong
 * state): {@link Main} prints its message as one line, {@code skipgram: <message>}, and exits with 1.
 */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
