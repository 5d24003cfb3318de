package dev.frontier.task;

/**
 * An {@link Awaiter} was used outside the running body of the task it was given to: after the
 * task finished, from another thread, or from inside a generator the body is iterating. Python
 * rejects the same thing at compile time ({@code 'await' outside async function}).
 */
public final class AwaitOutsideTaskException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AwaitOutsideTaskException(Throwable cause) {
        super("await called outside the running body of its task", cause);
    }
}
