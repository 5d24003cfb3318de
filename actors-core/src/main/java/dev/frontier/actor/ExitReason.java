package dev.frontier.actor;

import java.util.Objects;

/**
 * How an actor (or one incarnation of a supervised actor) ended: its body returned, it was stopped,
 * or an exception escaped it. Carried by {@link Terminated} and {@link Exit}.
 *
 * @param kind which of the three
 * @param failure what was thrown, for {@link Kind#FAILED}; null otherwise
 */
public record ExitReason(Kind kind, Throwable failure) {

    /** The three ways an actor ends. */
    public enum Kind {
        /** Its body returned. */
        RETURNED,
        /** It was stopped ({@code system.stop}, its supervisor, or shutdown): {@code GeneratorExit} at its wait. */
        STOPPED,
        /** An exception escaped it (or a linked actor failed and it did not trap exits). */
        FAILED
    }

    /** The body returned. */
    public static final ExitReason RETURNED = new ExitReason(Kind.RETURNED, null);
    /** The actor was stopped. */
    public static final ExitReason STOPPED = new ExitReason(Kind.STOPPED, null);

    /**
     * Checks that a failure comes with {@link Kind#FAILED} and only with it.
     *
     * @throws NullPointerException {@code kind} is null
     * @throws IllegalArgumentException {@code failure} is null for {@code FAILED}, or not null for another kind
     */
    public ExitReason {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure comes with FAILED and only with it: " + kind + ", " + failure);
        }
    }

    /**
     * {@return the reason of an actor that failed with {@code cause}}
     *
     * @param cause what was thrown; must not be null
     */
    public static ExitReason failed(Throwable cause) {
        return new ExitReason(Kind.FAILED, Objects.requireNonNull(cause, "cause"));
    }

    /** {@return whether an exception ended it: {@code kind() == FAILED}} */
    public boolean isFailure() {
        return kind == Kind.FAILED;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RETURNED -> "returned";
            case STOPPED -> "stopped";
            case FAILED -> "failed: " + failure;
        };
    }
}
