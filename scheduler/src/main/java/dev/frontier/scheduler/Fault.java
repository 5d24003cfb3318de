package dev.frontier.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * <b>SPI for test tools</b>: what an {@link ScheduleStrategy explored} scheduler does to a delivery
 * instead of (or besides) delivering it. Immutable.
 *
 * <ul>
 *   <li>{@link #NONE}: delivered as sent.</li>
 *   <li>{@link #DROP}: lost in flight; the receiver never sees it (not a dead letter: nobody knows).</li>
 *   <li>{@link #DUPLICATE}: delivered, and delivered once more as the channel's next message, so
 *       the order from that sender is kept.</li>
 *   <li>{@link #delay(Duration)}: not delivered now; the channel (this message and those behind
 *       it from the same sender) is held for that much virtual time, so timers can fire first.</li>
 *   <li>{@link #crash(Throwable)}: the receiver takes the message and fails with {@code cause} as if
 *       its code had thrown it, at once, whatever it was doing: its generator is closed (its
 *       {@code finally} blocks run), the failure is reported and counted, and then it is restarted
 *       if it is supervised, or ends (its termination exceptional) if not.</li>
 * </ul>
 */
public final class Fault {

    /** What a fault does. */
    public enum Kind {
        /** Delivered as sent. */
        NONE,
        /** Lost in flight. */
        DROP,
        /** Delivered twice in a row. */
        DUPLICATE,
        /** Its channel held for a while. */
        DELAY,
        /** The receiver fails as it takes it. */
        CRASH
    }

    /** No fault: the message is delivered as sent. */
    public static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO, null);
    /** The message is lost in flight; the receiver never sees it. */
    public static final Fault DROP = new Fault(Kind.DROP, Duration.ZERO, null);
    /** The message is delivered, then once more as its channel's next message. */
    public static final Fault DUPLICATE = new Fault(Kind.DUPLICATE, Duration.ZERO, null);

    private final Kind kind;
    private final Duration delay;
    private final Throwable cause;

    private Fault(Kind kind, Duration delay, Throwable cause) {
        this.kind = kind;
        this.delay = delay;
        this.cause = cause;
    }

    /**
     * {@return a fault that holds the channel for {@code delay} of virtual time}
     *
     * @param delay how long; must be positive
     * @throws IllegalArgumentException {@code delay} is zero or negative
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("a delay must be positive: " + delay);
        }
        return new Fault(Kind.DELAY, delay, null);
    }

    /**
     * {@return a fault that makes the receiver fail with {@code cause} at this delivery}
     *
     * @param cause what the receiver fails with, as if its code had thrown it; must not be null
     */
    public static Fault crash(Throwable cause) {
        return new Fault(Kind.CRASH, Duration.ZERO, Objects.requireNonNull(cause, "cause"));
    }

    /** {@return what this fault does} */
    public Kind kind() {
        return kind;
    }

    /** {@return for {@link Kind#DELAY}, how long the channel is held; otherwise zero} */
    public Duration delay() {
        return delay;
    }

    /** {@return for {@link Kind#CRASH}, what the receiver fails with; otherwise null} */
    public Throwable cause() {
        return cause;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DELAY -> "delay " + delay.toMillis() + " ms";
            case CRASH -> "crash (" + cause + ")";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
