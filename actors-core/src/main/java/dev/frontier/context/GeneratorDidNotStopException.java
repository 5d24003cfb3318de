package dev.frontier.context;

/**
 * Exiting a {@link GeneratorContextManager}: its generator yielded a second time instead of
 * finishing. The manager closes the generator (its {@code finally} blocks run) before throwing.
 * Two messages, as in Python:
 * <ul>
 *   <li>{@code "generator didn't stop"}: after a normal exit (the generator was resumed);</li>
 *   <li>{@code "generator didn't stop after throw()"}: after the body's exception was thrown in
 *       and the generator caught it; that exception is attached as suppressed.</li>
 * </ul>
 */
public final class GeneratorDidNotStopException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The generator yielded again after the body's exception was thrown into it. */
    private final boolean afterThrow;

    private GeneratorDidNotStopException(String message, boolean afterThrow) {
        super(message);
        this.afterThrow = afterThrow;
    }

    static GeneratorDidNotStopException afterResume() {
        return new GeneratorDidNotStopException("generator didn't stop", false);
    }

    static GeneratorDidNotStopException afterThrow() {
        return new GeneratorDidNotStopException("generator didn't stop after throw()", true);
    }

    /**
     * Whether the generator yielded again after the body's exception was thrown into it.
     *
     * @return {@code true} for "didn't stop after throw()"
     */
    public boolean isAfterThrow() {
        return afterThrow;
    }
}
