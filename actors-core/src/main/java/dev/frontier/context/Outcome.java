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

    /** The body returned {@code value} (possibly {@code null}). */
    record Completed<R>(R value) implements Outcome<R> {
    }

    /** The body threw {@code exception} and the manager suppressed it. */
    record Suppressed<R>(Throwable exception) implements Outcome<R> {
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
     * @throws NoSuchElementException the body's exception was suppressed (it is the cause)
     */
    R value();

    /** Whether the body failed and its exception was suppressed. */
    default boolean wasSuppressed() {
        return this instanceof Suppressed;
    }

    /** The suppressed exception, or empty when the body completed. */
    default Optional<Throwable> suppressedException() {
        return this instanceof Suppressed<R> s ? Optional.of(s.exception()) : Optional.empty();
    }

    /** The body's result, or {@code other} when its exception was suppressed. */
    default R orElse(R other) {
        return this instanceof Completed<R> c ? c.value() : other;
    }

    static <R> Outcome<R> completed(R value) {
        return new Completed<>(value);
    }

    static <R> Outcome<R> suppressed(Throwable exception) {
        return new Suppressed<>(exception);
    }
}
