package dev.frontier.core;

/**
 * A generator body that returns a value: Python's generator function with {@code return result}.
 * Checked exceptions it throws reach the caller of {@code send}/{@code next} unchanged.
 *
 * @param <Y> the type of values yielded out
 * @param <S> the type of values sent in
 * @param <R> the return type, carried by {@link StopIteration#value()}
 */
@FunctionalInterface
public interface GeneratorFunction<Y, S, R> {

    /**
     * Runs the body: called once, on the generator's first {@code next()}.
     *
     * @param yielder the generator's yielder, to yield with
     * @return the generator's return value
     * @throws Exception anything; it reaches the caller of the resuming call unchanged
     */
    R apply(Yielder<Y, S> yielder) throws Exception;
}
