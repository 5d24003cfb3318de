package dev.frontier.core;

/**
 * A generator body that returns nothing, such as {@code countdown} or a receiver loop.
 * Checked exceptions it throws reach the caller of {@code send}/{@code next} unchanged.
 *
 * @param <Y> the type of values yielded out
 * @param <S> the type of values sent in
 */
@FunctionalInterface
public interface GeneratorProcedure<Y, S> {

    /**
     * Runs the body: called once, on the generator's first {@code next()}.
     *
     * @param yielder the generator's yielder, to yield with
     * @throws Exception anything; it reaches the caller of the resuming call unchanged
     */
    void run(Yielder<Y, S> yielder) throws Exception;
}
