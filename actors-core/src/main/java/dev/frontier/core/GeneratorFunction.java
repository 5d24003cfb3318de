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
    R apply(Yielder<Y, S> yielder) throws Exception;
}
