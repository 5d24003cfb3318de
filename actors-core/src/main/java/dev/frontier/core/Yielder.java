package dev.frontier.core;

/**
 * The handle a generator body uses to yield: Python's {@code yield} expression and
 * {@code yield from}, as methods. A body receives its yielder as the argument of its
 * {@link GeneratorFunction}.
 *
 * <p>Must only be called from the running body of the generator it was given to (on whatever
 * thread is resuming it); any other use throws {@link YieldOutsideGeneratorException}.
 *
 * @param <Y> the type of values yielded out
 * @param <S> the type of values sent in
 */
public interface Yielder<Y, S> {

    /**
     * Suspends the body, handing {@code value} to the caller of {@code send}/{@code next}. Returns
     * the value of the next {@link Generator#send(Object)} ({@code null} for {@link Generator#next()}),
     * or throws the exception given to {@link Generator#throwIn(Throwable)} or the
     * {@link GeneratorExit} of {@link Generator#close()}. Python's {@code sent = yield value}.
     *
     * @param value the value handed out
     * @return the value sent in on resumption
     */
    S yield(Y value);

    /**
     * {@code yield(null)}: Python's bare {@code item = yield}, for bodies that only receive.
     *
     * @return the value sent in on resumption
     */
    default S yield() {
        return this.yield(null);
    }

    /**
     * Delegates to {@code sub} until it returns, and returns its return value: Python's
     * {@code result = yield from sub} (PEP 380). Values {@code sub} yields pass out to this
     * generator's caller; values sent and exceptions thrown into this generator pass in to
     * {@code sub}; closing this generator closes {@code sub} first. A {@code sub} that has
     * already finished returns {@code null} at once.
     *
     * @param sub the generator to delegate to
     * @param <T> its return type
     * @return {@code sub}'s return value
     */
    <T> T yieldFrom(Generator<? extends Y, ? super S, T> sub);

    /**
     * Yields each element of a plain iterable: {@code yield from} a list. A plain iterable cannot
     * receive: sending it a non-null value throws {@link IllegalArgumentException} at this call.
     *
     * @param items the values to yield, in order
     */
    void yieldAll(Iterable<? extends Y> items);
}
