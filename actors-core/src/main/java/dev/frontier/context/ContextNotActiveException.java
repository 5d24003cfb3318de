package dev.frontier.context;

/**
 * A context manager was exited when it is not inside its block: never entered
 * ({@code "context manager was not entered"}), or exited already
 * ({@code "context manager already exited"}).
 */
public final class ContextNotActiveException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private ContextNotActiveException(String message) {
        super(message);
    }

    static ContextNotActiveException notEntered() {
        return new ContextNotActiveException("context manager was not entered");
    }

    static ContextNotActiveException alreadyExited() {
        return new ContextNotActiveException("context manager already exited");
    }
}
