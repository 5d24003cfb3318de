package dev.frontier.core;

/**
 * Raised at a suspended yield by {@link Generator#close()} so that the body's {@code finally}
 * blocks run. Python's {@code GeneratorExit}.
 *
 * <p>It is an {@link Error}, not an {@link Exception}, for the reason Python makes it a
 * {@code BaseException}: a body that does {@code catch (Exception e)} around a yield must not
 * swallow its own shutdown. A body may catch it to clean up; it must then return (or rethrow),
 * never yield again: that is {@link GeneratorIgnoredExitException}.
 */
public final class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * A new exit. {@link Generator#close()} makes one; an actor host that runs a body on a thread
     * of its own (not a generator) throws one at the body's wait to stop it the same way.
     */
    public GeneratorExit() {
        // suppression on: a try-with-resources in the body attaches a failing close() to it,
        // and Generator.close() reports that failure instead of losing it
        super("generator closed", null, true, false);
    }
}
