package dev.frontier.context;

/**
 * The body of {@link Contexts#withVoid(ContextManager, ContextAction)}: receives the entered value
 * and returns nothing. Checked exceptions it throws reach the manager and then the caller unchanged.
 *
 * @param <T> the type of the entered value
 */
@FunctionalInterface
public interface ContextAction<T> {

    /**
     * Runs the block.
     *
     * @param value the entered value
     * @throws Exception anything; the manager sees it, then the caller
     */
    void run(T value) throws Exception;
}
