package dev.frontier.scheduler;

import dev.frontier.actor.Cancellable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduled action. Settled exactly once, by whichever comes first: it fires ({@link #fire()}
 * runs the action), it is cancelled ({@link #cancel()}, any thread), or its system shuts down
 * before it was due ({@link #abandon()} runs the abandon action, which completes or dead-letters
 * whatever the timer stood for, so nothing waits forever on it).
 *
 * <p>A deque scheduler keeps its timers in a {@link TimerQueue}, which removes a cancelled timer
 * at once (on the scheduler thread) or by the next duty cycle (from another thread).
 */
class Timer extends AtomicInteger implements Cancellable, Comparable<Timer> {
    private static final long serialVersionUID = 1L;

    private static final int PENDING = 0;
    private static final int SETTLED = 1;

    /**
     * The longest delay: about 146 years. Longer ones are clamped, so a deadline is never more than
     * this far from any other live one and {@code a - b} between two deadlines cannot overflow.
     */
    static final long MAX_DELAY_NANOS = Long.MAX_VALUE >> 1;

    final long deadline;
    final transient Runnable action;
    private final transient Runnable onAbandon;
    /** Where it sits in its {@link TimerQueue}'s heap, or -1. Owned by the queue. */
    int index = -1;
    /** Tie-breaker: timers with one deadline fire in the order they were set. Owned by the queue. */
    long sequence;
    /** What cancels it on its host, or null: set by the host that keeps the timer. */
    transient Runnable unlink;

    Timer(long now, Duration delay, Runnable action, Runnable onAbandon) {
        this.deadline = now + delayNanos(delay);
        this.action = action;
        this.onAbandon = onAbandon;
    }

    /** {@code delay} in nanoseconds, negative ones as 0, huge ones clamped to {@link #MAX_DELAY_NANOS}. */
    static long delayNanos(Duration delay) {
        if (delay.isNegative()) {
            return 0;
        }
        if (delay.getSeconds() >= MAX_DELAY_NANOS / 1_000_000_000L) {
            return MAX_DELAY_NANOS;
        }
        return delay.toNanos();
    }

    /** Runs the action unless settled. Must only be called from the thread that keeps the timer. */
    final boolean fire() {
        if (compareAndSet(PENDING, SETTLED)) {
            action.run();
            return true;
        }
        return false;
    }

    /** Runs the abandon action unless settled: the system shut down before the timer was due. */
    final void abandon() {
        if (compareAndSet(PENDING, SETTLED) && onAbandon != null) {
            onAbandon.run();
        }
    }

    @Override
    public final boolean cancel() {
        if (!compareAndSet(PENDING, SETTLED)) {
            return false;
        }
        Runnable u = unlink;
        if (u != null) {
            u.run();
        }
        return true;
    }

    final boolean isSettled() {
        return get() != PENDING;
    }

    @Override
    public final int compareTo(Timer o) {
        int byTime = Long.compare(deadline - o.deadline, 0);
        return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
}
