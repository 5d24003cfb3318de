package dev.frontier.core;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link Generator#send}, {@link Generator#next} and {@link Generator#throwIn} when the
 * generator has nothing more to yield: its body returned (the return value is {@link #value()}),
 * or it was already closed. Python's {@code StopIteration}.
 *
 * <p>It is a {@link NoSuchElementException}, so {@link java.util.Iterator#next()}'s contract holds.
 * A {@code StopIteration} that escapes a generator's body is not taken as that generator's
 * return: it reaches the caller as an {@link IllegalStateException} "generator raised
 * StopIteration" (Python's PEP 479), so a forgotten inner {@code next()} cannot silently end
 * the outer generator.
 */
public final class StopIteration extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    static final String RETURNED = "generator returned";
    static final String CLOSED = "generator is closed";

    private final transient Object value;

    StopIteration(Object value) {
        super(RETURNED);
        this.value = value;
    }

    private StopIteration(String message) {
        super(message);
        this.value = null;
    }

    /** The misuse case: resuming a generator that has already finished. Carries a stack trace. */
    static StopIteration closed() {
        StopIteration misuse = new StopIteration(CLOSED);
        misuse.captureStackTrace();
        return misuse;
    }

    private void captureStackTrace() {
        super.fillInStackTrace();
    }

    /**
     * The generator's return value.
     *
     * @param <R> the body's return type, as the caller knows it
     * @return the value; {@code null} for a {@code void} body or a closed generator
     */
    @SuppressWarnings("unchecked")
    public <R> R value() {
        return (R) value;
    }

    /** A returning generator is normal control flow: no stack trace is captured for it. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
