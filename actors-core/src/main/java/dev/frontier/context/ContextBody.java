package dev.frontier.context;

/**
 * The body of {@link Contexts#with(ContextManager, ContextBody)}: receives the entered value and
 * returns a result. Checked exceptions it throws reach the manager and then the caller unchanged.
 *
 * @param <T> the type of the entered value
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface ContextBody<T, R> {

    /**
     * Runs the block.
     *
     * @param value the entered value
     * @return the block's result
     * @throws Exception anything; the manager sees it, then the caller
     */
    R apply(T value) throws Exception;
}
