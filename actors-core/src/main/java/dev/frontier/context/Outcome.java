package dev.frontier.context;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * How a {@link Contexts#with(ContextManager, ContextBody) with} block ended without an exception
 * reaching the caller: the body {@link Completed completed} with a result, or it failed and the
 * manager {@link Suppressed suppressed} the failure. (A failure that is not suppressed is thrown,
 * not returned.)
 *
 * <pre>{@code
 * switch (Contexts.with(suppress(IOException.class), ignored -> Files.readString(path))) {
 *     case Outcome.Completed<String>(var text) -> show(text);
 *     case Outcome.Suppressed<String>(var why) -> show("(unreadable: " + why.getMessage() + ")");
 * }
 * }</pre>
 *
 * @param <R> the type of the body's result
 */
public sealed interface Outcome<R> {

    /**
     * The body returned {@code value} (possibly {@code null}).
     *
     * @param value the body's result
     * @param <R> the type of the body's result
     */
    record Completed<R>(R value) implements Outcome<R> {
    }

    /**
     * The body threw {@code exception} and the manager suppressed it.
     *
     * @param exception the body's exception
     * @param <R> the type the body's result would have had
     */
    record Suppressed<R>(Throwable exception) implements Outcome<R> {
        /**
         * The outcome of a body whose exception was suppressed.
         *
         * @param exception the body's exception, not null
         */
        public Suppressed {
            if (exception == null) {
                throw new NullPointerException("exception");
            }
        }

        /** There is no result: throws {@link NoSuchElementException} caused by {@link #exception()}. */
        @Override
        public R value() {
            throw new NoSuchElementException("the body did not complete: its exception was suppressed", exception);
        }
    }

    /**
     * The body's result.
     *
     * @return the value the body returned
     * @throws NoSuchElementException the body's exception was suppressed (it is the cause)
     */
    R value();

    /**
     * Whether the body failed and its exception was suppressed.
     *
     * @return {@code true} for a {@link Suppressed} outcome
     */
    default boolean wasSuppressed() {
        return this instanceof Suppressed;
    }

    /**
     * The suppressed exception, or empty when the body completed.
     *
     * @return the body's exception, if it was suppressed
     */
    default Optional<Throwable> suppressedException() {
        return this instanceof Suppressed<R> s ? Optional.of(s.exception()) : Optional.empty();
    }

    /**
     * The body's result, or {@code other} when its exception was suppressed.
     *
     * @param other the value to use instead of a result
     * @return the result or {@code other}
     */
    default R orElse(R other) {
        return this instanceof Completed<R> c ? c.value() : other;
    }
}
