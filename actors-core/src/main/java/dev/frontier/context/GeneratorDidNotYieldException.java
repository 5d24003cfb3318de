package dev.frontier.context;

/**
 * Entering a {@link GeneratorContextManager}: its generator returned without yielding, so there
 * is no value for the body and no place to resume at exit. The body does not run.
 * Python's {@code RuntimeError: generator didn't yield}.
 */
public final class GeneratorDidNotYieldException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GeneratorDidNotYieldException() {
        super("generator didn't yield");
    }
}
