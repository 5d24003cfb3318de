package dev.frontier.core;

/**
 * {@link Generator#close()} raised {@link GeneratorExit} at the yield and the body yielded again
 * instead of finishing. The generator stays suspended at that new yield.
 * Python's {@code RuntimeError: generator ignored GeneratorExit}.
 */
public final class GeneratorIgnoredExitException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Makes the exception with Python's message, {@code "generator ignored GeneratorExit"}. */
    public GeneratorIgnoredExitException() {
        super("generator ignored GeneratorExit");
    }
}
