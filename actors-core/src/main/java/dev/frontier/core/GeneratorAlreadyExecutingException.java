package dev.frontier.core;

/**
 * A generator was resumed while it is running: from inside its own body, from a generator it is
 * resuming, or from a second thread at the same moment. The generator is left as it was.
 * Python's {@code ValueError: generator already executing}.
 */
public final class GeneratorAlreadyExecutingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The exception, with Python's message. */
    public GeneratorAlreadyExecutingException() {
        super("generator already executing");
    }
}
